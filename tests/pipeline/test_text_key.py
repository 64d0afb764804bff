"""text_key: the alignment key of a block or an engine unit, the same whatever the text's script."""

from __future__ import annotations

from cleanpage.pipeline.blocks import text_key


def test_letters_and_digits_only_casefolded() -> None:
    assert text_key("Hello, World_2! (Read more…)") == "helloworld2readmore"
    assert text_key("Straße — ÜBER_1 ‘quoted’") == "strasseüber1quoted"
    assert text_key(" \t\n-_.") == ""


def test_an_ascii_text_is_keyed_as_it_is_inside_a_longer_text() -> None:
    # every ASCII character, alone and among words: the key an ASCII text gets is the one it gets
    # as part of a text with other scripts in it
    for code in range(128):
        text = f"A{chr(code)}b {chr(code)}Z9"
        assert text_key(text) + "é" == text_key(text + "é"), repr(text)
