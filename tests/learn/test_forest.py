"""The shipped tree ensemble: conversion from LightGBM's dump, evaluation, files, determinism."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest

from cleanpage.learn.convert import forest_from_lightgbm
from cleanpage.models import BLOCK_MODEL, Forest, load_forest
from cleanpage.pipeline.html.features import BASE_FEATURES, feature_names

# two trees in LightGBM's dump format: f0 <= 0.5 ? (f1 <= 2 ? -1 : 0.5) : 2 ; f1 <= 1 ? 0.25 : -0.25
DUMP = {"tree_info": [
    {"tree_structure": {"split_feature": 0, "threshold": 0.5, "decision_type": "<=", "default_left": True,
                        "missing_type": "NaN",
                        "left_child": {"split_feature": 1, "threshold": 2.0, "decision_type": "<=", "default_left": False,
                                       "missing_type": "NaN",
                                       "left_child": {"leaf_value": -1.0}, "right_child": {"leaf_value": 0.5}},
                        "right_child": {"leaf_value": 2.0}}},
    {"tree_structure": {"split_feature": 1, "threshold": 1.0, "decision_type": "<=", "default_left": True,
                        "missing_type": "None",
                        "left_child": {"leaf_value": 0.25}, "right_child": {"leaf_value": -0.25}}},
]}


def _forest() -> Forest:
    return forest_from_lightgbm(DUMP, features=("a", "b"), words=(), cut=0.5, card={"note": "test"})


def _by_hand(a: float, b: float) -> float:
    first = (-1.0 if b <= 2.0 else 0.5) if a <= 0.5 else 2.0
    second = 0.25 if b <= 1.0 else -0.25
    return first + second


def test_margin_follows_the_trees() -> None:
    rows = np.array([[0.1, 0.5], [0.1, 3.0], [0.9, 1.5], [0.5, 2.0], [0.6, 1.0]], dtype=np.float32)
    assert np.allclose(_forest().margin(rows), [_by_hand(a, b) for a, b in rows])
    assert np.allclose(_forest().probability(rows), [1 / (1 + math.exp(-_by_hand(a, b))) for a, b in rows])


def test_missing_values_go_the_default_way() -> None:
    rows = np.array([[np.nan, 0.5], [0.1, np.nan]])
    # NaN in f0: left (default_left); NaN in f1: right in tree 1, left in tree 2
    assert np.allclose(_forest().margin(rows), [-1.0 + 0.25, 0.5 + 0.25])


def test_no_rows_no_scores() -> None:
    assert _forest().probability(np.zeros((0, 2), dtype=np.float32)).shape == (0,)


def test_unsupported_splits_are_refused() -> None:
    bad = {"tree_info": [{"tree_structure": {**DUMP["tree_info"][1]["tree_structure"], "decision_type": "=="}}]}
    with pytest.raises(ValueError, match="decision type"):
        forest_from_lightgbm(bad, features=("a", "b"), words=(), cut=0.5, card={})


def test_file_round_trip_is_exact() -> None:
    buffer = io.BytesIO()
    forest = _forest()
    forest.save(buffer)
    buffer.seek(0)
    back = Forest.read(buffer)
    rows = np.random.RandomState(1).rand(50, 2)
    assert back.card == {"note": "test"} and back.features == ("a", "b") and back.cut == 0.5
    assert np.array_equal(back.margin(rows), forest.margin(rows))


def test_the_shipped_model_reads_the_features_the_pipeline_writes() -> None:
    model = load_forest(BLOCK_MODEL)
    assert model.features == feature_names(model.words)
    assert model.features[: len(BASE_FEATURES)] == BASE_FEATURES
    assert 0.0 < model.cut < 1.0 and int(model.feature.max()) < len(model.features)
    assert {"fit_out_of_fold", "check", "seed"} <= set(model.card)
    rows = np.random.RandomState(0).rand(20, len(model.features)).astype(np.float32)
    assert np.array_equal(model.probability(rows), model.probability(rows.copy()))  # deterministic


def test_float32_rows_decide_as_their_float64_values() -> None:
    # thresholds between two float32 values, and exactly on one: a float32 row must go the way its
    # value does in float64, whatever the threshold's own float32 rounding would say
    near = float(np.float32(0.1))
    dump = {"tree_info": [{"tree_structure": {
        "split_feature": 0, "threshold": threshold, "decision_type": "<=", "default_left": True,
        "missing_type": "None", "left_child": {"leaf_value": 0.0}, "right_child": {"leaf_value": 1.0}}}
        for threshold in (0.1, near, np.nextafter(near, 1.0), 1e300, -1e300)]}
    forest = forest_from_lightgbm(dump, features=("a",), words=(), cut=0.5, card={})
    values = np.array([near, np.nextafter(np.float32(near), np.float32(0)), np.nextafter(np.float32(near), np.float32(1)),
                       0.0, 1.0, np.inf, -np.inf], dtype=np.float32)
    rows32 = values.reshape(-1, 1)
    expected = [sum(float(float(v) > t) for t in (0.1, near, float(np.nextafter(near, 1.0)), 1e300, -1e300))
                for v in values]
    assert forest.margin(rows32).tolist() == expected
    assert forest.margin(rows32).tobytes() == forest.margin(rows32.astype(np.float64)).tobytes()
