"""The patterns both paths share: the year, the CJK class, an element's class and id words."""

from __future__ import annotations

import pytest
from lxml import etree

from cleanpage.pipeline.shared.patterns import CJK, YEAR, element_tokens


@pytest.mark.parametrize(("text", "year"), [("12.03.2024", "2024"), ("2019-06-20", "2019"), ("2024年3月", "2024"),
                                            ("© 1998 Site", "1998"), ("120240", None), ("1899", None), ("2100", None),
                                            ("Artikel 20245", None)])
def test_a_year_stands_alone_among_digits(text: str, year: str | None) -> None:
    found = YEAR.search(text)
    assert (found.group() if found else None) == year


def test_the_cjk_class_holds_chinese_japanese_and_korean_letters_only() -> None:
    for letter in ("中", "の", "カ", "한", "㐀"):
        assert CJK.search(letter), letter
    for other in ("a", "é", "Ж", "。", "，", "１"):  # punctuation and fullwidth forms are not letters
        assert not CJK.search(other), other


def test_element_tokens_with_and_without_the_class_memo() -> None:
    el = etree.Element("div", {"class": "  Site-Header   sticky ", "id": " Main "})
    seen: dict[str, tuple[str, ...]] = {}
    assert element_tokens(el) == ("site-header", "sticky", "main")
    assert element_tokens(el, seen) == ("site-header", "sticky", "main")
    assert seen == {"  Site-Header   sticky ": ("site-header", "sticky")}
    assert element_tokens(el, seen) == ("site-header", "sticky", "main")
    assert element_tokens(etree.Element("p")) == ()
