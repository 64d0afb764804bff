"""The arbiter: every source's values for one page, and the choice of title, authors, date and language.
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass

from lxml import etree

from cleanpage.models.ranker import load_ranker
from cleanpage.pipeline.blocks import normalise_space, text_key
from cleanpage.pipeline.shared.dates import (
    date_from_url,
    parse_date,
    zone_tag,
)
from cleanpage.pipeline.shared.names import clean_authors
from cleanpage.rules import Rules
from cleanpage.rules.markup import MarkupCues
from cleanpage.rules.metadata import MetadataCues, section_key

from .authors import (
    _account,
    _byline_names,
    _complete,
    _dated_name,
    _described_byline,
    _first_names,
    _initials,
    _initials_of,
    _led_under_headline,
    _meta_line_names,
    _shown_organisation,
    _signature,
    _site_owner,
    _stated_non_person,
    _stated_organisation,
    _without_site_part,
)
from .date_candidates import FEATURES as DATE_FEATURES
from .date_candidates import Proposal, date_candidates, date_rows
from .date_sources import date_proposals
from .dates import (
    _in_zone_when_shown,
    _month_first,
    _published,
    _written_alone,
    article_date,
    changed_under_headline,
    page_order,
)
from .head import _first, _head_meta
from .htmldate_source import _htmldate
from .jsonld import JsonLd, read_jsonld, typed_as_article
from .site import _canonical, _host, _site_key, links_away, strip_site_suffix
from .title import _choose_title, named_whole, shown
from .title_candidates import FEATURES, TitleInputs, fold, title_candidates, title_row
from .visible import _linked_authors, _Scan, _scan


@dataclass(frozen=True, kw_only=True, slots=True)
class HtmlMeta:
    title: str | None
    #: where the page's headline sits for the block stages (classify's title rules, the block model's
    #: title position): the hand order's pick, a visible headline another source agrees with. The
    #: ranker's ``title`` may be a post's own subject or a promo line deep in the page; anchoring the
    #: blocks there cuts the posts or the copy after it (a thread's replies under a post's headline).
    headline: str | None
    authors: tuple[str, ...]
    published: _dt.date | _dt.datetime | None
    language: str | None
    byline_texts: tuple[str, ...]
    #: the page's JSON-LD types it as an article, not a discussion: the thread finder's guard
    typed_article: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class _Sources:
    """Every source's values for one page, read once, before any field is chosen."""

    ld: JsonLd
    meta: dict[str, str]
    scan: _Scan
    url: str | None
    #: site keys: names of the site and of organisations, never a title nor a person
    sites: frozenset[str]
    og_title: str | None
    page_title: str | None
    lang: str | None
    zone: str | None
    month_first: bool


def read_metadata(root: etree._Element, rules: Rules, url: str | None = None) -> HtmlMeta:
    """Read the page's own statements about itself: every source first, then one choice per field."""
    src = _read_sources(root, rules, url)
    inputs = title_inputs(src, rules.cues)
    title = _title(inputs)
    published = _ranked_date(root, src, rules)
    authors = _authors(root, src, rules, dated=published is not None)
    return HtmlMeta(
        title=title,
        headline=inputs.hand,
        authors=authors,
        published=published,
        language=(src.lang or "").split("-")[0].split("_")[0].lower() or None,
        byline_texts=tuple(src.scan.bylines),
        typed_article=typed_as_article(src.ld, rules.cues.markup),
    )


def read_title_inputs(root: etree._Element, rules: Rules, url: str | None = None) -> TitleInputs:
    """The title's sources on one page as the arbiter sees them (what its ranker is trained on)."""
    return title_inputs(_read_sources(root, rules, url), rules.cues)


def title_inputs(src: _Sources, cues: MetadataCues) -> TitleInputs:
    """The title's sources on one page, and the hand order's pick among them."""
    markup = cues.markup
    ld, og, page = shown(src.ld.title), shown(src.og_title), shown(src.page_title)
    headlines, h1s, decked = ([v for v in (shown(t) for t in texts) if v] for texts in
                              (src.scan.headlines, src.scan.h1s, src.scan.decked))
    ld, og, page = _without_section_labels((ld, og, page), [*h1s, *headlines], src.scan.subheads, src.sites,
                                           cues.section_labels)
    # a brand or a namespace in its own element is part of a name the structured titles state whole
    decked = [d for d in decked if not named_whole(d, h1s, [ld, og, page], src.sites)]
    hand = _choose_title(ld, og, page, headlines, h1s, src.sites, decked, src.url)
    return TitleInputs(ld=ld, og=og, page=page, headlines=headlines,
                       h1s=h1s, decked=decked, sites=src.sites, url=src.url, hand=hand,
                       article=_calls_itself_article(src, markup),
                       h1_links_away=links_away(src.scan.h1_link, src.url),
                       subheads=frozenset(fold(h) for h in src.scan.subheads))


def _without_section_labels(
    stated: tuple[str | None, str | None, str | None], heads: list[str], subheads: list[str], sites: frozenset[str],
    labels: frozenset[str],
) -> tuple[str | None, ...]:
    """The structured titles, less those that only name a generic section ("Summary", "Resumen –
    Site": [titles] section_labels) the page shows as one of its section headings (an ``h2``–``h4``)
    while it shows a headline that is no such label: a link to that section gave the page its name,
    the page's own headline is the title. Where every headline is a label too (a table of contents
    called "Contents"), or the page shows no such section, nothing is set aside."""
    shown_labels = {k for k in map(section_key, subheads) if k in labels}
    if not shown_labels or not any(section_key(h) not in labels for h in heads):
        return stated
    return tuple(None if t and (section_key(t) in shown_labels or section_key(strip_site_suffix(t, [], sites))
                                in shown_labels) else t for t in stated)


def _calls_itself_article(src: _Sources, markup: MarkupCues) -> bool:
    """The page states a publication date as data, or its ``og:type`` is an article: a page type
    cue for the title (an article's headline is its ``h1``; a shop's or a service's title is its
    ``<title>`` cut at a separator more often). A date on a generic page type (Yoast's ``WebPage``,
    on every page of a site) is no such cue."""
    return bool(src.ld.dated_article or _first(src.meta, markup.published)
                or src.meta.get("og:type", "").strip().lower() in markup.article_og_types)


def _title(inputs: TitleInputs) -> str | None:
    """The title: the candidate the learned ranker scores best (:mod:`.title_candidates`); the
    hand order's pick where no ranker is shipped."""
    ranker = load_ranker("title", FEATURES)
    if ranker is None:
        return inputs.hand
    candidates = title_candidates(inputs)
    best = ranker.best([title_row(c, inputs) for c in candidates])
    return inputs.hand if best is None else candidates[best].value


def _read_sources(root: etree._Element, rules: Rules, url: str | None) -> _Sources:
    markup = rules.cues.markup
    ld = read_jsonld(root, markup)
    sites = set(ld.sites)
    meta = _head_meta(root)
    scan = _scan(root, rules.cues)
    for name in markup.site:
        if name in meta:
            sites.add(_site_key(meta[name].lstrip("@")))
    page_url = url or meta.get("og:url") or _canonical(root)
    host = _host(page_url)
    if host:
        sites.add(host)
    og_title = _first(meta, ("og:title", "twitter:title"))
    og_title = html.unescape(og_title) if og_title else None
    title_el = root.find(".//title")
    page_title = normalise_space(title_el.text_content()) if title_el is not None else None
    # a site name is short; a "name" that is the page's own headline (bad JSON-LD) is not one
    stated = {text_key(t) for t in (ld.title, og_title, page_title) if t}
    lang = root.get("lang") or _first(meta, ("og:locale", "language", "content-language"))
    return _Sources(
        ld=ld, meta=meta, scan=scan, url=page_url,
        sites=frozenset(k for k in sites if k and len(k) <= 40 and k not in stated),
        og_title=og_title, page_title=page_title, lang=lang, zone=zone_tag(lang, page_url),
        month_first=page_order(ld.published, meta, scan, page_url, rules.cues, default=_month_first(root, meta),
                               lang=lang),
    )


def date_inputs(root: etree._Element, src: _Sources, rules: Rules) -> tuple[list[Proposal], _dt.date | None]:
    """Every source's date for the page (the hand order's pick among them) and the URL's day."""
    hand = _date(root, src, rules)
    proposals = date_proposals(root, src, rules, hand)
    return proposals, date_from_url(src.url, slugs=False, lang=src.lang)


def read_date_inputs(root: etree._Element, rules: Rules, url: str | None = None
                     ) -> tuple[list[Proposal], _dt.date | None]:
    """The date's sources on one page as the arbiter sees them (what its ranker is trained on)."""
    return date_inputs(root, _read_sources(root, rules, url), rules)


def _ranked_date(root: etree._Element, src: _Sources, rules: Rules) -> _dt.date | _dt.datetime | None:
    """The published date: the day the learned ranker scores best (:mod:`.date_candidates`); the
    hand order's pick where no ranker is shipped."""
    ranker = load_ranker("date", DATE_FEATURES)
    if ranker is None:
        return _date(root, src, rules)
    proposals, url_day = date_inputs(root, src, rules)
    candidates = date_candidates(proposals)
    rows = date_rows(candidates, url_day)
    best = ranker.best(rows)
    return None if best is None else candidates[best].value


def _date(root: etree._Element, src: _Sources, rules: Rules) -> _dt.date | _dt.datetime | None:
    """The published date; a "modified" value, htmldate and a date written alone only stand in
    where the page states none."""
    markup = rules.cues.markup
    published = _published(src.ld.published, src.meta, src.scan, src.url, rules.cues, month_first=src.month_first,
                           lang=src.lang, zone=src.zone)
    if isinstance(published, _dt.datetime):
        published = _in_zone_when_shown(published, src.zone, src.scan, src.url, rules.cues,
                                        month_first=src.month_first, lang=src.lang)
    if published is None:
        for value in (src.ld.modified, _first(src.meta, markup.modified)):
            published = parse_date(value) if value else None
            if published is not None:
                break
    if published is None:
        published = _htmldate(root, src.url, markup)
    if published is None:
        published = _written_alone(src.scan, rules.cues, month_first=src.month_first, lang=src.lang)
    if published is None:
        # the page's only date is its last change under the headline ("Updated May 6, 2025"): the
        # date a reader takes as the page's
        published = changed_under_headline(src.scan, rules.cues, month_first=src.month_first, lang=src.lang)
    if published is None:
        published = article_date(root, rules.cues, month_first=src.month_first, lang=src.lang)
    return published


def _authors(root: etree._Element, src: _Sources, rules: Rules, *, dated: bool) -> tuple[str, ...]:
    """The authors: structured data and byline places in order of trust, then the names they
    give completed or replaced where the page states a fuller one; last, a personal site's owner
    (only on a dated page), a licence's credit, a closing signature; and only where none of them
    names a person, the ``meta`` author as written (a team, a brand, the site's own name)."""
    authors = _byline_authors(root, src, rules)
    if authors:
        return _repaired(authors, root, src, rules)
    if dated:
        authors = _site_owner(src.page_title, src.meta, root, src.url, rules, frozenset(src.ld.organisations))
    if not authors:
        authors = clean_authors(src.scan.licensed, rules, exclude=src.sites)
    authors = authors or _signature(root, rules, src.sites)
    if not authors:
        authors = _stated_non_person(_first(src.meta, rules.cues.markup.author), _typed_organisations(src.ld), rules)
    if not authors:
        authors = _stated_organisation([*src.ld.authors, *src.ld.organisation_authors,
                                        _first(src.meta, rules.cues.markup.author) or "", *src.scan.authors], rules)
    if not authors:
        authors = _shown_organisation(src.scan.bylines, src.scan.labelled, rules, src.lang)
    return authors


def _typed_organisations(ld: JsonLd) -> frozenset[str]:
    """Site keys of the names the JSON-LD types as organisations, as authors or on their own."""
    return frozenset({*ld.organisations, *(_site_key(n) for n in ld.organisation_authors)})


def _structured_authors(src: _Sources, rules: Rules) -> tuple[str, ...]:
    """Names the page states as data: JSON-LD, ``meta`` author, Yoast's "Written by" card, author markup."""
    structured: list[str] = list(src.ld.authors)
    meta_author = _first(src.meta, rules.cues.markup.author)
    if meta_author and not meta_author.startswith("http"):
        structured.append(_without_site_part(meta_author, src.sites))
    # Yoast's reading-time card: twitter:label1 "Written by" / "Verfasst von", twitter:data1 the name
    for n in ("1", "2"):
        if rules.cues.written_by.match(src.meta.get(f"twitter:label{n}", "")) and src.meta.get(f"twitter:data{n}"):
            structured.append(src.meta[f"twitter:data{n}"])
    structured.extend(src.scan.authors)
    return clean_authors(structured, rules, single_ok=True, exclude=src.sites)


def _byline_authors(root: etree._Element, src: _Sources, rules: Rules) -> tuple[str, ...]:
    """The first source that names someone, in order of trust."""
    scan, sites = src.scan, src.sites
    authors = _structured_authors(src, rules)
    if not authors and src.ld.persons:
        # a JSON-LD Person named like the site ("El Colombiano") yields to the page's first byline
        # ("Jacobo Betancur Peláez | Publicado hace 3 horas"), not to bylines further down (teasers)
        # (a user handle that is the site's own name, "stylegart" on stylegart.de, is the site's account)
        persons = [p for p in src.ld.persons if " " in p.strip() or text_key(p) not in sites]
        authors = _byline_names(scan.bylines[:1], rules, sites) or clean_authors(persons, rules, single_ok=True)
    if not authors:
        authors = _byline_names(scan.bylines, rules, sites)
    if not authors:
        # a date line often names the author: "Ein Artikel von <b>A</b> | 27.01.2022 - 12:45"
        authors = _meta_line_names(scan.dates, rules, sites)
    if not authors:
        authors = _first_names(scan.labelled, rules, sites)
    if not authors:
        authors = _dated_name(scan.after_h1, rules, sites) or _dated_name(scan.loose, rules, sites, parted=True)
    if not authors:
        authors = _led_under_headline(scan.after_h1, rules, sites)
    if not authors:
        authors = _described_byline(src.meta, rules, sites)
    if not authors and len({text_key(b) for b in scan.boxed}) == 1:
        authors = clean_authors(scan.boxed[:1], rules, exclude=sites)
    if not authors:
        linked = _linked_authors(root, rules.cues)
        if 0 < len({text_key(n) for n in linked}) <= 3:
            # links to the author's page ("/author/jane-doe"); more names than a byline holds are a teaser list
            authors = clean_authors(linked, rules, exclude=sites)
    return authors


def _repaired(authors: tuple[str, ...], root: etree._Element, src: _Sources, rules: Rules) -> tuple[str, ...]:
    """One-word names, initials and CMS accounts replaced by the full name the page gives elsewhere."""
    scan, sites = src.scan, src.sites
    if all(" " not in a for a in authors):
        authors = _complete(authors, [*scan.labelled, *scan.bylines], rules, sites, root)
    if all(_initials(a) for a in authors):
        # initials ("by <a rel=author>DT</a>") give way to the full name the page gives them elsewhere
        full = clean_authors([*scan.labelled, *scan.bylines, *scan.licensed], rules, exclude=sites)
        authors = tuple(next((f for f in full if " " in f and _initials_of(f) == a.upper()), a) for a in authors)
    if all(_account(a) for a in authors):
        # a CMS account ("sarah-indra", "BBNTEAM") yields to the full name a labelled byline gives
        # ("Autor <span>Mark Newton:</span>"): the account is who posted it, the label says who wrote it
        # (the label in a byline element: a book's "<li><b>Autor:</b> Max Frisch</li>" is not the post's)
        labelled = _first_names(scan.labelled, rules, sites)
        shown = " ".join(scan.bylines)
        if labelled and all(" " in n and n in shown for n in labelled):
            authors = labelled
    return authors
