"""Dates from attributes and free text, never invented.

Machine-readable values (ISO 8601 in ``datetime``/``content`` attributes, JSON-LD) are parsed with
the standard library; free text ("12. März 2024 um 14:05 Uhr", "3 days ago") goes to dateparser.
A relative date is only resolved against a known reference (the page's own date): resolving it
against the clock would stamp the extraction time on the data, so without a reference it is
``None``. Dates in the future or before 1990 are rejected as misreadings.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import warnings

__all__ = ["parse_date", "parse_iso"]

log = logging.getLogger(__name__)

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
_HAS_DIGIT_OR_WORD = re.compile(r"\d|[^\W\d_]{3,}")
#: Two distant bases: a relative expression resolves differently against them, an absolute one not.
_BASE_A = _dt.datetime(2001, 6, 15, 12, 0, 0)
_BASE_B = _dt.datetime(2011, 3, 9, 12, 0, 0)
_EARLIEST = _dt.datetime(1990, 1, 1)


def parse_iso(value: str) -> _dt.date | _dt.datetime | None:
    """ISO 8601 date or date-time; an offset the page states is kept (the page's own local time)."""
    match = _ISO.match(value)
    if not match:
        return None
    y, mo, d, h, mi, s, tz = match.groups()
    try:
        if h is None:
            return _dt.date(int(y), int(mo), int(d))
        zone = None
        if tz == "Z":
            zone = _dt.timezone.utc
        elif tz:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            zone = _dt.timezone(sign * _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return _dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), tzinfo=zone)
    except ValueError:
        return None


def _dateparser(text: str, base: _dt.datetime) -> _dt.datetime | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd text
        log.debug("dateparser failed on %r", text, exc_info=True)
        return None


def _implausible(value: _dt.date | _dt.datetime) -> bool:
    """In the future (a misread id or a template placeholder) or before the web."""
    limit = _dt.datetime.now()
    moment = value if isinstance(value, _dt.datetime) else _dt.datetime(value.year, value.month, value.day)
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=None)
    return moment > limit + _dt.timedelta(days=1) or moment < _EARLIEST


def parse_date(text: str | None, reference: _dt.datetime | None = None) -> _dt.date | _dt.datetime | None:
    """A date from an attribute value or a short text, or ``None``."""
    if not text:
        return None
    text = text.strip()
    if not text or len(text) > 120 or not _HAS_DIGIT_OR_WORD.search(text):
        return None
    value: _dt.date | _dt.datetime | None = parse_iso(text)
    if value is None:
        first = _dateparser(text, _BASE_A)
        if first is None:
            return None
        second = _dateparser(text, _BASE_B)
        if second != first:
            # relative ("2 days ago", "yesterday"): only meaningful against the page's own date
            if reference is None:
                return None
            value = _dateparser(text, reference)
        else:
            value = first
    if value is None or _implausible(value):
        return None
    return value
