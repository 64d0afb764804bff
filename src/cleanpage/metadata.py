"""Title, authors, published date and language from an HTML tree — or ``None`` rather than a guess.

Sources are read in order of trust: structured data (JSON-LD, microdata, ``meta``), then the visible
page (``h1``, ``time``, byline elements). A title is chosen by agreement between sources; an author
must look like a person's name (:mod:`cleanpage.authors`); a date must not be in the future.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from cleanpage.authors import clean_authors
from cleanpage.blocks import normalise_space, text_key
from cleanpage.dates import date_from_url, in_page_zone, local_day, parse_date, parse_iso, parse_visible_date
from cleanpage.rules import Rules

__all__ = ["HtmlMeta", "html_metadata", "strip_site_suffix"]

log = logging.getLogger(__name__)

_SUFFIX = re.compile(r"\s+(?:[-|·–—:»«/]|::)\s+")
#: Chinese and Japanese titles join the site name without spaces: "标题-新华网", "NEWS WEB EASY|标题"
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SUFFIX_CJK = re.compile(r"\s*(?:[|｜_]|(?<=[\u3000-\u9fff\uff00-\uffef])[-—–](?=\S)|\s[-—–]\s)\s*")
#: a loading placeholder ("Loading…"): one word and an ellipsis is never a headline
_PLACEHOLDER = re.compile(r"^\W*\w+\s*(?:…|\.\.\.)\W*$")
_ARTICLE_TYPES = ("Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "WebPage", "Report", "ScholarlyArticle", "TechArticle", "LiveBlogPosting",
                  "SocialMediaPosting", "DiscussionForumPosting", "QAPage", "Question", "Recipe", "Review", "Event")


@dataclass(frozen=True, kw_only=True, slots=True)
class HtmlMeta:
    title: str | None
    authors: tuple[str, ...]
    published: _dt.date | _dt.datetime | None
    language: str | None
    byline_texts: tuple[str, ...]


def _site_key(text: str) -> str:
    return text_key(text).removeprefix("www")


def _is_site(part: str, sites: frozenset[str], *, loose: bool = True) -> bool:
    """A title part that names the site: its og:site_name/publisher, or its domain's name
    ("Gregory Szorc's Digital Home" on gregoryszorc.com when ``loose``; whole titles are only
    compared exactly)."""
    key = _site_key(part)
    if not key:
        return False
    if not loose:
        return key in sites
    return any(key == s or (len(s) >= 4 and (key.startswith(s) or s.startswith(key)) and len(key) >= 4) for s in sites)


def strip_site_suffix(
    title: str, others: list[str], sites: frozenset[str] = frozenset(), *, pipe_rule: bool = True
) -> str:
    """Drop " - Site" / " | Site" parts (at either end) of a page title.

    A part is dropped when it names the site (``sites``: site names and the domain, as
    :func:`text_key` keys); a part another source states on its own (the h1) is chosen; with no
    such evidence only a last " | part" is dropped, since a dash also joins the halves of real
    headlines ("Würde des Lebens – ein Projekt").
    """
    title = normalise_space(title)
    splitter = _SUFFIX_CJK if _CJK.search(title) else _SUFFIX
    pieces = splitter.split(title)
    seps = splitter.findall(title)
    parts = [p.strip() for p in pieces]
    if len(parts) <= 1 or not all(parts):
        return title
    keys = {text_key(o) for o in others if o}
    for part in parts:
        if text_key(part) in keys:
            return part
    start, end = 0, len(parts)
    while end - start > 1 and _is_site(parts[end - 1], sites):
        end -= 1
    while end - start > 1 and _is_site(parts[start], sites):
        start += 1
    if (start, end) == (0, len(parts)):
        short_cjk_tail = splitter is _SUFFIX_CJK and len(parts[-1]) <= 8
        if (pipe_rule and (seps[-1].strip() in ("|", "||") or short_cjk_tail)
                and len(parts[-1]) < len(" ".join(parts[:-1]))):
            end -= 1
        else:
            return title
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out


def _jsonld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            log.debug("malformed JSON-LD skipped")
            continue
        stack = [data]
        seen = 0
        while stack and seen < 500:
            seen += 1
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _types(obj: dict[str, Any]) -> list[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _names(value: Any, by_id: dict[str, dict[str, Any]] | None = None, *, persons_only: bool = False) -> list[str]:
    """Author names of a JSON-LD ``author`` value; ``{"@id": …}`` references are looked up in the
    page's graph (Yoast writes the Person once and points to it). Organisations are not names."""
    if isinstance(value, str):
        return [] if persons_only else [value]
    if isinstance(value, dict):
        if "name" not in value and by_id and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        types = _types(value)
        if ("Organization" in types and "Person" not in types) or (persons_only and "Person" not in types):
            return []
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value[:10] for n in _names(v, by_id, persons_only=persons_only)]
    return []


_PUBLISHED = ("article:published_time", "datepublished", "og:published_time", "og:article:published_time",
              "article.published", "published_time", "publish-date", "publish_date", "publishdate", "pubdate",
              "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
              "bepress_citation_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
              "dc.date.created", "dcterms.created", "date", "datecreated", "og:article:time", "release_date")
_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
             "last-modified", "lastmod", "dateupdate")
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
                "citation_author", "byl")
_SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher", "copyright")
#: class/id words of elements that carry a byline, in several languages
_BYLINE_TOKENS = ("byline", "author", "by-line", "writer", "autor", "auteur", "autore", "verfasser")
#: class/id/itemprop words of elements that show the publication date
_DATE_TOKENS = ("date", "time", "publish", "posted", "datum", "fecha", "data", "meta", "byline", "dateline",
                "info", "stand")
#: ancestors whose dates and names belong to other things (comments, teasers, sidebars)
_ELSEWHERE = ("comment", "sidebar", "widget", "related", "teaser", "recent", "popular", "footer", "reply",
              "respond", "trackback", "more-from", "recommend")
_HEADLINE_TOKENS = ("entry-title", "post-title", "headline", "article-title", "article__title", "post__title",
                    "story-title", "page-title", "news-title", "titel", "titulo")


def _head_meta(root: etree._Element) -> dict[str, str]:
    """Every ``<meta>`` of the page by lower-cased name/property/itemprop (the first one wins)."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower().strip()
        if key and key not in found:
            content = normalise_space(el.get("content") or el.get("value") or "")
            if content:
                found[key] = content
    return found


def _first(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in meta:
            return meta[name]
    return None


_BYLINE_RE = re.compile("|".join(_BYLINE_TOKENS))
_DATE_RE = re.compile("|".join(_DATE_TOKENS))
_HEADLINE_RE = re.compile("|".join(_HEADLINE_TOKENS))
_ELSEWHERE_RE = re.compile("|".join(_ELSEWHERE))


def _tokens(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}".lower()


def _elsewhere(el: etree._Element) -> bool:
    """Inside a comment list, a sidebar, a teaser or the page footer/nav.

    A container named like that which holds the page's ``h1`` is a layout wrapper
    ("content-area sidebar"), not a side box.
    """
    for anc in el.iterancestors():
        tag = anc.tag
        if tag in ("nav", "aside", "footer"):
            return anc.find(".//h1") is None
        if tag in ("article", "main", "body"):
            return False
        tokens = _tokens(anc)
        if _ELSEWHERE_RE.search(tokens) and anc.find(".//h1") is None:
            return True
    return False


@dataclass
class _Scan:
    """What one walk over ``<body>`` finds: bylines, headline elements, dates and author markup."""

    bylines: list[str]
    headlines: list[str]
    h1s: list[str]
    dates: list[str]
    item_dates: list[str]
    authors: list[str]
    loose: list[str]


#: a bare numeric date as an element's own text ("10.11.2021", "2021-10-16 | Botschaft")
_LOOSE_DATE = re.compile(r"(?<![\d.])(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\d])")
#: a date line about the last change, not the publication
_CHANGED = re.compile(r"updat|aktualisiert|änderung|geändert|modifi|mis à jour|actualizad|aggiornat|bearbeitet|edited", re.IGNORECASE)


_WRITTEN_BY = re.compile(r"^(?:written by|verfasst von|geschrieben von|écrit par|escrito por|scritto da|autor|author)\b", re.IGNORECASE)
#: hCard's formatted name (``class="author vcard"`` > ``class="fn"``): microformat author markup
_HCARD_FN = re.compile(r"(?:^|\s)fn(?:\s|$)")


def _parent_tokens(el: etree._Element) -> str:
    parent = el.getparent()
    return _tokens(parent) if parent is not None else ""


_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SPECIAL_TAGS = frozenset({"h1", "time", "address", "a", "abbr"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "option", "button"})
#: any word of interest in the class/id words: elements without one are passed over at once
_ANY_RE = re.compile("|".join((*_BYLINE_TOKENS, *_DATE_TOKENS, *_HEADLINE_TOKENS, "fn", "comment")))


def _loose_date(text: str) -> bool:
    """Cheap string tests before the regex: most text nodes hold no year at all. A long text counts
    only when it opens with the date ("29.11.2022 – Mehrfach und …")."""
    if len(text) > 80:
        head = text.lstrip()[:10]
        return head[:1].isdigit() and _LOOSE_DATE.match(head) is not None
    return (".20" in text or ".19" in text or "-20" in text or "-19" in text
                                or text.lstrip()[:2] in ("19", "20")) and _LOOSE_DATE.search(text) is not None


def _small(el: etree._Element) -> bool:
    """Few enough descendants to be a label, not a container (keeps ``text_content`` cheap)."""
    for count, _ in enumerate(el.iterdescendants()):
        if count >= 12:
            return False
    return True


def _scan(root: etree._Element) -> _Scan:
    """One walk over ``<body>``; every test is a compiled regex on the class/id words, and text is
    only read from small elements."""
    scan = _Scan([], [], [], [], [], [], [])
    body = root.find("body")
    if body is None:
        return scan
    for el in body.iter():
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_TAGS:
            continue
        own = el.text
        if own and len(scan.loose) < 3 and tag != "a" and _loose_date(own):
            own = normalise_space(own)[:40] if len(own) > 80 else normalise_space(own)
            if len(own) <= 40 and not _CHANGED.search(own) and not _elsewhere(el):
                scan.loose.append(own)
        if tag == "h1" and len(scan.h1s) < 5:
            text = normalise_space(el.text_content())
            if text:
                scan.h1s.append(text)
        attrib = el.attrib
        if "class" not in attrib and "id" not in attrib and "itemprop" not in attrib and tag not in _SPECIAL_TAGS:
            continue
        tokens = _tokens(el)
        if tag not in _SPECIAL_TAGS and "itemprop" not in attrib and not _ANY_RE.search(tokens):
            continue
        if tag == "a" and (el.get("rel") or "").lower() == "author":
            if not _elsewhere(el):
                scan.authors.append(normalise_space(el.text_content()))
            continue
        itemprop = (el.get("itemprop") or "").lower()
        if itemprop == "author" and len(scan.authors) < 10 and not _elsewhere(el):
            name = el.find(".//*[@itemprop='name']")
            value = el.get("content") if name is None else None
            scan.authors.append(normalise_space(value or (name if name is not None else el).text_content()))
        if itemprop in ("datepublished", "datecreated") and len(scan.item_dates) < 3:
            value = el.get("content") or el.get("datetime") or el.get("title") or el.text_content()
            scan.item_dates.append(normalise_space(value or "")[:120])
            continue
        if itemprop == "headline" or (tag in ("h1", "h2", "h3") and _HEADLINE_RE.search(tokens)):
            if len(scan.headlines) < 5 and not _elsewhere(el):
                text = normalise_space(el.text_content())
                if text:
                    scan.headlines.append(text)
            continue
        if "comment" in tokens:
            continue
        hcard = _HCARD_FN.search(tokens) is not None and "author" in tokens + _parent_tokens(el)
        if hcard and len(scan.authors) < 10 and _small(el) and not _elsewhere(el):
            scan.authors.append(normalise_space(el.text_content()))
        dateish = tag == "time" or (tag == "abbr" and "publish" in tokens) or _DATE_RE.search(tokens) is not None
        bylineish = len(scan.bylines) < 5 and (tag == "address" or _BYLINE_RE.search(tokens) is not None)
        if not (dateish or bylineish) or not _small(el):
            continue
        text = normalise_space(el.text_content())
        if dateish and len(scan.dates) < 12:
            value = el.get("datetime") or (el.get("title") if tag == "abbr" else None)
            date_text = normalise_space(value) if value else text
            if 6 <= len(date_text) <= 80 and not (value is None and _CHANGED.search(date_text)) and not _elsewhere(el):
                scan.dates.append(date_text)
        if bylineish and 2 < len(text) < 120 and not _elsewhere(el):
            scan.bylines.append(text)
    return scan


def html_metadata(root: etree._Element, rules: Rules, url: str | None = None) -> HtmlMeta:
    """Read the page's own statements about itself."""
    ld_title = ld_date = ld_modified = None
    ld_authors: list[str] = []
    ld_persons: list[str] = []
    sites: set[str] = set()
    objects = list(_jsonld_objects(root))
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    for obj in objects:
        types = _types(obj)
        if "Person" in types:
            continue
        if "WebSite" in types or "Organization" in types or "NewsMediaOrganization" in types:
            if isinstance(obj.get("name"), str):
                sites.add(_site_key(obj["name"]))
            continue
        if not any(t in _ARTICLE_TYPES for t in types):
            continue
        if ld_title is None and isinstance(obj.get("headline"), str):
            ld_title = normalise_space(html.unescape(obj["headline"]))
        if ld_date is None and isinstance(obj.get("datePublished"), str):
            ld_date = obj["datePublished"]
        if ld_modified is None and isinstance(obj.get("dateModified"), str):
            ld_modified = obj["dateModified"]
        if not ld_authors:
            ld_authors = _names(obj.get("author"), by_id)
            ld_persons = _names(obj.get("author"), by_id, persons_only=True)
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            sites.add(_site_key(publisher["name"]))
    meta = _head_meta(root)
    scan = _scan(root)
    for name in _SITE_META:
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
                          site_keys)

    structured: list[str] = list(ld_authors)
    meta_author = _first(meta, _AUTHOR_META)
    if meta_author and not meta_author.startswith("http"):
        structured.append(meta_author)
    # Yoast's reading-time card: twitter:label1 "Written by" / "Verfasst von", twitter:data1 the name
    for n in ("1", "2"):
        if _WRITTEN_BY.match(meta.get(f"twitter:label{n}", "")) and meta.get(f"twitter:data{n}"):
            structured.append(meta[f"twitter:data{n}"])
    structured.extend(scan.authors)
    authors = clean_authors(structured, rules, single_ok=True, exclude=site_keys)
    if not authors and ld_persons:
        # a JSON-LD Person is one, even on a personal site named after them
        authors = clean_authors(ld_persons, rules, single_ok=True)
    if not authors:
        authors = clean_authors(scan.bylines, rules, exclude=site_keys)

    lang = root.get("lang") or _first(meta, ("og:locale", "language", "content-language"))
    published = _published(ld_date, meta, scan, page_url, month_first=_month_first(root, meta), lang=lang)
    if isinstance(published, _dt.datetime):
        published = in_page_zone(published, lang)
    if published is None:
        for value in (ld_modified, _first(meta, _MODIFIED)):
            published = parse_date(value) if value else None
            if published is not None:
                break
    return HtmlMeta(
        title=title,
        authors=authors,
        published=published,
        language=(lang or "").split("-")[0].split("_")[0].lower() or None,
        byline_texts=tuple(scan.bylines),
    )


def _canonical(root: etree._Element) -> str | None:
    head = root.find("head")
    for link in (head if head is not None else root).iter("link"):
        if (link.get("rel") or "").lower() == "canonical":
            return str(link.get("href") or "") or None
    return None


_HOST = re.compile(r"^[a-z]+://(?:www\d?\.)?([^/:?#]+)", re.IGNORECASE)


def _host(url: str | None) -> str:
    """The site's own name in its domain: "tagesschau" for https://www.tagesschau.de/…"""
    m = _HOST.match(url or "")
    if not m:
        return ""
    labels = m.group(1).lower().split(".")
    name = labels[-2] if len(labels) >= 2 else labels[0]
    if len(labels) >= 3 and len(name) <= 3:  # example.co.uk
        name = labels[-3]
    return text_key(name)


def _month_first(root: etree._Element, meta: dict[str, str]) -> bool:
    lang = (root.get("lang") or meta.get("og:locale") or "").lower().replace("_", "-")
    return lang in ("en-us", "en")


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


def _published(
    ld_date: str | None, meta: dict[str, str], scan: _Scan, url: str | None, *, month_first: bool,
    lang: str | None = None,
) -> _dt.date | _dt.datetime | None:
    """Structured dates first; the visible date and the URL's date confirm the local day.

    A machine value in UTC ("2022-11-06T23:00:00+00:00") is often the conversion of a local
    midnight-ish time: when the date the page shows (or its URL) is the next or previous day,
    the page's own local day wins.
    """
    candidates = [parse_date(v) for v in (ld_date, _first(meta, _PUBLISHED), *scan.item_dates) if v]
    stated = [c for c in candidates if c is not None]
    structured = stated[0] if stated else None
    url_day = date_from_url(url)
    visible = None
    budget = 3  # dateparser calls per page: each costs about a millisecond
    for text in scan.dates:
        visible = parse_iso(text)
        if visible is None:
            needs_parser = _YEAR_RE.search(text) is not None and not _LOOSE_DATE.search(text)
            if needs_parser and budget <= 0:
                continue
            budget -= needs_parser
            visible = parse_visible_date(text, month_first=month_first, lang=lang)
        if visible is not None:
            break
    local = url_day or (local_day(visible) if visible is not None else None)
    if structured is not None:
        if local is not None and local_day(structured) != local:
            # the page's machine values disagree: the one the reader sees (or the URL states) wins
            agreeing = next((c for c in stated if local_day(c) == local), None)
            if agreeing is not None:
                return agreeing
            if _utc_shift(structured, local, lang):
                return visible if visible is not None and local_day(visible) == local else local
        return structured
    if visible is not None:
        return visible
    if url_day is not None:
        return url_day
    for text in scan.loose:
        loose = parse_visible_date(text, month_first=month_first, lang=lang)
        if loose is not None:
            return loose
    return None


#: markup shown as text (a theme bug): never a headline
_MARKUP = re.compile(r"<[a-z][a-z0-9]*[\s>]|</[a-z]+>", re.IGNORECASE)


def _untruncate(title: str, others: list[str | None]) -> str:
    """A title cut short with an ellipsis ("… este sábad...") gives way to a source that states it whole."""
    stem = title.rstrip()
    if not stem.endswith(("...", "…")):
        return title
    stem = stem.rstrip(".…").rstrip()
    key = text_key(stem)
    for other in others:
        if other and other is not title and len(other) > len(stem) and key and text_key(other).startswith(key):
            return other
    return title


def _choose_title(ld: str | None, og: str | None, page: str | None, headlines: list[str], h1s: list[str],
                  sites: frozenset[str] = frozenset()) -> str | None:
    """A headline element that another source agrees with; else structured titles; else the
    cleaned ``<title>``. The site's own name (a blog's h1) is never the title."""
    ld, og, page = (None if t is None or _PLACEHOLDER.match(t) or _MARKUP.search(t) else t for t in (ld, og, page))
    ld, og, page = (_untruncate(t, [ld, og, page, *h1s]) if t else t for t in (ld, og, page))
    others = [t for t in (ld, og, page) if t]
    heads = [h for h in headlines + h1s if not _is_site(h, sites, loose=False) and not _MARKUP.search(h)]
    for head in heads:
        key = text_key(head)
        if key and any(key == text_key(o) or (len(key) > 10 and key in text_key(o)) for o in others):
            return strip_site_suffix(head, [], sites, pipe_rule=False)
    for candidate in (ld, og):
        if candidate and not _is_site(candidate, sites, loose=False):
            return strip_site_suffix(candidate, [c for c in others if c is not candidate] + heads, sites)
    if page and not _is_site(page, sites, loose=False):
        return strip_site_suffix(page, heads, sites)
    if heads:
        return heads[0]
    # only the site's name is stated: it is still the page's title (a home or section page)
    return next((strip_site_suffix(t, h1s) for t in (ld, og, page) if t), h1s[0] if h1s else None)
