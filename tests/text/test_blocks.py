"""Text blocks: the dump's shape (lines, wrapped, markdown, lynx) and the paragraphs rebuilt from it, with
list items, roles and the characters kept or dropped (hand-built dumps)."""

from __future__ import annotations

from cleanpage.pipeline.text.blocks import DumpShape, build_blocks, detect_shape, wrap_width
from tests._prose import PARA_A, PARA_B, PARA_C
from tests.text._shared import wrap

# ------------------------------------------------------------------------------------- shape detection


def test_one_line_per_block_is_lines() -> None:
    text = "\n".join(["Home", "News", "Sport", PARA_A, PARA_B, PARA_C, "Contact"])
    assert detect_shape(text) is DumpShape.LINES


def test_hard_wrapped_paragraphs_are_wrapped() -> None:
    text = "\n\n".join(wrap(p) for p in (PARA_A, PARA_B, PARA_C))
    assert detect_shape(text) is DumpShape.WRAPPED
    assert wrap_width(text.splitlines()) <= 72


def test_one_wrapped_paragraph_among_short_lines_is_enough() -> None:
    lines = ["Home", "", "News", "", wrap(PARA_A + " " + PARA_B), "", "Contact"]
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
    blocks = build_blocks("\n\n".join(wrap(p) for p in (PARA_A, PARA_B, PARA_C)))
    assert [b.text for b in blocks] == [PARA_A, PARA_B, PARA_C]


def test_a_short_line_ends_a_wrapped_paragraph_even_without_a_blank_line() -> None:
    text = wrap(PARA_A) + "\n" + "Read more\n" + wrap(PARA_B) + "\n\n" + wrap(PARA_C)
    texts = [b.text for b in build_blocks(text)]
    assert texts == [PARA_A, "Read more", PARA_B, PARA_C]


def test_a_wrapped_line_that_starts_like_a_list_item_continues() -> None:
    footer = "Mentions légales - Données personnelles - Gestion des cookies - Contact - Plan du site"
    text = "\n\n".join([wrap(PARA_A), wrap(footer), wrap(PARA_B)])
    assert footer in [b.text for b in build_blocks(text)]


def test_list_items_after_a_short_line_stay_apart() -> None:
    text = "\n\n".join([wrap(PARA_A), "Les plus lus\n\n1. Premier titre\n2. Second titre", wrap(PARA_B)])
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
