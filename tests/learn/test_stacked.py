"""The block model's second look: the columns of the first stage's scores, and two stages run together."""

from __future__ import annotations

import io

import numpy as np
import pytest

from cleanpage.learn.convert import forest_from_lightgbm
from cleanpage.learn.evidence import html_evidence
from cleanpage.models import Forest
from cleanpage.pipeline.blocks import Label
from cleanpage.pipeline.html.decide import decide
from cleanpage.pipeline.html.features import BASE_FEATURES, feature_names
from cleanpage.pipeline.html.stacked import STAGE2_FEATURES, kin_ids, stage2_columns

SCORES = np.array([0.1, 0.9, 0.8, 0.2, 0.6])
DECIDABLE = np.array([True, True, True, False, True])
KIN = np.array([0, 1, 1, 2, 1])
WORDS = np.array([5.0, 10.0, 10.0, 3.0, 20.0])


def _column(name: str) -> np.ndarray:
    return stage2_columns(SCORES, DECIDABLE, KIN, WORDS, 0.5)[:, STAGE2_FEATURES.index(name)]


def test_neighbour_scores_are_zero_past_the_page_ends() -> None:
    assert np.allclose(_column("s1_score"), SCORES)
    assert np.allclose(_column("s1_prev1"), [0.0, 0.1, 0.9, 0.8, 0.2])
    assert np.allclose(_column("s1_prev2"), [0.0, 0.0, 0.1, 0.9, 0.8])
    assert np.allclose(_column("s1_next1"), [0.9, 0.8, 0.2, 0.6, 0.0])
    assert np.allclose(_column("s1_next2"), [0.8, 0.2, 0.6, 0.0, 0.0])


def test_windows_are_clipped_at_the_ends() -> None:
    # radius 3: block 0 sees blocks 0..3, block 4 sees blocks 1..4
    window = _column("s1_window3")
    assert window[0] == pytest.approx((0.1 + 0.9 + 0.8 + 0.2) / 4)
    assert window[4] == pytest.approx((0.9 + 0.8 + 0.2 + 0.6) / 4)
    assert np.allclose(_column("s1_window10"), SCORES.mean())


def test_page_figures_count_only_decidable_blocks() -> None:
    decided = np.array([0.1, 0.9, 0.8, 0.6])
    assert np.allclose(_column("s1_page_mean"), decided.mean())
    assert np.allclose(_column("s1_page_max"), 0.9)
    assert np.allclose(_column("s1_page_q90"), np.quantile(decided, 0.9))
    # the share of the decidable blocks scoring below each block's score
    assert np.allclose(_column("s1_rank"), [0.0, 0.75, 0.5, 0.25, 0.25])
    # words of decidable blocks at or over the cut: 10 + 10 + 20 of 45 (block 3's 3 words not counted)
    assert np.allclose(_column("s1_kept_words"), 40.0 / 45.0, atol=1e-6)


def test_kin_mean_is_the_mean_over_each_template() -> None:
    assert np.allclose(_column("s1_kin_mean"), [0.1, (0.9 + 0.8 + 0.6) / 3, (0.9 + 0.8 + 0.6) / 3, 0.2,
                                                (0.9 + 0.8 + 0.6) / 3])


def test_a_page_with_nothing_to_decide_has_zero_page_figures() -> None:
    out = stage2_columns(SCORES, np.zeros(5, dtype=bool), KIN, WORDS, 0.5)
    for name in ("s1_page_mean", "s1_page_max", "s1_page_q90", "s1_rank", "s1_kept_words"):
        assert not out[:, STAGE2_FEATURES.index(name)].any()
    assert stage2_columns(np.zeros(0), np.zeros(0, dtype=bool), np.zeros(0, dtype=np.intp), np.zeros(0),
                          0.5).shape == (0, len(STAGE2_FEATURES))


def test_kin_ids_follow_tag_group_and_class_words() -> None:
    tags = [k for k, name in enumerate(BASE_FEATURES) if name.startswith("tag_")]
    rows = np.zeros((4, len(BASE_FEATURES)), dtype=np.float32)
    rows[0, tags[0]] = rows[1, tags[0]] = rows[2, tags[1]] = 1.0  # block 3: no tag group
    words = (frozenset({"card"}), frozenset({"card"}), frozenset({"card"}), frozenset())
    assert kin_ids(rows, words).tolist() == [0, 0, 1, 2]
    assert kin_ids(rows, (frozenset(), frozenset({"x"}), frozenset(), frozenset())).tolist() == [0, 1, 2, 3]


def _leaf_tree(feature: int, threshold: float, low: float, high: float) -> dict[str, object]:
    return {"tree_structure": {"split_feature": feature, "threshold": threshold, "decision_type": "<=",
                               "default_left": True, "missing_type": "None",
                               "left_child": {"leaf_value": low}, "right_child": {"leaf_value": high}}}


def _two_stages() -> tuple[Forest, Forest]:
    """A first stage that keeps prose, and a second that keeps a block only where its next block's
    first-stage score is high, both written to a file and read back as a shipped model would be."""
    names = feature_names(())
    first = forest_from_lightgbm({"tree_info": [_leaf_tree(BASE_FEATURES.index("is_prose"), 0.5, -3.0, 3.0)]},
                                 features=names, words=(), cut=0.5, card={})
    after = len(names) + STAGE2_FEATURES.index("s1_next1")
    second = forest_from_lightgbm({"tree_info": [_leaf_tree(after, 0.5, -2.0, 2.0)]},
                                  features=names + STAGE2_FEATURES, words=(), cut=0.5, card={"stage": 2})
    out = []
    for forest in (first, second):
        handle = io.BytesIO()
        forest.save(handle)
        handle.seek(0)
        out.append(Forest.read(handle))
    return out[0], out[1]


PROSE = ("The council met on Tuesday evening to discuss the plan for the new library building, and several "
         "residents spoke in favour of the proposal while others asked about its cost.")
PAGE = f"""<html><head><title>Library plan backed</title></head><body><main><article>
<h1>Library plan backed</h1><p>{PROSE}</p><p>{PROSE} The vote was close.</p><p>{PROSE} Work starts in May.</p>
<p>Share this story</p></article></main></body></html>"""


def test_two_stages_decide_deterministically() -> None:
    first, second = _two_stages()
    read = html_evidence(PAGE.encode(), None, engine=False)
    runs = [decide(read.blocks, read.evidence, model=first, second=second) for _ in range(2)]
    assert runs[0] == runs[1]
    body = [item.block.text for item in runs[0] if item.label is Label.BODY]
    # the last paragraph is kept by the first stage but not the second: the block after it is no prose
    assert body == [PROSE, f"{PROSE} The vote was close."]
    alone = decide(read.blocks, read.evidence, model=first)  # its card names no second stage
    assert [item.block.text for item in alone if item.label is Label.BODY] == [
        PROSE, f"{PROSE} The vote was close.", f"{PROSE} Work starts in May."]
    scores = [item.score for item in runs[0] if item.label is not Label.TITLE]
    assert all(score is not None and 0.0 < score < 1.0 for score in scores)


def test_a_second_stage_on_other_columns_is_refused() -> None:
    first, second = _two_stages()
    wrong = forest_from_lightgbm({"tree_info": [_leaf_tree(0, 0.5, -1.0, 1.0)]}, features=first.features,
                                 words=(), cut=0.5, card={})
    read = html_evidence(PAGE.encode(), None, engine=False)
    with pytest.raises(ValueError, match="second stage"):
        decide(read.blocks, read.evidence, model=first, second=wrong)
    assert decide(read.blocks, read.evidence, model=first, second=second)
