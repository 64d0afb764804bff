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
