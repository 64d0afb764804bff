"""The shared tree: parsed once; what the engine would delete is dropped before it copies the tree."""

from __future__ import annotations

from lxml import etree

from cleanpage.pipeline.html.tree import drop_unread, parse_html


def test_drop_unread_keeps_text_tails_and_json_ld() -> None:
    root = parse_html(
        "<html><head><style>p{color:red}</style>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "Body"}</script></head>'
        "<body><p>One <script>var x = 1;</script>two <svg><path d='M0'/></svg>three.</p>"
        "<script>track()</script>After.</body></html>"
    )
    drop_unread(root)
    html = etree.tostring(root, encoding="unicode")
    assert "var x" not in html and "track()" not in html and "color:red" not in html and "<svg" not in html
    assert "articleBody" in html
    assert root.find("body/p").text_content() == "One two three."
    assert root.find("body").text_content().endswith("After.")


def test_a_declared_charset_does_not_override_the_decoded_text() -> None:
    root = parse_html('<html><head><meta charset="iso-8859-1"></head><body><p>café – Straße</p></body></html>')
    assert root.find("body/p").text == "café – Straße"


def test_lone_surrogates_in_a_str_do_not_break_parsing() -> None:
    import cleanpage

    page = cleanpage.clean("<html><body><p>An odd \ud800 character sits inside this sentence of text.</p></body></html>")
    assert "sits inside this sentence" in page.body
    assert "odd \ufffd character" in page.body  # one replacement character per lone surrogate
