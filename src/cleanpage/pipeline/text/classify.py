"""Text classify: label the blocks of a dump, with no markup to lean on.

Takes the blocks; gives every block its :class:`Labelled` value, in order (the response region
as a whole: the responses stage splits it).

Order of evidence, strongest first: the rule tables (widget labels, comment forms, related-list
headings), credit shapes, response headings, then the shape of the text itself:

1. the article is the densest run of prose (:mod:`cleanpage.pipeline.text.region`), above the first
   response heading or comment form that has a real article above it, and cut where a comment
   thread with no heading begins (:mod:`cleanpage.pipeline.text.cues`); a second run on either side joins
   it when it is worth a good share of the first (a story split by a gallery);
2. the responses run from each response heading after the article (or a thread's first header
   line) to the comment form or the next section;
3. inside the article, prose and sentence-like lines are body; a short line only when it leads
   into prose (a subheading) or belongs to a list — captions, credits and teaser links do not;
4. the title is the nearest headline-shaped block above the article; a rule heading like
   "Related" swallows the short list that follows it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason
from cleanpage.pipeline.prose import ends_text_sentence, is_text_prose, looks_like_heading, separator_share
from cleanpage.pipeline.text.cues import THREAD_WINDOW as _THREAD_WINDOW
from cleanpage.pipeline.text.cues import announces_responses, comment_cue, thread_start
from cleanpage.pipeline.text.region import (
    BARRIER,
    CAPTION,
    LINK_SHARE,
    SHORT_PENALTY,
    Region,
    best_region,
    block_value,
    near_good,
)
from cleanpage.result import AttributionKind
from cleanpage.rules import CommentCue, Rules, normalise_phrase

__all__ = ["classify"]

#: an article found before a response heading must be at least this big (value) to be the article:
#: a "3 Comments" link under the headline comes before a handful of words, not before the story
_MIN_ARTICLE = 150.0
#: a run of prose below a response heading is a thread when this many of its blocks, and this
#: share of them, are comment header or chrome lines
_THREAD_MIN_CUES, _THREAD_CUE_SHARE = 3, 0.08
#: value of a comment-chrome line ("Reply", "NAME says:"): the article stops before a thread
_CHROME_VALUE = -150.0
#: a second run of prose joins the article when it is worth this share of the first
_SECOND_SHARE, _MIN_SECOND = 0.3, 300.0
#: response headings tried as the end of the article (the first few are enough)
_MAX_HEADINGS = 5
#: a run of this many short non-prose lines inside the article is a pasted menu, not a list
_MAX_SHORT_RUN = 12
#: a caption is at most this long, its credit at most this many words, after one of these
_CAPTION_MAX_WORDS, _CREDIT_MAX_WORDS = 60, 15
#: credit shapes that are a line of their own (a dateline opens a paragraph instead)
_CREDIT_LINES = frozenset({AttributionKind.CREDIT, AttributionKind.CONTRIBUTOR, AttributionKind.COPYRIGHT,
                           AttributionKind.BYLINE})
_CREDIT_AFTER = (".", "!", "?", ",", ";", ":", "|", ")", "–", "—", "-", "/")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_META_SEPARATOR = re.compile(r"\s[|•·]\s")
#: a teaser headline in a related list has at most this many words
_HEADLINE_WORDS = 20
#: a standfirst is at most this many lines of at least this many words each
_MAX_STANDFIRST, _STANDFIRST_WORDS = 2, 6
#: a comment-form line with another (or a response heading) at most this many blocks below is a
#: whole form, not a button
_FORM_SPAN = 4
#: "Read more" links at most this many blocks apart make a list of excerpts
_EXCERPT_SPACING = 6
#: a line ending in ":" with this many words introduces a list, a quote or code ("Zutaten:" does not)
_LEAD_IN_WORDS = 3
#: a list below a lead-in line is at most this long
_MAX_LIST = 8
#: the mean words of a list's items that make them the article's list, not a menu's links (a menu's
#: items are a word or two: "Home", "About us")
_ITEM_WORDS = 4


def _trailing_credit(text: str, rules: Rules) -> bool:
    """A caption: a short block whose last words are an image credit ("The pumps at dusk. Photo:
    Jane Doe/Shutterstock"), the credit after a sentence end or a separator.

    The credit shapes are the ``image-credit`` role's patterns (``rules/boilerplate.toml``); a bare
    phrase ("Photo", "Zoom") at the end of a sentence is not one.
    """
    words = text.split()
    if not 3 <= len(words) <= _CAPTION_MAX_WORDS:
        return False
    for k in range(2, min(_CREDIT_MAX_WORDS, len(words) - 1) + 1):
        head, tail = words[-k - 1], " ".join(words[-k:])
        if not (head.endswith(_CREDIT_AFTER) or tail.startswith(("(", "©"))):
            continue
        rule = rules.match_text(tail)
        if rule is not None and rule.role == "image-credit" and normalise_phrase(tail) not in rule.phrases:
            return True
    return False


def _prelabel(block: Block, rules: Rules) -> Labelled | None:
    if "references" in block.roles:
        return Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.LINK_REFERENCES)
    rule = rules.match_text(block.text)
    if rule is not None:
        return Labelled(block=block, label=Label.BOILERPLATE, reason=rule.name)
    if _trailing_credit(block.text, rules):
        return Labelled(block=block, label=Label.BOILERPLATE, reason=CAPTION)
    if rules.match_credit(block.text, _CREDIT_LINES) is not None:
        return Labelled(block=block, label=Label.ATTRIBUTION)
    if announces_responses(block.text, rules):
        return Labelled(block=block, label=Label.RESPONSE_HEADER, reason=Reason.RESPONSES_HEADER)
    return None


def _roles(rules: Rules) -> dict[str, str]:
    return {rule.name: rule.role for rule in rules.boilerplate}


def _clustered(cues: list[CommentCue], i: int) -> bool:
    """A "Reply" or "NAME says:" line with another comment cue close by: a thread's chrome.

    Alone, the same shape is a byline under the headline ("Frank Hahn am 18. September 2019")
    or a lone button, and weighs as the line it is.
    """
    if cues[i] is not CommentCue.CHROME and cues[i] is not CommentCue.AUTHOR:
        return False
    lo, hi = max(0, i - _THREAD_WINDOW), min(len(cues), i + _THREAD_WINDOW + 1)
    return any(cues[j] for j in range(lo, hi) if j != i)


def _article(values: list[float], ends: list[int], cues: list[CommentCue], forms: Collection[int] = ()) -> Region:
    """The article region: before the first response heading (or comment form) that has an
    article above it.

    A long comment thread can hold more prose than the article, so the run above a heading wins
    with a quarter of the best run's value, or with any real size when the best run below the
    heading reads as a thread (comment header lines all through it). A "5 Comments" link or a
    "Write a comment" button above the story has only menus above it, and the story below. A
    whole comment form (``forms``: its heading with more of its lines close below) comes after
    the story, never above it: the run above it wins with any real size.
    """
    whole = best_region(values)
    for h in ends[:_MAX_HEADINGS]:
        before = best_region(values, 0, h)
        if before.score < _MIN_ARTICLE:
            continue
        if before.score >= 0.25 * whole.score or h in forms:
            return before
        after = best_region(values, h + 1)
        hits = sum(1 for c in cues[after.start : after.end + 1] if c)
        if hits >= _THREAD_MIN_CUES and hits >= _THREAD_CUE_SHARE * (after.end - after.start + 1):
            return before
    return whole


def _second_runs(values: list[float], region: Region, thread: int) -> set[int]:
    """A second article run on either side of the first (a story split by a gallery or a long
    ad block), when it is worth a good share of the first; never inside the responses."""
    out: set[int] = set()
    for lo, hi in ((0, region.start), (region.end + 1, thread)):
        other = best_region(values, lo, hi)
        if other.score < max(_MIN_SECOND, _SECOND_SHARE * region.score):
            continue
        # below the story, a "Related" heading, a footer or a comment form between them makes the
        # other run another page section (teasers, a bio, a widget of recent comments)
        if other.start > region.end and any(values[i] <= BARRIER for i in range(region.end + 1, other.start)):
            continue
        out.update(range(other.start, other.end + 1))
    return out


def _extend(region: Region, blocks: tuple[Block, ...], pre: list[Labelled | None]) -> Region:
    """Take in sentence-like blocks at the edges (a one-line lead, a closing remark)."""
    start, end = region.start, region.end
    if end < start:
        return region
    while start > 0 and pre[start - 1] is None and near_good(blocks[start - 1]):
        start -= 1
    while end + 1 < len(blocks) and pre[end + 1] is None and near_good(blocks[end + 1]):
        end += 1
    return Region(start, end, region.score)


def _short_runs(blocks: tuple[Block, ...], values: list[float], pre: list[Labelled | None]) -> set[int]:
    """Blocks in long runs of short non-prose lines: menus and link lists, wherever they are."""
    out: set[int] = set()
    run: list[int] = []
    for i in range(len(blocks) + 1):
        if i < len(blocks) and values[i] < 0 and pre[i] is None:
            run.append(i)
            continue
        if len(run) >= _MAX_SHORT_RUN:
            out.update(run)
        run = []
    return out


class _Evidence(NamedTuple):
    """What each block says on its own and among its neighbours, before any region is chosen."""

    pre: list[Labelled | None]  # the label a rule table, a credit or a response heading gives
    roles: list[str]  # the rule table's role of a block labelled by a rule ("" for the others)
    cues: list[CommentCue]  # the comment cue of an unlabelled block (NONE for none)
    values: list[float]  # what each block is worth to the article (:func:`block_value`)
    teasers: set[int]  # excerpts of other pages in a list of excerpts
    headers: list[int]  # the response headings


def classify(blocks: tuple[Block, ...], rules: Rules) -> tuple[Labelled, ...]:
    """A label for every block of a dump, in order."""
    ev = _evidence(blocks, rules)
    region = _article_region(blocks, ev)
    responses = _response_blocks(blocks, ev.pre, ev.roles, ev.cues, ev.headers, region, rules.text_roles.response_ends)
    extra = _second_runs(ev.values, region, min(responses, default=len(blocks)))
    furniture = _short_runs(blocks, ev.values, ev.pre) | ev.teasers
    tail = _list_tail(region, blocks, ev)
    if tail:
        region = Region(region.start, max(tail), region.score)
        furniture -= tail
    title = _title_index(blocks, ev.pre, region.start, rules.cues.not_title)
    standfirst = _standfirst(blocks, ev.pre, ev.cues, title, region.start)
    swallowed = _swallowed(blocks, ev, responses, title, rules.text_roles.list_headings)
    out: list[Labelled] = []
    for i, block in enumerate(blocks):
        p = ev.pre[i]
        if p is not None:
            out.append(p)
        elif i in responses:
            out.append(Labelled(block=block, label=Label.RESPONSE))
        elif i in swallowed:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=swallowed[i]))
        elif i == title:
            out.append(Labelled(block=block, label=Label.TITLE))
        elif i in standfirst or (region.start <= i <= region.end or i in extra) and _keep(
            blocks, ev.values, i, i in furniture or bool(ev.cues[i])
        ):
            out.append(Labelled(block=block, label=Label.BODY))
        elif i < region.start:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.BEFORE_CONTENT))
        elif i <= region.end:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.INSIDE_CONTENT))
        else:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.AFTER_CONTENT))
    return tuple(out)


def _evidence(blocks: tuple[Block, ...], rules: Rules) -> _Evidence:
    pre: list[Labelled | None] = [_prelabel(b, rules) for b in blocks]
    role_of = _roles(rules)
    roles = [role_of.get(p.reason, "") if p and p.reason else "" for p in pre]
    cues = [comment_cue(b, rules) if p is None else CommentCue.NONE for b, p in zip(blocks, pre)]
    values = [
        _CHROME_VALUE if _clustered(cues, i) else block_value(_unsigned(b, rules), p, r, rules.text_roles.barriers)
        for i, (b, p, r) in enumerate(zip(blocks, pre, roles))
    ]
    teasers = _excerpt_teasers(blocks, pre, roles, values)
    headers = [i for i, p in enumerate(pre) if p and p.label is Label.RESPONSE_HEADER]
    return _Evidence(pre, roles, cues, values, teasers, headers)


def _unsigned(block: Block, rules: Rules) -> Block:
    """The block as prose is judged: without an agency's closing signature ("… mitteilte. dpa/lno"),
    which would otherwise make a story's last paragraph end in no sentence (attribute cuts it)."""
    hit = rules.match_closing(block.text)
    if hit is None or hit.agency is None:
        return block
    return block._replace(text=block.text[: hit.start].rstrip())


def _excerpt_teasers(
    blocks: tuple[Block, ...], pre: list[Labelled | None], roles: list[str], values: list[float]
) -> set[int]:
    """In a list of excerpts (a "Read more" link after each, close together), the paragraph right
    above each link, under its headline, is an excerpt of another page: it weighs as a short line
    (its value in ``values`` is lowered). A lone "Read more" heads an inline link, and one below
    two paragraphs heads the list after the story."""
    more = [i for i in range(1, len(blocks)) if roles[i] == "read-more"]
    listed = {b for a, b in zip(more, more[1:]) if b - a <= _EXCERPT_SPACING} | {
        a for a, b in zip(more, more[1:]) if b - a <= _EXCERPT_SPACING
    }
    teasers = {i - 1 for i in listed if i >= 2 and pre[i - 1] is None and values[i - 2] < 0}
    for t in teasers:
        values[t] = -(SHORT_PENALTY + 0.3 * min(len(blocks[t].text), 300))
    return teasers


def _article_region(blocks: tuple[Block, ...], ev: _Evidence) -> Region:
    """The article's run of blocks (:func:`_article`), cut where a thread with no heading begins
    inside it, and widened by the sentence-like blocks at its edges."""
    roles = ev.roles
    # where an article ends: a response heading or the comment form (comments follow the article)
    ends = sorted(ev.headers + [i for i, r in enumerate(roles) if r in ("comment-form", "comments-closed")])
    form_lines = sorted({i for i, r in enumerate(roles) if r == "comment-form"} | set(ev.headers))
    forms = {a for a, b in zip(form_lines, form_lines[1:]) if b - a <= _FORM_SPAN and roles[a] == "comment-form"}
    region = _article(ev.values, ends, ev.cues, forms)
    # a thread with no heading inside the run: the article ends where the thread begins
    inner = thread_start(blocks, ev.cues, region.start, strict=True) if region.end >= region.start else None
    if inner is not None and inner <= region.end:
        shorter = best_region(ev.values, region.start, inner)
        if shorter.score >= _MIN_ARTICLE:
            region = shorter
    return _extend(region, blocks, ev.pre)


def _list_tail(region: Region, blocks: tuple[Block, ...], ev: _Evidence) -> set[int]:
    """The list the article runs on into: its items right below the run, and the short heading over
    each further run of items (a changelog's versions, a guide's steps by section). Short items
    weigh as furniture one by one and a long list reads as a menu, so the densest run of prose stops
    at a list's first item however long the list goes on. Items that say something (a few words
    each, on average) with no rule, link, echo or comment cue on their lines are the article's; a
    menu's one- and two-word items are not. Empty where no such list follows the run."""
    if region.end < region.start:
        return set()
    out: list[int] = []
    j = region.end + 1
    while j < len(blocks):
        block = blocks[j]
        if ev.pre[j] is not None or ev.cues[j] or block.link_share > LINK_SHARE or "repeated" in block.roles:
            break
        nxt = j + 1 < len(blocks) and blocks[j + 1].tag == "item" and ev.pre[j + 1] is None
        if block.tag != "item" and not (nxt and out and looks_like_heading(block.text)):
            break  # a heading only between two runs of items: a list's next section
        out.append(j)
        j += 1
    while out and blocks[out[-1]].tag != "item":
        out.pop()
    items = [blocks[k].words for k in out if blocks[k].tag == "item"]
    return set(out) if items and sum(items) >= _ITEM_WORDS * len(items) else set()


def _swallowed(
    blocks: tuple[Block, ...], ev: _Evidence, responses: set[int], title: int, list_headings: frozenset[str]
) -> dict[int, Reason]:
    """The items a list heading removed by a rule ("Related", "Popular", a menu's heading) takes
    along, with its reason: the list-like blocks right below it, up to the next labelled block,
    the title, or (where blank lines mark breaks) a gap after its first item."""
    gaps_mean_breaks = 0 < sum(1 for b in blocks if "gap" in b.roles) < 0.8 * len(blocks)
    out: dict[int, Reason] = {}
    swallowing: Reason | None = None  # reason of a list heading whose items are being removed
    swallowed = 0
    for i, block in enumerate(blocks):
        p = ev.pre[i]
        if p is not None:
            if p.label is Label.BOILERPLATE and ev.roles[i] in list_headings:
                swallowing, swallowed = p.reason, 0
            elif p.label is not Label.BOILERPLATE:
                swallowing = None
            continue
        if i in responses:
            continue
        if swallowing and (gaps_mean_breaks and swallowed and "gap" in block.roles or i == title):
            swallowing = None
        if swallowing and _list_item(block):
            out[i] = swallowing
            swallowed += 1
        else:
            swallowing = None
    return out


def _response_blocks(
    blocks: tuple[Block, ...],
    pre: list[Labelled | None],
    roles: list[str],
    cues: list[CommentCue],
    headers: list[int],
    region: Region,
    ends: frozenset[str],
) -> set[int]:
    """Blocks of the response regions: from each response heading after the article (or the first
    comment header line of a thread with no heading) to the comment form or the next section (a
    rule hit of a role in ``ends``)."""
    n = len(blocks)
    starts = [h + 1 for h in headers if h > region.end]
    if region.end >= region.start:
        thread = thread_start(blocks, cues, region.end)
        if thread is not None:
            starts.append(thread)
    out: set[int] = set()
    for start in sorted(starts):
        if start in out:
            continue
        for i in range(start, n):
            p = pre[i]
            if p is not None and p.label is Label.BOILERPLATE and roles[i] in ends:
                break
            if p is not None and p.label is Label.RESPONSE_HEADER:
                continue
            out.add(i)
    return out


def _keep(blocks: tuple[Block, ...], values: list[float], i: int, furniture: bool) -> bool:
    """A block inside the article region: prose and sentence-like lines stay; a short line stays
    when it leads into prose (a subheading) or belongs to a list (an item, or after a line ending
    in ":"), unless it is a link, an echo or part of a menu. A short line between two short lines
    and not a list item is a caption, a credit or a teaser link. A dated line ("Published on 19
    February 2020", "By Jane Feb 8, 2020 5 min read") or a comment's chrome is no subheading
    either: ``furniture`` marks those and the lines of a menu."""
    block = blocks[i]
    if values[i] >= 0:
        return True
    if furniture or block.link_share > LINK_SHARE or "repeated" in block.roles:
        return False
    if block.tag == "item" or _leads_in(block) or _in_list(blocks, values, i):
        return True
    if i + 1 >= len(blocks):
        return False
    # a subheading over prose, a lead-in, or a list's items
    return values[i + 1] > 0 or _leads_in(blocks[i + 1]) or (blocks[i + 1].tag == "item" and i > 0 and blocks[i - 1].tag == "item")


def _in_list(blocks: tuple[Block, ...], values: list[float], i: int) -> bool:
    """Below a line ending in ":", the short lines up to the next paragraph are its list."""
    for j in range(i - 1, max(-1, i - 1 - _MAX_LIST), -1):
        if blocks[j].text.endswith(":"):
            return True
        if values[j] > 0:
            return False
    return False


def _leads_in(block: Block) -> bool:
    """A line that introduces what follows ("You can use this code:"): a few words and a colon."""
    return block.words >= _LEAD_IN_WORDS and block.text.endswith(":")


def _standfirst(
    blocks: tuple[Block, ...], pre: list[Labelled | None], cues: list[CommentCue], title: int, start: int
) -> set[int]:
    """The deck between the headline and the first paragraph: one or two sentence-long lines that
    need no full stop ("Seit November ausgefallener Sender wieder aktiv – Erfreuliche Flugdaten")."""
    if title < 0 or not 0 < start - title - 1 <= _MAX_STANDFIRST:
        return set()
    between = range(title + 1, start)
    if all(
        pre[j] is None
        and not cues[j]
        and "repeated" not in blocks[j].roles
        and blocks[j].words >= _STANDFIRST_WORDS
        and not _META_SEPARATOR.search(blocks[j].text)  # "January 13 | categories: Python | View Comments"
        and not _CLOCK.search(blocks[j].text)
        for j in between
    ):
        return set(between)
    return set()


def _list_item(block: Block) -> bool:
    """An item of a list under a "Related" or menu heading: a short line, or a headline (a teaser's
    title reads like a sentence, often a long one, but does not end like one)."""
    if near_good(block):
        return False
    if block.tag == "item" or block.words <= 12:
        return not is_text_prose(block.text)
    return block.words <= _HEADLINE_WORDS and looks_like_heading(block.text) and not ends_text_sentence(block.text)


#: the separators of a window title's pieces ("Headline | Site", "Headline – Site")
_TITLE_PIECES = re.compile(r"\s[|·•]\s|\s[-–—]\s")


def _site_beside(short: str, long: str, above: tuple[Block, ...]) -> bool:
    """A line above the story is the page's window title cut in pieces, ``long`` one of them and
    ``short`` another: ``short`` is the site's name written beside its headline, not a headline over
    its standfirst nor a standfirst."""
    keys = normalise_phrase(short), normalise_phrase(long)
    for block in above:
        if _TITLE_PIECES.search(block.text) is None:
            continue
        pieces = {normalise_phrase(p) for p in _TITLE_PIECES.split(block.text)}
        if keys[0] in pieces and keys[1] in pieces:
            return True
    return False


def _title_index(
    blocks: tuple[Block, ...], pre: list[Labelled | None], body_start: int, not_title: re.Pattern[str]
) -> int:
    """The nearest headline-shaped block above the body that is not a widget, nor a byline or a date
    line (``not_title``: ``rules.cues.not_title``, from ``metadata.toml``)."""
    lo = max(-1, body_start - 8)
    candidates = [
        j
        for j in range(min(body_start, len(blocks)) - 1, lo, -1)
        if pre[j] is None
        and blocks[j].tag != "item"
        and looks_like_heading(blocks[j].text)
        and not not_title.search(blocks[j].text)
        and not separator_share(blocks[j].text)  # "France > Environnement" is a breadcrumb
    ]
    # a markdown heading is the author's own statement of what is a title
    marked = [j for j in candidates if blocks[j].tag == "heading"]
    if marked:
        return marked[0]
    if len(candidates) >= 2 and candidates[1] == candidates[0] - 1:
        # two headline-shaped lines in a row: a headline and the longer standfirst under it; unless the
        # page's window title ("Headline | Site") names both: the shorter is the site's name, over or
        # under its headline
        upper, lower = blocks[candidates[1]].text, blocks[candidates[0]].text
        above = blocks[:body_start]
        if len(lower) > len(upper):
            if not _site_beside(upper, lower, above):
                return candidates[1]
        elif _site_beside(lower, upper, above):
            return candidates[1]
    return candidates[0] if candidates else -1
