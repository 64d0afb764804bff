"""Text classify: one label per block of a hand-built dump (captions, bylines, lists, excerpts, the
standfirst, related lists, the start of a thread) on dump shapes the first version got wrong."""

from __future__ import annotations

from cleanpage.pipeline.blocks import Label
from cleanpage.pipeline.text.blocks import build_blocks
from cleanpage.pipeline.text.classify import classify
from cleanpage.rules import load_rules
from tests._prose import PARA_A, PARA_B, PARA_C
from tests.text._shared import labels_of


def test_a_thread_without_a_heading_is_responses() -> None:
    comment = "I drive over that bridge every day and I am glad they are finally fixing it properly."
    other = "It was about time, the cracks have been visible from the river path for two years now."
    text = "\n".join(
        ["Bridge to close", PARA_A, PARA_B, "Jane says:", comment, "Reply", "Tom says:", other, "Reply"]
    )
    labels = labels_of(text)
    assert labels[PARA_B] is Label.BODY
    assert labels[comment] is Label.RESPONSE
    assert labels[other] is Label.RESPONSE


def test_a_thread_after_a_count_heading_with_a_remark_is_responses() -> None:
    comment = "Really, no mention of the ferry? It carried more people than the bridge ever did back then."
    other = "I walked across it every morning for ten years and never once saw a single crack in it."
    text = "\n".join(
        ["Bridge to close", PARA_A, PARA_B, "{ 2 comments… read them below or add one }",
         "Jane June 28, 2015 at 10:25 pm", comment, "Tom July 6, 2015 at 6:57 pm", other]
    )
    labels = labels_of(text)
    assert labels[PARA_B] is Label.BODY
    assert labels[comment] is Label.RESPONSE
    assert labels[other] is Label.RESPONSE


def test_a_bulleted_menu_line_matches_the_rule_tables() -> None:
    text = "\n".join(["    * Impressum", "    * Datenschutz", "Bridge to close", PARA_A, PARA_B, PARA_C])
    labelled = classify(build_blocks(text), load_rules())
    assert labelled[0].block.text == "Impressum"
    assert labelled[0].reason not in (None, "before-content")  # a named rule, not position


# ------------------------------------------------------------------------------------- captions


def test_a_caption_ending_in_an_image_credit_is_furniture() -> None:
    caption = "Oil pumps at dusk near the river. Photo: Jane Doe/Shutterstock.com"
    german = "Die alte Brücke im Abendrot. Foto: Max Muster"
    text = "\n".join(["Bridge to close", PARA_A, caption, PARA_B, german, PARA_C])
    labelled = {i.block.text: i for i in classify(build_blocks(text), load_rules())}
    assert labelled[caption].label is Label.BOILERPLATE and labelled[caption].reason == "image-caption"
    assert labelled[german].reason == "image-caption"
    assert all(labelled[p].label is Label.BODY for p in (PARA_A, PARA_B, PARA_C))  # the article goes on


def test_a_sentence_ending_in_a_credit_word_is_not_a_caption() -> None:
    for line in (
        "We met the engineers on Zoom and they showed us every crack in the old bridge photo by photo.",
        "The council published a new image: the bridge will be painted green when it reopens in spring.",
    ):
        text = "\n".join(["Bridge to close", PARA_A, line, PARA_B, PARA_C])
        assert labels_of(text)[line] is Label.BODY


# ------------------------------------------------------------------------------------- bylines and threads


def test_a_lone_name_and_date_line_under_the_headline_is_a_byline_not_a_thread() -> None:
    lead = "The old bridge will close for a year, and the city says a ferry will carry commuters across."
    byline = "Jane Doe on 18 September 2019"
    rules = load_rules()
    assert rules.comments.author_line(byline) is not None  # the shape of a comment's header line
    text = "\n".join(["Home", "News", "Bridge to close", lead, byline, PARA_A, PARA_B, PARA_C])
    labels = labels_of(text)
    assert labels[lead] is Label.BODY
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


def test_a_closing_emoji_ends_a_sentence() -> None:
    from cleanpage.pipeline.prose import ends_text_sentence

    assert ends_text_sentence("And afterwards you feel like a hero, and I like that 😉")
    assert ends_text_sentence("That was great fun :)")
    assert not ends_text_sentence("The new BMW X3")
    closing = "After that run I felt like I could take on any winter storm at all 😉"
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, PARA_C, closing, "Post views: 1,432", "Share:"])
    assert labels_of(text)[closing] is Label.BODY


# ------------------------------------------------------------------------------------- short lines inside


def test_a_lead_in_line_and_its_list_stay_in_the_body() -> None:
    text = "\n".join(
        ["Bridge to close", PARA_A, "The hardware", "The parts needed are few and cheap:", "1x controller board",
         "Two cables", "A small case", PARA_B, "The bridge at night", "City archive", PARA_C]
    )
    labels = labels_of(text)
    for line in ("The hardware", "The parts needed are few and cheap:", "1x controller board", "Two cables", "A small case"):
        assert labels[line] is Label.BODY, line
    assert labels["The bridge at night"] is not Label.BODY  # a caption: no lead-in above, no prose below


def test_a_dated_line_above_a_paragraph_is_no_subheading() -> None:
    dated = "Published on 19 February 2020, last changed 19 February 2020 12:02"
    text = "\n".join(["Bridge to close", PARA_A, dated, PARA_B, "The repairs", PARA_C])
    labels = labels_of(text)
    assert labels[dated] is not Label.BODY
    assert labels["The repairs"] is Label.BODY  # a real subheading stays


# ------------------------------------------------------------------------------------- excerpts


def test_excerpts_each_above_a_read_more_link_are_teasers() -> None:
    excerpts = [
        f"Story {k}: the city council talked about the {k} bridges again on Monday, and the mayor said that "
        f"the work will take longer than the engineers had planned at first."
        for k in ("old", "new")
    ]
    text = "\n".join(
        ["Bridge to close", PARA_A, PARA_B, PARA_C, "Keep reading", "Older story", excerpts[0], "Read more",
         "Another older story", excerpts[1], "Read more"]
    )
    labels = labels_of(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))
    assert all(labels[e] is not Label.BODY for e in excerpts)


def test_a_lone_read_more_heading_an_inline_link_keeps_the_paragraph_above() -> None:
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, "Read more", "Why the old ferry stopped", PARA_C])
    labels = labels_of(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


# ------------------------------------------------------------------------------------- standfirst


def test_the_deck_between_headline_and_story_is_body() -> None:
    deck = "Sender back on air after two months – good flight data from the Alps"
    meta = "January 13, 2020 at 08:45 AM | categories: Bridges | View Comments"
    for line, expected in ((deck, Label.BODY), (meta, None)):
        text = "\n".join(["Home", "News", "Sport", "The bridge will close for a year", line, PARA_A, PARA_B, PARA_C])
        labels = labels_of(text)
        assert labels["The bridge will close for a year"] is Label.TITLE
        if expected is None:
            assert labels[line] is not Label.BODY
        else:
            assert labels[line] is expected


# ------------------------------------------------------------------------------------- related lists


def test_long_teaser_headlines_under_a_related_heading_are_swallowed() -> None:
    teasers = [
        "Innovation and energy: the country leads the way in carbon capture as more governments put a price on it",
        "How one small company turns carbon dioxide into soap with its own capture technology",
    ]
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, "Related", *teasers, PARA_C, PARA_A.replace("Tuesday", "Friday")])
    labels = labels_of(text)
    assert all(labels[t] is Label.BOILERPLATE for t in teasers)
    assert labels[PARA_C] is Label.BODY  # the story goes on below the box


# ------------------------------------------------------------------------------------- a list the story runs on into


def test_a_long_list_of_short_items_below_the_story_stays_with_it() -> None:
    # a changelog: each version a heading over a few short items; thirteen short lines in a row
    items = [f"* {verb} the {thing} of the bridge report" for verb in ("Fixed", "Added", "Changed")
             for thing in ("tables", "figures", "maps")]
    text = "\n".join(["Bridge report releases", PARA_A, *items[:3], "Version 1.1", *items[3:6], "Version 1.0",
                      *items[6:]])
    labels = labels_of(text)
    assert labels[PARA_A] is Label.BODY
    assert all(labels[i[2:]] is Label.BODY for i in items)
    assert labels["Version 1.1"] is Label.BODY and labels["Version 1.0"] is Label.BODY


def test_a_menu_of_one_word_items_below_the_story_is_not_taken_in() -> None:
    menu = ["* Home", "* News", "* Sport", "* Weather", "* Contact", "* About us", "* Jobs", "* Archive",
            "* Podcasts", "* Events", "* Shop", "* Help", "* Privacy"]
    labels = labels_of("\n".join(["Bridge to close", PARA_A, PARA_B, *menu]))
    assert labels[PARA_B] is Label.BODY
    assert all(labels[m[2:]] is not Label.BODY for m in menu)
