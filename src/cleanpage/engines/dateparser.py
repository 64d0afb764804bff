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


#: the parts of dateparser's locale data the date readers use
_INFO_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "skip", "am", "pm")


def locale_infos(languages: Sequence[str]) -> list[Mapping[str, Any]] | None:
    """dateparser's locale data of each language (month and weekday names under ``"january"`` …
    ``"sunday"``, ``"skip"``, ``"am"``, ``"pm"``), or ``None`` when one of them is unknown to it.

    Importing dateparser and loading a locale costs about half a second, once per process: the
    answer is kept on disk per dateparser version and language set (:mod:`cleanpage.rules._cache`),
    so a fresh process that finds it there never imports dateparser for it."""
    from importlib.util import find_spec
    from pathlib import Path

    from cleanpage.rules._cache import cached

    # the installed dateparser, named by where it is and its __init__ (which holds its version):
    # cheaper than importlib.metadata, which would cost more than it saves
    origin = release = None
    try:
        spec = find_spec("dateparser")
        origin = spec.origin if spec is not None else None
        release = Path(origin).read_text(encoding="utf-8") if origin else None
    except (ImportError, OSError, ValueError):
        pass
    if origin is None or release is None or not languages:
        return _locale_infos(languages)
    # an unknown language is kept as [] (a known one gives one mapping per language)
    found: list[Mapping[str, Any]] = cached(("dateparser-locales", origin, release, *languages),
                                            lambda: _locale_infos(languages) or [], list, name="dateparser")
    return found or None


def _locale_infos(languages: Sequence[str]) -> list[Mapping[str, Any]] | None:
    try:
        from dateparser.languages.loader import default_loader

        infos = [default_loader.get_locale(code).info for code in languages]
        return [{key: list(info[key]) for key in _INFO_KEYS if key in info} for info in infos]
    except Exception:  # an unknown language code, most often
        log.debug("dateparser has no locale for one of %r", languages, exc_info=True)
        return None
