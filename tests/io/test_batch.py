"""clean_many: input order, ids, typed error records, time limits, bounded windows, determinism."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

import cleanpage
from cleanpage import CleanpageError, InternalError, Page, ReadError, Timeout
from cleanpage.io.records import RECORD_COLUMNS
from tests import FIXTURES
from tests._docs import slow_html, small_html, small_text

SEED = FIXTURES / "seed-text" / "input.txt"


def _norm(results: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    return [(i, o.to_dict() if isinstance(o, Page) else (type(o).__name__, o.message)) for i, o in results]


def _sources(tmp_path: Path) -> list[Any]:
    page = tmp_path / "page.html"
    page.write_text(small_html(1), encoding="utf-8")
    return [str(page), page, small_html(2).encode(), small_text(3), b"", str(tmp_path / "missing.html"),
            ("mine", small_html(4)), ("with-url", small_html(5), "https://example.org/5")]


def test_ids_and_order(tmp_path: Path) -> None:
    results = list(cleanpage.clean_many(_sources(tmp_path), workers=1))
    ids = [i for i, _ in results]
    assert ids == [str(tmp_path / "page.html"), str(tmp_path / "page.html"), 2, 3, 4,
                   str(tmp_path / "missing.html"), "mine", "with-url"]
    kinds = [type(o).__name__ for _, o in results]
    assert kinds == ["Page", "Page", "Page", "Page", "EmptyInputError", "ReadError", "Page", "Page"]
    assert results[5][1].reason == "read-error"
    assert results[7][1].url == "https://example.org/5"


def test_same_output_whatever_the_workers(tmp_path: Path) -> None:
    sources = _sources(tmp_path) + [SEED] + [small_html(i).encode() for i in range(6)]
    one = _norm(list(cleanpage.clean_many(sources, workers=1)))
    two = _norm(list(cleanpage.clean_many(sources, workers=2, window=3)))
    chunked = _norm(list(cleanpage.clean_many(sources, workers=2, chunksize=4)))
    assert one == two == chunked


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_timeout_is_a_record_and_the_batch_goes_on() -> None:
    sources = [small_html(1), slow_html(), small_html(2)]
    results = list(cleanpage.clean_many(sources, workers=2, timeout=0.5))
    assert [type(o) for _, o in results] == [Page, Timeout, Page]
    assert results[1][1].reason == "timeout"


# a timer that interrupts Python code may land inside a finaliser (an object's __del__), where
# Python can only report it as "unraisable": expected with in-process time limits, not a bug
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_timeout_in_process_worker() -> None:
    results = list(cleanpage.clean_many([slow_html(), small_text(1)], workers=1, timeout=0.5))
    assert [type(o) for _, o in results] == [Timeout, Page]


def test_unexpected_exception_becomes_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> Page:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("cleanpage.io.batch.clean", broken)
    results = list(cleanpage.clean_many([small_html(1)], workers=1))
    error = results[0][1]
    assert isinstance(error, InternalError) and error.reason == "internal-error"
    assert "ZeroDivisionError" in error.message and "Traceback" not in error.message


def test_bad_source_types_are_records() -> None:
    results = list(cleanpage.clean_many([None, 42, ("a", "b", "c", "d")], workers=1))  # type: ignore[list-item]
    assert all(isinstance(o, CleanpageError) and o.reason == "input-type" for _, o in results)


def test_window_bounds_what_is_read_ahead() -> None:
    consumed = 0

    def endless() -> Any:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield small_text(i)

    results = cleanpage.clean_many(endless(), workers=2, window=6)
    first = list(itertools.islice(results, 3))
    results.close()  # type: ignore[attr-defined]
    assert len(first) == 3
    assert consumed <= 3 + 6 + 1


def test_to_records_has_the_same_columns_for_pages_and_errors(tmp_path: Path) -> None:
    results = list(cleanpage.clean_many(_sources(tmp_path) + [SEED], workers=1))
    records = cleanpage.to_records(results)
    columns = [name for name, _ in RECORD_COLUMNS]
    assert all(list(r) == columns for r in records)
    seed = records[-1]
    assert seed["agencies"] == "AP" and seed["n_responses"] == 1 and seed["responses_announced"] == 3
    assert seed["error"] is None
    missing = records[5]
    assert missing["reason"] == "read-error" and missing["title"] is None
    assert cleanpage.to_records([o for _, o in results])[0]["id"] == 0


def test_read_error_has_context(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    ((ident, error),) = list(cleanpage.clean_many([missing], workers=2))
    assert isinstance(error, ReadError) and ident == str(missing) and error.context == str(missing)


def test_a_single_source_is_not_an_iterable_of_sources() -> None:
    with pytest.raises(TypeError, match="iterable of sources"):
        cleanpage.clean_many("page.html")  # type: ignore[arg-type]


def test_a_daemonic_process_still_has_a_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Dask worker is daemonic: it may not start a pool, so each document runs in a forked child."""
    import multiprocessing

    class _Daemon:
        daemon = True

    monkeypatch.setattr(multiprocessing, "current_process", lambda: _Daemon())
    results = dict(cleanpage.clean_many([("a", small_html(1))], workers=1, timeout=5))
    assert results["a"].title == "Story number 1"  # type: ignore[union-attr]
