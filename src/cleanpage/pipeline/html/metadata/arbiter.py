"""The arbiter: every source's values for one page, and the choice of title, authors, date and language.
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space, text_key
from cleanpage.pipeline.shared.dates import (
    parse_date,
    zone_tag,
)
from cleanpage.pipeline.shared.names import clean_authors
from cleanpage.rules import Rules

from .authors import (
    _account,
    _byline_names,
    _complete,
    _dated_name,
    _described_byline,
    _first_names,
    _initials,
    _initials_of,
    _meta_line_names,
    _signature,
    _site_owner,
    _without_site_part,
)
from .dates import _in_zone_when_shown, _month_first, _published, _written_alone
from .head import _first, _head_meta
from .htmldate_source import _htmldate
from .jsonld import _jsonld_objects, _names, _types
from .site import _canonical, _host, _site_key
from .title import _choose_title
from .visible import _linked_authors, _scan


@dataclass(frozen=True, kw_only=True, slots=True)
class HtmlMeta:
    title: str | None
    authors: tuple[str, ...]
    published: _dt.date | _dt.datetime | None
    language: str | None
    byline_texts: tuple[str, ...]


def read_metadata(root: etree._Element, rules: Rules, url: str | None = None) -> HtmlMeta:
    """Read the page's own statements about itself."""
    markup = rules.cues.markup
    ld_title = ld_date = ld_modified = None
    ld_authors: list[str] = []
    ld_persons: list[str] = []
    sites: set[str] = set()
    organisations: set[str] = set()
    objects = list(_jsonld_objects(root))
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    for obj in objects:
        types = _types(obj)
        if "Person" in types:
            continue
        if "WebSite" in types or "Organization" in types or "NewsMediaOrganization" in types:
            if isinstance(obj.get("name"), str):
                sites.add(_site_key(obj["name"]))
                if "WebSite" not in types:
                    organisations.add(_site_key(obj["name"]))
            continue
        if not any(t in markup.article_types for t in types):
            continue
        if ld_title is None and isinstance(obj.get("headline"), str):
            ld_title = normalise_space(html.unescape(obj["headline"]))
        if ld_date is None and isinstance(obj.get("datePublished"), str):
            ld_date = obj["datePublished"]
        if ld_modified is None and isinstance(obj.get("dateModified"), str):
            ld_modified = obj["dateModified"]
        if not ld_authors:
            ld_authors = _names(obj.get("author"), markup.organisation_types, by_id)
            ld_persons = _names(obj.get("author"), markup.organisation_types, by_id, persons_only=True)
        # an author the page types as an Organization ("OÖ Volksblatt") is never a person's name,
        # whichever other source repeats it (Yoast's "Verfasst von" card)
        sites.update(_site_key(n) for n in _names(obj.get("author"), markup.organisation_types, by_id,
                                                  organisations_only=True))
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            sites.add(_site_key(publisher["name"]))
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
    stated = {text_key(t) for t in (ld_title, og_title, page_title) if t}
    site_keys = frozenset(k for k in sites if k and len(k) <= 40 and k not in stated)

    title = _choose_title(ld_title, og_title, page_title, scan.headlines, scan.h1s,
                          site_keys, scan.decked, page_url)

    lang = root.get("lang") or _first(meta, ("og:locale", "language", "content-language"))
    zone = zone_tag(lang, page_url)
    published = _published(ld_date, meta, scan, page_url, rules.cues, month_first=_month_first(root, meta),
                           lang=lang, zone=zone)
    if isinstance(published, _dt.datetime):
        published = _in_zone_when_shown(published, zone, scan, page_url, rules.cues,
                                        month_first=_month_first(root, meta), lang=lang)
    if published is None:
        for value in (ld_modified, _first(meta, markup.modified)):
            published = parse_date(value) if value else None
            if published is not None:
                break
    if published is None:
        published = _htmldate(root, page_url, markup)
    if published is None:
        published = _written_alone(scan, rules.cues, month_first=_month_first(root, meta), lang=lang)
    structured: list[str] = list(ld_authors)
    meta_author = _first(meta, markup.author)
    if meta_author and not meta_author.startswith("http"):
        structured.append(_without_site_part(meta_author, site_keys))
    # Yoast's reading-time card: twitter:label1 "Written by" / "Verfasst von", twitter:data1 the name
    for n in ("1", "2"):
        if rules.cues.written_by.match(meta.get(f"twitter:label{n}", "")) and meta.get(f"twitter:data{n}"):
            structured.append(meta[f"twitter:data{n}"])
    structured.extend(scan.authors)
    authors = clean_authors(structured, rules, single_ok=True, exclude=site_keys)
    if not authors and ld_persons:
        # a JSON-LD Person named like the site ("El Colombiano") yields to the page's first byline
        # ("Jacobo Betancur Peláez | Publicado hace 3 horas"), not to bylines further down (teasers)
        # (a user handle that is the site's own name, "stylegart" on stylegart.de, is the site's account)
        persons = [p for p in ld_persons if " " in p.strip() or text_key(p) not in site_keys]
        authors = _byline_names(scan.bylines[:1], rules, site_keys) or clean_authors(persons, rules, single_ok=True)
    if not authors:
        authors = _byline_names(scan.bylines, rules, site_keys)
    if not authors:
        # a date line often names the author: "Ein Artikel von <b>A</b> | 27.01.2022 - 12:45"
        authors = _meta_line_names(scan.dates, rules, site_keys)
    if not authors:
        authors = _first_names(scan.labelled, rules, site_keys)
    if not authors:
        authors = _dated_name(scan.after_h1, rules, site_keys) or _dated_name(scan.loose, rules, site_keys, parted=True)
    if not authors:
        authors = _described_byline(meta, rules, site_keys)
    if not authors and len({text_key(b) for b in scan.boxed}) == 1:
        authors = clean_authors(scan.boxed[:1], rules, exclude=site_keys)
    if not authors:
        linked = _linked_authors(root, rules.cues)
        if 0 < len({text_key(n) for n in linked}) <= 3:
            # links to the author's page ("/author/jane-doe"); more names than a byline holds are a teaser list
            authors = clean_authors(linked, rules, exclude=site_keys)
    if authors and all(" " not in a for a in authors):
        authors = _complete(authors, [*scan.labelled, *scan.bylines], rules, site_keys, root)
    if authors and all(_initials(a) for a in authors):
        # initials ("by <a rel=author>DT</a>") give way to the full name the page gives them elsewhere
        full = clean_authors([*scan.labelled, *scan.bylines, *scan.licensed], rules, exclude=site_keys)
        authors = tuple(next((f for f in full if " " in f and _initials_of(f) == a.upper()), a) for a in authors)
    if authors and all(_account(a) for a in authors):
        # a CMS account ("sarah-indra", "BBNTEAM") yields to the full name a labelled byline gives
        # ("Autor <span>Mark Newton:</span>"): the account is who posted it, the label says who wrote it
        # (the label in a byline element: a book's "<li><b>Autor:</b> Max Frisch</li>" is not the post's)
        labelled = _first_names(scan.labelled, rules, site_keys)
        shown = " ".join(scan.bylines)
        if labelled and all(" " in n and n in shown for n in labelled):
            authors = labelled
    if not authors and published is not None:
        authors = _site_owner(page_title, meta, root, page_url, rules, frozenset(organisations))
    if not authors:
        authors = clean_authors(scan.licensed, rules, exclude=site_keys)
    if not authors:
        authors = _signature(root, rules, site_keys)

    return HtmlMeta(
        title=title,
        authors=authors,
        published=published,
        language=(lang or "").split("-")[0].split("_")[0].lower() or None,
        byline_texts=tuple(scan.bylines),
    )
