"""The prefix prefilter (``cleanpage.rules._firstchar``): a block is filed under a key its matches'
patterns are filed under too, whatever case partners the regex engine matches its first characters
with (the Kelvin sign, long s, dotted and dotless i, the Greek and Cyrillic variant letters)."""

from __future__ import annotations

import re
import sys
from collections import defaultdict

import pytest

from cleanpage.rules._firstchar import prefix_key, prefix_keys, prefixes

from ._shared import RULES

I = re.IGNORECASE


def _partners() -> dict[str, set[str]]:
    """Every cased code point -> the code points that may share its case class: the same lower,
    upper, title or case-folded form (the regex engine's extra cases are such pairs)."""
    groups: defaultdict[str, set[str]] = defaultdict(set)
    cased = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        forms = {ch.lower(), ch.upper(), ch.title(), ch.casefold()} - {ch}
        if not forms:
            continue
        cased.append(ch)
        for form in forms | {ch}:
            groups[form].add(ch)
            groups[form[:1]].add(ch)
    out: dict[str, set[str]] = {}
    for ch in cased:
        near: set[str] = set()
        for form in {ch, ch.lower(), ch.upper(), ch.title(), ch.casefold()}:
            near |= groups.get(form, set()) | groups.get(form[:1], set())
            near |= {form[:1]}
        out[ch] = near
    return out


def test_every_text_the_engine_matches_is_filed_under_a_key_of_the_pattern() -> None:
    checked = 0
    for literal, near in _partners().items():
        pattern = re.compile(re.escape(literal) + "q", I)
        keys = prefixes(pattern)
        assert keys is not None
        for ch in near:
            text = ch + "q"
            if pattern.fullmatch(text) is None:
                continue
            checked += 1
            assert prefix_key(text) in keys, (literal, ch, prefix_key(text), keys)
    assert checked > 2500


@pytest.mark.parametrize(
    ("literal", "partner"),
    [("s", "\u017f"), ("i", "\u0131"), ("i", "\u0130"), ("k", "\u212a"), ("\u03bc", "\u00b5"), ("\u03c3", "\u03c2"),
     ("\u0432", "\u1c80")],
)
def test_case_partners_share_a_key(literal: str, partner: str) -> None:
    assert re.fullmatch(literal + "x", partner + "x", I)
    assert prefix_key(partner + "x") == prefix_key(literal + "x") == prefix_key(literal.upper() + "X")
    assert prefix_keys(partner)[0] == prefix_key(literal)


@pytest.mark.parametrize("partner", ["\u017f", "\u0131", "\u0130", "\u212a"])
def test_a_block_opening_with_a_case_partner_meets_the_patterns_it_matches(partner: str) -> None:
    """Every boilerplate example with an opening ASCII letter swapped for a partner the engine matches
    it with: the bucketed matcher gives what the patterns say one by one."""
    table, credits = RULES._boilerplate, RULES._credits
    swapped = 0
    for rule in RULES.boilerplate:
        for example in rule.examples:
            head = example[:1]
            if not re.fullmatch(re.escape(head), partner, I):
                continue
            text = partner + example[1:]
            expected = next(
                (RULES.boilerplate[index].name for pattern, index, *_ in table.patterns
                 if pattern.fullmatch(text) and not (RULES.boilerplate[index].exclude_agency
                                                      and credits.is_agency_credit(text))),
                None,
            )
            if expected is None or len(text) <= table.phrase_max and table.phrase_index.get(text):
                continue
            swapped += 1
            found = table.match(text, credits)
            assert found is not None and found.name == expected, (text, expected)
    assert swapped > 0
