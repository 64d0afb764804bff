r"""What must a regex match contain? A literal prefilter for patterns that can start anywhere.

A boilerplate pattern with no fixed start ("could start with anything" to :mod:`._firstchar`) is
tried on every block, and such patterns often open with a lookahead that says what the block must
hold somewhere: ``(?=.*(?:review copy|service de presse))``, ``(?=.*newsletter$)``, ``(?=[^©]*©)``.
Python's regex engine runs that lookahead character by character, trying every alternative at
every position: the most expensive part of matching a block. A ``str`` substring test of the same
words is many times cheaper and tells the same for most blocks: none of them is there.

:func:`required_words` reads those words from the parsed pattern (``re._parser``, as
:mod:`._firstchar`); :func:`ascii_words` keeps them only where the substring test is exact: on an
ASCII text, lower-cased, under ``IGNORECASE`` (checked character by character against the regex
engine itself, not assumed), and on other texts too when the words are ASCII and the text has none
of the four non-ASCII characters the engine matches with ASCII letters (:data:`ASCII_PARTNERS`).
"""

from __future__ import annotations

import re
from typing import Any

from ._firstchar import _c, _p

__all__ = ["ASCII_PARTNERS", "ascii_words", "required_words"]

#: give up past this many words (a product of alternations): the test would cost what it saves
_MAX_WORDS = 64
#: every ASCII character, for asking the regex engine which ones a literal matches
_ASCII = "".join(chr(code) for code in range(128))


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings one of which every full match of ``pattern`` contains (as the pattern's own
    characters, before any case folding), read from a lookahead the pattern opens with:
    ``(?=X*W…)`` where ``X*`` is any single-character repeat (``.*``, ``[^©]*``) and ``W`` a run of
    literals and alternations of literals. None when the pattern opens otherwise."""
    try:
        parsed = list(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001  # pragma: no cover - it compiled, so parsing cannot fail
        return None
    for op, av in parsed:
        if op is not _c.ASSERT:
            return None  # only a lookahead before anything else looks at the whole text
        direction, body = av
        words = _after_skip(list(body)) if direction == 1 else None
        if words is not None:
            return words
    return None


def _after_skip(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The words of a lookahead body ``X*W…`` (see :func:`required_words`)."""
    if not items or items[0][0] not in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return None
    low, _high, repeated = items[0][1]
    if low != 0 or len(repeated) != 1 or repeated[0][0] not in (_c.ANY, _c.NOT_LITERAL, _c.IN):
        return None
    words = _literal_heads(list(items[1:]))
    if words is None or "" in words:
        return None
    return frozenset(words)


def _literal_heads(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The literal strings a match of ``items`` can start with, as long as the items are literals
    and alternations of literals (a shorter head where they stop); None past :data:`_MAX_WORDS`."""
    current = {""}
    for op, av in items:
        options = _options(op, av)
        if options is None:
            break
        current = {head + tail for head in current for tail in options}
        if len(current) > _MAX_WORDS:
            return None
    return current


def _options(op: Any, av: Any) -> set[str] | None:
    """The literal strings one item matches, when it matches only literals; else None."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN and all(sub_op is _c.LITERAL for sub_op, _ in av):
        return {chr(code) for _, code in av}
    if op is _c.SUBPATTERN:
        return _whole(list(av[-1]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            whole = _whole(list(branch))
            if whole is None:
                return None
            out |= whole
        return out
    return None


def _whole(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The strings a sequence of literal items matches in full (None if one item is not literal)."""
    current = {""}
    for op, av in items:
        options = _options(op, av)
        if options is None:
            return None
        current = {head + tail for head in current for tail in options}
        if len(current) > _MAX_WORDS:
            return None
    return current


#: the non-ASCII characters the regex engine matches with an ASCII one under ``IGNORECASE`` (dotted
#: and dotless i, long s, Kelvin sign; a test asks the engine about every code point): a text
#: without them holds an ASCII word case-insensitively exactly when its lower case holds the word
ASCII_PARTNERS = re.compile("[\u0130\u0131\u017f\u212a]")


def ascii_words(words: frozenset[str], flags: int) -> tuple[tuple[str, ...], bool] | None:
    """The lower-cased words a text holds (lower-cased too) whenever a pattern with these required
    ``words`` and ``flags`` matches it, and whether that holds for any text or only for ASCII ones;
    None when it cannot be promised.

    On an ASCII text: a word with a character no ASCII character matches can never be there, it is
    left out (all of them out: the pattern never matches an ASCII text, no words). The promise needs
    the other words to be ASCII, each character matching exactly itself in either case among the
    ASCII characters: the regex engine is asked, character by character, rather than assumed.
    On any text without :data:`ASCII_PARTNERS`: the same, when all the words are ASCII (a
    non-ASCII character has case partners this test does not follow)."""
    out: list[str] = []
    everywhere = True
    for word in sorted(words):
        possible = True
        for ch in word:
            found = _ascii_matches(ch, flags)
            if not ch.isascii():
                if found:
                    return None  # a non-ASCII character an ASCII one matches: no plain substring test
                possible = everywhere = False
            elif found != {ch.lower(), ch.upper()}:
                return None
        if possible:
            out.append(word.lower())
    # a word holding another is found only where the other is: the shorter one is enough
    return tuple(sorted(w for w in out if not any(v != w and v in w for v in out))), everywhere


def _ascii_matches(ch: str, flags: int) -> set[str]:
    """The ASCII characters the literal ``ch`` matches under ``flags``."""
    return set(re.compile(re.escape(ch), flags & ~re.VERBOSE).findall(_ASCII))
