"""Page furniture by role (``boilerplate.toml``): the rules, their compiler and the matching index.

A rule is one named kind of furniture ("search-widget", "share-buttons") of a page role
("search", "share"): whole-block phrases, short anchored patterns and class/id tokens. Its name is
the reason its removals carry, so it must be a :class:`~cleanpage.pipeline.blocks.Reason`.
:class:`Boilerplate` indexes every rule so that asking about a block costs a dictionary lookup
and the few patterns that can start the way the block starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cleanpage.pipeline.blocks import Reason

from ._firstchar import PREFIX_LEN, WILD, prefix_keys, prefixes
from ._required import ASCII_PARTNERS, ascii_words, required_words
from .credits import Credits
from .normalise import collapse, phrase_key
from .schema import (
    RulesError,
    _array,
    _expand,
    _fragments,
    _keys,
    _name,
    _pattern,
    _phrase,
    _str,
    _strs,
    _table,
    _tokens,
    _words,
)

__all__ = ["CONTAINER_ROLES", "ROLES", "Boilerplate", "BoilerplateRule", "Container", "TextRoles", "compile_boilerplate"]

#: Page roles a boilerplate rule may declare (typos in a table are caught at load time).
ROLES: frozenset[str] = frozenset(
    {
        "skip-link", "search", "screen-reader", "navigation", "breadcrumb", "share", "follow", "print-email",
        "related", "popular", "latest", "sidebar", "newsletter", "paywall", "cookie", "comment-form",
        "comments-closed", "post-meta", "tags", "read-more", "image-credit", "advert", "login", "footer",
        "pagination", "author-box", "ui-control",
    }
)

#: Roles an HTML block takes from a container (``pipeline/html/blocks.py``: the semantic tags of
#: ``ROLE_TAGS``, the ARIA roles of ``ARIA_ROLES``, and "hidden"); a test keeps the two in step.
CONTAINER_ROLES: frozenset[str] = frozenset(
    {
        "nav", "aside", "footer", "header", "form", "article", "main", "figure", "figcaption", "button", "label",
        "blockquote", "dialog", "noscript", "navigation", "banner", "contentinfo", "complementary", "search",
        "menu", "menubar", "toolbar", "alert", "comment", "hidden",
    }
)

#: a compiled pattern, the index of its rule, and the words a block it matches holds (ASCII, any)
_Pattern = tuple[re.Pattern[str], int, "tuple[str, ...] | None", "tuple[str, ...] | None"]
#: a boilerplate rule's name is the reason its removals carry: one registry, the Reason enum
_REASONS: Mapping[str, Reason] = MappingProxyType({reason.value: reason for reason in Reason})


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """One named kind of page furniture; ``name`` is what ``Removed.reason`` records."""

    name: Reason
    role: str
    phrases: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    tokens: frozenset[str]
    #: Wildcard tokens ("div-gpt-ad-*") compiled to full-match regexes.
    token_patterns: tuple[re.Pattern[str], ...] = ()
    #: Pattern hits are rejected when the block is an agency credit ("© 2024 Reuters"): those
    #: lines are attribution, not footer.
    exclude_agency: bool = False
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TextRoles:
    """Rule roles by which the text-dump classifier weighs a rule's hit (``[text_roles]``)."""

    #: a heading of these roles takes the short list below it along ("Related" and its items)
    list_headings: frozenset[str]
    #: these end a response region (the comment form follows the comments)
    response_ends: frozenset[str]
    #: the article never runs past these: what follows them is another page section
    barriers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Container:
    """A semantic container of HTML blocks (``[[container]]``) whose blocks are furniture unless
    the main-content engine keeps them: its block ``role`` and the ``reason`` they carry."""

    role: str
    reason: Reason
    #: HTML snippets whose text block is inside the container (tested)
    examples: tuple[str, ...]


# eq=False: compared and hashed by identity, like the Rules that holds it.
@dataclass(frozen=True, slots=True, eq=False)
class Boilerplate:
    """The compiled ``boilerplate.toml``: its rules in table order (strongest first) and the indexes."""

    rules: tuple[BoilerplateRule, ...]
    #: Longest block (collapsed) boilerplate patterns are tried on.
    pattern_max_chars: int
    #: Normalised texts that are never a person's name ("staff writer", "email the author").
    not_author_phrases: frozenset[str]
    text_roles: TextRoles
    #: strongest first: the first a block is inside gives its reason
    containers: tuple[Container, ...]
    #: normalised phrase -> its rule, and the longest text worth normalising for the lookup
    phrase_index: Mapping[str, BoilerplateRule]
    phrase_max: int
    #: every pattern in table order, with the index of its rule and the words (lower case) a block
    #: it matches holds, one at least: an ASCII block, and any block (None: no such promise; the
    #: block lower-cased, without :data:`~._required.ASCII_PARTNERS`; :mod:`._required`)
    patterns: tuple[_Pattern, ...]
    #: prefix key -> indices into ``patterns`` of the patterns that can start that way
    pattern_buckets: Mapping[str, tuple[int, ...]]
    #: indices of the patterns that can start with anything (the bucket of unlisted keys)
    pattern_any: tuple[int, ...]
    #: exact class/id token -> index of its rule; wildcard tokens as one union of groups, the
    #: group's number giving the rule (``token_glob_owner``)
    token_index: Mapping[str, int]
    token_glob_union: re.Pattern[str] | None
    token_glob_owner: tuple[int, ...]

    def match(self, text: str, credits: Credits) -> BoilerplateRule | None:
        """The rule whose phrase or pattern is this whole block, else None (an agency's credit
        line is never a rule's that excludes agencies)."""
        limit = max(self.phrase_max, self.pattern_max_chars)
        if len(text) > 4 * limit + 64:
            return None
        flat = collapse(text)
        if not flat:
            return None
        if len(flat) <= self.phrase_max:
            rule = self.phrase_index.get(phrase_key(flat))
            if rule is not None:
                return rule
        if len(flat) > self.pattern_max_chars:
            return None
        patterns = self.patterns
        buckets = self.pattern_buckets
        key, *wild = prefix_keys(flat)
        members = buckets.get(key) or (wild and buckets.get(wild[0])) or self.pattern_any
        # a substring test of a pattern's required words (exact, see _required) is far cheaper than
        # the lookahead that asks the same of every block (the patterns that start anywhere)
        plain = flat.isascii()
        lowered = flat.lower() if plain or ASCII_PARTNERS.search(flat) is None else None
        for k in members:
            pattern, index, ascii_only, any_text = patterns[k]
            words = ascii_only if plain else any_text
            if words is not None and lowered is not None and not any(w in lowered for w in words):
                continue
            if pattern.fullmatch(flat) is None:
                continue
            rule = self.rules[index]
            # An agency's copyright line ("© 2024 Reuters") is attribution, not footer.
            if rule.exclude_agency and credits.is_agency_credit(flat):
                continue
            return rule
        return None

    def match_tokens(self, tokens: Iterable[str], memo: dict[str, int | None] | None = None) -> BoilerplateRule | None:
        """The strongest rule (earliest in the table) one of whose class/id tokens is present.

        ``memo`` keeps each token's rule (:meth:`token_rule`) for a caller that asks again: a
        block's tokens are its ancestors' too, so the same few are asked for on every block."""
        best: int | None = None
        for token in tokens:
            if memo is None:
                index = self.token_rule(token)
            elif token in memo:
                index = memo[token]
            else:
                index = memo[token] = self.token_rule(token)
            if index is not None and (best is None or index < best):
                best = index
                if best == 0:
                    break
        return None if best is None else self.rules[best]

    def token_rule(self, token: str) -> int | None:
        """The index of the rule one class/id token names (exactly or by a wildcard), else None."""
        index = self.token_index.get(token)
        glob = self.token_glob_union
        if index is None and glob is not None:
            m = glob.fullmatch(token)
            if m is not None and m.lastindex is not None:
                index = self.token_glob_owner[m.lastindex]
        return index


# ---- the compiler ------------------------------------------------------------------------------


def compile_boilerplate(doc: dict[str, Any]) -> Boilerplate:
    """``boilerplate.toml`` (parsed) as :class:`Boilerplate`; a phrase or token claimed by two
    rules is a :class:`RulesError`, like any malformed entry."""
    where = "boilerplate.toml"
    _keys(doc, {"settings", "fragments", "not_author_phrases", "rule", "text_roles", "container"}, where)
    rules, max_chars = _rules(doc)
    not_authors = frozenset(_phrase(p, f"{where} not_author_phrases") for p in _strs(doc, "not_author_phrases", where))
    phrase_index: dict[str, BoilerplateRule] = {}
    token_index: dict[str, int] = {}
    patterns: list[_Pattern] = []
    glob_parts: list[str] = []
    glob_owner: list[int] = [-1]
    for i, rule in enumerate(rules):
        for phrase in rule.phrases:
            if phrase in phrase_index:
                raise RulesError(f"{where}: phrase {phrase!r} is in rules {phrase_index[phrase].name!r} and {rule.name!r}")
            phrase_index[phrase] = rule
        for token in rule.tokens:
            if token in token_index:
                raise RulesError(f"{where}: token {token!r} is in two rules ({rule.name!r})")
            token_index[token] = i
        patterns.extend((pattern, i, *_required_words(pattern)) for pattern in rule.patterns)
        for tp in rule.token_patterns:
            glob_parts.append(f"({tp.pattern})")
            glob_owner.append(i)
    buckets, anywhere = _buckets(patterns)
    return Boilerplate(
        rules=rules,
        pattern_max_chars=max_chars,
        not_author_phrases=not_authors,
        text_roles=_text_roles(doc),
        containers=_containers(doc),
        phrase_index=MappingProxyType(phrase_index),
        phrase_max=max((len(p) for p in phrase_index), default=0) + 8,
        patterns=tuple(patterns),
        pattern_buckets=MappingProxyType(buckets),
        pattern_any=anywhere,
        token_index=MappingProxyType(token_index),
        token_glob_union=re.compile("|".join(glob_parts)) if glob_parts else None,
        token_glob_owner=tuple(glob_owner),
    )


def _rules(doc: dict[str, Any]) -> tuple[tuple[BoilerplateRule, ...], int]:
    where = "boilerplate.toml"
    settings = _table(doc, "settings", where)
    _keys(settings, {"pattern_max_chars"}, f"{where} [settings]")
    max_chars = settings.get("pattern_max_chars", 300)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or not 20 <= max_chars <= 2000:
        raise RulesError(f"{where}: settings.pattern_max_chars must be an integer in 20..2000")
    fragments = _fragments(_table(doc, "fragments", where), f"{where} [fragments]")
    seen: set[str] = set()
    out = [_rule(entry, n, fragments, seen) for n, entry in enumerate(_array(doc, "rule", where))]
    if not out:
        raise RulesError(f"{where}: no [[rule]] entries")
    return tuple(out), max_chars


def _rule(entry: dict[str, Any], n: int, fragments: dict[str, str], seen: set[str]) -> BoilerplateRule:
    at = f"boilerplate.toml rule #{n + 1}"
    _keys(entry, {"name", "role", "phrases", "patterns", "tokens", "exclude_agency", "examples", "counter_examples"}, at)
    name = _name(entry, at, seen)
    at = f"boilerplate.toml rule {name!r}"
    reason = _REASONS.get(name)
    if reason is None:
        raise RulesError(f"{at}: name {name!r} is not a cleanpage.Reason (add it there, with a description)")
    role = _str(entry, "role", at)
    if role not in ROLES:
        raise RulesError(f"{at}: unknown role {role!r}; known roles: {sorted(ROLES)}")
    phrases = frozenset(_phrase(p, at) for p in _strs(entry, "phrases", at))
    patterns = tuple(_pattern(_expand(p, fragments, at), at, allow_groups=False) for p in _strs(entry, "patterns", at))
    exact, globs = _tokens(_strs(entry, "tokens", at), at)
    if not (phrases or patterns or exact or globs):
        raise RulesError(f"{at}: a rule needs phrases, patterns or tokens")
    examples = tuple(_strs(entry, "examples", at))
    if (phrases or patterns) and not examples:
        raise RulesError(f"{at}: a rule with phrases or patterns needs examples")
    exclude = entry.get("exclude_agency", False)
    if not isinstance(exclude, bool):
        raise RulesError(f"{at}: exclude_agency must be true or false")
    return BoilerplateRule(
        name=reason,
        role=role,
        phrases=phrases,
        patterns=patterns,
        tokens=exact,
        token_patterns=tuple(re.compile(g) for g in globs),
        exclude_agency=exclude,
        examples=examples,
        counter_examples=tuple(_strs(entry, "counter_examples", at)),
    )


def _text_roles(doc: dict[str, Any]) -> TextRoles:
    at = "boilerplate.toml [text_roles]"
    table = _table(doc, "text_roles", "boilerplate.toml")
    keys = ("list_headings", "response_ends", "barriers")
    _keys(table, set(keys), at)
    found: dict[str, frozenset[str]] = {}
    for key in keys:
        roles = _words(table, key, at)
        unknown = sorted(set(roles) - ROLES)
        if unknown:
            raise RulesError(f"{at} {key}: unknown role(s) {unknown}; known roles: {sorted(ROLES)}")
        found[key] = frozenset(roles)
    return TextRoles(**found)


def _containers(doc: dict[str, Any]) -> tuple[Container, ...]:
    out: list[Container] = []
    seen: set[str] = set()
    for n, entry in enumerate(_array(doc, "container", "boilerplate.toml")):
        at = f"boilerplate.toml container #{n + 1}"
        _keys(entry, {"role", "reason", "examples"}, at)
        role = _str(entry, "role", at)
        if role not in CONTAINER_ROLES:
            raise RulesError(f"{at}: unknown container role {role!r}; known: {sorted(CONTAINER_ROLES)}")
        if role in seen:
            raise RulesError(f"{at}: container role {role!r} is listed twice")
        seen.add(role)
        reason = _REASONS.get(_str(entry, "reason", at))
        if reason is None:
            raise RulesError(f"{at}: reason {entry['reason']!r} is not a cleanpage.Reason")
        out.append(Container(role=role, reason=reason, examples=tuple(_strs(entry, "examples", at, required=True))))
    if not out:
        raise RulesError("boilerplate.toml: no [[container]] entries")
    return tuple(out)


def _required_words(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """The words (lower case) one of which a block must hold for ``pattern`` to match it, when its
    opening lookahead names them (:mod:`._required`): for an ASCII block, and for any block."""
    words = required_words(pattern)
    found = None if words is None else ascii_words(words, pattern.flags)
    if found is None:
        return None, None
    lowered, everywhere = found
    return lowered, lowered if everywhere else None


def _buckets(
    patterns: list[_Pattern],
) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Prefix key -> indices (table order) of the patterns whose matches can start that way.

    Keys are exact prefixes ("se" for "Search") and one-character wildcards ("#" + WILD for
    hashtags); the bucket of an exact key already includes its wildcard's patterns. Also returns
    the patterns that can start with anything: they are in every bucket, and are the whole bucket
    for keys no pattern names.
    """
    found = [prefixes(p) for p, *_ in patterns]
    anywhere = tuple(k for k, keys in enumerate(found) if keys is None)
    by_key: dict[str, set[int]] = {}
    for k, keys in enumerate(found):
        for key in keys or ():
            by_key.setdefault(key, set()).add(k)
    interned: dict[tuple[int, ...], tuple[int, ...]] = {}
    out: dict[str, tuple[int, ...]] = {}
    for key, members in by_key.items():
        extra = by_key.get(key[:1] + WILD, set()) if len(key) == PREFIX_LEN and not key.endswith(WILD) else set()
        merged = tuple(sorted(members | extra | set(anywhere)))
        out[key] = interned.setdefault(merged, merged)
    return out, anywhere
