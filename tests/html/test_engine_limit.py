"""A page too long for the engine is classified without it, and says so (issue 17: trafilatura's
extraction grows faster than the page, so past a size it is not run)."""

from __future__ import annotations

import pytest

import cleanpage
from cleanpage import PageWarning
from cleanpage.engines import trafilatura as engine

PROSE = ("<p>A paragraph of ordinary article prose, about the council's decision on the new bridge, "
         "long enough to read as body text, number {n}.</p>")
PAGE = ("<html><head><title>A long article</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>News</a></nav><article><h1>A long article</h1>"
        + "".join(PROSE.format(n=n) for n in range(12)) + "</article><footer>Contact us</footer></body></html>")


def test_a_page_within_the_limit_runs_the_engine_and_carries_no_warning() -> None:
    assert engine.engine_fits(PAGE)
    assert cleanpage.clean(PAGE).warnings == ()


def test_a_page_past_the_limit_skips_the_engine_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_args: object) -> None:
        raise AssertionError("the engine ran on a page past its limit")

    monkeypatch.setattr(engine, "ENGINE_MAX_CHARS", len(PAGE) - 1)
    monkeypatch.setattr(engine, "run_trafilatura", never)
    page = cleanpage.clean(PAGE)
    assert page.warnings == (PageWarning.ENGINE_SKIPPED,)
    assert page.title == "A long article"
    assert any("number 5." in p for p in page.paragraphs)  # the body is still read, by the rules and the model
    assert "Contact us" not in page.paragraphs


def test_the_engine_is_not_asked_when_it_is_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "ENGINE_MAX_CHARS", 10)
    page = cleanpage.clean(PAGE, options=cleanpage.Options(use_trafilatura=False))
    assert page.warnings == ()  # nothing was skipped that was asked for


def test_a_page_past_the_limit_is_read_by_the_model_trained_without_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    # the engine-trained model reads its engine columns as trafilatura's vote; with no vote the page
    # is read as the fast path reads it: the same model, the same blocks, the same scores
    fast = cleanpage.clean(PAGE, options=cleanpage.Options(use_trafilatura=False))
    monkeypatch.setattr(engine, "ENGINE_MAX_CHARS", len(PAGE) - 1)
    skipped = cleanpage.clean(PAGE)
    assert skipped.warnings == (PageWarning.ENGINE_SKIPPED,)
    assert skipped.paragraphs == fast.paragraphs
    assert [(r.text, r.reason, r.score) for r in skipped.removed] == [(r.text, r.reason, r.score) for r in fast.removed]
