"""A gradient-boosted tree ensemble as flat numpy arrays, evaluated for many rows at once.

Every tree is stored as arrays indexed by node (feature, threshold, left child, right child, leaf
value), padded to the widest tree; a leaf points to itself. Evaluating is then ``depth`` rounds of
array gathers over all rows and all trees together: no Python loop over trees or rows, and the same
arithmetic, in the same order, every time (deterministic to the last bit for a given numpy).

Trees follow LightGBM's convention: a row goes left when ``value <= threshold`` (a missing value,
NaN, goes the node's default way); the margin is the sum of the leaves plus ``bias``, and the
probability its logistic.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

__all__ = ["Forest", "load_forest"]

#: format version written into every model file; a file of another version is refused
FORMAT = 1
#: rows evaluated at once: memory bounded on a huge page, numpy's speed kept on an ordinary one
_CHUNK_ROWS = 8192


@dataclass(frozen=True, eq=False)
class Forest:
    """A binary classifier: ``probability(X)`` for a float32 matrix with ``len(features)`` columns."""

    feature: np.ndarray  # trees × nodes, int32 (a leaf: 0)
    threshold: np.ndarray  # trees × nodes, float64
    left: np.ndarray  # trees × nodes, int32 (a leaf: itself)
    right: np.ndarray
    default_left: np.ndarray  # trees × nodes, bool: where NaN goes
    value: np.ndarray  # trees × nodes, float64 (leaves only)
    depth: int
    bias: float
    #: column names, in order (the base features, then the class/id words)
    features: tuple[str, ...]
    #: the class/id words the model reads (the last columns)
    words: tuple[str, ...]
    #: the decision threshold on the probability, chosen when training
    cut: float
    #: free-form facts about the training run (data, seed, figures), from the file
    card: dict[str, Any]

    def margin(self, x: np.ndarray) -> np.ndarray:
        """The raw score of each row (before the logistic)."""
        rows = x.shape[0]
        if rows == 0:
            return np.zeros(0)
        if rows > _CHUNK_ROWS:
            # a huge page: the walk's temporaries are rows × trees each (300 MB for 250,000 blocks);
            # a chunk of rows at a time bounds them, and every row's arithmetic is its own
            return np.concatenate([self.margin(x[k:k + _CHUNK_ROWS]) for k in range(0, rows, _CHUNK_ROWS)])
        if x.dtype != np.float32:
            x = np.ascontiguousarray(x, dtype=np.float64)
        if np.isnan(x).any():
            return self._margin_missing(x)
        walk = self._walk
        # float32 rows (the block features) are compared with the thresholds rounded down to
        # float32: the same decision as comparing in float64, without widening the rows
        threshold = walk.threshold32 if x.dtype == np.float32 else walk.threshold
        # node ids are doubled (2k for node k): adding the decision (0 left, 1 right) gives the
        # index of the child in ``children``, so one level is two gathers, a compare and an add
        node = np.broadcast_to(walk.roots, (rows, walk.roots.size)).copy()
        cells = (np.arange(rows) * x.shape[1])[:, None]
        flat_x = np.ascontiguousarray(x).ravel()
        for _ in range(self.depth):
            node += flat_x.take(cells + walk.feature.take(node)) > threshold.take(node)
            node = walk.children.take(node)
        margin: np.ndarray = walk.value.take(node).sum(axis=1) + self.bias
        return margin

    @functools.cached_property
    def _walk(self) -> _Walk:
        """The flat arrays :meth:`margin` walks, built once per model."""
        return _Walk.of(self)

    def _margin_missing(self, x: np.ndarray) -> np.ndarray:
        """:meth:`margin` for rows with NaN values: a missing value goes the node's default way."""
        rows, trees = x.shape[0], self.feature.shape[0]
        node = np.zeros((rows, trees), dtype=np.int32)
        tree = np.arange(trees)[None, :]
        row = np.arange(rows)[:, None]
        for _ in range(self.depth):
            values = x[row, self.feature[tree, node]]
            go_left = np.where(np.isnan(values), self.default_left[tree, node], values <= self.threshold[tree, node])
            node = np.where(go_left, self.left[tree, node], self.right[tree, node])
        margin: np.ndarray = self.value[tree, node].sum(axis=1) + self.bias
        return margin

    def probability(self, x: np.ndarray) -> np.ndarray:
        """The probability of each row being main content (the margin's logistic)."""
        probability: np.ndarray = 1.0 / (1.0 + np.exp(-self.margin(x)))
        return probability

    # -- files ------------------------------------------------------------------------------
    def save(self, target: Path | BinaryIO) -> None:
        """Write the model as a compressed ``.npz`` (arrays and a JSON header; no pickles)."""
        header = {"format": FORMAT, "depth": self.depth, "bias": self.bias, "features": list(self.features),
                  "words": list(self.words), "cut": self.cut, "card": self.card}
        if isinstance(target, Path):
            with open(target, "wb") as handle:
                self.save(handle)
            return
        np.savez_compressed(
            target, feature=self.feature, threshold=self.threshold, left=self.left, right=self.right,
            default_left=self.default_left, value=self.value,
            header=np.frombuffer(json.dumps(header, sort_keys=True).encode("utf-8"), dtype=np.uint8),
        )

    @classmethod
    def read(cls, source: Any) -> Forest:
        with np.load(source, allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            if header.get("format") != FORMAT:
                raise ValueError(f"model format {header.get('format')!r} is not {FORMAT}")
            return cls(
                feature=data["feature"], threshold=data["threshold"], left=data["left"], right=data["right"],
                default_left=data["default_left"], value=data["value"], depth=int(header["depth"]),
                bias=float(header["bias"]), features=tuple(header["features"]), words=tuple(header["words"]),
                cut=float(header["cut"]), card=dict(header["card"]),
            )


@dataclass(frozen=True)
class _Walk:
    """A forest's nodes as flat arrays indexed by doubled node id (``2 * (tree * width + node)``,
    each entry twice): the node's feature, its threshold (float64 and rounded down to float32),
    its leaf value, and at ``2k`` / ``2k + 1`` the doubled ids of node k's left / right child."""

    roots: np.ndarray  # the doubled id of every tree's root
    feature: np.ndarray
    threshold: np.ndarray
    threshold32: np.ndarray
    children: np.ndarray
    value: np.ndarray

    @classmethod
    def of(cls, forest: Forest) -> _Walk:
        trees, width = forest.feature.shape
        offset = (np.arange(trees) * width)[:, None]
        children = 2 * np.stack([forest.left + offset, forest.right + offset], axis=2).ravel().astype(np.intp)
        threshold = forest.threshold.ravel().astype(np.float64)
        # the largest float32 at or below each threshold: for a float32 x, x > t32 exactly when x > t
        with np.errstate(over="ignore"):  # a threshold past float32's range becomes an infinity, stepped back below
            threshold32 = threshold.astype(np.float32)
        above = threshold32.astype(np.float64) > threshold
        threshold32[above] = np.nextafter(threshold32[above], np.float32(-np.inf))
        return cls(roots=2 * offset.ravel().astype(np.intp),
                   feature=np.repeat(forest.feature.ravel().astype(np.intp), 2),
                   threshold=np.repeat(threshold, 2), threshold32=np.repeat(threshold32, 2),
                   children=children, value=np.repeat(forest.value.ravel(), 2))


@functools.lru_cache(maxsize=4)
def load_forest(name: str) -> Forest:
    """A packaged model by file name, read once per process (the file is immutable package data)."""
    with resources.files("cleanpage.models").joinpath(name).open("rb") as handle:
        return Forest.read(handle)
