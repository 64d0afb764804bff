"""Assemble: labelled blocks and the other stages' findings become the frozen :class:`Page`.

Takes the labelled blocks, attribution, metadata and responses; gives the :class:`Page`.
"""

from __future__ import annotations

import datetime as _dt
import re

from cleanpage.errors import InternalError
from cleanpage.options import Options
from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason, text_key
from cleanpage.pipeline.decode import Decoded
from cleanpage.pipeline.elements import build_elements, paragraph_elements
from cleanpage.result import Attribution, InputKind, Page, PageType, Removed, Response
from cleanpage.rules import Rules

__all__ = ["assemble"]

_WORD = re.compile(r"\w+")


def _removed(item: Labelled, reason: Reason | None = None) -> Removed:
    why = reason or item.reason
    if why is None:
        raise InternalError(f"a {item.label.value} block carries no reason: {item.block.text[:80]!r}")
    return Removed(text=item.block.text, reason=why, score=None if item.score is None else round(item.score, 4))


def _words(text: str) -> str:
    """A text's words, lower-cased, without a list marker in front ("1.", "•"): a response holds the
    reader's words, not the numbering or bullets of the dump it came from."""
    words = _WORD.findall(text.casefold())
    if len(words) > 1 and words[0].isdigit():
        words = words[1:]
    return " ".join(words)


def _place(
    labelled: tuple[Labelled, ...],
    attribution: tuple[Attribution, ...],
    responses: tuple[Response, ...],
    *,
    keep_removed: bool,
    opening: tuple[str, ...] = (),
    quoted: tuple[str, ...] = (),
    headline_for: str | None = None,
    dump_title: str | None = None,
) -> tuple[list[Block], list[Removed]]:
    """Every block in exactly one place: the body, the attribution, the responses or ``removed``.

    The places other stages fill are checked here, so nothing leaves the page unrecorded: a body
    paragraph that repeats the one before it (a template echo), a byline line whose name went to the
    authors, a credit already recorded, and a response block whose words no response holds (a
    comment's chrome) are all recorded as removed, with their reason. The body comes back as its
    blocks (their texts are the paragraphs), for the structured body. On a thread (``opening``: the
    opening post's paragraphs) the opening post is the body, and blocks the classifier took for body
    are recorded as outside the main content. A response block that repeats earlier words a reply
    left out as a quote (``quoted``) is recorded as ``quoted``: the words stay once, where written.
    The headline block stands for the title; where ``headline_for`` (an HTML page's title) is another
    source's (the ranker took the ``<title>`` over a site-name ``h1``), it is recorded as ``headline``.
    A text dump's line the classifier took for a headline that is not its title (``dump_title``: a
    forum's "Posts: 51", a share bar's line) is a line before or inside the article like any other.
    """
    paragraphs: list[Block] = []
    removed: list[Removed] = []
    credits = {a.text for a in attribution}
    placed_credits: set[str] = set()
    # the readers' words, each text between spaces, so that a block is found as whole words only
    said = " " + "  ".join(_words(r.text) for r in (*responses, *(Response(text=p) for p in opening))) + " "
    copies = {_words(q) for q in quoted}
    written: set[str] = set()  # quoted words seen once already: the next block with them is the copy
    for item in labelled:
        label, text = item.label, item.block.text
        lost: Removed | None = None
        words = _words(text) if copies else ""
        if words in copies:  # the first block with these words wrote them (any place); a later reply copies
            if label is Label.RESPONSE and words in written:
                if keep_removed:
                    removed.append(_removed(item, Reason.QUOTED))
                continue
            written.add(words)
        if label is Label.BODY and opening:
            lost = _removed(item, Reason.OUTSIDE_MAIN_CONTENT)
        elif label is Label.BODY:
            if paragraphs and paragraphs[-1].text == text:
                lost = _removed(item, Reason.REPEATED)
            else:
                paragraphs.append(item.block)
        elif label in (Label.BOILERPLATE, Label.RESPONSE_HEADER):
            lost = _removed(item)
        elif label is Label.META:
            lost = _removed(item, Reason.BYLINE)
        elif label is Label.ATTRIBUTION:
            if text in credits and text not in placed_credits:
                placed_credits.add(text)
            else:
                lost = _removed(item, Reason.REPEATED)
        elif label is Label.RESPONSE and f" {_words(text)} " not in said:
            lost = _removed(item, Reason.COMMENT_CHROME)
        elif label is Label.TITLE and headline_for is not None and text_key(text) != text_key(headline_for):
            lost = _removed(item, Reason.HEADLINE)
        elif label is Label.TITLE and dump_title is not None and text_key(text) != text_key(dump_title):
            lost = _removed(item, Reason.INSIDE_CONTENT if paragraphs else Reason.BEFORE_CONTENT)
        if lost is not None and keep_removed:
            removed.append(lost)
    return [] if opening else paragraphs, removed


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
    opening: tuple[str, ...] = (),
    quoted: tuple[str, ...] = (),
    thread: bool = False,
) -> Page:
    """The page; ``opening`` (a thread's opening post) makes it a thread whose body is that post;
    ``thread`` makes it a thread whose opening post the blocks read (it stands apart from the posts)."""
    body, removed = _place(labelled, attribution, responses, keep_removed=options.keep_removed,
                           opening=opening, quoted=quoted, headline_for=title if kind is InputKind.HTML else None,
                           dump_title=(title or "") if kind is InputKind.TEXT else None)
    paragraphs = opening or tuple(block.text for block in body)
    return Page(
        kind=kind,
        url=url,
        title=title,
        paragraphs=paragraphs,
        elements=paragraph_elements(opening) if opening else build_elements(body),
        attribution=attribution,
        authors=authors,
        published=published,
        responses=responses,
        responses_announced=announced,
        removed=tuple(removed),
        encoding=decoded.encoding,
        encoding_source=decoded.source,
        language=language,
        page_type=PageType.THREAD if opening or thread else PageType.PAGE,
    )
