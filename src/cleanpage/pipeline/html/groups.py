"""Repeated groups of blocks: a list that is the page's main content, kept whole.

A listing or collection page repeats one template for its items (a card's title, its author, its
price, its blurb). The block model judges each block alone, and on such pages it drops the items
whole: out of fold on the ``fit`` pages, most of the main-content words it misses on collection and
listing pages sit in template groups it dropped entirely, not in groups it split (docs/model.md,
"Where the weak page types lose"). What tells such a page from an article with a related list is
the page, not the block: the model kept little of the page, and one template holds a large share of
its words with scores that are low but not negligible. Then the group is the page's main content,
and every block of it is kept.

A template is the blocks with one tag, at one depth, in the same page region (nav, header, main,
aside, footer), with the same class/id words once the words holding a digit (item ids, SKUs, post
numbers) are set aside: on classless markup the region is all that tells a menu's items from a
list's. Only the classification stage's
decidable blocks count: certain rule decisions and the short lines under a heading a rule names as a
list heading ("Related", "Most read") are never lifted, nor counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from cleanpage.pipeline.blocks import Block

__all__ = ["MAX_KEPT_SHARE", "MIN_ITEMS", "MIN_MEAN_SCORE", "MIN_WORD_SHARE", "main_groups", "template_ids"]

#: a group needs this many blocks to be a list's items
MIN_ITEMS = 3
#: ... this share of the decidable blocks' words
MIN_WORD_SHARE = 0.1
#: ... and this mean model score: a menu or a footer's links score near zero
MIN_MEAN_SCORE = 0.25
#: only where the model kept less than this share of the decidable words: on an article it keeps the
#: prose, and a related list beside it stays out
MAX_KEPT_SHARE = 0.5

_DIGIT = re.compile(r"\d")
#: the roles (landmark tags and their ARIA names) that set a page region: a template never spans two
_REGIONS = frozenset({"nav", "navigation", "header", "banner", "main", "aside", "complementary", "footer", "contentinfo"})


def template_ids(blocks: Sequence[Block]) -> np.ndarray:
    """Each block's template id: one per (tag, depth, page region, class/id words without digits),
    in order of first use.

    A page's blocks share a few token and role sets (one per container): each set's words and
    region are read once."""
    ids: dict[tuple[str, int, frozenset[str], frozenset[str]], int] = {}
    words_of: dict[frozenset[str], frozenset[str]] = {}
    region_of: dict[frozenset[str], frozenset[str]] = {}
    out: list[int] = []
    for block in blocks:
        words = words_of.get(block.tokens)
        if words is None:
            words = words_of[block.tokens] = frozenset(w for w in block.tokens if not _DIGIT.search(w))
        region = region_of.get(block.roles)
        if region is None:
            region = region_of[block.roles] = block.roles & _REGIONS
        out.append(ids.setdefault((block.tag, len(block.path), region, words), len(ids)))
    return np.array(out, dtype=np.intp)


def main_groups(blocks: Sequence[Block], scores: np.ndarray, cut: float, decidable: np.ndarray) -> np.ndarray:
    """The decidable blocks that belong to a repeated group the page's main content is made of
    (see the module's docstring), as a boolean mask; all false on a page where the model already
    kept most of the words."""
    lifted = np.zeros(len(blocks), dtype=bool)
    if not decidable.any():
        return lifted
    words = np.array([len(block.text.split()) for block in blocks], dtype=np.float64)
    total = float(words[decidable].sum()) or 1.0
    if float(words[decidable & (scores >= cut)].sum()) / total >= MAX_KEPT_SHARE:
        return lifted
    group = template_ids(blocks)[decidable]
    count = np.bincount(group)
    size = np.bincount(group, words[decidable])
    mean = np.bincount(group, scores[decidable]) / np.maximum(count, 1)
    main = (count >= MIN_ITEMS) & (size >= MIN_WORD_SHARE * total) & (mean >= MIN_MEAN_SCORE)
    lifted[np.flatnonzero(decidable)] = main[group]
    return lifted
