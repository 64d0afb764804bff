"""What a block and a table entry are compared as: whitespace collapsed, typography straightened.

Both the loader (a phrase's key) and the matchers (a block's key) use these, so one table entry
covers the spellings pages actually use. A leaf module: it imports nothing of the package.
"""

from __future__ import annotations

import re

__all__ = ["LEAD", "TRAIL", "collapse", "normalise_phrase", "phrase_key", "unbracketed"]

# Typographic variants that must not make two spellings of one phrase differ. Applied with one
# regex pass (str.translate with a dict costs ~50 ns per character, too slow for every block).
_TYPO_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
}
_TYPO = re.compile("[" + "".join(_TYPO_MAP) + "]")
#: a short text in square or round brackets, and what the brackets hold
_BRACKETED = re.compile(r"\[ ?([^\[\]]+?) ?\]|\( ?([^()]+?) ?\)")


def _untypo(m: re.Match[str]) -> str:
    return _TYPO_MAP[m.group(0)]


#: Trailing decoration ignored when comparing phrases ("Search for:" == "Search for", "Read more »").
TRAIL = " :….»›>→"
#: Leading decoration ignored when comparing phrases ("« Older Entries", "← Previous").
LEAD = " «‹<←"


def collapse(text: str) -> str:
    r"""Whitespace-collapse ``text`` and straighten its apostrophes: what patterns match against.

    Patterns see one space between words (so ``\s`` is always " ") and ``'`` for ``’``, whatever
    the page's markup did. Deliberately cheap (no full typographic pass): it runs on every block.
    """
    flat = " ".join(text.split())
    return flat.replace("\u2019", "'") if "\u2019" in flat else flat


def unbracketed(flat: str) -> str:
    """What a short text in square or round brackets holds ("[ Reply ]" -> "Reply"), else the text:
    a control a page writes in brackets is the control."""
    inner = _BRACKETED.fullmatch(flat)
    return (inner.group(1) or inner.group(2)) if inner is not None else flat


def normalise_phrase(text: str) -> str:
    """The key under which a whole-block phrase is looked up.

    Casefolded, whitespace-collapsed, curly quotes straightened, zero-width characters and soft
    hyphens dropped, trailing ``: … . » › > →`` and leading ``« ‹ < ←`` removed, so one table
    entry covers the spellings pages actually use.
    """
    return phrase_key(" ".join(text.split()))


def phrase_key(flat: str) -> str:
    """:func:`normalise_phrase` of a text that is already whitespace-collapsed (:func:`collapse`)."""
    if not flat.isascii():
        flat = _TYPO.sub(_untypo, flat)
        if "\u200b" in flat or "\u00ad" in flat:  # removal may leave double spaces
            flat = " ".join(flat.split())
    return flat.casefold().rstrip(TRAIL).lstrip(LEAD)
