"""The article region of a text dump: the stretch of blocks where prose is densest.

A dump has no markup to say where the article is, and its furniture is not always short: related
teasers, footers and flattened menus can be long lines, article paragraphs can be one short
sentence. So no single block decides. Each block gets a *value* from its own text (prose counts
its length, furniture a penalty) and the article is the contiguous run of blocks with the largest
total value (a maximum-sum subarray, linear in the number of blocks). That is the density
smoothing jusText does with its context rules: a short line between two good paragraphs is
inside the run because the paragraphs around it outweigh its penalty; a menu of forty short items
is outside because forty penalties outweigh one teaser.

Rule-table hits weigh by role: a "Related" heading, a comment form or a footer is a *barrier*
(the article does not go on past it), a share button or a search label only a small penalty (they
sit inside articles too).
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason
from cleanpage.pipeline.prose import ends_text_sentence, is_text_prose, stopword_share

__all__ = ["CAPTION", "INLINE_RULES", "Region", "best_region", "block_value", "near_good"]

#: rules of a barrier role (``rules.text_roles.barriers``) whose lines sit *inside* articles ("Read also: …" between
#: paragraphs): furniture, but the article goes on after them
INLINE_RULES = frozenset({Reason.INLINE_RELATED})
#: reason of a caption that ends in an image credit: furniture, but it sits between paragraphs
CAPTION = Reason.IMAGE_CAPTION
#: value of a barrier: more than a long paragraph, less than a whole article
BARRIER = -400.0
#: the base penalty of a line that is not prose; a menu is many of these
SHORT_PENALTY = 20.0
#: a block whose text is mostly link text is a link, not a paragraph
LINK_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Region:
    start: int  # first block of the article run (inclusive)
    end: int  # last block (inclusive); end < start when there is no article
    score: float


def block_value(block: Block, pre: Labelled | None, role: str, barriers: frozenset[str]) -> float:
    """How much a block says "article here": positive for prose, negative for furniture. ``role``
    is the role of the rule that pre-labelled the block; ``barriers`` the roles the article never
    runs past (``rules.text_roles.barriers``)."""
    n = len(block.text)
    if pre is not None:
        barrier = role in barriers and pre.reason not in INLINE_RULES
        if pre.label is Label.RESPONSE_HEADER or (pre.label is Label.BOILERPLATE and barrier):
            return BARRIER
        if pre.reason == CAPTION:
            return -SHORT_PENALTY  # no evidence either way: captions sit inside articles
        if pre.label is Label.BOILERPLATE:
            return -(2 * SHORT_PENALTY + min(n, 200))
        return 0.0  # a credit line: neither article nor furniture
    prose = is_text_prose(block.text)
    # an echoed menu line is furniture; an echoed paragraph is a lead also shown as a teaser
    if block.link_share > LINK_SHARE or ("repeated" in block.roles and n < 200 and not prose):
        return -(1.5 * SHORT_PENALTY + 0.5 * min(n, 400))
    if prose:
        return float(n)
    if near_good(block):
        return 0.0
    return -(SHORT_PENALTY + 0.3 * min(n, 300))


def near_good(block: Block) -> bool:
    """Not prose but sentence-like: a short paragraph or a caption-length sentence."""
    return block.words >= 4 and ends_text_sentence(block.text) and (stopword_share(block.text) >= 0.1 or block.words >= 8)


def best_region(values: list[float], lo: int = 0, hi: int | None = None) -> Region:
    """The maximum-sum run of ``values[lo:hi]`` (Kadane); an empty region when all are negative."""
    hi = len(values) if hi is None else hi
    best = Region(lo, lo - 1, 0.0)
    run_start, run = lo, 0.0
    for i in range(lo, hi):
        if run <= 0:
            run_start, run = i, 0.0
        run += values[i]
        if run > best.score:
            best = Region(run_start, i, run)
    return best
