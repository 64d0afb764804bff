"""The htmldate adapter: its quick search for a page's date, as evidence only.

The HTML metadata reader (:mod:`cleanpage.pipeline.html.metadata`) gives it the parsed tree (with
the boxes that hold other articles' dates set aside) and the URL, and gets an ISO date text or
``None``. htmldate copies the tree before pruning it, so the caller's tree is left as it was. Its
failures are caught and logged here: a third-party heuristic must never break the page. Imported on
first use: few pages reach it.
"""

from __future__ import annotations

import logging

from lxml import etree

__all__ = ["find_date"]

log = logging.getLogger(__name__)


def find_date(tree: etree._Element, url: str | None) -> str | None:
    """htmldate's quick search (header, JSON, ``abbr`` and date-like elements, text patterns; no
    free-text guessing) for the original publication date, as ``YYYY-MM-DD``; ``None`` when it finds
    none or fails."""
    try:
        from htmldate import find_date as _find_date

        found: str | None = _find_date(tree, url=url, extensive_search=False, original_date=True,
                                       outputformat="%Y-%m-%d")
        return found
    except Exception:
        log.debug("htmldate failed", exc_info=True)
        return None
