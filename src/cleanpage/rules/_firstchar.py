r"""How can a regex match begin? A prefilter that keeps per-block matching cheap.

Python's regex engine tries every pattern (and every alternative of an alternation) at position
0, and with IGNORECASE it cannot skip an alternative by its first literal. With a hundred
boilerplate patterns that is ~15 µs per block, for every block of every page. Knowing the possible
first two characters of each pattern's matches lets the matcher try only the few patterns that can
start like the block does.

The analysis walks the parsed regex (``re._parser``; ``sre_parse`` before 3.11). It assumes the
text is collapsed (:func:`~.model.collapse`: single spaces, so ``\s`` can only be " "), treats ``\d``
as the common decimal digit sets, and marks any other wide class (``\w``, ``[^...]``, ``.``) as a
wildcard position. It is conservative: anything it does not understand, or a set that grows too
large, means "could start with anything" (``None``), which only costs speed.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

# The regex parser is private API (re._parser since 3.11, sre_parse before, which warns if
# imported on 3.11+); typed as Any on purpose. Only its output shape (op, argument) is relied on.
_c: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11) else "sre_constants")
_p: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

__all__ = ["PREFIX_LEN", "WILD", "fold", "prefix_key", "prefix_keys", "prefixes", "proxy"]

#: Length of the prefixes the matcher dispatches on.
PREFIX_LEN = 2
# Give up (None) beyond this many distinct prefixes or this wide a character class.
_CAP = 20000
_MAX_CLASS = 3000

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
if hasattr(_c, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_c.POSSESSIVE_REPEAT)
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
#: Stands for "any character" at a position of a prefix ("#" + WILD: a hashtag).
WILD = "\x00"

def _extra_cases() -> dict[str, str]:
    """Lower-case letter -> the one standing for its case class, for the letters the regex engine
    matches with a letter of another lower case under IGNORECASE ("s" and long s, "i" and dotless i,
    Greek "μ" and the micro sign, Cyrillic "в" and its old form): the engine's own table."""
    if sys.version_info >= (3, 11):
        table: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    else:  # pragma: no cover - the same table, kept in the compiler before 3.11
        table = importlib.import_module("sre_compile")._ignorecase_fixes
    return {chr(code): chr(min(code, *others)) for code, others in table.items() if others}


_EXTRA_CASES = _extra_cases()
_DIGITS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९０１２３４５６７８９")
_CATEGORIES = {_c.CATEGORY_SPACE: frozenset(" "), _c.CATEGORY_DIGIT: _DIGITS}


class _Unknown(Exception):
    """The analysis cannot bound the prefixes: the pattern may start with anything."""


def fold(ch: str) -> str:
    """One character as the prefilter files it: lower-cased (its first character where the lower
    case is longer, "İ" -> "i", as the engine's simple case mapping does), then the letter standing
    for its case class when the engine matches it with letters of another lower case ("ſ" -> "s")."""
    low = ch.lower()[:1]
    return _EXTRA_CASES.get(low, low)


def prefix_key(text: str) -> str:
    """The dispatch key of a (collapsed) block: its first characters, each :func:`fold`-ed (one by
    one: a lower case that looks at the next letter, the Greek final sigma, would change with the
    cut)."""
    head = text[:PREFIX_LEN]
    if head.isascii():
        return head.lower()
    return "".join(fold(ch) for ch in head)


def prefix_keys(text: str) -> tuple[str, ...]:
    """The prefix strings that a text starting like ``text`` can be filed under."""
    key = prefix_key(text)
    return (key, key[:1] + WILD) if len(key) == PREFIX_LEN else (key,)


def prefixes(pattern: re.Pattern[str] | str, flags: int = 0) -> frozenset[str] | None:
    """Keys (see :func:`prefix_key`) a full match of ``pattern`` can have; None if unbounded.

    Keys shorter than :data:`PREFIX_LEN` stand for matches that short. Lookarounds and anchors are
    treated as empty, which can only widen the set. ``pattern`` may be a source string standing in
    for the real regex (see :func:`proxy`), which is much cheaper to analyse.
    """
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, flags)
    try:
        parsed = _p.parse(source, flags)
        found = _sequence(list(parsed), PREFIX_LEN)
    except _Unknown:
        return None
    except Exception:  # noqa: BLE001  # pragma: no cover - it compiled, so parsing cannot fail
        return None
    if "" in found or any(p.startswith(WILD) for p in found):
        return None
    return frozenset(found)


def proxy(words: list[str]) -> str:
    """A small regex with the same :func:`prefixes` as an alternation of ``words``.

    The agency and number-word alternations have hundreds of branches; analysing them inside every
    credit pattern dominated load time. Only their first :data:`PREFIX_LEN` characters matter (a
    shorter word stands for itself followed by anything or nothing).
    """
    heads = sorted({"".join(fold(ch) for ch in w[:PREFIX_LEN]) for w in words if w})
    parts = [re.escape(h) + ("" if len(h) == PREFIX_LEN else "(?:.|$)") for h in heads]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


def _sequence(items: list[tuple[Any, Any]], k: int) -> set[str]:
    current = {""}
    for op, av in items:
        if all(len(p) == k for p in current):
            break
        nxt: set[str] = set()
        for head in current:
            room = k - len(head)
            if room == 0:
                nxt.add(head)
                continue
            for tail in _item(op, av, room):
                nxt.add(head + tail)
        if len(nxt) > _CAP:
            raise _Unknown
        current = nxt
    return current


def _item(op: Any, av: Any, k: int) -> set[str]:
    if op is _c.LITERAL:
        return {fold(chr(av))}
    if op is _c.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op is _c.LITERAL:
                chars.add(fold(chr(sub_av)))
            elif sub_op is _c.RANGE:
                lo, hi = sub_av
                if hi - lo > _MAX_CLASS:
                    return {WILD}
                chars.update(fold(chr(code)) for code in range(lo, hi + 1))
            elif sub_op is _c.CATEGORY and sub_av in _CATEGORIES:
                chars.update(_CATEGORIES[sub_av])
            else:  # NEGATE, \w, ...
                return {WILD}
        return chars
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]), k)
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(list(av), k)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _sequence(list(branch), k)
        return out
    if op in _REPEATS:
        low, high, item = av
        one = _sequence(list(item), k)
        result: set[str] = {""} if low == 0 else set()
        current = {""}
        for count in range(1, min(high, k + low) + 1):
            current = {(h + t)[:k] for h in current for t in one}
            if len(current) > _CAP:
                raise _Unknown
            if count >= low:
                result |= current
            if all(len(p) == k for p in current) and count >= low:
                break
        return result
    if op in _ZERO_WIDTH:
        return {""}
    if op in (_c.ANY, _c.NOT_LITERAL):
        return {WILD}
    raise _Unknown  # GROUPREF, GROUPREF_EXISTS, ...
