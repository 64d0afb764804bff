"""A trained LightGBM booster as a :class:`~cleanpage.models.Forest` (flat numpy arrays)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from cleanpage.models.forest import Forest

__all__ = ["forest_from_lightgbm"]


def _flatten(tree: dict[str, Any]) -> tuple[list[tuple[int, float, int, int, bool, float]], int]:
    """Nodes of one tree in breadth-first order, as (feature, threshold, left, right, default_left,
    value); a leaf points to itself. Also the tree's depth."""
    nodes: list[tuple[int, float, int, int, bool, float]] = []
    queue: list[tuple[dict[str, Any], int]] = [(tree, 0)]
    slots: list[dict[str, Any]] = []
    depth = 0
    while queue:
        node, level = queue.pop(0)
        depth = max(depth, level)
        slots.append(node)
        if "leaf_value" not in node:
            queue.append((node["left_child"], level + 1))
            queue.append((node["right_child"], level + 1))
    index = {id(node): k for k, node in enumerate(slots)}
    for k, node in enumerate(slots):
        if "leaf_value" in node:
            nodes.append((0, 0.0, k, k, True, float(node["leaf_value"])))
            continue
        if node.get("decision_type", "<=") != "<=":
            raise ValueError(f"unsupported decision type {node.get('decision_type')!r}")
        if node.get("missing_type", "None") == "Zero":
            raise ValueError("zero-as-missing splits are not supported")
        nodes.append((int(node["split_feature"]), float(node["threshold"]), index[id(node["left_child"])],
                      index[id(node["right_child"])], bool(node.get("default_left", True)), 0.0))
    return nodes, depth


def forest_from_lightgbm(dump: dict[str, Any], *, features: Sequence[str], words: Sequence[str], cut: float,
                         card: dict[str, Any]) -> Forest:
    """Convert ``booster.dump_model()`` of a binary model into a :class:`Forest`."""
    trees = [_flatten(info["tree_structure"]) for info in dump["tree_info"]]
    width = max((len(nodes) for nodes, _ in trees), default=1)
    count = len(trees)
    feature = np.zeros((count, width), dtype=np.int32)
    threshold = np.zeros((count, width), dtype=np.float64)
    left = np.zeros((count, width), dtype=np.int32)
    right = np.zeros((count, width), dtype=np.int32)
    default_left = np.ones((count, width), dtype=bool)
    value = np.zeros((count, width), dtype=np.float64)
    for t, (nodes, _depth) in enumerate(trees):
        for k, (f, thr, lo, hi, dflt, val) in enumerate(nodes):
            feature[t, k], threshold[t, k], left[t, k], right[t, k] = f, thr, lo, hi
            default_left[t, k], value[t, k] = dflt, val
        for k in range(len(nodes), width):  # padding: self-pointing leaves of value 0
            left[t, k] = right[t, k] = k
    return Forest(feature=feature, threshold=threshold, left=left, right=right, default_left=default_left,
                  value=value, depth=max((d for _, d in trees), default=0), bias=0.0, features=tuple(features),
                  words=tuple(words), cut=cut, card=card)
