"""A kept section's heading: the heading the block model dropped above text it kept.

The block model judges each block alone, and a heading is a few words with no sentence: on the
``fit`` pages, out of fold, the headings (``h1``–``h6``) it scores between 0.2 and the cut hold more
main-content words than furniture (docs/model.md, "Headings of kept sections"), and on service,
listing and collection pages most of them head a feature, a product or a list item whose text it
kept. A heading is read with what it heads: where the next block that is not a heading is kept, the
heading above it is that section's, and is kept too — unless the model all but ruled it out (a
heading it scores near zero is a "Share this" or a menu's title above a kept first paragraph), or it
is an ``h1``: that is the page's headline, which the title stage reports apart from the body (a
thread's subject line the title rules did not recognise would come back as a body paragraph).
The caller leaves out the headings a rule table names as furniture by their words ("More from the
coast" over a related list the model kept): out of fold that changed no figure, and it keeps the
rules' certain words out of the body.

Only the classification stage's decidable blocks are lifted; certain rule decisions stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cleanpage.pipeline.blocks import Block

__all__ = ["HEADINGS", "MIN_HEADING_SCORE", "SECTION_HEADINGS", "section_headings"]

#: the heading elements: a run of them heads the block after it
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: the ones that head a section (out of fold on the ``fit`` pages, leaving ``h1`` out changed no figure)
SECTION_HEADINGS = HEADINGS - {"h1"}
#: a heading needs at least this model score to be lifted with its section: out of fold on the
#: ``fit`` pages, 0.1–0.2 did best, 0 lifts furniture headings above a kept paragraph (extraction-dev
#: snippets fall), 0.3 lifts fewer section headings
MIN_HEADING_SCORE = 0.2


def section_headings(blocks: Sequence[Block], scores: np.ndarray, kept: np.ndarray,
                     decidable: np.ndarray) -> np.ndarray:
    """The decidable section headings (:data:`SECTION_HEADINGS`) not kept, scoring at least
    :data:`MIN_HEADING_SCORE`, whose next block that is not a heading is kept (``kept``: the decision
    so far), as a boolean mask."""
    heading = np.array([block.tag in HEADINGS for block in blocks], dtype=bool)
    section = np.array([block.tag in SECTION_HEADINGS for block in blocks], dtype=bool)
    lifted = np.zeros(len(blocks), dtype=bool)
    candidates = np.flatnonzero(section & decidable & ~kept & (scores >= MIN_HEADING_SCORE))
    if not len(candidates):
        return lifted
    # for every position, the index of the first block at or after it that is not a heading
    n = len(blocks)
    following = np.full(n + 1, n, dtype=np.intp)
    for k in range(n - 1, -1, -1):
        following[k] = following[k + 1] if heading[k] else k
    for k in candidates.tolist():
        after = int(following[k + 1])
        lifted[k] = after < n and bool(kept[after])
    return lifted
