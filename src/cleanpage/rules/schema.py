"""Reading and validating the TOML tables, and building regexes from their entries.

Validation is strict on purpose: unknown keys, empty phrases or regexes, regexes that match the
empty string and duplicate names are all :class:`RulesError` at load time. A table error should
stop the program once, with a message naming the entry, rather than quietly remove every block
(or none) of every page. Each table's compiler (:mod:`.boilerplate`, :mod:`.credits`,
:mod:`.comments`, :mod:`.metadata`) is built from these helpers; this module imports only
:mod:`.normalise`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from .normalise import normalise_phrase

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["FLAGS", "RulesError", "tomllib"]

#: Table regexes match case-insensitively unless they say otherwise.
FLAGS = re.IGNORECASE
_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: class/id words as markup writes them: lower-case letters, digits, "-" and "_"
_CLASS_WORD = re.compile(r"[a-z0-9_-]+")
#: names of HTML attributes, ``<meta>`` keys and schema.org types and properties
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


class RulesError(ValueError):
    """A rule table is malformed: the message names the file, the entry and what is wrong.

    Raised at load time so that a bad table fails loudly once instead of silently matching
    everything (an empty phrase or regex) or nothing (a typo'd key) on every page.
    """


# ---- reading --------------------------------------------------------------------------------


def _toml(text: str, where: str) -> dict[str, Any]:
    if not isinstance(text, str):
        raise TypeError(f"{where}: expected the TOML text as str, got {type(text).__name__}")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{where}: invalid TOML: {exc}") from exc


def _keys(entry: Mapping[str, Any], allowed: set[str], at: str) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise RulesError(f"{at}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")


def _table(doc: Mapping[str, Any], key: str, at: str) -> dict[str, Any]:
    value = doc.get(key, {})
    if not isinstance(value, dict):
        raise RulesError(f"{at}: [{key}] must be a table")
    return dict(value)


def _array(doc: Mapping[str, Any], key: str, at: str) -> list[dict[str, Any]]:
    value = doc.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise RulesError(f"{at}: [[{key}]] must be an array of tables")
    return value


def _list(entry: Mapping[str, Any], key: str, at: str) -> list[Any]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise RulesError(f"{at}: {key} must be a list")
    return value


def _str(entry: Mapping[str, Any], key: str, at: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"{at}: {key} must be a non-empty string")
    return value


def _strs(entry: Mapping[str, Any], key: str, at: str, *, required: bool = False) -> list[str]:
    values = _list(entry, key, at)
    if required and not values:
        raise RulesError(f"{at}: {key} must not be empty")
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise RulesError(f"{at}: empty or non-string entry {value!r} in {key}")
    return values


# ---- validating -----------------------------------------------------------------------------


def _name(entry: Mapping[str, Any], at: str, seen: set[str]) -> str:
    name = _str(entry, "name", at)
    if not _KEBAB.fullmatch(name):
        raise RulesError(f"{at}: name {name!r} must be kebab-case")
    if name in seen:
        raise RulesError(f"{at}: duplicate name {name!r}")
    seen.add(name)
    return name


def _phrase(raw: str, at: str) -> str:
    phrase = normalise_phrase(raw)
    if not phrase:
        raise RulesError(f"{at}: phrase {raw!r} is empty after normalisation")
    return phrase


def _unique(values: list[str], at: str, key: str) -> tuple[str, ...]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise RulesError(f"{at} {key}: {value!r} is listed twice")
        seen.add(value)
    return tuple(values)


def _words(doc: Mapping[str, Any], key: str, at: str) -> tuple[str, ...]:
    """A non-empty list of lower-case cue words (single spaces between words), each once."""
    values = _strs(doc, key, f"{at} {key}", required=True)
    for value in values:
        if value != value.lower() or value != " ".join(value.split()):
            raise RulesError(f"{at} {key}: {value!r} must be lower case with single spaces")
    return _unique(values, at, key)


def _class_words(doc: Mapping[str, Any], key: str, at: str) -> tuple[str, ...]:
    """A non-empty list of class/id words as markup writes them ("entry-title", "post__title"), each once."""
    values = _strs(doc, key, f"{at} {key}", required=True)
    for value in values:
        if not _CLASS_WORD.fullmatch(value):
            raise RulesError(f"{at} {key}: {value!r} must be lower-case letters, digits, '-' or '_'")
    return _unique(values, at, key)


def _identifiers(doc: Mapping[str, Any], key: str, at: str, *, lower: bool = False) -> tuple[str, ...]:
    """A non-empty list of markup names (``<meta>`` keys, attributes, schema.org names), each once;
    ``lower``: as the reader looks them up, in lower case."""
    values = _strs(doc, key, f"{at} {key}", required=True)
    for value in values:
        if not _IDENTIFIER.fullmatch(value) or (lower and value != value.lower()):
            raise RulesError(f"{at} {key}: {value!r} must be a {'lower-case ' if lower else ''}name without spaces")
    return _unique(values, at, key)


def _subset(part: tuple[str, ...], whole: tuple[str, ...] | frozenset[str], at: str, what: str) -> None:
    extra = sorted(set(part) - set(whole))
    if extra:
        raise RulesError(f"{at}: {extra} must also be {what}")


def _tokens(raw: Iterable[str], at: str) -> tuple[frozenset[str], list[str]]:
    exact: set[str] = set()
    globs: list[str] = []
    for token in raw:
        if token != token.lower() or any(ch.isspace() for ch in token):
            raise RulesError(f"{at}: token {token!r} must be lower case without spaces")
        if "*" in token or "#" in token:
            literal = len(token.replace("*", "").replace("#", ""))
            if literal < 1 or ("*" in token and literal < 3):
                raise RulesError(f"{at}: wildcard token {token!r} is too broad")
            body = "".join(
                "[a-z0-9_-]*" if ch == "*" else r"\d+" if ch == "#" else re.escape(ch) for ch in token
            )
            globs.append(body)
        else:
            exact.add(token)
    return frozenset(exact), globs


def _fragments(table: dict[str, Any], at: str) -> dict[str, str]:
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise RulesError(f"{at}: fragment {key!r} must be a non-empty string")
    return dict(table)


def _expand(regex: str, fragments: Mapping[str, str], at: str) -> str:
    """Splice ``{name}`` fragments (recursively) into ``regex``; unknown names are errors."""
    unknown: list[str] = []

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            unknown.append(name)
            return m.group(0)
        return fragments[name]

    for _ in range(8):
        expanded = _PLACEHOLDER.sub(sub, regex)
        if unknown:
            raise RulesError(f"{at}: unknown placeholder(s) {sorted(set(unknown))} in regex")
        if expanded == regex:
            return regex
        regex = expanded
    raise RulesError(f"{at}: fragments nest too deeply (cycle?)")


def _pattern(source: str, at: str, allow_groups: bool, flags: int = FLAGS) -> re.Pattern[str]:
    if not source.strip():
        raise RulesError(f"{at}: empty regex")
    pattern = _compile(source, at, flags)
    if not allow_groups and pattern.groups:
        raise RulesError(f"{at}: use (?:...) instead of capturing groups in {source[:60]!r}")
    if pattern.fullmatch("") is not None:
        raise RulesError(f"{at}: regex {source[:60]!r} matches the empty string")
    return pattern


def _compile(source: str, at: str, flags: int = FLAGS) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise RulesError(f"{at}: invalid regex ({exc}): {source[:80]!r}") from exc


# ---- building regexes from words --------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first; a space matches any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _literal_alt(words: Iterable[str]) -> str:
    """An alternation of literal words in table order, spaces as written (one plain space)."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


def _trie_alt(words: Iterable[str]) -> str:
    """:func:`_alt` as a prefix trie: the same matches (a longer word before its prefix), fewer
    branches to try at each position (for a pattern tried at many offsets of a text)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _alternation(aliases: list[tuple[str, bool]]) -> str:
    """A word-bounded regex for any of ``aliases``; ambiguous and all-capitals ones case-sensitive.

    Unambiguous aliases are merged into a prefix trie (the regex is matched case-insensitively),
    which keeps the alternation small: it is spliced into every credit pattern, so its size is
    most of the load time and of the per-block matching cost. Longer aliases win over their
    prefixes ("dpa-AFX" over "dpa") because trie branches are greedy.
    """
    trie: dict[str, Any] = {}
    strict: list[str] = []
    for alias, ambiguous in aliases:
        words = alias.split()
        if ambiguous or alias.isupper():  # "AMNA" must not match the name "Amna"
            strict.append("(?-i:" + r"\s+".join(re.escape(w) for w in words) + ")")
            continue
        node = trie
        for ch in " ".join(words).lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    parts = sorted(set(strict), key=lambda p: (-len(p), p))
    if trie:
        parts.append(_trie_regex(trie))
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)" if parts else r"(?!x)x"


def _trie_regex(node: dict[str, Any]) -> str:
    terminal = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body


#: Chinese, Japanese and Korean script: words are not set apart by spaces there
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _unbounded(aliases: list[str]) -> str:
    """``{agency_cjk}``: of ``aliases``, those written in Chinese, Japanese or Korean script, with
    no word bounds, since a dateline there runs place and agency together ("【ソウル共同】",
    "新华社北京3月5日电"); only shapes that close around the alias may use it."""
    parts = sorted({re.escape(a) for a in aliases if CJK.search(a)}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def _line_shape(doc: dict[str, Any], key: str, groups: frozenset[str] = frozenset()) -> re.Pattern[str] | None:
    """A whole-line shape table (``[gallery_counter]``, ``[desk_initials]``): its regex (naming
    ``groups``), checked against its examples and counter-examples when the table is read."""
    where = f"agencies.toml [{key}]"
    if key not in doc:
        return None
    entry = _table(doc, key, where)
    _keys(entry, {"regex", "examples", "counter_examples"}, where)
    regex = _pattern(_str(entry, "regex", where), where, allow_groups=bool(groups))
    if not groups <= set(regex.groupindex):
        raise RulesError(f"{where}: the regex must name the groups {', '.join(sorted(groups))}")
    for text in _strs(entry, "examples", where, required=True):
        if regex.fullmatch(text) is None:
            raise RulesError(f"{where}: example {text!r} does not match")
    for text in _strs(entry, "counter_examples", where):
        if regex.fullmatch(text) is not None:
            raise RulesError(f"{where}: counter-example {text!r} matches")
    return regex
