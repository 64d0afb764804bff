"""Train the metadata arbiter's ranker: candidate rows from the dev pages' ``fit`` half, labelled by gold.

Each HTML page of both dev folders is read as :func:`~cleanpage.pipeline.html.metadata.read_metadata`
reads it; every title candidate (:mod:`cleanpage.pipeline.html.metadata.title_candidates`) gets the
label "matches the gold" under the benchmark's scoring (title: equal after casefold and whitespace
normalisation). The ranker is a conditional logit (a softmax over one page's candidates), fit by
full-batch gradient descent from zero with an L2 penalty: no randomness, the same file every time.
Its penalty is chosen by domain-grouped cross-validation on ``fit`` (page accuracy of the top
candidate); ``check`` pages are only scored, never fit on.

    python -m cleanpage.learn.metadata --data ../shared/data --out src/cleanpage/models/metadata.npz
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from lxml import etree

from cleanpage.learn.dataset import Page, load_pages

__all__ = ["FieldPage", "fit_ranker", "main", "read_field_pages"]

log = logging.getLogger(__name__)

#: folds of the domain-grouped cross-validation, the seed that deals domains to them, the penalties tried
FOLDS, SEED, PENALTIES = 5, 20261207, (0.001, 0.01, 0.1, 1.0)
#: gradient steps and step size (the loss is convex: more steps only refine the same optimum)
STEPS, RATE = 3000, 0.5
#: the fields whose learned ranker beat the hand order on ``check`` (see docs/model.md); the others keep it
SHIPPED = ("title",)


@dataclass(frozen=True, slots=True)
class FieldPage:
    """One page's candidates for one field: rows, labels (1 matches the gold), the hand order's pick."""

    field: str
    page: Page
    rows: np.ndarray
    labels: np.ndarray
    hand: int  # -1 when the hand order picks nothing
    values: tuple[str, ...]  # the candidates' values (for reading failures)
    sources: tuple[frozenset[str], ...]


#: the gold date's parts (the dev set also writes "2022-01.26", "2022-11-1"), as the benchmark reads them
_DATE_PARTS = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")


def _gold_day(text: str) -> _dt.date | None:
    match = _DATE_PARTS.search(text)
    try:
        return _dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def _golds(data: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Each page's gold title (str) and date (a day), where the gold states them."""
    gold: dict[tuple[str, str], dict[str, Any]] = {}
    for corpus in ("wcxb-dev", "extraction-dev"):
        for key, item in json.loads((data / corpus / "evaldata.json").read_text(encoding="utf-8")).items():
            day = _gold_day(str(item.get("date") or ""))
            gold[(corpus, key)] = {"title": str(item.get("title") or "") or None, "date": day}
    return gold


def _tree(page: Page) -> etree._Element | None:
    """The page's parsed tree, or ``None`` for a text dump."""
    from cleanpage import Options
    from cleanpage.pipeline.decode import decode
    from cleanpage.pipeline.html.tree import parse_page
    from cleanpage.pipeline.sniff import sniff
    from cleanpage.result import InputKind

    raw = Path(page.path).read_bytes()
    if page.path.endswith(".gz"):
        raw = gzip.decompress(raw)
    decoded = decode(raw, max_bytes=Options().max_bytes)
    if sniff(decoded.text) is not InputKind.HTML:
        return None
    root, _ = parse_page(decoded.text)
    return root


def _title_page(page: Page, root: etree._Element, gold: str) -> FieldPage | None:
    from cleanpage.pipeline.html.metadata.arbiter import read_title_inputs
    from cleanpage.pipeline.html.metadata.title_candidates import fold, title_candidates, title_row
    from cleanpage.rules import load_rules

    inputs = read_title_inputs(root, load_rules(), page.url)
    candidates = title_candidates(inputs)
    if not candidates:
        return None
    return FieldPage(
        field="title", page=page, rows=np.array([title_row(c, inputs) for c in candidates], dtype=np.float64),
        labels=np.array([fold(c.value) == fold(gold) for c in candidates], dtype=np.float64),
        hand=next((i for i, c in enumerate(candidates) if "hand" in c.sources), -1),
        values=tuple(c.value for c in candidates), sources=tuple(frozenset(c.sources) for c in candidates))


def _date_page(page: Page, root: etree._Element, gold: _dt.date) -> FieldPage | None:
    from cleanpage.pipeline.html.metadata.arbiter import read_date_inputs
    from cleanpage.pipeline.html.metadata.date_candidates import date_candidates, date_rows
    from cleanpage.rules import load_rules

    proposals, url_day = read_date_inputs(root, load_rules(), page.url)
    candidates = date_candidates(proposals)
    if not candidates:
        return None
    return FieldPage(
        field="date", page=page, rows=np.array(date_rows(candidates, url_day), dtype=np.float64),
        labels=np.array([c.day == gold for c in candidates], dtype=np.float64),
        hand=next((i for i, c in enumerate(candidates) if "hand" in c.sources), -1),
        values=tuple(str(c.value) for c in candidates), sources=tuple(frozenset(c.sources) for c in candidates))


def read_field_pages(data: Path) -> list[FieldPage]:
    """Every HTML dev page with a gold title or date, as candidate rows (both splits; in a fixed order).
    A page whose sources propose nothing still counts (as a miss) in the figures: its rows are empty."""
    golds = _golds(data)
    out = []
    for page in load_pages(data):
        gold = golds.get((page.corpus, page.key), {})
        if page.split not in ("fit", "check") or not (gold.get("title") or gold.get("date")):
            continue
        root = _tree(page)
        if root is None:
            continue
        for name, read in (("title", _title_page), ("date", _date_page)):
            if gold.get(name):
                one = read(page, root, gold[name])
                out.append(one if one is not None else _empty(name, page))
    return out


def _empty(name: str, page: Page) -> FieldPage:
    return FieldPage(field=name, page=page, rows=np.zeros((0, 0)), labels=np.zeros(0), hand=-1, values=(), sources=())


def _read(data: Path, cache: Path | None) -> list[FieldPage]:
    """The candidate pages, from ``cache`` when it exists (a pickle this command wrote earlier)."""
    import pickle

    if cache is not None and cache.exists():
        with open(cache, "rb") as handle:
            loaded: list[FieldPage] = pickle.load(handle)  # our own file
        return loaded
    pages = read_field_pages(data)
    if cache is not None:
        with open(cache, "wb") as handle:
            pickle.dump(pages, handle)
    return pages


def _segments(pages: Sequence[FieldPage]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Stacked rows, labels, each row's page index, and each page's first row."""
    rows = np.vstack([p.rows for p in pages])
    labels = np.concatenate([p.labels for p in pages])
    sizes = np.array([len(p.labels) for p in pages])
    owner = np.repeat(np.arange(len(pages)), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return rows, labels, owner, starts


def fit_ranker(pages: Sequence[FieldPage], penalty: float) -> np.ndarray:
    """Weights of a conditional logit over each page's candidates (pages with no right candidate
    teach nothing and are left out), by gradient descent from zero."""
    usable = [p for p in pages if len(p.labels) and p.labels.any()]
    rows, labels, owner, starts = _segments(usable)
    target = labels / np.add.reduceat(labels, starts)[owner]
    weights = np.zeros(rows.shape[1])
    for _ in range(STEPS):
        scores = rows @ weights
        scores -= np.maximum.reduceat(scores, starts)[owner]
        exp = np.exp(scores)
        prob = exp / np.add.reduceat(exp, starts)[owner]
        grad = rows.T @ (prob - target) / len(usable) + penalty * weights
        weights -= RATE * grad
    return weights


def accuracy(pages: Sequence[FieldPage], weights: np.ndarray | None) -> float:
    """Share of pages whose top candidate matches the gold (the hand order's pick when ``weights`` is None)."""
    right = 0
    for p in pages:
        if not len(p.labels):
            continue
        pick = p.hand if weights is None else int(np.argmax(p.rows @ weights))
        right += pick >= 0 and bool(p.labels[pick])
    return right / max(len(pages), 1)


def _folds(pages: Sequence[FieldPage]) -> list[int]:
    domains = sorted({p.page.domain for p in pages})
    order = np.random.RandomState(SEED).permutation(len(domains))
    fold_of = {domains[i]: k % FOLDS for k, i in enumerate(order)}
    return [fold_of[p.page.domain] for p in pages]


def choose_penalty(fit: Sequence[FieldPage]) -> float:
    """The penalty with the best domain-grouped cross-validated accuracy on ``fit``."""
    folds = _folds(fit)
    best, best_acc = PENALTIES[0], -1.0
    for penalty in PENALTIES:
        right = 0.0
        for k in range(FOLDS):
            train = [p for p, f in zip(fit, folds, strict=True) if f != k]
            held = [p for p, f in zip(fit, folds, strict=True) if f == k]
            right += accuracy(held, fit_ranker(train, penalty)) * len(held)
        acc = right / len(fit)
        log.info("penalty %g: cv accuracy %.4f", penalty, acc)
        if acc > best_acc:
            best, best_acc = penalty, acc
    return best


def _report(name: str, pages: Sequence[FieldPage], weights: np.ndarray) -> None:
    for corpus in ("extraction-dev", "wcxb-dev"):
        for split in ("fit", "check"):
            part = [p for p in pages if p.page.corpus == corpus and p.page.split == split]
            log.info("%s %s %s: hand %.3f ranker %.3f oracle %.3f (%d pages)", name, corpus, split,
                     accuracy(part, None), accuracy(part, weights),
                     sum(bool(p.labels.any()) for p in part) / max(len(part), 1), len(part))


def main(argv: Sequence[str] | None = None) -> int:
    from cleanpage.pipeline.html.metadata import date_candidates, title_candidates

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("src/cleanpage/models/metadata.npz"))
    ap.add_argument("--fields", nargs="+", default=list(SHIPPED), help="the fields whose ranker is written")
    ap.add_argument("--cache", type=Path, help="a pickle of the candidate rows (delete it when the pipeline changes)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pages = _read(args.data, args.cache)
    features = {"title": title_candidates.FEATURES, "date": date_candidates.FEATURES}
    arrays: dict[str, np.ndarray] = {}
    for name in ("title", "date"):
        mine = [p for p in pages if p.field == name]
        fit = [p for p in mine if p.page.split == "fit"]
        weights = fit_ranker(fit, choose_penalty(fit))
        _report(name, mine, weights)
        for feature, w in zip(features[name], weights, strict=True):
            log.info("  %-22s %+.3f", feature, w)
        if name in args.fields:
            arrays[f"{name}_features"] = np.array(features[name])
            arrays[f"{name}_weights"] = weights.astype(np.float64)
    with open(args.out, "wb") as handle:
        np.savez(handle, **arrays)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
