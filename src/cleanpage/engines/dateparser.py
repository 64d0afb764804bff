"""The dateparser adapter: free-text dates, and the month, weekday and am/pm words of a language.

The date readers (:mod:`cleanpage.pipeline.shared.dates`) give it plain values (a text, the moment a
relative expression is resolved against, language codes) and get a naive ``datetime`` or ``None``
back. dateparser's failures are caught and logged here, and its warnings silenced (it warns about
its own dependencies on some inputs), so a bug in it costs one date, never the page. It is imported
on first use: most pages never need it and its import is slow.
"""

from __future__ import annotations

import datetime as _dt
import logging
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["locale_infos", "read_date"]

log = logging.getLogger(__name__)


def read_date(text: str, base: _dt.datetime, languages: Sequence[str]) -> _dt.datetime | None:
    """``text`` read as a date in one of ``languages``; a relative one ("3 days ago") against ``base``,
    an incomplete one preferring the past; naive. ``None`` when dateparser finds none or fails."""
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    try:
        import dateparser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed: _dt.datetime | None = dateparser.parse(text, languages=list(languages), settings=settings)
            return parsed
    except Exception:
        log.debug("dateparser failed on %r", text, exc_info=True)
        return None


def locale_infos(languages: Sequence[str]) -> list[Mapping[str, Any]] | None:
    """dateparser's locale data of each language (month and weekday names under ``"january"`` …
    ``"sunday"``, ``"skip"``, ``"am"``, ``"pm"``), or ``None`` when one of them is unknown to it."""
    try:
        from dateparser.languages.loader import default_loader

        return [default_loader.get_locale(code).info for code in languages]
    except Exception:  # an unknown language code, most often
        log.debug("dateparser has no locale for one of %r", languages, exc_info=True)
        return None
