"""Source: JSON-LD. The objects of every ``application/ld+json`` script (``@graph`` walked, a
``<![CDATA[ … ]]>`` or HTML-comment wrapper read through), their types and author names.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

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
        return [] if persons_only or organisations_only else [value]
    if isinstance(value, dict):
        if "name" not in value and by_id and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        types = _types(value)
        organisation = any(t in organisation_types or t.endswith("Organization") for t in types) \
            and "Person" not in types
        if organisation != organisations_only or (persons_only and "Person" not in types):
            return []
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value[:10]
                for n in _names(v, organisation_types, by_id, persons_only=persons_only,
                                organisations_only=organisations_only, depth=depth + 1)]
    return []
