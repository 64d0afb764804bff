"""Train the block model: ``python -m cleanpage.learn.train [--data ../shared/data] [--out FILE]``.

What it does, in order (every step deterministic: fixed seed, pages in sorted order, one thread
count, so the same data gives the same file byte for byte):

1. runs every development page through the HTML stages and labels its blocks
   (:mod:`cleanpage.learn.dataset`);
2. picks the class/id words the model may read: those on at least :data:`MIN_DOMAINS` web domains of
   the ``fit`` pages (a word one site uses says nothing about the web);
3. trains LightGBM on the ``fit`` pages only, and chooses the decision cut by out-of-fold
   predictions (folds by web domain) that maximise the mean page score on ``fit``;
4. measures the model on ``check`` (never used for a choice) and writes both figures into the
   model's card, beside the rule classifier's on the same pages;
5. converts the trees to flat arrays (:class:`cleanpage.models.Forest`) and writes the ``.npz``.

Needs the ``[train]`` extra (lightgbm, scikit-learn is not needed).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cleanpage.learn.align import tokens
from cleanpage.learn.dataset import CERTAIN as _CERTAIN_LABEL
from cleanpage.learn.dataset import PageBlocks, load_pages, read_pages
from cleanpage.pipeline.html.features import BASE_FEATURES, feature_names
from cleanpage.pipeline.html.kin import KIN_FEATURES, kin_columns
from cleanpage.pipeline.html.stacked import STAGE2_FEATURES, STAGE2_SUFFIX, kin_ids, stage2_columns

__all__ = ["main"]

log = logging.getLogger(__name__)

SEED = 20261206
FOLDS = 5
#: a class/id word must be used on this many fit domains to be a feature
MIN_DOMAINS = 15
MAX_WORDS = 100
ROUNDS = 150
PARAMS: dict[str, Any] = {
    "objective": "binary", "learning_rate": 0.08, "num_leaves": 24, "max_depth": 7, "min_data_in_leaf": 200,
    "lambda_l2": 5.0, "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "seed": SEED,
    "deterministic": True, "force_row_wise": True, "num_threads": 2, "verbose": -1,
}
CUTS = tuple(round(0.2 + 0.05 * k, 2) for k in range(9))
#: out-of-fold objectives this close are a tie: dealing the fit domains into folds another way
#: alone moves the best cut's figure by about 0.002 (docs/model.md)
CUT_TIE = 0.001
#: the snippet figure counts this many times in the cut's objective; the card records it
#: (``snippet_weight``), so a model file says which objective chose its cut. 1.0 is the plain sum,
#: which chose the shipped cut. 2.0 was tried in session 9 (docs/model.md, "The kin again"): on the
#: shipped features it moved the cut from 0.45 to 0.50 (WCXB fit out of fold 0.8625 -> 0.8572 for
#: snippets 0.9435 -> 0.9475), and with the three kin columns it picked cut 0.40, whose snippets
#: still fell under the bar on ``check`` (0.937 against 0.941); so the plain sum stays
SNIPPET_WEIGHT = 1.0


def choose_cut(objective: dict[float, float]) -> float:
    """The cut to ship, from each cut's out-of-fold objective (the two corpora's scores, the
    snippet score counted :data:`SNIPPET_WEIGHT` times). Within a tie of the best the highest cut
    wins: it keeps less, and a boilerplate block kept in the body (a related link, a "Posted on …
    by" line) is the error a reader sees; the hand-written fixture checks are the first to fail at
    the lower cuts."""
    best = max(objective.values())
    return max(c for c, v in objective.items() if v >= best - CUT_TIE)

_TITLE = BASE_FEATURES.index("rule_title")
_RULE_BODY = BASE_FEATURES.index("rule_body")
_RESPONSE = BASE_FEATURES.index("rule_response")


def choose_words(pages: Sequence[PageBlocks]) -> tuple[str, ...]:
    """Class/id words seen on at least MIN_DOMAINS fit domains, most widespread first."""
    domains: defaultdict[str, set[str]] = defaultdict(set)
    for pb in pages:
        if pb.page.split != "fit":
            continue
        seen: set[str] = set()
        for words in pb.tokens:
            seen |= words
        for word in seen:
            domains[word].add(pb.page.domain)
    common = [w for w, d in domains.items() if len(d) >= MIN_DOMAINS]
    return tuple(sorted(common, key=lambda w: (-len(domains[w]), w))[:MAX_WORDS])


_KEPT = BASE_FEATURES.index("engine_kept")
_PROSE = BASE_FEATURES.index("is_prose")


def kin_from_rows(pb: PageBlocks) -> np.ndarray:
    """The page's :data:`KIN_FEATURES`, from its rows (tag-group one-hots, engine vote, prose test)
    and class/id words: the numbers :func:`~cleanpage.pipeline.html.features.features` writes with
    ``kin=True``, so that a cache of base rows serves both models."""
    kin = kin_ids(pb.features, pb.tokens)
    chars = np.array([len(text) for text in pb.texts], dtype=np.float64)
    return kin_columns(kin, chars, pb.features[:, _KEPT].astype(np.float64),
                       pb.features[:, _PROSE].astype(np.float64)).astype(np.float32)


def matrix(pb: PageBlocks, words: Sequence[str], kin: bool = False) -> np.ndarray:
    """The page's full feature matrix: base features, the kin's if ``kin``, then one column per
    class/id word."""
    width = len(BASE_FEATURES) + (len(KIN_FEATURES) if kin else 0)
    if not len(pb.features):
        return np.zeros((0, width + len(words)), dtype=np.float32)
    extra = np.zeros((len(pb.features), len(words)), dtype=np.float32)
    column = {w: k for k, w in enumerate(words)}
    for row, block_words in enumerate(pb.tokens):
        for word in block_words:
            k = column.get(word)
            if k is not None:
                extra[row, k] = 1.0
    return np.hstack([pb.features, kin_from_rows(pb), extra] if kin else [pb.features, extra])


def _word_f1(predicted: str, gold: str) -> float:
    p, g = Counter(tokens(predicted)), Counter(tokens(gold))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def page_scores(pages: Sequence[PageBlocks], keep: Callable[[PageBlocks], np.ndarray]) -> dict[str, float]:
    """The benchmark's figures on blocks: WCXB mean word F1 (forum replies counted, as the benchmark
    does) and extraction-dev snippet F1 (comment snippets count as ``without``)."""
    f1s: list[float] = []
    tp = fp = fn = 0
    for pb in pages:
        chosen = keep(pb) if len(pb.features) else np.zeros(0, dtype=bool)
        if pb.page.page_type == "forum" and len(pb.features):
            chosen = chosen | (pb.features[:, _RESPONSE] > 0)
        text = "\n".join(t for t, k in zip(pb.texts, chosen) if k)
        if pb.page.corpus == "wcxb-dev":
            if pb.page.gold_text:
                f1s.append(_word_f1(text, pb.page.gold_text))
            continue
        body = " ".join(text.split())
        for snippet in pb.page.with_:
            if " ".join(snippet.split()) in body:
                tp += 1
            else:
                fn += 1
        fp += sum(1 for snippet in pb.page.without if " ".join(snippet.split()) in body)
    return {"wcxb_word_f1": float(np.mean(f1s)) if f1s else 0.0,
            "snippet_f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0, "pages": len(pages)}


#: a page's feature matrix, one row per block
Rows = Callable[[PageBlocks], np.ndarray]


def _stack(pages: Sequence[PageBlocks], rows: Rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for pb in pages:
        known = pb.labels >= 0
        if known.any():
            xs.append(rows(pb)[known])
            ys.append(pb.labels[known])
            ws.append(pb.weights[known])
    # every page weighs one in all: scale so that the weights' sum is about the row count
    weights = np.concatenate(ws)
    return np.vstack(xs), np.concatenate(ys), weights * (len(weights) / weights.sum())


def _train(pages: Sequence[PageBlocks], rows: Rows) -> Any:
    import lightgbm as lgb

    x, y, w = _stack(pages, rows)
    return lgb.train(PARAMS, lgb.Dataset(x, y, weight=w, free_raw_data=True), ROUNDS)


def _out_of_fold(fit: Sequence[PageBlocks], fold_of: dict[str, int], rows: Rows) -> dict[str, np.ndarray]:
    """Every ``fit`` page's scores from the model trained on the other folds' domains."""
    oof: dict[str, np.ndarray] = {}
    for k in range(FOLDS):
        booster = _train([pb for pb in fit if fold_of[pb.page.domain] != k], rows)
        for pb in fit:
            if fold_of[pb.page.domain] == k and len(pb.features):
                oof[pb.page.key] = booster.predict(rows(pb))
        log.info("fold %d done", k + 1)
    return oof


def _cut(fit: Sequence[PageBlocks], oof: dict[str, np.ndarray]) -> tuple[float, dict[float, dict[str, float]]]:
    """The cut :func:`choose_cut` picks on out-of-fold scores, and every cut's figures."""
    by_cut = {cut: page_scores(fit, _keeper(oof, cut)) for cut in CUTS}
    return choose_cut({c: v["wcxb_word_f1"] + SNIPPET_WEIGHT * v["snippet_f1"] for c, v in by_cut.items()}), by_cut


def stage2_rows(words: Sequence[str], kin: bool, scores: dict[str, np.ndarray], cut: float) -> Rows:
    """The second stage's rows of a page (:mod:`cleanpage.pipeline.html.stacked`): the first stage's
    row, then the columns of the first stage's ``scores`` (out of fold on ``fit``) around each block."""
    def rows(pb: PageBlocks) -> np.ndarray:
        decidable = pb.labels != _CERTAIN_LABEL
        words_in = np.array([len(text.split()) for text in pb.texts], dtype=np.float64)
        second = stage2_columns(scores[pb.page.key], decidable, kin_ids(pb.features, pb.tokens), words_in, cut)
        return np.hstack([matrix(pb, words, kin), second])

    return rows


def _keeper(probabilities: dict[str, np.ndarray], cut: float) -> Callable[[PageBlocks], np.ndarray]:
    """The pipeline's decision (:func:`cleanpage.pipeline.html.decide.decide`) on a page's blocks."""
    def keep(pb: PageBlocks) -> np.ndarray:
        p = probabilities[pb.page.key]
        chosen = (p >= cut) & (pb.features[:, _TITLE] <= 0) & (pb.features[:, _RESPONSE] <= 0)
        decidable = pb.labels != _CERTAIN_LABEL
        if not (chosen & decidable).any():
            return pb.features[:, _RULE_BODY] > 0  # the model kept nothing: the rules' labels stand
        return chosen

    return keep


def _folds(pages: Sequence[PageBlocks]) -> dict[str, int]:
    domains = sorted({pb.page.domain for pb in pages})
    order = np.random.RandomState(SEED).permutation(len(domains))
    return {domains[i]: k % FOLDS for k, i in enumerate(order)}


def _read(data: Path, jobs: int, cache: Path | None, engine: bool) -> list[PageBlocks]:
    """The labelled pages, from ``cache`` when it exists (a pickle this command wrote earlier, for
    trying settings without re-running the pipeline; delete it when the pipeline changes).

    The cache records whether the engine voted: its rows hold the engine's vote or not, so a cache
    written for one model is rebuilt, not read, for the other (a shared cache once trained the
    no-engine file on rows with the engine's vote, and wrote the same card for both)."""
    import pickle

    if cache is not None and cache.exists():
        with open(cache, "rb") as handle:
            loaded = pickle.load(handle)
        if isinstance(loaded, dict) and loaded.get("engine") is engine:
            pages: list[PageBlocks] = loaded["pages"]
            return pages
        log.warning("%s was written %s; reading the pages again", cache,
                    "by an older trainer" if not isinstance(loaded, dict) else
                    f"with engine={loaded.get('engine')}")
    pages = list(read_pages(load_pages(data), jobs=jobs, engine=engine))
    if cache is not None:
        with open(cache, "wb") as handle:
            pickle.dump({"engine": engine, "pages": pages}, handle)
    return pages


def train(
    data: Path, jobs: int, cache: Path | None = None, *, engine: bool = True, kin: bool = False, stack: bool = False
) -> tuple[list[Any], tuple[str, ...], list[float], dict[str, Any]]:
    """The boosters (the first stage's, then the second's if ``stack``), the class/id words, each
    stage's cut and the card."""
    pages = _read(data, jobs, cache, engine)
    fit = [pb for pb in pages if pb.page.split == "fit"]
    check = [pb for pb in pages if pb.page.split == "check"]
    words = choose_words(pages)
    log.info("%d fit pages, %d check pages, %d class/id words", len(fit), len(check), len(words))
    fold_of = _folds(fit)
    def first(pb: PageBlocks) -> np.ndarray:
        return matrix(pb, words, kin)

    oof = _out_of_fold(fit, fold_of, first)
    fit = [pb for pb in fit if pb.page.key in oof]
    cut, by_cut = _cut(fit, oof)
    booster = _train(fit, first)
    held = {pb.page.key: booster.predict(first(pb)) for pb in check if len(pb.features)}
    check = [pb for pb in check if pb.page.key in held]
    rules = BASE_FEATURES.index("rule_body")
    card = {
        "seed": SEED, "rounds": ROUNDS, "params": {k: v for k, v in PARAMS.items() if k != "verbose"},
        "min_domains": MIN_DOMAINS, "cut": cut, "snippet_weight": SNIPPET_WEIGHT, "kin": kin,
        "fit_pages": len(fit), "check_pages": len(check),
        "fit_out_of_fold": by_cut[cut], "check": page_scores(check, _keeper(held, cut)),
        "rules_fit": page_scores(fit, lambda pb: pb.features[:, rules] > 0),
        "rules_check": page_scores(check, lambda pb: pb.features[:, rules] > 0),
        "cuts_fit_out_of_fold": {str(c): v for c, v in by_cut.items()},
    }
    if not stack:
        return [booster], words, [cut], card
    # the second stage learns from the first's out-of-fold scores (what it will see on a new page),
    # out of fold in turn on the same domain folds to choose its cut
    oof2 = _out_of_fold(fit, fold_of, stage2_rows(words, kin, oof, cut))
    cut2, by_cut2 = _cut(fit, oof2)
    booster2 = _train(fit, stage2_rows(words, kin, oof, cut))
    check_rows = stage2_rows(words, kin, held, cut)
    held2 = {pb.page.key: booster2.predict(check_rows(pb)) for pb in check}
    card["stage2"] = {
        "cut": cut2, "fit_out_of_fold": by_cut2[cut2], "check": page_scores(check, _keeper(held2, cut2)),
        "cuts_fit_out_of_fold": {str(c): v for c, v in by_cut2.items()},
    }
    return [booster, booster2], words, [cut, cut2], card


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parents[3]
    parser.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models" / "blocks.npz")
    parser.add_argument("--jobs", type=int, default=2, help="processes that read pages (the trees use 2 threads)")
    parser.add_argument("--cache", type=Path, help="keep the labelled pages in this pickle between runs")
    parser.add_argument("--no-engine", action="store_true",
                        help="the model for pages cleaned without trafilatura (Options(use_trafilatura=False))")
    parser.add_argument("--stack", action="store_true",
                        help="also train the second stage over the first's scores (pipeline.html.stacked; written "
                             "beside --out as NAME-stage2.npz)")
    parser.add_argument("--kin", action="store_true",
                        help="also read the block's kin (pipeline.html.kin, off on a page that reads as an article); "
                             "not shipped, see docs/model.md")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    for noisy in ("trafilatura", "htmldate", "courlan", "readability"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    from cleanpage.learn.convert import forest_from_lightgbm

    boosters, words, cuts, card = train(args.data, args.jobs, args.cache, engine=not args.no_engine, kin=args.kin,
                                        stack=args.stack)
    card["engine"] = not args.no_engine
    names = feature_names(words, kin=args.kin)
    if args.stack:
        second = args.out.with_name(args.out.stem + STAGE2_SUFFIX)
        card["stage2"]["file"] = second.name
        forest_from_lightgbm(boosters[1].dump_model(), features=names + STAGE2_FEATURES, words=words, cut=cuts[1],
                             card={"stage": 2, "first": args.out.name}).save(second)
        log.info("wrote %s (cut %.2f)\nfit (out of fold): %s\ncheck: %s", second, cuts[1],
                 card["stage2"]["fit_out_of_fold"], card["stage2"]["check"])
    forest = forest_from_lightgbm(boosters[0].dump_model(), features=names, words=words, cut=cuts[0], card=card)
    forest.save(args.out)
    log.info("wrote %s (%d trees, cut %.2f)\nfit (out of fold): %s\ncheck: %s", args.out, forest.feature.shape[0],
             cuts[0], card["fit_out_of_fold"], card["check"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
