"""Issue 7: the text path's method on dump shapes the first version got wrong (hand-built text)."""

from __future__ import annotations

from _prose import PARA_A, PARA_B, PARA_C

from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.blocks import Label
from cleanpage.pipeline.prose import is_prose, is_text_prose
from cleanpage.rules import load_rules
from cleanpage.pipeline.text.blocks import build_blocks
from cleanpage.pipeline.text.classify import classify


def _labels(text: str) -> dict[str, Label]:
    blocks = build_blocks(text)
    return {item.block.text: item.label for item in classify(blocks, load_rules())}


def _block(text: str, **kw: object) -> Block:
    return Block(index=0, text=text, tag="line", **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------- prose in a dump


def test_a_paragraph_leading_into_a_quote_is_prose() -> None:
    lead = "Years ago, I covered rumours, leaflets, speeches and slogans claiming Japan banned vaccines. Back then, my summary:"
    assert not is_prose(lead)
    assert is_text_prose(lead)
    assert not is_text_prose("Ingredients for four people:")  # a short label stays a label


def test_a_tag_cloud_on_one_line_is_not_prose() -> None:
    tags = (
        "Abortion Adoption Advent Afghanistan Africa Agnostics Egypt Aids Art Action Day Acupuncture Algeria Age "
        "Altruism Amazon American Humanist Associat... America Amnesty International Animals Anthroposophy Antisemitism "
        "Apostasy Arabia Archaeology Architecture Argentina Armenia Asia Astrology Atheism. Australia Austria Baptism"
    )
    assert is_prose(tags)  # its stray sentence ends fool the general test
    assert not is_text_prose(tags)
    assert is_text_prose(PARA_A)


def test_a_tag_cloud_above_the_article_does_not_win_the_region() -> None:
    tags = " ".join(f"Topic{chr(65 + i % 26)}{i} Subject{i}..." for i in range(60))
    text = "\n".join(["Tags", tags, "Bridge to close", PARA_A, "Readers remember the old ferry:", PARA_B, PARA_C])  # noqa: FLY002
    labels = _labels(text)
    assert labels[tags] is Label.BOILERPLATE
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


# ------------------------------------------------------------------------------------- response headings


def test_a_count_heading_with_a_remark_announces_responses() -> None:
    from cleanpage.pipeline.text.cues import announces_responses

    rules = load_rules()
    assert announces_responses("{ 38 comments… read them below or add one }", rules)
    assert announces_responses("12 Kommentare | Kommentar schreiben", rules)
    assert not announces_responses("Share | Tweet | Mail", rules)
    assert not announces_responses("Readers left 38 comments on the first part, and we read them all.", rules)


def test_a_thread_after_a_count_heading_with_a_remark_is_responses() -> None:
    comment = "Really, no mention of the ferry? It carried more people than the bridge ever did back then."
    other = "I walked across it every morning for ten years and never once saw a single crack in it."
    text = "\n".join(
        ["Bridge to close", PARA_A, PARA_B, "{ 2 comments… read them below or add one }",
         "Jane June 28, 2015 at 10:25 pm", comment, "Tom July 6, 2015 at 6:57 pm", other]
    )
    labels = _labels(text)
    assert labels[PARA_B] is Label.BODY
    assert labels[comment] is Label.RESPONSE
    assert labels[other] is Label.RESPONSE


# ------------------------------------------------------------------------------------- list bullets


def test_bullets_of_nested_lists_are_list_furniture() -> None:
    text = "  * Home\n    + Imprint\n      o Reply\n  * 3. Third point\n- dash item\nor, o wait, not a bullet"
    blocks = build_blocks(text)
    assert [(b.text, b.tag) for b in blocks] == [
        ("Home", "item"),
        ("Imprint", "item"),
        ("Reply", "item"),
        ("3. Third point", "item"),
        ("dash item", "item"),
        ("or, o wait, not a bullet", "line"),
    ]


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
        assert _labels(text)[line] is Label.BODY


# ------------------------------------------------------------------------------------- bylines and threads


def test_a_lone_name_and_date_line_under_the_headline_is_a_byline_not_a_thread() -> None:
    lead = "The old bridge will close for a year, and the city says a ferry will carry commuters across."
    byline = "Jane Doe on 18 September 2019"
    rules = load_rules()
    assert rules.comments.author_line(byline) is not None  # the shape of a comment's header line
    text = "\n".join(["Home", "News", "Bridge to close", lead, byline, PARA_A, PARA_B, PARA_C])
    labels = _labels(text)
    assert labels[lead] is Label.BODY
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


def test_a_closing_emoji_ends_a_sentence() -> None:
    from cleanpage.pipeline.prose import ends_text_sentence

    assert ends_text_sentence("And afterwards you feel like a hero, and I like that 😉")
    assert ends_text_sentence("That was great fun :)")
    assert not ends_text_sentence("The new BMW X3")
    closing = "After that run I felt like I could take on any winter storm at all 😉"
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, PARA_C, closing, "Post views: 1,432", "Share:"])
    assert _labels(text)[closing] is Label.BODY


# ------------------------------------------------------------------------------------- wrapped dumps


def test_wrapped_lines_with_soft_hyphens_are_rejoined() -> None:
    """The wrapper counted each soft hyphen as a character: the wrap rule must too."""
    import textwrap

    shy = "\u00ad"
    plain = " ".join([PARA_A, PARA_B, PARA_C])
    hyphenated = " ".join(shy.join(w[i : i + 2] for i in range(0, len(w), 2)) for w in plain.split())
    dump = "\n\n".join(textwrap.fill(p, width=72) for p in (plain, hyphenated))
    blocks = build_blocks(dump)
    # one paragraph each (the soft hyphens themselves stay: they are the page's characters)
    assert [b.text.replace(shy, "") for b in blocks] == [plain, plain]
    assert blocks[1].text == hyphenated


def test_one_wrapped_paragraph_among_one_line_paragraphs_is_rejoined() -> None:
    lead = "Wie war das nochmal mit den Variablen? Hier ein Auszug aus unseren\\nLehrmaterialien!"
    dump = "\n\n".join(
        ["Home", "Variables and their home", "11.12.2019 - Amelie Loevenich", lead,
         "A short paragraph of one line, as long as the wrapper's width allows it at most.",
         "Bridge to close", "By Jane"]
    ).replace("\\n", "\n")
    texts = [b.text for b in build_blocks(dump)]
    assert "Wie war das nochmal mit den Variablen? Hier ein Auszug aus unseren Lehrmaterialien!" in texts
    assert "Bridge to close" in texts and "By Jane" in texts


def test_a_headline_over_a_short_line_in_a_paragraph_dump_stays_apart() -> None:
    dump = "\n\n".join(["Home", "News", "The old bridge closes for a year, the city says\nBy Jane Doe", PARA_A, PARA_B])
    texts = [b.text for b in build_blocks(dump)]
    assert "The old bridge closes for a year, the city says" in texts and "By Jane Doe" in texts


# ------------------------------------------------------------------------------------- second runs


def test_no_second_run_past_a_comment_form_below_the_story() -> None:
    widget = [
        f"Reader{i} on Another story about the city: “I think the council should have acted much earlier "
        f"on this, the signs were there for years and nobody listened to the residents at all.”"
        for i in range(4)
    ]
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, PARA_C, "Leave a Reply", "Name *", *widget])
    labels = _labels(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))
    assert all(labels[w] is not Label.BODY for w in widget)


def test_a_story_split_by_a_gallery_is_still_one_article() -> None:
    gallery = [f"Photo {i} of 20" for i in range(1, 21)]
    more = [PARA_C, PARA_A.replace("Tuesday", "Wednesday"), PARA_B.replace("Monday", "Friday")]
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, *gallery, *more])
    labels = _labels(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, *more))


# ------------------------------------------------------------------------------------- short lines inside


def test_a_lead_in_line_and_its_list_stay_in_the_body() -> None:
    text = "\n".join(
        ["Bridge to close", PARA_A, "The hardware", "The parts needed are few and cheap:", "1x controller board",
         "Two cables", "A small case", PARA_B, "The bridge at night", "City archive", PARA_C]
    )
    labels = _labels(text)
    for line in ("The hardware", "The parts needed are few and cheap:", "1x controller board", "Two cables", "A small case"):
        assert labels[line] is Label.BODY, line
    assert labels["The bridge at night"] is not Label.BODY  # a caption: no lead-in above, no prose below


def test_a_dated_line_above_a_paragraph_is_no_subheading() -> None:
    dated = "Published on 19 February 2020, last changed 19 February 2020 12:02"
    text = "\n".join(["Bridge to close", PARA_A, dated, PARA_B, "The repairs", PARA_C])
    labels = _labels(text)
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
    labels = _labels(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))
    assert all(labels[e] is not Label.BODY for e in excerpts)


def test_a_lone_read_more_heading_an_inline_link_keeps_the_paragraph_above() -> None:
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, "Read more", "Why the old ferry stopped", PARA_C])
    labels = _labels(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


# ------------------------------------------------------------------------------------- standfirst


def test_the_deck_between_headline_and_story_is_body() -> None:
    deck = "Sender back on air after two months – good flight data from the Alps"
    meta = "January 13, 2020 at 08:45 AM | categories: Bridges | View Comments"
    for line, expected in ((deck, Label.BODY), (meta, None)):
        text = "\n".join(["Home", "News", "Sport", "The bridge will close for a year", line, PARA_A, PARA_B, PARA_C])
        labels = _labels(text)
        assert labels["The bridge will close for a year"] is Label.TITLE
        if expected is None:
            assert labels[line] is not Label.BODY
        else:
            assert labels[line] is expected


# ------------------------------------------------------------------------------------- comment forms


def test_a_short_story_above_a_whole_comment_form_wins_over_a_longer_sidebar_below() -> None:
    short = (
        "Not in the dust this time, but with bright star spikes and strong colours: the cluster was shot "
        "from the hills at night, sixty frames of three minutes each, stacked at home."
    )
    sidebar = [p.replace("the", w) for w in ("the", "this", "that") for p in (PARA_A, PARA_B, PARA_C)]
    text = "\n".join(["Home", "Pleiades, M45", short, "Camera: 60D", "Leave a Reply", "Comment", "Name *",
                      "Website", "Astronomy books", *sidebar])
    labels = _labels(text)
    assert labels[short] is Label.BODY
    assert all(labels[p] is not Label.BODY for p in sidebar)


def test_a_write_a_comment_button_above_the_story_does_not_hide_it() -> None:
    text = "\n".join(["Home", "News", "Leave a comment", "Bridge to close", PARA_A, PARA_B, PARA_C])
    labels = _labels(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


# ------------------------------------------------------------------------------------- related lists


def test_long_teaser_headlines_under_a_related_heading_are_swallowed() -> None:
    teasers = [
        "Innovation and energy: the country leads the way in carbon capture as more governments put a price on it",
        "How one small company turns carbon dioxide into soap with its own capture technology",
    ]
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, "Related", *teasers, PARA_C, PARA_A.replace("Tuesday", "Friday")])
    labels = _labels(text)
    assert all(labels[t] is Label.BOILERPLATE for t in teasers)
    assert labels[PARA_C] is Label.BODY  # the story goes on below the box


def test_a_sentence_broken_at_a_comma_goes_on_in_lower_case() -> None:
    dump = (
        "So it looked when the older cat first saw the newcomer,\n"
        "sniffed at him and closed his eyes:\n\n"
        "Nummer zwei\n"
        "Apples,\n"
        "Pears"
    )
    texts = [b.text for b in build_blocks(dump)]
    assert "So it looked when the older cat first saw the newcomer, sniffed at him and closed his eyes:" in texts
    assert "Apples," in texts and "Pears" in texts  # a capitalised next line is a new block


def test_wrapped_chinese_lines_join_without_a_space() -> None:
    import textwrap

    para = "蔡健雅是新加坡女歌手、音乐制作人、词曲创作人。" * 8
    dump = "\n".join(textwrap.wrap(para, width=60)) + "\n\n" + "\n".join(textwrap.wrap(para * 2, width=60))
    blocks = build_blocks(dump)
    assert any(b.text == para for b in blocks)


def test_comma_rule_reads_only_the_line_end() -> None:
    # a mis-decoded dump can hold one line of 100,000 letters; the comma test once searched all of it
    # from every position (quadratic: minutes), now it reads the line's end
    from cleanpage.pipeline.text.blocks import _continues

    assert not _continues("笊" * 100_000, "und weiter", 0)
    assert _continues("x" * 100_000 + " Wörter,", "und weiter", 0)
