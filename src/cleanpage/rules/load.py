"""Parse, validate and compile the TOML rule tables into frozen :class:`~.model.Rules`.

Validation is strict on purpose: unknown keys, empty phrases or regexes, regexes that match the
empty string, duplicate names, colliding agency aliases and phrases claimed by two rules are all
:class:`~.model.RulesError` at load time. A table error should stop the program once, with a
message naming the entry, rather than quietly remove every block (or none) of every page.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

from cleanpage.pipeline.blocks import Reason

from ._firstchar import PREFIX_LEN, WILD, prefixes, proxy
from .model import (
    CREDIT_KINDS,
    Agency,
    BoilerplateRule,
    CommentCues,
    CreditPattern,
    MetadataCues,
    Rules,
    RulesError,
    normalise_phrase,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["ROLES", "load_rules", "parse_cached", "parse_rules"]

#: Page roles a boilerplate rule may declare (typos in a table are caught at load time).
ROLES: frozenset[str] = frozenset(
    {
        "skip-link", "search", "screen-reader", "navigation", "breadcrumb", "share", "follow", "print-email",
        "related", "popular", "latest", "sidebar", "newsletter", "paywall", "cookie", "comment-form",
        "comments-closed", "post-meta", "tags", "read-more", "image-credit", "advert", "login", "footer",
        "pagination", "author-box", "ui-control",
    }
)

_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_FLAGS = re.IGNORECASE
#: a boilerplate rule's name is the reason its removals carry: one registry, the Reason enum
_REASONS = frozenset(reason.value for reason in Reason)


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The package's rule tables, parsed once per process (the result is immutable)."""
    folder = resources.files(__package__ or "cleanpage.rules")
    names = ("boilerplate.toml", "agencies.toml", "comments.toml", "metadata.toml")
    bp, ag, cm, md = ((folder / name).read_text(encoding="utf-8") for name in names)
    return parse_cached(bp, ag, cm, md)


@functools.lru_cache(maxsize=1)
def _packaged_metadata() -> str:
    return (resources.files(__package__ or "cleanpage.rules") / "metadata.toml").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=2)
def parse_cached(
    boilerplate_toml: str, agencies_toml: str, comments_toml: str, metadata_toml: str | None = None
) -> Rules:
    """:func:`parse_rules`, memoised on the texts: unpickling Rules in a worker parses once."""
    return parse_rules(boilerplate_toml, agencies_toml, comments_toml, metadata_toml)


def parse_rules(
    boilerplate_toml: str, agencies_toml: str, comments_toml: str, metadata_toml: str | None = None
) -> Rules:
    """Build :class:`Rules` from the tables' TOML text (used by tests and custom tables); without
    ``metadata_toml`` the packaged ``metadata.toml`` is used."""
    bp = _toml(boilerplate_toml, "boilerplate.toml")
    ag = _toml(agencies_toml, "agencies.toml")
    cm = _toml(comments_toml, "comments.toml")
    if metadata_toml is None:
        metadata_toml = _packaged_metadata()
    cues = _metadata(_toml(metadata_toml, "metadata.toml"))
    agencies = _agencies(ag)
    exact, folded, alt_all, alt_unamb = _agency_indexes(agencies)
    proxies = {
        "agency": proxy([a for ag_ in agencies for a in ag_.aliases]),
        "agency_unambiguous": proxy([a for ag_ in agencies for a in ag_.aliases if a not in ag_.ambiguous]),
    }
    credits = _credits(ag, {"agency": alt_all, "agency_unambiguous": alt_unamb}, proxies, {a.name for a in agencies})
    rules_, max_chars = _boilerplate(bp)
    not_authors = frozenset(
        _phrase(p, "boilerplate.toml not_author_phrases") for p in _strs(bp, "not_author_phrases", "boilerplate.toml")
    )
    comments = _comments(cm)

    phrase_index: dict[str, BoilerplateRule] = {}
    token_index: dict[str, int] = {}
    patterns: list[tuple[re.Pattern[str], int]] = []
    glob_parts: list[str] = []
    glob_owner: list[int] = [-1]
    for i, rule in enumerate(rules_):
        for phrase in rule.phrases:
            if phrase in phrase_index:
                raise RulesError(
                    f"boilerplate.toml: phrase {phrase!r} is in rules {phrase_index[phrase].name!r} and {rule.name!r}"
                )
            phrase_index[phrase] = rule
        for token in rule.tokens:
            if token in token_index:
                raise RulesError(f"boilerplate.toml: token {token!r} is in two rules ({rule.name!r})")
            token_index[token] = i
        patterns.extend((pattern, i) for pattern in rule.patterns)
        for tp in rule.token_patterns:
            glob_parts.append(f"({tp.pattern})")
            glob_owner.append(i)
    buckets, anywhere = _buckets(patterns)
    return Rules(
        boilerplate=rules_,
        agencies=agencies,
        credit_patterns=credits,
        comments=comments,
        pattern_max_chars=max_chars,
        not_author_phrases=not_authors,
        _phrase_index=MappingProxyType(phrase_index),
        _phrase_max=max((len(p) for p in phrase_index), default=0) + 8,
        _patterns=tuple(patterns),
        _pattern_buckets=MappingProxyType(buckets),
        _pattern_any=anywhere,
        _token_index=MappingProxyType(token_index),
        _token_glob_union=re.compile("|".join(glob_parts)) if glob_parts else None,
        _token_glob_owner=tuple(glob_owner),
        _agency_exact=MappingProxyType(exact),
        _agency_folded=MappingProxyType(folded),
        _agency_search=_compile(alt_all, "agencies.toml: alias search") if agencies else None,
        metadata=cues,
        _sources=(boilerplate_toml, agencies_toml, comments_toml, metadata_toml),
    )


def _buckets(patterns: list[tuple[re.Pattern[str], int]]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Prefix key -> indices (table order) of the patterns whose matches can start that way.

    Keys are exact prefixes ("se" for "Search") and one-character wildcards ("#" + WILD for
    hashtags); the bucket of an exact key already includes its wildcard's patterns. Also returns
    the patterns that can start with anything: they are in every bucket, and are the whole bucket
    for keys no pattern names.
    """
    found = [prefixes(p) for p, _ in patterns]
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


# ---- boilerplate --------------------------------------------------------------------------


def _boilerplate(doc: dict[str, Any]) -> tuple[tuple[BoilerplateRule, ...], int]:
    where = "boilerplate.toml"
    _keys(doc, {"settings", "fragments", "not_author_phrases", "rule"}, where)
    settings = _table(doc, "settings", where)
    _keys(settings, {"pattern_max_chars"}, f"{where} [settings]")
    max_chars = settings.get("pattern_max_chars", 300)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or not 20 <= max_chars <= 2000:
        raise RulesError(f"{where}: settings.pattern_max_chars must be an integer in 20..2000")
    fragments = _fragments(_table(doc, "fragments", where), f"{where} [fragments]")
    seen: set[str] = set()
    out: list[BoilerplateRule] = []
    for n, entry in enumerate(_array(doc, "rule", where)):
        at = f"{where} rule #{n + 1}"
        _keys(entry, {"name", "role", "phrases", "patterns", "tokens", "exclude_agency", "examples", "counter_examples"}, at)
        name = _name(entry, at, seen)
        at = f"{where} rule {name!r}"
        if name not in _REASONS:
            raise RulesError(f"{at}: name {name!r} is not a cleanpage.Reason (add it there, with a description)")
        role = _str(entry, "role", at)
        if role not in ROLES:
            raise RulesError(f"{at}: unknown role {role!r}; known roles: {sorted(ROLES)}")
        phrases = frozenset(_phrase(p, at) for p in _strs(entry, "phrases", at))
        patterns = tuple(
            _pattern(_expand(p, fragments, at), at, allow_groups=False) for p in _strs(entry, "patterns", at)
        )
        exact, globs = _tokens(_strs(entry, "tokens", at), at)
        if not (phrases or patterns or exact or globs):
            raise RulesError(f"{at}: a rule needs phrases, patterns or tokens")
        examples = tuple(_strs(entry, "examples", at))
        if (phrases or patterns) and not examples:
            raise RulesError(f"{at}: a rule with phrases or patterns needs examples")
        exclude = entry.get("exclude_agency", False)
        if not isinstance(exclude, bool):
            raise RulesError(f"{at}: exclude_agency must be true or false")
        out.append(
            BoilerplateRule(
                name=Reason(name),
                role=role,
                phrases=phrases,
                patterns=patterns,
                tokens=exact,
                token_patterns=tuple(re.compile(g) for g in globs),
                exclude_agency=exclude,
                examples=examples,
                counter_examples=tuple(_strs(entry, "counter_examples", at)),
            )
        )
    if not out:
        raise RulesError(f"{where}: no [[rule]] entries")
    return tuple(out), max_chars


# ---- agencies and credits -----------------------------------------------------------------


def _agencies(doc: dict[str, Any]) -> tuple[Agency, ...]:
    where = "agencies.toml"
    _keys(doc, {"agency", "credit", "credit_fragments"}, where)
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
        _keys(entry, {"kind", "name", "regex", "requires", "examples", "counter_examples"}, at)
        name = _name(entry, at, seen)
        at = f"{where} credit {name!r}"
        kind = _str(entry, "kind", at)
        if kind not in CREDIT_KINDS:
            raise RulesError(f"{at}: kind must be one of {sorted(CREDIT_KINDS)}")
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
        out.append(
            CreditPattern(
                name=name,
                kind=kind,
                regex=regex,
                examples=tuple(examples),
                counter_examples=tuple(_strs(entry, "counter_examples", at)),
                prefixes=prefixes(_expand(source, stand_ins, at), _FLAGS),
                requires=requires,
            )
        )
    return tuple(out)


# ---- metadata ------------------------------------------------------------------------------

#: a capital letter in the scripts of the dev set: what a name after a label starts with
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"


def _words(doc: Mapping[str, Any], key: str, at: str) -> tuple[str, ...]:
    """A list of lower-case cue words, each once."""
    values = _strs(doc, key, f"{at} {key}", required=True)
    seen: set[str] = set()
    for value in values:
        if value != value.lower() or value != " ".join(value.split()):
            raise RulesError(f"{at} {key}: {value!r} must be lower case with single spaces")
        if value in seen:
            raise RulesError(f"{at} {key}: {value!r} is listed twice")
        seen.add(value)
    return tuple(values)


def _alt(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first; a space matches any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


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


def _metadata(doc: dict[str, Any]) -> MetadataCues:
    where = "metadata.toml"
    _keys(doc, {"bylines", "dates", "names"}, where)
    by = _table(doc, "bylines", where)
    dt = _table(doc, "dates", where)
    names = _table(doc, "names", where)
    _keys(names, {"given", "titles"}, f"{where} [names]")
    given = _words(names, "given", f"{where} [names]")
    titles = _words(names, "titles", f"{where} [names]")
    by_keys = ("leads", "mid_leads", "line_leads", "verbs", "roles", "plural_roles", "desk_roles", "lead_only", "photo_words",
               "credit_words", "class_tokens", "author_paths", "end_leads", "name_joins", "interview_joins",
               "date_prepositions", "category_words", "name_particles", "org_suffixes", "account_parts")
    _keys(by, set(by_keys), f"{where} [bylines]")
    _keys(dt, {"class_tokens", "publication_labels", "leads", "clock_words", "line_verbs", "line_prepositions",
               "change_stems"}, f"{where} [dates]")
    w = {key: _words(by, key, f"{where} [bylines]") for key in by_keys}
    date_tokens = _words(dt, "class_tokens", f"{where} [dates]")
    publication_labels = _words(dt, "publication_labels", f"{where} [dates]")
    date_leads = _words(dt, "leads", f"{where} [dates]")
    clock_words = _words(dt, "clock_words", f"{where} [dates]")
    line_verbs = _words(dt, "line_verbs", f"{where} [dates]")
    line_prepositions = _words(dt, "line_prepositions", f"{where} [dates]")
    change_stems = _words(dt, "change_stems", f"{where} [dates]")
    for key in ("class_tokens", "author_paths"):
        _tokens(w[key], f"{where} [bylines] {key}")
    _tokens(date_tokens, f"{where} [dates] class_tokens")
    for key in ("mid_leads", "line_leads", "end_leads"):
        if not set(w[key]) <= set(w["leads"]):
            raise RulesError(f"{where} [bylines]: every entry of {key} must also be a lead")
    verbs, leads, mids = _alt(w["verbs"]), _alt(w["leads"]), _alt(w["mid_leads"])
    roles, plural, desk = _alt(w["roles"]), _alt(w["plural_roles"]), _alt(w["desk_roles"])
    photo = _alt(w["photo_words"])
    any_role = _alt((*w["roles"], *w["plural_roles"]))
    lead = (rf"^(?:{verbs}\s+)?(?:{any_role}(?:\s*(?:&|und|and|et|y|\+)\s*{photo})?|{leads}|{_alt(w['lead_only'])})"
            rf"\s*[:\-]?\s+|^{desk}\s*:\s*")
    label = rf"^\s*(?:(?:{verbs}\s+)?(?:{leads}|{any_role})\s*:?|{desk}\s*:)\s*$"
    inline = (rf"^[\s\-–—•]*(?:(?:{roles}|{desk})\s*:|{plural}\s*:?\s|(?:{verbs}\s+)?{mids}\s)\s*{_CAPITAL}")
    behind = "".join(rf"(?<!\b{re.escape(c)})" for c in w["credit_words"])
    mid_by = rf"{behind}\s{mids}\s+(?={_CAPITAL})"
    mid_label = rf"(?:^|\s)(?:{any_role}|{desk})\s*:\s*"
    written_by = rf"^(?:{verbs}\s+{leads}|{any_role})\b"
    described_by = rf"^\s*(?:{verbs}\s+)?{mids}\s+(?={_CAPITAL})"
    line_lead = rf"^{_alt(w['line_leads'])}\s+\S"
    # a date line's lead within its first 40 characters, before a number or a word and a number
    date_lead = rf"^.{{0,40}}?\b{_trie_alt(date_leads)}\s*[:\-–|]?\s*(?=\d|[^\W\d_]+\s+\d)"
    lone_clock = rf"\s*(\d{{1,2}}[:h]\d{{2}})(?:\s*{_alt(clock_words)})?\s*$"
    posted_by = rf"\s{_alt(w['end_leads'])}\s+(\S.{{0,60}})$"
    posted_on = rf"^{_alt(line_verbs)}(?:\s+{_alt(line_prepositions)})?\s*:?\s*"
    # the joins between names: punctuation, an interview's joins, then the one-word joins (an
    # interview's join can open with one: "en conversation avec" must not split at "en")
    name_split = rf"\s*(?:,|;|\||/|&|\b{_alt(w['interview_joins'])}\b|\b{_alt(w['name_joins'])}\b)\s*"
    # a byline's date after the name: a preposition before a date, or the date itself ("22 de Abril de
    # 2022", "3.5.2021", "March 3, 2021")
    date_tail = (rf"\s{_alt(w['date_prepositions'])}\s+(?=\d|[^\W\d_]+,?\s+\d)"
                 r"|\s+(?=\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?\s+(?:de\s+)?\d{4}"
                 r"|[^\W\d_]{3,}\.?\s+\d{1,2},?\s+\d{4})")
    category_tail = rf"\s{_alt(w['category_words'])}\s+(?=[^\W\d_])"
    labels = (*w["leads"], *w["verbs"], *w["roles"], *w["plural_roles"], *w["desk_roles"])
    compiled = {
        name: _compile_flags(source, f"{where} {name}", re.IGNORECASE)
        for name, source in (("lead", lead), ("label", label), ("inline", inline), ("mid_by", mid_by),
                             ("mid_label", mid_label), ("written_by", written_by), ("described_by", described_by),
                             ("line_lead", line_lead), ("date_lead", date_lead), ("lone_clock", lone_clock),
                             ("posted_by", posted_by), ("posted_on", posted_on), ("name_split", name_split),
                             ("date_tail", date_tail), ("category_tail", category_tail))
    }
    return MetadataCues(
        leads=w["leads"], mid_leads=w["mid_leads"], line_leads=w["line_leads"], verbs=w["verbs"], roles=w["roles"],
        plural_roles=w["plural_roles"], desk_roles=w["desk_roles"], lead_only=w["lead_only"],
        photo_words=w["photo_words"], credit_words=w["credit_words"], byline_tokens=w["class_tokens"],
        date_tokens=date_tokens,
        author_paths=w["author_paths"],
        given_names=frozenset(given),
        name_titles=_compile_flags(rf"^\s*(?:{_alt(titles)}\.(?:-\w+\.?)?\s+)+", f"{where} titles", re.IGNORECASE),
        author_path=_compile_flags(rf"/{_alt(w['author_paths'])}/(?:[^/?#]*/)?([^/?#\d][^/?#]*?)(?:[-_.]\d+)?(?:\.html?)?/?(?:[?#]|$)",
                                   f"{where} author_paths", re.IGNORECASE),
        byline_class=_compile_flags("|".join(map(re.escape, w["class_tokens"])), f"{where} byline tokens", 0),
        date_class=_compile_flags("|".join(map(re.escape, date_tokens)), f"{where} date tokens", 0),
        publication_labels=publication_labels,
        date_leads=date_leads,
        clock_words=clock_words,
        end_leads=w["end_leads"],
        name_joins=w["name_joins"],
        interview_joins=w["interview_joins"],
        date_prepositions=w["date_prepositions"],
        category_words=w["category_words"],
        name_particles=frozenset(w["name_particles"]),
        org_suffixes=w["org_suffixes"],
        account_parts=w["account_parts"],
        line_verbs=line_verbs,
        line_prepositions=line_prepositions,
        change_stems=change_stems,
        # stems inside words and as written (one plain space): "Mis à jour", "Updated", "modifié"
        changed=_compile_flags("|".join(map(re.escape, change_stems)), f"{where} change_stems", re.IGNORECASE),
        publication=_compile_flags(rf"(?<!\w){_alt(publication_labels)}(?!\w)", f"{where} publication_labels",
                                   re.IGNORECASE),
        publication_alone=_compile_flags(rf"^\s*{_alt(publication_labels)}(?:\s+\w{{1,3}})?\s*:?\s*$",
                                         f"{where} publication_labels", re.IGNORECASE),
        label_starts=frozenset(label[:2] for label in labels),
        publication_starts=frozenset(label[:2] for label in publication_labels),
        **compiled,
    )


def _compile_flags(source: str, at: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as exc:  # pragma: no cover - built from escaped words
        raise RulesError(f"{at}: {exc}") from exc


# ---- comments -----------------------------------------------------------------------------


def _comments(doc: dict[str, Any]) -> CommentCues:
    where = "comments.toml"
    token_keys = ("section_tokens", "comment_tokens", "author_tokens", "date_tokens", "chrome_tokens")
    _keys(
        doc,
        {*token_keys, "chrome_phrases", "chrome_patterns", "section_heading_phrases", "number_words", "heading",
         "author_pattern", "reply_pattern", "comment_stems", "stem_stop_parts", "text_tokens",
         "item_heading_patterns"},
        where,
    )
    tokens: dict[str, tuple[frozenset[str], re.Pattern[str] | None]] = {}
    for key in token_keys:
        exact, globs = _tokens(_strs(doc, key, f"{where} {key}"), f"{where} {key}")
        tokens[key] = (exact, re.compile("|".join(globs)) if globs else None)
    words: dict[str, int] = {}
    for lang, table in _table(doc, "number_words", where).items():
        if not isinstance(table, dict):
            raise RulesError(f"{where}: number_words.{lang} must be a table")
        for word, value in table.items():
            key = " ".join(word.casefold().split())
            if not key or not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise RulesError(f"{where}: number_words.{lang}.{word!r} must be a non-empty word = integer >= 0")
            if words.get(key, value) != value:
                raise RulesError(f"{where}: number word {word!r} means both {words[key]} and {value}")
            words[key] = value
    digits = r"(?P<n>\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d{1,7})"
    count = "(?:" + digits + "|(?P<word>" + _alternation([(w, False) for w in words]) + "))"
    count_proxy = "(?:" + digits + "|(?P<word>" + proxy(list(words)) + "))"
    headings: list[re.Pattern[str]] = []
    heading_prefixes: list[frozenset[str] | None] = []
    values: list[int | None] = []
    h_examples: list[tuple[str, int]] = []
    h_counter: list[str] = []
    for n, entry in enumerate(_array(doc, "heading", where)):
        at = f"{where} heading #{n + 1}"
        _keys(entry, {"lang", "regex", "value", "examples", "counter_examples"}, at)
        value = entry.get("value")
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise RulesError(f"{at}: value must be an integer >= 0")
        source = _str(entry, "regex", at)
        pattern = _pattern(_expand(source, {"count": count}, at), at, allow_groups=True)
        heading_prefixes.append(prefixes(_expand(source, {"count": count_proxy}, at), _FLAGS))
        if not ({"n", "word"} <= set(pattern.groupindex) or value is not None):
            raise RulesError(f"{at}: a heading regex needs {{count}} or a value")
        headings.append(pattern)
        values.append(value)
        for ex in _list(entry, "examples", at):
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("n"), int):
                raise RulesError(f"{at}: heading examples are tables {{text = ..., n = ...}}")
            h_examples.append((ex["text"], ex["n"]))
        h_counter.extend(_strs(entry, "counter_examples", at))
    authors, a_examples, a_counter = _named_patterns(doc, "author_pattern", ("author", "date"), where)
    replies, r_examples, _ = _named_patterns(doc, "reply_pattern", ("author",), where)
    return CommentCues(
        section_tokens=tokens["section_tokens"][0],
        comment_tokens=tokens["comment_tokens"][0],
        author_tokens=tokens["author_tokens"][0],
        date_tokens=tokens["date_tokens"][0],
        chrome_phrases=frozenset(_phrase(p, where) for p in _strs(doc, "chrome_phrases", where)),
        heading_patterns=tuple(headings),
        section_heading_phrases=frozenset(_phrase(p, where) for p in _strs(doc, "section_heading_phrases", where)),
        number_words=MappingProxyType(words),
        chrome_patterns=tuple(_pattern(p, f"{where} chrome_patterns", False) for p in _strs(doc, "chrome_patterns", where)),
        author_patterns=authors,
        reply_patterns=replies,
        section_token_regex=tokens["section_tokens"][1],
        comment_token_regex=tokens["comment_tokens"][1],
        author_token_regex=tokens["author_tokens"][1],
        date_token_regex=tokens["date_tokens"][1],
        chrome_tokens=tokens["chrome_tokens"][0],
        chrome_token_regex=tokens["chrome_tokens"][1],
        heading_values=tuple(values),
        heading_prefixes=tuple(heading_prefixes),
        heading_examples=tuple(h_examples),
        heading_counter_examples=tuple(h_counter),
        author_examples=tuple((t, a, d) for t, a, d in a_examples),
        author_counter_examples=a_counter,
        reply_examples=tuple((t, a) for t, a, _ in r_examples),
        comment_stems=tuple(sorted(_tokens(_strs(doc, "comment_stems", where), f"{where} comment_stems")[0])),
        stem_stop_parts=_tokens(_strs(doc, "stem_stop_parts", where), f"{where} stem_stop_parts")[0],
        text_tokens=_tokens(_strs(doc, "text_tokens", where), f"{where} text_tokens")[0],
        item_heading_patterns=tuple(
            _pattern(p, f"{where} item_heading_patterns", True) for p in _strs(doc, "item_heading_patterns", where)
        ),
    )


def _named_patterns(
    doc: dict[str, Any], key: str, groups: tuple[str, ...], where: str
) -> tuple[tuple[re.Pattern[str], ...], list[tuple[str, str, str | None]], tuple[str, ...]]:
    patterns: list[re.Pattern[str]] = []
    examples: list[tuple[str, str, str | None]] = []
    counter: list[str] = []
    for n, entry in enumerate(_array(doc, key, where)):
        at = f"{where} {key} #{n + 1}"
        _keys(entry, {"regex", "examples", "counter_examples"}, at)
        pattern = _pattern(_str(entry, "regex", at), at, allow_groups=True)
        if groups[0] not in pattern.groupindex:
            raise RulesError(f"{at}: the regex needs a (?P<{groups[0]}>...) group")
        patterns.append(pattern)
        for ex in _list(entry, "examples", at):
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("author"), str):
                raise RulesError(f"{at}: examples are tables {{text = ..., author = ...}}")
            examples.append((ex["text"], ex["author"], ex.get("date")))
        counter.extend(_strs(entry, "counter_examples", at))
    return tuple(patterns), examples, tuple(counter)


# ---- small validators ---------------------------------------------------------------------


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


def _pattern(source: str, at: str, allow_groups: bool) -> re.Pattern[str]:
    if not source.strip():
        raise RulesError(f"{at}: empty regex")
    pattern = _compile(source, at)
    if not allow_groups and pattern.groups:
        raise RulesError(f"{at}: use (?:...) instead of capturing groups in {source[:60]!r}")
    if pattern.fullmatch("") is not None:
        raise RulesError(f"{at}: regex {source[:60]!r} matches the empty string")
    return pattern


def _compile(source: str, at: str, flags: int = _FLAGS) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise RulesError(f"{at}: invalid regex ({exc}): {source[:80]!r}") from exc

