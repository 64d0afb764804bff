"""Source: ``<meta>``: OpenGraph, ``article:*``, Dublin Core, ``itemprop`` and the rest, by lower-cased name.
"""

from __future__ import annotations

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space


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
