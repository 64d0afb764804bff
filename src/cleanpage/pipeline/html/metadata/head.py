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


def _listed(root: etree._Element, names: tuple[str, ...]) -> tuple[str, ...]:
    """Every value, in page order, of the first of ``names`` the page writes more than once: the
    tags a paper's page writes once per author (``citation_author``), where :func:`_head_meta`
    keeps only the first. "Last, First" is written out as "First Last", the tags' convention."""
    for name in names:
        values = [normalise_space(el.get("content") or "") for el in root.iter("meta")
                  if (el.get("name") or el.get("property") or "").lower().strip() == name]
        values = [v for v in values if v]
        if len(values) > 1:
            return tuple(_first_last(v) for v in values)
    return ()


def _first_last(value: str) -> str:
    """"Roy, Aniruddha" → "Aniruddha Roy"; a name without exactly one comma stays as written."""
    parts = [p.strip() for p in value.split(",")]
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 and all(parts) else value


def _first(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in meta:
            return meta[name]
    return None
