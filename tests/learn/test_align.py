"""The aligner puts a gold main text onto blocks: in order, whole words, no chance matches."""

from __future__ import annotations

from cleanpage.learn.align import block_coverage, snippet_labels, tokens

GOLD = """A Harbour Story

The council backed a twelve-million plan on Wednesday night to rebuild the sea wall.

Work on the first section is due to start in September."""


def test_tokens_are_the_metrics_tokens() -> None:
    assert tokens("Don't STOP — 3.5 km!") == ["don", "t", "stop", "3", "5", "km"]


def test_main_blocks_are_covered_and_furniture_is_not() -> None:
    blocks = [
        "Home News Sport",
        "A Harbour Story",
        "The council backed a twelve-million plan on Wednesday night to rebuild the sea wall.",
        "Share this story",
        "Work on the first section is due to start in September.",
        "Most read: the sea wall and the council",
    ]
    coverage = block_coverage(blocks, GOLD)
    assert coverage[1] == coverage[2] == coverage[4] == 1.0
    assert coverage[0] == coverage[3] == 0.0
    # words of the gold, but out of order and in a teaser: chance, not main text
    assert coverage[5] < 0.5


def test_a_block_out_of_the_golds_order_is_not_main() -> None:
    blocks = ["Work on the first section is due to start in September.",
              "The council backed a twelve-million plan on Wednesday night to rebuild the sea wall."]
    first, second = block_coverage(blocks, GOLD)
    assert first + second < 2.0 and max(first, second) == 1.0


def test_a_short_block_counts_only_when_matched_whole() -> None:
    blocks = ["A Harbour Story", "the", "The council backed a twelve-million plan on Wednesday night to rebuild the sea wall."]
    assert block_coverage(blocks, GOLD)[:2] == [1.0, 0.0]


def test_no_gold_or_no_words_covers_nothing() -> None:
    assert block_coverage(["Some text here"], "") == [0.0]
    assert block_coverage(["…", "Some text"], "Some text") == [0.0, 1.0]


def test_snippet_labels() -> None:
    blocks = ["The council  backed a plan.", "Share this", "Both: The council backed a plan. Share this", "Other"]
    assert snippet_labels(blocks, ["council backed"], ["Share this"]) == [True, False, None, None]
