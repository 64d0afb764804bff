"""The shared tree: parsed once; what the engine would delete is dropped before it copies the tree."""

from __future__ import annotations

import pytest
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


def test_the_engine_sees_the_same_text_without_scripts() -> None:
    from cleanpage.engines.trafilatura import run_trafilatura

    page = (
        "<html><body><article><h1>Title</h1>"
        + "".join(f"<p>Paragraph {i} has enough words to be kept as article text by the engine.</p>"
                  f"<script>window.ad{i} = {{}};</script>" for i in range(8))
        + "</article></body></html>"
    )
    plain = run_trafilatura(parse_html(page), None)
    root = parse_html(page)
    drop_unread(root)
    dropped = run_trafilatura(root, None)
    assert plain is not None and dropped is not None
    assert plain.body == dropped.body
    assert any("Paragraph 7" in unit for unit in dropped.body)


def test_a_declared_charset_does_not_override_the_decoded_text() -> None:
    root = parse_html('<html><head><meta charset="iso-8859-1"></head><body><p>café – Straße</p></body></html>')
    assert root.find("body/p").text == "café – Straße"


def test_lone_surrogates_in_a_str_do_not_break_parsing() -> None:
    import cleanpage

    page = cleanpage.clean("<html><body><p>An odd \ud800 character sits inside this sentence of text.</p></body></html>")
    assert "sits inside this sentence" in page.body
    assert "odd \ufffd character" in page.body  # one replacement character per lone surrogate


def test_the_default_cascade_runs_only_when_precision_keeps_little_and_never_loses_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleanpage.engines import trafilatura as engines

    calls: list[bool] = []

    def fake(root: object, url: object, *, precision: bool) -> engines.EngineText | None:
        calls.append(precision)
        if precision:
            return engines.EngineText(body=("A short caption only.",))
        return None  # the cascade found nothing at all

    monkeypatch.setattr(engines, "_extract", fake)
    found = engines.run_trafilatura(parse_html("<html><body><p>x</p></body></html>"), None)
    assert calls == [True, False]
    assert found is not None and found.body == ("A short caption only.",)

    calls.clear()
    monkeypatch.setattr(engines, "_extract", lambda root, url, *, precision: (
        calls.append(precision) or engines.EngineText(body=("Long text. " * 40,))))
    engines.run_trafilatura(parse_html("<html><body><p>x</p></body></html>"), None)
    assert calls == [True]


def test_element_tokens_with_and_without_the_class_memo() -> None:
    from cleanpage.pipeline.html.blocks import element_tokens

    el = etree.Element("div", {"class": "  Site-Header   sticky ", "id": " Main "})
    seen: dict[str, tuple[str, ...]] = {}
    assert element_tokens(el) == ("site-header", "sticky", "main")
    assert element_tokens(el, seen) == ("site-header", "sticky", "main")
    assert seen == {"  Site-Header   sticky ": ("site-header", "sticky")}
    assert element_tokens(el, seen) == ("site-header", "sticky", "main")
    assert element_tokens(etree.Element("p")) == ()
