"""The month-name fast path of date lines: the same answers as dateparser, or none at all."""

from __future__ import annotations

import datetime as _dt

import pytest

from cleanpage.pipeline.shared.dates import _dateparser, _named_month, parse_visible_date
from cleanpage.rules import load_rules

CUES = load_rules().cues
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
