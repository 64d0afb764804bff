"""The block trainer's fold deals: every domain in one fold per deal, the deals fixed and different,
and the cut chosen on figures averaged over the deals (no training library needed)."""

from __future__ import annotations

import numpy as np

from cleanpage.learn.dataset import Page, PageBlocks
from cleanpage.learn.train import FOLDS, _folds, _mean_scores


def _pages(domains: int) -> list[PageBlocks]:
    out = []
    for i in range(domains * 2):
        page = Page(corpus="wcxb-dev", key=str(i), path="", url=None, split="fit", domain=f"d{i % domains}",
                    page_type="article", gold_text="x", with_=(), without=())
        out.append(PageBlocks(page=page, texts=(), features=np.zeros((0, 1), dtype=np.float32), tokens=(),
                              labels=np.zeros(0, dtype=np.int8), weights=np.zeros(0, dtype=np.float32)))
    return out


def test_each_deal_puts_every_domain_in_one_fold_evenly() -> None:
    pages = _pages(23)
    for deal in range(3):
        fold_of = _folds(pages, deal)
        assert set(fold_of) == {f"d{k}" for k in range(23)}
        sizes = np.bincount(list(fold_of.values()), minlength=FOLDS)
        assert sizes.max() - sizes.min() <= 1


def test_deals_are_fixed_and_differ() -> None:
    pages = _pages(40)
    assert _folds(pages, 0) == _folds(pages) == _folds(list(reversed(pages)), 0)
    assert _folds(pages, 1) == _folds(pages, 1)
    assert _folds(pages, 0) != _folds(pages, 1)


def test_mean_scores_average_the_figures_and_keep_the_page_count() -> None:
    runs = [{"wcxb_word_f1": 0.8, "snippet_f1": 0.9, "pages": 10},
            {"wcxb_word_f1": 0.9, "snippet_f1": 0.95, "pages": 10}]
    mean = _mean_scores(runs)
    assert mean["pages"] == 10
    assert abs(mean["wcxb_word_f1"] - 0.85) < 1e-12
    assert abs(mean["snippet_f1"] - 0.925) < 1e-12
