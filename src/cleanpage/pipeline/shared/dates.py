"""Dates from attributes and free text, never invented.

Machine-readable values (ISO 8601 in ``datetime``/``content`` attributes, JSON-LD) are parsed with
the standard library; free text ("12. März 2024 um 14:05 Uhr", "3 days ago") goes to dateparser
(through its adapter, :mod:`cleanpage.engines.dateparser`) unless the month-name fast path here
reads it the same way.
A relative date is only resolved against a known reference (the page's own date): resolving it
against the clock would stamp the extraction time on the data, so without a reference it is
``None``. Dates in the future or before 1990 are rejected as misreadings.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import NamedTuple
from urllib.parse import unquote

from cleanpage.engines.dateparser import locale_infos, read_date
from cleanpage.pipeline.shared.patterns import YEAR
from cleanpage.rules import MetadataCues

__all__ = ["calendar_word", "date_from_url", "in_page_zone", "is_date_line", "local_day", "numeric_readings", "parse_date",
           "parse_iso", "parse_visible_date", "zone_tag"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$")
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
            zone = _dt.timezone(sign * _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))
        return _dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), tzinfo=zone)
    except ValueError:
        return None


#: "20.06.2019", "2019-06-20", "26/10/2018", "2019/06/20", optionally followed by a time "11:43" / "11h20"
_NUMERIC = re.compile(
    r"(?<![\d.,])(?:(?P<y1>(?:19|20)\d{2})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[./-])\s?(?P<b>\d{1,2})(?P=sep)\s?(?P<y2>(?:19|20)\d{2}))(?![\d])"
    r"(?:\D{1,14}?(?P<hh>\d{1,2})[:h](?P<mm>\d{2}))?"
)
_CLOCK = re.compile(r"(?<!\d)\d{1,2}(?::|h)\d{2}(?!\d)|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
#: a date inside a URL path: /2014/05/18/ (a number from an id is never read as a day)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")
#: a whole date as a path segment or a slug's start: "/2021-10-29/", "/2021-10-29-title", "/29-10-2021"
_URL_DAY = re.compile(
    r"/(?:(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})|(?P<a>\d{1,2})[-.](?P<b>\d{1,2})[-.](?P<y2>(?:19|20)\d{2}))"
    r"(?:[/_.]|-(?=[^\W\d_])|$)"
)


def numeric_readings(text: str) -> tuple[_dt.date, _dt.date] | None:
    """The day-first and the month-first reading of the first numeric date in ``text`` when both are
    dates and differ ("03/10/2023": 3 October, 10 March), else ``None`` (a dotted date is always
    day-first, a part above 12 settles the order, "05/05/2023" is one day either way)."""
    m = _NUMERIC.search(text)
    if m is None or m["y1"] or m["sep"] == ".":
        return None
    a, b, y = int(m["a"]), int(m["b"]), int(m["y2"])
    if a == b or a > 12 or b > 12 or not a or not b:
        return None
    return _dt.date(y, b, a), _dt.date(y, a, b)


def _numeric(text: str, month_first: bool) -> _dt.date | _dt.datetime | None:
    m = _NUMERIC.search(text)
    if m is None:
        return None
    if m["y1"]:
        y, mo, d = int(m["y1"]), int(m["m1"]), int(m["d1"])
    else:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y2"])
        if m["sep"] == "." or a > 12:
            d, mo = a, b
        elif b > 12 or month_first:
            mo, d = a, b
        else:
            d, mo = a, b
    try:
        if m["hh"] is not None and int(m["hh"]) < 24 and int(m["mm"]) < 60:
            return _dt.datetime(y, mo, d, int(m["hh"]), int(m["mm"]))
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def parse_visible_date(
    text: str | None, *, cues: MetadataCues, month_first: bool = False, lang: str | None = None
) -> _dt.date | _dt.datetime | None:
    """The page's own date as a reader sees it ("20.06.2019 11:43", "December 4, 2006", "Publié le
    3 mars 2024 à 11h20"): a ``date``, or a naive ``datetime`` when a time is written.

    Only absolute dates with a year are read (a visible "3 days ago" has no reference); numbers
    are read with a regular expression, month names with dateparser on the short text only.
    ``month_first`` reads an ambiguous "03/04/2020" as March 4 (US English). ``lang`` (the page's
    language) narrows dateparser to that language and English, which is many times faster than
    letting it try every locale. ``cues`` (``Rules.cues``, from ``metadata.toml``) has the leads of
    a date line ("Veröffentlicht am", "Publié le") stripped before dateparser reads it.
    """
    if not text:
        return None
    text = " ".join(text.split())
    if len(text) > 120 or not YEAR.search(text):
        return None
    value = _numeric(text, month_first)
    if value is None:
        short = cues.date_lead.sub("", text, count=1)
        # "3 mars 2024 à 11h20 - Mis à jour le …": the first date only; "12 de marzo de 2024 - 10:45":
        # with the time written after it
        pieces = re.split(r"\s[-–|·•]\s|\s/\s|\(", short, maxsplit=1)
        short = pieces[0].strip()
        clock = cues.lone_clock.match(pieces[1]) if len(pieces) == 2 else None
        if clock is not None:
            short = f"{short} {clock.group(1)}"
        if not short or len(short) > 60 or not YEAR.search(short):
            return None
        if not _DAY.search(_CLOCK.sub("", YEAR.sub("", short))):
            return None  # "March 2024": dateparser would invent the day
        if not _LETTER_WORDS.search(short):
            return None  # numbers alone that are no whole date ("2024/25", a season; "1/2024"): no day to read
        languages = _languages(lang)
        short = re.sub(r"(?<=\d)h(?=\d{2}\b)", ":", short)
        parsed = _named_month(short, tuple(languages)) or _dateparser(short, _BASE_A, languages)
        if parsed is None:
            return None
        value = parsed if _CLOCK.search(short) else parsed.date()
    if _implausible(value):
        return None
    return value


#: Languages tried when a page does not declare its own: dateparser's search over all of its ~200
#: locales costs tens of milliseconds per call (it compiles each locale's patterns on first use),
#: which a batch of pages in unknown languages cannot afford.
_DEFAULT_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl"]


def _languages(lang: str | None) -> list[str]:
    code = (lang or "").lower().replace("_", "-").split("-")[0]
    if not code or len(code) not in (2, 3) or not code.isalpha():
        return list(_DEFAULT_LANGUAGES)
    return [code] if code == "en" else [code, "en"]


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: a clock time, a number, or a word (punctuation between them carries nothing in a date line)
_DATE_PART = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)|\d+|[^\W\d_]+")


class _Calendar(NamedTuple):
    """The words of date lines in some languages, from dateparser's own locale data."""

    months: dict[str, int]
    #: weekday names and the words that carry no date ("um", "at", "de", "Uhr", "th")
    filler: frozenset[str]
    am: frozenset[str]
    pm: frozenset[str]
    #: words with two meanings (Spanish "mar" is March and Tuesday): left to dateparser
    ambiguous: frozenset[str]


def calendar_word(text: str, languages: tuple[str, ...]) -> bool:
    """``text`` is one weekday's or month's name in one of ``languages`` ("Tuesday", "Dienstag.",
    "March"): a date line's piece, never a name. False when dateparser does not know a language."""
    return text.strip(" .,:;").casefold() in _calendar_names(languages)


#: the words of a line, letters only (digits, times and punctuation are the date's)
_LETTER_WORDS = re.compile(r"[^\W\d_]+")


def is_date_line(text: str, cues: MetadataCues, lang: str | None = None) -> bool:
    """``text`` only dates the page: a date a reader sees, with at most its label, lead, change word and
    time of day ("Updated on July 9, 2025", "Last updated: 21.04.2025 um 10:47 Uhr", "15 Dec, 2025").
    Every word that is not the date's own must be a word of such a line (``cues.date_line_words``, from
    ``metadata.toml``), a month's or weekday's name, or hold a change stem; a line with any other word
    ("2025 tax deadlines", "Here is the story of our 2025:") is the page's text."""
    if len(text) > 80 or text.rstrip().endswith(("!", "?", ":")) or not YEAR.search(text):
        return False
    languages = tuple(_languages(lang))
    names = _calendar_names(languages)
    for word in _LETTER_WORDS.findall(text.casefold()):
        if word not in cues.date_line_words and word not in names and not cues.changed.search(word):
            return False
    return parse_visible_date(text, cues=cues, lang=lang) is not None


@functools.lru_cache(maxsize=32)
def _calendar_names(languages: tuple[str, ...]) -> frozenset[str]:
    infos = locale_infos(languages) or []
    return frozenset(word.casefold().strip(".") for info in infos for key in (*_MONTHS, *_WEEKDAYS)
                     for word in info.get(key, ()))


@functools.lru_cache(maxsize=32)
def _calendar(languages: tuple[str, ...]) -> _Calendar | None:
    """Month names, weekdays, filler and am/pm words of ``languages`` (built once per language set)."""
    infos = locale_infos(languages)
    if infos is None:  # an unknown language: dateparser decides
        return None
    months: dict[str, int] = {}
    meaning: dict[str, set[str]] = {}

    def note(word: str, what: str) -> None:
        for part in word.lower().split():
            part = part.strip(".")
            if part:
                meaning.setdefault(part, set()).add(what)

    for info in infos:
        for n, key in enumerate(_MONTHS, 1):
            for word in info.get(key, ()):
                note(word, f"month{n}")
        for key in _WEEKDAYS:
            for word in info.get(key, ()):
                note(word, "filler")
        for word in info.get("skip", ()):
            note(word, "filler")
        for word in info.get("am", ()):
            note(word, "am")
        for word in info.get("pm", ()):
            note(word, "pm")
    ambiguous = {w for w, kinds in meaning.items() if len(kinds) > 1}
    for word, kinds in meaning.items():
        (kind,) = kinds if len(kinds) == 1 else ("",)
        if kind.startswith("month"):
            months[word] = int(kind[5:])
    return _Calendar(
        months=months,
        filler=frozenset(w for w, k in meaning.items() if k == {"filler"}),
        am=frozenset(w for w, k in meaning.items() if k == {"am"}),
        pm=frozenset(w for w, k in meaning.items() if k == {"pm"}),
        ambiguous=frozenset(ambiguous),
    )


def _named_month(text: str, languages: tuple[str, ...]) -> _dt.datetime | None:
    """An absolute date line with a month name ("3. März 2021 um 10:47", "March 3, 2021 at 10:47 pm",
    "5 de marzo de 2024") read without dateparser, or ``None`` to let dateparser read it.

    dateparser costs about a millisecond per call, and a page with fifty comments has fifty dated
    lines. This reads only the plain shape — one day, one month name, one four-digit year, at most
    one clock time with its am/pm, and otherwise only weekday and filler words of these languages —
    which dateparser reads the same way; any other word, number or repetition goes to dateparser.
    (One difference, on purpose: a template that mixes two of the languages, "14. Juni 2013 at
    20:51", is read here; dateparser wants one language per text and returns nothing.)
    """
    calendar = _calendar(languages)
    if calendar is None:
        return None
    day = month = year = hour = minute = None
    after_clock = False
    meridiem = None
    for m in _DATE_PART.finditer(text.lower()):
        part = m.group(0)
        if m.group(1) is not None:
            if hour is not None:
                return None
            hour, minute = int(m.group(1)), int(m.group(2))
            after_clock = True
            continue
        if part.isdigit():
            if len(part) == 4:
                if year is not None:
                    return None
                year = int(part)
            elif len(part) <= 2 and day is None:
                day = int(part)
            else:
                return None
        elif part in calendar.ambiguous or (after_clock and part in ("a", "p")):
            return None  # "12:00 A. M.": initials dateparser reads its own way
        elif part in calendar.months:
            if month is not None:
                return None
            month = calendar.months[part]
        elif after_clock and meridiem is None and (part in calendar.am or part in calendar.pm):
            meridiem = "pm" if part in calendar.pm else "am"
        elif part not in calendar.filler:
            return None
        after_clock = False
    if day is None or month is None or year is None:
        return None
    if hour is not None and minute is not None:
        if meridiem is not None:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
    else:
        hour = minute = 0
    try:
        return _dt.datetime(year, month, day, hour, minute)
    except ValueError:
        return None


#: a permalink date with a month's name: "/2023/october/03/", "/2023/oct/03"
_URL_NAMED_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<w>[^\W\d_]{3,})/(?P<d>0?[1-9]|[12]\d|3[01])(?:/|$)")
#: a whole date with a month's name as a path segment or a slug's start: "/03-october-2023",
#: "/october-3-2023-title", "/2023-oct-03"
_URL_NAMED_DAY = re.compile(
    r"/(?:(?P<d>\d{1,2})-(?P<w>[^\W\d_]{3,})-(?P<y>(?:19|20)\d{2})"
    r"|(?P<w2>[^\W\d_]{3,})-(?P<d2>\d{1,2})(?:st|nd|rd|th)?-(?P<y2>(?:19|20)\d{2})"
    r"|(?P<y3>(?:19|20)\d{2})-(?P<w3>[^\W\d_]{3,})-(?P<d3>\d{1,2}))"
    r"(?:[/_.]|-(?=[^\W\d_])|$)"
)


@functools.lru_cache(maxsize=32)
def _url_months(languages: tuple[str, ...]) -> dict[str, int]:
    """Month names and abbreviations of ``languages`` (dateparser's locale data), as a URL writes
    them (case-folded, no dot); a word that names two months in two of the languages is left out.
    Weekday names do not matter here: a URL's month sits between a year and a day."""
    months: dict[str, set[int]] = {}
    for info in locale_infos(languages) or []:
        for n, key in enumerate(_MONTHS, 1):
            for word in info.get(key, ()):
                word = word.casefold().strip(".")
                if len(word) >= 3 and " " not in word:
                    months.setdefault(word, set()).add(n)
    return {w: next(iter(ns)) for w, ns in months.items() if len(ns) == 1}


def _url_languages(lang: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*_languages(lang), *_DEFAULT_LANGUAGES]))


def _named_from_url(path: str, slugs: bool, lang: str | None) -> _dt.date | None:
    """A URL date with a month's name (a permalink's "/2023/october/03/", or with ``slugs`` a
    segment's "/03-october-2023"); a month word and a year alone ("/2023/october/") are no day."""
    path = unquote(path).casefold()
    found = [(m["y"], m["w"], m["d"]) for m in _URL_NAMED_DATE.finditer(path)]
    if slugs:
        for m in _URL_NAMED_DAY.finditer(path):
            found.append((m["y"] or m["y2"] or m["y3"], m["w"] or m["w2"] or m["w3"], m["d"] or m["d2"] or m["d3"]))
    if not found:
        return None
    months = _url_months(_url_languages(lang))
    for year, word, day in found:
        month = months.get(word)
        if month is None:
            continue
        try:
            return _dt.date(int(year), month, int(day))
        except ValueError:
            continue
    return None


def date_from_url(url: str | None, *, slugs: bool = True, lang: str | None = None) -> _dt.date | None:
    """A /YYYY/MM/DD/ path date (the publication day many CMSs put in permalinks), or (``slugs``)
    a whole date as a path segment ("/2021-10-29-title", "/meldungen/29-10-2021"), which is as
    often the date of what the page is about (a meeting, an event); never a run of id digits.
    A month may be written as a word in the page's language ``lang`` or a common one
    ("/2023/october/03/", "/2023/okt/03/", "/03-octobre-2023")."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    m = _URL_DATE.search(path)
    try:
        if m is not None:
            value = _dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif (named := _named_from_url(path, False, lang)) is not None:
            value = named
        elif not slugs:
            return None
        else:
            m = _URL_DAY.search(path)
            if m is None:
                named = _named_from_url(path, True, lang)
                return None if named is None or _implausible(named) else named
            if m["y"]:
                value = _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            else:
                # "/meldungen/29-10-2021": day first unless only the month-first reading is a date;
                # "/03-04-2021" could be either and is no answer
                a, b = int(m["a"]), int(m["b"])
                if a <= 12 and b <= 12 and a != b:
                    return None
                value = _dt.date(int(m["y2"]), b, a) if b <= 12 else _dt.date(int(m["y2"]), a, b)
    except ValueError:
        return None
    return None if _implausible(value) else value


#: The time zone a language tag implies, for languages (or language-region pairs) spoken in one
#: zone; "en" and "es" alone span continents and imply none.
_ZONES = {
    "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome", "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw", "cs": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
    "da": "Europe/Copenhagen", "sv": "Europe/Stockholm", "nb": "Europe/Oslo", "no": "Europe/Oslo",
    "fi": "Europe/Helsinki", "el": "Europe/Athens", "ro": "Europe/Bucharest", "bg": "Europe/Sofia",
    "hr": "Europe/Zagreb", "sl": "Europe/Ljubljana", "tr": "Europe/Istanbul", "uk": "Europe/Kyiv",
    "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "zh-cn": "Asia/Shanghai", "zh": "Asia/Shanghai",
    "pt-br": "America/Sao_Paulo", "pt-pt": "Europe/Lisbon", "es-es": "Europe/Madrid",
    "es-ar": "America/Argentina/Buenos_Aires", "es-mx": "America/Mexico_City", "es-co": "America/Bogota",
    "es-cl": "America/Santiago", "es-pe": "America/Lima", "es-bo": "America/La_Paz", "es-ve": "America/Caracas",
    "es-uy": "America/Montevideo", "es-ec": "America/Guayaquil", "es-gt": "America/Guatemala",
    "es-hn": "America/Tegucigalpa", "es-pa": "America/Panama", "en-gb": "Europe/London", "en-ie": "Europe/Dublin",
    "en-in": "Asia/Kolkata", "en-au": "Australia/Sydney", "en-nz": "Pacific/Auckland",
    "de-ch": "Europe/Zurich", "de-at": "Europe/Vienna", "fr-ch": "Europe/Zurich", "fr-ca": "America/Toronto",
    "ru": "Europe/Moscow",
}


#: Country-code domains whose code is not the country's ISO code.
_TLD_COUNTRY = {"uk": "gb"}
_TLD = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?[^/?#:]*\.([a-z]{2})(?:[:/?#]|$)", re.IGNORECASE)


def zone_tag(lang: str | None, url: str | None) -> str | None:
    """The page's language tag, with the country of its country-code domain when the tag names
    none: an ``es`` page on ``lanacion.com.ar`` is ``es-ar``, whose zone :func:`in_page_zone`
    knows, where ``es`` alone spans continents. A tag that names a country keeps it."""
    if not lang:
        return lang
    tag = lang.lower().replace("_", "-")
    if "-" in tag:
        return tag
    match = _TLD.match(url or "")
    if match is None:
        return tag
    country = match.group(1).lower()
    return f"{tag}-{_TLD_COUNTRY.get(country, country)}"


def in_page_zone(value: _dt.datetime, lang: str | None) -> _dt.datetime:
    """A UTC time stamp shown in the page's own zone (the same instant), when the page's language
    tag implies one zone: "2022-11-06T23:00:00+00:00" on a ``de`` page is 2022-11-07 00:00+01:00,
    the day its readers saw. Anything else is returned unchanged."""
    if value.utcoffset() != _dt.timedelta(0) or not lang:
        return value
    tag = lang.lower().replace("_", "-")
    zone = _ZONES.get(tag) or (_ZONES.get(tag.split("-")[0]) if tag.split("-")[0] not in ("en", "es", "pt") else None)
    if zone is None:
        return value
    try:
        from zoneinfo import ZoneInfo

        local = value.astimezone(ZoneInfo(zone))
    except Exception:  # noqa: BLE001 - no tz database: keep the page's value
        return value
    offset = local.utcoffset()
    if offset is None or offset == _dt.timedelta(0):
        return value
    return local.replace(tzinfo=_dt.timezone(offset))  # a fixed offset, as parse_iso gives


def local_day(value: _dt.date | _dt.datetime) -> _dt.date:
    """The calendar day as the page wrote it (an offset is kept, never converted)."""
    return value.date() if isinstance(value, _dt.datetime) else value


def _dateparser(text: str, base: _dt.datetime, languages: list[str] | None = None) -> _dt.datetime | None:
    """dateparser's reading of ``text`` (:mod:`cleanpage.engines.dateparser`), in the page's languages or
    the default ones."""
    return read_date(text, base, languages or _DEFAULT_LANGUAGES)


def _implausible(value: _dt.date | _dt.datetime) -> bool:
    """In the future (a misread id or a template placeholder) or before the web."""
    limit = _dt.datetime.now()
    moment = value if isinstance(value, _dt.datetime) else _dt.datetime(value.year, value.month, value.day)
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=None)
    return moment > limit + _dt.timedelta(days=1) or moment < _EARLIEST


#: An RFC 2822 stamp with its zone ("Wed, 04 May 2022 00:25:56 GMT", "4 May 2022 02:41 +0000"), as
#: some CMSs write JSON-LD ``datePublished``: the zone is part of the value, so it is kept.
_RFC2822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC?|Z|[+-]\d{4})$",
    re.IGNORECASE,
)


def _rfc2822(text: str) -> _dt.datetime | None:
    if _RFC2822.match(text) is None:
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def parse_date(text: str | None, reference: _dt.datetime | None = None) -> _dt.date | _dt.datetime | None:
    """A date from an attribute value or a short text, or ``None``."""
    if not text:
        return None
    text = text.strip()
    if not text or len(text) > 120 or not _HAS_DIGIT_OR_WORD.search(text):
        return None
    value: _dt.date | _dt.datetime | None = parse_iso(text) or _rfc2822(text) or _named_month(
        text, tuple(_DEFAULT_LANGUAGES))
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
