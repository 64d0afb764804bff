"""The keep/drop decision on HTML blocks: the learned model over the rules, with the rules' certainties kept."""

from __future__ import annotations

import cleanpage
from cleanpage import Options, Reason

FILLER = ("The council met on Tuesday evening to discuss the plan for the new library building, and several "
          "residents spoke in favour of the proposal while others asked about its cost.")

PAGE = f"""<html><head><title>Library plan backed</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Library plan backed</h1>
<p>{FILLER}</p>
<p style="display: none">{FILLER} Hidden copy.</p>
<p>{FILLER} The vote was close.</p>
<form><label>Search for:</label><input></form>
<p>{FILLER} Work starts in May.</p>
</article></main>
<footer><p>© 2024 Example Town News. All rights reserved.</p></footer></body></html>"""


def test_the_model_keeps_the_article_and_drops_the_furniture() -> None:
    page = cleanpage.clean(PAGE)
    assert page.paragraphs == (FILLER, f"{FILLER} The vote was close.", f"{FILLER} Work starts in May.")
    reasons = {r.text: r.reason for r in page.removed}
    assert reasons["Home"] in (Reason.NAVIGATION, Reason.BREADCRUMBS) and reasons["Sport"] is Reason.NAVIGATION


def test_certain_rules_are_never_overruled_and_model_drops_carry_a_score() -> None:
    page = cleanpage.clean(PAGE)
    hidden = [r for r in page.removed if "Hidden copy" in r.text]
    assert hidden and hidden[0].reason is Reason.HIDDEN and hidden[0].score is None
    scored = [r for r in page.removed if r.score is not None]
    assert scored and all(0.0 <= r.score < 1.0 for r in scored)


def test_the_rules_alone_on_request() -> None:
    page = cleanpage.clean(PAGE, options=Options(block_model=False))
    assert f"{FILLER} Work starts in May." in page.paragraphs
    assert all(r.score is None for r in page.removed)


def test_the_same_page_gives_the_same_scores() -> None:
    first, second = cleanpage.clean(PAGE), cleanpage.clean(PAGE)
    assert first == second
