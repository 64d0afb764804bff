"""The header of one comment item: who wrote it, when, and which of its elements hold its words.

Part of the responses stage (:mod:`cleanpage.pipeline.html.comment_items` reads an item with these).
An item's author is its ``itemprop=author``, an element an author class word names, a link to a
member's profile, or else the first short link before its text (a theme that names nothing); its date
a machine-readable value, an element a date class word names, or else a short header element with a
year. Dates are read cheaply (:class:`CommentDates`): machine-readable values first, free text only
when it looks like a date, and a bounded number of dateparser calls per page.
"""

from __future__ import annotations

import datetime as _dt
import re

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.html.blocks import SKIP_TAGS
from cleanpage.pipeline.prose import is_prose
from cleanpage.pipeline.shared.dates import parse_date, parse_iso, parse_visible_date
from cleanpage.pipeline.shared.patterns import YEAR, element_tokens
from cleanpage.rules import CommentCues, MetadataCues
from cleanpage.rules.link_paths import has_path_part

__all__ = [
    "YEARISH", "CommentDates", "Item", "clean_author", "is_member_stat", "panel_name", "read_author", "read_date",
    "text_elements", "words_beside",
]

#: dateparser calls per page for free-text comment dates (ISO values are always read)
_MAX_FREE_DATES = 80
#: a failed dateparser call scans every locale (tens of ms): after this many, free text is skipped
_MAX_DATE_MISSES = 4
#: free texts worth reading: an absolute date has a year; a relative one a number and a unit word
YEARISH = YEAR  # an absolute date has a year (shared.patterns.YEAR)
_DIGITS = re.compile(r"\d+")


def clean_author(text: str, cues: CommentCues) -> str | None:
    words = text.split()
    while words and cues.is_chrome(words[-1]):
        words.pop()
    name = " ".join(words).strip(" :,-–—•|")
    if cues.is_chrome(name):
        return None
    return name if 0 < len(name) <= 80 else None


class Item:
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


def read_author(item: Item, cues: CommentCues) -> tuple[str | None, etree._Element | None]:
    schema = item.el.get("itemscope") is not None
    for sub in item.own:
        if schema and sub.get("itemprop") == "author":
            name_el = next((n for n in sub.iter() if n.get("itemprop") == "name"), None)
            name = clean_author(normalise_space((name_el if name_el is not None else sub).text_content()), cues)
            if name:
                return name, sub
    for sub in item.own:
        tokens = element_tokens(sub)
        if tokens and cues.is_author(tokens):
            fn = next((n for n in sub.iter() if n is not sub and "fn" in element_tokens(n)), None)
            if fn is None:  # "by <a href='/memberlist.php?…'>jane</a> » Tue Aug 27, 2019": the link names
                fn = next((a for a in sub.iter("a") if cues.is_profile_link(a.get("href") or "")), None)
            if fn is None:  # "<a href='/~jane'>jane</a> edited <a><time>1 year ago</time></a>"
                fn = _name_link(sub, cues)
            name = clean_author(normalise_space((fn if fn is not None else sub).text_content()), cues)
            if name:
                return name, sub
    for sub in item.own:
        if sub.tag == "dt" and (name := panel_name(sub, cues)) is not None:
            panel = sub.getparent()
            return name, panel if panel is not None else sub
    return _linked_author(item, cues)


def panel_name(term: etree._Element, cues: CommentCues) -> str | None:
    """The poster a panel names: the first term of a definition list whose values say the poster is
    a member (``<dt>jane</dt><dd>Registered: 2012-09-03</dd><dd>Posts: 98</dd>``). A forum that shows
    guests no profile links still names each post's poster there, and nowhere else."""
    panel = term.getparent()
    if panel is None or panel.tag != "dl" or panel.find("dt") is not term:
        return None
    if not any(dd.tag == "dd" and is_member_stat(normalise_space(dd.text_content()), cues) for dd in panel):
        return None
    name = clean_author(normalise_space(term.text_content()), cues)
    if name is None or len(name.split()) > _NAME_MAX_WORDS or YEAR.search(name) or is_member_stat(name, cues):
        return None
    return name


def is_member_stat(text: str, cues: CommentCues) -> bool:
    """A line of a poster's panel that says the poster is a member ("Registered: 2012-09-03", "Posts: 98")."""
    flat = normalise_space(text)
    return 0 < len(flat) <= _MEMBER_STAT_MAX_CHARS and any(p.fullmatch(flat) for p in cues.member_stat_patterns)


#: a poster's panel line is short ("Join Date: Mar 2016")
_MEMBER_STAT_MAX_CHARS = 60
#: words (letters only) before a profile link in its prose parent that make the link a mention
_MENTION_MIN_WORDS_BEFORE = 3
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: a name is short: longer link texts in a header are titles or chrome
_NAME_MAX_WORDS = 5
#: an author pane (name, rank, post count, join date) is short; a box with more text holds words
_AUTHOR_BOX_MAX_CHARS = 80


def _name_link(box: etree._Element, cues: CommentCues) -> etree._Element | None:
    """The first link in an author box whose text reads as a name: a profile address the cues do
    not know ("/~jane", "/@jane") still names the poster, and the box's other words (an edit note,
    a date, a rank) are not part of the name. None where the box has no such link, or where the
    link would say no more than the box itself."""
    whole = normalise_space(box.text_content())
    for link in box.iter("a"):
        text = normalise_space(link.text_content())
        if (not text or text == whole or len(text.split()) > _NAME_MAX_WORDS
                or not any(ch.isalpha() for ch in text) or next(link.iter("time"), None) is not None
                or YEAR.search(text) or cues.is_chrome(text) or has_path_part(link.get("href") or "", cues.account_link_parts)):
            continue
        return link
    return None


def _linked_author(item: Item, cues: CommentCues) -> tuple[str | None, etree._Element | None]:
    """The author the item's header names by a link alone: a link to a member's profile, with a
    short text that is no chrome (``<a href="/members/jane.12/">Jane</a>``; a WordPress theme's
    ``<b><a href="https://jane.example">Jane</a></b>`` is read by its position instead: the first
    short link before the item's text that is no date and no chrome)."""
    texts = set(text_elements(item, cues))
    for sub in item.own:
        if sub in texts:
            break
        if sub.tag != "a" or not cues.is_profile_link(sub.get("href") or "") or _mention(sub, item):
            continue
        name = clean_author(normalise_space(sub.text_content()), cues)
        if name and len(name) > 1 and len(name.split()) <= _NAME_MAX_WORDS:  # "X": an avatar's letter
            return name, _author_box(sub, item, texts, cues)
    if not texts:
        return None, None
    for sub in item.own:
        if sub in texts:
            break
        href = sub.get("href") or ""
        if sub.tag != "a" or not href or href.startswith("#") or "reply" in href.lower() or has_path_part(href, cues.account_link_parts):
            continue  # a page control ("Reply", "Log in to post comments") names no one
        name = clean_author(normalise_space(sub.text_content()), cues)
        if name and len(name.split()) <= _NAME_MAX_WORDS and not _DIGITS.search(name):
            return name, sub
    return _signed_after(item, texts, cues)


def _mention(link: etree._Element, item: Item) -> bool:
    """The link sits inside a sentence of the item's words (its parent reads as prose, and words
    come before it there): it mentions someone, it does not sign the item. A name that heads the
    words (a date before it at most) signs them."""
    parent = link.getparent()
    if parent is None or parent is item.el or not is_prose(normalise_space(parent.text_content())):
        return False
    before: list[str] = [parent.text or ""]
    for sibling in parent:
        if sibling is link:
            break
        if isinstance(sibling.tag, str):
            before.append(sibling.text_content())
        before.append(sibling.tail or "")
    return len(_WORDS.findall(" ".join(before))) >= _MENTION_MIN_WORDS_BEFORE


def _signed_after(item: Item, texts: set[etree._Element], cues: CommentCues) -> tuple[str | None, etree._Element | None]:
    """The author a post signs under its text (a Q&A site's "answered Mar 3, 2024 by <a
    href="/users/12/jane">jane</a>"): the first link to a member's profile after the text, outside
    it (a link in the words is a mention, not a signature: inside the item's text elements, or in a
    parent that reads as prose)."""
    inside = {sub for t in texts for sub in t.iter()}
    for sub in item.own:
        if sub.tag != "a" or sub in inside or not cues.is_profile_link(sub.get("href") or ""):
            continue
        if _mention(sub, item):
            continue
        name = clean_author(normalise_space(sub.text_content()), cues)
        if name and len(name) > 1 and len(name.split()) <= _NAME_MAX_WORDS:
            return name, _author_box(sub, item, texts, cues)
    return None, None


def _author_box(link: etree._Element, item: Item, texts: set[etree._Element], cues: CommentCues) -> etree._Element:
    """The largest box around an author link that holds no prose (the author pane: name, rank,
    post count, avatar), to leave out of the item's text. A box whose other words read as the
    reader's own ("<a>ana</a> <time>…</time> <span>So glad they listened</span>") is not a pane:
    the climb stops below it, so those words stay the item's."""
    box = link
    for anc in link.iterancestors():
        if anc is item.el or anc in texts or any(t in texts for t in anc.iter() if t is not anc):
            break
        text = normalise_space(anc.text_content())
        if len(text) > _AUTHOR_BOX_MAX_CHARS or is_prose(text) or words_beside(anc, cues):
            break
        box = anc
    return box


#: words (letters only) beside a name and a date that make a line the reader's own words
_OWN_WORDS_MIN = 3


def words_beside(el: etree._Element, cues: CommentCues) -> bool:
    """Whether a child of ``el`` holds words of its own after a name and a date: three or more
    words of letters in one child element after the last child holding a link or a date, which is
    no chrome and no member statistic ("<a>ana</a> <time>…</time> <span>So glad they listened</span>").
    Words before the date are the header's own chrome ("<a>jo</a> <span>comment score below
    threshold</span> <time>…</time>")."""
    children = [c for c in el if isinstance(c.tag, str)]
    last = max((k for k, c in enumerate(children)
                if c.tag in ("a", "time") or next(c.iter("a", "time"), None) is not None), default=-1)
    for child in children[last + 1:]:
        if child.tag in ("img", "br"):
            continue
        text = normalise_space(child.text_content())
        if (len(_WORDS.findall(text)) >= _OWN_WORDS_MIN and not YEAR.search(text) and not cues.is_chrome(text)
                and not is_member_stat(text, cues)):
            return True
    return False


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
        text = text.strip(" •|·-–—@()[]»«")
        if not text or len(text) > 60:
            return None
        if parse_iso(text) is not None:
            return parse_date(text, self.reference)
        if self.budget <= 0 or self.misses >= _MAX_DATE_MISSES:
            return None
        if YEARISH.search(text):
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


def read_date(
    item: Item, cues: CommentCues, dates: CommentDates, near: etree._Element | None = None
) -> tuple[_dt.date | _dt.datetime | None, list[etree._Element]]:
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
        return _header_date(item, cues, dates, near)
    return found, dated


#: header elements tried for a date that no markup names
_MAX_HEADER_DATES = 3


def _header_date(
    item: Item, cues: CommentCues, dates: CommentDates, near: etree._Element | None
) -> tuple[_dt.date | _dt.datetime | None, list[etree._Element]]:
    """A date the item's header gives in an element no markup names as a date ("June 11, 2024 at
    7:42 am" in a theme's own ``span``): the innermost short element with a year, before the text,
    those in the author's element (``near``) first; never a poster panel's "Joined: 2011"."""
    texts = set(text_elements(item, cues))
    tried = 0
    first = [s for s in near.iter() if s is not near] if near is not None else []
    for sub in [near, *first, *item.own] if near is not None else item.own:
        if sub in texts or tried >= _MAX_HEADER_DATES:
            break
        # a leaf's text, or the text after an element ("by <strong>jane</strong> » Tue Aug 27, 2019")
        for text in (None if len(sub) else sub.text, sub.tail):
            if not text or not YEARISH.search(text) or len(text := normalise_space(text)) > 60:
                continue
            if is_member_stat(text, cues):
                continue  # when the poster joined ("Registered: 2012-09-03"), not when they wrote
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


def text_elements(item: Item, cues: CommentCues) -> list[etree._Element]:
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
