"""The block's kin: the blocks of the page with its tag group and class/id words (one template).

A listing, a shop's grid or a collection repeats one template for its items, which together hold a
large share of the page; a menu repeats one too, but the engine keeps none of it. Three numbers per
template (:data:`KIN_FEATURES`): how many blocks (log), their share of the page's characters, and the
share of their characters the engine kept.

On a page that reads as an article (its longest run of prose holds :data:`ARTICLE_RUN_CHARS`
characters or more) the three columns say :data:`KIN_OFF` on every block: there the model reads the
block as the model without kin would. Every kin trial that let the kin speak on article pages lifted
the list pages and cost the snippet pages on ``check`` (a teaser or a related list sharing the
paragraphs' template; docs/model.md), and the list pages the kin are for seldom hold such a run.
"""

from __future__ import annotations

import numpy as np

__all__ = ["ARTICLE_RUN_CHARS", "KIN_FEATURES", "KIN_OFF", "kin_columns", "prose_run_chars"]

#: the columns :func:`kin_columns` writes, in order, after the base ones. Off by default: only a model
#: trained with them (``learn.train --kin``) gets them; the shipped model was not (docs/model.md: through
#: the whole pipeline they did not lift WCXB ``check`` over a retrain without them)
KIN_FEATURES: tuple[str, ...] = ("kin_log_count", "kin_chars_share", "kin_kept_share")
#: a page whose longest prose run holds this many characters reads as an article. On the ``fit``
#: pages 0.84 of WCXB's articles and 0.71 of the snippet pages have one, against 0.14 of the
#: listings, 0.34 of the product and 0.42 of the collection pages (docs/model.md)
ARTICLE_RUN_CHARS = 1500.0
#: a prose run goes on over this many blocks that are not prose (a subheading, a caption)
RUN_GAP = 1
#: the kin columns' value on an article page: no template the model could have met (a count's log is
#: at least log 2, a share at least 0)
KIN_OFF = -1.0


def prose_run_chars(prose: np.ndarray, chars: np.ndarray, gap: int = RUN_GAP) -> float:
    """The characters of the page's longest run of prose blocks (``prose`` true), bridging up to
    ``gap`` other blocks at a time (which add no characters)."""
    best = run = 0.0
    missed = 0
    for is_prose, size in zip(prose.tolist(), chars.tolist()):
        if is_prose:
            run += size
            missed = 0
            best = max(best, run)
        else:
            missed += 1
            if missed > gap:
                run = 0.0
    return best


def kin_columns(kin: np.ndarray, chars: np.ndarray, kept: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """The :data:`KIN_FEATURES` of every block (blocks × 3), from each block's kin group id (``kin``),
    its characters, the engine's vote (``kept``) and the prose test (``prose``). Numpy sums over the
    groups; public so that the trainer computes the same numbers from cached rows."""
    if prose_run_chars(prose, chars) >= ARTICLE_RUN_CHARS:
        return np.full((len(kin), len(KIN_FEATURES)), KIN_OFF)
    count = np.bincount(kin).astype(np.float64)
    size = np.bincount(kin, chars)
    kept_share = np.bincount(kin, chars * kept) / np.maximum(size, 1.0)
    return np.stack([np.log1p(count)[kin], (size / (float(chars.sum()) or 1.0))[kin], kept_share[kin]], axis=1)
