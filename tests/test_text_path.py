"""The text-dump path by stage: shape detection, paragraph rebuilding, the article region, and the
classification of hand-built dumps; then the body and title of each text fixture as its notes state.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _prose import PARA_A, PARA_B, PARA_C

import cleanpage
from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.blocks import Label
from cleanpage.pipeline.prose import is_prose, separator_share, stopword_share
from cleanpage.rules import CommentCue, load_rules
from cleanpage.pipeline.text.blocks import DumpShape, build_blocks, detect_shape, wrap_width
from cleanpage.pipeline.text.classify import classify
from cleanpage.pipeline.text.cues import announces_responses, comment_cue
from cleanpage.pipeline.text.region import best_region

FIXTURES = Path(__file__).parent / "fixtures"


def _wrap(text: str, width: int = 72) -> str:
    import textwrap

    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)


def _labels(text: str) -> dict[str, Label]:
    blocks = build_blocks(text)
    return {item.block.text: item.label for item in classify(blocks, load_rules())}


# ------------------------------------------------------------------------------------- shape detection


def test_one_line_per_block_is_lines() -> None:
    text = "\n".join(["Home", "News", "Sport", PARA_A, PARA_B, PARA_C, "Contact"])
    assert detect_shape(text) is DumpShape.LINES


def test_hard_wrapped_paragraphs_are_wrapped() -> None:
    text = "\n\n".join(_wrap(p) for p in (PARA_A, PARA_B, PARA_C))
    assert detect_shape(text) is DumpShape.WRAPPED
    assert wrap_width(text.splitlines()) <= 72


def test_one_wrapped_paragraph_among_short_lines_is_enough() -> None:
    lines = ["Home", "", "News", "", _wrap(PARA_A + " " + PARA_B), "", "Contact"]
    assert detect_shape("\n".join(lines)) is DumpShape.WRAPPED


def test_a_column_of_menu_lines_is_not_wrapped() -> None:
    menu = [f"Section number {i} of the site menu here" for i in range(30)]
    assert wrap_width(menu) == 0


def test_markdown_and_lynx_are_recognised() -> None:
    md = "# Title\n\n[Home](/)\n\n[News](/news)\n\nSome [linked](https://x.y/z) text.\n"
    assert detect_shape(md) is DumpShape.MARKDOWN
    lynx = "   [1]Home [2]News\n\n   Text with [3]a link.\n\nReferences\n\n   1. https://x.y/\n"
    assert detect_shape(lynx) is DumpShape.LYNX


# ------------------------------------------------------------------------------------- paragraph rebuilding


def test_wrapped_lines_are_rejoined_with_single_spaces() -> None:
    blocks = build_blocks("\n\n".join(_wrap(p) for p in (PARA_A, PARA_B, PARA_C)))
    assert [b.text for b in blocks] == [PARA_A, PARA_B, PARA_C]


def test_a_short_line_ends_a_wrapped_paragraph_even_without_a_blank_line() -> None:
    text = _wrap(PARA_A) + "\n" + "Read more\n" + _wrap(PARA_B) + "\n\n" + _wrap(PARA_C)
    texts = [b.text for b in build_blocks(text)]
    assert texts == [PARA_A, "Read more", PARA_B, PARA_C]


def test_a_wrapped_line_that_starts_like_a_list_item_continues() -> None:
    footer = "Mentions légales - Données personnelles - Gestion des cookies - Contact - Plan du site"
    text = "\n\n".join([_wrap(PARA_A), _wrap(footer), _wrap(PARA_B)])
    assert footer in [b.text for b in build_blocks(text)]


def test_list_items_after_a_short_line_stay_apart() -> None:
    text = "\n\n".join([_wrap(PARA_A), "Les plus lus\n\n1. Premier titre\n2. Second titre", _wrap(PARA_B)])
    blocks = build_blocks(text)
    items = [b for b in blocks if b.tag == "item"]
    assert [b.text for b in items] == ["1. Premier titre", "2. Second titre"]


def test_lines_dump_keeps_each_line() -> None:
    text = "Home\nNews\n" + PARA_A + "\n" + PARA_B
    blocks = build_blocks(text)
    assert detect_shape(text) is DumpShape.LINES
    assert [b.text for b in blocks] == ["Home", "News", PARA_A, PARA_B]


def test_markdown_links_keep_their_text_and_count_as_links() -> None:
    text = "# A title here\n\n[Home](/) [News](/n) [Sport](/s)\n\nA [linked](https://x.y/z) word.\n\n[x](/1)\n"
    blocks = build_blocks(text)
    by_text = {b.text: b for b in blocks}
    assert by_text["A title here"].tag == "heading"
    assert by_text["Home News Sport"].link_share > 0.5
    assert "A linked word." in by_text


def test_lynx_markers_go_and_references_are_separate_blocks() -> None:
    text = "   [1]Home [3]News\n\n   A sentence with [2]a link in it.\n\nReferences\n\n   1. https://x.y/\n   2. https://x.y/z\n"
    blocks = build_blocks(text)
    assert detect_shape(text) is DumpShape.LYNX
    assert "A sentence with a link in it." in [b.text for b in blocks]
    assert [b.text for b in blocks if "references" in b.roles][0] == "References"


def test_invisible_characters_are_removed_and_soft_hyphens_kept() -> None:
    # a soft hyphen is the page's own character (a hyphenation point), kept as on the HTML path
    blocks = build_blocks("Wort\u00adteil und zero\u200bwidth")
    assert blocks[0].text == "Wort\u00adteil und zerowidth"


def test_gap_and_repeated_roles() -> None:
    blocks = build_blocks("Home\nNews\n\nHome\n" + PARA_A)
    assert "gap" in blocks[0].roles and "gap" not in blocks[1].roles and "gap" in blocks[2].roles
    assert "repeated" in blocks[0].roles and "repeated" not in blocks[3].roles


# ------------------------------------------------------------------------------------- prose features


def test_a_flattened_menu_is_not_prose_however_long() -> None:
    menu = " | ".join(["Home", "News", "World", "Politics", "Business", "Sport", "Culture", "Weather"] * 4)
    assert separator_share(menu) > 0.15
    assert not is_prose(menu)
    assert is_prose(PARA_A)


def test_prose_in_a_language_with_a_stop_list_added_here() -> None:
    finnish = "Hallitus kertoi tiistaina, että se on valmis neuvottelemaan uudesta sopimuksesta ja että päätös tehdään jo ensi viikolla."
    assert stopword_share(finnish) > 0
    assert is_prose(finnish)


# ------------------------------------------------------------------------------------- the article region


def test_best_region_is_the_max_sum_run() -> None:
    region = best_region([-20, -20, 300, -20, 200, -400, 250, -20])
    assert (region.start, region.end) == (2, 4)
    assert best_region([-1.0, -2.0]).end < best_region([-1.0, -2.0]).start


def test_short_lines_between_paragraphs_stay_in_the_body() -> None:
    text = "\n".join(["Home", "News", "Sport", "Bridge to close", PARA_A, "A subheading", PARA_B, PARA_C])
    labels = _labels(text)
    assert labels["A subheading"] is Label.BODY
    assert labels["Bridge to close"] is Label.TITLE
    assert labels["Home"] is Label.BOILERPLATE


def test_a_long_menu_after_the_article_is_not_body() -> None:
    menu = [f"Another section {i}" for i in range(20)]
    teaser = "Readers also liked this story about a different bridge that was closed last year for repairs."
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, *menu, teaser])
    labels = _labels(text)
    assert labels[PARA_B] is Label.BODY
    assert labels["Another section 3"] is Label.BOILERPLATE
    assert labels[teaser] is Label.BOILERPLATE


def test_a_related_heading_is_a_barrier_and_swallows_its_list() -> None:
    text = "\n".join(["Bridge to close", PARA_A, PARA_B, "Related", "• Other bridge story", PARA_C])
    labels = _labels(text)
    assert labels["Related"] is Label.BOILERPLATE
    assert labels["Other bridge story"] is Label.BOILERPLATE  # the bullet is list furniture, not text
    assert labels[PARA_C] is Label.BOILERPLATE


def test_a_comment_count_link_above_the_story_does_not_hide_it() -> None:
    text = "\n".join(["Home", "News", "5 Comments", "Bridge to close", PARA_A, PARA_B, PARA_C])
    labels = _labels(text)
    assert all(labels[p] is Label.BODY for p in (PARA_A, PARA_B, PARA_C))


def test_a_thread_without_a_heading_is_responses() -> None:
    comment = "I drive over that bridge every day and I am glad they are finally fixing it properly."
    other = "It was about time, the cracks have been visible from the river path for two years now."
    text = "\n".join(
        ["Bridge to close", PARA_A, PARA_B, "Jane says:", comment, "Reply", "Tom says:", other, "Reply"]
    )
    labels = _labels(text)
    assert labels[PARA_B] is Label.BODY
    assert labels[comment] is Label.RESPONSE
    assert labels[other] is Label.RESPONSE


def test_response_heading_with_the_page_title() -> None:
    rules = load_rules()
    assert announces_responses("3 Responses to Bridge to close on Tuesday", rules)
    assert not announces_responses("3 responses to the survey were positive, the council said.", rules)


def test_comment_cues() -> None:
    rules = load_rules()

    def cue(text: str) -> CommentCue:
        return comment_cue(Block(index=0, text=text, tag="line"), rules)

    assert cue("Reply") is CommentCue.CHROME
    assert cue("1") is CommentCue.NONE  # a bare number is list numbering as often as a like counter
    assert cue("Jane Doe says:") is CommentCue.AUTHOR
    assert cue("22. Juli 2019 at 16:25") is CommentCue.DATE
    assert cue(PARA_A) is CommentCue.NONE
    # a str enum with the old values: NONE is falsy, the others compare equal to their words
    assert not CommentCue.NONE and CommentCue.CHROME == "chrome" and CommentCue.DATE.value == "date"


# ------------------------------------------------------------------------------------- fixtures (body and title)

CASES = {
    "seed-text": ("Russian FM: US, NATO Directly Involved in Ukraine Conflict", 16),
    "related-links-text": ("Winter storm buries central Oregon, closes mountain highway", 5),
    "lynx-text": ("Fernwärme wird ab April teurer", 4),
    "markdown-text": ("Seed swap returns on Saturday 16 March", 4),
    "hardwrapped-text": ("Sécheresse : les Bouches-du-Rhône en alerte dès le mois de mars", 4),
    "browser-select-all-es": ("Madrid prohíbe el tráfico de camiones por el centro a partir de mayo", 5),
}
NOT_IN_BODY = {
    "related-links-text": ["Skip to content", "Valley Sentinel", "By Tom Harlow", "March 3, 2024", "Share this:",
        "Related", "•", "Most Popular", "Privacy Policy", "All rights reserved", "We use cookies"],
    "lynx-text": ["[", "]", "Zum Inhalt springen", "Von Jonas Richter", "Teilen mit", "Ähnliche Beiträge",
        "Petra Hahn", "Antworten", "____", "Meistgelesen", "References", "https://"],
    "markdown-text": ["**", "](", "https://", "Posted on", "Categories:", "Post navigation", "Comments",
        "Graham Pike", "Reply", "Leave a Reply", "Recent Posts", "Archives"],
    "hardwrapped-text": ["Aller au contenu", "Publié le", "Partager", "Lire aussi", "© AFP", "Les plus lus",
        "Mentions légales"],
    "browser-select-all-es": ["Ir al contenido", "Compartir", "Te puede interesar", "Lo más leído", "Aviso legal",
        "Utilizamos cookies", "Comentarios", "Lucía M."],
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_fixture_title_and_body(case: str) -> None:
    page = cleanpage.clean_file(next((FIXTURES / case).glob("input.*")))
    title, count = CASES[case]
    assert page.kind is cleanpage.InputKind.TEXT
    assert page.title == title
    assert len(page.paragraphs) == count
    assert not page.body.startswith(title)
    for text in NOT_IN_BODY.get(case, []):
        assert text not in page.body, text


def test_hardwrapped_fixture_rejoins_paragraphs_exactly() -> None:
    page = cleanpage.clean_file(FIXTURES / "hardwrapped-text" / "input.txt")
    assert not any("\n" in p for p in page.paragraphs)
    assert page.paragraphs[2] == (
        "« Nous n’avons jamais pris de telles mesures au mois de mars », a reconnu le préfet lors d’une "
        "conférence de presse, appelant chacun à « adopter dès maintenant les bons gestes »."
    )
    removed = {r.text for r in page.removed}
    assert "Mentions légales - Données personnelles - Gestion des cookies - Contact - Plan du site" in removed
    assert "Lire aussi : Nappes phréatiques : un niveau historiquement bas dans le Sud-Est" in removed


def test_lynx_fixture_drops_markers_and_keeps_link_text() -> None:
    page = cleanpage.clean_file(FIXTURES / "lynx-text" / "input.txt")
    assert "Heizkraftwerks am Südring" in page.paragraphs[1]
    assert [r.text.split(".")[0] for r in page.responses] == ["Schon wieder? Letztes Jahr hieß es noch, die Preise seien jetzt stabil", "Immerhin wird das Geld ins Kraftwerk gesteckt und nicht an Aktionäre ausgeschüttet"]
