"""All rule tables as one frozen value, :class:`Rules`: parsed once per process, shared by every page.

:func:`load_rules` reads the five packaged tables and hands each to its compiler
(:mod:`.boilerplate`, :mod:`.credits`, :mod:`.comments`, :mod:`.metadata`, :mod:`.disclosure`); :class:`Rules` holds
the results and answers the pipeline's per-block questions. It pickles as its TOML sources, so a
worker process re-parses them once (cached) instead of copying compiled regexes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from importlib import resources
from typing import Any

from cleanpage.result import AttributionKind

from ._cache import cached
from .boilerplate import Boilerplate, BoilerplateRule, Container, TextRoles, compile_boilerplate
from .comments import CommentCues, compile_comments
from .credits import Agency, CreditMatch, CreditPattern, Credits, compile_credits
from .disclosure import DisclosureCues, compile_disclosure
from .metadata import MetadataCues, compile_metadata
from .normalise import normalise_phrase
from .schema import _toml
from .signed import SignedCues, compile_signed

__all__ = ["MEMO_LIMIT", "MEMO_TEXT_CHARS", "Rules", "load_rules", "parse_cached", "parse_rules"]

#: entries a :meth:`Rules.memo` holds before it is emptied
MEMO_LIMIT = 20_000
#: texts up to this length have their :meth:`Rules.match_text` answer memoised
MEMO_TEXT_CHARS = 80
_PACKAGE = "cleanpage.rules"


# eq=False: a Rules value is compared and hashed by identity. It is one big immutable table that
# callers cache and pass around; hashing it by value would walk every phrase on each dict lookup.
@dataclass(frozen=True, slots=True, eq=False)
class Rules:
    """All rule tables, validated and compiled. Obtain with :func:`cleanpage.rules.load_rules`."""

    boilerplate: tuple[BoilerplateRule, ...]
    agencies: tuple[Agency, ...]
    credit_patterns: tuple[CreditPattern, ...]
    comments: CommentCues
    #: cue words of bylines and dates (``metadata.toml``)
    cues: MetadataCues
    #: Longest block (collapsed) boilerplate patterns are tried on.
    pattern_max_chars: int
    #: Normalised texts that are never a person's name ("staff writer", "email the author").
    not_author_phrases: frozenset[str]
    #: rule roles by which the text-dump classifier weighs a rule's hit
    text_roles: TextRoles
    #: semantic containers of HTML blocks whose blocks are furniture, strongest first
    containers: tuple[Container, ...]
    #: which hidden elements are panels a reader opens, and the classes a stylesheet hides with
    #: (``disclosure.toml``)
    disclosure: DisclosureCues
    #: the cues of comments signed in plain text (``comments.toml`` ``[signed]``)
    signed: SignedCues
    _boilerplate: Boilerplate = field(repr=False)
    _credits: Credits = field(repr=False)
    #: the TOML texts this was built from: pickling re-parses them (cached per process)
    _sources: tuple[str, str, str, str, str] = field(repr=False)
    #: memos of pure functions of these tables (what a class word means, …), shared by the pages that
    #: use this object; never part of a result's inputs, so they cannot change one
    _memos: dict[str, dict[Any, Any]] = field(default_factory=dict, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes get the same tables by re-parsing the sources once (lookup tables are
        # read-only mappings, which pickle cannot copy); the packaged tables come back as the
        # worker's own load_rules() object.
        return (_restore_rules, self._sources)

    def __cache_fields__(self) -> tuple[Any, ...]:
        """How :mod:`._cache` pickles this value to disk: every field but the memos."""
        return (_rules_from_fields, tuple(getattr(self, f.name) for f in fields(self) if f.name != "_memos"))

    def memo(self, name: str) -> dict[Any, Any]:
        """A named memo for a pure function of these tables and its argument.

        Pages repeat the same class words, so a stage that classifies them keeps its answers here
        across pages. The memo is emptied once it holds :data:`MEMO_LIMIT` entries, which bounds
        memory on corpora of generated class names ("css-1x2y3z").
        """
        found = self._memos.get(name)
        if found is None:
            found = self._memos[name] = {}
        elif len(found) > MEMO_LIMIT:
            found.clear()
        return found

    @staticmethod
    def normalise(text: str) -> str:
        """The phrase-lookup normalisation (see :func:`~.normalise.normalise_phrase`)."""
        return normalise_phrase(text)

    def match_text(self, text: str) -> BoilerplateRule | None:
        """The boilerplate rule whose phrase or pattern is this whole block, else None.

        Phrases cost one dict lookup; patterns are only tried on short blocks, and only those that
        can start the way the block starts, so calling this for every block of every page is cheap.
        Short texts are memoised: menus, labels and widget titles ("Home", "Share", "Read more")
        recur within a page and across pages, about two short blocks in five.
        """
        if len(text) > MEMO_TEXT_CHARS:
            return self._boilerplate.match(text, self._credits)
        memo: dict[str, BoilerplateRule | None] = self.memo("match_text")
        if text in memo:
            return memo[text]
        found = memo[text] = self._boilerplate.match(text, self._credits)
        return found

    def match_tokens(self, tokens: Iterable[str]) -> BoilerplateRule | None:
        """The strongest rule (earliest in the table) one of whose class/id tokens is present.

        ``tokens`` are lower-cased class names and ids of a block's element and its ancestors;
        each token's rule is kept across pages (pages repeat their class words).
        """
        return self._boilerplate.match_tokens(tokens, self.memo("match_tokens.token"))

    def agency_for(self, alias: str) -> Agency | None:
        """The agency an alias names ("AP", "The Associated Press", "ТАСС"), else None.

        Ambiguous short aliases ("AP", "TT") must match exactly; the others ignore case.
        """
        return self._credits.agency_for(alias)

    def find_agencies(self, text: str) -> tuple[Agency, ...]:
        """Every agency named in ``text`` (in order, once each): for "AFP/dpa"-style credits.

        This is a plain alias search, not a credit test: use :meth:`match_credit` to decide
        whether a block *is* attribution.
        """
        return self._credits.find_agencies(text)

    def match_credit(self, text: str, kinds: Iterable[AttributionKind] | None = None) -> CreditMatch | None:
        """The first credit pattern (of ``kinds``, all when None) matching ``text``: the pattern,
        its match and the agency it names (see :meth:`.credits.Credits.match`).

        Which patterns can match a text depends only on the kinds and how the text starts: that
        choice is kept per (kinds, prefix key), not made again per block."""
        return self._credits.match(text, kinds, self.memo("match_credit.candidates"))

    def match_opening(self, text: str) -> CreditMatch | None:
        """A credit line that counts only where it opens the story ("Madrid (EFE)"; see
        :meth:`.credits.Credits.match_opening`)."""
        return self._credits.match_opening(text)

    def written_as_listed(self, hit: CreditMatch) -> bool:
        """Whether a credit's agency is written as the agency writes it ("Reuters", not the
        photo credit's "REUTERS"; see :meth:`.credits.Credits.written_as_listed`)."""
        return self._credits.written_as_listed(hit)

    def gallery_counter(self, text: str) -> re.Match[str] | None:
        """A slideshow's position counter as a whole line ("1 / 5", "Photo 3 of 7")."""
        return self._credits.gallery_counter(text)

    def desk_initials(self, text: str) -> bool:
        """A line that is only a desk's initials after a signature ("abc/xyz")."""
        return self._credits.desk_initials(text)

    def match_closing(self, text: str) -> CreditMatch | None:
        """The agency signature closing a paragraph ("… the officials said. PTI"), its span in
        ``text`` from ``match.start() + offset`` (see :meth:`.credits.Credits.match_closing`)."""
        return self._credits.match_closing(text)


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The package's rule tables, parsed once per process (the result is immutable)."""
    folder = resources.files(_PACKAGE)
    names = ("boilerplate.toml", "agencies.toml", "comments.toml", "metadata.toml", "disclosure.toml")
    bp, ag, cm, md, dc = ((folder / name).read_text(encoding="utf-8") for name in names)
    return parse_cached(bp, ag, cm, md, dc)


@functools.lru_cache(maxsize=2)
def _packaged(name: str) -> str:
    """A packaged table's text: what ``parse_rules`` uses for a table the caller leaves out."""
    return (resources.files(_PACKAGE) / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=2)
def parse_cached(
    boilerplate_toml: str, agencies_toml: str, comments_toml: str, metadata_toml: str | None = None,
    disclosure_toml: str | None = None,
) -> Rules:
    """:func:`parse_rules`, memoised on the texts: unpickling Rules in a worker parses once; and kept
    on disk between processes (:mod:`._cache`), so a fresh process does not compile the tables again.
    A table left out is the packaged one, read here so that the disk cache's key holds its text."""
    texts = (boilerplate_toml, agencies_toml, comments_toml,
             _packaged("metadata.toml") if metadata_toml is None else metadata_toml,
             _packaged("disclosure.toml") if disclosure_toml is None else disclosure_toml)
    return cached(texts, lambda: parse_rules(*texts), Rules)


def _rules_from_fields(*values: Any) -> Rules:
    return Rules(*values)


def _restore_rules(boilerplate_toml: str, agencies_toml: str, comments_toml: str, metadata_toml: str,
                   disclosure_toml: str) -> Rules:
    return parse_cached(boilerplate_toml, agencies_toml, comments_toml, metadata_toml, disclosure_toml)


def parse_rules(
    boilerplate_toml: str, agencies_toml: str, comments_toml: str, metadata_toml: str | None = None,
    disclosure_toml: str | None = None,
) -> Rules:
    """Build :class:`Rules` from the tables' TOML text (used by tests and custom tables); without
    ``metadata_toml`` / ``disclosure_toml`` the packaged ``metadata.toml`` / ``disclosure.toml`` is used."""
    bp = _toml(boilerplate_toml, "boilerplate.toml")
    ag = _toml(agencies_toml, "agencies.toml")
    cm = _toml(comments_toml, "comments.toml")
    if metadata_toml is None:
        metadata_toml = _packaged("metadata.toml")
    if disclosure_toml is None:
        disclosure_toml = _packaged("disclosure.toml")
    cues = compile_metadata(_toml(metadata_toml, "metadata.toml"))
    credits = compile_credits(ag)
    boilerplate = compile_boilerplate(bp)
    return Rules(
        boilerplate=boilerplate.rules,
        agencies=credits.agencies,
        credit_patterns=credits.patterns,
        comments=compile_comments(cm),
        cues=cues,
        pattern_max_chars=boilerplate.pattern_max_chars,
        not_author_phrases=boilerplate.not_author_phrases,
        text_roles=boilerplate.text_roles,
        containers=boilerplate.containers,
        disclosure=compile_disclosure(disclosure_toml),
        signed=compile_signed(cm),
        _boilerplate=boilerplate,
        _credits=credits,
        _sources=(boilerplate_toml, agencies_toml, comments_toml, metadata_toml, disclosure_toml),
    )
