"""The block model's second look: columns of the first model's scores around each block.

The first model (:mod:`.decide`) scores each block from its own row and a few neighbour columns of
rule and engine evidence; it never sees what it said of the blocks around it. A second model
(``learn.train --stack``) reads the block's row again beside these columns of the first model's
scores: its neighbours' scores (one and two blocks before and after), their means over windows of 3
and 10 blocks each side (as the first model's own window columns), the page's mean, maximum and upper decile over the decidable blocks, the block's rank
among them, the mean score of its kin (the blocks with its tag group and class/id words: one
template) and the share of the page's decidable words the first model keeps. A listing's items the
first model scores just under its cut, together, on a page where it keeps little else, are what the
second look is for. It is trained on the first model's out-of-fold scores (docs/model.md).

Numpy only, a few vector operations per page; the same numbers every time for the same scores.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cleanpage.pipeline.html.features import BASE_FEATURES, window_mean

__all__ = ["STAGE2_FEATURES", "STAGE2_SUFFIX", "kin_ids", "stage2_columns"]

#: the columns :func:`stage2_columns` writes, in order; a second-stage model's names end with them
STAGE2_FEATURES: tuple[str, ...] = (
    "s1_score", "s1_prev1", "s1_prev2", "s1_next1", "s1_next2", "s1_window3", "s1_window10",
    "s1_page_mean", "s1_page_max", "s1_page_q90", "s1_rank", "s1_kin_mean", "s1_kept_words",
)
#: a first-stage model file ``NAME.npz`` has its second stage beside it as ``NAME-stage2.npz``
#: (its card's ``stage2.file`` says so)
STAGE2_SUFFIX = "-stage2.npz"
#: the upper quantile of the page's decidable scores
_UPPER = 0.9
_TAG_COLUMNS = [k for k, name in enumerate(BASE_FEATURES) if name.startswith("tag_")]


def kin_ids(rows: np.ndarray, tokens: Sequence[frozenset[str]]) -> np.ndarray:
    """Each block's kin group id, from its feature row's tag-group one-hots and its class/id words:
    one id per (tag group, words) the page uses, in order of first use (the groups
    ``features._kin_ids`` makes from the blocks; read from the rows, so that the trainer's cached
    rows and the pipeline give the same ids)."""
    onehot = rows[:, _TAG_COLUMNS]
    group = np.where(onehot.max(axis=1) > 0, onehot.argmax(axis=1), -1) if len(rows) else np.zeros(0, dtype=np.intp)
    ids: dict[tuple[int, frozenset[str]], int] = {}
    return np.array([ids.setdefault((int(g), words), len(ids)) for g, words in zip(group.tolist(), tokens)],
                    dtype=np.intp)


def _shifted(values: np.ndarray, by: int) -> np.ndarray:
    """``values`` moved ``by`` places (positive: the block ``by`` before; negative: after), zero past
    the page's ends (a first model's score of a block that is not there: nothing)."""
    out = np.zeros_like(values)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def stage2_columns(scores: np.ndarray, decidable: np.ndarray, kin: np.ndarray, words: np.ndarray,
                   cut: float) -> np.ndarray:
    """The :data:`STAGE2_FEATURES` of a page's blocks (blocks × 13, float32).

    ``scores``: the first model's probability of every block, in page order; ``decidable``: the
    blocks the model decides (not the rules' certain ones), over which the page's figures are taken;
    ``kin``: each block's kin group id (``features._kin_ids``, or ``learn.train.kin_ids`` on cached
    rows); ``words``: each block's word count; ``cut``: the first model's decision cut.
    """
    n = len(scores)
    s = scores.astype(np.float64)
    if n == 0:
        return np.zeros((0, len(STAGE2_FEATURES)), dtype=np.float32)
    mine = s[decidable]
    if mine.size:
        mean, top, upper = float(mine.mean()), float(mine.max()), float(np.quantile(mine, _UPPER))
        ordered = np.sort(mine)
        rank = np.searchsorted(ordered, s, side="left") / mine.size
        total = float(words[decidable].sum())
        kept = float(words[decidable & (s >= cut)].sum()) / total if total > 0 else 0.0
    else:
        mean = top = upper = kept = 0.0
        rank = np.zeros(n)
    kin_mean = (np.bincount(kin, s) / np.maximum(np.bincount(kin), 1))[kin]
    columns = [s, _shifted(s, 1), _shifted(s, 2), _shifted(s, -1), _shifted(s, -2), window_mean(s, 3), window_mean(s, 10),
               np.full(n, mean), np.full(n, top), np.full(n, upper), rank, kin_mean, np.full(n, kept)]
    return np.stack(columns, axis=1).astype(np.float32)
