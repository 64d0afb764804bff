"""The typed, immutable record that :func:`cleanpage.clean` returns.

Values are frozen, slotted and keyword-only so they can be hashed, compared in golden tests,
pickled across process pools and never edited behind the caller's back. Every value has
``to_dict``/``from_dict`` that round-trip through JSON.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from dataclasses import dataclass
from typing import Any

from cleanpage.pipeline.blocks import Reason
from cleanpage.pipeline.elements import Element, ElementKind

__all__ = [
    "Attribution",
    "AttributionKind",
    "Element",
    "ElementKind",
    "InputKind",
    "Page",
    "PageType",
    "PageWarning",
    "Removed",
    "Response",
]


class InputKind(str, enum.Enum):
    """What the source was read as. A ``str`` enum so it serialises as ``"html"``/``"text"``."""

    HTML = "html"
    TEXT = "text"

    def __str__(self) -> str:
        return self.value


class PageType(str, enum.Enum):
    """What the page is: a page with content of its own (an article, a post, a product), or a
    thread whose posts are its content (forum, Q&A, mailing-list archive, discussion page): its
    opening post is the body and every reply a :class:`Response`."""

    PAGE = "page"
    THREAD = "thread"

    def __str__(self) -> str:
        return self.value


class AttributionKind(str, enum.Enum):
    """The shape a credit takes on the page (see docs/attribution.md)."""

    DATELINE = "dateline"
    CREDIT = "credit"
    CONTRIBUTOR = "contributor"
    BYLINE = "byline"
    COPYRIGHT = "copyright"

    def __str__(self) -> str:
        return self.value


class PageWarning(str, enum.Enum):
    """Why a page may not be all of its source. The page is still returned: what was read is right,
    but a corpus should know that something is missing (see docs/schema.md)."""

    #: the HTML parser stopped before the end of the document, even when parsed again without
    #: libxml2's size limits and with its nesting flattened: what came after that point is missing
    TRUNCATED = "truncated"
    #: an element had more attributes than cleanpage parses (a flood of thousands, which the C
    #: parser reads in quadratic time); those past the limit were dropped before parsing
    ATTRIBUTES_DROPPED = "attributes-dropped"
    #: the archive says its crawler cut the page before its end (a WARC record's ``WARC-Truncated``
    #: header: a size or time limit, a dropped connection): the rest was never saved
    SOURCE_TRUNCATED = "source-truncated"
    #: the page was too long to hand to trafilatura (its extraction grows faster than the page:
    #: 83x the time for 20x the text), or its tables nest past reason (its table handling is cubic
    #: in the nesting); the body was chosen without the engine's vote
    ENGINE_SKIPPED = "engine-skipped"

    def __str__(self) -> str:
        return self.value


def _date_to_json(value: _dt.date | _dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_from_json(value: str | None) -> _dt.date | _dt.datetime | None:
    if not value:
        return None
    if "T" in value or " " in value:
        return _dt.datetime.fromisoformat(value)
    return _dt.date.fromisoformat(value)


@dataclass(frozen=True, kw_only=True, slots=True)
class Attribution:
    """A wire-service or author credit: ``agency`` is the canonical short name (``"AP"``), or
    ``None`` for a credit to a person/outlet that is not in the agency table.

    ``agencies`` names every agency the credit names, ``agency`` first: one credit of several
    agencies ("Washington (dpa/AP) -", "avec AFP et Reuters") stays one entry with the page's one
    text, so the text is never listed twice, and a corpus counting who supplied a story sees each."""

    agency: str | None
    text: str
    kind: AttributionKind
    agencies: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.agency is None:
            if self.agencies:
                raise ValueError("Attribution: agencies given without an agency")
        elif not self.agencies:
            object.__setattr__(self, "agencies", (self.agency,))
        elif self.agencies[0] != self.agency:
            raise ValueError(f"Attribution: agencies {self.agencies!r} do not start with {self.agency!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency, "agencies": list(self.agencies), "text": self.text, "kind": self.kind.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(agency=data.get("agency"), agencies=tuple(data.get("agencies") or ()), text=data["text"],
                   kind=AttributionKind(data["kind"]))


@dataclass(frozen=True, kw_only=True, slots=True)
class Response:
    """One reader response. ``parent`` is the index in ``Page.responses`` of the response it
    replies to, so a thread can be rebuilt without object references."""

    text: str
    author: str | None = None
    published: _dt.date | _dt.datetime | None = None
    parent: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "author": self.author,
            "published": _date_to_json(self.published),
            "parent": self.parent,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Response:
        return cls(
            text=data["text"],
            author=data.get("author"),
            published=_date_from_json(data.get("published")),
            parent=data.get("parent"),
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class Removed:
    """A block that was stripped, and why: ``reason`` names the rule (or the container) that stripped
    it; ``score``, where the block model decided, is its probability that the block was main content
    (below the model's cut)."""

    text: str
    reason: Reason
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason,
                "score": None if self.score is None else round(self.score, 4)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removed:
        return cls(text=data["text"], reason=Reason.of(data["reason"]), score=data.get("score"))


@dataclass(frozen=True, kw_only=True, slots=True)
class Page:
    """A cleaned page. ``body`` is derived from ``paragraphs`` so the two can never disagree."""

    kind: InputKind
    page_type: PageType = PageType.PAGE
    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    #: the body as typed elements (headings, list items, code, tables), beside ``paragraphs``
    elements: tuple[Element, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    authors: tuple[str, ...] = ()
    published: _dt.date | _dt.datetime | None = None
    responses: tuple[Response, ...] = ()
    responses_announced: int | None = None
    removed: tuple[Removed, ...] = ()
    url: str | None = None
    encoding: str | None = None
    encoding_source: str | None = None
    language: str | None = None
    #: Where ``language`` came from: ``"declared"`` by the page, ``"detected"`` from the body, or None.
    language_source: str | None = None
    #: anything the page should not be trusted for (a parse cut short): empty for a whole page
    warnings: tuple[PageWarning, ...] = ()

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    # -- serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Every field; ``warnings`` only when there are any (a whole page has none, and
        its record stays what it always was)."""
        data = {
            "kind": self.kind.value,
            "page_type": self.page_type.value,
            "url": self.url,
            "title": self.title,
            "authors": list(self.authors),
            "published": _date_to_json(self.published),
            "language": self.language,
            "language_source": self.language_source,
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
            "paragraphs": list(self.paragraphs),
            "elements": [e.to_dict() for e in self.elements],
            "attribution": [a.to_dict() for a in self.attribution],
            "responses_announced": self.responses_announced,
            "responses": [r.to_dict() for r in self.responses],
            "removed": [r.to_dict() for r in self.removed],
        }
        if self.warnings:
            data["warnings"] = [w.value for w in self.warnings]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Page:
        return cls(
            kind=InputKind(data["kind"]),
            page_type=PageType(data.get("page_type", PageType.PAGE.value)),
            url=data.get("url"),
            title=data.get("title"),
            authors=tuple(data.get("authors", ())),
            published=_date_from_json(data.get("published")),
            language=data.get("language"),
            language_source=data.get("language_source"),
            encoding=data.get("encoding"),
            encoding_source=data.get("encoding_source"),
            paragraphs=tuple(data.get("paragraphs", ())),
            elements=tuple(Element.from_dict(e) for e in data.get("elements", ())),
            attribution=tuple(Attribution.from_dict(a) for a in data.get("attribution", ())),
            responses_announced=data.get("responses_announced"),
            responses=tuple(Response.from_dict(r) for r in data.get("responses", ())),
            removed=tuple(Removed.from_dict(r) for r in data.get("removed", ())),
            warnings=tuple(PageWarning(w) for w in data.get("warnings", ())),
        )

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        """Title and body as plain text: what a corpus wants, nothing else. Headings and list items
        stand on their own lines (a list's items one under the other), tables one row a line."""
        from cleanpage.io.render import page_text

        return page_text(self)

    def to_markdown(self) -> str:
        from cleanpage.io.render import page_markdown

        return page_markdown(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        from cleanpage.io.render import page_html

        return page_html(self)
