"""The wire-credit audit corpus (``tests/data/credits/``): hand-made news pages, each with its credits.

Credited stories in several languages and shapes (datelines after a caption, a summary list, a
slideshow counter or a repeated lead; closing signatures; contributor lines; agency bylines), as
HTML and as text dumps, and stories that only *mention* an agency (in a sentence, a quote, a photo
credit, a related-story teaser). Each page must give exactly its expected ``(agency, kind)`` credits:
none on a mention-only page (a page whose ``known_gap`` says what is not met yet must keep
failing until it is). ``benchmarks/credits.py`` prints the same check as a table.
"""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

import lxml.html
import pytest

import cleanpage
from tests.test_no_silent_loss import _check

CORPUS = Path(__file__).resolve().parent.parent / "data" / "credits"
EXPECTED: dict[str, dict[str, object]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def _page(name: str) -> cleanpage.Page:
    path = CORPUS / name
    return cleanpage.clean(path.read_bytes(), kind="html" if path.suffix == ".html" else "text")


def test_the_corpus_holds_both_kinds_of_story() -> None:
    credited = [n for n, case in EXPECTED.items() if case["credits"]]
    assert len(credited) >= 20 and len(EXPECTED) - len(credited) >= 16
    assert {p.name for p in CORPUS.iterdir()} - {"expected.json"} == set(EXPECTED)


def _cases() -> list[object]:
    """Every page; a page with a ``known_gap`` (what is not met yet, and why) must still fail."""
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=str(case["known_gap"])))
            if "known_gap" in case else name for name, case in sorted(EXPECTED.items())]


@pytest.mark.parametrize("name", _cases())
def test_page_gives_exactly_its_credits(name: str) -> None:
    credits = EXPECTED[name]["credits"]
    assert isinstance(credits, list)
    want = {(c["agency"], c["kind"]) for c in credits}
    got = {(agency, a.kind.value) for a in _page(name).attribution for agency in a.agencies}
    assert got == want, EXPECTED[name]["note"]


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith(".html")))
def test_credits_are_placed_once(name: str) -> None:
    _check((CORPUS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(n for n, c in EXPECTED.items() if c["credits"]))
def test_credit_text_is_the_pages_own_words(name: str) -> None:
    page = _page(name)
    raw = (CORPUS / name).read_text(encoding="utf-8")
    # an HTML page's words are its text, whatever markup splits them ("<strong>(AP)</strong> —")
    text = lxml.html.fromstring(raw).text_content() if name.endswith(".html") else raw
    source = " ".join(unescape(text).split())
    for credit in page.attribution:
        assert " ".join(credit.text.split()) in source
