"""The required-words prefilter of patterns that open with a lookahead (``cleanpage.rules._required``):
the words it reads, and that it never hides a match (many hand-made strings, every such pattern)."""

from __future__ import annotations

import random
import re

import pytest

from cleanpage.rules._firstchar import prefix_keys
from cleanpage.rules._required import ASCII_PARTNERS, ascii_words, required_words
from cleanpage.rules.normalise import collapse, phrase_key

from ._shared import RULES

I = re.IGNORECASE


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (r"(?=.*(?:review copy|leseexemplar))x.*", {"review copy", "leseexemplar"}),
        (r"(?=[^©]*©).{0,9}©.*", {"©"}),
        (r"(?=.*newsletter$).*", {"newsletter"}),
        (r"(?=.* (?:cancel|antwort)).*", {" cancel", " antwort"}),
        (r"(?=.*ab(?:c|d)e).*", {"abce", "abde"}),
        (r"(?=.*ab[cd]).*", {"abc", "abd"}),
        (r"(?=.*ab\w).*", {"ab"}),  # the words stop where the literals do
    ],
)
def test_required_words_are_read_from_an_opening_lookahead(source: str, words: set[str]) -> None:
    assert required_words(re.compile(source, I)) == words


@pytest.mark.parametrize(
    "source",
    [r"x(?=.*ab).*", r"(?=.{2}ab).*", r"(?!.*ab).*", r"(?=.*\w+ab).*", r"(?<=a)b", r"review copy", r"(?=.*(?:a|\d)).*"],
)
def test_no_required_words_without_an_opening_literal_lookahead(source: str) -> None:
    assert required_words(re.compile(source, I)) is None


def test_ascii_words_keep_only_what_a_substring_test_promises() -> None:
    assert ascii_words(frozenset({"Review Copy", "ab"}), I) == (("ab", "review copy"), True)
    # a non-ASCII word is never in an ASCII text; beyond ASCII the test needs every word
    assert ascii_words(frozenset({" отменить", " cancel"}), I) == ((" cancel",), False)
    assert ascii_words(frozenset({"©"}), I) == ((), False)
    # the Kelvin sign and the long s match ASCII letters under IGNORECASE: no promise
    assert ascii_words(frozenset({"\u212a"}), I) is None
    assert ascii_words(frozenset({"\u017f"}), I) is None
    # a word holding another adds nothing
    assert ascii_words(frozenset({" cancel", " cancelar"}), I) == ((" cancel",), True)


def test_ascii_partners_are_every_non_ascii_character_the_engine_matches_with_ascii() -> None:
    every = "".join(chr(code) for code in range(128, 0x110000) if not 0xD800 <= code < 0xE000)
    found = set(re.compile("[\x00-\x7f]", I).findall(every))
    assert found == {chr(code) for code in range(128, 0x110000) if ASCII_PARTNERS.match(chr(code))}


def _variants(word: str, rng: random.Random) -> list[str]:
    """A required word as pages (and tricky texts) may write it."""
    out = [word, word.upper(), word.title(), word.replace(" ", "  ")]
    out.append("".join(ch.upper() if rng.random() < 0.5 else ch for ch in word))
    out.append(word.replace("s", "\u017f").replace("i", "\u0130").replace("k", "\u212a"))
    out.append(word.replace("e", "é").replace("a", "ä"))
    if len(word) > 3:
        cut = rng.randrange(1, len(word) - 1)
        out.append(word[:cut] + word[cut + 1:])  # a letter missing: no longer the word
    return out


def _strings() -> list[str]:
    """Texts around the lookahead patterns' words and examples: with the words, without, cased,
    with the engine's ASCII case partners, in other scripts, cut short."""
    rng = random.Random(17)
    table = RULES._boilerplate
    words = sorted({w for pattern, *_ in table.patterns for w in (required_words(pattern) or ())})
    examples = [ex for rule in RULES.boilerplate for ex in rule.examples + rule.counter_examples]
    fillers = ["", "Danke an den Verlag für das", "Thanks to the publisher for the", "Merci pour le",
               "Gracias por el", "It did not affect my opinion.", "Das hat keinen Einfluss auf meine Meinung.",
               "n'a aucune influence", "Сохранить", "Photo: Jane Doe /", "© 2024", "Sign up for our",
               "Leave a reply", "Your email address will not be published.", "*", "—", "Ünïcödé text"]
    out: list[str] = list(examples)
    for word in words:
        for variant in _variants(word, rng):
            for _ in range(12):
                left, right = rng.choice(fillers), rng.choice(fillers)
                out.append(f"{left} {variant} {right}".strip())
                out.append(f"{variant}{right}")
    for example in examples:
        for _ in range(3):
            k = rng.randrange(len(example) + 1)
            out.append(example[:k] + rng.choice(fillers) + example[k:])
            out.append(example.upper())
            out.append(example.replace("s", "\u017f"))
    return out


def _reference(text: str) -> str | None:
    """The boilerplate table's answer without the required words: every pattern of the text's
    prefix bucket tried in table order (the buckets have their own test in test_boilerplate)."""
    table, credits = RULES._boilerplate, RULES._credits
    flat = collapse(text)
    if len(flat) <= table.phrase_max:
        rule = table.phrase_index.get(phrase_key(flat))
        if rule is not None:
            return str(rule.name)
    if len(flat) > table.pattern_max_chars:
        return None
    key, *wild = prefix_keys(flat)
    members = table.pattern_buckets.get(key) or (wild and table.pattern_buckets.get(wild[0])) or table.pattern_any
    for k in members:
        pattern, index, *_ = table.patterns[k]
        rule = RULES.boilerplate[index]
        if pattern.fullmatch(flat) and not (rule.exclude_agency and credits.is_agency_credit(flat)):
            return str(rule.name)
    return None


def test_the_prefilter_never_hides_a_match_of_a_lookahead_pattern() -> None:
    table = RULES._boilerplate
    checked = 0
    for text in _strings():
        flat = collapse(text)
        if not flat or len(flat) > table.pattern_max_chars:
            continue
        plain = flat.isascii()
        lowered = flat.lower() if plain or ASCII_PARTNERS.search(flat) is None else None
        for pattern, _index, ascii_only, any_text in table.patterns:
            words = ascii_only if plain else any_text
            if words is None or lowered is None:
                continue
            checked += 1
            if not any(w in lowered for w in words):
                assert pattern.fullmatch(flat) is None, (pattern.pattern[:60], flat)
    assert checked > 2000


def test_match_gives_the_one_by_one_answer_on_the_hand_made_strings() -> None:
    table = RULES._boilerplate
    for text in _strings():
        found = table.match(text, RULES._credits)
        assert (str(found.name) if found else None) == _reference(text), text
