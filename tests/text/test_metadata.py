"""Text metadata: the headline, the byline and the date above a dump's body; a forum thread's title,
and its opening post's poster, among the poster's panel lines."""

from __future__ import annotations

import pytest

from cleanpage.pipeline.blocks import Block, Label, Labelled
from cleanpage.pipeline.text.metadata import headline_shaped, read_metadata
from cleanpage.rules import load_rules

RULES = load_rules()
_POST = "My tomato seedlings on the windowsill are tall and thin, and half of them have fallen over."


def _labelled(lines: list[tuple[str, Label]]) -> tuple[Labelled, ...]:
    return tuple(Labelled(block=Block(index=i, text=t, tag="line"), label=label) for i, (t, label) in enumerate(lines))


@pytest.mark.parametrize("text", ["Posts: 51", "Joined: March 2021", "Growing Forum › Vegetables › Tomatoes",
                                  "Home > News > Local"])
def test_a_poster_panel_line_or_a_breadcrumb_is_no_headline(text: str) -> None:
    assert not headline_shaped(text, RULES)


@pytest.mark.parametrize("text", ["Leggy tomato seedlings falling over", "Tomatoes > peppers? A grower's test"])
def test_headlines_stay_headlines(text: str) -> None:
    assert headline_shaped(text, RULES)


def test_the_name_above_a_poster_panel_is_the_thread_s_author() -> None:
    meta = read_metadata(_labelled([
        ("Leggy tomato seedlings falling over", Label.BOILERPLATE),
        ("seedsaver_ines", Label.BOILERPLATE),
        ("Posts: 51", Label.BOILERPLATE),
        ("Apr 9, 2024 at 7:55 AM", Label.BOILERPLATE),
        (_POST, Label.BODY),
    ]), RULES)
    assert meta.title == "Leggy tomato seedlings falling over"
    assert meta.authors == ("seedsaver_ines",)


def test_a_byline_wins_over_a_poster_panel_and_a_name_alone_is_no_poster() -> None:
    byline = read_metadata(_labelled([
        ("Leggy tomato seedlings falling over", Label.BOILERPLATE),
        ("By Jane Doe", Label.BOILERPLATE),
        ("seedsaver_ines", Label.BOILERPLATE),
        ("Posts: 51", Label.BOILERPLATE),
        (_POST, Label.BODY),
    ]), RULES)
    assert byline.authors == ("Jane Doe",)
    alone = read_metadata(_labelled([
        ("Leggy tomato seedlings falling over", Label.BOILERPLATE),
        ("seedsaver_ines", Label.BOILERPLATE),
        ("Apr 9, 2024 at 7:55 AM", Label.BOILERPLATE),
        (_POST, Label.BODY),
    ]), RULES)
    assert alone.authors == ()


@pytest.mark.parametrize("text", ["London → Paris → Rome: three cities by train in a week",
                                  "Kyiv › Lviv › Warsaw: how refugees crossed the border"])
def test_a_headline_with_arrows_and_a_subtitle_is_no_breadcrumb(text: str) -> None:
    """A trail's crumbs are names; a headline's arrows lead to a clause ("…: three cities by train")."""
    assert headline_shaped(text, RULES)


def test_a_site_s_stats_box_above_an_article_names_no_author() -> None:
    """"Posts: 120" under a box's heading ("Blog Stats") with no post date below it is a widget,
    not a poster's panel: its heading is no author."""
    meta = read_metadata(_labelled([
        ("Leggy tomato seedlings falling over", Label.BOILERPLATE),
        ("Blog Stats", Label.BOILERPLATE),
        ("Posts: 120", Label.BOILERPLATE),
        (_POST, Label.BODY),
    ]), RULES)
    assert meta.authors == ()
    assert not meta.thread


def test_a_menu_word_above_a_poster_panel_is_no_poster() -> None:
    meta = read_metadata(_labelled([
        ("Leggy tomato seedlings falling over", Label.BOILERPLATE),
        ("Reply", Label.BOILERPLATE),
        ("Posts: 51", Label.BOILERPLATE),
        ("Apr 9, 2024 at 7:55 AM", Label.BOILERPLATE),
        (_POST, Label.BODY),
    ]), RULES)
    assert meta.authors == ()


def test_a_poster_panel_marks_the_dump_as_a_thread() -> None:
    meta = read_metadata(_labelled([
        ("Leggy tomato seedlings falling over", Label.BOILERPLATE),
        ("seedsaver_ines", Label.BOILERPLATE),
        ("Posts: 51", Label.BOILERPLATE),
        ("Joined: March 2021", Label.BOILERPLATE),
        ("Apr 9, 2024 at 7:55 AM", Label.BOILERPLATE),
        (_POST, Label.BODY),
    ]), RULES)
    assert meta.authors == ("seedsaver_ines",)
    assert meta.thread


# ---- a headline written twice above the story; the site's name beside it -------------------------

_HEAD = "Harbour road reopens after three weeks of repairs"


def _dump(*above: str) -> str:
    from tests._prose import PARA_A, PARA_B, PARA_C

    return "\n\n".join([*above, PARA_A, PARA_B, PARA_C]) + "\n"


@pytest.mark.parametrize(
    "above",
    [
        # the window's title line, then the article's own headline: the same words twice
        (_HEAD, "Home  News  Sport  Weather", _HEAD, "By Jane Rivera"),
        # the headline written twice in a row (a heading and its echo)
        ("The Ledger", "Home  News  Sport  Weather", _HEAD, _HEAD),
    ],
)
def test_a_headline_repeated_above_the_story_is_still_the_title(above: tuple[str, ...]) -> None:
    import cleanpage

    page = cleanpage.clean(_dump(*above))
    assert page.title == _HEAD
    assert _HEAD not in page.paragraphs
    if "By Jane Rivera" in above:
        assert page.authors == ("Jane Rivera",)


def test_a_line_repeated_below_the_story_is_no_headline() -> None:
    # a share bar above and below the story is furniture, whatever its shape
    meta = read_metadata(_labelled([
        ("Share this story with friends", Label.TITLE),
        (_POST, Label.BODY),
        ("Share this story with friends", Label.BOILERPLATE),
    ]), RULES)
    assert meta.title is None


@pytest.mark.parametrize(
    "above",
    [
        (f"{_HEAD} | The Ledger", "The Ledger", _HEAD),  # the site's name over its headline
        (f"{_HEAD} - The Ledger", _HEAD, "The Ledger"),  # and under it
    ],
)
def test_the_sites_name_beside_its_headline_is_not_the_title(above: tuple[str, ...]) -> None:
    import cleanpage

    page = cleanpage.clean(_dump(*above))
    assert page.title == _HEAD
    assert "The Ledger" not in page.paragraphs and _HEAD not in page.paragraphs


def test_a_short_line_over_a_longer_one_stays_a_headline_over_its_standfirst() -> None:
    # no window title names them as headline and site: the upper line is the headline
    import cleanpage

    deck = "Drivers will save twenty minutes a day now that the harbour road is open again"
    page = cleanpage.clean(_dump("Home  News  Sport", "Road reopens", deck))
    assert page.title == "Road reopens"
