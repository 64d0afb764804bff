"""The block's kin on hand-built blocks: the blocks of the page with its tag group and class/id words."""

from __future__ import annotations

import numpy as np

from cleanpage.learn.dataset import Page, PageBlocks
from cleanpage.learn.train import kin_from_rows, matrix
from cleanpage.models import BLOCK_MODEL, load_forest
from cleanpage.pipeline.blocks import Block, Label, Labelled
from cleanpage.pipeline.html.decide import reads_kin
from cleanpage.pipeline.html.features import BASE_FEATURES, KIN_FEATURES, feature_names, features
from cleanpage.pipeline.html.kin import ARTICLE_RUN_CHARS, KIN_OFF, prose_run_chars

NAMES = feature_names((), kin=True)

CARD = frozenset({"product-card"})


def _block(i: int, text: str, *, tag: str = "p", tokens: frozenset[str] = frozenset(), link_chars: int = 0) -> Block:
    return Block(index=i, text=text, tag=tag, path=(1, 2), tokens=tokens, link_chars=link_chars, node=100 + i)


def _matrix(blocks: list[Block], kept: list[bool] | None = None, *, kin: bool = True) -> np.ndarray:
    labels = [Labelled(block=b, label=Label.BODY) for b in blocks]
    return features(blocks, kept or [False] * len(blocks), [False] * len(blocks), labels, (), title_key="",
                    keys=[b.text for b in blocks], kin=kin)


def _column(x: np.ndarray, name: str) -> list[float]:
    return [round(float(v), 3) for v in x[:, NAMES.index(name)]]


def _shop() -> list[Block]:
    blocks = [_block(k, f"Product {k}, a blue cotton shirt", tag="li", tokens=CARD) for k in range(3)]
    return blocks + [_block(3, "About us", tag="li", tokens=frozenset({"footer"}), link_chars=8),
                     _block(4, "Product 9, the same words in another tag", tag="p", tokens=CARD),
                     _block(5, "Product 10, a dd is a list item too", tag="dd", tokens=CARD)]


def test_kin_are_the_blocks_of_one_template() -> None:
    blocks = _shop()
    x = _matrix(blocks, kept=[True, True, False, False, False, False])
    counts = _column(x, "kin_log_count")
    # li and dd are one tag group; the p with the same words and the footer link are on their own
    assert counts[:3] + counts[5:] == [round(float(np.log1p(4)), 3)] * 4
    assert counts[3] == counts[4] == round(float(np.log1p(1)), 3)
    chars = sum(len(b.text) for b in blocks)
    kin = [blocks[k] for k in (0, 1, 2, 5)]
    assert _column(x, "kin_chars_share")[0] == round(sum(len(b.text) for b in kin) / chars, 3)
    assert _column(x, "kin_chars_share")[3] == round(len(blocks[3].text) / chars, 3)
    # the engine kept two of the four items: their share of the template's characters
    assert _column(x, "kin_kept_share")[5] == round((len(blocks[0].text) + len(blocks[1].text))
                                                    / sum(len(b.text) for b in kin), 3)
    assert _column(x, "kin_kept_share")[3] == 0.0


_PARAGRAPH = ("The council said on Tuesday that the new bridge over the river would open in the spring, "
              "after two years of work and a long argument about who should pay for it. ")


def _article() -> list[Block]:
    """A page that reads as an article: five long paragraphs in a row (a caption between two of them),
    then a related list whose items share one template."""
    text = _PARAGRAPH * 2
    blocks = [_block(0, text), _block(1, text), _block(2, "A photo of the bridge", tag="figcaption"),
              *(_block(k, text) for k in range(3, 6))]
    related = frozenset({"related-item"})
    return blocks + [_block(6 + k, f"Another story {k}", tag="li", tokens=related, link_chars=15) for k in range(4)]


def test_on_a_page_that_reads_as_an_article_the_kin_are_off() -> None:
    """Every kin trial lifted the list pages and cost the snippet (article) pages: on a page with a
    long run of prose the kin columns say KIN_OFF, and the model reads the rest of the row."""
    blocks = _article()
    x = _matrix(blocks, kept=[True] * 6 + [False] * 4)
    assert x[:, NAMES.index("is_prose")].tolist()[:2] == [1.0, 1.0]
    for name in KIN_FEATURES:
        assert _column(x, name) == [KIN_OFF] * len(blocks)
    # the same related list under two short paragraphs: a page that is no article, the kin speak
    short = [_block(0, _PARAGRAPH), _block(1, _PARAGRAPH), *blocks[6:]]
    y = _matrix(short, kept=[True, True] + [False] * 4)
    assert _column(y, "kin_log_count")[2:] == [round(float(np.log1p(4)), 3)] * 4
    assert _column(y, "kin_kept_share")[2:] == [0.0] * 4


def test_a_prose_run_bridges_one_block_that_is_not_prose() -> None:
    chars = np.array([600.0, 20.0, 600.0, 20.0, 20.0, 900.0])
    prose = np.array([1.0, 0.0, 1.0, 0.0, 0.0, 1.0])
    # the caption between the first two paragraphs is bridged (its characters not counted); two
    # blocks in a row end the run
    assert prose_run_chars(prose, chars) == 1200.0
    assert prose_run_chars(prose, chars, gap=2) == 2100.0
    assert prose_run_chars(np.zeros(3), chars[:3]) == 0.0
    assert ARTICLE_RUN_CHARS > 1200.0


def _rows_page(blocks: list[Block], base: np.ndarray) -> PageBlocks:
    page = Page(corpus="wcxb-dev", key="k", path="p", url=None, split="fit", domain="d", page_type="",
                gold_text=None, with_=(), without=())
    return PageBlocks(page=page, texts=tuple(b.text for b in blocks), features=base,
                      tokens=tuple(b.tokens for b in blocks), labels=np.zeros(len(blocks), dtype=np.int8),
                      weights=np.zeros(len(blocks), dtype=np.float32))


def test_the_trainer_computes_the_same_kin_on_an_article_page() -> None:
    blocks = _article()
    kept = [True] * 6 + [False] * 4
    pb = _rows_page(blocks, _matrix(blocks, kept, kin=False))
    assert np.array_equal(matrix(pb, (), kin=True), _matrix(blocks, kept))


def test_the_trainer_computes_the_same_kin_from_a_page_s_base_rows() -> None:
    """The trainer reads kin from cached base rows (tag one-hots, engine vote, class/id words)."""
    blocks = _shop()
    kept = [True, False, True, False, True, False]
    base = _matrix(blocks, kept, kin=False)
    assert base.shape[1] == len(BASE_FEATURES)
    page = Page(corpus="wcxb-dev", key="k", path="p", url=None, split="fit", domain="d", page_type="",
                gold_text=None, with_=(), without=())
    pb = PageBlocks(page=page, texts=tuple(b.text for b in blocks), features=base,
                    tokens=tuple(b.tokens for b in blocks), labels=np.zeros(6, dtype=np.int8),
                    weights=np.zeros(6, dtype=np.float32))
    with_kin = _matrix(blocks, kept)
    assert np.array_equal(kin_from_rows(pb), with_kin[:, len(BASE_FEATURES):len(BASE_FEATURES) + len(KIN_FEATURES)])
    assert np.array_equal(matrix(pb, (), kin=True), with_kin)
    assert np.array_equal(matrix(pb, ()), base)


def test_without_kin_the_columns_are_the_base_ones() -> None:
    x, y = _matrix(_shop(), kin=False), _matrix(_shop())
    assert x.shape[1] == len(BASE_FEATURES) == y.shape[1] - len(KIN_FEATURES)
    assert np.array_equal(x, np.delete(y, range(len(BASE_FEATURES), len(BASE_FEATURES) + len(KIN_FEATURES)), axis=1))


def test_one_block_is_its_own_kin() -> None:
    x = _matrix([_block(0, "Alone on the page, a sentence of its own.")])
    assert _column(x, "kin_log_count") == [round(float(np.log1p(1)), 3)]
    assert _column(x, "kin_chars_share") == [1.0]


def test_only_a_model_trained_with_kin_reads_them() -> None:
    assert reads_kin(feature_names(("menu", "post"), kin=True))
    assert not reads_kin(feature_names(("menu", "post")))
    assert not reads_kin(load_forest(BLOCK_MODEL).features)  # the shipped model: off
