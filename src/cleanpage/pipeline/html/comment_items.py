"""The items of one comment section: which elements they are, and what each one says.

Part of the responses stage (:mod:`cleanpage.pipeline.html.responses` finds the sections, hands
each one's comment-like elements here, and threads what comes back).

:func:`find_items` takes a section and its comment-like elements; gives the item elements in page
order. The parts whose *signature* (tag and first class word) repeats are parts of items; each
climbs to the largest ancestor that holds no other part of its kind (a reply list does not count),
so ``li.post`` becomes the item around ``div.post-message``.

:func:`read_comment` takes one item element and the section's other items; gives a
:class:`~cleanpage.result.Response` without a parent, or ``None`` when the item holds no reader's
words. An item's text is its message element (``itemprop=text``, ``comment-content``) or else its own
text, without author, date, chrome, subject headings and nested replies (the other items). The
header (author, date, which elements hold the text) is read by
:mod:`cleanpage.pipeline.html.comment_header`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.html.blocks import BLOCK_TAGS, PARA_BREAK, SKIP_TAGS
from cleanpage.pipeline.html.comment_header import (
    YEARISH,
    CommentDates,
    Item,
    read_author,
    read_date,
    text_elements,
    words_beside,
)
from cleanpage.pipeline.prose import is_prose
from cleanpage.pipeline.shared.patterns import element_tokens
from cleanpage.result import Response
from cleanpage.rules import CommentCues, Rules

__all__ = [
    "HEADINGS", "LIST_TAGS", "CommentDates", "ancestors", "find_items", "inside_of", "is_schema_comment", "read_comment",
    "read_items", "thread_items",
]

HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
LIST_TAGS = frozenset(("ul", "ol"))
#: a thread of thousands of comments is read up to this many items (page order kept)
_MAX_ITEMS = 2_000
#: a lone box without author or date and shorter than this is a notice, not a comment
_NOTICE_MAX_WORDS = 25
#: boxes without author or date, this short all together, are a discussion widget's chrome
_WIDGET_MAX_WORDS = 60
_DIGITS = re.compile(r"\d+")

#: an item's signature: its tag and its first class word, digits as "#" ("li", "comment-#")
_Signature = tuple[str, str]


def is_schema_comment(el: etree._Element) -> bool:
    """schema.org ``Comment`` markup: an item (or a section) whatever its class says."""
    itemtype = el.get("itemtype") or ""
    return el.get("itemprop") in ("comment", "comments") or itemtype.rstrip("/").endswith(("/Comment", "/UserComments"))


def ancestors(el: etree._Element) -> Iterator[etree._Element]:
    """The element's parent, its parent's parent, … up to the root."""
    parent = el.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()


def _signature(el: etree._Element) -> _Signature:
    cls = (el.get("class") or "").split()
    return (el.tag if isinstance(el.tag, str) else "", _DIGITS.sub("#", cls[0].lower()) if cls else "")


def find_items(section: etree._Element, candidates: list[etree._Element]) -> list[etree._Element]:
    """The items of one section, in page order, from its comment-like elements (lists of items
    left out): the parts whose signature repeats, each climbed to its item."""
    if not candidates:
        return []
    parts = _outer_parts(section, _repeated(candidates))
    return _climbed(section, parts, _owners(section, parts))


def _repeated(candidates: list[etree._Element]) -> list[tuple[etree._Element, _Signature]]:
    """The candidates with their signatures; when a signature repeats, only those whose signature
    repeats (and schema.org comments, which need no repetition)."""
    sigs = [_signature(c) for c in candidates]
    counts: dict[_Signature, int] = {}
    for sig in sigs:
        counts[sig] = counts.get(sig, 0) + 1
    repeated = any(n > 1 for n in counts.values())
    return [(c, s) for c, s in zip(candidates, sigs) if is_schema_comment(c) or not repeated or counts[s] > 1]


def _outer_parts(
    section: etree._Element, kept: list[tuple[etree._Element, _Signature]]
) -> list[tuple[etree._Element, _Signature]]:
    """The outermost parts, except that an item of the same kind may nest in another (a reply)."""
    sig_of = {c: s for c, s in kept}
    return [(c, s) for c, s in kept if is_schema_comment(c) or not _in_other_kind(c, s, section, sig_of)]


def _in_other_kind(
    el: etree._Element, sig: _Signature, section: etree._Element, sig_of: dict[etree._Element, _Signature]
) -> bool:
    """``el`` sits inside a part of another kind within the section (a comment's body inside the
    comment's ``li``): a part of that item, not an item of its own."""
    for anc in ancestors(el):
        if anc is section:
            return False
        other = sig_of.get(anc)
        if other is not None and other != sig:
            return True
    return False


def _owners(
    section: etree._Element, parts: list[tuple[etree._Element, _Signature]]
) -> dict[tuple[etree._Element, _Signature], int]:
    """How many parts of each kind every ancestor holds, not counting those behind a list."""
    owners: dict[tuple[etree._Element, _Signature], int] = {}
    for c, s in parts:
        for anc in ancestors(c):
            if anc is section:
                break
            key = (anc, s)
            owners[key] = owners.get(key, 0) + 1
            if anc.tag in LIST_TAGS:
                break
    return owners


def _climbed(
    section: etree._Element,
    parts: list[tuple[etree._Element, _Signature]],
    owners: dict[tuple[etree._Element, _Signature], int],
) -> list[etree._Element]:
    """Each part's item: the part climbed to the largest ancestor that holds no other part of its
    kind; the items keep the page order of the parts they came from."""
    items: dict[etree._Element, int] = {}
    kinds = {(c, s) for c, s in parts}
    for position, (c, s) in enumerate(parts):
        unit = c if is_schema_comment(c) or c is section else _climb(c, s, section, owners, kinds)
        items.setdefault(unit, position)
        if len(items) >= _MAX_ITEMS:
            break
    return sorted(items, key=items.__getitem__)


def _climb(
    part: etree._Element,
    sig: _Signature,
    section: etree._Element,
    owners: dict[tuple[etree._Element, _Signature], int],
    kinds: set[tuple[etree._Element, _Signature]],
) -> etree._Element:
    """The part climbed to its item; never into a part of its own kind (the reply's parent
    comment, when the replies sit in a wrapper of their own: ``div.comment > div.child > div.comment``)."""
    unit = part
    parent = unit.getparent()
    while (
        parent is not None
        and parent is not section
        and unit.tag != "li"
        and parent.tag not in LIST_TAGS
        and owners.get((parent, sig), 0) <= 1
        and (parent, sig) not in kinds
        and not is_schema_comment(parent)
    ):
        unit = parent
        parent = unit.getparent()
    return unit




def _own_texts(el: etree._Element, skip: set[etree._Element], is_chrome: Callable[[str], bool]) -> list[str]:
    """Paragraph texts of an element, not descending into skipped elements (replies, meta, chrome)."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        raw = "".join(buffer)
        buffer.clear()
        # two or more line breaks separate paragraphs, as they separate a br-formatted page's blocks
        for piece in PARA_BREAK.split(raw) if raw.count("\n") >= 2 else (raw,):
            text = normalise_space(piece)
            if text and not is_chrome(text):
                paragraphs.append(text)

    skipped: list[etree._Element] = []  # iterwalk still sends "end" for a skipped subtree
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, sub in walker:
        if not isinstance(sub.tag, str):
            continue
        if skipped and sub is skipped[-1]:
            if event == "end":
                skipped.pop()
                if sub.tail:
                    buffer.append(sub.tail)
            continue
        if event == "start":
            if sub is not el and (
                sub in skip or sub.tag in SKIP_TAGS or sub.tag == "button" or _asks_for_input(sub) or _hidden(sub)
            ):
                walker.skip_subtree()
                skipped.append(sub)
                continue
            if sub.tag in BLOCK_TAGS:
                flush()
            elif sub.tag == "br":
                buffer.append("\n")
            if sub.text:
                buffer.append(sub.text)
        else:
            if sub.tag in BLOCK_TAGS:
                flush()
            if sub is not el and sub.tail:
                buffer.append(sub.tail)
    flush()
    return paragraphs


def _asks_for_input(el: etree._Element) -> bool:
    """A form a reader fills in (a reply box: a text area, a field, a choice), not a form that only
    wraps a post's words for its editor (``form.usertext`` with a hidden id around the message)."""
    if el.tag != "form":
        return False
    for control in el.iter("textarea", "select", "input"):
        if control.tag != "input" or (control.get("type") or "text").lower() != "hidden":
            return True
    return False


def _hidden(el: etree._Element) -> bool:
    if el.get("aria-hidden") == "true" or el.get("hidden") is not None:
        return True
    cls = el.get("class")
    return bool(cls) and ("visually-hidden" in cls or "screen-reader-text" in cls or "sr-only" in cls)


def _skipped(
    item: Item, nested: set[etree._Element], cues: CommentCues, author: str | None
) -> tuple[set[etree._Element], str | None]:
    """What the item's text leaves out besides author and date elements: the other items (its
    replies), chrome, author boxes and subject headings; and the author a heading names when the
    markup named none ("#1 Kommentar von Naru-chan")."""
    skip = set(nested)
    skip.discard(item.el)
    for sub in item.own:
        tokens = element_tokens(sub)
        if tokens and (cues.is_chrome_element(tokens) or cues.is_author(tokens)):
            skip.add(sub)
        elif sub.tag == "a" and len(normalise_space(sub.text_content())) <= 1 and cues.is_profile_link(sub.get("href") or ""):
            skip.add(sub)  # an avatar's letter ("J") linking to the member's profile
        elif sub.tag in HEADINGS:
            skip.add(sub)  # comment subjects ("Finally", "Who pays?") are not the reader's words
            if author is None:
                author = cues.item_heading(normalise_space(sub.text_content()))
    return skip, author


#: a dash left at the end of an item's words when the name it led to is its author
_SIGNING_DASH = re.compile(r"\s+[–—]$")


def _reader_words(paragraphs: list[str], rules: Rules, dates: CommentDates) -> tuple[list[str], _dt.date | _dt.datetime | None]:
    """The paragraphs that are a reader's words, and the first date a paragraph of its own gives."""
    cues = rules.comments
    # a notice in the item's place ("Comments are closed.", "0 Kommentare") is not a reader's words
    paragraphs = [p for p in paragraphs if rules.match_text(p) is None and cues.announced(p) is None]
    # a paragraph that is only a date ("26. März 2004, 16:19") is the item's date, not its words
    kept: list[str] = []
    published: _dt.date | _dt.datetime | None = None
    for p in paragraphs:
        loose = dates.parse(p) if len(p) <= 40 and len(p.split()) <= 6 and YEARISH.search(p) else None
        if loose is None:
            kept.append(p)
        elif published is None:
            published = loose
    return kept, published


def _dash_before(author_el: etree._Element) -> bool:
    """The text right before the author element ends with a dash ("…</span> – <a>jane</a>"): the
    dash leads to the signature. A name in a header above the words leaves their closing dash alone."""
    prev = author_el.getprevious()
    parent = author_el.getparent()
    before = prev.tail if prev is not None else (parent.text if parent is not None else None)
    return bool(before) and _SIGNING_DASH_TEXT.search(before or "") is not None


_SIGNING_DASH_TEXT = re.compile(r"[–—]\s*$")


#: an item's header line (its name, its date and their chrome) is no longer than this
_HEADER_LINE_MAX_CHARS = 120


def _header_line(item: Item, author_el: etree._Element, dated: list[etree._Element],
                 cues: CommentCues) -> etree._Element | None:
    """The block holding the item's name and its date and nothing that reads as prose, when the
    markup names no message element: what is left of it once name and date are read is the
    header's chrome ("[–] 188 points 189 points (11 children)", "#3 · 12 likes"), not the reader's
    words. ``None`` when the name and the date sit in different blocks, or in the words."""
    line = next((a for a in (author_el, *ancestors(author_el)) if a.tag in BLOCK_TAGS or a is item.el), None)
    if line is None or line is item.el or not dated:
        return None
    if not all(d is line or line in d.iterancestors() for d in dated):
        return None
    text = normalise_space(line.text_content())
    if len(text) > _HEADER_LINE_MAX_CHARS or is_prose(text) or words_beside(line, cues):
        return None
    return line


def read_comment(
    el: etree._Element, nested: set[etree._Element], rules: Rules, dates: CommentDates,
    signed: etree._Element | None = None,
) -> Response | None:
    """The response of one item element; ``nested`` are the section's items (the replies inside
    this one are left out of its text). ``None`` when nothing of it is a reader's words. ``signed``:
    the element whose plain text signs the item (``signed_items``), its author when the markup
    names none."""
    cues = rules.comments
    item = Item(el, nested)
    author, author_el = read_author(item, cues)
    if author is None and signed is not None:
        author, author_el = normalise_space(signed.text_content()) or None, signed
    published, dated = read_date(item, cues, dates, author_el)
    skip, author = _skipped(item, nested, cues, author)
    skip.update(dated)
    if author_el is not None:
        skip.add(author_el)
    marked = text_elements(item, cues)
    line = None if marked or author_el is None else _header_line(item, author_el, dated, cues)
    paragraphs: list[str] = []
    for text_el in marked or [item.el]:
        paragraphs.extend(_own_texts(text_el, skip | {line} if line is not None else skip, cues.is_chrome))
    if line is not None and not paragraphs:  # the line was all the item said
        paragraphs = _own_texts(item.el, skip, cues.is_chrome)
    paragraphs, loose = _reader_words(paragraphs, rules, dates)
    if published is None:
        published = loose
    if author:
        paragraphs = [p for p in paragraphs if p != author]
    if author_el is not None and paragraphs and _dash_before(author_el):
        # the dash that led to the name the item is signed with ("… came back. – <a>jane</a>"); a
        # header's name leaves the reader's own closing dash alone
        paragraphs[-1] = _SIGNING_DASH.sub("", paragraphs[-1]) or paragraphs[-1]
    if not paragraphs:
        return None
    return Response(text="\n\n".join(paragraphs), author=author, published=published)


def inside_of(el: etree._Element, within: set[etree._Element]) -> etree._Element | None:
    """The nearest ancestor of ``el`` that is one of ``within``."""
    for anc in ancestors(el):
        if anc in within:
            return anc
    return None


def _is_notice(response: Response) -> bool:
    return (
        response.author is None and response.published is None and len(response.text.split()) < _NOTICE_MAX_WORDS
    )


def read_items(
    items: list[etree._Element], nested: set[etree._Element], rules: Rules, dates: CommentDates,
    names: dict[etree._Element, etree._Element] | None = None,
) -> list[tuple[etree._Element, Response]]:
    """Each item with its response, for the items that hold a reader's words (``nested``: the same
    items, as a set; ``names``: the element signing each item signed by plain text)."""
    read: list[tuple[etree._Element, Response]] = []
    for item in items:
        response = read_comment(item, nested, rules, dates, names.get(item) if names else None)
        if response is not None:
            read.append((item, response))
    # one short box with no author and no date is a notice ("No comments yet", "Log in to
    # comment", "Your comment was sent"), not a reader's comment
    if len(read) == 1 and _is_notice(read[0][1]):
        return []
    # boxes beside pure chrome ("Show Comments"), none naming an author or a date and short all
    # together, are the rest of a discussion widget's chrome ("Discussion Policy and community
    # guidelines apply …"), not comments
    if (
        read
        and len(read) < len(items)
        and all(r.author is None and r.published is None for _el, r in read)
        and sum(len(r.text.split()) for _el, r in read) < _WIDGET_MAX_WORDS
    ):
        return []
    return read


def thread_items(
    read: list[tuple[etree._Element, Response]],
    nested: set[etree._Element],
    responses: list[Response],
    items: list[etree._Element],
) -> None:
    """Add a section's responses and their items to the page's, each reply with its parent: the
    response of the nearest item around it."""
    index_of: dict[etree._Element, int] = {}
    for item, response in read:
        parent_el = inside_of(item, nested)
        parent = index_of.get(parent_el) if parent_el is not None else None
        index_of[item] = len(responses)
        items.append(item)
        responses.append(
            Response(text=response.text, author=response.author, published=response.published, parent=parent)
        )
