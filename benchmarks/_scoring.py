"""Scoring helpers shared by the cleanpage benchmarks (pure functions, no I/O, no engines).

Every benchmark that reads ``evaldata.json`` (``body.py`` for HTML pages, a text-dump benchmark
later) scores with these functions so that the figures mean the same thing everywhere.
The definitions are also written out in ``benchmarks/README.md``.

Body snippets (the way trafilatura's own evaluation scores, ``tests/eval_common.py``)
    Whitespace is normalised in both the snippet and the extracted text (every run of whitespace
    becomes one space, ends stripped); a snippet "is in" a text when it is a plain substring of
    it (case-sensitive). For one page:

    * a ``with`` snippet found is a true positive (TP), not found a false negative (FN);
    * a ``without`` snippet found is a false positive (FP), not found a true negative (TN).

    Counts are summed over all pages (micro average), then
    ``precision = TP/(TP+FP)``, ``recall = TP/(TP+FN)``,
    ``F1 = 2·TP/(2·TP+FP+FN)``, ``accuracy = (TP+TN)/(TP+TN+FP+FN)``; a ratio whose denominator
    is zero is reported as 0.0. An engine that raises, or returns ``None``/empty text, is scored
    with an empty text (all ``with`` snippets missed, all ``without`` snippets true negatives).

Word-level F1 (WCXB), on pages whose gold main text has at least one word
    Both texts become lower-cased ``\\w+`` tokens (``re.findall(r"\\w+", text.lower())``), compared
    as multisets: ``overlap`` = the size of their intersection, precision = overlap/|extracted|,
    recall = overlap/|gold|, F1 their harmonic mean; an empty extraction scores 0. The three are
    averaged over pages (macro mean), unlike the snippet counts.

Comments (issue 5), on pages whose ``comments`` list is non-empty
    ``found`` = comment snippets contained in the engine's comment text (for cleanpage the
    responses' texts joined by a blank line); ``recall = found/total``.
    ``leaked`` = comment snippets contained in the engine's body text; ``leak rate = leaked/total``.
    The same over the snippets *present* on the saved page: contained in its visible text
    (:func:`visible_text`: lxml ``text_content()`` without ``<script>``/``<style>``, whitespace-normalised).

Metadata (issue 6), on pages whose gold value is non-empty
    * title: ``casefold`` and whitespace-normalised, then equal (exact match);
    * author: every gold name (see :func:`split_gold_authors`) is contained, casefolded and
      whitespace-normalised, in the engine's authors joined by ``"; "``;
    * date: the same calendar day as the gold ``YYYY-MM-DD`` (the time of day is ignored).

    ``accuracy = correct/pages``; ``wrong`` counts pages where the engine gave an answer that
    does not match (an answer of ``None`` is a miss, not a wrong answer).
"""

from __future__ import annotations

import datetime as _dt
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "CommentTally",
    "Counts",
    "MetaTally",
    "SnippetResult",
    "WordScore",
    "WordTally",
    "authors_match",
    "contains",
    "date_matches",
    "decode_page",
    "has_gold",
    "has_gold_text",
    "median",
    "normalize_ws",
    "parse_gold_date",
    "safe_ratio",
    "score_comments",
    "score_snippets",
    "snippets_present",
    "split_gold_authors",
    "title_matches",
    "to_date",
    "visible_text",
    "word_prf",
    "word_tokens",
]

_WS = re.compile(r"\s+")
_CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9_-]{2,40})""", re.IGNORECASE)


def normalize_ws(text: str | None) -> str:
    """Collapse every run of whitespace (incl. non-breaking spaces) to one space; strip ends.

    ``None`` becomes ``""``.
    """
    if not text:
        return ""
    return _WS.sub(" ", text).strip()


def contains(haystack_normalized: str, snippet: str) -> bool:
    """True when the whitespace-normalised ``snippet`` is a substring of an already normalised text.

    An empty snippet is never "contained" (it would be a free true positive).
    """
    needle = normalize_ws(snippet)
    return bool(needle) and needle in haystack_normalized


def safe_ratio(numerator: float, denominator: float) -> float:
    """``numerator/denominator``, or 0.0 when the denominator is zero."""
    return numerator / denominator if denominator else 0.0


def median(values: Sequence[float]) -> float:
    """Median of ``values``; 0.0 for an empty sequence."""
    return float(statistics.median(values)) if values else 0.0


# -- body snippets ------------------------------------------------------------------------------


@dataclass
class Counts:
    """A confusion matrix over snippets, summed over pages (micro average)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        """Add another page's counts in place."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    @property
    def precision(self) -> float:
        """TP/(TP+FP)."""
        return safe_ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """TP/(TP+FN)."""
        return safe_ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, as 2·TP/(2·TP+FP+FN)."""
        return safe_ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def accuracy(self) -> float:
        """(TP+TN)/all snippets."""
        return safe_ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn)

    @property
    def n_with(self) -> int:
        """Number of ``with`` snippets scored."""
        return self.tp + self.fn

    @property
    def n_without(self) -> int:
        """Number of ``without`` snippets scored."""
        return self.fp + self.tn

    def to_dict(self) -> dict[str, float | int]:
        """Counts and derived scores, for JSON output."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "snippets_with": self.n_with,
            "snippets_without": self.n_without,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": self.accuracy,
        }


@dataclass
class SnippetResult:
    """One page scored for one engine: its counts and which snippets went wrong."""

    counts: Counts
    missed: list[str] = field(default_factory=list)
    """``with`` snippets not found (false negatives)."""
    leaked: list[str] = field(default_factory=list)
    """``without`` snippets found (false positives)."""


def score_snippets(text: str | None, with_: Iterable[str], without: Iterable[str]) -> SnippetResult:
    """Score one extracted text against a page's ``with``/``without`` snippets.

    ``None`` or an empty text scores as a text that contains nothing.
    """
    body = normalize_ws(text)
    counts = Counts()
    missed: list[str] = []
    leaked: list[str] = []
    for snippet in with_:
        if contains(body, snippet):
            counts.tp += 1
        else:
            counts.fn += 1
            missed.append(snippet)
    for snippet in without:
        if contains(body, snippet):
            counts.fp += 1
            leaked.append(snippet)
        else:
            counts.tn += 1
    return SnippetResult(counts=counts, missed=missed, leaked=leaked)


# -- word-level F1 (WCXB) -----------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def word_tokens(text: str | None) -> list[str]:
    """Lower-cased ``\\w+`` tokens (``re.findall(r"\\w+", text.lower())``): WCXB's unit of comparison."""
    return _WORD.findall(text.lower()) if text else []


@dataclass(frozen=True)
class WordScore:
    """Word-level precision, recall and F1 of one extracted text against one gold text."""

    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        """The three scores, for JSON output."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def word_prf(extracted: str | None, gold: str | None) -> WordScore:
    """WCXB's word-level score: the tokens of both texts (:func:`word_tokens`) as multisets;
    ``overlap`` = the size of their intersection; precision = overlap/|extracted|,
    recall = overlap/|gold|, F1 their harmonic mean. An empty extraction scores 0 on all three
    (a zero denominator gives 0). Pages whose gold has no token are left out by the caller
    (:func:`has_gold_text`): they would score 0 whatever the engine does.
    """
    got = Counter(word_tokens(extracted))
    want = Counter(word_tokens(gold))
    overlap = sum((got & want).values())
    precision = safe_ratio(overlap, sum(got.values()))
    recall = safe_ratio(overlap, sum(want.values()))
    return WordScore(precision, recall, safe_ratio(2 * precision * recall, precision + recall))


def has_gold_text(gold: str | None) -> bool:
    """True when a gold main text has at least one word token (WCXB has 21 null/empty ones)."""
    return bool(_WORD.search(gold or ""))


@dataclass
class WordTally:
    """Word-level scores averaged over pages (macro mean, as WCXB reports them)."""

    pages: int = 0
    precision_sum: float = 0.0
    recall_sum: float = 0.0
    f1_sum: float = 0.0

    def add(self, score: WordScore) -> None:
        """Record one page."""
        self.pages += 1
        self.precision_sum += score.precision
        self.recall_sum += score.recall
        self.f1_sum += score.f1

    def mean(self) -> WordScore | None:
        """The mean precision, recall and F1; ``None`` when no page was scored."""
        if not self.pages:
            return None
        n = self.pages
        return WordScore(self.precision_sum / n, self.recall_sum / n, self.f1_sum / n)

    def to_dict(self) -> dict[str, float | int | None]:
        """Page count and means, for JSON output."""
        m = self.mean()
        return {
            "pages": self.pages,
            "precision": m.precision if m else None,
            "recall": m.recall if m else None,
            "f1": m.f1 if m else None,
        }


# -- comments -----------------------------------------------------------------------------------


@dataclass
class CommentTally:
    """Comment snippets found in an engine's comment text and leaked into its body."""

    pages: int = 0
    total: int = 0
    found: int | None = 0
    """``None`` for an engine that does not separate comments (leak figures only)."""
    leaked: int = 0
    present: int = 0
    """Snippets whose text occurs in the saved page itself (the rest are loaded by JavaScript)."""
    found_present: int | None = 0
    leaked_present: int = 0

    @property
    def recall(self) -> float | None:
        """found/total, or ``None`` when the engine has no comment output."""
        return None if self.found is None else safe_ratio(self.found, self.total)

    @property
    def leak_rate(self) -> float:
        """leaked/total."""
        return safe_ratio(self.leaked, self.total)

    @property
    def recall_present(self) -> float | None:
        """found/present: recall over the snippets an extractor can see in the saved page."""
        return None if self.found_present is None else safe_ratio(self.found_present, self.present)

    @property
    def leak_rate_present(self) -> float:
        """leaked/present."""
        return safe_ratio(self.leaked_present, self.present)

    def to_dict(self) -> dict[str, float | int | None]:
        """Counts and rates, for JSON output."""
        return {
            "pages": self.pages,
            "snippets": self.total,
            "found": self.found,
            "recall": self.recall,
            "leaked": self.leaked,
            "leak_rate": self.leak_rate,
            "present": self.present,
            "found_present": self.found_present,
            "recall_present": self.recall_present,
            "leaked_present": self.leaked_present,
            "leak_rate_present": self.leak_rate_present,
        }


def score_comments(
    snippets: Sequence[str], comments_text: str | None, body_text: str | None
) -> tuple[list[str], list[str]]:
    """Return ``(found, leaked)``: the comment snippets contained in ``comments_text`` and those
    contained in ``body_text`` (whitespace-normalised substring match, as for the body)."""
    comments_n = normalize_ws(comments_text)
    body_n = normalize_ws(body_text)
    found = [s for s in snippets if contains(comments_n, s)]
    leaked = [s for s in snippets if contains(body_n, s)]
    return found, leaked


def decode_page(raw: bytes) -> str:
    """The saved page as ``str``: UTF-8, else the charset its first 4 KiB declare, else cp1252.

    Deliberately simple and engine-free: it only has to find out which comment snippets a page
    carries, and a snippet in a page that is neither UTF-8 nor declared is rare enough to miss.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(raw[:4096])
    if m:
        try:
            text = raw.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            text = ""
        if text:
            return text
    return raw.decode("cp1252", errors="replace")


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def visible_text(raw: bytes) -> str:
    """The text a reader of the saved page could see, whitespace-normalised.

    :func:`decode_page`, then parsed with ``lxml.html``; ``<script>`` and ``<style>`` elements are
    removed (their tails stay), and the rest is the root's ``text_content()`` (entities resolved,
    HTML comments and markup gone; ``<title>`` and ``<noscript>`` text stay), normalised with
    :func:`normalize_ws`. A comment snippet that is not in this text was loaded by JavaScript (or
    sits in a script's JSON), so no HTML extractor can find it: the comment table reports recall
    over these "present" snippets as well. A page lxml cannot parse gives ``""``.
    """
    import lxml.etree
    import lxml.html

    # lxml refuses C0 control characters and a str that declares its own encoding
    text = _XML_DECLARATION.sub("", _CONTROL_CHARS.sub("", decode_page(raw)), count=1)
    if not text.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    return normalize_ws(root.text_content())


def snippets_present(snippets: Sequence[str], page_normalized: str) -> list[str]:
    """The snippets that occur in the page's visible text (see :func:`visible_text`)."""
    return [s for s in snippets if contains(page_normalized, s)]


# -- metadata -----------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return normalize_ws(text).casefold()


def title_matches(gold: str, predicted: str | None) -> bool:
    """Exact match after whitespace normalisation and ``casefold``."""
    return predicted is not None and _fold(gold) == _fold(predicted) and bool(_fold(gold))


# "and" in the languages of the dev set; a separator only when it stands as a word.
_AUTHOR_SEP = re.compile(r"\s*(?:,|&|/|\s(?:and|und|et|y|e)\s)\s*", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.IGNORECASE)


def split_gold_authors(gold: str | Sequence[str] | None) -> list[str]:
    """The person names a gold ``author`` value stands for.

    The dev set stores ``author`` as a string (one name, or several) or, for four pages, as a
    list of names. Rules, decided from the data:

    * a list: each item is one name, kept whole (``"Michael L. Anderson, PhD"`` is one name);
    * a string containing ``;``: split on ``;`` only (``"Luana Patriolino; Raphael Felice"``);
    * otherwise split on ``,``, ``&``, ``/`` and a standalone "and"/"und"/"et"/"y"/"e"
      (``"Benjamin Fischer und Marcus Theurer"``, ``"CLARA LÖW, SIDDHARTH PRAKASH & KLAUS JACOB"``,
      ``"dpa/lno"``);
    * a leading "By"/"Von"/"Par"/"Por"/"Di"/"Door" is dropped from each name
      (``"Von Roland Brockmann und …"``), since it is byline chrome, not part of the name.

    Splitting can only make the check more lenient (each part of a name contained ⇐ the whole
    contained), and it is applied identically to every engine.
    """
    if not gold:
        return []
    if isinstance(gold, str):
        parts = gold.split(";") if ";" in gold else _AUTHOR_SEP.split(gold)
    else:
        parts = list(gold)
    names: list[str] = []
    for part in parts:
        name = _BY_PREFIX.sub("", normalize_ws(part))
        if name:
            names.append(name)
    return names


def authors_match(gold: str | Sequence[str] | None, predicted: Sequence[str] | str | None) -> bool:
    """True when every gold name is contained (casefolded, whitespace-normalised) in the
    predicted authors joined by ``"; "``. No gold names, or no prediction, is ``False``."""
    names = split_gold_authors(gold)
    if not names or not predicted:
        return False
    joined = predicted if isinstance(predicted, str) else "; ".join(predicted)
    haystack = _fold(joined)
    return bool(haystack) and all(_fold(name) in haystack for name in names)


_DATE_PARTS = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")


def parse_gold_date(gold: str | None) -> _dt.date | None:
    """Read a gold ``YYYY-MM-DD`` date; tolerates the dev set's ``2022-01.26``/``2022-11-1``.

    Two extraction-dev golds are written year-day-month (``2022-29-11``, ``2022-25-10``; their
    pages and URLs say 29 November and 25 October): where the middle number cannot be a month and
    the last can, that is the only reading. A gold without a day (``2015-11``) is no gold for a
    same-day score: ``None``, and the page is not counted (:func:`has_gold`).
    """
    if not gold:
        return None
    match = _DATE_PARTS.search(gold)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    if month > 12 >= day:
        month, day = day, month
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def has_gold(field: str, gold: object) -> bool:
    """Whether a page's gold value for ``field`` (``title``, ``author``, ``date``) can be scored:
    the one test of which pages a metadata figure counts, shared by every benchmark so that the
    same answers give the same figure (a gold date with no day, or names that split to nothing,
    would otherwise count as a miss in one benchmark and not at all in another)."""
    if field == "author":
        return bool(split_gold_authors(gold))  # type: ignore[arg-type]
    if field == "date":
        return parse_gold_date(gold) is not None  # type: ignore[arg-type]
    return bool(gold)


def to_date(value: _dt.date | _dt.datetime | str | None) -> _dt.date | None:
    """A calendar day from an engine's answer (``date``, ``datetime`` or an ISO-like string)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return parse_gold_date(str(value))


def date_matches(gold: str | None, predicted: _dt.date | _dt.datetime | str | None) -> bool:
    """Same calendar day as the gold date."""
    gold_day = parse_gold_date(gold)
    return gold_day is not None and to_date(predicted) == gold_day


@dataclass
class MetaTally:
    """Per-field tallies of one engine's metadata answers."""

    pages: int = 0
    correct: int = 0
    answered: int = 0
    """Pages where the engine gave a (non-empty) answer."""

    @property
    def wrong(self) -> int:
        """Answered but not matching."""
        return self.answered - self.correct

    @property
    def accuracy(self) -> float:
        """correct/pages."""
        return safe_ratio(self.correct, self.pages)

    def add(self, answered: bool, correct: bool) -> None:
        """Record one page."""
        self.pages += 1
        self.answered += int(answered)
        self.correct += int(correct)

    def to_dict(self) -> dict[str, float | int]:
        """Counts and accuracy, for JSON output."""
        return {
            "pages": self.pages,
            "correct": self.correct,
            "answered": self.answered,
            "wrong": self.wrong,
            "accuracy": self.accuracy,
        }
