"""Text responses: the response region of a dump split into responses (headers, dates, chrome, threading),
on hand-built blocks."""

from __future__ import annotations

import datetime as _dt
import re

from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason
from cleanpage.pipeline.text.responses import TextResponses, split_responses
from cleanpage.rules import load_rules

RULES = load_rules()
PAGE_DATE = _dt.datetime(2024, 3, 5, 12, 0)


def _blocks(lines: list[tuple[str, int]]) -> list[Block]:
    """Text blocks; a line "N. Name …" is a list item, as the text block builder marks it."""
    out = []
    for i, (text, indent) in enumerate(lines):
        tag = "item" if re.match(r"\d{1,3}\. [A-Z]", text) and not re.match(r"\d{1,2}\. [A-Z]\w+ \d{4}", text) else "line"
        out.append(Block(index=i, text=text, tag=tag, indent=indent))
    return out


def _split(lines: list[tuple[str, int]], reference: _dt.datetime | None = None) -> TextResponses:
    """The lines as the response region classify found, split into responses."""
    region = tuple(Labelled(block=b, label=Label.RESPONSE) for b in _blocks(lines))
    return split_responses(region, RULES, reference)


def test_text_numbered_responses_with_says_and_date_lines() -> None:
    split = _split(
        [
            ("1. Petra Hahn sagt:", 4),
            ("3. März 2024 um 9:41 Uhr", 7),
            ("Schon wieder?", 7),
            ("Antworten", 7),
            ("2. M. Yilmaz sagt:", 4),
            ("3. März 2024 um 11:15 Uhr", 7),
            ("Immerhin.", 7),
        ]
    )
    assert [(r.author, r.published, r.text, r.parent) for r in split.responses] == [
        ("Petra Hahn", _dt.datetime(2024, 3, 3, 9, 41), "Schon wieder?", None),
        ("M. Yilmaz", _dt.datetime(2024, 3, 3, 11, 15), "Immerhin.", None),
    ]
    chrome = [i.block.text for i in split.labelled if i.label is Label.BOILERPLATE and i.reason is Reason.COMMENT_CHROME]
    assert "Antworten" in chrome


def test_text_name_on_date_and_reply_separators() -> None:
    split = _split(
        [
            ("Graham Pike on March 3, 2024 at 10:12 am", 0),
            ("Great news.", 0),
            ("Reply", 0),
            ("Sue Marsh on March 3, 2024 at 4:45 pm", 0),
            ("Is there anywhere to leave seeds?", 0),
            ("Happy to drop them at the shed.", 0),
            ("Reply", 0),
        ]
    )
    assert [(r.author, r.published, r.text) for r in split.responses] == [
        ("Graham Pike", _dt.datetime(2024, 3, 3, 10, 12), "Great news."),
        ("Sue Marsh", _dt.datetime(2024, 3, 3, 16, 45), "Is there anywhere to leave seeds?\n\nHappy to drop them at the shed."),
    ]


def test_text_threading_from_reply_cue_and_indentation() -> None:
    split = _split(
        [
            ("Jane says:", 0),
            ("First comment.", 0),
            ("Max says:", 0),
            ("Second comment.", 0),
            ("Bob says:", 4),
            ("Indented answer to Max.", 4),
            ("Eve says:", 0),
            ("In reply to Jane.", 0),
            ("Answer to Jane.", 0),
        ]
    )
    assert [(r.author, r.parent) for r in split.responses] == [("Jane", None), ("Max", None), ("Bob", 1), ("Eve", 0)]
    assert split.responses[3].text == "Answer to Jane."


def test_text_relative_date_only_with_a_page_date() -> None:
    lines = [("Jane says: 2 days ago", 0), ("A comment.", 0)]
    assert _split(lines).responses[0].published is None
    resolved = _split(lines, PAGE_DATE).responses[0].published
    assert resolved is not None and resolved.date() == _dt.date(2024, 3, 3)  # type: ignore[union-attr]


def test_text_bare_name_line_then_date_line() -> None:
    split = _split(
        [
            ("Lucía M.", 0),
            ("12 de marzo de 2024, 11:20", 0),
            ("Por fin.", 0),
            ("Responder", 0),
            ("Andrés", 0),
            ("12 de marzo de 2024, 12:05", 0),
            ("Habrá que ver quién paga.", 0),
        ]
    )
    assert [(r.author, r.published, r.text) for r in split.responses] == [
        ("Lucía M.", _dt.datetime(2024, 3, 12, 11, 20), "Por fin."),
        ("Andrés", _dt.datetime(2024, 3, 12, 12, 5), "Habrá que ver quién paga."),
    ]


def test_text_numbered_post_header_with_by_word_and_date() -> None:
    """A board's post header: the post's counter, a "by" word, the name, the date ("#1 von tObIas Vx
    29.12.2010 - 22:40"): the name alone is the author, the date and time the response's."""
    split = _split(
        [
            ("#1 von tObIas Vx 29.12.2010 - 22:40", 0),
            ("[ zitieren ]", 0),
            ("ich werde wohl auch auf die Mega Lan kommen", 0),
            ("#2 by Jane Doe on March 3, 2024 at 10:15 am", 0),
            ("Count me in for the five-a-side.", 0),
            ("#3 par Marie 04.03.2024", 0),
            ("Moi aussi.", 0),
        ]
    )
    assert [(r.author, r.published, r.text) for r in split.responses] == [
        ("tObIas Vx", _dt.datetime(2010, 12, 29, 22, 40), "ich werde wohl auch auf die Mega Lan kommen"),
        ("Jane Doe", _dt.datetime(2024, 3, 3, 10, 15), "Count me in for the five-a-side."),
        ("Marie", _dt.date(2024, 3, 4), "Moi aussi."),
    ]
