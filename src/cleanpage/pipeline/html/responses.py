"""HTML responses: reader responses found in the tree, each on its own, threaded.

Takes the parsed tree (and the page's date, for relative comment dates); gives the responses, the
count the page announces, and the elements whose blocks are responses rather than body
(:class:`~cleanpage.pipeline.html.blocks.ResponseMarks`, for the blocks stage, which runs next).

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
4. each item is read on its own (author, date, text without chrome and nested replies); its parent
   is the nearest item around it.

Steps 3 and 4, one section's items, are :mod:`cleanpage.pipeline.html.comment_items`.

5. posts found by their shape (:mod:`cleanpage.pipeline.html.threads`: repeated siblings, each with a
   name, a date and prose) replace the sections around them unless the cues already read a comment
   list holding more; when nothing but page furniture precedes them the page is a thread: the first
   post is the body (``opening``), the others are responses.
6. comments signed by plain text (:mod:`cleanpage.pipeline.html.signed_items`: a bold name, a date,
   words, repeated) are read where the page says comments and no items were read: in a section the
   cues read as one item at most, after a comment heading, in or right before a comment form; never
   in a thread's posts.

The elements found are kept in lists while the stage runs, so sets and dicts keyed by the elements
themselves (lxml keeps one proxy per element while it is referenced) stand for them.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.html.blocks import SKIP_TAGS, ResponseMarks
from cleanpage.pipeline.html.comment_items import (
    HEADINGS,
    LIST_TAGS,
    CommentDates,
    ancestors,
    find_items,
    inside_of,
    is_schema_comment,
    read_items,
    thread_items,
)
from cleanpage.pipeline.html.signed_items import Signed, comment_forms, form_scopes, signed_items
from cleanpage.pipeline.html.threads import SectionRead, take_posts
from cleanpage.pipeline.prose import is_prose
from cleanpage.pipeline.quotes import board_attribution, without_quotes
from cleanpage.pipeline.shared.patterns import element_tokens
from cleanpage.result import Response
from cleanpage.rules import CommentCues, Rules

__all__ = ["HtmlResponses", "find_responses"]

#: Tags that can be a section or an item; inline tags (a, span) only ever hold parts of one.
_CONTAINER_TAGS = frozenset(
    ["div", "section", "article", "li", "ul", "ol", "aside", "dl", "dd", "dt", "blockquote", "p", "td", "tr", "table", "tbody", "main", "footer", "header"]
)
#: Schema.org types whose ``comment`` property is the thing commented on: never a mere section.
_ARTICLE_PROPS = frozenset(("articlebody", "articleBody"))
#: Work caps: a page with thousands of comment-like elements is read up to these bounds.
_MAX_CANDIDATES = 20_000
_MAX_COUNT_LOOKUPS = 400
#: text a comment section may hold above its heading (a count tab, a sort menu), not an article
_HEADING_LEAD_MAX = 400
#: text outside its comment parts beyond which a would-be section is an article container
_ARTICLE_MIN_CHARS = 1500
_MAX_DEMOTIONS = 4
#: the siblings after a heading marked alone that its signed comments may be in
_SIGNED_AFTER_HEADING = 1
_NONE, _WEAK, _STRONG = 0, 1, 2


@dataclass(frozen=True, kw_only=True, slots=True)
class HtmlResponses:
    """Responses, the announced count, and the elements whose blocks are responses, not body."""

    responses: tuple[Response, ...]
    announced: int | None
    marks: ResponseMarks
    #: the opening post's paragraphs when the page is a thread (its posts are its content), else ()
    opening: tuple[str, ...] = ()
    #: the name of who opened the thread (the opening post's author), when the page is a thread
    opener: str | None = None
    #: the page is a thread: its opening post is the body (``opening``), or stands apart above the
    #: posts (a question above its answers) and the blocks read it
    thread: bool = False
    #: paragraphs left out of replies as copies of earlier posts (forum quotes), in page order
    quoted: tuple[str, ...] = ()


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
        #: element -> its place in the walk, for the elements the walk keeps
        self.position: dict[etree._Element, float] = {}

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
        for name in self.cues.role_attributes:
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
        if tag in HEADINGS:
            if tag == "h1":
                articles.append(el)
            text = normalise_space(el.text_content())
            if text and len(text) <= 300:
                if cues.is_section_heading(text):
                    headings.append((el, n))
                elif cues.item_heading(text) and el.getparent() is not None:
                    marked.append(el.getparent())  # "#1 Kommentar von Naru-chan" heads one comment
                    position[el.getparent()] = n - 1
            continue
        attrib = el.attrib
        if not attrib:
            continue
        if "itemprop" in attrib or "itemtype" in attrib:
            if attrib.get("itemprop") in _ARTICLE_PROPS:
                articles.append(el)
            if is_schema_comment(el):
                marked.append(el)
                position[el] = n
                continue
        if tag in containers and len(marked) < _MAX_CANDIDATES:
            strength = kinds.element(el)
            if strength == _STRONG:
                marked.append(el)
                position[el] = n
            elif strength == _WEAK:
                weak.append(el)
                position[el] = n
    return marked, weak, headings, articles


def _tokens(el: etree._Element, cues: CommentCues) -> tuple[str, ...]:
    """Class/id words, plus the words of attributes that scripts use to name an element's role
    (``data-test-id="comment"``, ``data-role="comments"``, ``role="comment"``: ``cues.role_attributes``)."""
    tokens = element_tokens(el)
    extra = [el.get(a) for a in cues.role_attributes]
    if any(extra):
        tokens = tokens + tuple(v.strip().lower() for v in extra if v and " " not in v.strip())
    return tokens


def _is_container(el: etree._Element, cues: CommentCues) -> bool:
    """A list of comments or replies ("ol.children", "div.comment-list"): it holds items, it is none."""
    if el.tag in LIST_TAGS:
        return True
    tokens = _tokens(el, cues)
    return bool(tokens) and cues.is_section(tokens) and not cues.is_comment(tokens)


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
    within = set(parts)
    outer = [p for p in parts if inside_of(p, within) is None]
    inside = sum(len(normalise_space(p.text_content())) for p in outer)
    outside = total - inside
    return outside > _ARTICLE_MIN_CHARS and outside > inside


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
    within = set(elements)
    seen: set[etree._Element] = set()
    out: list[etree._Element] = []
    for el in elements:
        if el in seen:
            continue
        seen.add(el)
        if inside_of(el, within) is None:
            out.append(el)
    return out


def _starts(
    marked: list[etree._Element],
    headings: list[tuple[etree._Element, int]],
    articles: list[etree._Element],
    position: dict[etree._Element, float],
) -> list[etree._Element]:
    """Where sections may start, in page order: the strong comment-like elements and the container
    of each announcing heading."""
    # an element around the article's headline or body (a theme's "category-kommentar" wrapper, a
    # forum topic) is no section: the sections are looked for inside it
    holders = {anc for marker in articles for anc in ancestors(marker)}
    starts = [m for m in marked if m not in holders or is_schema_comment(m)]
    for h, pos in headings:
        parent = h.getparent()
        if parent is None or parent.tag in ("body", "html") or parent in holders:
            continue
        if _article_before(parent, h):
            # "Kommentare" closing a post container whose headline is no h1: the container holds
            # the article, so only the heading itself is marked (the list is found on its own)
            parent = h
        starts.append(parent)
        position.setdefault(parent, pos - 0.5)  # a heading's section starts just before it
    starts.sort(key=position.__getitem__)
    return starts


def _sections(
    starts: list[etree._Element], inner: list[etree._Element]
) -> tuple[list[etree._Element], dict[etree._Element, list[etree._Element]]]:
    """The outermost starts, each with the comment-like elements inside it, in page order."""
    for _round in range(_MAX_DEMOTIONS):
        sections = _outermost(starts)
        parts = _parts_of(sections, inner)
        # a "section" whose text is mostly outside its comment-like parts holds the article (a
        # post container with a taxonomy class such as "internet-estallido-comentarios"): it is
        # dropped and the sections are looked for inside it
        demoted = {s for s in sections if not is_schema_comment(s) and _holds_article(s, parts[s])}
        if not demoted:
            break
        starts = [el for el in starts if el not in demoted]
    return sections, parts


def _parts_of(
    sections: list[etree._Element], inner: list[etree._Element]
) -> dict[etree._Element, list[etree._Element]]:
    within = set(sections)
    parts: dict[etree._Element, list[etree._Element]] = {s: [] for s in sections}
    for el in inner:
        if el in within:
            continue
        owner = inside_of(el, within)
        if owner is not None:
            parts[owner].append(el)
    return parts


def _headings_of(
    headings: list[tuple[etree._Element, int]], sections: list[etree._Element]
) -> dict[etree._Element, list[etree._Element]]:
    within = set(sections)
    out: dict[etree._Element, list[etree._Element]] = {}
    for h, _pos in headings:
        owner = inside_of(h, within)
        if owner is not None:
            out.setdefault(owner, []).append(h)
    return out


def _candidates(section: etree._Element, parts: list[etree._Element], cues: CommentCues) -> list[etree._Element]:
    """The elements the section's items are made of: its comment-like elements but the lists of
    items (schema.org comments always count)."""
    if is_schema_comment(section):
        parts = [section, *parts]
    elif not parts and not _is_container(section, cues) and not _mostly_links(section):
        parts = [section]  # a comment on its own, with no list around it (not a link to one)
    return [c for c in parts if is_schema_comment(c) or not _is_container(c, cues)]


def _section_scopes(section: etree._Element) -> list[etree._Element]:
    """Where a section's signed items may be: in it, or, for a heading marked alone (an article
    before it in its container), in the siblings right after it."""
    if section.tag not in HEADINGS:
        return [section]
    after = [sib for sib in section.itersiblings() if isinstance(sib.tag, str)][:_SIGNED_AFTER_HEADING]
    return [sib for sib in after if sib.tag not in HEADINGS][:1] if after else []


def _signed_section(
    entry: SectionRead, sections: list[etree._Element], posts: tuple[etree._Element, ...], rules: Rules,
    dates: CommentDates,
) -> SectionRead:
    """A section the cues read as one item at most, read again as items signed by plain text when
    it holds them (the section read as one comment merged them all); a thread's posts are never
    among them."""
    section, nested, _read = entry
    if len(nested) > 1 or any(_overlap(section, post) for post in posts):
        return entry
    by_name = signed_items(_own_scopes(section, sections), rules, dates)
    if by_name is None:
        return entry
    items = set(by_name.items)
    read = read_items(list(by_name.items), items, rules, dates, by_name.names)
    return (section, items, read) if read else entry


def _own_scopes(section: etree._Element, sections: list[etree._Element]) -> list[etree._Element]:
    """The section's scopes for signed items that are no part of another section (the list after a
    heading marked alone may be a section of its own, read already)."""
    return [s for s in _section_scopes(section) if not any(o is not section and _overlap(s, o) for o in sections)]


def _signed_elsewhere(
    root: etree._Element, rules: Rules, dates: CommentDates, taken: list[etree._Element],
    headings: list[tuple[etree._Element, int]],
) -> list[SectionRead]:
    """The comments signed by plain text where no section was read: after a comment heading the
    sections left alone (one in the article's container), and in or right before each comment form
    (the cue walk skips forms); never inside the sections already read (``taken``, with the posts
    of a thread) nor around them."""
    taken = list(taken)
    searches = [(_section_scopes(h), False) for h, _pos in headings]
    searches += [(form_scopes(form), True) for form in comment_forms(root, rules)]
    found: list[SectionRead] = []
    for scopes, by_form in searches:
        free = [s for s in scopes if not any(_overlap(s, t) for t in taken)]
        signed: Signed | None = signed_items(free, rules, dates, by_form=by_form) if free else None
        if signed is None:
            continue
        container = signed.items[0].getparent()
        nested = set(signed.items)
        read = read_items(list(signed.items), nested, rules, dates, signed.names)
        if read:
            found.append((container, nested, read))
            taken.append(container)
    return found


def _overlap(a: etree._Element, b: etree._Element) -> bool:
    return a is b or inside_of(a, {b}) is not None or inside_of(b, {a}) is not None


def find_responses(
    root: etree._Element, rules: Rules, reference: _dt.datetime | None, lang: str | None = None, *,
    typed_article: bool = False,
) -> HtmlResponses:
    """Find comment sections and read each comment; ``reference`` resolves relative dates. A page
    whose posts make it a thread gives its opening post as ``opening``; one whose structured data
    types it as an article (``typed_article``) has no post standing apart above its comments."""
    cues = rules.comments
    kinds = _Kinds(rules)
    marked, weak, headings, articles = _scan(root, kinds)
    starts = _starts(marked, headings, articles, kinds.position)
    sections, parts = _sections(starts, sorted(marked + weak, key=kinds.position.__getitem__))
    headings_of = _headings_of(headings, sections)
    dates = CommentDates(reference, lang, rules.cues)
    announced: int | None = None
    read_of: list[SectionRead] = []
    for section in sections:
        found = find_items(section, _candidates(section, parts[section], cues))
        if announced is None:
            announced = _announced(section, headings_of.get(section, []), found, cues)
        # a section with nothing to read (a "latest comments" teaser, "Comments are closed.") is
        # still no body: every section is marked
        nested = set(found)
        read_of.append((section, nested, read_items(found, nested, rules, dates)))
    # posts found by their shape: in place of the sections around them, the first one the body of a thread
    read_of, (opening, opener, thread), posts, signed = take_posts(root, rules, dates, read_of,
                                                                   typed_article=typed_article)
    # comments signed by plain text: in the sections that are one item of their own, then where no
    # section was read; a thread's posts, found first, are never taken for them
    read_of = [_signed_section(entry, sections, posts, rules, dates) for entry in read_of]
    read_of += _signed_elsewhere(root, rules, dates, [entry[0] for entry in read_of] + list(posts), headings)
    responses: list[Response] = []
    items: list[etree._Element] = []
    for _section, nested, read in read_of:
        thread_items(read, nested, responses, items)
    own, quoted = without_quotes(tuple(responses), opening, board_attribution(rules.comments))
    seen = set(items)
    items.extend(el for el in posts if el not in seen)
    marks = ResponseMarks(sections=tuple(entry[0] for entry in read_of), items=tuple(items), signatures=signed)
    return HtmlResponses(responses=own, announced=announced, marks=marks, opening=opening, quoted=quoted,
                         opener=opener, thread=thread)
