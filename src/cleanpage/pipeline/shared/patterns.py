"""Patterns both paths read text and markup with: the year, the CJK ranges, an element's class/id words.

Only what is the same wherever it is used lives here. A reader whose pattern differs keeps its own:
a year between word boundaries inside a date-shaped alternation (the text cues, the text metadata,
the comment headers), or the HTML title splitter's narrower CJK class (no Hangul, no extension A).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "CJK",
    "CJK_SYMBOLS",
    "FULLWIDTH",
    "HANGUL",
    "HAN_COMPAT",
    "IDEOGRAPHS",
    "KANA",
    "YEAR",
    "class_words",
    "element_tokens",
]

#: a year of the web's time (1900–2099) standing alone among digits: "2024" in "12.03.2024" or
#: "2024年", not in "120240"; the cheap test a text passes before a date parser is worth calling
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

#: the Unicode ranges of Chinese, Japanese and Korean text, as regex class ranges
CJK_SYMBOLS = r"\u3000-\u303f"  # ideographic space and punctuation: 、。「」
KANA = r"\u3040-\u30ff"  # hiragana and katakana
IDEOGRAPHS = r"\u3400-\u9fff"  # CJK ideographs: extension A, then the unified block
HAN_COMPAT = r"\uf900-\ufaff"  # CJK compatibility ideographs
HANGUL = r"\uac00-\ud7af"  # Hangul syllables
FULLWIDTH = r"\uff00-\uffef"  # halfwidth and fullwidth forms: ，！？ and fullwidth Latin

#: a letter of Chinese, Japanese or Korean: text whose words are not counted by spaces
CJK = re.compile(f"[{KANA}{IDEOGRAPHS}{HANGUL}]")

_SPACES = re.compile(r"[\s]+")


def class_words(cls: str | None, ident: str | None, seen: dict[str, tuple[str, ...]] | None) -> tuple[str, ...]:
    """:func:`element_tokens` on the ``class`` and ``id`` values already read (the HTML blocks walk
    reads them once per element)."""
    if not cls and not ident:
        return ()
    words: tuple[str, ...] = ()
    if cls:
        found = seen.get(cls) if seen is not None else None
        if found is None:
            found = tuple(w for w in _SPACES.split(cls.strip().lower()) if w)
            if seen is not None:
                seen[cls] = found
        words = found
    if ident:
        ident = ident.strip().lower()
        if ident:
            words = (*words, ident)
    return words


def element_tokens(el: etree._Element, seen: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """Lower-cased class and id words of one element (``"site-header sticky"`` -> two tokens).

    ``seen`` memoises the words of each class string: a page repeats a few classes thousands of times.
    """
    return class_words(el.get("class"), el.get("id"), seen)
