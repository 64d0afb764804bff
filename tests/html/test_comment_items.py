"""One comment item's date: a machine-readable value as is, a visible one in the page's language, a
relative one only against the page's date (each through find_responses on a one-item thread)."""

from __future__ import annotations

import datetime as _dt

import pytest

from cleanpage.pipeline.html.responses import HtmlResponses, find_responses
from cleanpage.pipeline.html.tree import parse_html
from cleanpage.rules import load_rules

RULES = load_rules()
PAGE_DATE = _dt.datetime(2024, 3, 5, 12, 0)


def _find(body: str, reference: _dt.datetime | None = None) -> HtmlResponses:
    return find_responses(parse_html(f"<html><body>{body}</body></html>"), RULES, reference)


def test_machine_readable_comment_date_is_used_as_is() -> None:
    found = _find(
        '<ol class="comment-list"><li class="comment"><time datetime="2024-03-03T10:12:00+01:00">March 3</time>'
        '<div class="comment-content"><p>Text of the comment.</p></div></li></ol>'
    )
    assert found.responses[0].published == _dt.datetime(
        2024, 3, 3, 10, 12, tzinfo=_dt.timezone(_dt.timedelta(hours=1))
    )


@pytest.mark.parametrize(
    ("visible", "expected"),
    [
        ("12. März 2024 um 14:05 Uhr", _dt.datetime(2024, 3, 12, 14, 5)),
        ("3 mars 2024 à 10h12", _dt.datetime(2024, 3, 3, 10, 12)),
        ("March 3, 2024 at 4:45 pm", _dt.datetime(2024, 3, 3, 16, 45)),
        ("06.11.2023, 13:47", _dt.datetime(2023, 11, 6, 13, 47)),
    ],
)
def test_visible_comment_dates_in_several_languages(visible: str, expected: _dt.datetime) -> None:
    found = _find(
        f'<ol class="comment-list"><li class="comment"><div class="comment-meta">{visible}</div>'
        '<div class="comment-content"><p>Text of the comment.</p></div></li></ol>'
    )
    assert found.responses[0].published == expected
    assert visible not in found.responses[0].text


def test_relative_comment_date_needs_the_page_date() -> None:
    body = (
        '<ol class="comment-list"><li class="comment"><b class="fn">Ann</b><span class="time-ago">2 days ago</span>'
        '<div class="comment-content"><p>Text of the comment.</p></div></li></ol>'
    )
    assert _find(body).responses[0].published is None  # never the extraction time
    resolved = _find(body, PAGE_DATE).responses[0].published
    assert resolved is not None and resolved.date() == _dt.date(2024, 3, 3)  # type: ignore[union-attr]


def test_title_attribute_beats_relative_text() -> None:
    found = _find(
        '<ul class="comment-list"><li class="comment"><a class="time-ago" title="Sunday, March 3, 2024 10:12 AM">'
        '2 days ago</a><div class="post-message"><p>Text.</p></div></li></ul>',
        PAGE_DATE,
    )
    assert found.responses[0].published == _dt.datetime(2024, 3, 3, 10, 12)


def _item(byline: str, text: str) -> str:
    return (f'<li class="comment"><div class="byline">{byline}</div>'
            f'<div class="comment-content"><p>{text}</p></div></li>')


def test_an_author_box_names_the_poster_by_its_link_not_by_its_edit_note() -> None:
    found = _find(
        '<ol class="comment-list">'
        + _item('<a href="/~jane"><img alt="jane avatar" src="/a.png"></a> <a href="/~jane">jane</a> edited '
                '<a href="/c/1"><time datetime="2024-03-01T08:30:10">1 year ago</time></a>',
                "The first reader's words about the article, long enough to read.")
        + _item('<a href="/@bob">bob</a> <a href="/c/2"><time datetime="2024-03-02T09:00:00">1 year ago</time></a>',
                "A second reader answers with words of his own about it.")
        + "</ol>"
    )
    assert [r.author for r in found.responses] == ["jane", "bob"]


def test_an_author_box_without_a_name_link_keeps_its_own_text() -> None:
    found = _find('<ol class="comment-list">'
                  + _item("Jane Roe", "The reader's words about the article, long enough to read.") + "</ol>")
    assert [r.author for r in found.responses] == ["Jane Roe"]


def _tagged(line_extra: str, words: str) -> str:
    one = (f"<li class='comment'><p class='tagline'><a class='expand' href='#'>[–]</a><a href='/user/ana' "
           f"class='author'>ana</a> <span class='score'>12 points</span> "
           f"<time datetime='2024-05-02T08:10:00'>2024-05-02</time>{line_extra}</p>{words}</li>")
    two = ("<li class='comment'><p class='tagline'><a href='/user/bo'>bo</a> 3 points "
           "<time datetime='2024-05-03T09:00:00'>2024-05-03</time></p><div>I agree, and the ferry is cheaper too.</div></li>")
    return f"<div id='comments'><ul class='comment-list'>{one}{two}</ul></div>"


def test_what_is_left_of_a_header_line_once_name_and_date_are_read_is_chrome() -> None:
    found = _find(_tagged(" <a href='#' class='numchildren'>(4 children)</a>", "<div>The night train is the better choice.</div>"))
    assert [(r.author, r.text) for r in found.responses] == [
        ("ana", "The night train is the better choice."), ("bo", "I agree, and the ferry is cheaper too.")]


def test_a_name_in_the_words_is_no_header_line() -> None:
    words = ("<p>As <a href='/user/cy'>cy</a> said on <time datetime='2024-05-01'>1 May 2024</time>, the night train "
             "is the better choice when you travel with a bike and two heavy bags.</p>")
    found = _find(f"<div id='comments'><ul class='comment-list'><li class='comment'>{words}</li>"
                  "<li class='comment'><p><a href='/user/bo'>bo</a> <time datetime='2024-05-03'>3 May 2024</time></p>"
                  "<div>I agree, and the ferry is cheaper too.</div></li></ul></div>")
    assert "the night train is the better choice" in found.responses[0].text


def test_words_on_the_name_and_date_line_are_the_reader_s() -> None:
    # a profile link's author box and the header-line skip both stop below a child holding words
    # of its own, so the reader's first words on the name's line stay theirs
    items = "".join(
        f"<li class='comment'><div><a href='/user/{name}'>{name}</a> <time datetime='2024-05-0{n}T10:00:00'>"
        f"2024-05-0{n}</time> <span>{words}</span></div><div>{more}</div></li>"
        for n, (name, words, more) in enumerate([
            ("ana_b", "So glad they listened", "I went to the first meeting and it was packed with students."),
            ("bo_c", "Finally some good news", "The quiet room is the best idea in the whole plan."),
        ], start=1))
    found = _find(f"<div id='comments'><ol class='comment-list'>{items}</ol></div>")
    assert [r.text.split("\n\n")[0] for r in found.responses] == ["So glad they listened", "Finally some good news"]


def test_words_before_the_date_on_the_header_line_stay_chrome() -> None:
    # a tagline's status words sit between the name and the date ("comment score below threshold"):
    # the header's chrome, not the reader's words, which come after the date or on their own line
    items = "".join(
        f"<li class='comment'><p><a href='/user/{name}'>{name}</a> <span>comment score below threshold</span>"
        f" <span>{n} points</span> <time datetime='2024-05-0{n}T10:00:00'>2024-05-0{n}</time></p>"
        f"<p>{more}</p></li>"
        for n, (name, more) in enumerate([
            ("ana_b", "I went to the first meeting and it was packed with students."),
            ("bo_c", "The quiet room is the best idea in the whole plan."),
        ], start=1))
    found = _find(f"<div id='comments'><ol class='comment-list'>{items}</ol></div>")
    assert [r.text for r in found.responses] == [
        "I went to the first meeting and it was packed with students.",
        "The quiet room is the best idea in the whole plan.",
    ]
    assert [r.author for r in found.responses] == ["ana_b", "bo_c"]
