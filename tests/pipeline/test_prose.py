"""Prose features: what reads as running text, in general and in a dump (menus and tag clouds do not)."""

from __future__ import annotations

from cleanpage.pipeline.prose import is_prose, is_text_prose, separator_share, stopword_share
from tests._prose import PARA_A

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
