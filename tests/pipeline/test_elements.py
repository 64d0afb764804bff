"""The structured body: each body element's kind from the markup (HTML) or the line shape (text
dumps), beside paragraphs that stay exactly what they were."""

from __future__ import annotations

import json

import cleanpage
from cleanpage import Element, ElementKind, Page
from cleanpage.pipeline.text.blocks import build_blocks as text_blocks
from cleanpage.result import InputKind

PROSE = ("This paragraph is long enough to read as the prose of an article, with a full sentence that runs on "
         "past a hundred characters so that nothing mistakes it for a menu or a label of the page.")


def _page(body: str) -> Page:
    html = (f"<html><head><title>Structure</title></head><body><article><h1>Structure</h1><p>{PROSE}</p>"
            f"{body}<p>{PROSE} Again.</p></article></body></html>")
    return cleanpage.clean(html)


def _kinds(page: Page) -> list[str]:
    return [e.kind.value for e in page.elements]


def test_headings_keep_their_level() -> None:
    page = _page(f"<h2>Second level</h2><p>{PROSE} One.</p><h4>Fourth level</h4><p>{PROSE} Two.</p>")
    headings = [(e.text, e.level) for e in page.elements if e.kind is ElementKind.HEADING]
    assert headings == [("Second level", 2), ("Fourth level", 4)]


def test_list_items_keep_their_nesting_and_kind() -> None:
    page = _page("<ol><li>First step of the plan<ul><li>a detail of the first step</li></ul></li>"
                 "<li>Second step of the plan</li></ol>")
    items = [(e.text, e.depth, e.ordered) for e in page.elements if e.kind is ElementKind.LIST_ITEM]
    assert items == [("First step of the plan", 1, True), ("a detail of the first step", 2, False),
                     ("Second step of the plan", 1, True)]


def test_paragraphs_of_one_item_are_one_element() -> None:
    page = _page(f"<ul><li><p>{PROSE} First.</p><p>{PROSE} Second.</p></li></ul>")
    items = [e for e in page.elements if e.kind is ElementKind.LIST_ITEM]
    assert len(items) == 1
    assert items[0].text == f"{PROSE} First.\n\n{PROSE} Second."
    assert f"{PROSE} First." in page.paragraphs and f"{PROSE} Second." in page.paragraphs


def test_code_keeps_the_page_whitespace_and_paragraphs_do_not() -> None:
    code = "def f(x):\n    if x:\n        return 1\n\n    return 0"
    page = _page(f"<pre><code>{code}</code></pre>")
    [element] = [e for e in page.elements if e.kind is ElementKind.CODE]
    assert element.text == code
    assert "def f(x): if x: return 1" in page.paragraphs  # the body text as it always was


def test_a_data_table_is_one_element_with_rows_and_cells() -> None:
    page = _page("<table><thead><tr><th>City</th><th>Rain</th></tr></thead><tbody>"
                 "<tr><td>Leeds</td><td>66 cm</td></tr><tr><td>Bergen</td><td><p>225</p><p>cm</p></td></tr>"
                 "</tbody></table>")
    [table] = [e for e in page.elements if e.kind is ElementKind.TABLE]
    assert table.rows == (("City", "Rain"), ("Leeds", "66 cm"), ("Bergen", "225 cm"))
    assert table.header is True
    assert table.text == "City\tRain\nLeeds\t66 cm\nBergen\t225 cm"
    assert {"City", "Rain", "Leeds", "66 cm", "225", "cm"} <= set(page.paragraphs)


def test_a_layout_table_reads_as_its_content() -> None:
    page = _page(f"<table><tr><td><h2>Inside a layout table</h2><p>{PROSE} One.</p><p>{PROSE} Two.</p>"
                 f"<p>{PROSE} Three.</p><p>{PROSE} Four.</p></td></tr></table>")
    assert "table" not in _kinds(page)
    assert ("heading", "Inside a layout table") in [(e.kind.value, e.text) for e in page.elements]


def test_quote_and_caption() -> None:
    page = _page(f"<blockquote><p>{PROSE} Quoted.</p></blockquote>")
    assert (ElementKind.QUOTE, f"{PROSE} Quoted.") in [(e.kind, e.text) for e in page.elements]


def test_elements_hold_every_paragraph_in_order() -> None:
    page = _page("<h2>A heading</h2><ul><li>one item of the list</li><li>another item of it</li></ul>"
                 f"<blockquote><p>{PROSE} Quoted.</p></blockquote>")
    flat = [p for e in page.elements for p in e.text.split("\n\n")]
    assert flat == list(page.paragraphs)


def test_elements_round_trip_through_json() -> None:
    page = _page("<h3>Heading</h3><ol><li>an item of a numbered list</li></ol><table><tr><th>a</th><th>b</th></tr>"
                 "<tr><td>1</td><td>2</td></tr></table><pre>  x = 1</pre>")
    data = json.loads(page.to_json())
    assert {e["kind"] for e in data["elements"]} >= {"heading", "list-item", "table", "code"}
    assert Page.from_dict(data) == page
    heading = next(e for e in data["elements"] if e["kind"] == "heading")
    assert set(heading) == {"kind", "text", "level"}


def test_a_thread_opening_post_is_paragraph_elements() -> None:
    page = Page(kind=InputKind.TEXT, paragraphs=("one", "two"))
    assert page.elements == ()
    assert page.to_markdown() == "one\n\ntwo\n"  # a page built by hand renders its paragraphs


# -- text dumps ----------------------------------------------------------------------------------

DUMP = """Bees in a small garden
======================

What you need
-------------

## The first inspection

- a hive with two boxes
  - a stand for the hive
* a veil and gloves
• a smoker
1. Light the smoker.
2) Open the hive slowly.
"""


def test_a_dump_shows_headings_bullets_and_numbered_items() -> None:
    forms = {b.text: b.form for b in text_blocks(DUMP)}
    assert (forms["Bees in a small garden"].kind, forms["Bees in a small garden"].level) == ("heading", 1)
    assert (forms["What you need"].kind, forms["What you need"].level) == ("heading", 2)
    assert (forms["## The first inspection"].kind, forms["## The first inspection"].level) == ("heading", 2)
    assert forms["======================"].kind == "underline"
    items = {text: (f.depth, f.ordered) for text, f in forms.items() if f.kind == "item"}
    assert items == {"a hive with two boxes": (1, False), "a stand for the hive": (2, False),
                     "a veil and gloves": (1, False), "a smoker": (1, False),
                     "1. Light the smoker.": (1, True), "2) Open the hive slowly.": (1, True)}


def test_a_dump_in_the_body_gives_typed_elements() -> None:
    text = (f"{PROSE}\n\n## Steps to follow\n\n1. Light the smoker and wait for a cool smoke.\n"
            f"2. Open the hive slowly and lift one frame.\n\n- a veil\n- gloves\n\n{PROSE} Again.\n")
    page = cleanpage.clean(text, kind="text")
    got = [(e.kind.value, e.text, e.level, e.depth, e.ordered) for e in page.elements]
    assert ("heading", "Steps to follow", 2, None, None) in got
    assert ("list-item", "Light the smoker and wait for a cool smoke.", None, 1, True) in got
    assert ("list-item", "gloves", None, 1, False) in got
    assert "1. Light the smoker and wait for a cool smoke." in page.paragraphs  # the body as it was


# -- plain text and Markdown views ---------------------------------------------------------------


def test_to_text_puts_headings_and_items_on_their_own_lines() -> None:
    page = Page(kind=InputKind.HTML, title="T", paragraphs=("H", "a", "b", "P"), elements=(
        Element(kind=ElementKind.HEADING, text="H", level=2),
        Element(kind=ElementKind.LIST_ITEM, text="a", depth=1, ordered=False),
        Element(kind=ElementKind.LIST_ITEM, text="b", depth=2, ordered=True),
        Element(kind=ElementKind.PARAGRAPH, text="P"),
    ))
    assert page.to_text() == "T\n\nH\n\n- a\n    1. b\n\nP\n"


def test_markdown_escapes_a_paragraph_that_looks_like_syntax() -> None:
    page = Page(kind=InputKind.HTML, paragraphs=("1. not a list", "# not a heading", "> not a quote"))
    assert page.to_markdown() == "1\\. not a list\n\n\\# not a heading\n\n\\> not a quote\n"


def test_markdown_fences_code_longer_than_its_backticks_and_escapes_cells() -> None:
    page = Page(kind=InputKind.HTML, paragraphs=("x", "a|b", "c"), elements=(
        Element(kind=ElementKind.CODE, text="echo ```"),
        Element(kind=ElementKind.TABLE, text="a|b\tc", rows=(("a|b", "c"), ("d",)), header=False),
    ))
    assert page.to_markdown() == "````\necho ```\n````\n\n| a\\|b | c |\n|---|---|\n| d |  |\n"
