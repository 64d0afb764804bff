"""The dateparser adapter: plain values in, a naive datetime or None out; its failures logged, never raised."""

from __future__ import annotations

import datetime as _dt
import logging

import pytest

from cleanpage.engines.dateparser import locale_infos, read_date

BASE = _dt.datetime(2024, 3, 10, 12, 0)


def test_a_written_date_and_a_relative_one() -> None:
    assert read_date("12. März 2024 um 14:05 Uhr", BASE, ["de"]) == _dt.datetime(2024, 3, 12, 14, 5)
    assert read_date("3 days ago", BASE, ["en"]) == _dt.datetime(2024, 3, 7, 12, 0)
    assert read_date("no date in here at all", BASE, ["en"]) is None


def test_a_failure_is_logged_and_gives_none(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import dateparser

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the dependency")

    monkeypatch.setattr(dateparser, "parse", broken)
    with caplog.at_level(logging.DEBUG, logger="cleanpage.engines.dateparser"):
        assert read_date("March 3, 2024", BASE, ["en"]) is None
    assert "dateparser failed" in caplog.text


def test_locale_words_of_known_languages_and_none_for_an_unknown_one() -> None:
    infos = locale_infos(("en", "de"))
    assert infos is not None and len(infos) == 2
    assert "march" in [w.lower() for w in infos[0]["march"]] and "märz" in [w.lower() for w in infos[1]["march"]]
    assert locale_infos(("en", "xx-not-a-language")) is None
