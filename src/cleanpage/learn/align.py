"""Gold text onto blocks: which blocks of a page a reviewed main text contains, in order.

Benchmarks give the main text of a page as one string, not as a choice of elements. To learn which
*blocks* are main content we align the page's tokens (its blocks' words, in page order) with the
gold's tokens: a longest-common-subsequence style alignment (``difflib``'s matching blocks), so a
word counts only where it sits in the gold's order. A run of matched words counts when it is at
least :data:`MIN_RUN` words long, or covers a whole (short) block: a lone "the" aligned between two
matches is chance, a two-word heading matched whole is not.

Tokens are the benchmark's own (lower-cased ``\\w+``), so a label means what the metric means.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

__all__ = ["MIN_RUN", "block_coverage", "snippet_labels", "tokens"]

_TOKEN = re.compile(r"\w+")
#: shortest matched run that counts on its own
MIN_RUN = 3


def tokens(text: str) -> list[str]:
    """The word-level F1 metric's tokens: lower-cased ``\\w+`` runs."""
    return _TOKEN.findall(text.lower())


def block_coverage(blocks: Sequence[str], gold: str) -> list[float]:
    """For each block, the share of its tokens that the in-order alignment places in ``gold``.

    A block without tokens (punctuation only) gets 0.0.
    """
    owner: list[int] = []
    page: list[str] = []
    sizes: list[int] = []
    for index, text in enumerate(blocks):
        words = tokens(text)
        sizes.append(len(words))
        page.extend(words)
        owner.extend([index] * len(words))
    gold_words = tokens(gold)
    matched = [0] * len(blocks)
    if not page or not gold_words:
        return [0.0] * len(blocks)
    matcher = SequenceMatcher(None, page, gold_words, autojunk=False)
    for start, _gold_start, size in matcher.get_matching_blocks():
        if size == 0:
            continue
        if size < MIN_RUN:
            first, last = owner[start], owner[start + size - 1]
            # a short run counts only when it is a whole block (a heading, a one-line item)
            if first != last or sizes[first] != size:
                continue
        for position in range(start, start + size):
            matched[owner[position]] += 1
    return [m / n if n else 0.0 for m, n in zip(matched, sizes)]


def _normalise(text: str) -> str:
    return " ".join(text.split())


def snippet_labels(blocks: Sequence[str], main: Sequence[str], other: Sequence[str]) -> list[bool | None]:
    """Labels from snippets: a block holding a ``main`` snippet is main (True), one holding an
    ``other`` snippet (boilerplate, a comment) is not (False), the rest are unknown (None).

    A snippet is held when its whitespace-normalised text is a substring of the block's; a block
    holding both kinds is unknown (the snippets disagree about it).
    """
    main_n = [s for s in (_normalise(x) for x in main) if s]
    other_n = [s for s in (_normalise(x) for x in other) if s]
    out: list[bool | None] = []
    for text in blocks:
        flat = _normalise(text)
        is_main = any(s in flat for s in main_n)
        is_other = any(s in flat for s in other_n)
        out.append(None if is_main == is_other else is_main)
    return out
