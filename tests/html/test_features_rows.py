"""The block model's per-block columns of the text, the rule answer and the place, on hand-built blocks:
each block's row holds its own values however many blocks share them (they are gathered per page)."""

from __future__ import annotations

import numpy as np

from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason
from cleanpage.pipeline.html.features import (
    _CHUNK_ROWS,
    _ROW_COLUMNS,
    _place,
    _rule_columns,
    _text_columns,
    feature_names,
    features,
)

PROSE = "The council approved the new bridge on Tuesday, and work is to start in the spring."


def _rows(blocks: list[Block], labels: list[Labelled]) -> np.ndarray:
    x = features(blocks, [True] * len(blocks), [False] * len(blocks), labels, (), title_key="",
                 keys=[b.text for b in blocks])
    assert x.shape == (len(blocks), len(feature_names(())))
    return x[:, list(_ROW_COLUMNS)]


def _expected(block: Block, item: Labelled) -> np.ndarray:
    row = _text_columns(block.text) + _rule_columns(item.label, item.reason) + _place(block.tag, block.roles)
    return np.array(row, dtype=np.float32)


def test_each_block_gets_its_own_rule_and_place_columns() -> None:
    shapes = [("p", frozenset(), Label.BODY, None), ("li", frozenset({"nav"}), Label.BOILERPLATE, Reason.NAVIGATION),
              ("p", frozenset(), Label.BODY, None), ("h2", frozenset({"aside"}), Label.BOILERPLATE, Reason.SIDEBAR),
              ("li", frozenset({"nav"}), Label.BOILERPLATE, Reason.LINK_LIST), ("td", frozenset({"footer"}), Label.TITLE, None)]
    blocks = [Block(index=k, text=f"{PROSE} ({k})" if k % 2 else "Home", tag=tag, roles=roles, node=k, path=(0,))
              for k, (tag, roles, _label, _reason) in enumerate(shapes)]
    labels = [Labelled(block=b, label=label, reason=reason) for b, (_t, _r, label, reason) in zip(blocks, shapes)]
    rows = _rows(blocks, labels)
    for k, (block, item) in enumerate(zip(blocks, labels)):
        assert np.array_equal(rows[k], _expected(block, item))


def test_a_page_longer_than_a_chunk_keeps_every_row() -> None:
    n = _CHUNK_ROWS + 3
    blocks = [Block(index=k, text=f"Item {k}" if k % 3 else PROSE, tag="li" if k % 2 else "p", node=k, path=(0,))
              for k in range(n)]
    labels = [Labelled(block=b, label=Label.BODY if k % 2 else Label.BOILERPLATE,
                       reason=None if k % 2 else Reason.NAVIGATION) for k, b in enumerate(blocks)]
    rows = _rows(blocks, labels)
    for k in (0, 1, 2, _CHUNK_ROWS - 1, _CHUNK_ROWS, n - 1):
        assert np.array_equal(rows[k], _expected(blocks[k], labels[k]))
