"""Labelled blocks from the development pages: what the block model is trained and judged on.

Each page runs through the HTML stages up to classification (the same calls :func:`cleanpage.clean`
makes), and each block gets a label from the page's gold:

- a WCXB page (whole reviewed main text): main when most of the block's tokens align with the gold
  in order (:func:`~cleanpage.learn.align.block_coverage`), not main when few do, unknown between;
- an extraction-dev page (snippets): main when it holds a ``with`` snippet, not main when it holds a
  ``without`` or ``comments`` snippet, unknown otherwise.

Blocks the rules decide for certain (the headline, comment sections) are not the model's to learn.
Each page's labelled blocks share a weight of one, split by tokens on WCXB pages (the metric counts
words) and evenly on snippet pages, so every page counts the same, as in the benchmark's mean.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from cleanpage.learn.align import block_coverage, snippet_labels, tokens

__all__ = ["CERTAIN", "Page", "PageBlocks", "load_pages", "read_pages"]

log = logging.getLogger(__name__)

#: the label of a block a rule decides (the headline, a comment section, a hidden or certain widget)
CERTAIN = -2
#: coverage at or above which a block is main content, and below which it is not
MAIN_AT, OTHER_BELOW = 0.5, 0.2


@dataclass(frozen=True, slots=True)
class Page:
    """One development page and its gold."""

    corpus: str  # "wcxb-dev" | "extraction-dev"
    key: str
    path: str
    url: str | None
    split: str  # "fit" | "check"
    domain: str
    page_type: str
    gold_text: str | None
    with_: tuple[str, ...]
    without: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PageBlocks:
    """A page's blocks as the model sees them: base features, class/id words, labels, weights."""

    page: Page
    texts: tuple[str, ...]
    features: np.ndarray  # blocks × base features (float32)
    tokens: tuple[frozenset[str], ...]
    labels: np.ndarray  # 1 main, 0 not, -1 unknown, CERTAIN: decided by a rule, not the model
    weights: np.ndarray


def _domain(url: str | None, fallback: str) -> str:
    if not url or "//" not in url:
        return fallback
    host = url.split("//", 1)[1].split("/", 1)[0].lower()
    return host.removeprefix("www.")


def load_pages(data: Path) -> list[Page]:
    """Both dev folders' pages with their split (``splits.json``), in a fixed order."""
    splits = json.loads((data / "splits.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    wcxb = json.loads((data / "wcxb-dev" / "evaldata.json").read_text(encoding="utf-8"))
    for key in sorted(wcxb):
        item = wcxb[key]
        pages.append(Page(
            corpus="wcxb-dev", key=key, path=str(data / "wcxb-dev" / "html" / item["file"]), url=item.get("url"),
            split=splits["wcxb-dev"][item["file"]], domain=item.get("domain") or _domain(item.get("url"), key),
            page_type=item.get("page_type") or "", gold_text=item.get("text") or None,
            with_=tuple(item.get("with") or ()), without=tuple(item.get("without") or ()),
        ))
    dev = json.loads((data / "extraction-dev" / "evaldata.json").read_text(encoding="utf-8"))
    for key in sorted(dev):
        item = dev[key]
        url = key if key.startswith(("http://", "https://")) else None
        pages.append(Page(
            corpus="extraction-dev", key=key, path=str(data / "extraction-dev" / "html" / item["file"]), url=url,
            split=splits["extraction-dev"][item["file"]], domain=_domain(url, item["file"]), page_type="",
            gold_text=None, with_=tuple(item.get("with") or ()),
            without=tuple(item.get("without") or ()) + tuple(item.get("comments") or ()),
        ))
    return pages


def _labels(page: Page, texts: list[str], certain: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(texts)
    labels = np.full(n, -1, dtype=np.int8)
    weights = np.zeros(n, dtype=np.float32)
    if page.gold_text:
        coverage = block_coverage(texts, page.gold_text)
        sizes = np.array([len(tokens(t)) + 1 for t in texts], dtype=np.float64)
        for i, share in enumerate(coverage):
            if certain[i]:
                continue
            if share >= MAIN_AT:
                labels[i] = 1
            elif share < OTHER_BELOW:
                labels[i] = 0
        known = labels >= 0
        if known.any():
            weights[known] = sizes[known] / sizes[known].sum()
    elif page.corpus == "extraction-dev":
        for i, label in enumerate(snippet_labels(texts, page.with_, page.without)):
            if label is not None and not certain[i]:
                labels[i] = int(label)
        known = labels >= 0
        if known.any():
            weights[known] = 1.0 / known.sum()
    labels[certain] = CERTAIN
    return labels, weights


def _one(page: Page, engine: bool = True) -> PageBlocks | None:
    from cleanpage.learn.evidence import html_evidence
    from cleanpage.pipeline.blocks import Label
    from cleanpage.pipeline.html.decide import CERTAIN

    raw = Path(page.path).read_bytes()
    if page.path.endswith(".gz"):
        raw = gzip.decompress(raw)
    try:
        evidence = html_evidence(raw, page.url, engine=engine)
    except Exception:
        log.warning("no evidence for %s", page.key, exc_info=True)
        return None
    texts = [b.text for b in evidence.blocks]
    certain = np.array([item.label in (Label.TITLE, Label.RESPONSE, Label.RESPONSE_HEADER) or item.reason in CERTAIN
                        for item in evidence.evidence.rule_labels], dtype=bool)
    labels, weights = _labels(page, texts, certain)
    return PageBlocks(page=page, texts=tuple(texts), features=evidence.features(()), tokens=tuple(b.tokens for b in evidence.blocks),
                      labels=labels, weights=weights)


def read_pages(pages: list[Page], jobs: int = 2, *, engine: bool = True) -> Iterator[PageBlocks]:
    """Every page's blocks, in the order of ``pages`` (pages the pipeline refuses are skipped)."""
    with ProcessPoolExecutor(jobs) as pool:
        for found in pool.map(partial(_one, engine=engine), pages, chunksize=4):
            if found is not None:
                yield found
