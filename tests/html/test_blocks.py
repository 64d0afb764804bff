"""The HTML blocks stage: one block per block element's own text, with its context, and the roles
the responses stage's marks give."""

from __future__ import annotations

from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.html import blocks as html_blocks
from cleanpage.pipeline.html.blocks import ResponseMarks, build_blocks
from cleanpage.pipeline.html.tree import parse_html
from cleanpage.rules import load_rules

CUES = load_rules().disclosure


def test_the_walk_builds_blocks_in_the_model_field_order() -> None:
    # the walk builds its blocks positionally (Block._make) for speed: the order must be the model's
    assert html_blocks._BLOCK_FIELDS == Block._fields


def test_blocks_keep_text_context_and_link_share() -> None:
    root = parse_html(
        '<html><body><div class="main-area"><p>Lead <a href="/x">link</a> text.</p>'
        '<nav role="navigation"><ul><li><a href="/">Home</a></li></ul></nav></div></body></html>'
    )
    lead, home = build_blocks(root, disclosure=CUES)
    assert (lead.index, lead.text, lead.tag, lead.link_chars) == (0, "Lead link text.", "p", 4)
    assert "main-area" in lead.tokens and not lead.roles
    assert (home.text, home.tag, home.link_chars) == ("Home", "li", 4)
    assert {"nav", "navigation"} <= home.roles
    assert home.depth == lead.depth + 2 and home.path[:2] == lead.path  # body, div


def test_marks_give_their_subtree_a_role_and_an_inline_mark_its_own_block() -> None:
    root = parse_html(
        '<html><body><p>Article.</p><div id="c"><p>Said <span id="one">first</span> and more.</p>'
        '<p id="two">Second.</p></div></body></html>'
    )
    section = root.get_element_by_id("c")
    one, two = root.get_element_by_id("one"), root.get_element_by_id("two")
    # an element both a section and an item takes the item's role
    marks = ResponseMarks(sections=(section, two), items=(one, two))
    got = [(b.text, b.tag, sorted(b.roles)) for b in build_blocks(root, marks, disclosure=CUES)]
    assert got == [
        ("Article.", "p", []),
        ("Said", "p", ["comments"]),
        ("first", "div", ["comment-item", "comments"]),
        ("and more.", "p", ["comments"]),
        ("Second.", "p", ["comment-item", "comments"]),
    ]
    assert [b.text for b in build_blocks(root, disclosure=CUES)] == ["Article.", "Said first and more.", "Second."]

