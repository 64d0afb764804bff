"""News agencies and credit shapes (``agencies.toml``): the values, their compiler and the matcher.

An agency is known by its aliases in its own languages; a credit pattern is a *shape* ("(AP)",
"By X, Reuters", "© 2024 AFP") of one attribution kind, with an ``{agency}`` placeholder that the
compiler fills with one alternation of every alias. :class:`Credits` answers the per-block
questions — which agency an alias names, which credit shape a block is — with a prefix prefilter
so that most patterns are never tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cleanpage.result import AttributionKind

from ._firstchar import prefix_keys, prefixes, proxy
from .normalise import collapse
from .schema import (
    FLAGS,
    RulesError,
    _alternation,
    _array,
    _compile,
    _expand,
    _fragments,
    _keys,
    _line_shape,
    _list,
    _name,
    _pattern,
    _str,
    _strs,
    _table,
    _unbounded,
)

__all__ = [
    "AGENCY_CREDIT_KINDS",
    "CLOSING_SCAN_CHARS",
    "CREDIT_KINDS",
    "CREDIT_MAX_CHARS",
    "DATELINE_SCAN_CHARS",
    "Agency",
    "CreditMatch",
    "CreditPattern",
    "Credits",
    "compile_credits",
]

#: The attribution kinds a credit pattern can have (the values of ``Attribution.kind``).
CREDIT_KINDS: frozenset[AttributionKind] = frozenset(AttributionKind)
#: The kinds of an agency's own credit line ("© 2024 Reuters", "(AP)"): attribution, not footer.
AGENCY_CREDIT_KINDS: frozenset[AttributionKind] = frozenset({AttributionKind.COPYRIGHT, AttributionKind.CREDIT})
_DATELINE = AttributionKind.DATELINE
#: Longest block (collapsed) that credit, contributor, byline and copyright patterns are tried on:
#: the longest real contributor lines ("Associated Press writers A in B, C in D ... contributed")
#: stay under it, article paragraphs mostly exceed it.
CREDIT_MAX_CHARS = 600
#: How much of a first paragraph a dateline may occupy ("MOSCOW, March 3 (Reuters) -").
DATELINE_SCAN_CHARS = 200
#: How much of a last paragraph a closing signature may occupy ("… said. dpa/AFP/lnw").
CLOSING_SCAN_CHARS = 120
#: Longest line (as read) that can be a slideshow counter ("Photo 3 of 7") or a desk's initials
#: ("abc/xyz"): both are a few words on a line of their own, so a longer line is text and the
#: patterns are not tried on it.
_LONE_LINE_MAX_CHARS = 40


@dataclass(frozen=True, slots=True)
class Agency:
    """A news agency: ``name`` is the canonical short name used as ``Attribution.agency``."""

    name: str
    full: str
    aliases: tuple[str, ...]
    #: Aliases that are also ordinary words/abbreviations: matched case-sensitively, strict shapes only.
    ambiguous: frozenset[str]
    country: str = ""
    langs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CreditPattern:
    """A credit shape ("(AP)", "By X, Reuters") of one attribution ``kind``."""

    name: str
    kind: AttributionKind
    regex: re.Pattern[str]
    #: (text, canonical agency name or None) pairs the pattern must match (tested).
    examples: tuple[tuple[str, str | None], ...] = ()
    counter_examples: tuple[str, ...] = ()
    #: Keys (:func:`~._firstchar.prefix_key`) a match can start with (None: any): a cheap prefilter.
    prefixes: frozenset[str] | None = None
    #: Casefolded substrings of which one must occur (in the scanned text) for the pattern to be
    #: tried at all ("(" for parenthesised datelines): a second cheap prefilter, from the table.
    requires: tuple[str, ...] = ()
    #: A closing signature ("… the officials said. PTI"): matched at the *end* of a story's last
    #: paragraph by :meth:`Credits.match_closing`, never by :meth:`Credits.match`.
    closing: bool = False
    #: A line that is a credit only where it opens the story ("Madrid (EFE)" before the first
    #: paragraph; the same shape elsewhere is a photographer's "Evan Vucci (AP)"): matched by
    #: :meth:`Credits.match_opening` only, the position is the caller's to judge.
    opening: bool = False
    #: The agency counts only written as one of its aliases: a name the agency does not write in
    #: capitals, written so ("REUTERS"), is a picture's credit, the style of photo credits.
    as_written: bool = False


@dataclass(frozen=True, slots=True)
class CreditMatch:
    """What :meth:`Credits.match` found: the pattern, its match (on the collapsed text) and the
    agency its ``agency`` group names (None when it names none, or none the table knows)."""

    pattern: CreditPattern
    match: re.Match[str]
    agency: Agency | None
    #: where the matched text begins in the text given (a closing match is made on its tail)
    offset: int = 0

    @property
    def kind(self) -> AttributionKind:
        return self.pattern.kind

    @property
    def start(self) -> int:
        """Where the matched text begins in the text given: where a closing signature is cut."""
        return self.offset + self.match.start()


# eq=False: compared and hashed by identity, like the Rules that holds it.
@dataclass(frozen=True, slots=True, eq=False)
class Credits:
    """The compiled ``agencies.toml``: agencies, credit patterns and their lookup tables."""

    agencies: tuple[Agency, ...]
    patterns: tuple[CreditPattern, ...]
    #: alias as written -> agency; casefolded unambiguous alias -> agency
    exact: Mapping[str, Agency]
    folded: Mapping[str, Agency]
    #: any alias, word-bounded (for :meth:`find_agencies`)
    search: re.Pattern[str] | None
    #: a slideshow's counter as a whole line ("1 / 5", "Photo 3 of 7"): ``[gallery_counter]``
    counter: re.Pattern[str] | None = None
    #: a desk's initials as a whole line after an agency's signature ("abc/xyz"): ``[desk_initials]``
    initials: re.Pattern[str] | None = None

    def agency_for(self, alias: str) -> Agency | None:
        """The agency an alias names ("AP", "The Associated Press", "ТАСС"), else None.

        Ambiguous short aliases ("AP", "TT") must match exactly; the others ignore case.
        """
        key = " ".join(alias.split())
        found = self.exact.get(key)
        if found is not None:
            return found
        folded = key.casefold()
        found = self.folded.get(folded)
        if found is None and folded.startswith("the "):
            found = self.folded.get(folded[4:])
        return found

    def find_agencies(self, text: str) -> tuple[Agency, ...]:
        """Every agency named in ``text`` (in order, once each): for "AFP/dpa"-style credits."""
        if self.search is None:
            return ()
        seen: dict[str, Agency] = {}
        for m in self.search.finditer(collapse(text)):
            agency = self.agency_for(m.group(0))
            if agency is not None and agency.name not in seen:
                seen[agency.name] = agency
        return tuple(seen.values())

    def match(self, text: str, kinds: Iterable[AttributionKind] | None = None,
              memo: dict[Any, tuple[CreditPattern, ...]] | None = None) -> CreditMatch | None:
        """The first credit pattern (of ``kinds``) matching ``text``, its match and its agency.

        credit/contributor/byline/copyright patterns must match the whole block; dateline
        patterns match at the start (the paragraph stays in the body). The match is against the
        whitespace-collapsed text (see :func:`~.normalise.collapse`). Pass ``kinds`` as a
        frozenset constant: it is then used as it is. ``memo``: :meth:`candidates` kept per (kinds, key).
        """
        wanted: frozenset[AttributionKind] | None = None
        if kinds is not None:
            wanted = kinds if isinstance(kinds, frozenset) else frozenset(kinds)
            if not wanted <= CREDIT_KINDS:
                unknown = sorted(map(repr, wanted - CREDIT_KINDS))
                raise ValueError(f"unknown credit kind(s) {unknown}; known: {sorted(k.value for k in CREDIT_KINDS)}")
        cut = len(text) > 2 * CREDIT_MAX_CHARS
        if cut:
            text = text[: 2 * DATELINE_SCAN_CHARS]  # only a dateline can still match
        flat = collapse(text)
        if not flat:
            return None
        short = len(flat) <= CREDIT_MAX_CHARS
        folded = flat.casefold() if short else ""
        head = flat[:DATELINE_SCAN_CHARS]
        head_folded = folded[:DATELINE_SCAN_CHARS] if short else head.casefold()
        whole_ok = short and not cut
        keys = prefix_keys(flat)
        memo = {} if memo is None else memo
        candidates = memo.get((wanted, keys))
        if candidates is None:
            candidates = memo[(wanted, keys)] = self.candidates(wanted, keys)
        for pattern in candidates:
            if pattern.kind is _DATELINE:
                if pattern.requires and not any(map(head_folded.__contains__, pattern.requires)):
                    continue
                m = pattern.regex.match(head)
            elif whole_ok:
                if pattern.requires and not any(map(folded.__contains__, pattern.requires)):
                    continue
                m = pattern.regex.fullmatch(flat)
            else:
                continue
            if m is None:
                continue
            alias = m.groupdict().get("agency")
            return CreditMatch(pattern, m, self.agency_for(alias) if alias else None)
        return None

    def candidates(self, wanted: frozenset[AttributionKind] | None, keys: tuple[str, ...]) -> tuple[CreditPattern, ...]:
        """The patterns :meth:`match` tries, in table order, on a text filed under ``keys``
        (:func:`~._firstchar.prefix_keys`): of the ``wanted`` kinds, neither closing nor opening,
        and able to start the way the text starts."""
        key, *wild = keys
        tried = (p for p in self.patterns if not (p.closing or p.opening) and (wanted is None or p.kind in wanted))
        return tuple(p for p in tried if p.prefixes is None or key in p.prefixes or (wild and wild[0] in p.prefixes))

    def match_closing(self, text: str) -> CreditMatch | None:
        """The agency signature that closes ``text`` ("… the officials said. PTI", "… (AFP)").

        Only the closing patterns are tried, on the paragraph's last :data:`CLOSING_SCAN_CHARS`
        characters as written (not collapsed): the match's span is where the paragraph is cut, so
        it must index ``text`` itself. The patterns end with ``$`` and begin after a sentence's
        end, so an agency named inside a sentence ("… told Reuters.") is never one.
        """
        stripped = text.rstrip()
        start = max(0, len(stripped) - CLOSING_SCAN_CHARS)
        tail = stripped[start:]
        for pattern in self.patterns:
            if not pattern.closing:
                continue
            m = pattern.regex.search(tail)
            if m is None:
                continue
            alias = m.groupdict().get("agency")
            return CreditMatch(pattern, m, self.agency_for(alias) if alias else None, offset=start)
        return None

    def match_opening(self, text: str) -> CreditMatch | None:
        """The credit line that only counts where it opens a story ("Madrid (EFE)"): the whole
        (collapsed) text against the ``opening`` patterns. Where it stands is the caller's to judge."""
        flat = collapse(text)
        if not flat or len(flat) > DATELINE_SCAN_CHARS:
            return None
        for pattern in self.patterns:
            if not pattern.opening:
                continue
            m = pattern.regex.fullmatch(flat)
            if m is not None:
                alias = m.groupdict().get("agency")
                return CreditMatch(pattern, m, self.agency_for(alias) if alias else None)
        return None

    def written_as_listed(self, hit: CreditMatch) -> bool:
        """False when an ``as_written`` pattern's agency is written in capitals the agency's
        aliases do not have ("REUTERS" for "Reuters"): the style of a photo credit, not a byline."""
        alias = hit.match.groupdict().get("agency")
        if not hit.pattern.as_written or not alias:
            return True
        alias = " ".join(alias.split())
        return alias in self.exact or not alias.isupper()

    def gallery_counter(self, text: str) -> re.Match[str] | None:
        """A slideshow's position counter as a whole line ("1 / 5", "Photo 3 of 7", "Bild 2 von
        9"): the match, its ``word`` group set when a picture word names it; None otherwise."""
        if self.counter is None or len(text) > _LONE_LINE_MAX_CHARS:
            return None
        m = self.counter.fullmatch(collapse(text))
        if m is None or int(m.group("total")) < 2 or not 1 <= int(m.group("n")) <= int(m.group("total")):
            return None
        return m

    def desk_initials(self, text: str) -> bool:
        """A line that is only a desk's initials ("abc/xyz", "vg/sdr"), which some agencies put
        on a line of their own after the signature."""
        return self.initials is not None and len(text) <= _LONE_LINE_MAX_CHARS and self.initials.fullmatch(collapse(text)) is not None

    def is_agency_credit(self, flat: str) -> bool:
        """An agency's own copyright or credit line ("© 2024 Reuters", "(AP)")."""
        return self.match(flat, AGENCY_CREDIT_KINDS) is not None


# ---- the compiler ------------------------------------------------------------------------------


def compile_credits(doc: dict[str, Any]) -> Credits:
    """``agencies.toml`` (parsed) as :class:`Credits`; a malformed entry is a :class:`RulesError`."""
    agencies = _agencies(doc)
    exact, folded, alt_all, alt_unamb = _agency_indexes(agencies)
    every = [a for ag in agencies for a in ag.aliases]
    proxies = {
        "agency": proxy(every),
        "agency_unambiguous": proxy([a for ag in agencies for a in ag.aliases if a not in ag.ambiguous]),
        "agency_cjk": proxy(every),  # a wider stand-in than the CJK aliases: the prefilter stays sound
    }
    regexes = {"agency": alt_all, "agency_unambiguous": alt_unamb, "agency_cjk": _unbounded(every)}
    patterns = _credits(doc, regexes, proxies, {a.name for a in agencies})
    return Credits(
        agencies=agencies,
        patterns=patterns,
        exact=MappingProxyType(exact),
        folded=MappingProxyType(folded),
        search=_compile(alt_all, "agencies.toml: alias search") if agencies else None,
        counter=_line_shape(doc, "gallery_counter", frozenset({"word", "n", "total"})),
        initials=_line_shape(doc, "desk_initials"),
    )


def _agencies(doc: dict[str, Any]) -> tuple[Agency, ...]:
    where = "agencies.toml"
    _keys(doc, {"agency", "credit", "credit_fragments", "gallery_counter", "desk_initials"}, where)
    names: set[str] = set()
    out: list[Agency] = []
    for n, entry in enumerate(_array(doc, "agency", where)):
        at = f"{where} agency #{n + 1}"
        _keys(entry, {"name", "full", "aliases", "ambiguous", "country", "langs"}, at)
        name = _str(entry, "name", at)
        at = f"{where} agency {name!r}"
        if name in names:
            raise RulesError(f"{at}: duplicate agency name")
        names.add(name)
        full = _str(entry, "full", at)
        aliases = tuple(dict.fromkeys(" ".join(a.split()) for a in _strs(entry, "aliases", at, required=True)))
        ambiguous = frozenset(_strs(entry, "ambiguous", at))
        for must in (name, full):
            if must not in aliases:
                raise RulesError(f"{at}: aliases must include {must!r}")
        if not ambiguous <= set(aliases):
            raise RulesError(f"{at}: ambiguous {sorted(ambiguous - set(aliases))} not among the aliases")
        country = entry.get("country", "")
        if not isinstance(country, str) or (country and not re.fullmatch(r"[A-Z]{2}", country)):
            raise RulesError(f"{at}: country must be an ISO 3166 alpha-2 code")
        langs = tuple(_strs(entry, "langs", at))
        if any(not re.fullmatch(r"[a-z]{2,3}", lang) for lang in langs):
            raise RulesError(f"{at}: langs must be ISO 639 codes")
        out.append(Agency(name=name, full=full, aliases=aliases, ambiguous=ambiguous, country=country, langs=langs))
    if not out:
        raise RulesError(f"{where}: no [[agency]] entries")
    return tuple(out)


def _agency_indexes(
    agencies: tuple[Agency, ...],
) -> tuple[dict[str, Agency], dict[str, Agency], str, str]:
    exact: dict[str, Agency] = {}
    folded: dict[str, Agency] = {}
    owner: dict[str, Agency] = {}  # casefolded alias -> agency, for the collision check
    for agency in agencies:
        for alias in agency.aliases:
            key = alias.casefold()
            other = owner.get(key)
            if other is not None and other is not agency:
                raise RulesError(f"agencies.toml: alias {alias!r} is claimed by {other.name!r} and {agency.name!r}")
            if other is agency and alias not in agency.ambiguous and key in folded:
                raise RulesError(f"agencies.toml agency {agency.name!r}: alias {alias!r} listed twice")
            owner[key] = agency
            exact[alias] = agency
            if alias not in agency.ambiguous:
                folded[key] = agency
    every = [(a, a in ag.ambiguous) for ag in agencies for a in ag.aliases]
    return exact, folded, _alternation(every), _alternation([(a, amb) for a, amb in every if not amb])


#: a credit pattern's kind as the table writes it
_KINDS = {kind.value: kind for kind in AttributionKind}


def _credits(
    doc: dict[str, Any], agency_regexes: dict[str, str], proxies: dict[str, str], agency_names: set[str]
) -> tuple[CreditPattern, ...]:
    where = "agencies.toml"
    own = _fragments(_table(doc, "credit_fragments", where), f"{where} [credit_fragments]")
    fragments = {**own, **agency_regexes}
    stand_ins = {**own, **proxies}  # same prefixes, a fraction of the size: for the prefilter
    seen: set[str] = set()
    out: list[CreditPattern] = []
    for n, entry in enumerate(_array(doc, "credit", where)):
        at = f"{where} credit #{n + 1}"
        _keys(entry, {"kind", "name", "regex", "requires", "closing", "opening", "as_written", "examples",
                      "counter_examples"}, at)
        name = _name(entry, at, seen)
        at = f"{where} credit {name!r}"
        kind = _KINDS.get(_str(entry, "kind", at))
        if kind is None:
            raise RulesError(f"{at}: kind must be one of {sorted(_KINDS)}")
        source = _str(entry, "regex", at)
        regex = _pattern(_expand(source, fragments, at), at, allow_groups=True)
        examples: list[tuple[str, str | None]] = []
        for ex in _list(entry, "examples", at):
            if not isinstance(ex, dict) or set(ex) - {"text", "agency"}:
                raise RulesError(f"{at}: examples are tables {{text = ..., agency = ...}}")
            text = _str(ex, "text", at)
            agency = ex.get("agency", "")
            if not isinstance(agency, str) or (agency and agency not in agency_names):
                raise RulesError(f"{at}: example {text!r} names unknown agency {agency!r}")
            examples.append((text, agency or None))
        if not examples:
            raise RulesError(f"{at}: a credit pattern needs examples")
        requires = tuple(r.casefold() for r in _strs(entry, "requires", at))
        closing = entry.get("closing", False)
        if not isinstance(closing, bool) or (closing and not source.endswith("$")):
            raise RulesError(f"{at}: closing must be true or false, and a closing regex must end with $")
        opening, as_written = entry.get("opening", False), entry.get("as_written", False)
        if not isinstance(opening, bool) or not isinstance(as_written, bool) or (opening and closing):
            raise RulesError(f"{at}: opening and as_written must be true or false, and opening is not closing")
        out.append(
            CreditPattern(
                name=name,
                kind=kind,
                regex=regex,
                examples=tuple(examples),
                counter_examples=tuple(_strs(entry, "counter_examples", at)),
                prefixes=None if closing else prefixes(_expand(source, stand_ins, at), FLAGS),
                requires=requires,
                closing=closing,
                opening=opening,
                as_written=as_written,
            )
        )
    return tuple(out)
