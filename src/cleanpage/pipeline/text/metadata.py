"""Text metadata: title, authors and date of a text dump, from the lines above the body.

Takes the labelled blocks; gives a :class:`TextMeta`.

A dump has no ``<meta>``: the only statements are the headline and lines like "By Jane Doe" or
"March 3, 2024" between the page's furniture and the first paragraph. Only that window is read,
so a date quoted in the article or a name in a comment is never taken for the page's own.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from itertools import pairwise

from cleanpage.pipeline.blocks import Label, Labelled
from cleanpage.pipeline.shared.dates import parse_visible_date
from cleanpage.pipeline.shared.names import clean_authors
from cleanpage.rules import Rules

__all__ = ["TextMeta", "headline_shaped", "read_metadata"]

_PARTS = re.compile(r"\s[|·•]\s|\s[-–—]\s")
#: a breadcrumb's separators ("Forum › Vegetables › Tomatoes"): two of them make a trail, no headline,
#: unless a clause follows ("London → Paris → Rome: three cities by train" is a headline)
_CRUMB = re.compile(r"\s[›»>→]\s")
_CLAUSE = re.compile(r"[:?!]\s")
_DATEISH = re.compile(r"\d{1,4}[./\-]\d{1,2}|\b(?:19|20)\d{2}\b|\d{1,2}:\d{2}")
#: a poster's name on a line of its own: one to four words, no digits, no sentence punctuation
_NAME_LINE = re.compile(r"[^\W\d][\w.'’@-]*(?: [^\W\d][\w.'’@-]*){0,3}")
#: how many blocks above the first paragraph may hold the headline, byline and date
_WINDOW = 8


@dataclass(frozen=True, kw_only=True, slots=True)
class TextMeta:
    title: str | None
    authors: tuple[str, ...]
    published: _dt.date | _dt.datetime | None
    #: a poster's panel opens the body: the dump is a forum thread whose opening post is the body
    thread: bool = False


def headline_shaped(text: str, rules: Rules) -> bool:
    """A line that can be a headline: a few words, not a date, byline, label or UI phrase."""
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 220 or text.endswith((":", ",")):
        return False
    if rules.cues.line_lead.match(text) or rules.match_text(text) is not None:
        return False
    if _member_stat(text, rules):
        return False  # a poster's panel above a forum post ("Posts: 51")
    if len(_CRUMB.findall(text)) >= 2 and not _CLAUSE.search(text):
        return False
    if rules.match_credit(text) is not None or rules.gallery_counter(text) is not None:
        return False  # a slideshow's "1 de 7" sits where a headline would
    if _DATEISH.search(text) and parse_visible_date(text, cues=rules.cues) is not None and len(words) <= 25:
        return False
    # a navigation run ("Home News Sport Weather …"): every word capitalised, no punctuation
    return not (len(words) >= 6 and all(w[:1].isupper() for w in words) and not re.search(r"[:,;!?.'’\"“”«»-]", text))


def _member_stat(text: str, rules: Rules) -> bool:
    return any(p.fullmatch(text) for p in rules.comments.member_stat_patterns)


def _poster(window: tuple[Labelled, ...], rules: Rules) -> tuple[str, ...]:
    """The opening post's poster in a forum thread's dump: a short name line right above the lines of
    a poster's panel ("seedsaver_ines" / "Posts: 51" / "Joined: March 2021") and the post's date
    below them. The post is the body; who wrote it is the page's author, as a byline names an
    article's. A box's heading over a site's counts ("Blog Stats" / "Posts: 120") dates no post."""
    for at, (above, item) in enumerate(pairwise(window)):
        name = above.block.text.strip()
        if not (_member_stat(item.block.text, rules) and _NAME_LINE.fullmatch(name)):
            continue
        if _member_stat(name, rules) or rules.comments.is_chrome(name) or rules.match_text(name) is not None:
            continue
        if any(_post_date(below.block.text, rules) for below in window[at + 2:]):
            return (name,)
    return ()


def _post_date(text: str, rules: Rules) -> bool:
    """A line that dates a post ("Apr 9, 2024 at 7:55 AM"), not a panel's "Joined: March 2021"."""
    return (not _member_stat(text, rules) and _DATEISH.search(text) is not None
            and parse_visible_date(text, cues=rules.cues) is not None)


def read_metadata(labelled: tuple[Labelled, ...], rules: Rules) -> TextMeta:
    """Read the blocks above the first body paragraph: the headline nearest to the body, the
    byline and the first date line."""
    first_body = next((i for i, item in enumerate(labelled) if item.label is Label.BODY), len(labelled))
    labelled_title = next((i for i, item in enumerate(labelled[:first_body]) if item.label is Label.TITLE), None)
    window = labelled[max(0, first_body - _WINDOW):first_body]
    # a line the page repeats below the story (a share bar above and below it) is furniture, not the
    # headline; above the story a headline is often written twice (the window's title line, then the
    # article's own headline), and that repeat is no evidence against it
    below = {item.block.text for item in labelled[first_body:]}

    def headline(text: str) -> bool:
        return text not in below and headline_shaped(text, rules)

    title: str | None = None
    if labelled_title is not None and headline(labelled[labelled_title].block.text):
        title = labelled[labelled_title].block.text
        window = labelled[labelled_title + 1:first_body]
    else:
        for offset, item in enumerate(reversed(window)):
            if item.label in (Label.TITLE, Label.BOILERPLATE, Label.META) and headline(item.block.text):
                title = item.block.text
                window = window[len(window) - offset:]
                break
    names: list[str] = []
    published: _dt.date | _dt.datetime | None = None
    cues = rules.cues
    for item in window:
        text = item.block.text
        if len(text) > 160:
            continue
        if published is None and " - " in text and _DATEISH.search(text):
            # "12 de marzo de 2024 - 10:45": a date line whose time follows a dash
            whole = parse_visible_date(text, cues=cues)
            if isinstance(whole, _dt.datetime):
                published = whole
        # "Von Jonas Richter | 3. März 2024", "Posted on March 2, 2024 by Helen Ashby": a byline
        # line often carries both, so its parts are read one by one
        for part in _PARTS.split(text):
            part = part.strip()
            # "… by NAME" at the end of a dated line ("Posted on March 2, 2024 by Helen Ashby")
            inner = cues.posted_by.search(part)
            if inner is not None:
                names.append("by " + inner.group(1))
                part = part[: inner.start()]
            elif cues.line_lead.match(part):
                names.append(part)
                continue
            if published is None and _DATEISH.search(part):
                published = parse_visible_date(cues.posted_on.sub("", part), cues=cues)
    # a forum handle ("seedsaver_ines") is no person name, yet it is who wrote the thread's opening post
    poster = _poster(window, rules)
    authors = clean_authors(names, rules) or poster
    return TextMeta(title=title, authors=authors, published=published, thread=bool(poster))
