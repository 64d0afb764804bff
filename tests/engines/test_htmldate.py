"""The htmldate adapter: the tree and URL in, an ISO date text or None out; the tree left as it was."""

from __future__ import annotations

import logging

import pytest
from lxml import etree

from cleanpage.engines.htmldate import find_date
from cleanpage.pipeline.html.tree import parse_html

PAGE = ("<html><head><meta property='article:published_time' content='2023-05-04T10:00:00+02:00'></head>"
        "<body><article><h1>Title</h1><p>Some text of the article.</p></article></body></html>")


def test_a_date_the_page_states_and_the_tree_untouched() -> None:
    pytest.importorskip("htmldate")
    root = parse_html(PAGE)
    before = etree.tostring(root)
    assert find_date(root, "https://example.org/a") == "2023-05-04"
    assert etree.tostring(root) == before
    assert find_date(parse_html("<html><body><p>No date here.</p></body></html>"), None) is None


def test_a_failure_is_logged_and_gives_none(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    htmldate = pytest.importorskip("htmldate")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the dependency")

    monkeypatch.setattr(htmldate, "find_date", broken)
    with caplog.at_level(logging.DEBUG, logger="cleanpage.engines.htmldate"):
        assert find_date(parse_html(PAGE), None) is None
    assert "htmldate failed" in caplog.text
