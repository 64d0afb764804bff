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


def _nested_tables(depth: int) -> str:
    """The article, then a layout of ``depth`` tables each inside the last, a line of text in the innermost."""
    inner = "<table><tr><td>" * depth + "<p>The innermost cell.</p>" + "</td></tr></table>" * depth
    return PAGE.replace("</article>", "</article>" + inner)


def test_tables_nested_as_deep_as_layouts_go_run_the_engine() -> None:
    from lxml import html

    page = _nested_tables(engine.ENGINE_MAX_TABLE_DEPTH)  # the innermost table sits inside depth - 1 others
    assert engine.engine_fits(page, html.document_fromstring(page))
    assert cleanpage.clean(page).warnings == ()


def test_tables_nested_past_reason_skip_the_engine_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura's table handler is cubic in the nesting: 1,800 unclosed <table> tags on a 15 KB
    # page took 36 s in it; unclosed tables are nested by the parser, as a fuzz run found
    def never(*_args: object) -> None:
        raise AssertionError("the engine ran on tables nested past its limit")

    monkeypatch.setattr(engine, "run_trafilatura", never)
    page = cleanpage.clean(_nested_tables(engine.ENGINE_MAX_TABLE_DEPTH + 1))
    assert page.warnings == (PageWarning.ENGINE_SKIPPED,)
    assert any("number 5." in p for p in page.paragraphs)
    unclosed = cleanpage.clean(PAGE.replace("</article>", "</article>" + "<table>" * 1800))
    assert unclosed.warnings == (PageWarning.ENGINE_SKIPPED,)
