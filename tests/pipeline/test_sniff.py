"""Text or HTML: the sniffer decides on markup, not on one stray tag."""

from __future__ import annotations

import pytest

from cleanpage.pipeline.sniff import sniff
from cleanpage.result import InputKind


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "<p>one</p><p>two</p><p>three</p>",
        "<script>" + "var x = 1;\n" * 600 + "</script>\n<html><body><div>content</div></body></html>",
        "\ufeff  <html lang='en'><head><title>t</title></head><body><p>x</p></body></html>",
    ],
)
def test_html(text: str) -> None:
    assert sniff(text) is InputKind.HTML


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nA paragraph of a text dump that talks about the <p> element in passing.\n\nMore text.",
        "Search\nClose this search box.\n\nTitle\n\n" + "Body text of a saved page. " * 40,
        "# Title\n\n[Home](https://example.org) [News](https://example.org/news)\n\nText here.",
    ],
)
def test_text(text: str) -> None:
    assert sniff(text) is InputKind.TEXT
