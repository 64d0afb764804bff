"""``cleanpage --format markdown`` gives Markdown that a Markdown parser (markdown-it-py, CommonMark
with GFM tables) reads back with the page's structure: heading levels, list nesting and kind, table
rows and cells, code text."""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it import MarkdownIt

import cleanpage
from cleanpage.io.cli import main
from tests import FIXTURES

PAGE = FIXTURES / "structured-article" / "input.html"


def _structure(markdown: str) -> list[tuple[Any, ...]]:
    """What the parser reads: ("heading", level, text), ("item", depth, ordered, text), ("code", text),
    ("table", rows), ("quote", text), in document order."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    out: list[tuple[Any, ...]] = []
    lists: list[bool] = []  # the open lists, ordered or not
    rows: list[list[str]] | None = None
    quote = 0
    for i, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "heading_open":
            out.append(("heading", int(token.tag[1]), tokens[i + 1].content))
        elif kind == "fence":
            out.append(("code", token.content.rstrip("\n")))
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "table_open":
            rows = []
        elif kind == "tr_open" and rows is not None:
            rows.append([])
        elif kind == "inline" and rows is not None and tokens[i - 1].type in ("th_open", "td_open"):
            rows[-1].append(token.content)
        elif kind == "table_close" and rows is not None:
            out.append(("table", rows))
            rows = None
        elif kind == "inline" and tokens[i - 1].type == "paragraph_open":
            if lists and tokens[i - 2].type == "list_item_open":
                out.append(("item", len(lists), lists[-1], token.content))
            elif quote:
                out.append(("quote", token.content))
    return out


def _expected(page: cleanpage.Page) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = [("heading", 1, page.title)]
    for e in page.elements:
        if e.kind is cleanpage.ElementKind.HEADING:
            out.append(("heading", e.level, e.text))
        elif e.kind is cleanpage.ElementKind.LIST_ITEM:
            out.append(("item", e.depth, e.ordered, e.text))
        elif e.kind is cleanpage.ElementKind.CODE:
            out.append(("code", e.text))
        elif e.kind is cleanpage.ElementKind.TABLE:
            out.append(("table", [list(row) for row in e.rows]))
        elif e.kind is cleanpage.ElementKind.QUOTE:
            out.append(("quote", e.text))
    return out


def test_cli_markdown_reads_back_with_the_page_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "markdown", str(PAGE)]) == 0
    document = capsys.readouterr().out
    # the YAML front matter a corpus tool splits off first: "---", the metadata, "---"
    assert document.startswith("---\n")
    markdown = document.split("\n---\n", 1)[1]
    got = _structure(markdown)
    assert got == _expected(cleanpage.clean_file(PAGE))
    # and what the page holds, spelled out, so that the comparison above is not of two empty lists
    assert ("heading", 2, "Why not sniff the user agent") in got
    assert ("heading", 3, "The checks we run") in got
    assert ("item", 2, False, "in private windows, writing may throw") in got
    assert ("item", 1, True, "Load the polyfills only where a check failed") in got
    assert ("table", [["Feature", "Check", "Fallback"], ["Storage", "write and read a key",
                                                         "keep state in memory | per tab"],
                      ["Workers", "register a worker", "fetch on every visit"]]) in got
    code = next(item for item in got if item[0] == "code")
    assert "    try {\n        localStorage.setItem" in code[1] and "\n\n        return true;" in code[1]


def test_markdown_keeps_a_paragraph_that_looks_like_a_list_a_paragraph() -> None:
    page = cleanpage.Page(kind=cleanpage.InputKind.HTML, paragraphs=("1. not a list", "- nor this"))
    tokens = MarkdownIt("commonmark").parse(page.to_markdown())
    assert [t.type for t in tokens if t.type.endswith("_open")] == ["paragraph_open", "paragraph_open"]
    texts = ["".join(child.content for child in t.children or ()) for t in tokens if t.type == "inline"]
    assert texts == ["1. not a list", "- nor this"]


def test_the_html_article_keeps_the_structure() -> None:
    from lxml import html as lxml_html

    from cleanpage.io.render import article_html

    page = cleanpage.clean_file(PAGE)
    tree = lxml_html.fromstring(article_html(page))
    assert [h.text_content() for h in tree.iter("h2", "h3")] == ["Why not sniff the user agent", "The checks we run"]
    nested = tree.xpath("//article/ul/li/ul/li")
    assert [li.text_content() for li in nested] == ["in private windows, writing may throw",
                                                    "quota errors are reported late"]
    assert [li.text_content() for li in tree.xpath("//article/ol/li")] == [
        "Run the cheap checks first", "Load the polyfills only where a check failed"]
    header = tree.xpath("//table/tr")[0]
    assert [c.text_content() for c in header] == ["Feature", "Check", "Fallback"]
    assert tree.xpath("//table/tr[1]/th") and "\n\n        return true;" in tree.xpath("//pre/code")[0].text_content()
