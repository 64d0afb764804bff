"""A linear ranker over candidate rows: the metadata arbiter's learned part, evaluated with numpy.

A ranker is a weight vector over named features, stored in a ``.npz`` beside this module (arrays
only: ``<field>_features`` the names, ``<field>_weights`` the weights), trained by
``python -m cleanpage.learn.metadata``. A field the file lacks has no ranker: its hand order stays.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

__all__ = ["METADATA_MODEL", "Ranker", "load_ranker"]

#: the metadata arbiter's weights (trained by ``python -m cleanpage.learn.metadata``; card: docs/model.md)
METADATA_MODEL = "metadata.npz"


@dataclass(frozen=True, slots=True)
class Ranker:
    """Scores candidate rows; the best-scoring candidate is the field's value."""

    features: tuple[str, ...]
    weights: np.ndarray

    def scores(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """One score per row (a row's features in :attr:`features` order)."""
        matrix = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(self.features))
        return np.asarray(matrix @ self.weights, dtype=np.float64)

    def best(self, rows: Sequence[Sequence[float]]) -> int | None:
        """The index of the best row (the first on a tie), or ``None`` when there is none."""
        if not rows:
            return None
        return int(np.argmax(self.scores(rows)))


@functools.lru_cache(maxsize=8)
def load_ranker(field: str, features: tuple[str, ...], name: str = METADATA_MODEL) -> Ranker | None:
    """The packaged ranker of ``field``, or ``None`` when the file has none or was trained on other
    features (a stale file must not score rows it does not describe)."""
    try:
        handle = resources.files("cleanpage.models").joinpath(name).open("rb")
    except FileNotFoundError:
        return None
    with handle, np.load(handle, allow_pickle=False) as data:
        if f"{field}_weights" not in data:
            return None
        stored = tuple(str(n) for n in data[f"{field}_features"])
        if stored != features:
            return None
        return Ranker(features=stored, weights=np.asarray(data[f"{field}_weights"], dtype=np.float64))
