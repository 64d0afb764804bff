"""Stage 5 (text): the blocks of a dump's response region, split into responses.

A new response starts at a numbered item ("1. …"), at a "NAME says:" line, or at a "NAME on DATE"
/ date line; indented or plain lines that follow belong to it; "Reply" lines and other chrome
separate responses and are dropped. An item marker is list numbering, not the reader's words, so
it is removed from the first paragraph.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from cleanpage.blocks import Block
from cleanpage.dates import parse_date
from cleanpage.result import Response
from cleanpage.rules import Rules
from cleanpage.text_blocks import ITEM_MARKER

__all__ = ["TextResponses", "split_text_responses"]

_SAYS = re.compile(r"^(?P<name>[^\n]{1,60}?)\s+(?:says|sagt|dit|dice|diz|scrive|zegt|schreibt|wrote|schrieb|a écrit)\s*:?\s*$", re.I)
_ON_DATE = re.compile(r"^(?P<name>[^\n]{1,60}?)\s+(?:on|am|le|el|em|il|op)\s+(?P<date>.{4,60})$", re.I)
_MONTHISH = re.compile(r"\d{1,4}[./\-]\d{1,2}|\d{1,2}:\d{2}|\b(19|20)\d{2}\b")


@dataclass
class _Draft:
    paragraphs: list[str]
    author: str | None = None
    published: _dt.date | _dt.datetime | None = None
    indent: int = 0


@dataclass(frozen=True, slots=True)
class TextResponses:
    responses: tuple[Response, ...]
    chrome: tuple[Block, ...]  # blocks dropped as comment chrome ("Reply", "says:" lines)


def _header(text: str, reference: _dt.datetime | None) -> tuple[str | None, _dt.date | _dt.datetime | None] | None:
    """(author, date) when the line is a response's header line, else None."""
    if len(text) > 120:
        return None
    match = _SAYS.match(text)
    if match:
        return match.group("name").strip("*_ "), None
    match = _ON_DATE.match(text)
    if match and _MONTHISH.search(match.group("date")):
        date = parse_date(match.group("date"), reference)
        if date is not None:
            return match.group("name").strip("*_ "), date
    if _MONTHISH.search(text) and len(text.split()) <= 8:
        date = parse_date(text, reference)
        if date is not None:
            return None, date
    return None


def split_text_responses(blocks: list[Block], rules: Rules, reference: _dt.datetime | None) -> TextResponses:
    drafts: list[_Draft] = []
    chrome: list[Block] = []
    pending: tuple[str | None, _dt.date | _dt.datetime | None] | None = None
    for block in blocks:
        text = block.text
        if rules.comments.is_chrome(text):
            chrome.append(block)
            continue
        header = _header(text, reference)
        if header is not None:
            chrome.append(block)
            pending = header
            continue
        marker = ITEM_MARKER.match(text) if block.tag == "item" else None
        starts = marker is not None or pending is not None or not drafts
        if not starts and drafts and block.indent < drafts[-1].indent and block.indent == 0:
            starts = True
        if starts:
            body = text[marker.end():] if marker else text
            draft = _Draft([body], indent=block.indent)
            if pending is not None:
                draft.author, draft.published = pending
                pending = None
            drafts.append(draft)
        else:
            drafts[-1].paragraphs.append(text)
    responses = tuple(
        Response(text="\n\n".join(d.paragraphs), author=d.author, published=d.published) for d in drafts if d.paragraphs
    )
    return TextResponses(responses, tuple(chrome))
