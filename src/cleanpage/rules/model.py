"""The frozen, compiled rule objects that :func:`cleanpage.rules.load_rules` returns.

Rules are data (TOML files beside this module); these classes are what the data becomes after it
has been validated once: immutable values (safe to share between threads and to pickle to worker
processes) with precompiled regexes and lookup tables, so that the per-block questions the
pipeline asks ("is this block boilerplate?", "is this a wire credit?", "how many comments does
this heading announce?") cost a dictionary lookup and at most one regex call each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from cleanpage.pipeline.blocks import Reason

from ._firstchar import prefix_keys

__all__ = [
    "CREDIT_KINDS",
    "Agency",
    "BoilerplateRule",
    "CommentCues",
    "CreditPattern",
    "Rules",
    "RulesError",
    "collapse",
    "normalise_phrase",
]

#: The attribution kinds a credit pattern can have (the values of ``Attribution.kind``).
CREDIT_KINDS: frozenset[str] = frozenset({"credit", "dateline", "contributor", "byline", "copyright"})

#: Longest block (collapsed) that credit, contributor, byline and copyright patterns are tried on:
#: the longest real contributor lines ("Associated Press writers A in B, C in D ... contributed")
#: stay under it, article paragraphs mostly exceed it.
CREDIT_MAX_CHARS = 600
#: How much of a first paragraph a dateline may occupy ("MOSCOW, March 3 (Reuters) -").
DATELINE_SCAN_CHARS = 200
#: Longest comment heading (collapsed). Above the spec's 120 so that a heading quoting a long
#: article title ("2 thoughts on “…”") still counts; the heading patterns themselves are
#: anchored (count + noun + optional *quoted* title), which is what keeps sentences out.
HEADING_MAX_CHARS = 300
#: Longest comment heading without a quoted title ("View all 1,234 comments so far").
HEADING_UNQUOTED_MAX_CHARS = 80
_QUOTES = re.compile("[\"“”„«»‘‚‹›]")
#: Longest comment-chrome text; chrome is a word or two ("Reply", "12 Likes").
CHROME_MAX_CHARS = 120


class RulesError(ValueError):
    """A rule table is malformed: the message names the file, the entry and what is wrong.

    Raised at load time so that a bad table fails loudly once instead of silently matching
    everything (an empty phrase or regex) or nothing (a typo'd key) on every page.
    """


# Typographic variants that must not make two spellings of one phrase differ. Applied with one
# regex pass (str.translate with a dict costs ~50 ns per character, too slow for every block).
_TYPO_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
}
_TYPO = re.compile("[" + "".join(_TYPO_MAP) + "]")


def _untypo(m: re.Match[str]) -> str:
    return _TYPO_MAP[m.group(0)]


# Trailing decoration ignored when comparing phrases ("Search for:" == "Search for", "Read more »").
_TRAIL = " :….»›>→"
# Leading decoration ignored when comparing phrases ("« Older Entries", "← Previous").
_LEAD = " «‹<←"


def collapse(text: str) -> str:
    r"""Whitespace-collapse ``text`` and straighten its apostrophes: what patterns match against.

    Patterns see one space between words (so ``\s`` is always " ") and ``'`` for ``’``, whatever
    the page's markup did. Deliberately cheap (no full typographic pass): it runs on every block.
    """
    flat = " ".join(text.split())
    return flat.replace("\u2019", "'") if "\u2019" in flat else flat


def normalise_phrase(text: str) -> str:
    """The key under which a whole-block phrase is looked up.

    Casefolded, whitespace-collapsed, curly quotes straightened, zero-width characters and soft
    hyphens dropped, trailing ``: … . » › > →`` and leading ``« ‹ < ←`` removed, so one table
    entry covers the spellings pages actually use.
    """
    return _phrase_key(" ".join(text.split()))


def _phrase_key(flat: str) -> str:
    if not flat.isascii():
        flat = _TYPO.sub(_untypo, flat)
        if "\u200b" in flat or "\u00ad" in flat:  # removal may leave double spaces
            flat = " ".join(flat.split())
    return flat.casefold().rstrip(_TRAIL).lstrip(_LEAD)


#: class/id words split into their parts ("comment-list" -> comment, list)
_PARTS = re.compile(r"[-_]+")

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
    kind: str
    regex: re.Pattern[str]
    #: (text, canonical agency name or None) pairs the pattern must match (tested).
    examples: tuple[tuple[str, str | None], ...] = ()
    counter_examples: tuple[str, ...] = ()
    #: Keys (:func:`~._firstchar.prefix_key`) a match can start with (None: any): a cheap prefilter.
    prefixes: frozenset[str] | None = None
    #: Casefolded substrings of which one must occur (in the scanned text) for the pattern to be
    #: tried at all ("(" for parenthesised datelines): a second cheap prefilter, from the table.
    requires: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MetadataCues:
    """Cue words of page metadata (``metadata.toml``), as lists and as the patterns built from them.

    The lists are what the table says (lower case); the patterns are compiled once at load time:

    * ``lead``: a byline's opening words, stripped from a name candidate ("Posted by ", "Text & Fotos: ");
    * ``label``: a label standing alone before the name ("By", "Autorin:");
    * ``inline``: a label and a capitalised name in one text ("Autorin: Uta", "Von Anna");
    * ``mid_by``: an unambiguous lead inside a text, not after a credit word ("… 2020 by Adi Tzlil");
    * ``mid_label``: a role label with a colon inside a text ("05.02.2020 - Redaktion: A");
    * ``written_by``: a "written by" label of its own (Yoast's ``twitter:label1``);
    * ``described_by``: a byline that opens a page description ("Posted by A, B and C - …");
    * ``line_lead``: a line that opens with a byline lead ("By Jane Doe", "Von Anna Meier");
    * ``author_path``: the link to an author's page, its slug in group 1;
    * ``byline_class``/``date_class``: class/id words of byline and date elements;
    * ``publication``: a label that says a date line is the publication date;
    * ``publication_alone``: such a label standing alone, its date in the next element;
    * ``date_lead``: the lead of a date line that dateparser does not know ("Veröffentlicht am ");
    * ``lone_clock``: a time of day alone after a date line's separator ("10:45 Uhr"), in group 1;
    * ``posted_by``/``posted_on``: the byline at the end and the verb at the start of a text dump's
      dated line ("Posted on March 2, 2024 by Helen Ashby");
    * ``name_split``: the joins between the names of a byline (", ", " and ", " im Gespräch mit ");
    * ``date_tail``/``category_tail``: where a byline goes on after the name with its date ("… am
      Samstag, 19. Oktober 2019") or its category ("… IN Fashion");
    * ``changed``: a date line about the last change ("Aktualisiert am 3.5.2024").
    """

    leads: tuple[str, ...]
    mid_leads: tuple[str, ...]
    line_leads: tuple[str, ...]
    verbs: tuple[str, ...]
    roles: tuple[str, ...]
    plural_roles: tuple[str, ...]
    desk_roles: tuple[str, ...]
    lead_only: tuple[str, ...]
    photo_words: tuple[str, ...]
    credit_words: tuple[str, ...]
    byline_tokens: tuple[str, ...]
    date_tokens: tuple[str, ...]
    publication_labels: tuple[str, ...]
    author_paths: tuple[str, ...]
    #: leads of date lines ([dates] leads) and the words after a time of day ([dates] clock_words)
    date_leads: tuple[str, ...]
    clock_words: tuple[str, ...]
    #: leads of a name at a dated line's end ([bylines] end_leads), a dated line's verbs and the
    #: prepositions after them ([dates] line_verbs, line_prepositions)
    end_leads: tuple[str, ...]
    line_verbs: tuple[str, ...]
    line_prepositions: tuple[str, ...]
    #: stems of the words that make a date line the last change ([dates] change_stems)
    change_stems: tuple[str, ...]
    #: words between the names of a byline ([bylines] name_joins, interview_joins), before its date
    #: (date_prepositions) and before its category (category_words)
    name_joins: tuple[str, ...]
    interview_joins: tuple[str, ...]
    date_prepositions: tuple[str, ...]
    category_words: tuple[str, ...]
    #: lower-case words inside a person's name ("van", "de", "ibn")
    name_particles: frozenset[str]
    #: ends of German compounds naming an organisation ("verband"), for ``str.endswith``
    org_suffixes: tuple[str, ...]
    #: parts of a CMS account's one-word handle ("admin" in "wordpressadmin")
    account_parts: tuple[str, ...]
    #: common given names (lower case): evidence that a site's name is its owner's
    given_names: frozenset[str]
    #: academic titles opening a name ("Dr. ", "Prof. Dr. ", "Dr.-Ing. "), to read over
    name_titles: re.Pattern[str]
    lead: re.Pattern[str]
    label: re.Pattern[str]
    inline: re.Pattern[str]
    mid_by: re.Pattern[str]
    mid_label: re.Pattern[str]
    written_by: re.Pattern[str]
    described_by: re.Pattern[str]
    #: a lead opening a line of its own ("By Jane Doe"): a byline line, not prose
    line_lead: re.Pattern[str]
    #: a link to an author's page; group 1 is the slug ("/autoren/kathrin-fuehres-684124")
    author_path: re.Pattern[str]
    byline_class: re.Pattern[str]
    date_class: re.Pattern[str]
    #: a publication label anywhere in a date line ("Erscheinungsdatum", "Published:")
    publication: re.Pattern[str]
    #: a publication label as the whole text of its element ("Mise en ligne", "Erschienen am:"),
    #: whose date is the element that follows
    publication_alone: re.Pattern[str]
    #: the first two letters (lower case) of every label: a cheap test before the patterns
    label_starts: frozenset[str]
    #: the same for the publication labels
    publication_starts: frozenset[str]
    #: a date line's lead, up to its date: "Published: ", "Posted on ", "Erschienen am " (stripped
    #: before dateparser reads the line)
    date_lead: re.Pattern[str]
    #: a time of day alone (group 1) after a date line's separator: "10:45", "11h20 Uhr", "10:45 h"
    lone_clock: re.Pattern[str]
    #: "… by NAME" at the end of a dated line of a text dump, the name in group 1
    posted_by: re.Pattern[str]
    #: the verb and preposition that open a text dump's dated line: "Posted on ", "Veröffentlicht am "
    posted_on: re.Pattern[str]
    #: the joins between the names of a byline, for ``split``: ",", "&", " and ", " im Gespräch mit "
    name_split: re.Pattern[str]
    #: where a byline goes on with its date after the name ("… am Samstag, 19. Oktober 2019", "… on 3 May 2021")
    date_tail: re.Pattern[str]
    #: where a byline's first name goes on with its category ("VON Sina Giebel IN Fashion")
    category_tail: re.Pattern[str]
    #: a change stem anywhere in a date line ("Aktualisiert am", "Updated:", "Mis à jour le"): the line
    #: is about the last change, not the publication
    changed: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class CommentCues:
    """Cues that find reader responses: class/id tokens, chrome, and count-announcing headings."""

    section_tokens: frozenset[str]
    comment_tokens: frozenset[str]
    author_tokens: frozenset[str]
    date_tokens: frozenset[str]
    chrome_phrases: frozenset[str]
    heading_patterns: tuple[re.Pattern[str], ...]
    section_heading_phrases: frozenset[str]
    #: Number word (casefolded) -> value, all languages ("one" 1, "keine" 0, "deux" 2).
    number_words: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    chrome_patterns: tuple[re.Pattern[str], ...] = ()
    #: Text-dump comment introducers ("Jane says:"): group ``author``, optional ``date``.
    author_patterns: tuple[re.Pattern[str], ...] = ()
    #: "in reply to Jane" cues: group ``author``.
    reply_patterns: tuple[re.Pattern[str], ...] = ()
    #: Wildcard tokens per set ("dsq-*", "comment-#"), compiled; None when the set has none.
    section_token_regex: re.Pattern[str] | None = None
    comment_token_regex: re.Pattern[str] | None = None
    author_token_regex: re.Pattern[str] | None = None
    date_token_regex: re.Pattern[str] | None = None
    #: Class/id words of a comment's chrome (reply link, votes, avatar), skipped for its text.
    chrome_tokens: frozenset[str] = frozenset()
    chrome_token_regex: re.Pattern[str] | None = None
    #: Value of each heading pattern that has no count group ("Be the first to comment" -> 0).
    heading_values: tuple[int | None, ...] = ()
    heading_prefixes: tuple[frozenset[str] | None, ...] = ()
    heading_examples: tuple[tuple[str, int], ...] = ()
    heading_counter_examples: tuple[str, ...] = ()
    author_examples: tuple[tuple[str, str, str | None], ...] = ()
    author_counter_examples: tuple[str, ...] = ()
    reply_examples: tuple[tuple[str, str], ...] = ()
    #: Word stems that make a class/id word comment-like wherever they appear in it ("kb-comment",
    #: "commentsCon", "kommentar-item"): site themes coin endless compounds, the stem is stable.
    comment_stems: tuple[str, ...] = ()
    #: Parts of a class/id word ("comment-form", "comments-link", "recent-comments") that make a
    #: stem match something else: the form, a counter, a widget, a part of one comment.
    stem_stop_parts: frozenset[str] = frozenset()
    #: Class/id words of the element holding a comment's own words ("comment-content", "post-message").
    text_tokens: frozenset[str] = frozenset()
    #: Headings that head one comment ("#1 Comment by Jane", "Kommentar von Hans"): group ``author``.
    item_heading_patterns: tuple[re.Pattern[str], ...] = ()
    #: A regex found in every word that can name a section or a comment (the exact words, the
    #: patterns and the stems): an id without a hit needs no closer look (built from the above).
    word_filter: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.number_words, MappingProxyType):
            object.__setattr__(self, "number_words", MappingProxyType(dict(self.number_words)))
        parts = [re.escape(w) for w in sorted({*self.section_tokens, *self.comment_tokens, *self.comment_stems})]
        parts += [r.pattern for r in (self.section_token_regex, self.comment_token_regex) if r is not None]
        object.__setattr__(self, "word_filter", re.compile("|".join(parts) or "(?!)"))

    def __reduce__(self) -> tuple[Any, ...]:
        # A mappingproxy cannot be pickled; rebuild from a plain dict (re-wrapped read-only).
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.init}
        values["number_words"] = dict(self.number_words)
        return (_make_cues, (values,))

    def announced(self, text: str) -> int | None:
        """The count a comment-section heading announces ("3 Responses" -> 3), else None.

        "One thought on “X”" -> 1, "Keine Kommentare" -> 0, "Comments (4)" -> 4. Only short,
        heading-shaped blocks qualify, so a sentence that mentions comments never counts.
        """
        if len(text) > 4 * HEADING_MAX_CHARS:
            return None
        flat = collapse(text).rstrip(_TRAIL).lstrip(_LEAD)
        if not flat or len(flat) > HEADING_MAX_CHARS:
            return None
        # Past a short heading's length, only "N thoughts on “Title”" shapes remain: need a quote.
        if len(flat) > HEADING_UNQUOTED_MAX_CHARS and _QUOTES.search(flat) is None:
            return None
        key, *wild = prefix_keys(flat)
        for pattern, value, keys in zip(self.heading_patterns, self.heading_values, self.heading_prefixes):
            if keys is not None and key not in keys and not (wild and wild[0] in keys):
                continue
            m = pattern.fullmatch(flat)
            if m is None:
                continue
            groups = m.groupdict()
            digits = groups.get("n")
            if digits:
                return int(re.sub(r"\D", "", digits))
            word = groups.get("word")
            if word:
                found = self.number_words.get(" ".join(word.casefold().split()))
                if found is not None:
                    return found
                continue
            if value is not None:
                return value
        return None

    def is_chrome(self, text: str) -> bool:
        """True when ``text`` is comment chrome ("Reply", "says:", "12 Likes"), not reader words."""
        if len(text) > 4 * CHROME_MAX_CHARS:
            return False
        flat = collapse(text)
        if not flat or len(flat) > CHROME_MAX_CHARS:
            return False
        if _phrase_key(flat) in self.chrome_phrases:
            return True
        return any(p.fullmatch(flat) for p in self.chrome_patterns)

    def is_section_heading(self, text: str) -> bool:
        """True for a comment-section heading, with a count ("3 Responses") or without ("Kommentare")."""
        return normalise_phrase(text) in self.section_heading_phrases or self.announced(text) is not None

    def author_line(self, text: str) -> tuple[str, str | None] | None:
        """(author, date text or None) for a text-dump comment introducer ("Jane says:"), else None."""
        flat = collapse(text)
        if not flat or len(flat) > CHROME_MAX_CHARS:
            return None
        for pattern in self.author_patterns:
            m = pattern.fullmatch(flat)
            if m is not None:
                return m.group("author").strip(), (m.groupdict().get("date") or None)
        return None

    def reply_to(self, text: str) -> str | None:
        """The author a response says it replies to ("In reply to Jane" -> "Jane"), else None."""
        return _named_author(text, self.reply_patterns)

    def is_section(self, tokens: Iterable[str]) -> bool:
        """True when a class/id token marks a comment section (list of responses)."""
        return _has_token(tokens, self.section_tokens, self.section_token_regex)

    def is_comment(self, tokens: Iterable[str]) -> bool:
        """True when a class/id token marks one comment."""
        return _has_token(tokens, self.comment_tokens, self.comment_token_regex)

    def is_author(self, tokens: Iterable[str]) -> bool:
        """True when a class/id token marks a comment's author name."""
        return _has_token(tokens, self.author_tokens, self.author_token_regex)

    def is_date(self, tokens: Iterable[str]) -> bool:
        """True when a class/id token marks a comment's date/metadata."""
        return _has_token(tokens, self.date_tokens, self.date_token_regex)

    def is_comment_like(self, token: str) -> bool:
        """True when one class/id word names a comment or a comment section by its stem.

        Splits the word on ``-``/``_`` and needs a part that starts with a stem ("comment",
        "kommentar") and no part that names something else ("form", "count", "recent").
        """
        if not self.comment_stems:
            return False
        if not any(stem in token for stem in self.comment_stems):
            return False  # cheap test first: most class words hold no stem at all
        parts = [p for p in _PARTS.split(token) if p]
        if not any(p.startswith(self.comment_stems) for p in parts):
            return False
        return not any(p in self.stem_stop_parts for p in parts)

    def item_heading(self, text: str) -> str | None:
        """The author named by a heading that heads one comment ("Comment by Jane" -> "Jane"), else None."""
        return _named_author(text, self.item_heading_patterns)

    def is_text(self, tokens: Iterable[str]) -> bool:
        """True when a class/id word marks the element that holds a comment's own words."""
        for token in tokens:
            if token in self.text_tokens:
                return True
            parts = [p for p in _PARTS.split(token) if p]
            if len(parts) > 1 and parts[-1] in ("text", "content", "message", "txt", "inhalt") and any(
                p.startswith(self.comment_stems) for p in parts[:-1]
            ):
                return True
        return False

    def is_chrome_element(self, tokens: Iterable[str]) -> bool:
        """True when a class/id token marks comment chrome (reply link, vote buttons, avatar)."""
        return _has_token(tokens, self.chrome_tokens, self.chrome_token_regex)


#: entries a :meth:`Rules.memo` holds before it is emptied
MEMO_LIMIT = 20_000
#: texts up to this length have their :meth:`Rules.match_text` answer memoised
MEMO_TEXT_CHARS = 80


def _make_cues(values: dict[str, Any]) -> CommentCues:
    return CommentCues(**values)


def _named_author(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    """The ``author`` group of the first pattern that matches the whole short text, else None."""
    flat = collapse(text)
    if not flat or len(flat) > CHROME_MAX_CHARS:
        return None
    for pattern in patterns:
        m = pattern.fullmatch(flat)
        if m is not None:
            return m.group("author").strip()
    return None


def _has_token(tokens: Iterable[str], exact: frozenset[str], globs: re.Pattern[str] | None) -> bool:
    for token in tokens:
        if token in exact or (globs is not None and globs.fullmatch(token)):
            return True
    return False


# eq=False: a Rules value is compared and hashed by identity. It is one big immutable table that
# callers cache and pass around; hashing it by value would walk every phrase on each dict lookup.
@dataclass(frozen=True, slots=True, eq=False)
class Rules:
    """All rule tables, validated and compiled. Obtain with :func:`cleanpage.rules.load_rules`."""

    boilerplate: tuple[BoilerplateRule, ...]
    agencies: tuple[Agency, ...]
    credit_patterns: tuple[CreditPattern, ...]
    comments: CommentCues
    #: Longest block (collapsed) boilerplate patterns are tried on.
    pattern_max_chars: int = 300
    #: Normalised texts that are never a person's name ("staff writer", "email the author").
    not_author_phrases: frozenset[str] = frozenset()
    _phrase_index: Mapping[str, BoilerplateRule] = field(default_factory=dict, repr=False)
    _phrase_max: int = field(default=0, repr=False)
    #: every boilerplate pattern in table order, with the index of its rule
    _patterns: tuple[tuple[re.Pattern[str], int], ...] = field(default=(), repr=False)
    #: prefix key -> indices into ``_patterns`` of the patterns that can start that way
    _pattern_buckets: Mapping[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    #: indices of the patterns that can start with anything (the bucket of unlisted keys)
    _pattern_any: tuple[int, ...] = field(default=(), repr=False)
    _token_index: Mapping[str, int] = field(default_factory=dict, repr=False)
    _token_glob_union: re.Pattern[str] | None = field(default=None, repr=False)
    _token_glob_owner: tuple[int, ...] = field(default=(), repr=False)
    _agency_exact: Mapping[str, Agency] = field(default_factory=dict, repr=False)
    _agency_folded: Mapping[str, Agency] = field(default_factory=dict, repr=False)
    _agency_search: re.Pattern[str] | None = field(default=None, repr=False)
    #: cue words of bylines and dates (``metadata.toml``)
    metadata: MetadataCues | None = None
    #: the TOML texts this was built from: pickling re-parses them (cached per process)
    _sources: tuple[str, str, str, str] | None = field(default=None, repr=False)
    #: memos of pure functions of these tables (what a class word means, …), shared by the pages that
    #: use this object; never part of a result's inputs, so they cannot change one
    _memos: dict[str, dict[Any, Any]] = field(default_factory=dict, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes get the same tables by re-parsing the sources once (lookup tables are
        # read-only mappings, which pickle cannot copy); the packaged tables come back as the
        # worker's own load_rules() object.
        if self._sources is None:
            raise TypeError("a Rules built without its sources cannot be pickled")
        return (_restore_rules, self._sources)

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

    @property
    def cues(self) -> MetadataCues:
        """The metadata cue words (every Rules from :func:`parse_rules` has them)."""
        if self.metadata is None:
            raise RulesError("these Rules were built without metadata.toml")
        return self.metadata

    @staticmethod
    def normalise(text: str) -> str:
        """The phrase-lookup normalisation (see :func:`normalise_phrase`)."""
        return normalise_phrase(text)

    def match_text(self, text: str) -> BoilerplateRule | None:
        """The boilerplate rule whose phrase or pattern is this whole block, else None.

        Phrases cost one dict lookup; patterns are only tried on short blocks, and only those that
        can start the way the block starts, so calling this for every block of every page is cheap.
        Short texts are memoised: menus, labels and widget titles ("Home", "Share", "Read more")
        recur within a page and across pages, about two short blocks in five.
        """
        if len(text) > MEMO_TEXT_CHARS:
            return self._match_text(text)
        memo: dict[str, BoilerplateRule | None] = self.memo("match_text")
        if text in memo:
            return memo[text]
        found = memo[text] = self._match_text(text)
        return found

    def _match_text(self, text: str) -> BoilerplateRule | None:
        limit = max(self._phrase_max, self.pattern_max_chars)
        if len(text) > 4 * limit + 64:
            return None
        flat = collapse(text)
        if not flat:
            return None
        if len(flat) <= self._phrase_max:
            rule = self._phrase_index.get(_phrase_key(flat))
            if rule is not None:
                return rule
        if len(flat) > self.pattern_max_chars:
            return None
        patterns = self._patterns
        buckets = self._pattern_buckets
        key, *wild = prefix_keys(flat)
        members = buckets.get(key) or (wild and buckets.get(wild[0])) or self._pattern_any
        for k in members:
            pattern, index = patterns[k]
            if pattern.fullmatch(flat) is None:
                continue
            rule = self.boilerplate[index]
            # An agency's copyright line ("© 2024 Reuters") is attribution, not footer.
            if rule.exclude_agency and self._is_agency_credit(flat):
                continue
            return rule
        return None

    def match_tokens(self, tokens: Iterable[str]) -> BoilerplateRule | None:
        """The strongest rule (earliest in the table) one of whose class/id tokens is present.

        ``tokens`` are lower-cased class names and ids of a block's element and its ancestors.
        """
        best: int | None = None
        glob = self._token_glob_union
        for token in tokens:
            index = self._token_index.get(token)
            if index is None and glob is not None:
                m = glob.fullmatch(token)
                if m is not None and m.lastindex is not None:
                    index = self._token_glob_owner[m.lastindex]
            if index is not None and (best is None or index < best):
                best = index
                if best == 0:
                    break
        return None if best is None else self.boilerplate[best]

    def agency_for(self, alias: str) -> Agency | None:
        """The agency an alias names ("AP", "The Associated Press", "ТАСС"), else None.

        Ambiguous short aliases ("AP", "TT") must match exactly; the others ignore case.
        """
        key = " ".join(alias.split())
        found = self._agency_exact.get(key)
        if found is not None:
            return found
        folded = key.casefold()
        found = self._agency_folded.get(folded)
        if found is None and folded.startswith("the "):
            found = self._agency_folded.get(folded[4:])
        return found

    def find_agencies(self, text: str) -> tuple[Agency, ...]:
        """Every agency named in ``text`` (in order, once each): for "AFP/dpa"-style credits.

        This is a plain alias search, not a credit test: use :meth:`match_credit` to decide
        whether a block *is* attribution.
        """
        if self._agency_search is None:
            return ()
        seen: dict[str, Agency] = {}
        for m in self._agency_search.finditer(collapse(text)):
            agency = self.agency_for(m.group(0))
            if agency is not None and agency.name not in seen:
                seen[agency.name] = agency
        return tuple(seen.values())

    def match_credit(
        self, text: str, kinds: Iterable[str] | None = None
    ) -> tuple[CreditPattern, re.Match[str], Agency | None] | None:
        """The first credit pattern matching ``text``, its match and the agency it names.

        credit/contributor/byline/copyright patterns must match the whole block; dateline
        patterns match at the start (the paragraph stays in the body). The match is against the
        whitespace-collapsed text (see :func:`collapse`).
        """
        wanted: frozenset[str] | None = None
        if kinds is not None:
            wanted = frozenset(str(getattr(k, "value", k)) for k in kinds)
            unknown = wanted - CREDIT_KINDS
            if unknown:
                raise ValueError(f"unknown credit kind(s) {sorted(unknown)}; known: {sorted(CREDIT_KINDS)}")
        if len(text) > 2 * CREDIT_MAX_CHARS:
            text = text[: 2 * DATELINE_SCAN_CHARS]  # only a dateline can still match
            wanted = frozenset({"dateline"}) & (wanted if wanted is not None else CREDIT_KINDS)
        flat = collapse(text)
        if not flat:
            return None
        whole_ok = len(flat) <= CREDIT_MAX_CHARS
        folded = flat.casefold() if whole_ok else ""
        head = flat[:DATELINE_SCAN_CHARS]
        head_folded = folded[:DATELINE_SCAN_CHARS] if whole_ok else head.casefold()
        key, *wild = prefix_keys(flat)
        for pattern in self.credit_patterns:
            if wanted is not None and pattern.kind not in wanted:
                continue
            keys = pattern.prefixes
            if keys is not None and key not in keys and not (wild and wild[0] in keys):
                continue
            if pattern.kind == "dateline":
                if pattern.requires and not any(r in head_folded for r in pattern.requires):
                    continue
                m = pattern.regex.match(head)
            elif whole_ok:
                if pattern.requires and not any(r in folded for r in pattern.requires):
                    continue
                m = pattern.regex.fullmatch(flat)
            else:
                continue
            if m is None:
                continue
            alias = m.groupdict().get("agency")
            return pattern, m, (self.agency_for(alias) if alias else None)
        return None

    def _is_agency_credit(self, flat: str) -> bool:
        return self.match_credit(flat, ("copyright", "credit")) is not None


def _restore_rules(boilerplate_toml: str, agencies_toml: str, comments_toml: str, metadata_toml: str) -> Rules:
    from .load import parse_cached  # load imports this module

    return parse_cached(boilerplate_toml, agencies_toml, comments_toml, metadata_toml)
