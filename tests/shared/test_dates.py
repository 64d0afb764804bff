"""Dates: machine-readable values, visible date lines (the month-name fast path gives the same answers as
dateparser, or none at all), dates in URLs and the zone a page implies."""

from __future__ import annotations

import datetime as _dt

import pytest

from cleanpage.pipeline.shared.dates import (
    _dateparser,
    _named_month,
    date_from_url,
    parse_date,
    parse_iso,
    parse_visible_date,
)
from cleanpage.rules import load_rules

RULES = load_rules()
CUES = RULES.cues
_BASE = _dt.datetime(2001, 6, 15, 12, 0, 0)


# (text, languages): plain shapes in several languages, the way comment and byline dates are written
AGREES = [
    ("March 3, 2021 at 10:47 am", ("en",)),
    ("March 3, 2021 at 10:47 pm", ("en",)),
    ("Monday, March 3rd, 2021", ("en",)),
    ("December 12, 2019 at 12:05 am", ("en",)),
    ("3. März 2021 um 10:47 Uhr", ("de", "en")),
    ("Montag, 3. Mai 2021", ("de", "en")),
    ("12 mai 2023 à 11:20", ("fr", "en")),
    ("le 5 mars 2024", ("fr", "en")),
    ("5 de marzo de 2024", ("es", "en")),
    ("4 maggio 2022 alle 09:15", ("it", "en")),
    ("12 de março de 2023 às 18:40", ("pt", "en")),
    ("7 maart 2020 om 14:02", ("nl", "en")),
    ("2 maja 2021", ("pl", "en")),
]


@pytest.mark.parametrize(("text", "languages"), AGREES)
def test_plain_month_name_dates_read_as_dateparser_reads_them(text: str, languages: tuple[str, ...]) -> None:
    fast = _named_month(text, languages)
    assert fast is not None
    assert fast == _dateparser(text, _BASE, list(languages))


def test_twelve_am_and_pm() -> None:
    assert _named_month("May 4, 2022 12:10 am", ("en",)) == _dt.datetime(2022, 5, 4, 0, 10)
    assert _named_month("May 4, 2022 12:10 pm", ("en",)) == _dt.datetime(2022, 5, 4, 12, 10)


@pytest.mark.parametrize(
    "text",
    [
        "March 2021",  # no day
        "3 March",  # no year
        "3 - 5 March 2024",  # a range: two days
        "March 3, 2021 and April 4, 2022",  # two dates
        "5 Mar 21",  # two-digit year
        "04 de mayo 2022, 12:00 A. M.",  # initials
        "mar 5 marzo 2024",  # Spanish "mar" is March and Tuesday
        "March 3, 2021 by John Smith",  # a name: not a date line
        "March 32, 2021",  # no such day
        "March 3, 2021 at 25:10",  # no such hour
        "am 3. März 2021",  # German "am" before the clock is not a meridiem: dateparser decides
    ],
)
def test_anything_else_is_left_to_dateparser(text: str) -> None:
    languages = ("es", "en") if "marzo" in text or "mayo" in text else ("de", "en") if "März" in text else ("en",)
    assert _named_month(text, languages) is None


def test_mixed_template_languages_are_read() -> None:
    # a German theme with an English "at": dateparser wants one language per text and returns nothing
    assert _named_month("14. Juni 2013 at 20:51", ("de", "en")) == _dt.datetime(2013, 6, 14, 20, 51)


def test_unknown_language_falls_back() -> None:
    assert _named_month("3 March 2021", ("xx",)) is None


def test_visible_dates_keep_their_clock_or_day() -> None:
    assert parse_visible_date("3. März 2021 um 10:47", cues=CUES, lang="de") == _dt.datetime(2021, 3, 3, 10, 47)
    assert parse_visible_date("Published March 3, 2021", cues=CUES, lang="en") == _dt.date(2021, 3, 3)


def test_iso_keeps_the_page_offset() -> None:
    value = parse_iso("2024-03-12T08:30:00+01:00")
    assert isinstance(value, _dt.datetime) and value.utcoffset() == _dt.timedelta(hours=1)


def test_future_and_prehistoric_dates_are_rejected() -> None:
    next_year = _dt.date.today().year + 1
    assert parse_date(f"{next_year}-06-01") is None
    assert parse_date("1970-01-01") is None
    assert parse_visible_date(f"12.05.{next_year}", cues=RULES.cues) is None


def test_relative_dates_need_a_reference() -> None:
    assert parse_date("3 days ago") is None
    assert parse_date("3 days ago", _dt.datetime(2024, 3, 10, 12)) is not None
    assert parse_visible_date("3 days ago", cues=RULES.cues) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20.06.2019 11:43", _dt.datetime(2019, 6, 20, 11, 43)),
        ("December 4, 2006", _dt.date(2006, 12, 4)),
        ("March 3, 2024", _dt.date(2024, 3, 3)),
        ("Publié le 3 mars 2024 à 11h20 - Mis à jour le 3 mars 2024 à 12h05", _dt.datetime(2024, 3, 3, 11, 20)),
        ("12. März 2024 um 14:05 Uhr", _dt.datetime(2024, 3, 12, 14, 5)),
        ("Stand - 12.11.2021", _dt.date(2021, 11, 12)),
        ("26/10/2018", _dt.date(2018, 10, 26)),
        ("Written: 2023-11-07 15:03:30", _dt.datetime(2023, 11, 7, 15, 3)),
        ("March 2024", None),  # no day: never invented
        ("Artikel 1234567", None),
        # the time written after the date's dash is kept; anything else after it is not read
        ("12 de marzo de 2024 - 10:45", _dt.datetime(2024, 3, 12, 10, 45)),
        ("March 3, 2021 | 9h05", _dt.datetime(2021, 3, 3, 9, 5)),
        ("12 de marzo de 2024 - Madrid", _dt.date(2024, 3, 12)),
        ("March 3, 2021 - 9:05 readers", _dt.date(2021, 3, 3)),
    ],
)
def test_visible_dates(text: str, expected: object) -> None:
    assert parse_visible_date(text, cues=RULES.cues) == expected


def test_url_dates_only_from_date_shaped_paths() -> None:
    assert date_from_url("https://blog.example/2014/05/18/a-post/") == _dt.date(2014, 5, 18)
    assert date_from_url("https://news.example/story/2014/05/1234567") is None
    assert date_from_url("https://news.example/article-20190518123.html") is None
    assert date_from_url(None) is None
    # a whole date as a path segment or a slug's start
    assert date_from_url("https://www.example.com/politics/story/2020-02-19/a-debate") == _dt.date(2020, 2, 19)
    assert date_from_url("https://blog.example/2020-10-18-cdpath-replacement/") == _dt.date(2020, 10, 18)
    assert date_from_url("https://verein.example/meldungen/29-10-2021") == _dt.date(2021, 10, 29)
    assert date_from_url("https://us.example/news/10-29-2021/x") == _dt.date(2021, 10, 29)
    assert date_from_url("https://x.example/newsroom/23-01-2022-wierer-darf") == _dt.date(2022, 1, 23)
    assert date_from_url("https://x.example/a/03-04-2021") is None  # day or month first: no answer
    assert date_from_url("https://x.example/a/2021-10-29123") is None
    assert date_from_url("https://x.example/item/12-2021-05") is None
    assert date_from_url("https://x.example/a/?d=2021-10-29") is None  # the query is not the path


def test_utc_stamp_is_shown_in_the_zone_the_page_language_implies() -> None:
    from cleanpage.pipeline.shared.dates import in_page_zone

    utc = _dt.datetime(2022, 11, 6, 23, 0, tzinfo=_dt.timezone.utc)
    local = in_page_zone(utc, "de-DE")
    assert local == utc and local.date() == _dt.date(2022, 11, 7)
    assert local.utcoffset() == _dt.timedelta(hours=1)
    assert in_page_zone(utc, "en") is utc  # English spans continents: no zone implied
    assert in_page_zone(utc, None) is utc
    cet = _dt.datetime(2022, 11, 6, 23, 0, tzinfo=_dt.timezone(_dt.timedelta(hours=1)))
    assert in_page_zone(cet, "de") is cet  # a stated local offset is the page's own


def test_country_domain_places_a_language_that_spans_continents() -> None:
    from cleanpage.pipeline.shared.dates import in_page_zone, zone_tag

    assert zone_tag("es", "https://www.lanacion.com.ar/politica/x") == "es-ar"
    assert zone_tag("es", "https://www.eldeber.com.bo/x") == "es-bo"
    assert zone_tag("en", "https://news.example.co.uk/a") == "en-gb"
    assert zone_tag("es-MX", "https://x.example.ar/") == "es-mx"  # a stated country is kept
    assert zone_tag("es", "https://example.com/a") == "es"  # a generic domain names no country
    assert zone_tag("es", None) == "es" and zone_tag(None, "https://a.example.ar/") is None
    utc = _dt.datetime(2022, 5, 4, 0, 25, 56, tzinfo=_dt.timezone.utc)
    local = in_page_zone(utc, zone_tag("es", "https://www.lanacion.com.ar/x"))
    assert local == utc and local.date() == _dt.date(2022, 5, 3)
    assert in_page_zone(utc, zone_tag("es", "https://example.com/x")) is utc
    assert in_page_zone(utc, zone_tag("de", "https://example.io/x")) == utc  # "de-io": German's own zone
    assert in_page_zone(utc, zone_tag("de", "https://example.io/x")).utcoffset() == _dt.timedelta(hours=2)


@pytest.mark.parametrize(
    ("url", "permalink", "any_url"),
    [
        ("https://blog.example/2023/october/03/a-post/", _dt.date(2023, 10, 3), _dt.date(2023, 10, 3)),
        ("https://blog.example/2023/oct/03", _dt.date(2023, 10, 3), _dt.date(2023, 10, 3)),
        ("https://blog.example/2023/Okt/03/ein-beitrag", _dt.date(2023, 10, 3), _dt.date(2023, 10, 3)),
        ("https://blog.example/2021/m%C3%A4rz/05/x", _dt.date(2021, 3, 5), _dt.date(2021, 3, 5)),
        ("https://blog.example/2022/marzo/07/", _dt.date(2022, 3, 7), _dt.date(2022, 3, 7)),
        # a segment's date with a month name is a slug's: only where slugs are read
        ("https://news.example/news/03-october-2023/", None, _dt.date(2023, 10, 3)),
        ("https://news.example/05-octobre-2023-un-titre", None, _dt.date(2023, 10, 5)),
        ("https://news.example/october-3rd-2023-a-title", None, _dt.date(2023, 10, 3)),
        ("https://news.example/2023-oct-03/x", None, _dt.date(2023, 10, 3)),
        # a month and a year only, or a word that is no month, is no day
        ("https://blog.example/2023/october/", None, None),
        ("https://blog.example/2023/october/page-2", None, None),
        ("https://blog.example/2023/top/03/", None, None),
        ("https://blog.example/2023/october/32/", None, None),
    ],
)
def test_url_dates_with_a_month_name(url: str, permalink: object, any_url: object) -> None:
    assert date_from_url(url, slugs=False) == permalink
    assert date_from_url(url) == any_url


def test_url_month_name_in_the_page_language() -> None:
    # Finnish is none of the default languages: its month word is read when the page says it is Finnish
    assert date_from_url("https://blogi.example/2023/lokakuu/03/", slugs=False) is None
    assert date_from_url("https://blogi.example/2023/lokakuu/03/", slugs=False, lang="fi") == _dt.date(2023, 10, 3)


def test_numeric_readings_only_for_ambiguous_dates() -> None:
    from cleanpage.pipeline.shared.dates import numeric_readings

    assert numeric_readings("03/10/2023") == (_dt.date(2023, 10, 3), _dt.date(2023, 3, 10))
    assert numeric_readings("Posted 03-10-2023 10:15") == (_dt.date(2023, 10, 3), _dt.date(2023, 3, 10))
    assert numeric_readings("03.10.2023") is None  # a dotted date is day-first
    assert numeric_readings("13/10/2023") is None
    assert numeric_readings("05/05/2023") is None  # one day either way
    assert numeric_readings("2023-10-03") is None


@pytest.mark.parametrize("text", ["2024/25", "2024-25", "1/2024", "12.2024"])
def test_numbers_that_are_no_whole_date_are_not_read(text: str) -> None:
    # dateparser would invent the missing day ("2024/25" -> 25 June 2024): a season, a month
    assert parse_visible_date(text, cues=CUES) is None
