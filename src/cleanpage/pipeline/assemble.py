"""Assemble: labelled blocks and the other stages' findings become the frozen :class:`Page`.

Takes the labelled blocks, attribution, metadata and responses; gives the :class:`Page`.
"""

from __future__ import annotations

import datetime as _dt

from cleanpage.errors import InternalError
from cleanpage.pipeline.decode import Decoded
from cleanpage.pipeline.blocks import Label, Labelled
from cleanpage.options import Options
from cleanpage.result import Attribution, InputKind, Page, Removed, Response
from cleanpage.rules import Rules

__all__ = ["assemble"]


def assemble(
    labelled: tuple[Labelled, ...],
    *,
    kind: InputKind,
    title: str | None,
    attribution: tuple[Attribution, ...],
    authors: tuple[str, ...],
    published: _dt.date | _dt.datetime | None,
    responses: tuple[Response, ...],
    announced: int | None,
    decoded: Decoded,
    url: str | None,
    language: str | None,
    options: Options,
    rules: Rules,
) -> Page:
    paragraphs: list[str] = []
    removed: list[Removed] = []
    for item in labelled:
        if item.label is Label.BODY:
            # the same paragraph twice in a row is a template echo (a lead repeated as a teaser)
            if not paragraphs or paragraphs[-1] != item.block.text:
                paragraphs.append(item.block.text)
        elif item.label in (Label.BOILERPLATE, Label.RESPONSE_HEADER) and options.keep_removed:
            if item.reason is None:
                raise InternalError(f"a {item.label.value} block carries no reason: {item.block.text[:80]!r}")
            removed.append(Removed(text=item.block.text, reason=item.reason))
    return Page(
        kind=kind,
        url=url,
        title=title,
        paragraphs=tuple(paragraphs),
        attribution=attribution,
        authors=authors,
        published=published,
        responses=responses,
        responses_announced=announced,
        removed=tuple(removed),
        encoding=decoded.encoding,
        encoding_source=decoded.source,
        language=language,
    )
