"""Reader responses (``comments.toml``): the cues that find them, their compiler and their kinds.

The cues are class/id words of comment sections, single comments, their authors, dates and
chrome; the headings that announce a count ("3 Responses", "Keine Kommentare") with the number
words of many languages; and the line shapes of a text dump's comment thread ("Jane says:",
"In reply to Jane"). :class:`CommentCue` names what such a line is.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from ._firstchar import prefix_keys, prefixes, proxy
from .link_paths import has_path_part
from .normalise import LEAD, TRAIL, collapse, normalise_phrase, phrase_key, unbracketed
from .schema import (
    FLAGS,
    RulesError,
    _alternation,
    _array,
    _compile,
    _expand,
    _identifiers,
    _keys,
    _list,
    _literal_alt,
    _pattern,
    _phrase,
    _str,
    _strs,
    _table,
    _tokens,
    _words,
)

__all__ = ["CHROME_MAX_CHARS", "HEADING_MAX_CHARS", "CommentCue", "CommentCues", "compile_comments"]

#: Longest comment heading (collapsed). Above the spec's 120 so that a heading quoting a long
#: article title ("2 thoughts on “…”") still counts; the heading patterns themselves are
#: anchored (count + noun + optional *quoted* title), which is what keeps sentences out.
HEADING_MAX_CHARS = 300
#: Longest comment heading without a quoted title ("View all 1,234 comments so far").
HEADING_UNQUOTED_MAX_CHARS = 80
_QUOTES = re.compile("[\"“”„«»‘‚‹›]")
#: Longest comment-chrome text; chrome is a word or two ("Reply", "12 Likes").
CHROME_MAX_CHARS = 120
#: class/id words split into their parts ("comment-list" -> comment, list)
_PARTS = re.compile(r"[-_]+")
#: a pattern that matches nothing: the default of an optional cue a table leaves out
_NEVER = re.compile(r"(?!x)x")


class CommentCue(str, enum.Enum):
    """What a short line of a text dump says about a comment thread near it.

    A ``str`` enum: members compare equal to their values, and :attr:`NONE` is falsy, so a list of
    cues reads ``if cue`` for "some cue".
    """

    #: no cue: an ordinary line
    NONE = ""
    #: comment chrome: "Reply", "Like", "12 Likes"
    CHROME = "chrome"
    #: a comment's introducer: "NAME says:", "NAME on March 3, 2024"
    AUTHOR = "author"
    #: a short line with a date or a clock time: a comment's header, or a byline
    DATE = "date"


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
    member_stat_patterns: tuple[re.Pattern[str], ...] = ()  #: a poster's panel ("Posts: 98"): chrome too
    quote_attribution_patterns: tuple[re.Pattern[str], ...] = ()  #: a quote's header no colon ends ("jane wrote: ↑")
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
    #: Last parts of a class/id word that, after a comment stem, mark a comment's own words ("kommentar-text").
    text_parts: frozenset[str] = frozenset()
    #: Words between a count heading and the page's title ("3 Responses to <title>", "2 Kommentare zu …"),
    #: and the pattern of such a heading: its count part in group 1.
    title_joins: tuple[str, ...] = ()
    titled: re.Pattern[str] = _NEVER
    #: Attributes that scripts use to name an element's role (``data-test-id="comment"``, ``role="comment"``).
    role_attributes: tuple[str, ...] = ()
    #: ``itemprop`` names of a comment's date ("dateCreated", "commentTime").
    date_properties: frozenset[str] = frozenset()
    #: Path parts of a link to a member's profile ("/u/jane", "/members/jane.123/"): a post's author link.
    profile_link_parts: frozenset[str] = frozenset()
    account_link_parts: frozenset[str] = frozenset()  #: of a login or register page ("/user/login"): no profile
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
        # the filter travels compiled (rules/_cache.py): rebuilt, it was parsed again on every load
        return (_make_cues, (values, self.word_filter))

    def announced(self, text: str) -> int | None:
        """The count a comment-section heading announces ("3 Responses" -> 3), else None.

        "One thought on “X”" -> 1, "Keine Kommentare" -> 0, "Comments (4)" -> 4. Only short,
        heading-shaped blocks qualify, so a sentence that mentions comments never counts.
        """
        if len(text) > 4 * HEADING_MAX_CHARS:
            return None
        flat = collapse(text).rstrip(TRAIL).lstrip(LEAD)
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
        flat = unbracketed(collapse(text))  # a board's control in brackets ("[ zitieren ]") is the control
        if not flat or len(flat) > CHROME_MAX_CHARS:
            return False
        if phrase_key(flat) in self.chrome_phrases:
            return True
        return any(p.fullmatch(flat) for p in self.chrome_patterns) or any(p.fullmatch(flat) for p in self.member_stat_patterns)

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
            if len(parts) > 1 and parts[-1] in self.text_parts and any(
                p.startswith(self.comment_stems) for p in parts[:-1]
            ):
                return True
        return False

    def is_profile_link(self, href: str) -> bool:
        """A link to a member's profile: a profile word among its path parts, no account page's ("/user/login")."""
        return has_path_part(href, self.profile_link_parts) and not has_path_part(href, self.account_link_parts)

    def is_chrome_element(self, tokens: Iterable[str]) -> bool:
        """True when a class/id token marks comment chrome (reply link, vote buttons, avatar)."""
        return _has_token(tokens, self.chrome_tokens, self.chrome_token_regex)


def _make_cues(values: dict[str, Any], word_filter: re.Pattern[str]) -> CommentCues:
    """Unpickling: the cues with the fields given, and the word filter they were pickled with."""
    cues: CommentCues = object.__new__(CommentCues)
    for name, value in values.items():
        object.__setattr__(cues, name, value)
    object.__setattr__(cues, "number_words", MappingProxyType(dict(values["number_words"])))
    object.__setattr__(cues, "word_filter", word_filter)
    return cues


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


# ---- the compiler ------------------------------------------------------------------------------


def compile_comments(doc: dict[str, Any]) -> CommentCues:
    """``comments.toml`` (parsed) as :class:`CommentCues`; a malformed entry is a :class:`RulesError`."""
    where = "comments.toml"
    token_keys = ("section_tokens", "comment_tokens", "author_tokens", "date_tokens", "chrome_tokens")
    _keys(
        doc,
        {*token_keys, "chrome_phrases", "chrome_patterns", "section_heading_phrases", "number_words", "heading", "author_pattern", "reply_pattern",
         "comment_stems", "stem_stop_parts", "text_tokens", "item_heading_patterns", "text_parts", "title_joins", "role_attributes", "date_properties",
         "profile_link_parts", "account_link_parts", "member_stat_patterns", "quote_attribution_patterns", "signed"},
        where,
    )
    tokens: dict[str, tuple[frozenset[str], re.Pattern[str] | None]] = {}
    for key in token_keys:
        exact, globs = _tokens(_strs(doc, key, f"{where} {key}"), f"{where} {key}")
        tokens[key] = (exact, re.compile("|".join(globs)) if globs else None)
    words = _number_words(doc)
    headings, values, heading_prefixes, h_examples, h_counter = _headings(doc, words)
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
        member_stat_patterns=tuple(_pattern(p, f"{where} member_stat_patterns", False) for p in _strs(doc, "member_stat_patterns", where)),
        quote_attribution_patterns=tuple(_pattern(p, f"{where} quote_attribution_patterns", False) for p in _strs(doc, "quote_attribution_patterns", where)),
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
        item_heading_patterns=tuple(_pattern(p, f"{where} item_heading_patterns", True) for p in _strs(doc, "item_heading_patterns", where)),
        **_words_of(doc),
    )


def _words_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The word lists of comments.toml: class-word parts, title joins, role attributes, date properties."""
    where = "comments.toml"
    joins = _optional_words(doc, "title_joins", where)
    titled = rf"^(.{{1,40}}?)\s+{_literal_alt(joins)}\s+\S.{{0,200}}$"
    return {
        "text_parts": frozenset(_tokens(_strs(doc, "text_parts", where), f"{where} text_parts")[0]),
        "title_joins": joins,
        "titled": _compile(titled, f"{where} title_joins", re.IGNORECASE) if joins else _NEVER,
        "role_attributes": _identifiers(doc, "role_attributes", where, lower=True) if "role_attributes" in doc else (),
        "date_properties": frozenset(_identifiers(doc, "date_properties", where) if "date_properties" in doc else ()),
        "profile_link_parts": frozenset(_optional_words(doc, "profile_link_parts", where)),
        "account_link_parts": frozenset(_optional_words(doc, "account_link_parts", where)),
    }


def _optional_words(doc: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    return _words(doc, key, where) if key in doc else ()


def _number_words(doc: dict[str, Any]) -> dict[str, int]:
    """Number word (casefolded, single spaces) -> its value, over every language's table."""
    where = "comments.toml"
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
    return words


def _headings(doc: dict[str, Any], words: dict[str, int]) -> tuple[
    tuple[re.Pattern[str], ...], tuple[int | None, ...], tuple[frozenset[str] | None, ...],
    tuple[tuple[str, int], ...], tuple[str, ...],
]:
    """The [[heading]] entries: their patterns ({count} spliced in), values, prefix keys, examples
    and counter-examples."""
    where = "comments.toml"
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
        heading_prefixes.append(prefixes(_expand(source, {"count": count_proxy}, at), FLAGS))
        if not ({"n", "word"} <= set(pattern.groupindex) or value is not None):
            raise RulesError(f"{at}: a heading regex needs {{count}} or a value")
        headings.append(pattern)
        values.append(value)
        for ex in _list(entry, "examples", at):
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("n"), int):
                raise RulesError(f"{at}: heading examples are tables {{text = ..., n = ...}}")
            h_examples.append((ex["text"], ex["n"]))
        h_counter.extend(_strs(entry, "counter_examples", at))
    return tuple(headings), tuple(values), tuple(heading_prefixes), tuple(h_examples), tuple(h_counter)


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
