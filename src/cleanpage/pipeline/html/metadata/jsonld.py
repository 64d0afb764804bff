"""Source: JSON-LD. The objects of every ``application/ld+json`` script (``@graph`` walked, a
``<![CDATA[ … ]]>`` or HTML-comment wrapper read through), their types and author names.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.rules import MarkupCues

from .site import _site_key

log = logging.getLogger(__name__)


def _jsonld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            # strict=False: raw newlines inside strings (an articleBody pasted verbatim) are common
            data = json.loads(_unwrapped(script.text), strict=False)
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


#: what some CMSs wrap a script's JSON in, for XHTML parsers or very old browsers:
#: "<![CDATA[ … ]]>", "//<![CDATA[ … //]]>", "/*<![CDATA[*/ … /*]]>*/", "<!-- … -->"
_WRAPPER_START = re.compile(r"\s*+(?://|/\*)?\s*+(?:<!\[CDATA\[|<!--)\s*+(?:\*/)?")
_WRAPPER_ENDS = ("]]>", "-->")
_COMMENT_MARKS = ("//", "/*")


def _unwrapped(text: str) -> str:
    """A script's JSON without a CDATA or HTML-comment wrapper around it: a wrapped JSON-LD is
    as much the page's statement as a bare one, and ``json.loads`` reads neither wrapper."""
    start = _WRAPPER_START.match(text)
    if start is None:
        return text
    body = text[start.end():].rstrip().removesuffix("*/").rstrip()
    for end in _WRAPPER_ENDS:
        if body.endswith(end):
            body = body[:-len(end)].rstrip()
            for mark in _COMMENT_MARKS:
                body = body.removesuffix(mark)
            break
    return body


def _types(obj: dict[str, Any]) -> list[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


#: How deep ``author`` lists may nest: real pages nest one or two; the page's JSON is untrusted, and
#: a list nested 500 deep must not reach Python's recursion limit.
_MAX_NAME_DEPTH = 8


def _names(value: Any, organisation_types: frozenset[str], by_id: dict[str, dict[str, Any]] | None = None, *,
           persons_only: bool = False, organisations_only: bool = False, depth: int = 0) -> list[str]:
    """Author names of a JSON-LD ``author`` value; ``{"@id": …}`` references are looked up in the
    page's graph (Yoast writes the Person once and points to it). Organisations (``organisation_types``
    and any type ending in "Organization") are not names (``organisations_only`` gives just those)."""
    if depth > _MAX_NAME_DEPTH:
        return []
    if isinstance(value, str):
        return [] if persons_only or organisations_only else [html.unescape(value)]
    if isinstance(value, dict):
        if "name" not in value and by_id and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        types = _types(value)
        organisation = any(t in organisation_types or t.endswith("Organization") for t in types) \
            and "Person" not in types
        if organisation != organisations_only or (persons_only and "Person" not in types):
            return []
        name = value.get("name")  # "Lindsey O&#039;Donnell": CMSs write the name's entities into the JSON
        return [html.unescape(name)] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value[:10]
                for n in _names(v, organisation_types, by_id, persons_only=persons_only,
                                organisations_only=organisations_only, depth=depth + 1)]
    return []


@dataclass(frozen=True, slots=True)
class JsonLd:
    """What the page's JSON-LD says about the article: the first article object's headline,
    dates and authors, and the names of the site and of the organisations it mentions."""

    title: str | None
    published: str | None
    modified: str | None
    #: the first article object's authors (people and plain strings), and only its typed Persons
    authors: list[str]
    persons: list[str]
    #: site keys (:func:`~.site._site_key`): the WebSite, Organization and publisher names, and
    #: authors typed as an organisation; ``organisations``: the Organization names alone
    sites: set[str]
    organisations: set[str]
    #: the first article object's authors the page types as an organisation ("OÖ Volksblatt")
    organisation_authors: tuple[str, ...] = ()
    #: an object of an article type that is not a generic page type (``WebPage``: every Yoast page,
    #: a shop's too) states a publication date: the page calls itself an article
    dated_article: bool = False
    #: every ``@type`` the page's JSON-LD objects name (``@graph`` members included)
    types: frozenset[str] = frozenset()


def typed_as_article(ld: JsonLd, markup: MarkupCues) -> bool:
    """The page's JSON-LD types it as an article (a news story, a blog post, a report), not as a
    discussion (``DiscussionForumPosting``, ``QAPage``) nor only as a generic page (``WebPage``, on
    every page of a CMS): posts below it are its comments, a post-shaped branch above them its body."""
    if ld.types & markup.thread_types:
        return False
    return any(t in markup.article_types and t not in markup.generic_page_types for t in ld.types)


def read_jsonld(root: etree._Element, markup: MarkupCues) -> JsonLd:
    """The article's statements in the page's JSON-LD (the first value of each wins)."""
    found = JsonLd(None, None, None, [], [], set(), set())
    objects = list(_jsonld_objects(root))
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    found = replace(found, types=frozenset(t for obj in objects for t in _types(obj)))
    for obj in objects:
        types = _types(obj)
        if "Person" in types:
            continue
        if "WebSite" in types or "Organization" in types or "NewsMediaOrganization" in types:
            if isinstance(obj.get("name"), str):
                found.sites.add(_site_key(obj["name"]))
                if "WebSite" not in types:
                    found.organisations.add(_site_key(obj["name"]))
            continue
        if any(t in markup.article_types for t in types):
            found = _article(obj, found, markup, by_id)
            if (not found.dated_article and isinstance(obj.get("datePublished"), str)
                    and any(t in markup.article_types and t not in markup.generic_page_types for t in types)):
                found = replace(found, dated_article=True)
    return found


def _article(obj: dict[str, Any], found: JsonLd, markup: MarkupCues, by_id: dict[str, dict[str, Any]]) -> JsonLd:
    """``found`` with one article object's values where it has none yet."""
    title, published, modified = found.title, found.published, found.modified
    if title is None and isinstance(obj.get("headline"), str):
        title = normalise_space(html.unescape(obj["headline"]))
    if published is None and isinstance(obj.get("datePublished"), str):
        published = obj["datePublished"]
    if modified is None and isinstance(obj.get("dateModified"), str):
        modified = obj["dateModified"]
    authors, persons, organisation_authors = found.authors, found.persons, found.organisation_authors
    if not organisation_authors:
        organisation_authors = tuple(_names(obj.get("author"), markup.organisation_types, by_id,
                                            organisations_only=True))
    if not authors:
        authors = _names(obj.get("author"), markup.organisation_types, by_id)
        persons = _names(obj.get("author"), markup.organisation_types, by_id, persons_only=True)
    # an author the page types as an Organization ("OÖ Volksblatt") is never a person's name,
    # whichever other source repeats it (Yoast's "Verfasst von" card)
    found.sites.update(_site_key(n) for n in _names(obj.get("author"), markup.organisation_types, by_id,
                                                    organisations_only=True))
    publisher = obj.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        found.sites.add(_site_key(publisher["name"]))
    return JsonLd(title, published, modified, authors, persons, found.sites, found.organisations,
                  organisation_authors, found.dated_article, found.types)
