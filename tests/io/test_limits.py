"""The in-process time limit survives libraries that swallow exceptions broadly."""

from __future__ import annotations

import time

import pytest

from cleanpage import Timeout
from cleanpage.io.limits import run_with_timeout


def _swallowing_work() -> str:
    for _ in range(10**9):
        try:  # like a library's "except Exception: fall back" around part of the work
            sum(range(20000))
        except Exception:  # noqa: BLE001
            pass
        sum(range(20000))
    return "never"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_timeout_is_not_lost_to_a_broad_except() -> None:
    start = time.monotonic()
    with pytest.raises(Timeout):
        run_with_timeout(_swallowing_work, timeout=0.2)
    assert time.monotonic() - start < 3


def test_result_within_the_limit_and_timer_cleared() -> None:
    assert run_with_timeout(lambda: "ok", timeout=5) == "ok"
    time.sleep(0.1)  # no stray alarm after the call


def test_an_alarm_during_an_unraisable_report_does_not_raise_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from cleanpage.io.limits import _reporting_unraisable

    seen: list[bool] = []

    def hook(unraisable: object) -> None:
        seen.append(_reporting_unraisable(sys._getframe()))

    monkeypatch.setattr(sys, "unraisablehook", hook)
    hook(None)
    assert seen == [True]
    assert _reporting_unraisable(sys._getframe()) is False


# -- a limit that holds for any input (issue 19 items 2 and 3) ------------------------------------
PAGE = ("<html><head><title>T</title></head><body><article><h1>T</h1><p>"
        + "Some prose that is long enough to be kept here as the body of the page. " * 5
        + "</p></article></body></html>")


def _stuck_in_c(*_args: object) -> None:
    """libxml2 reading one element with 200,000 attributes (about a minute inside one C call, which
    checks no signal: no Python timer can interrupt it; ``re`` would, it checks signals)."""
    from lxml import etree

    flood = "<div " + " ".join(f'a{i}="1"' for i in range(200_000)) + ">x</div>"
    etree.fromstring(flood.encode(), etree.HTMLParser())


def _stuck_on_marked_pages(real):  # type: ignore[no-untyped-def]
    def sniff(text: str):  # type: ignore[no-untyped-def]
        if "STUCK-IN-C" in text:
            _stuck_in_c()
        return real(text)

    return sniff


def test_run_killable_stops_a_call_stuck_in_c() -> None:
    from cleanpage.io.limits import run_killable

    start = time.monotonic()
    with pytest.raises(Timeout):
        run_killable(_stuck_in_c, timeout=0.5)
    assert time.monotonic() - start < 3
    assert run_killable(sum, [1, 2, 3], timeout=5) == 6
    with pytest.raises(ZeroDivisionError):  # the child's own exception comes back as it was
        run_killable(divmod, 1, 0, timeout=5)


def test_clean_with_a_timeout_holds_inside_c(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleanpage
    from cleanpage import api

    monkeypatch.setattr(api, "sniff", _stuck_on_marked_pages(api.sniff))
    start = time.monotonic()
    with pytest.raises(Timeout):
        cleanpage.clean("<p>STUCK-IN-C</p>", timeout=1)
    assert time.monotonic() - start < 4  # was: as long as the C call (minutes)
    assert cleanpage.clean(PAGE, timeout=5).title == "T"


@pytest.mark.parametrize("chunksize", [1, 3])
def test_one_worker_with_a_timeout_holds_inside_c(monkeypatch: pytest.MonkeyPatch, chunksize: int) -> None:
    import cleanpage
    from cleanpage import api

    monkeypatch.setattr(api, "sniff", _stuck_on_marked_pages(api.sniff))
    start = time.monotonic()
    results = dict(cleanpage.clean_many([("a", PAGE), ("stuck", "<p>STUCK-IN-C</p>"), ("b", PAGE)],
                                        workers=1, timeout=1, chunksize=chunksize))
    assert isinstance(results["stuck"], Timeout)
    assert results["a"].title == results["b"].title == "T"  # type: ignore[union-attr]
    assert time.monotonic() - start < 15  # was: the in-process timer, blocked for the whole C call


def test_the_cli_with_one_job_holds_inside_c(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cleanpage import api
    from cleanpage.io.cli import main

    monkeypatch.setattr(api, "sniff", _stuck_on_marked_pages(api.sniff))
    (tmp_path / "stuck.html").write_text("<p>STUCK-IN-C</p>", encoding="utf-8")
    start = time.monotonic()
    assert main([str(tmp_path / "stuck.html"), "--out", str(tmp_path / "o.jsonl"), "--jobs", "1",
                 "--timeout", "1", "--quiet"]) == 1
    assert time.monotonic() - start < 10
    assert '"timeout"' in (tmp_path / "o.errors.jsonl").read_text(encoding="utf-8")


_COLD = """
import sys, threading, time
sys.path.insert(0, {src!r})
import cleanpage
page = {page!r}
mode = sys.argv[1]
if mode == "main":
    outcomes = []
    for _ in range(2):
        try:
            outcomes.append(cleanpage.clean(page, timeout=1).title)
        except cleanpage.CleanpageError as exc:
            outcomes.append(exc.reason)
else:
    outcomes = []
    def run():
        try:
            outcomes.append(cleanpage.clean(page, timeout=1).title)
        except cleanpage.CleanpageError as exc:
            outcomes.append(exc.reason)
    threads = [threading.Thread(target=run) for _ in range(3)]
    [t.start() for t in threads]
    [t.join() for t in threads]
print(" ".join(outcomes))
"""


@pytest.mark.parametrize("mode", ["main", "threads"])
def test_a_cold_process_is_not_charged_for_its_warm_up(mode: str) -> None:
    """The first clean(page, timeout=1) of a fresh process used to time out: a second of imports and
    rule loading ran on the document's clock (3 of 3 calls from threads did)."""
    import subprocess
    import sys
    from pathlib import Path

    import cleanpage

    src = str(Path(cleanpage.__file__).resolve().parent.parent)
    script = _COLD.format(src=src, page=PAGE)
    done = subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.split() == ["T"] * (2 if mode == "main" else 3), done.stderr
