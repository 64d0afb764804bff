"""The page cleanpage was born from must come out perfectly, as a text dump and as HTML."""

from __future__ import annotations

import pytest

import cleanpage
from cleanpage import AttributionKind, InputKind
from tests import FIXTURES

TITLE = "Russian FM: US, NATO Directly Involved in Ukraine Conflict"


@pytest.fixture(scope="module")
def text_page() -> cleanpage.Page:
    return cleanpage.clean_file(FIXTURES / "seed-text" / "input.txt")


@pytest.fixture(scope="module")
def html_page() -> cleanpage.Page:
    return cleanpage.clean_file(FIXTURES / "seed-html" / "input.html")


def test_text_seed_is_read_as_text(text_page: cleanpage.Page) -> None:
    assert text_page.kind is InputKind.TEXT
    assert text_page.title == TITLE


def test_text_seed_body(text_page: cleanpage.Page) -> None:
    paragraphs = text_page.paragraphs
    assert len(paragraphs) == 16
    assert paragraphs[0].startswith("Russia’s foreign minister on Thursday")
    assert paragraphs[-1].endswith("but those attempts have failed.")
    assert text_page.body == "\n\n".join(paragraphs)
    for leak in ("(AP)", "3 Responses", "Like duh!", "Search", "Leave a Reply", "Popular Posts", TITLE):
        assert leak not in text_page.body


def test_text_seed_attribution(text_page: cleanpage.Page) -> None:
    assert [(a.agency, a.text, a.kind) for a in text_page.attribution] == [("AP", "(AP)", AttributionKind.CREDIT)]


def test_text_seed_response(text_page: cleanpage.Page) -> None:
    assert text_page.responses_announced == 3
    assert len(text_page.responses) == 1
    first, second = text_page.responses[0].text.split("\n\n")
    assert first.startswith("Like duh! Muggers")
    assert second.startswith("Of course the US and NATO")
    assert second.endswith("socially acceptable behavior.")


def test_text_seed_removed_with_reasons(text_page: cleanpage.Page) -> None:
    removed = {r.text: r.reason for r in text_page.removed}
    for text in ("Search", "Close this search box.", "Leave a Reply", "Popular Posts"):
        assert text in removed
        assert removed[text]  # a rule name, never empty


def test_html_twin_matches_text(text_page: cleanpage.Page, html_page: cleanpage.Page) -> None:
    assert html_page.kind is InputKind.HTML
    assert html_page.title == text_page.title
    assert html_page.body == text_page.body
    assert html_page.attribution == text_page.attribution


def test_html_twin_responses(html_page: cleanpage.Page) -> None:
    assert html_page.responses_announced == 3
    assert len(html_page.responses) == 3
    authors = [r.author for r in html_page.responses]
    assert authors == ["Rick Halvorsen", "Tom Reyes", "Margaret Ostrowski"]
    assert [r.parent for r in html_page.responses] == [None, 0, None]
    assert all(r.published is not None for r in html_page.responses)
    assert html_page.responses[0].text == cleanpage.clean_file(FIXTURES / "seed-text" / "input.txt").responses[0].text
    for response in html_page.responses:
        assert "says:" not in response.text and "Reply" not in response.text


def test_html_twin_metadata(html_page: cleanpage.Page) -> None:
    assert html_page.authors == ("Dmitri Kovalenko",)
    assert html_page.published is not None
    assert html_page.published.isoformat().startswith("2022-12-01")
    removed = " | ".join(r.text for r in html_page.removed)
    for text in ("Close this search box.", "Leave a Reply", "Popular Posts"):
        assert text in removed
