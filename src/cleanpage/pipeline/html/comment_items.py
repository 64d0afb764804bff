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
text, without author, date, chrome, subject headings and nested replies (the other items). Dates
are read cheaply (:class:`CommentDates`): machine-readable values first, free text only when it
looks like a date, and a bounded number of dateparser calls per page.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.html.blocks import BLOCK_TAGS, SKIP_TAGS, element_tokens
from cleanpage.pipeline.prose import is_prose
from cleanpage.pipeline.shared.dates import parse_date, parse_iso, parse_visible_date
from cleanpage.result import Response
from cleanpage.rules import CommentCues, MetadataCues, Rules

__all__ = ["HEADINGS", "LIST_TAGS", "CommentDates", "ancestors", "find_items", "is_schema_comment", "read_comment"]

HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
LIST_TAGS = frozenset(("ul", "ol"))
#: a thread of thousands of comments is read up to this many items (page order kept)
_MAX_ITEMS = 2_000
_DIGITS = re.compile(r"\d+")
#: dateparser calls per page for free-text comment dates (ISO values are always read)
_MAX_FREE_DATES = 80
#: a failed dateparser call scans every locale (tens of ms): after this many, free text is skipped
_MAX_DATE_MISSES = 4
#: free texts worth reading: an absolute date has a year; a relative one a number and a unit word
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

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
    for position, (c, s) in enumerate(parts):
        unit = c if is_schema_comment(c) or c is section else _climb(c, s, section, owners)
        items.setdefault(unit, position)
        if len(items) >= _MAX_ITEMS:
            break
    return sorted(items, key=items.__getitem__)


def _climb(
    part: etree._Element,
    sig: _Signature,
    section: etree._Element,
    owners: dict[tuple[etree._Element, _Signature], int],
) -> etree._Element:
    unit = part
    parent = unit.getparent()
    while (
        parent is not None
        and parent is not section
        and unit.tag != "li"
        and parent.tag not in LIST_TAGS
        and owners.get((parent, sig), 0) <= 1
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
        text = normalise_space("".join(buffer))
        buffer.clear()
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
                sub in skip or sub.tag in SKIP_TAGS or sub.tag in ("form", "button") or _hidden(sub)
            ):
                walker.skip_subtree()
                skipped.append(sub)
                continue
            if sub.tag in BLOCK_TAGS:
                flush()
            elif sub.tag == "br":
                buffer.append(" ")
            if sub.text:
                buffer.append(sub.text)
        else:
            if sub.tag in BLOCK_TAGS:
                flush()
            if sub is not el and sub.tail:
                buffer.append(sub.tail)
    flush()
    return paragraphs


def _hidden(el: etree._Element) -> bool:
    if el.get("aria-hidden") == "true" or el.get("hidden") is not None:
        return True
    cls = el.get("class")
    return bool(cls) and ("visually-hidden" in cls or "screen-reader-text" in cls or "sr-only" in cls)


def _clean_author(text: str, cues: CommentCues) -> str | None:
    words = text.split()
    while words and cues.is_chrome(words[-1]):
        words.pop()
    name = " ".join(words).strip(" :,-–—•|")
    if cues.is_chrome(name):
        return None
    return name if 0 < len(name) <= 80 else None


class _Item:
    """The parts of one item: its own elements, not those of nested replies."""

    __slots__ = ("el", "own")

    def __init__(self, el: etree._Element, nested: set[etree._Element]) -> None:
        self.el = el
        own: list[etree._Element] = []
        walker = etree.iterwalk(el, events=("start",))
        for _event, sub in walker:
            if sub is el or not isinstance(sub.tag, str):
                continue
            if (sub in nested and sub is not el) or sub.tag in SKIP_TAGS:
                walker.skip_subtree()
                continue
            own.append(sub)
        self.own = own


def _author(item: _Item, cues: CommentCues) -> tuple[str | None, etree._Element | None]:
    schema = item.el.get("itemscope") is not None
    for sub in item.own:
        if schema and sub.get("itemprop") == "author":
            name_el = next((n for n in sub.iter() if n.get("itemprop") == "name"), None)
            name = _clean_author(normalise_space((name_el if name_el is not None else sub).text_content()), cues)
            if name:
                return name, sub
    for sub in item.own:
        tokens = element_tokens(sub)
        if tokens and cues.is_author(tokens):
            fn = next((n for n in sub.iter() if n is not sub and "fn" in element_tokens(n)), None)
            name = _clean_author(normalise_space((fn if fn is not None else sub).text_content()), cues)
            if name:
                return name, sub
    return _linked_author(item, cues)


#: a name is short: longer link texts in a header are titles or chrome
_NAME_MAX_WORDS = 5
#: an author pane (name, rank, post count, join date) is short; a box with more text holds words
_AUTHOR_BOX_MAX_CHARS = 80


def _linked_author(item: _Item, cues: CommentCues) -> tuple[str | None, etree._Element | None]:
    """The author the item's header names by a link alone: a link to a member's profile, with a
    short text that is no chrome (``<a href="/members/jane.12/">Jane</a>``; a WordPress theme's
    ``<b><a href="https://jane.example">Jane</a></b>`` is read by its position instead: the first
    short link before the item's text that is no date and no chrome)."""
    texts = set(_text_elements(item, cues))
    for sub in item.own:
        if sub in texts:
            break
        if sub.tag != "a" or not cues.is_profile_link(sub.get("href") or ""):
            continue
        name = _clean_author(normalise_space(sub.text_content()), cues)
        if name and len(name) > 1 and len(name.split()) <= _NAME_MAX_WORDS:  # "X": an avatar's letter
            return name, _author_box(sub, item, texts)
    if not texts:
        return None, None
    for sub in item.own:
        if sub in texts:
            break
        href = sub.get("href") or ""
        if sub.tag != "a" or not href or href.startswith("#") or "reply" in href.lower():
            continue
        name = _clean_author(normalise_space(sub.text_content()), cues)
        if name and len(name.split()) <= _NAME_MAX_WORDS and not _DIGITS.search(name):
            return name, sub
    return None, None


def _author_box(link: etree._Element, item: _Item, texts: set[etree._Element]) -> etree._Element:
    """The largest box around an author link that holds no prose (the author pane: name, rank,
    post count, avatar), to leave out of the item's text."""
    box = link
    for anc in ancestors(link):
        if anc is item.el or anc in texts or any(t in texts for t in anc.iter() if t is not anc):
            break
        text = normalise_space(anc.text_content())
        if len(text) > _AUTHOR_BOX_MAX_CHARS or is_prose(text):
            break
        box = anc
    return box


class CommentDates:
    """Comment dates, cheaply: machine-readable values need no dateparser; free text must look like a
    date, the shortest text is tried first, and a page gets a bounded number of dateparser calls (a
    thread of thousands of comments in one free-text format would otherwise cost seconds).

    One per page: the budget is the page's.
    """

    __slots__ = ("budget", "cues", "lang", "misses", "reference")

    def __init__(self, reference: _dt.datetime | None, lang: str | None, cues: MetadataCues) -> None:
        self.reference = reference
        self.lang = lang
        self.cues = cues
        self.budget = _MAX_FREE_DATES
        self.misses = 0  # free texts dateparser could not read: a page's format rarely changes

    def parse(self, text: str) -> _dt.date | _dt.datetime | None:
        text = text.strip(" •|·-–—@()[]")
        if not text or len(text) > 60:
            return None
        if parse_iso(text) is not None:
            return parse_date(text, self.reference)
        if self.budget <= 0 or self.misses >= _MAX_DATE_MISSES:
            return None
        if _YEARISH.search(text):
            # an absolute date: numbers by regex, month names by one dateparser call
            self.budget -= 1
            value = parse_visible_date(text, cues=self.cues, lang=self.lang)
        elif self.reference is not None and self.cues.relative.search(text):
            # "2 days ago" only means something against the page's own date
            self.budget -= 1
            value = parse_date(text, self.reference)
        else:
            return None
        if value is None:
            self.misses += 1
        return value


def _date(item: _Item, cues: CommentCues, dates: CommentDates) -> tuple[_dt.date | _dt.datetime | None, list[etree._Element]]:
    """The item's date, machine-readable values first (no dateparser call when one exists)."""
    dated: list[etree._Element] = []
    found: _dt.date | _dt.datetime | None = None
    for sub in item.own:
        prop = sub.get("itemprop")
        tokens = element_tokens(sub)
        if not (sub.tag == "time" or prop in cues.date_properties or (tokens and cues.is_date(tokens))):
            continue
        dated.append(sub)
        if found is None:
            for attr in ("datetime", "content", "title", "data-datetime", "data-date"):
                value = sub.get(attr)
                if value:
                    found = dates.parse(value)
                    if found is not None:
                        break
    if found is None and dated:
        texts = sorted(
            (t for t in (normalise_space(d.text_content()) for d in dated) if t and len(t) <= 80), key=len
        )
        for text in texts[:3]:
            found = dates.parse(text)
            if found is not None:
                break
    if found is None and not dated:
        return _header_date(item, cues, dates)
    return found, dated


#: header elements tried for a date that no markup names
_MAX_HEADER_DATES = 3


def _header_date(
    item: _Item, cues: CommentCues, dates: CommentDates
) -> tuple[_dt.date | _dt.datetime | None, list[etree._Element]]:
    """A date the item's header gives in an element no markup names as a date ("June 11, 2024 at
    7:42 am" in a theme's own ``span``): the innermost short element with a year, before the text."""
    texts = set(_text_elements(item, cues))
    tried = 0
    for sub in item.own:
        if sub in texts or tried >= _MAX_HEADER_DATES:
            break
        if len(sub) or not sub.text or not _YEARISH.search(sub.text):
            continue
        text = normalise_space(sub.text)
        if len(text) > 60:
            continue
        tried += 1
        found = dates.parse(text)
        if found is not None:
            return found, [sub]
    return None, []


def _role_tokens(el: etree._Element, cues: CommentCues) -> tuple[str, ...]:
    """Class/id words and the one-word values of role attributes (``data-role="commentContent"``)."""
    tokens = element_tokens(el)
    extra = tuple(v.strip().lower() for v in (el.get(a) for a in cues.role_attributes) if v and " " not in v.strip())
    return tokens + extra if extra else tokens


def _text_elements(item: _Item, cues: CommentCues) -> list[etree._Element]:
    """The item's message elements (innermost of them), if the markup names any."""
    schema = item.el.get("itemscope") is not None
    marked = [
        sub
        for sub in item.own
        if (schema and sub.get("itemprop") in ("text", "commentText", "reviewBody"))
        or (not schema and sub.get("itemprop") in ("text", "commentText"))
        or cues.is_text(_role_tokens(sub, cues))
    ]
    if len(marked) < 2:
        return marked
    inner = set(marked)
    return [m for m in marked if not any(s in inner for s in m.iter() if s is not m)]


def _skipped(
    item: _Item, nested: set[etree._Element], cues: CommentCues, author: str | None
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
        elif sub.tag in HEADINGS:
            skip.add(sub)  # comment subjects ("Finally", "Who pays?") are not the reader's words
            if author is None:
                author = cues.item_heading(normalise_space(sub.text_content()))
    return skip, author


def _reader_words(paragraphs: list[str], rules: Rules, dates: CommentDates) -> tuple[list[str], _dt.date | _dt.datetime | None]:
    """The paragraphs that are a reader's words, and the first date a paragraph of its own gives."""
    cues = rules.comments
    # a notice in the item's place ("Comments are closed.", "0 Kommentare") is not a reader's words
    paragraphs = [p for p in paragraphs if rules.match_text(p) is None and cues.announced(p) is None]
    # a paragraph that is only a date ("26. März 2004, 16:19") is the item's date, not its words
    kept: list[str] = []
    published: _dt.date | _dt.datetime | None = None
    for p in paragraphs:
        loose = dates.parse(p) if len(p) <= 40 and len(p.split()) <= 6 and _YEARISH.search(p) else None
        if loose is None:
            kept.append(p)
        elif published is None:
            published = loose
    return kept, published


def read_comment(
    el: etree._Element, nested: set[etree._Element], rules: Rules, dates: CommentDates
) -> Response | None:
    """The response of one item element; ``nested`` are the section's items (the replies inside
    this one are left out of its text). ``None`` when nothing of it is a reader's words."""
    cues = rules.comments
    item = _Item(el, nested)
    author, author_el = _author(item, cues)
    published, dated = _date(item, cues, dates)
    skip, author = _skipped(item, nested, cues, author)
    skip.update(dated)
    if author_el is not None:
        skip.add(author_el)
    paragraphs: list[str] = []
    for text_el in _text_elements(item, cues) or [item.el]:
        paragraphs.extend(_own_texts(text_el, skip, cues.is_chrome))
    paragraphs, loose = _reader_words(paragraphs, rules, dates)
    if published is None:
        published = loose
    if author:
        paragraphs = [p for p in paragraphs if p != author]
    if not paragraphs:
        return None
    return Response(text="\n\n".join(paragraphs), author=author, published=published)
