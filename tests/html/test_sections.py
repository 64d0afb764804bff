"""A kept section's heading: a heading the model dropped above text it kept is kept with it (issue 14)."""

from __future__ import annotations

import numpy as np

from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.html.sections import MIN_HEADING_SCORE, section_headings

FEATURE = ("Our engineers answer every call within the hour, day or night, and the first visit to check "
           "the boiler is free for customers who book online before the end of the month.")


def _page() -> list[Block]:
    """A service page: a menu heading, then three features, each a heading over a paragraph."""
    out = [Block(index=0, text="Menu", tag="h2", tokens=frozenset({"nav"}), node=1),
           Block(index=1, text="Home", tag="li", tokens=frozenset({"nav"}), node=2)]
    for k, title in enumerate(("Fast response", "Free first visit", "Fixed prices")):
        out.append(Block(index=len(out), text=title, tag="h3", tokens=frozenset({"feature"}), node=10 + 2 * k))
        out.append(Block(index=len(out), text=FEATURE, tag="p", tokens=frozenset({"feature"}), node=11 + 2 * k))
    return out


def _lift(blocks: list[Block], scores: list[float], decidable: list[bool] | None = None) -> list[bool]:
    s = np.array(scores)
    mask = np.ones(len(blocks), dtype=bool) if decidable is None else np.array(decidable)
    return section_headings(blocks, s, mask & (s >= 0.5), mask).tolist()


def test_the_headings_of_kept_sections_are_kept() -> None:
    lifted = _lift(_page(), [0.05, 0.02, 0.35, 0.9, 0.3, 0.8, 0.45, 0.85])
    assert lifted == [False, False, True, False, True, False, True, False]


def test_a_heading_over_a_dropped_block_stays_out() -> None:
    # the menu's heading heads the menu the model dropped; the third feature's paragraph was dropped
    lifted = _lift(_page(), [0.4, 0.02, 0.35, 0.9, 0.3, 0.8, 0.45, 0.1])
    assert lifted == [False, False, True, False, True, False, False, False]


def test_a_heading_the_model_all_but_ruled_out_stays_out() -> None:
    low = MIN_HEADING_SCORE / 2
    assert _lift(_page(), [0.05, 0.02, low, 0.9, low, 0.8, low, 0.85]) == [False] * 8


def test_stacked_headings_are_read_down_to_the_text_they_head() -> None:
    blocks = [Block(index=0, text="Pricing", tag="h2", node=1), Block(index=1, text="Monthly plans", tag="h3", node=2),
              Block(index=2, text=FEATURE, tag="p", node=3)]
    assert _lift(blocks, [0.3, 0.25, 0.9]) == [True, True, False]
    assert _lift(blocks, [0.3, 0.25, 0.1]) == [False, False, False]  # nothing kept under them


def test_certain_blocks_are_neither_lifted_nor_read_as_kept() -> None:
    blocks = _page()
    scores = [0.05, 0.02, 0.35, 0.9, 0.3, 0.8, 0.45, 0.85]
    # a certain heading stays as the rules said; a certain paragraph does not make its heading a section's
    decidable = [True, True, False, True, True, False, True, True]
    assert _lift(blocks, scores, decidable) == [False, False, False, False, False, False, True, False]


def test_an_h1_is_the_headline_not_a_sections_heading() -> None:
    blocks = [Block(index=0, text="Is a small telescope enough?", tag="h1", node=1),
              Block(index=1, text=FEATURE, tag="p", node=2)]
    assert _lift(blocks, [0.45, 0.9]) == [False, False]


SERVICE = """<html><head><title>Boiler repair</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<main><h1>Boiler repair</h1>
<div class="feature"><h3>Same-day visits</h3><p>{text}</p></div>
<div class="feature"><h3>Fixed prices</h3><p>{text} The price does not change.</p></div>
<h2>Related articles</h2><p>{text} Our engineers blog every week.</p>
</main></body></html>""".format(text=FEATURE)


class _Scores:
    """The shipped model's columns, with scores set by block text (the model's decisions as a test
    wants them), to test what :func:`decide` does with them."""

    def __init__(self, by_text: dict[str, float]) -> None:
        from cleanpage.models import load_forest

        real = load_forest("blocks.npz")
        self.features, self.words, self.cut, self.card = real.features, real.words, 0.5, {}
        self.by_text = by_text
        self.texts: list[str] = []

    def probability(self, x: np.ndarray) -> np.ndarray:
        return np.array([self.by_text.get(t, 0.9) for t in self.texts])


def test_decide_keeps_the_headings_of_sections_it_kept() -> None:
    from cleanpage.pipeline.blocks import Label
    from cleanpage.pipeline.html.blocks import build_blocks
    from cleanpage.pipeline.html.classify import gather
    from cleanpage.pipeline.html.decide import decide
    from cleanpage.pipeline.html.tree import parse_page
    from cleanpage.rules import load_rules

    rules = load_rules()
    root, _ = parse_page(SERVICE)
    blocks = build_blocks(root, disclosure=rules.disclosure)
    model = _Scores({"Home": 0.01, "Contact": 0.01, "Same-day visits": 0.3, "Fixed prices": 0.1,
                     "Related articles": 0.3})
    model.texts = [b.text for b in blocks]
    labelled = decide(blocks, gather(blocks, None, rules, title="Boiler repair"), model=model)  # type: ignore[arg-type]
    body = [item.block.text for item in labelled if item.label is Label.BODY]
    assert "Same-day visits" in body  # over a kept paragraph, scored over MIN_HEADING_SCORE
    assert "Fixed prices" not in body  # scored under it
    assert "Related articles" not in body  # a rule table's furniture heading, though its paragraph was kept
    assert "Home" not in body
