"""Stage 5 (HTML): reader responses found in the tree, each on its own, threaded.

Comment systems differ in markup but agree in shape: a *section* (found by class/id cues, schema.org
``Comment`` markup, or a heading that announces a count) holding repeated *items*, each with an
author, a date, a text and perhaps nested items (replies). The cues are data
(``rules/comments.toml``); this module only knows the shape:

1. one walk over the tree notes every comment-like element (class/id word by exact cue or by stem,
   schema.org ``Comment``) and every heading that announces responses;
2. the outermost of them are the sections; a section that holds the article itself (an ``h1`` or
   ``articleBody``, as a schema.org ``DiscussionForumPosting`` does) only lends its items;
3. inside a section, the comment-like elements whose *signature* (tag and first class word) repeats
   are the parts of items; each climbs to the largest ancestor that holds no other item of its kind
   (a reply list does not count), so ``li.post`` becomes the item around ``div.post-message``;
4. an item's parent is the nearest item around it; its text is its message element (``itemprop=text``,
   ``comment-content``) or else its own text, without author, date, chrome and nested replies.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.shared.dates import parse_date, parse_iso, parse_visible_date
from cleanpage.pipeline.html.blocks import BLOCK_TAGS, SKIP_TAGS, element_tokens
from cleanpage.pipeline.prose import is_prose
from cleanpage.result import Response
from cleanpage.rules import CommentCues, Rules

__all__ = ["HtmlResponses", "find_html_responses"]

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Tags that can be a section or an item; inline tags (a, span) only ever hold parts of one.
_CONTAINER_TAGS = frozenset(
    ["div", "section", "article", "li", "ul", "ol", "aside", "dl", "dd", "dt", "blockquote", "p", "td", "tr", "table", "tbody", "main", "footer", "header"]
)
_LISTS = frozenset(("ul", "ol"))
#: Schema.org types whose ``comment`` property is the thing commented on: never a mere section.
_ARTICLE_PROPS = frozenset(("articlebody", "articleBody"))
_DATE_PROPS = ("dateCreated", "datePublished", "commentTime", "uploadDate", "dateModified")
#: Work caps: a thread of thousands of comments is read up to these bounds (page order kept).
_MAX_CANDIDATES = 20_000
_MAX_ITEMS = 2_000
_MAX_COUNT_LOOKUPS = 400
#: a lone box without author or date and shorter than this is a notice, not a comment
_NOTICE_MAX_WORDS = 25
#: text a comment section may hold above its heading (a count tab, a sort menu), not an article
_HEADING_LEAD_MAX = 400
#: text outside its comment parts beyond which a would-be section is an article container
_ARTICLE_MIN_CHARS = 1500
_MAX_DEMOTIONS = 4
#: dateparser calls per page for free-text comment dates (ISO values are always read)
_MAX_FREE_DATES = 80
#: a failed dateparser call scans every locale (tens of ms): after this many, free text is skipped
_MAX_DATE_MISSES = 4
#: free texts worth reading: an absolute date has a year; a relative one a number and a unit word
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: "5 minutes ago", "3h ago", "vor 2 Tagen". Read from word starts only, each word once (the plain
#: "\d+\s*\w+" retried every split of a long digit run: cubic); the same matches as that form.
_RELATIVE = re.compile(r"(?<!\w)(?:[^\W\d]*+\d\w++|\w++(?<=\d)\s++\w++)\s++(?:ago|her)\b"
                       r"|\b(?:vor|il y a|hace|fa|há)\s+\d+", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_NONE, _WEAK, _STRONG = 0, 1, 2
_ROLE_ATTRS = ("data-test-id", "data-testid", "data-role", "data-type", "role")


@dataclass(frozen=True, slots=True)
class HtmlResponses:
    """Responses, the announced count, and the section elements whose blocks are not body."""

    responses: tuple[Response, ...]
    announced: int | None
    sections: tuple[etree._Element, ...]
    items: tuple[etree._Element, ...]


def _is_schema_comment(el: etree._Element) -> bool:
    itemtype = el.get("itemtype") or ""
    return el.get("itemprop") in ("comment", "comments") or itemtype.rstrip("/").endswith(("/Comment", "/UserComments"))


class _Kinds:
    """What each class/id word means, memoised in the rules' memos (pages repeat the same words
    thousands of times, and sites repeat them across pages).

    A word is *strong* when it can open a section anywhere on the page (a section word such as
    "comments-area", or any word built on a comment stem); it is *weak* when it only names an item
    inside a section already found ("c#", "depth-#", "answer", "views-row"): CMSs use those shapes
    for everything ("c1095" is a TYPO3 content element).
    """

    __slots__ = ("by_class", "cues", "memo", "position", "possible")

    def __init__(self, rules: Rules) -> None:
        self.cues = rules.comments
        self.memo: dict[str, int] = rules.memo("respond.word")
        self.by_class: dict[str, int] = rules.memo("respond.class")
        self.possible: re.Pattern[str] = self.cues.word_filter
        #: id(element) -> its place in the walk, for the elements the walk keeps (alive in lists)
        self.position: dict[int, float] = {}

    def strength(self, tokens: Iterable[str]) -> int:
        memo = self.memo
        best = _NONE
        for token in tokens:
            found = memo.get(token)
            if found is None:
                cues = self.cues
                one = (token,)
                if cues.is_author(one) or cues.is_date(one) or cues.is_chrome_element(one):
                    found = _NONE
                elif cues.is_section(one) or cues.is_comment_like(token):
                    found = _STRONG
                elif cues.is_comment(one):
                    found = _WEAK
                else:
                    found = _NONE
                memo[token] = found
            if found > best:
                best = found
                if best == _STRONG:
                    break
        return best

    def element(self, el: etree._Element) -> int:
        """How strongly the element's class, id or role attributes name a comment or a section."""
        attrib = el.attrib
        best = _NONE
        cls = attrib.get("class")
        if cls:
            found = self.by_class.get(cls)
            if found is None:
                found = self.strength(cls.lower().split())
                self.by_class[cls] = found
            best = found
        ident = attrib.get("id")
        possible = self.possible
        if ident and best < _STRONG and possible.search(ident.lower()):
            best = max(best, self.strength((ident.strip().lower(),)))
        if len(attrib) == (cls is not None) + (ident is not None):
            return best  # no other attribute, so no role attribute to read
        for name in _ROLE_ATTRS:
            if best == _STRONG:
                break
            value = attrib.get(name)
            if value and " " not in value.strip() and possible.search(value.lower()):
                # a role a script reads (data-test-id="comment") is meant, not styling: strong
                best = max(best, _STRONG if self.strength((value.strip().lower(),)) else _NONE)
        return best


def _scan(
    root: etree._Element, kinds: _Kinds
) -> tuple[list[etree._Element], list[etree._Element], list[tuple[etree._Element, int]], list[etree._Element]]:
    """One walk: strong and weak comment-like elements, announcing headings, and article markers."""
    cues = kinds.cues
    marked: list[etree._Element] = []
    weak: list[etree._Element] = []
    headings: list[tuple[etree._Element, int]] = []
    articles: list[etree._Element] = []
    position = kinds.position
    body = root.find("body")
    walker = etree.iterwalk(body if body is not None else root, events=("start",))
    skip = SKIP_TAGS
    containers = _CONTAINER_TAGS
    for n, (_event, el) in enumerate(walker):
        tag = el.tag
        if tag in skip or tag == "form":
            walker.skip_subtree()
            continue
        if not isinstance(tag, str):
            continue
        if tag in _HEADINGS:
            if tag == "h1":
                articles.append(el)
            text = normalise_space(el.text_content())
            if text and len(text) <= 300:
                if cues.is_section_heading(text):
                    headings.append((el, n))
                elif cues.item_heading(text) and el.getparent() is not None:
                    marked.append(el.getparent())  # "#1 Kommentar von Naru-chan" heads one comment
                    position[id(el.getparent())] = n - 1
            continue
        attrib = el.attrib
        if not attrib:
            continue
        if "itemprop" in attrib or "itemtype" in attrib:
            if attrib.get("itemprop") in _ARTICLE_PROPS:
                articles.append(el)
            if _is_schema_comment(el):
                marked.append(el)
                position[id(el)] = n
                continue
        if tag in containers and len(marked) < _MAX_CANDIDATES:
            strength = kinds.element(el)
            if strength == _STRONG:
                marked.append(el)
                position[id(el)] = n
            elif strength == _WEAK:
                weak.append(el)
                position[id(el)] = n
    return marked, weak, headings, articles


def _tokens(el: etree._Element) -> tuple[str, ...]:
    """Class/id words, plus the words of attributes that scripts use to name an element's role
    (``data-test-id="comment"``, ``data-role="comments"``, ``role="comment"``)."""
    tokens = element_tokens(el)
    extra = [el.get(a) for a in _ROLE_ATTRS]
    if any(extra):
        tokens = tokens + tuple(v.strip().lower() for v in extra if v and " " not in v.strip())
    return tokens


def _ancestors(el: etree._Element) -> Iterable[etree._Element]:
    parent = el.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()


def _inside(el: etree._Element, ids: set[int]) -> etree._Element | None:
    for anc in _ancestors(el):
        if id(anc) in ids:
            return anc
    return None


def _signature(el: etree._Element) -> tuple[str, str]:
    cls = (el.get("class") or "").split()
    return (el.tag if isinstance(el.tag, str) else "", _DIGITS.sub("#", cls[0].lower()) if cls else "")


def _is_container(el: etree._Element, cues: CommentCues) -> bool:
    """A list of comments or replies ("ol.children", "div.comment-list"): it holds items, it is none."""
    if el.tag in _LISTS:
        return True
    tokens = _tokens(el)
    return bool(tokens) and cues.is_section(tokens) and not cues.is_comment(tokens)


def _items(section: etree._Element, found: list[etree._Element], cues: CommentCues) -> list[etree._Element]:
    """The items of one section, in page order (see the module docstring, step 3)."""
    candidates = [c for c in found if _is_schema_comment(c) or not _is_container(c, cues)]
    if not candidates:
        return []
    sigs = [_signature(c) for c in candidates]
    counts: dict[tuple[str, str], int] = {}
    for sig in sigs:
        counts[sig] = counts.get(sig, 0) + 1
    repeated = any(n > 1 for n in counts.values())
    kept = [
        (c, s) for c, s in zip(candidates, sigs) if _is_schema_comment(c) or not repeated or counts[s] > 1
    ]
    kept_sig = {id(c): s for c, s in kept}
    # outermost, except that an item of the same kind may nest in another (a reply)
    parts: list[tuple[etree._Element, tuple[str, str]]] = []
    for c, s in kept:
        outer = False
        for anc in _ancestors(c):
            if anc is section:
                break
            other = kept_sig.get(id(anc))
            if other is not None and other != s and not _is_schema_comment(c):
                outer = True
                break
        if not outer:
            parts.append((c, s))
    # how many parts of each kind every ancestor holds, not counting those behind a list
    # keyed by the elements themselves: an id() of a short-lived lxml proxy can be reused
    owners: dict[tuple[etree._Element, tuple[str, str]], int] = {}
    for c, s in parts:
        for anc in _ancestors(c):
            if anc is section:
                break
            key = (anc, s)
            owners[key] = owners.get(key, 0) + 1
            if anc.tag in _LISTS:
                break
    items: dict[int, tuple[int, etree._Element]] = {}
    for position, (c, s) in enumerate(parts):
        unit = c
        if not _is_schema_comment(c) and c is not section:
            parent = unit.getparent()
            while (
                parent is not None
                and parent is not section
                and unit.tag != "li"
                and parent.tag not in _LISTS
                and owners.get((parent, s), 0) <= 1
                and not _is_schema_comment(parent)
            ):
                unit = parent
                parent = unit.getparent()
        items.setdefault(id(unit), (position, unit))
        if len(items) >= _MAX_ITEMS:
            break
    # the climbed units keep the page order of the parts they came from
    return [unit for _, unit in sorted(items.values(), key=lambda pair: pair[0])]


def _own_texts(el: etree._Element, skip: set[int], is_chrome: Callable[[str], bool]) -> list[str]:
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
                id(sub) in skip or sub.tag in SKIP_TAGS or sub.tag in ("form", "button") or _hidden(sub)
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

    def __init__(self, el: etree._Element, nested: set[int]) -> None:
        self.el = el
        own: list[etree._Element] = []
        walker = etree.iterwalk(el, events=("start",))
        for _event, sub in walker:
            if sub is el or not isinstance(sub.tag, str):
                continue
            if (id(sub) in nested and sub is not el) or sub.tag in SKIP_TAGS:
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
    return None, None


class _Dates:
    """Comment dates, cheaply: machine-readable values need no dateparser; free text must look like a
    date, the shortest text is tried first, and a page gets a bounded number of dateparser calls (a
    thread of thousands of comments in one free-text format would otherwise cost seconds)."""

    __slots__ = ("budget", "lang", "misses", "reference")

    def __init__(self, reference: _dt.datetime | None, lang: str | None) -> None:
        self.reference = reference
        self.lang = lang
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
            value = parse_visible_date(text, lang=self.lang)
        elif self.reference is not None and _RELATIVE.search(text):
            # "2 days ago" only means something against the page's own date
            self.budget -= 1
            value = parse_date(text, self.reference)
        else:
            return None
        if value is None:
            self.misses += 1
        return value


def _date(item: _Item, cues: CommentCues, dates: _Dates) -> tuple[_dt.date | _dt.datetime | None, list[etree._Element]]:
    """The item's date, machine-readable values first (no dateparser call when one exists)."""
    dated: list[etree._Element] = []
    found: _dt.date | _dt.datetime | None = None
    for sub in item.own:
        prop = sub.get("itemprop")
        tokens = element_tokens(sub)
        if not (sub.tag == "time" or prop in _DATE_PROPS or (tokens and cues.is_date(tokens))):
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
    return found, dated


def _text_elements(item: _Item, cues: CommentCues) -> list[etree._Element]:
    """The item's message elements (innermost of them), if the markup names any."""
    schema = item.el.get("itemscope") is not None
    marked = [
        sub
        for sub in item.own
        if (schema and sub.get("itemprop") in ("text", "commentText", "reviewBody"))
        or (not schema and sub.get("itemprop") in ("text", "commentText"))
        or cues.is_text(element_tokens(sub))
    ]
    if len(marked) < 2:
        return marked
    ids = {id(m) for m in marked}
    return [m for m in marked if not any(id(s) in ids for s in m.iter() if s is not m)]


def _read(item: _Item, nested: set[int], rules: Rules, dates: _Dates) -> Response | None:
    cues = rules.comments
    author, author_el = _author(item, cues)
    published, dated = _date(item, cues, dates)
    skip = set(nested)
    skip.discard(id(item.el))
    skip.update(id(d) for d in dated)
    if author_el is not None:
        skip.add(id(author_el))
    for sub in item.own:
        tokens = element_tokens(sub)
        if tokens and (cues.is_chrome_element(tokens) or cues.is_author(tokens)):
            skip.add(id(sub))
        elif sub.tag in _HEADINGS:
            skip.add(id(sub))  # comment subjects ("Finally", "Who pays?") are not the reader's words
            if author is None:
                author = cues.item_heading(normalise_space(sub.text_content()))
    paragraphs: list[str] = []
    for el in _text_elements(item, cues) or [item.el]:
        paragraphs.extend(_own_texts(el, skip, cues.is_chrome))
    # a notice in the item's place ("Comments are closed.", "0 Kommentare") is not a reader's words
    paragraphs = [p for p in paragraphs if rules.match_text(p) is None and cues.announced(p) is None]
    # a paragraph that is only a date ("26. März 2004, 16:19") is the item's date, not its words
    kept: list[str] = []
    for p in paragraphs:
        loose = dates.parse(p) if len(p) <= 40 and len(p.split()) <= 6 and _YEARISH.search(p) else None
        if loose is None:
            kept.append(p)
        elif published is None:
            published = loose
    paragraphs = kept
    if author:
        paragraphs = [p for p in paragraphs if p != author]
    if not paragraphs:
        return None
    return Response(text="\n\n".join(paragraphs), author=author, published=published)


def _announced(
    section: etree._Element, headings: list[etree._Element], items: list[etree._Element], cues: CommentCues
) -> int | None:
    """The count the section states: a heading, else a short text above its first item ("4 comments")."""
    for heading in headings:
        count = cues.announced(normalise_space(heading.text_content()))
        if count is not None:
            return count
    first = items[0] if items else None
    for seen, el in enumerate(section.iter("span", "div", "p", "a", "li", "header", "strong", "b")):
        if el is first or seen >= _MAX_COUNT_LOOKUPS:
            break
        if len(el) > 3:
            continue
        text = normalise_space(el.text_content())
        if text and len(text) <= 120:
            count = cues.announced(text)
            if count is not None:
                return count
    return None


def _holds_article(section: etree._Element, parts: list[etree._Element]) -> bool:
    total = len(normalise_space(section.text_content()))
    if total <= _ARTICLE_MIN_CHARS:
        return False
    ids = {id(p) for p in parts}
    outer = [p for p in parts if _inside(p, ids) is None]
    inside = sum(len(normalise_space(p.text_content())) for p in outer)
    outside = total - inside
    return outside > _ARTICLE_MIN_CHARS and outside > inside


def _is_notice(response: Response) -> bool:
    return (
        response.author is None and response.published is None and len(response.text.split()) < _NOTICE_MAX_WORDS
    )


def _article_before(parent: etree._Element, heading: etree._Element) -> bool:
    """``parent`` holds more than a comment section's furniture before ``heading``: more text than a
    count tab or a sort menu, or any sentence-like paragraph (a short post above its "No
    Responses" heading is still the post)."""
    child = heading
    while child.getparent() is not parent:
        child = child.getparent()
    total = len((parent.text or "").strip())
    for sub in parent:
        if sub is child or total > _HEADING_LEAD_MAX:
            break
        if isinstance(sub.tag, str) and sub.tag not in SKIP_TAGS:
            text = normalise_space(sub.text_content())
            total += len(text)
            if is_prose(text):
                return True
        total += len((sub.tail or "").strip())
    return total > _HEADING_LEAD_MAX


def _mostly_links(el: etree._Element) -> bool:
    """A teaser of a comment in a widget ("latest comments") is a link to it, not the comment."""
    total = len(normalise_space(el.text_content()))
    linked = sum(len(normalise_space(a.text_content())) for a in el.iter("a"))
    return total == 0 or linked >= 0.5 * total


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    ids = {id(e) for e in elements}
    seen: set[int] = set()
    out: list[etree._Element] = []
    for el in elements:
        if id(el) in seen:
            continue
        seen.add(id(el))
        if _inside(el, ids) is None:
            out.append(el)
    return out


def find_html_responses(
    root: etree._Element, rules: Rules, reference: _dt.datetime | None, lang: str | None = None
) -> HtmlResponses:
    """Find comment sections and read each comment; ``reference`` resolves relative dates."""
    cues = rules.comments
    kinds = _Kinds(rules)
    marked, weak, headings, articles = _scan(root, kinds)
    position = kinds.position
    # an element around the article's headline or body (a theme's "category-kommentar" wrapper, a
    # forum topic) is no section: the sections are looked for inside it
    holders: list[etree._Element] = []
    for marker in articles:
        holders.extend(_ancestors(marker))
    holder_ids = {id(h) for h in holders}
    starts = [m for m in marked if id(m) not in holder_ids or _is_schema_comment(m)]
    for h, pos in headings:
        parent = h.getparent()
        if parent is None or parent.tag in ("body", "html") or id(parent) in holder_ids:
            continue
        if _article_before(parent, h):
            # "Kommentare" closing a post container whose headline is no h1: the container holds
            # the article, so only the heading itself is marked (the list is found on its own)
            parent = h
        starts.append(parent)
        position.setdefault(id(parent), pos - 0.5)  # a heading's section starts just before it
    starts.sort(key=lambda el: position[id(el)])
    inner = sorted(marked + weak, key=lambda el: position[id(el)])
    for _round in range(_MAX_DEMOTIONS):
        sections = _outermost(starts)
        section_ids = {id(s) for s in sections}
        by_section: dict[int, list[etree._Element]] = {id(s): [] for s in sections}
        for el in inner:
            if id(el) in section_ids:
                continue
            owner = _inside(el, section_ids)
            if owner is not None:
                by_section[id(owner)].append(el)
        # a "section" whose text is mostly outside its comment-like parts holds the article (a
        # post container with a taxonomy class such as "internet-estallido-comentarios"): it is
        # dropped and the sections are looked for inside it
        demoted = {id(s) for s in sections if not _is_schema_comment(s) and _holds_article(s, by_section[id(s)])}
        if not demoted:
            break
        starts = [el for el in starts if id(el) not in demoted]
    headings_of: dict[int, list[etree._Element]] = {}
    for h, _pos in headings:
        owner = _inside(h, section_ids)
        if owner is not None:
            headings_of.setdefault(id(owner), []).append(h)
    dates = _Dates(reference, lang)
    responses: list[Response] = []
    all_items: list[etree._Element] = []
    kept_sections: list[etree._Element] = []
    announced: int | None = None
    for section in sections:
        own_headings = headings_of.get(id(section), [])
        candidates = by_section[id(section)]
        if _is_schema_comment(section):
            candidates = [section, *candidates]
        if not candidates and not _is_container(section, cues) and not _mostly_links(section):
            candidates = [section]  # a comment on its own, with no list around it (not a link to one)
        items = _items(section, candidates, cues)
        count = _announced(section, own_headings, items, cues)
        if count is not None and announced is None:
            announced = count
        # a section with nothing to read (a "latest comments" teaser, "Comments are closed.") is no body
        kept_sections.append(section)
        item_ids = {id(i) for i in items}
        read: list[tuple[etree._Element, Response]] = []
        for item in items:
            response = _read(_Item(item, item_ids), item_ids, rules, dates)
            if response is not None:
                read.append((item, response))
        # one short box with no author and no date is a notice ("No comments yet", "Log in to
        # comment", "Your comment was sent"), not a reader's comment
        if len(read) == 1 and _is_notice(read[0][1]):
            read = []
        index_of: dict[int, int] = {}
        for item, response in read:
            parent_el = _inside(item, item_ids)
            parent = index_of.get(id(parent_el)) if parent_el is not None else None
            index_of[id(item)] = len(responses)
            all_items.append(item)
            responses.append(
                Response(text=response.text, author=response.author, published=response.published, parent=parent)
            )
    return HtmlResponses(tuple(responses), announced, tuple(kept_sections), tuple(all_items))
