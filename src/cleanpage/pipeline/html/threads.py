"""HTML threads: the posts of a forum thread, a Q&A page or a mailing-list archive, found by shape.

Part of the responses stage (:mod:`cleanpage.pipeline.html.responses` calls :func:`find_posts` when
its class-word cues found no comment list that reads, or to check one that swallowed a whole topic).

Forum software names its posts in a thousand ways (``article.cPost``, ``div.message``, ``li.postbit``,
``div.topic-post``, ``table.post``), but every thread has the same shape: siblings of one *signature*
(tag and first class word, digits as ``#``) repeated under one parent, each with a name (an author
element, ``itemprop=author``, or a link to a member's profile), a date (``<time>``, a date property or
class word, a short text with a year) and prose. The group that holds the most prose wins; replies
nested in a post (a threaded view) are the same signature further down.

Gives the posts in page order and whether the first one opens the thread (no prose paragraph of
comparable size outside the posts: the page has no article of its own, the first post is its body),
or the opening post standing apart above the posts (a question above its answers, a post above its
discussion: the prose before the posts is one post-shaped branch, dated and signed by a member's
profile link): the page is then a thread by who opened it, its body read by the blocks. Comment lists
the cues read inside the posts (an answer's comments) are threaded under the post they sit in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.html.blocks import SKIP_TAGS
from cleanpage.pipeline.html.comment_header import CommentDates, clean_author, is_member_stat, panel_name
from cleanpage.pipeline.html.comment_items import read_comment
from cleanpage.pipeline.prose import is_prose
from cleanpage.pipeline.shared.patterns import class_words, element_tokens
from cleanpage.result import Response
from cleanpage.rules import CommentCues, Rules

__all__ = ["Opening", "Posts", "SectionRead", "find_posts", "signatures", "take_posts"]

#: a thread's opening post: its paragraphs (none when it stands apart from the posts: the blocks read
#: it), its author's name (when the post names one), and whether the page is a thread at all
Opening = tuple[tuple[str, ...], str | None, bool]
_NO_THREAD: Opening = ((), None, False)

#: one section as the responses stage read it: the section, its items, each read item with its response
SectionRead = tuple[etree._Element, set[etree._Element], list[tuple[etree._Element, Response]]]

#: tags a post can be
_POST_TAGS = frozenset(("div", "article", "li", "section", "table", "tr", "dl", "blockquote"))
#: a thread has at least this many posts with a name and a date
_MIN_POSTS = 2
#: share of a group's members that must carry a name, a date and prose
_MIN_SHARE = 0.6
#: chars of non-link text that make a member's text prose, and that a whole group must hold
_MIN_MEMBER_CHARS = 15
_MIN_GROUP_CHARS = 300
#: a group whose text is this much link text is a teaser list, not posts
_MAX_LINK_SHARE = 0.5
#: a year in a short text: a post date written out ("Sat Oct 12, 2024 5:03 pm")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DATE_TEXT_MAX = 60
#: prose before the posts beyond this is the page's own article, or a question above its answers
_ARTICLE_MIN_CHARS = 250
#: share of that prose an opening post standing apart holds (the rest: a consent banner, a teaser)
_APART_MIN_SHARE = 0.8
#: in a pair of siblings, one holding this share of the prose is a content column beside a sidebar
_PAIR_MAX_SHARE = 0.8
_OUTSIDE_TAGS = frozenset(("nav", "header", "footer", "aside", "form"))
#: furniture no post sits in (a forum wraps its posts in a form for moderation: that one counts)
_FURNITURE_TAGS = frozenset(("nav", "header", "footer"))
_DIGITS = re.compile(r"\d+")
#: a link this long in a heading is a headline
_HEADLINE_MIN_WORDS = 3
#: a member's name is at most this many words ("Dr. Jane van der Berg"): a longer profile link's text
#: is a headline or a sentence (the bound a comment header's author has too: comment_header.py)
_NAME_MAX_WORDS = 5
#: elements looked at over all groups: the outermost groups, which hold the posts, come first
_MAX_LOOKED_AT = 400_000
#: a post's signature block ("asked 2024-03-02", the asker's name, "2,311") is short: no more text than this
_SIGNATURE_MAX_CHARS = 200

#: the attribute values a name can come from (see :meth:`_Shapes._own`), read in one call each
_CLASSES = etree.XPath(".//@class", smart_strings=False)
_IDS = etree.XPath(".//@id", smart_strings=False)
_HREFS = etree.XPath(".//a/@href", smart_strings=False)
_SPACES = re.compile(r"\s+")
_PROPERTIES = etree.XPath(".//@itemprop", smart_strings=False)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: the elements a post says its own things in (a line of text, code, a quote, a table, a figure; not an
#: <img>: a signature shows its avatar): a signature branch holds none of them beside its name's, so it
#: never takes a short post's words
_POST_CONTENT = ("p", "pre", "code", "blockquote", "table", "figure")
#: the first terms of definition lists: a poster's panel names the poster there (comment_header.panel_name)
_TERMS = etree.XPath(".//dl/dt[1]")


@dataclass(frozen=True, slots=True)
class Posts:
    """The posts of a thread in page order (replies nested in posts included), their parent, and
    whether the first post opens the thread."""

    container: etree._Element
    posts: tuple[etree._Element, ...]
    opens: bool
    #: chars of prose the posts hold (links left out)
    chars: int
    #: the opening post when it stands apart, before the posts' container (a question above its
    #: answers, a post above its discussion): the page is a thread all the same, its body read by
    #: the blocks as any page's is
    apart: etree._Element | None = None


def _signature(el: etree._Element) -> tuple[str, str]:
    cls = (el.get("class") or "").split()
    return (str(el.tag), _DIGITS.sub("#", cls[0].lower()) if cls else "")


#: one element's subtree, summed: (elements, link text chars, has a name, has a date)
_Tally = tuple[int, int, bool, bool]


class _Shapes:
    """The subtree tallies of one page's elements, each element read once.

    Groups nest (a thread's posts are a group, and so is each post's run of paragraphs), so the
    same elements sit in many groups' members: reading each member's subtree again for every group
    cost the thread finder most of its time. A tally sums over the subtree, so an element's is its
    own plus its children's, and each is computed once per page."""

    __slots__ = ("cues", "marks", "tallies", "words")

    def __init__(self, cues: CommentCues) -> None:
        self.cues = cues
        self.tallies: dict[etree._Element, _Tally] = {}
        #: the words of each class string (element_tokens' memo)
        self.words: dict[str, tuple[str, ...]] = {}
        #: whether the class/id words of a (class, id) pair mark an author and a date: a page
        #: repeats a few pairs thousands of times, each is tested once
        self.marks: dict[tuple[str | None, str | None], tuple[bool, bool]] = {}

    def size(self, el: etree._Element) -> int:
        """The element's subtree size in nodes, as :meth:`tally` counts it, without reading it."""
        known = self.tallies.get(el)
        return known[0] if known is not None else sum(1 for _node in el.iter())

    def tally(self, el: etree._Element) -> _Tally:
        """The element's subtree: its size in nodes, its link text chars, whether it names someone
        (a profile link or author markup) and whether it holds a date."""
        tallies = self.tallies
        known = tallies.get(el)
        if known is not None:
            return known
        # children before parents (reverse document order), subtrees already tallied skipped
        order: list[etree._Element] = []
        stack = [el]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(child for child in node if child not in tallies)
        for node in reversed(order):
            size, linked, named, dated = self._own(node)
            for child in node:
                c_size, c_linked, c_named, c_dated = tallies[child]
                size += c_size
                linked += c_linked
                named = named or c_named
                dated = dated or c_dated
            tallies[node] = (size, linked, named, dated)
        return tallies[el]

    def _own(self, node: etree._Element) -> _Tally:
        tag = node.tag
        if not isinstance(tag, str):
            return 1, 0, False, False
        cues = self.cues
        linked, named = 0, False
        if tag == "a":
            linked = len(normalise_space(node.text_content()))
            named = cues.is_profile_link(node.get("href") or "")
        itemprop = node.get("itemprop")
        key = (node.get("class"), node.get("id"))
        marks = self.marks.get(key)
        if marks is None:
            tokens = class_words(key[0], key[1], self.words)
            marks = self.marks[key] = (bool(tokens) and cues.is_author(tokens), bool(tokens) and cues.is_date(tokens))
        by_name, by_date = marks
        named = named or by_name or itemprop in ("author", "creator")
        if tag == "dt" and not named:  # a poster's panel: <dt>jane</dt><dd>Posts: 98</dd>
            named = panel_name(node, cues) is not None
        return 1, linked, named, _is_date(node, tag, itemprop, by_date, cues)


class _Shape:
    """What one element holds: non-link text chars, link text chars, a name, a date."""

    __slots__ = ("dated", "linked", "named", "size", "text")

    def __init__(self, el: etree._Element, shapes: _Shapes, total: int | None = None) -> None:
        self.size, self.linked, self.named, self.dated = shapes.tally(el)
        if total is None:
            total = _chars(el)
        self.text = max(0, total - self.linked)


def _chars(el: etree._Element) -> int:
    return len(normalise_space(el.text_content()))


def _is_date(el: etree._Element, tag: str, itemprop: str | None, by_tokens: bool, cues: CommentCues) -> bool:
    """``by_tokens``: the element's class/id words mark a date (``cues.is_date``)."""
    if tag == "time" or itemprop in cues.date_properties or by_tokens:
        return True
    # a date written out, in an element's own text or after it ("by <strong>jane</strong> » Tue
    # Aug 27, 2019 1:47 am"); when a member joined ("Joined: March 2010") dates no post, and a page
    # of people whose only years are join dates (a staff directory) is no thread
    return any(
        text and len(text) <= _DATE_TEXT_MAX and _YEAR.search(text) is not None and not is_member_stat(text, cues)
        for text in (el.text, el.tail)
    )


def _group_value(members: list[etree._Element], shapes: _Shapes, headline: etree._Element | None) -> tuple[int, int]:
    """The prose chars of a group of siblings when it is shaped like posts (else 0), and the number
    of elements looked at. A post never holds the page's headline, its first ``h1`` (layout columns
    do: the content column and the sidebar); a post's own headings are the poster's."""
    if headline is not None and any(m is headline or m in headline.iterancestors() for m in members):
        return 0, 0
    totals = [_chars(m) for m in members]
    if sum(totals) < _MIN_GROUP_CHARS:
        # too little text, links included, to hold posts: decided without reading the subtrees
        # (their tallies cost the thread finder most of its time), the same elements counted as looked at
        return 0, sum(shapes.size(m) for m in members)
    read = [_Shape(m, shapes, total) for m, total in zip(members, totals)]
    return _value(read), sum(s.size for s in read)


def _value(shapes: list[_Shape]) -> int:
    text = sum(s.text for s in shapes)
    linked = sum(s.linked for s in shapes)
    if text < _MIN_GROUP_CHARS or linked > _MAX_LINK_SHARE * (text + linked):
        return 0
    full = sum(1 for s in shapes if s.named and s.dated and s.text >= _MIN_MEMBER_CHARS)
    if full < _MIN_POSTS or full < _MIN_SHARE * len(shapes):
        return 0
    if len(shapes) == _MIN_POSTS and max(s.text for s in shapes) > _PAIR_MAX_SHARE * text:
        return 0
    return text


def _groups(body: etree._Element) -> list[list[etree._Element]]:
    """Every run of two or more siblings that share a signature."""
    out: list[list[etree._Element]] = []
    walker = etree.iterwalk(body, events=("start",))
    for _event, parent in walker:
        if not isinstance(parent.tag, str):
            continue
        if parent.tag in SKIP_TAGS or parent.tag in _FURNITURE_TAGS:
            walker.skip_subtree()
            continue
        if len(parent) < _MIN_POSTS:
            continue
        by_sig: dict[tuple[str, str], list[etree._Element]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _POST_TAGS:
                by_sig.setdefault(_signature(child), []).append(child)
        out.extend(members for members in by_sig.values() if len(members) >= _MIN_POSTS)
    return out


def _prose_before(body: etree._Element, container: etree._Element, rules: Rules) -> list[tuple[etree._Element, int]]:
    """The prose paragraphs between the headline and the posts' container, with their chars,
    outside the page's furniture and the boilerplate tables (a consent banner, a sign-up prompt): an
    article above a comment list, or a question above its answers. Prose in a closed ``<details>``
    box is neither (a thread's summary, a "TL;DR", a collapsed notice above the posts): a page's own
    article or question is not folded away until a click."""
    found: list[tuple[etree._Element, int]] = []
    copies: list[tuple[etree._Element, str]] = []
    headline = next(body.iter("h1"), None)
    started = headline is None
    hides = rules.disclosure.hides
    # the container's own tag too: the walk stops at it whatever it is (a form, a list, a table
    # body), never reading the prose after the posts as prose before them
    for p in body.iter("p", "div", "h1", str(container.tag)):
        if p is container:
            break
        if p.tag == container.tag and p.tag not in ("p", "div", "h1"):
            continue
        if not started:  # what comes before the headline is the site's, not the page's
            started = p is headline
            continue
        if p.tag == "div" and (p.text is None or not p.text.strip()):
            continue
        if any(a is container or a.tag in _OUTSIDE_TAGS or _closed_box(a) for a in p.iterancestors()):
            continue
        text = normalise_space(p.text_content())
        if not (is_prose(text) and rules.match_text(text) is None and not _boilerplate_around(p, rules)):
            continue
        if any(hides(frozenset((a.get("class") or "").split())) for a in (p, *p.iterancestors())):
            copies.append((p, text))
        found.append((p, len(text)))
    return _without_copies(found, copies, container)


def _closed_box(el: etree._Element) -> bool:
    """A ``<details>`` box shown closed: its text is a click away."""
    return el.tag == "details" and el.get("open") is None


def _without_copies(
    found: list[tuple[etree._Element, int]], copies: list[tuple[etree._Element, str]], container: etree._Element
) -> list[tuple[etree._Element, int]]:
    """The prose before the posts without what a stylesheet hides of it (``cues.hides``) that the page
    also shows, before the posts or in them: the opening post kept again for structured data is no
    article above the posts, nor a second opening post."""
    if not copies:
        return found
    hidden = {p for p, _text in copies}
    shown = {normalise_space(p.text_content()) for p, _n in found if p not in hidden}
    posts_text = normalise_space(container.text_content())
    dropped = {p for p, text in copies if text in shown or text in posts_text}
    return [(p, n) for p, n in found if p not in dropped]


def _apart(
    prose: list[tuple[etree._Element, int]], container: etree._Element, shapes: _Shapes
) -> etree._Element | None:
    """The opening post above the posts' container, when the prose before the posts is one post:
    the branch beside the container that holds the first prose paragraph holds nearly all of that
    prose, and is shaped like a post, with a date and a link to its poster's profile (a byline's
    author class is no member's name: an article above its comments is no thread)."""
    around = {container, *container.iterancestors()}
    if not prose or any(el.tag in _OUTSIDE_TAGS for el in around):
        return None  # posts in a sidebar are teasers beside an article, not its discussion
    branch = prose[0][0]
    for anc in prose[0][0].iterancestors():
        if anc in around:
            break
        branch = anc
    else:
        return None
    inside = sum(n for p, n in prose if p is branch or branch in p.iterancestors())
    if inside < _APART_MIN_SHARE * sum(n for _p, n in prose):
        return None
    if branch.tag == "article" or branch.find(".//article") is not None:
        return None  # the page's article above its discussion: its byline may link to a profile page
    _size, _linked, _named, dated = shapes.tally(branch)
    return branch if dated and any(_names_member(a, shapes.cues) for a in branch.iter("a")) else None


def _calls_itself_article(root: etree._Element, rules: Rules) -> bool:
    """The page's ``og:type`` is an article's (a news story or a blog post; a forum's or a Q&A
    site's thread says "website"): a post-shaped branch above its comments is the article, whose
    byline links to the writer's profile page ("/profile/jane-doe", "/people/jane-doe")."""
    types = root.xpath("//head/meta[@property='og:type']/@content")
    return any(str(t).strip().lower() in rules.cues.markup.article_og_types for t in types)


def _names_member(link: etree._Element, cues: CommentCues) -> bool:
    """A link to a member's profile whose text is a name: a few words, no chrome (a share button's
    address can carry a profile word too: "sharer.php?u=…")."""
    text = normalise_space(link.text_content())
    return (cues.is_profile_link(link.get("href") or "") and any(ch.isalpha() for ch in text)
            and len(text.split()) <= _NAME_MAX_WORDS and not cues.is_chrome(text))


def _boilerplate_around(
    parent: etree._Element, rules: Rules, seen: dict[etree._Element, bool] | None = None
) -> bool:
    """The group sits in an element the boilerplate tables name (related, recommended, sidebar).

    ``seen`` keeps the answer of every element asked about or passed on the way up: the groups of
    one page share their ancestors, so each is tested once."""
    passed: list[etree._Element] = []
    found = False
    for el in (parent, *parent.iterancestors()):
        known = seen.get(el) if seen is not None else None
        if known is not None:
            found = known
            break
        tokens = element_tokens(el)
        if tokens and rules.match_tokens(tokens) is not None:
            found = True
            break
        passed.append(el)
    if seen is not None:
        seen.update(dict.fromkeys(passed, found))
    return found


def _teasers(members: list[etree._Element], cues: CommentCues) -> bool:
    """Half the members or more carry a headline that links to another page: teasers of articles
    (a post's subject links to the post itself, an anchor: "#p3615", "viewtopic.php?p=3615#p3615";
    its author's name to a profile)."""
    titled = 0
    for m in members:
        for heading in m.iter("h1", "h2", "h3", "h4", "h5", "h6"):
            link = next(heading.iter("a"), None)
            if link is None:
                continue
            href = link.get("href") or ""
            words = len(normalise_space(link.text_content()).split())
            if href and "#" not in href and not cues.is_profile_link(href) and words >= _HEADLINE_MIN_WORDS:
                titled += 1
                break
    return titled * 2 >= len(members)


def _leading(first: etree._Element, shapes: _Shapes) -> list[etree._Element]:
    """Siblings of the same tag just before the first post that are shaped like posts themselves:
    an opening post styled apart (``li.topic-owner-post`` before ``li.pt-4``, ``div.first-post``)."""
    lead: list[etree._Element] = []
    prev = first.getprevious()
    while prev is not None and prev.tag == first.tag:
        shape = _Shape(prev, shapes)
        if not (shape.named and shape.dated and shape.text >= _MIN_MEMBER_CHARS):
            break
        lead.insert(0, prev)
        prev = prev.getprevious()
    return lead


def _posts_of(container: etree._Element, sigs: list[tuple[str, str]]) -> list[etree._Element]:
    """The posts under the container, in page order: the elements of the post-shaped groups'
    signatures, nested ones included (the replies of a threaded view). Two signatures when a thread
    wraps its replies apart from the posts they answer (``article.post`` beside
    ``div.children-wrapper``). A signature with no class word names no kind of element (every wrapper
    ``div`` of a post has it), so for it only the container's own children count."""
    classed = {sig for sig in sigs if sig[1]}
    bare = {sig for sig in sigs if not sig[1]}
    return [
        el for el in container.iter()
        if el is not container and isinstance(el.tag, str)
        and ((sig := _signature(el)) in classed or (sig in bare and el.getparent() is container))
    ]


def _names_two(body: etree._Element, cues: CommentCues) -> bool:
    """Whether the page may hold two elements that name someone as :meth:`_Shapes._own` reads it (a
    profile link, ``itemprop`` author or creator, an author class or id word, a poster's panel), read
    without a walk.

    A thread needs two posts that each name someone, so a page with fewer such elements holds none:
    most pages, and proving it costs a fraction of the shape search. The count may only err upwards:
    a class word and an id word are tested apart (an element named by both counts twice), and the
    links are first searched all at once for a profile word between separators."""
    properties = _PROPERTIES(body)
    count = properties.count("author") + properties.count("creator")
    for values, as_class in ((_CLASSES(body), True), (_IDS(body), False)):
        count += _named_by_words(values, as_class, cues)
        if count >= _MIN_POSTS:
            return True
    for term in _TERMS(body):
        count += panel_name(term, cues) is not None
        if count >= _MIN_POSTS:
            return True
    hrefs = _HREFS(body)
    if not hrefs or not cues.profile_link_parts:
        return False
    # a part "user" or a script "user.php" between separators ([/?&=#]) or a link's ends
    alternatives = "|".join(sorted(map(re.escape, cues.profile_link_parts)))
    profile = re.compile(rf"(?:^|[/?&=#\n])(?:{alternatives})(?:\.[^./?&=#\n]*)?(?=[/?&=#\n]|\Z)")
    if profile.search("\n".join(hrefs).lower()) is None:
        return False
    for href, times in Counter(hrefs).items():
        if cues.is_profile_link(href):
            count += times
            if count >= _MIN_POSTS:
                return True
    return False


def _named_by_words(values: list[str], as_class: bool, cues: CommentCues) -> int:
    """How many of the class (``as_class``) or id values hold an author word; the page's words are
    tested once first, as one set: most pages have none."""
    distinct = set(values)
    if as_class:
        spaced = set(_SPACES.split(" ".join(distinct).lower()))  # as class_words splits each
        spaced.discard("")
        if not cues.is_author(spaced):  # all the page's words in one call: most pages have none
            return 0
    count = 0
    words: dict[str, tuple[str, ...]] = {}
    for value, times in Counter(values).items():
        tokens = class_words(value, None, words) if as_class else class_words(None, value, None)
        if tokens and cues.is_author(tokens):
            count += times
    return count


def find_posts(root: etree._Element, rules: Rules, taken: list[etree._Element], *,
               typed_article: bool = False) -> Posts | None:
    """The thread's posts, or ``None`` when no group of siblings is shaped like posts. Groups inside
    ``taken`` (comment sections already read) are left alone. ``typed_article``: the page's JSON-LD
    types it as an article (read once with its metadata), so no post stands apart above the posts."""
    cues = rules.comments
    found = root.find("body")
    body = found if found is not None else root
    if not _names_two(body, cues):
        return None
    taken_set = set(taken)
    headline = next(body.iter("h1"), None)
    best: list[etree._Element] | None = None
    best_value = 0
    shaped: dict[etree._Element, list[tuple[str, str]]] = {}
    budget = _MAX_LOOKED_AT
    shapes = _Shapes(cues)
    around: dict[etree._Element, bool] = {}
    for members in _groups(body):
        parent = members[0].getparent()
        if parent in taken_set or any(a in taken_set for a in parent.iterancestors()):
            continue
        if _boilerplate_around(parent, rules, around) or _teasers(members, cues):
            continue
        value, looked_at = _group_value(members, shapes, headline)
        budget -= looked_at
        if budget < 0:
            break  # nested repeats (a chain of two-child divs) cost the square of the page: enough
        if value > 0:
            shaped.setdefault(parent, []).append(_signature(members[0]))
        if value > best_value:
            best, best_value = members, value
    if best is None:
        return None
    container = best[0].getparent()
    posts = _posts_of(container, shaped[container])
    posts[:0] = _leading(best[0], shapes)
    prose = _prose_before(body, container, rules)
    # a post standing apart above the posts opens the thread however short it is
    apart = None if typed_article or _calls_itself_article(root, rules) else _apart(prose, container, shapes)
    opens = apart is None and sum(n for _p, n in prose) < _ARTICLE_MIN_CHARS
    return Posts(container=container, posts=tuple(posts), opens=opens, chars=best_value, apart=apart)


def _read_chars(read_of: list[SectionRead]) -> int:
    return sum(len(response.text) for _section, _nested, read in read_of for _el, response in read)


def _overlaps(a: etree._Element, b: etree._Element) -> bool:
    return a is b or any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())


def _one_voice(read: list[tuple[etree._Element, Response]]) -> bool:
    """Every post that names an author names the same one, and every dated post has the same day: a
    site's list of its own articles (teasers signed by "Webmaster"), or a page's sections signed by
    their writer ("Erstellt von kidogo"), not a conversation."""
    if len(read) < _MIN_POSTS:
        return False
    authors = {r.author for _el, r in read if r.author}
    days = {r.published.isoformat()[:10] for _el, r in read if r.published is not None}
    return len(authors) <= 1 and len(days) <= 1


def take_posts(
    root: etree._Element, rules: Rules, dates: CommentDates, read_of: list[SectionRead], *,
    typed_article: bool = False,
) -> tuple[list[SectionRead], Opening, tuple[etree._Element, ...], tuple[etree._Element, ...]]:
    """The sections the cues found, with the posts found by shape in place of those around them;
    the opening post's paragraphs and author when the page is a thread (the thread's author: who
    opened it); the posts (all of them items); the signature blocks of an opening post standing
    apart (:func:`signatures`), which the blocks read as that post's chrome.

    A comment list the cues read stays theirs: posts under an article add nothing to it, and a
    group of posts holding less than the cues read is a smaller thing (comments under an answer).
    A section that read next to nothing around the posts (a topic wrapper named "comments") gives
    way to them."""
    taken = [section for section, _nested, read in read_of if len(read) >= _MIN_POSTS]
    posts = find_posts(root, rules, taken, typed_article=typed_article)
    read_by_cues = False
    if posts is None:
        posts = _posts_the_cues_read(root, rules, taken, typed_article=typed_article)
        read_by_cues = posts is not None
    if posts is None:
        asked, question = _asked_apart(root, rules, dates, read_of, typed_article=typed_article)
        items = {el for _s, found, _r in read_of for el in found}
        return read_of, asked, (), signatures(question, items, rules.comments)
    nested = set(posts.posts)
    # the comment lists inside the posts (an answer's comments) are the posts' replies, no rival to them
    under = _under_posts(read_of, posts, rules, dates)
    inner = {entry[0] for entry in under}
    beside = [entry for entry in read_of if entry[0] not in inner]
    # the comments under a question standing apart are its own, no rival list either
    rivals = [s for s in taken if s not in inner and (posts.apart is None or not _overlaps(s, posts.apart))
              and not (read_by_cues and _overlaps(s, posts.container))]
    if rivals and (not posts.opens or posts.chars <= _read_chars(beside)):
        return read_of, _NO_THREAD, (), ()  # an article above the comment list the cues read: no thread
    # who opened it: the question's own comments (lists the cues read) are no part of its header
    outside = nested | {el for _s, items, _r in read_of for el in items}
    apart = _read_apart(posts, outside, rules, dates)
    for _section, items, _read in under:
        nested |= items
    read = [(el, r) for el in posts.posts if (r := read_comment(el, nested, rules, dates)) is not None]
    if _one_voice(read):
        return read_of, _NO_THREAD, (), ()
    kept = [entry for entry in read_of if not _overlaps(entry[0], posts.container)]
    if under:  # the comments under the posts, each after the post it answers
        position = {el: n for n, el in enumerate(posts.container.iter())}
        own = set(posts.posts)  # a section of replies that are posts themselves adds none
        extra = [entry for _s, _i, section_read in under for entry in section_read if entry[0] not in own]
        read = sorted(read + extra, key=lambda entry: position.get(entry[0], 0))
    opening: tuple[str, ...] = ()
    opener: str | None = None
    if posts.opens and read and read[0][0] is posts.posts[0]:
        opening = tuple(read[0][1].text.split("\n\n"))
        opener = read[0][1].author
        read = read[1:]
    kept.append((posts.container, nested, read))
    wanted = {entry[0] for entry in kept}
    order = {el: n for n, el in enumerate(root.iter()) if el in wanted}
    kept.sort(key=lambda entry: order.get(entry[0], 0))
    if posts.opens:
        return kept, (opening, opener, bool(opening)), posts.posts, ()
    chrome = signatures(posts.apart, outside, rules.comments) if apart[2] else ()
    return kept, apart, posts.posts, chrome


def _posts_the_cues_read(
    root: etree._Element, rules: Rules, taken: list[etree._Element], *, typed_article: bool
) -> Posts | None:
    """The posts of a thread whose whole list the class-word cues read as one comment section (a
    board's ``li.postbit`` items under ``ol#posts``), its opening post among them: the same posts
    found by shape, when they open the page (no article, no question standing apart above them)
    and the list they sit in is one the cues read that says no "Comments" over itself (a story's
    comments under a photo are no thread). The shape search leaves the cues' sections alone, so
    without this the thread's opening post was read as its first reply and the page's body was
    made of what stands around the posts."""
    if not taken or typed_article or _calls_itself_article(root, rules):
        return None
    posts = find_posts(root, rules, [], typed_article=typed_article)
    if posts is None or not posts.opens or posts.apart is not None:
        return None
    sections = [s for s in taken if _overlaps(s, posts.container)]
    if not sections or any(_calls_itself_comments(s, rules.comments) for s in sections):
        return None
    if any(_named_comments(el, rules.comments) for el in (*sections, posts.container, posts.posts[0])):
        return None
    return None if _any_prose_before(posts.container, rules) else posts


def _named_comments(el: etree._Element, cues: CommentCues) -> bool:
    """``el`` or a box around it is named for comments by a class or id word ("ol.comment-list" in
    "div#comments", "li.comment"): a blog post's or a story's comment list, under a photo, a video or
    a list that is no prose, whatever its heading says, not a board's posts ("ol#posts li.postbit")."""
    return any(cues.is_comment_like(word) for up in (el, *el.iterancestors()) for word in element_tokens(up))


def _any_prose_before(container: etree._Element, rules: Rules) -> bool:
    """A prose paragraph before the posts, outside the page's furniture, however short and in whatever
    wrapper (a post above its comments wrapped in an edit form, which :func:`_prose_before` leaves to
    the forum's moderation): the posts then answer something, they do not open the page."""
    # the container's own tag too: the walk stops at it whatever it is (a list, a form, a table body)
    for p in container.getroottree().iter("p", "div", "blockquote", "td", str(container.tag)):
        if p is container:
            return False
        if p.tag not in ("p", "div", "blockquote", "td"):
            continue
        if p.tag != "p" and (p.text is None or not p.text.strip()):
            continue
        if any(a is container or a.tag in _FURNITURE_TAGS or a.tag == "aside" for a in p.iterancestors()):
            continue
        text = normalise_space(p.text_content())
        if is_prose(text) and rules.match_text(text) is None:
            return True
    return False


def _under_posts(read_of: list[SectionRead], posts: Posts, rules: Rules, dates: CommentDates) -> list[SectionRead]:
    """The comment lists the cues read inside the posts (a Q&A answer's comments): replies to the
    post they sit in, threaded under it, not a section of their own. A section that is the post's
    own message (a card the cues took for one comment) is none: without its items the post says
    nothing."""
    inside = set(posts.posts)
    under: list[SectionRead] = []
    for entry in read_of:
        post = next((a for a in entry[0].iterancestors() if a in inside), None)
        if post is not None and read_comment(post, inside | entry[1], rules, dates) is not None:
            under.append(entry)
    return under


def _read_apart(posts: Posts, nested: set[etree._Element], rules: Rules, dates: CommentDates) -> Opening:
    """The page as a thread whose opening post stands apart from the posts (its author, no
    paragraphs: the blocks read its body), or no thread when no post stands apart."""
    if posts.apart is None:
        return _NO_THREAD
    return (), _opener(posts.apart, nested, rules, dates), True


def _opener(apart: etree._Element, nested: set[etree._Element], rules: Rules, dates: CommentDates) -> str | None:
    """Who wrote the post standing apart: the author its schema.org markup names (a Q&A site signs a
    question "edited … by" its editor before "asked … by" its asker), else the one its header names;
    the items in ``nested`` (its comments) are no part of it."""
    for el in apart.iter():
        if el.get("itemprop") != "author" or any(a in nested for a in el.iterancestors()):
            continue
        named = next((n for n in el.iter() if n.get("itemprop") == "name"), el)
        text = named.get("content") if named.tag == "meta" else named.text_content()
        name = clean_author(normalise_space(text or ""), rules.comments)
        if name:
            return name
    response = read_comment(apart, nested, rules, dates)
    return response.author if response is not None else None


def _calls_itself_comments(section: etree._Element, cues: CommentCues) -> bool:
    """The list's heading (its first, or the one right before it) says comments ("3 Comments",
    "Kommentare"): an article's readers, where a question's list says answers (review12)."""
    heading = next(section.iter(*_HEADINGS), None)
    if heading is None:
        before = section.getprevious()
        heading = before if before is not None and before.tag in _HEADINGS else None
    return heading is not None and cues.is_section_heading(normalise_space(heading.text_content()))


def _asked_apart(
    root: etree._Element, rules: Rules, dates: CommentDates, read_of: list[SectionRead], *, typed_article: bool
) -> tuple[Opening, etree._Element | None]:
    """The page as a thread when the list the cues read is its answers and the question stands apart
    above it (a Q&A site's ``div#question`` above ``div#answers``: no posts are left for the shape
    search, the cues took them all): the prose before the list is one post-shaped branch, dated and
    signed by a member's profile link, as :func:`_apart` asks of a post above a thread's posts. The
    blocks read the question; its asker is who opened the thread."""
    if typed_article or not read_of:
        return _NO_THREAD, None
    section, _items, read = max(read_of, key=lambda entry: sum(len(r.text) for _el, r in entry[2]))
    if len(read) < _MIN_POSTS or _one_voice(read) or _calls_itself_article(root, rules):
        return _NO_THREAD, None
    if _calls_itself_comments(section, rules.comments):
        return _NO_THREAD, None  # a story's comments under its byline, not a question's answers
    found = root.find("body")
    body = found if found is not None else root
    apart = _apart(_prose_before(body, section, rules), section, _Shapes(rules.comments))
    if apart is None:
        return _NO_THREAD, None
    # the question's own comments are no part of it: every list the cues read is left out
    items = {el for _section, found_items, _read in read_of for el in found_items}
    return ((), _opener(apart, items, rules, dates), True), apart


def signatures(
    apart: etree._Element | None, nested: set[etree._Element], cues: CommentCues
) -> tuple[etree._Element, ...]:
    """The signature blocks of an opening post standing apart: around each element that names its
    poster (a link to a member's profile, ``itemprop`` author), the largest branch of the post that
    holds no prose, no heading and none of its comments, when it is dated ("asked 2024-03-02" beside
    the asker's name and reputation "2,311", with the post's menu). A comment item's header is read
    as its chrome; the post standing apart is read by the blocks, so its signature is marked for
    them, not left for the block model to keep or drop. ``nested``: the comment items under it."""
    if apart is None:
        return ()
    shapes = _Shapes(cues)
    found: list[etree._Element] = []
    for el in apart.iter():
        if not isinstance(el.tag, str) or any(el is f or f in el.iterancestors() for f in found):
            continue
        names = el.get("itemprop") in ("author", "creator") or (el.tag == "a" and _names_member(el, cues))
        if not names or any(a in nested for a in el.iterancestors()):
            continue
        top = _signature_branch(el, apart, nested)
        if top is not None and shapes.tally(top)[3]:
            found.append(top)
    return tuple(found)


def _signature_branch(
    name: etree._Element, apart: etree._Element, nested: set[etree._Element]
) -> etree._Element | None:
    """The largest branch around a poster's name, inside the post and short of it, that holds no
    prose, no heading, no comment item and none of the post's own text elements (:data:`_POST_CONTENT`)
    beside the name's own; ``None`` when the name sits in prose (a mention)."""
    top: etree._Element | None = None
    for el in (name, *name.iterancestors()):
        if el is apart or el in nested:
            break
        text = normalise_space(el.text_content())
        if len(text) > _SIGNATURE_MAX_CHARS or is_prose(text) or next(el.iter(*_HEADINGS), None) is not None:
            break
        if any(n in nested for n in el.iter()):
            break
        if any(c is not name and name not in c.iterancestors() for c in el.iter(*_POST_CONTENT)):
            break  # the post's own text or code beside the name (a short question, its snippet)
        top = el
    if top is None or top.tag in ("a", "span", "time", "meta") and top is name:
        return None
    return top
