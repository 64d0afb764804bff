"""The published date: structured values, the visible date line, the URL's date and htmldate, weighed
against each other (the page's own zone kept; a UTC instant never moved onto another day by a guess).
"""

from __future__ import annotations

import datetime as _dt
import re

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.shared.dates import (
    date_from_url,
    in_page_zone,
    local_day,
    numeric_readings,
    parse_date,
    parse_iso,
    parse_visible_date,
)
from cleanpage.pipeline.shared.patterns import YEAR
from cleanpage.rules import MetadataCues

from .places import _tokens
from .visible import _LOOSE_DATE, _changed_first, _Scan


def _month_first(root: etree._Element, meta: dict[str, str]) -> bool:
    """The order an ambiguous "03/10/2023" is read in when nothing on the page settles it: month
    first on a US English (or bare ``en``) page."""
    lang = (root.get("lang") or meta.get("og:locale") or "").lower().replace("_", "-")
    return lang in ("en-us", "en")


def settled_order(shown: list[str], known: set[_dt.date], default: bool) -> bool:
    """Whether the page's ambiguous numeric dates are month-first: the order in which the page's
    date lines ``shown`` state a day another source of the page gives unambiguously (``known``: the
    URL's date, a structured date, a month-name date), when they all point one way; else ``default``
    (the language's rule). "03/10/2023" on a page whose URL is /2023/october/03/ is 3 October, on
    any ``en`` page."""
    votes: set[bool] = set()
    for text in shown:
        readings = numeric_readings(text)
        if readings is None:
            continue
        day_first, month_first = readings
        if (day_first in known) != (month_first in known):
            votes.add(month_first in known)
    return votes.pop() if len(votes) == 1 else default


def page_order(
    ld_date: str | None, meta: dict[str, str], scan: _Scan, url: str | None, cues: MetadataCues, *,
    default: bool, lang: str | None,
) -> bool:
    """Whether this page's ambiguous numeric dates are month-first (:func:`settled_order`): its
    date lines are weighed against the days its URL, its structured values and its month-name date
    lines state. The sources are read only when a date line is ambiguous (at most two dateparser
    calls, for month-name lines)."""
    shown = [t for t in (*scan.dates[:3], *scan.published[:2], *scan.loose[:3],
                         *(t for t in scan.after_h1[:_UNDER_HEADLINE_LINES] if len(t) <= 100))]
    shown = [t for t in shown if numeric_readings(t) is not None]
    if not shown:
        return default
    markup = cues.markup
    texts = [ld_date, *(meta.get(n) for n in markup.published), *scan.item_dates[:2]]
    values = [parse_date(t) for t in texts if t and numeric_readings(t) is None]
    values.extend(date_from_url(url, slugs=s, lang=lang) for s in (False, True))
    written = [t for t in (*scan.dates[:2], *scan.published[:1]) if numeric_readings(t) is None and not _LOOSE_DATE.search(t)]
    values.extend(parse_visible_date(t, cues=cues, lang=lang) for t in written[:2])
    known = {local_day(v) for v in values if v is not None}
    return settled_order(shown, known, default) if known else default


def _utc_shift(value: _dt.date | _dt.datetime, local: _dt.date, lang: str | None) -> bool:
    """A UTC stamp that is the page's local day written in UTC: one day off, at an hour where the
    usual offsets (-8 to +9 h) cross midnight, on a page whose language implies no zone (when it
    does, :func:`in_page_zone` converts the stamp instead)."""
    if not isinstance(value, _dt.datetime) or value.utcoffset() != _dt.timedelta(0):
        return False
    if in_page_zone(value, lang) is not value:
        return False
    shift = (local - value.date()).days
    return (shift == 1 and value.hour >= 15) or (shift == -1 and value.hour < 8)


def _one_day(texts: list[str], day: _dt.date, month_first: bool, cues: MetadataCues) -> bool:
    """Every numeric date line of the page (at most three) is ``day``."""
    days = {local_day(v) for v in (parse_visible_date(t, cues=cues, month_first=month_first) for t in texts)
            if v is not None}
    return days <= {day}


def _published(
    ld_date: str | None, meta: dict[str, str], scan: _Scan, url: str | None, cues: MetadataCues, *,
    month_first: bool, lang: str | None = None, zone: str | None = None,
) -> _dt.date | _dt.datetime | None:
    """Structured dates first; the visible date and the URL's date confirm the local day.

    A visible date line labelled as the publication ("Erscheinungsdatum 25.01.2022") wins over a
    structured value that disagrees, as does one against a generic "date" meta (see ``weak``).

    A machine value in UTC ("2022-11-06T23:00:00+00:00") is often the conversion of a local
    midnight-ish time: when the date the page shows (or its URL) is the next or previous day,
    the page's own local day wins. ``zone`` is the language tag that places the page in a time
    zone (:func:`zone_tag`).
    """
    markup = cues.markup
    meta_key = next((name for name in markup.published if name in meta), None)
    candidates = [parse_date(v) for v in (ld_date, meta[meta_key] if meta_key else None, *scan.item_dates) if v]
    stated = [c for c in candidates if c is not None]
    structured = stated[0] if stated else None
    # a generic "date" meta alone is often the day the page was last built, not published
    weak = structured is not None and ld_date is None and meta_key in markup.weak_published
    url_day = date_from_url(url, slugs=False, lang=lang)  # a permalink's date; a slug's only as a last resort
    visible, labelled_visible = _shown_date(scan, cues, month_first=month_first, lang=lang)
    numeric = [t for t in scan.loose if _LOOSE_DATE.search(t)]  # read without dateparser
    if weak and structured is not None:
        visible = _against_build_date(visible, local_day(structured), numeric, cues, month_first=month_first)
    if structured is not None and visible is None and url_day is None and numeric:
        # several publication values that disagree ("datePublished" 2021-12-14, "DC.date.issued"
        # 2022-02-04): the one the page's own date line shows wins
        others = [parse_date(meta[n]) for n in markup.published
                  if n in meta and n != meta_key and n not in markup.weak_published]
        days = {local_day(c) for c in (*stated, *others) if c is not None}
        if len(days) > 1:
            line = parse_visible_date(numeric[0], cues=cues, month_first=month_first)
            if line is not None and local_day(line) in days:
                stated.extend(c for c in others if c is not None)
                visible = line
    local = url_day or (local_day(visible) if visible is not None else None)
    if structured is not None:
        if local is not None and local_day(structured) != local:
            # the page's machine values disagree: the one the reader sees (or the URL states) wins
            agreeing = next((c for c in stated if local_day(c) == local), None)
            if agreeing is not None:
                return agreeing
            shown_as_published = labelled_visible and visible is not None and local_day(visible) == local
            if weak or shown_as_published or _utc_shift(structured, local, zone or lang):
                return visible if visible is not None and local_day(visible) == local else local
            if url_day is not None and (local_day(structured) - url_day).days > _RESAVED_AFTER_DAYS:
                # a permalink's date is fixed when the post is made; a "published" value months after
                # it is a re-save or a move to a new system (2017/7/12/… stamped 2019-06-17)
                return visible if visible is not None and local_day(visible) == url_day else url_day
        return structured
    if visible is not None:
        return visible
    if url_day is not None:
        return url_day
    slug_day = date_from_url(url, lang=lang)
    if slug_day is not None:
        return slug_day
    for text in numeric:
        loose = parse_visible_date(text, cues=cues, month_first=month_first, lang=lang)
        if loose is not None:
            return loose
    return _date_under_headline(scan.after_h1, cues, month_first=month_first, lang=lang)


def _against_build_date(
    visible: _dt.date | _dt.datetime | None, built: _dt.date, numeric: list[str], cues: MetadataCues, *,
    month_first: bool,
) -> _dt.date | _dt.datetime | None:
    """The shown date that may overrule a generic "date" meta (often the day the page was built)."""
    if visible is None:
        # the page's own numeric date line ("Stand: 28.04.2020 18:00 Uhr") is evidence against
        # it, when earlier (a later one is as likely an event's date)
        shown = (parse_visible_date(t, cues=cues, month_first=month_first) for t in numeric)
        return next((v for v in shown if v is not None and local_day(v) < built), None)
    if local_day(visible) > built and ((local_day(visible) - built).days > 90
                                       or not _one_day(numeric, local_day(visible), month_first, cues)):
        # a later date is the post's only where the page shows no other (an events list shows
        # several; today's date in the page header is far later)
        return None
    return visible


def _shown_date(
    scan: _Scan, cues: MetadataCues, *, month_first: bool, lang: str | None
) -> tuple[_dt.date | _dt.datetime | None, bool]:
    """The date the reader is shown: the first date element that reads as a date (at most three
    dateparser calls), and whether it is labelled as the publication; without one, a line labelled
    as the publication."""
    visible = None
    labelled_visible = False
    budget = 3  # dateparser calls per page: each costs about a millisecond
    for text in scan.dates:
        labelled_visible = cues.publication.search(text) is not None
        visible = parse_iso(text)
        if visible is None:
            needs_parser = YEAR.search(text) is not None and not _LOOSE_DATE.search(text)
            if needs_parser and budget <= 0:
                continue
            budget -= needs_parser
            visible = parse_visible_date(text, cues=cues, month_first=month_first, lang=lang)
        if visible is not None:
            break
    for text in scan.published if visible is None else ():
        # no date element: a line labelled as the publication is the date the reader is shown; it
        # is no more than that (a book's "Erschienen am" in a review must not beat the post's own
        # structured date), so it only stands where nothing structured does
        visible = parse_iso(text) or parse_visible_date(text, cues=cues, month_first=month_first, lang=lang)
        if visible is not None:
            break
    return visible, labelled_visible


#: a structured publication date this long after the URL's date is a later save, not the publication
_RESAVED_AFTER_DAYS = 90


def _written_alone(
    scan: _Scan, cues: MetadataCues, *, month_first: bool, lang: str | None
) -> _dt.date | _dt.datetime | None:
    """After every other source: a written date standing alone somewhere in the page ("<p
    class='category'> 24. April 2020 |", "<span>14. Februar 2012</span>"). One dateparser call."""
    written = next((t for t in scan.loose if not _LOOSE_DATE.search(t)), None)
    return parse_visible_date(written, cues=cues, month_first=month_first, lang=lang) if written else None


#: a written date inside a longer line: "Pressemitteilung vom 25. Januar 2022 | Berlin",
#: "Hamburg, 2. November 2021", "Posted March 3, 2021 by …"
def _date_under_headline(
    texts: list[str], cues: MetadataCues, *, month_first: bool, lang: str | None
) -> _dt.date | _dt.datetime | None:
    """The first date written in the few lines under the page's headline (where a page without
    date markup shows it: "01. November 2021 | Tipp", "Datum: 03.11.2021"); a line about a change
    ("Aktualisiert am …") is passed over. At most three dateparser calls."""
    budget = [3]
    changed = cues.changed
    for text in texts:
        # a dateline is short; a date inside the article's prose is about something else
        if len(text) > 100 or changed.search(text):
            continue
        value, spent = _date_in_line(text, budget, cues, month_first=month_first, lang=lang)
        if value is not None or spent:
            return value
    return None


def _date_in_line(
    text: str, budget: list[int], cues: MetadataCues, *, month_first: bool, lang: str | None
) -> tuple[_dt.date | _dt.datetime | None, bool]:
    """The first date written in one short line, and whether the search must stop (a written date
    met with no dateparser call left); ``budget`` counts the calls left (a numeric date needs none)
    and is spent in place."""
    for match in cues.date_in_line.finditer(text):
        found = match.group(0)
        numeric = found[:1].isdigit() and not any(c.isalpha() for c in found)
        if not numeric:
            if budget[0] <= 0:
                return None, True
            budget[0] -= 1
        value = parse_visible_date(found, cues=cues, month_first=month_first, lang=lang)
        if value is not None:
            return value, False
    return None, False


def changed_under_headline(
    scan: _Scan, cues: MetadataCues, *, month_first: bool, lang: str | None
) -> _dt.date | _dt.datetime | None:
    """The date of the first line under the headline labelled as the last change ("Last updated:
    August 19, 2025", "Aktualisiert am 3.5.2024"), for a page that states no other date; the date
    may sit in the piece after the label ("<span>Updated</span> <time>October 8, 2025</time>").
    At most two dateparser calls."""
    texts = scan.after_h1[:_UNDER_HEADLINE_LINES]
    budget = [2]
    for i, text in enumerate(texts):
        if len(text) > 100 or not _changed_first(text, cues):
            continue
        for line in texts[i:i + 2]:
            value, spent = _date_in_line(line, budget, cues, month_first=month_first, lang=lang)
            if value is not None or spent:
                return value
        return None
    return None


def _in_zone_when_shown(
    value: _dt.datetime, zone: str | None, scan: _Scan, url: str | None, cues: MetadataCues, *,
    month_first: bool, lang: str | None,
) -> _dt.datetime:
    """A bare UTC instant in the zone the page's language and domain imply (:func:`in_page_zone`),
    only where that keeps its day or the page places itself: a tag or a country domain that names
    the country ("es-ar", an ``es`` page on ``.com.ar``), a local midnight stored as UTC
    ("2022-11-06T23:00:00Z" on a German page is 7 November), or the day the page shows or its URL
    carries. A zone guessed from the language alone never moves a date onto another day (a
    Portuguese page may be in Lisbon or in Manaus). A value with its own offset is kept as is."""
    local = in_page_zone(value, zone)
    if local is value or local.date() == value.date():
        return local
    if "-" in (zone or "") or local.time() == _dt.time(0) or date_from_url(url, slugs=False, lang=lang) == local.date():
        return local
    return local if _day_shown(local.date(), scan, cues, month_first=month_first, lang=lang) else value


def _day_shown(
    day: _dt.date, scan: _Scan, cues: MetadataCues, *, month_first: bool, lang: str | None
) -> bool:
    """The page shows ``day`` in its date element or under its headline (at most three
    dateparser calls)."""
    texts = [*scan.dates[:2], *scan.published[:1]]
    if any(local_day(v) == day for v in (parse_iso(t) or parse_visible_date(
            t, cues=cues, month_first=month_first, lang=lang) for t in texts) if v is not None):
        return True
    seen = _date_under_headline(scan.after_h1[:_UNDER_HEADLINE_LINES], cues, month_first=month_first, lang=lang)
    return seen is not None and local_day(seen) == day


#: how many text pieces under the headline hold its date lines
_UNDER_HEADLINE_LINES = 12


def article_date(
    root: etree._Element, cues: MetadataCues, *, month_first: bool, lang: str | None
) -> _dt.date | _dt.datetime | None:
    """The last resort: the first date element inside the page's own ``<article>`` (the one that
    holds its headline, else the page's only one), even in a box the article holds as its own
    footer or side column ("<article><aside><time>", "<article>…<footer class='author__meta'>
    <span class='meta-date'>"), which the other sources pass over as a side box; a comment's, a
    reply's or a teaser's never, nor a last change marked as one (``itemprop='dateModified'``, which
    the visible scan never reads as published either). At most two dateparser calls."""
    article = _own_article(root)
    if article is None:
        return None
    markup, budget = cues.markup, 2
    for el in article.iter():
        if not isinstance(el.tag, str) or len(el) > 3:
            continue
        if el.tag != "time" and ("class" not in el.attrib and "id" not in el.attrib
                                 or cues.date_class.search(_tokens(el)) is None):
            continue
        if (el.get("itemprop") or "").lower() in markup.modified:
            continue
        if _in_other_thing(el, article, markup.other_things):
            continue
        text = el.get("datetime") or normalise_space(el.text_content())
        if not text or len(text) > 80 or not YEAR.search(text):
            continue
        value = parse_iso(text)
        if value is None and budget > 0:
            budget -= 1
            value = parse_visible_date(text, cues=cues, month_first=month_first, lang=lang)
        if value is not None:
            return value
    return None


def _in_other_thing(el: etree._Element, article: etree._Element, other_things: re.Pattern[str]) -> bool:
    """``el`` sits in a comment list, a reply or a teaser inside ``article``: a box named so, an
    ``<article>`` of its own nested in it (a teaser card, a comment), or one item of a list of links
    to other pages, each dated as ``el`` is ("<aside><h3>Related</h3><ul><li><a>…</a> <time>…", a list
    no class word names)."""
    for up in el.iterancestors():
        if up is article:
            return False
        if up.tag == "article" or other_things.search(_tokens(up)) or _dated_link_item(up, el):
            return True
    return False


def _dated_link_item(item: etree._Element, date: etree._Element) -> bool:
    """``item`` holds a link, and a sibling of its kind beside it holds a link and a date of the same
    markup as ``date`` (its tag and class): items of a list of dated links. An article's own date
    line beside another date line ("Published …", "Updated …") holds no link to another page in both."""
    if not isinstance(item.tag, str) or item.find(".//a[@href]") is None:
        return False
    path = f".//{date.tag}[@class='{cls}']" if (cls := date.get("class")) and "'" not in cls else f".//{date.tag}"
    for sibling in (item.getprevious(), item.getnext()):
        if (sibling is not None and sibling.tag == item.tag and sibling.find(".//a[@href]") is not None
                and sibling.find(path) is not None):
            return True
    return False


def _own_article(root: etree._Element) -> etree._Element | None:
    """The ``<article>`` that holds the page's first ``h1``, else the page's only ``<article>``."""
    body = root.find("body")
    if body is None:
        return None
    h1 = next(body.iter("h1"), None)
    if h1 is not None:
        held = next((up for up in h1.iterancestors("article")), None)
        if held is not None:
            return held
    found = body.findall(".//article")
    return found[0] if len(found) == 1 else None
