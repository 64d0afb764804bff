"""Text responses: the blocks of a dump's response region, split into responses.

Takes the labelled blocks (classify marked the response region) and the page's date, for
relative comment dates; gives the responses, the count a response heading announces, and the
blocks again with the comments' chrome relabelled as boilerplate.

A new response starts at a numbered item ("1. …"), at a "NAME says:" line, or at a "NAME on DATE"
/ date line (the introducer shapes are data: ``author_patterns`` in ``rules/comments.toml``);
indented or plain lines that follow belong to it; "Reply" lines and other chrome separate
responses and are dropped. An item marker is list numbering, not the reader's words, so it is
removed from the first paragraph and from an introducer ("1. Petra Hahn sagt:").

Threading: "In reply to Jane" (``reply_patterns``) makes the response a reply to Jane's latest
response; a response that starts deeper indented than the one before it replies to that one.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason
from cleanpage.pipeline.shared.dates import parse_date, parse_visible_date
from cleanpage.pipeline.text.blocks import ITEM_MARKER
from cleanpage.result import Response
from cleanpage.rules import CommentCues, MetadataCues, Rules

__all__ = ["TextResponses", "split_responses"]

# Fallback introducers for languages the table does not list yet ("NAME wrote", "NAME op DATE").
_MONTHISH = re.compile(r"\d{1,4}[./\-]\d{1,2}|\d{1,2}:\d{2}|\b(19|20)\d{2}\b")
#: "[21]3. März 2024" (lynx link references) and markdown emphasis around a name
_REF = re.compile(r"\[\d{1,4}\]")

_Header = tuple[str | None, _dt.date | _dt.datetime | None]


@dataclass
class _Draft:
    paragraphs: list[str]
    author: str | None = None
    published: _dt.date | _dt.datetime | None = None
    indent: int = 0
    parent: int | None = None
    replies_to: str | None = None
    extra: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class TextResponses:
    """The responses, the announced count, and the blocks with the comments' chrome ("Reply",
    "NAME says:" lines) relabelled: it is boilerplate, not a response."""

    labelled: tuple[Labelled, ...]
    responses: tuple[Response, ...]
    announced: int | None


def _when(
    text: str | None, dates: MetadataCues, reference: _dt.datetime | None
) -> _dt.date | _dt.datetime | None:
    """A comment date from free text: absolute dates without dateparser where possible (``dates``:
    the cue words of date lines)."""
    if not text:
        return None
    text = _REF.sub("", text).strip(" ,|·•-–—")
    if not text or not _MONTHISH.search(text) and reference is None:
        return None
    return parse_visible_date(text, cues=dates) or parse_date(text, reference)


def _name(raw: str) -> str | None:
    name = _REF.sub("", raw).strip("*_ :")
    return name if 0 < len(name) <= 60 else None


def _name_like(text: str) -> bool:
    """A display name on its own line ("Lucía M.", "Andrés", "jo_tinkers"), not a sentence."""
    words = text.split()
    if not 0 < len(words) <= 4 or len(text) > 40 or any(ch.isdigit() for ch in text):
        return False
    if text.endswith(("?", "!", ":", ",", ";")):
        return False
    return not text.endswith(".") or len(words[-1]) <= 2


def _header(
    text: str, item: bool, cues: CommentCues, dates: MetadataCues, reference: _dt.datetime | None
) -> _Header | None:
    """(author, date) when the line is a response's header line, else None."""
    if len(text) > 120:
        return None
    marker = ITEM_MARKER.match(text) if item else None
    body = _REF.sub("", text[marker.end():] if marker else text).strip()
    line = cues.author_line(body)
    if line is not None:
        author, date_text = line
        # the whole rest of the line: the table's date group stops before "at 10:12 am"
        rest = body[body.find(author) + len(author):] if author in body else date_text
        if not date_text:
            return _name(author), None
        return _name(author), _when(rest, dates, reference) or _when(date_text, dates, reference)
    if _MONTHISH.search(body) and len(body.split()) <= 8:
        date = _when(body, dates, reference)
        if date is not None:
            return None, date
    return None


def split_responses(
    labelled: tuple[Labelled, ...], rules: Rules, reference: _dt.datetime | None
) -> TextResponses:
    """Split the response region into responses; ``reference`` resolves relative dates."""
    region = [item.block for item in labelled if item.label is Label.RESPONSE]
    responses, chrome = _split(region, rules, reference)
    dropped = {b.index for b in chrome}
    labelled = tuple(
        item._replace(label=Label.BOILERPLATE, reason=Reason.COMMENT_CHROME) if item.block.index in dropped else item
        for item in labelled
    )
    announced = next(
        (rules.comments.announced(i.block.text) for i in labelled if i.label is Label.RESPONSE_HEADER), None
    )
    return TextResponses(labelled=labelled, responses=responses, announced=announced)


def _split(
    blocks: list[Block], rules: Rules, reference: _dt.datetime | None
) -> tuple[tuple[Response, ...], list[Block]]:
    """The responses of the region's blocks, and the blocks dropped as chrome."""
    cues = rules.comments
    drafts: list[_Draft] = []
    chrome: list[Block] = []
    pending: _Header | None = None
    pending_indent = 0
    replies_to: str | None = None
    last_block: Block | None = None  # the block that gave the last paragraph
    for block in blocks:
        text = block.text
        if cues.is_chrome(text) and cues.reply_to(text) is None:
            chrome.append(block)
            continue
        target = cues.reply_to(text) if len(text) <= 80 else None
        if target is not None:
            chrome.append(block)
            replies_to = target
            continue
        if rules.match_text(text) is not None:  # the form's heading ("Deja tu comentario") and such
            chrome.append(block)
            continue
        header = _header(text, block.tag == "item", cues, rules.cues, reference)
        if header is not None:
            chrome.append(block)
            if header[0] is None and pending is None and drafts and last_block is not None:
                # a bare name line, then a date line: the name belongs to the header
                if _name_like(drafts[-1].paragraphs[-1]) and drafts[-1].paragraphs[-1] == last_block.text:
                    header = (drafts[-1].paragraphs.pop(), header[1])
                    chrome.append(last_block)
                    if not drafts[-1].paragraphs:
                        drafts.pop()
            if pending is None:
                pending, pending_indent = header, block.indent
            else:  # "Jane says:" then a date line: one header
                pending = (pending[0] or header[0], pending[1] or header[1])
            last_block = None
            continue
        marker = ITEM_MARKER.match(text) if block.tag == "item" else None
        starts = marker is not None or pending is not None or not drafts
        if not starts and drafts and block.indent < drafts[-1].indent and block.indent == 0:
            starts = True
        if starts:
            body = text[marker.end():] if marker else text
            indent = pending_indent if pending is not None else block.indent
            draft = _Draft([body], indent=indent, replies_to=replies_to)
            if pending is not None:
                draft.author, draft.published = pending
                pending = None
            drafts.append(draft)
            replies_to = None
        else:
            drafts[-1].paragraphs.append(text)
        last_block = block
    return _thread(drafts), chrome


def _thread(drafts: list[_Draft]) -> tuple[Response, ...]:
    """Responses with parents: a named reply target first, else a deeper start indent."""
    out: list[Response] = []
    kept: list[_Draft] = []
    for draft in drafts:
        if not draft.paragraphs:
            continue
        parent: int | None = None
        if draft.replies_to:
            wanted = draft.replies_to.casefold()
            parent = next(
                (i for i in range(len(kept) - 1, -1, -1) if (kept[i].author or "").casefold() == wanted), None
            )
        if parent is None and kept:
            for i in range(len(kept) - 1, -1, -1):
                if kept[i].indent < draft.indent:
                    parent = i
                    break
                if kept[i].indent == draft.indent:
                    parent = kept[i].parent
                    break
        draft.parent = parent
        kept.append(draft)
        out.append(Response(text="\n\n".join(draft.paragraphs), author=draft.author, published=draft.published, parent=parent))
    return tuple(out)
