"""The article region of a dump: the densest run of prose, its barriers, and the second runs that join it
(best_region on values, then whole hand-built dumps through the classifier)."""

from __future__ import annotations

from cleanpage.pipeline.blocks import Label
from cleanpage.pipeline.text.region import best_region
from tests._prose import PARA_A, PARA_B, PARA_C
from tests.text._shared import labels_of

# ------------------------------------------------------------------------------------- the article region


def test_best_region_is_the_max_sum_run() -> None:
    region = best_region([-20, -20, 300, -20, 200, -400, 250, -20])
    assert (region.start, region.end) == (2, 4)
    assert best_region([-1.0, -2.0]).end < best_region([-1.0, -2.0]).start


def test_short_lines_between_paragraphs_stay_in_the_body() -> None:
    text = "\n".join(["Home", "News", "Sport", "Bridge to close", PARA_A, "A subheading", PARA_B, PARA_C])
    labels = labels_of(text)
    assert labels["A subheading"] is Label.BODY
    assert labels["Bridge to close"] is Label.TITLE
    assert labels["Home"] is Label.BOILERPLATE


def test_a_long_menu_after_the_article_is_not_body() -> None:
    menu = [f"Another section {i}" for i in range(20)]
    teaser = "Readers also liked this story about a different bridge that was closed last year for repairs."
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, *menu, teaser])
    labels = labels_of(text)
    assert labels[PARA_B] is Label.BODY
    assert labels["Another section 3"] is Label.BOILERPLATE
    assert labels[teaser] is Label.BOILERPLATE


def test_a_related_heading_is_a_barrier_and_swallows_its_list() -> None:
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, "Related", "• Other bridge story", PARA_C])
    labels = labels_of(text)
    assert labels["Related"] is Label.BOILERPLATE
    assert labels["Other bridge story"] is Label.BOILERPLATE  # the bullet is list furniture, not text
    assert labels[PARA_C] is Label.BOILERPLATE


def test_a_comment_count_link_above_the_story_does_not_hide_it() -> None:
    text = "\n".join(["Home", "News", "5 Comments", "Bridge to close", PARA_A, PARA_B, PARA_C])
    labels = labels_of(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


def test_a_tag_cloud_above_the_article_does_not_win_the_region() -> None:
    tags = " ".join(f"Topic{chr(65 + i % 26)}{i} Subject{i}..." for i in range(60))
    text = "\n".join(["Tags", tags, "Bridge to close", PARA_A, "Readers remember the old ferry:", PARA_B, PARA_C])  # noqa: FLY002
    labels = labels_of(text)
    assert labels[tags] is Label.BOILERPLATE
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


# ------------------------------------------------------------------------------------- second runs


def test_no_second_run_past_a_comment_form_below_the_story() -> None:
    widget = [
        f"Reader{i} on Another story about the city: “I think the council should have acted much earlier "
        f"on this, the signs were there for years and nobody listened to the residents at all.”"
        for i in range(4)
    ]
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, PARA_C, "Leave a Reply", "Name *", *widget])
    labels = labels_of(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))
    assert all(labels[w] is not Label.BODY for w in widget)


def test_a_story_split_by_a_gallery_is_still_one_article() -> None:
    gallery = [f"Photo {i} of 20" for i in range(1, 21)]
    more = [PARA_C, PARA_A.replace("Tuesday", "Wednesday"), PARA_B.replace("Monday", "Friday")]
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, *gallery, *more])
    labels = labels_of(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, *more))


# ------------------------------------------------------------------------------------- comment forms


def test_a_short_story_above_a_whole_comment_form_wins_over_a_longer_sidebar_below() -> None:
    short = (
        "Not in the dust this time, but with bright star spikes and strong colours: the cluster was shot "
        "from the hills at night, sixty frames of three minutes each, stacked at home."
    )
    sidebar = [p.replace("the", w) for w in ("the", "this", "that") for p in (PARA_A, PARA_B, PARA_C)]
    text = "\n".join(["Home", "Pleiades, M45", short, "Camera: 60D", "Leave a Reply", "Comment", "Name *",
                      "Website", "Astronomy books", *sidebar])
    labels = labels_of(text)
    assert labels[short] is Label.BODY
    assert all(labels[p] is not Label.BODY for p in sidebar)


def test_a_write_a_comment_button_above_the_story_does_not_hide_it() -> None:
    text = "\n".join(["Home", "News", "Leave a comment", "Bridge to close", PARA_A, PARA_B, PARA_C])
    labels = labels_of(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))
