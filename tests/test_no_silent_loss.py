"""Nothing leaves a page unrecorded: every block of the page ends in exactly one place.

The places are the body (``paragraphs``), the attribution, the responses, ``removed`` and the title.
Checked on every fixture page and, by hypothesis, on pages built from fragments that used to lose
text: a paragraph repeated right after itself, a byline line, text the page hides, panels a control
opens (tabs, accordions), inline MathML, headings inside the article, reader comments with their
chrome; and a listing whose repeated items the groups stage lifts whole.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleanpage
from cleanpage.pipeline.blocks import Block

FIXTURES = Path(__file__).parent / "fixtures"
HTML_CASES = sorted(p for p in FIXTURES.iterdir() if (p / "input.html").exists())
TEXT_CASES = sorted(p for p in FIXTURES.iterdir() if (p / "input.txt").exists())


def _blocks(html: str) -> tuple[Block, ...]:
    """The page's blocks, built by the same stage calls as :func:`cleanpage.clean`."""
    from cleanpage.api import read_html
    from cleanpage.options import Options
    from cleanpage.pipeline.decode import decode
    from cleanpage.rules import load_rules

    options = Options(use_trafilatura=False)  # the blocks do not depend on the engine
    return read_html(decode(html, max_bytes=options.max_bytes), None, options, load_rules()).blocks


#: a list marker a response's text leaves out ("1. Like duh!": the comment's number in a text dump)
_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[•·*–-])\s+")


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _text_blocks(text: str) -> tuple[Block, ...]:
    """A text dump's blocks, built by the same stage call as :func:`cleanpage.clean`."""
    from cleanpage.options import Options
    from cleanpage.pipeline.decode import decode
    from cleanpage.pipeline.text.blocks import build_blocks

    return build_blocks(decode(text, max_bytes=Options().max_bytes).text)


def _check(html: str, kind: str = "html") -> None:
    page = cleanpage.clean(html, kind=kind)
    blocks = _blocks(html) if kind == "html" else _text_blocks(html)
    texts = Counter(b.text for b in blocks)
    said = " ".join(_words(r.text) for r in page.responses)
    credits = {a.text for a in page.attribution}
    # a closing signature cut from the story's last paragraph ("… the officials said. PTI"): that
    # block is placed as two parts, its prose in the body and the signature in the attribution
    cut = {t[: -len(c)].rstrip(): t for t in texts for c in credits
           if t.endswith(c) and t != c and t[: -len(c)].rstrip() in page.paragraphs}
    placed = Counter(page.paragraphs) + Counter(r.text for r in page.removed)
    for prose, whole in cut.items():
        if placed[prose] > texts[prose]:  # the cut paragraph, not a block that reads the same
            placed[prose] -= 1
            placed[whole] += 1
    # nothing invented or counted twice: each paragraph and removal is a block of its own
    assert not placed - texts, f"placed twice or invented: {list((placed - texts).elements())[:3]}"
    for block in blocks:
        text = block.text
        assert (text in page.paragraphs or text in cut.values() or any(r.text == text for r in page.removed)
                or text in credits
                or text == page.title or _words(_MARKER.sub("", text)) in said or text in page.body), (
            f"lost without a trace: {text!r}")


@pytest.mark.parametrize("case", HTML_CASES, ids=[c.name for c in HTML_CASES])
def test_every_fixture_block_is_somewhere(case: Path) -> None:
    _check((case / "input.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.name for c in TEXT_CASES])
def test_every_text_dump_block_is_somewhere(case: Path) -> None:
    # a line the classifier took for a headline that is not the title ("Posts: 51") was lost (session 14)
    _check((case / "input.txt").read_text(encoding="utf-8"), kind="text")


PROSE = [
    "The council met on Tuesday evening to discuss the plan for the new library building in town.",
    "Several residents spoke in favour of the proposal, while others asked about the cost of it all.",
    "The mayor said a decision would come in the spring, after the budget had been agreed by all.",
    "Work could start next year if the money is found and the design is approved by the council.",
]
FRAGMENTS = st.sampled_from([
    "<p>{p}</p>",
    "<p>{p}</p><p>{p}</p>",  # the same paragraph twice in a row
    "<h2>What comes next</h2><p>{p}</p>",
    "<p class='byline'>By Jane Doe</p><p>{p}</p>",
    "<p style='display:none'>{p}</p>",
    "<p aria-hidden='true'>Hidden note for screen readers only, never shown.</p>",
    # panels a control opens ('collapsed', to the model), a copy of shown text among them, one in a header
    "<div role='tablist'><button role='tab' aria-controls='tp'>More</button></div><div role='tabpanel' id='tp' hidden><p>{p}</p></div>",
    "<div class='accordion'><div class='collapse' style='display:none'><p>{p}</p></div></div>",
    "<details><summary>Read more</summary><div hidden><p>{p}</p></div></details>",
    "<header><button aria-controls='hq'>Opening times</button><div id='hq' hidden><p>{p}</p></div></header>",
    "<p>The area is <math alttext='\\pi r^2'><mi>r</mi></math> as {p}</p>",
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ul></nav>",
    "<div class='share'><a href='#'>Share</a> <a href='#'>Tweet</a></div>",
    "<p>(AP) — {p}</p>",
    "<p>{p} PTI</p>",  # a closing signature: cut into a credit when it ends the story
    "<p>Associated Press contributed to this report.</p>",
    ("<section id='comments'><h3>2 Comments</h3><ol class='comment-list'>"
     "<li class='comment'><div class='comment-author'>Ann</div><div class='comment-content'><p>{p}</p></div>"
     "<a class='comment-reply-link'>Reply</a></li>"
     "<li class='comment'><div class='comment-author'>Bob</div><div class='comment-content'><p>Nice one, thanks.</p></div>"
     "<a class='comment-reply-link'>Reply</a></li></ol></section>"),
])


@given(st.lists(st.tuples(FRAGMENTS, st.sampled_from(PROSE)), min_size=1, max_size=8))
def test_generated_pages_lose_nothing(parts: list[tuple[str, str]]) -> None:
    body = "".join(fragment.format(p=p) for fragment, p in parts)
    _check(f"<html><head><title>A story</title></head><body><article><h1>A story</h1>{body}</article>"
           "<footer>Copyright 2024 Example</footer></body></html>")


def test_an_opening_post_split_by_line_breaks_is_two_paragraphs() -> None:
    """A post written with ``<br><br>`` between its paragraphs: two blocks, and two body
    paragraphs when it opens a thread (one joined paragraph would be text no block holds)."""
    html = (FIXTURES / "forum-table-posts" / "input.html").read_text(encoding="utf-8")
    first = "I took the jaws out and cleaned the scroll"
    assert html.count(first) == 1
    html = html.replace(first, "<br>\n<br>\n" + first)
    page = cleanpage.clean(html, kind="html")
    assert page.page_type.value == "thread"
    assert page.paragraphs[-2:] == (
        "My three-jaw chuck no longer closes evenly: one jaw stops about a millimetre short of the other two.",
        "I took the jaws out and cleaned the scroll, and put them back in the order stamped on them, but nothing "
        "changed. What should I check next?")
    _check(html)


def test_a_listing_s_lifted_items_are_each_in_one_place() -> None:
    """A tag archive the model keeps little of: its repeated entries are lifted whole (groups.py),
    each once, and its pagination and tag cloud stay removed, each once."""
    words = ["council", "library", "budget", "river", "bridge", "school", "teachers", "union", "strike", "hospital",
             "nurses", "weather", "storm", "flood", "election", "mayor", "tram", "railway", "station", "harbour",
             "festival", "music", "theatre", "museum", "park", "market"]
    entries = "".join(
        f"<article class='post-{i} post type-post'><h2 class='entry-title'><a href='/p{i}'>"
        f"{' '.join(words[(i + k) % 26] for k in range(7)).capitalize()}</a></h2>"
        f"<div class='entry-meta'>March {i + 1}, 2026 by Jane</div><div class='entry-summary'><p>"
        f"{' '.join(words[(3 * i + 5 * k) % 26] for k in range(35)).capitalize()}.</p></div></article>"
        for i in range(10))
    pages = "<nav class='pagination'>" + "".join(f"<a href='/tag/x/page/{i}'>{i}</a> " for i in range(1, 9)) + "</nav>"
    cloud = "<aside class='widget'><h3>Tags</h3><div class='tagcloud'>" + " ".join(
        f"<a href='/tag/{w}'>{w}</a>" for w in words) + "</div></aside>"
    _check(f"<html><head><title>Tag: storm</title></head><body><main><h1>Tag: storm</h1>{entries}{pages}</main>"
           f"{cloud}<footer>Copyright 2026 Example</footer></body></html>")
