"""A paper's authors, one ``<meta name="citation_author">`` each: all of them, in order, first name first."""

from __future__ import annotations

import lxml.html

from cleanpage.pipeline.html.metadata import read_metadata
from cleanpage.pipeline.html.metadata.head import _first_last
from cleanpage.rules import load_rules

RULES = load_rules()

_ARTICLE = ("<article><h1>Sleep and memory in older adults</h1><p>We followed two hundred adults for a year"
            " and measured how long and how well they slept against three memory tests.</p></article>")


def _authors(head: str) -> tuple[str, ...]:
    root = lxml.html.fromstring(f"<html><head>{head}</head><body>{_ARTICLE}</body></html>")
    return read_metadata(root, RULES, "https://journal.example/article/123").authors


def test_every_citation_author_is_an_author_in_page_order() -> None:
    head = "".join(f'<meta name="citation_author" content="{n}">' for n in ("Aditya Mahindru", "Pradeep Patil", "Varun Agrawal"))
    assert _authors(head) == ("Aditya Mahindru", "Pradeep Patil", "Varun Agrawal")


def test_citation_authors_written_last_name_first_are_written_out() -> None:
    head = '<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">'
    assert _authors(head) == ("Aniruddha Roy", "Jyoti Patel")


def test_the_plural_tag_is_read_the_same_way() -> None:
    head = '<meta name="citation_authors" content="Jennifer Huberty"><meta name="citation_authors" content="Jeni Green">'
    assert _authors(head) == ("Jennifer Huberty", "Jeni Green")


def test_one_citation_author_is_read_as_before() -> None:
    assert _authors('<meta name="citation_author" content="Jennifer Huberty">') == ("Jennifer Huberty",)


def test_a_name_without_exactly_one_comma_stays_as_written() -> None:
    assert _first_last("Jane Doe") == "Jane Doe"
    assert _first_last("Kubala, Jillian, MS") == "Kubala, Jillian, MS"
    assert _first_last("Doe, J.") == "J. Doe"
