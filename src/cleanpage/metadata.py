"""Title, authors, published date and language from an HTML tree — or ``None`` rather than a guess.

Sources are read in order of trust: structured data (JSON-LD, microdata, ``meta``), then the visible
page (``h1``, ``time``, byline elements). A title is chosen by agreement between sources; an author
must look like a person's name (:mod:`cleanpage.authors`); a date must not be in the future.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from cleanpage.authors import clean_authors
from cleanpage.blocks import normalise_space, text_key
from cleanpage.dates import parse_date
from cleanpage.rules import Rules

__all__ = ["HtmlMeta", "html_metadata", "strip_site_suffix"]

log = logging.getLogger(__name__)

_SUFFIX = re.compile(r"\s+(?:[-|·–—:»«/]|::)\s+")
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


def strip_site_suffix(title: str, others: list[str]) -> str:
    """Drop " - Site" / " | Site" parts: keep the longest part, or the one other sources agree with."""
    parts = [p.strip() for p in _SUFFIX.split(title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    keys = {text_key(o) for o in others if o}
    for part in parts:
        if text_key(part) in keys:
            return part
    # "Headline - Section - Site": the headline is the longest part, usually the first
    return max(parts, key=len)


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


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if "Organization" in _types(value):
            return []
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value[:10] for n in _names(v)]
    return []


def _meta(root: etree._Element, *names: str) -> str | None:
    head = root.find("head")
    scope = head if head is not None else root
    for el in scope.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in names:
            content = normalise_space(el.get("content") or "")
            if content:
                return content
    return None


def html_metadata(root: etree._Element, rules: Rules) -> HtmlMeta:
    """Read the page's own statements about itself."""
    ld_title = ld_date = None
    ld_authors: list[str] = []
    for obj in _jsonld_objects(root):
        types = _types(obj)
        if not any(t in _ARTICLE_TYPES for t in types):
            continue
        if ld_title is None and isinstance(obj.get("headline"), str):
            ld_title = normalise_space(obj["headline"])
        if ld_date is None and isinstance(obj.get("datePublished"), str):
            ld_date = obj["datePublished"]
        if not ld_authors:
            ld_authors = _names(obj.get("author"))
    og_title = _meta(root, "og:title", "twitter:title")
    title_el = root.find(".//title")
    page_title = normalise_space(title_el.text_content()) if title_el is not None else None
    h1s = [normalise_space(h.text_content()) for h in root.iter("h1")][:5]
    h1s = [h for h in h1s if h]
    title = _choose_title(ld_title, og_title, page_title, h1s)

    byline_texts = _bylines(root)
    candidates = list(ld_authors)
    meta_author = _meta(root, "author", "article:author", "dc.creator", "sailthru.author", "parsely-author")
    if meta_author and not meta_author.startswith("http"):
        candidates.append(meta_author)
    for link in root.iterfind(".//a[@rel='author']"):
        candidates.append(normalise_space(link.text_content()))
    for el in root.iterfind(".//*[@itemprop='author']"):
        name = el.find(".//*[@itemprop='name']")
        candidates.append(normalise_space((name if name is not None else el).text_content()))
    candidates.extend(byline_texts)
    authors = clean_authors(candidates, rules)

    published = None
    for value in (
        ld_date,
        _meta(root, "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
              "publish-date", "pubdate", "og:published_time", "sailthru.date", "parsely-pub-date"),
    ):
        published = parse_date(value) if value else None
        if published is not None:
            break
    if published is None:
        for el in root.iter("time"):
            published = parse_date(el.get("datetime") or normalise_space(el.text_content()))
            if published is not None:
                break
    lang = root.get("lang") or _meta(root, "og:locale", "language", "content-language")
    return HtmlMeta(
        title=title,
        authors=authors,
        published=published,
        language=(lang or "").split("-")[0].split("_")[0].lower() or None,
        byline_texts=tuple(byline_texts),
    )


def _choose_title(ld: str | None, og: str | None, page: str | None, h1s: list[str]) -> str | None:
    """The h1 that another source agrees with; else structured titles; else the cleaned <title>."""
    others = [t for t in (ld, og, page) if t]
    for h1 in h1s:
        key = text_key(h1)
        if key and any(key == text_key(o) or (len(key) > 10 and key in text_key(o)) for o in others):
            return h1
    for candidate in (ld, og):
        if candidate:
            return strip_site_suffix(candidate, [c for c in others if c is not candidate] + h1s)
    if page:
        return strip_site_suffix(page, h1s)
    return h1s[0] if h1s else None


_BYLINE_TOKENS = ("byline", "author", "by-line", "article-author", "post-author", "entry-author", "writer")


def _bylines(root: etree._Element) -> list[str]:
    found: list[str] = []
    body = root.find("body")
    if body is None:
        return found
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        cls = (el.get("class") or "").lower()
        if cls and any(t in cls for t in _BYLINE_TOKENS) and "comment" not in cls:
            text = normalise_space(el.text_content())
            if 2 < len(text) < 120:
                found.append(text)
                if len(found) >= 5:
                    break
    return found
