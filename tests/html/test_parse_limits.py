"""What the C parser can be made to do is bounded before it runs, and a page it cut says so (issue 19
items 2 and 5): attribute floods, text nodes past libxml2's 10 MB, nesting past its depth limit."""

from __future__ import annotations

import json
import time

import pytest

import cleanpage
from cleanpage import Page, PageWarning
from cleanpage.pipeline.html.tree import MAX_ATTRIBUTES, cap_attributes, parse_page

PROSE = "<p>A paragraph of article prose that is long enough to be kept as the body of the page.</p>"


def _flood(n: int, shape: str = 'data-k{i:05d}="1"', sep: str = " ") -> str:
    return "<div " + sep.join(shape.format(i=i) for i in range(n)) + ">flooded</div>"


@pytest.mark.parametrize("shape,sep", [('data-k{i:05d}="1"', " "), ("a{i}", " "), ("a{i}", "/"),
                                       ('a{i}="<"', " "), ("a{i}='>'", ""), ('A{i}="1"', "\n")],
                         ids=["valued", "valueless", "slashes", "lt-in-values", "gt-in-values", "newlines"])
def test_an_attribute_flood_is_cut_before_parsing(shape: str, sep: str) -> None:
    doc = f"<html><body>{_flood(100_000, shape, sep)}<article>{PROSE}</article></body></html>"
    start = time.perf_counter()
    page = cleanpage.clean(doc)
    assert time.perf_counter() - start < 10  # 100,000 attributes took minutes inside libxml2
    assert page.warnings == (PageWarning.ATTRIBUTES_DROPPED,)
    assert "flooded" in page.to_json() or page.paragraphs  # the page around it is read
    root, _ = parse_page(doc)
    (div,) = [el for el in root.iter("div")]
    assert len(div.attrib) == MAX_ATTRIBUTES


def test_ordinary_tags_scripts_and_comments_are_left_alone() -> None:
    many = _flood(MAX_ATTRIBUTES)  # exactly the limit: nothing cut
    script = "<script>if (a <b " + "x " * 5000 + ") {}</script>"  # raw text: "<b" starts no tag
    comment = "<!-- <div " + "a " * 5000 + "--> -->"
    for text in (many, script, comment, "<p>plain</p>", "<", "<a", "a < b > c"):
        assert cap_attributes(text) == (text, False)


def test_page_warnings_round_trip() -> None:
    page = Page(kind=cleanpage.InputKind.HTML, paragraphs=("a",),
                warnings=(PageWarning.TRUNCATED, PageWarning.ATTRIBUTES_DROPPED))
    data = json.loads(page.to_json())
    assert data["warnings"] == ["truncated", "attributes-dropped"]
    assert Page.from_dict(data) == page
    whole = Page(kind=cleanpage.InputKind.HTML, paragraphs=("a",))
    assert "warnings" not in whole.to_dict() and Page.from_dict(whole.to_dict()).warnings == ()


@pytest.mark.parametrize("block", [
    "<script>var data = '{x}';</script>",
    "<script type='application/ld+json'>{{\"@type\": \"NewsArticle\", \"text\": \"{x}\"}}</script>",
    "<p>{x}</p>",
], ids=["script", "json-ld", "paragraph"])
def test_a_text_node_over_10_mb_does_not_cut_the_page(block: str) -> None:
    big = "x" * 10_500_000
    doc = ("<html><body><article><h1>Headline</h1>" + block.format(x=big)
           + PROSE + "<p>The last paragraph, after the big block, is still read.</p></article></body></html>")
    page = cleanpage.clean(doc, options=RULES_ONLY)
    assert any("The last paragraph" in p for p in page.paragraphs)
    assert PageWarning.TRUNCATED not in page.warnings


#: these tests are about the parse (a page comes out whole), not about the block model's choices
RULES_ONLY = cleanpage.Options(block_model=False)


def _forum(posts: int, close_p: bool = True) -> str:
    end = "</p>" if close_p else ""
    return "<html><body><h1>Thread</h1>" + "".join(
        f"<div class='post'><font><p>Post number {i} says something long enough to count as prose.{end}"
        for i in range(posts)) + "</body></html>"


@pytest.mark.parametrize("posts", [400, 3000])
@pytest.mark.parametrize("close_p", [True, False])
def test_deep_unclosed_nesting_comes_out_whole(posts: int, close_p: bool) -> None:
    page = cleanpage.clean(_forum(posts, close_p), options=RULES_ONLY)
    assert len(page.paragraphs) == posts and page.paragraphs[-1].startswith(f"Post number {posts - 1} ")
    assert page.warnings == ()


def test_a_page_the_parser_still_stops_in_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanpage.pipeline.html import tree

    monkeypatch.setattr(tree, "flatten_nesting", lambda text, limit=0: text)  # no second chance
    page = cleanpage.clean(_forum(3000))
    assert page.warnings == (PageWarning.TRUNCATED,)
    assert "truncated" in page.to_json() and 0 < len(page.paragraphs) < 3000
