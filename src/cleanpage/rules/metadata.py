"""Cue words of page metadata (``metadata.toml``): bylines, dates and names, and their compiler.

The table holds lists of lower-case words in many languages; the compiler validates them and
builds the patterns the metadata readers (:mod:`cleanpage.pipeline.html.metadata`,
:mod:`cleanpage.pipeline.text.metadata`, :mod:`cleanpage.pipeline.shared.names`) use, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .markup import MarkupCues, compile_markup
from .schema import RulesError, _alt, _compile, _keys, _literal_alt, _table, _tokens, _trie_alt, _words

__all__ = ["MetadataCues", "compile_metadata", "section_key"]


# eq=False: compared and hashed by identity (one value per loaded table; readers memoise on it).
@dataclass(frozen=True, slots=True, eq=False)
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
    * ``changed``: a date line about the last change ("Aktualisiert am 3.5.2024");
    * ``clock_text``: a time of day with its word inside a meta line ("13:10 Uhr");
    * ``relative``: a relative date ("3 days ago", "vor 3 Tagen");
    * ``not_title``: a line of a text dump that is never its title (a byline, a dated line).

    ``markup`` holds where an HTML page keeps its metadata (class/id words, ``<meta>`` names).
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
    #: words that make a name an organisation's ("board", "division", "inc"), casefolded
    org_words: frozenset[str]
    #: parts of a CMS account's one-word handle ("admin" in "wordpressadmin")
    account_parts: tuple[str, ...]
    #: a page control's words as whole words ("Sign In", "Follow", "Privacy Policy"): no author's name
    ui_text: re.Pattern[str]
    #: words of a job title ("director", "redakteurin"), casefolded: a byline part holding one is a role
    job_words: frozenset[str]
    #: each byline lead's languages ("door": nl): elsewhere the word is an ordinary one
    lead_languages: dict[str, frozenset[str]]
    #: words opening a shop's maker line ("From Apple", "Visit the … Store"), lower case
    source_leads: frozenset[str]
    #: a topic, category or tag page's path or query word in a link ("/topics/health", "?content_topic=9")
    topic_path: re.Pattern[str]
    #: common given names (lower case): evidence that a site's name is its owner's
    given_names: frozenset[str]
    #: academic titles opening a name ("Dr. ", "Prof. Dr. ", "Dr.-Ing. "), to read over
    name_titles: re.Pattern[str]
    #: degrees and licences written after a name ("Ph.D.", "MD", "CFP"): lower case, no dots or marks
    credentials: frozenset[str]
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
    #: words after a time of day in a meta line ([dates] time_words) and the pattern of such a time
    time_words: tuple[str, ...]
    clock_text: re.Pattern[str]
    #: the words of a relative date after its number and unit, and before its number ([dates])
    relative_after: tuple[str, ...]
    relative_before: tuple[str, ...]
    relative: re.Pattern[str]
    #: the leads of a text dump's lines that are never its title ([titles] non_title_leads), and
    #: the pattern of such a line (a lead, a year near the end, a clock time)
    non_title_leads: tuple[str, ...]
    not_title: re.Pattern[str]
    #: the generic headings of a page's sections ([titles] section_labels), as :func:`section_key`
    #: keys them: a structured title saying only this is no title beside a headline of the page's own
    section_labels: frozenset[str]
    #: every word a line that only dates the page may hold besides its date and month/day names
    #: ([dates] line_words, leads, line_verbs, line_prepositions, time_words, clock_words, the
    #: publication labels' words): :func:`cleanpage.pipeline.shared.dates.is_date_line`
    date_line_words: frozenset[str]
    #: a written date standing alone ("14. Februar 2012", "March 3, 2021", "5 de marzo de 2024"), matched
    #: from a text's start, and a date anywhere in a short line (numeric or written); both read the words
    #: between a day, its month and its year ([dates] month_joins)
    written_alone: re.Pattern[str]
    date_in_line: re.Pattern[str]
    #: the words joining a role and a photo word ("Text und Bilder:"), besides "&" and "+"
    photo_joins: tuple[str, ...]
    #: where an HTML page keeps its metadata ([markup], [head])
    markup: MarkupCues



# ---- the compiler ------------------------------------------------------------------------------

#: a capital letter in the scripts of the dev set: what a name after a label starts with
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"


#: the word lists of [bylines] (``lead_languages``, a table, is read on its own)
_BYLINE_KEYS = ("leads", "mid_leads", "line_leads", "verbs", "roles", "plural_roles", "desk_roles", "lead_only",
                "photo_words", "credit_words", "class_tokens", "author_paths", "end_leads", "name_joins",
                "interview_joins", "date_prepositions", "category_words", "name_particles", "org_suffixes",
                "org_words", "account_parts", "photo_joins", "ui_words", "source_leads", "class_not", "topic_paths",
                "job_words")
#: the word lists of [dates] read with the date lines (the rest are :func:`_extra`'s)
_DATE_KEYS = ("class_tokens", "publication_labels", "leads", "clock_words", "line_verbs", "line_prepositions",
              "change_stems")
_DATE_EXTRA_KEYS = ("time_words", "relative_after", "relative_before", "line_words", "month_joins", "date_units")


def compile_metadata(doc: dict[str, Any]) -> MetadataCues:
    """``metadata.toml`` (parsed) as :class:`MetadataCues`; a malformed entry is a :class:`RulesError`.

    Each table is validated and compiled by its own helper; the fields they return together are
    every field of :class:`MetadataCues` (a missing or extra one fails at load time).
    """
    where = "metadata.toml"
    _keys(doc, {"bylines", "dates", "names", "titles", "markup", "head"}, where)
    by = _table(doc, "bylines", where)
    dt = _table(doc, "dates", where)
    names = _name_fields(_table(doc, "names", where), f"{where} [names]")
    w = _byline_words(by, f"{where} [bylines]")
    d = _date_words(dt, f"{where} [dates]")
    return MetadataCues(
        **_byline_fields(by, w, where), **_date_fields(d, where), **names, **_extra_fields(doc, dt, d, where),
        markup=compile_markup(doc),
    )


def _name_fields(names: dict[str, Any], where: str) -> dict[str, Any]:
    """[names]: common given names, the academic titles read over before a name, and the degrees
    written after one."""
    _keys(names, {"given", "titles", "credentials"}, where)
    given = _words(names, "given", where)
    titles = _words(names, "titles", where)
    return {
        "given_names": frozenset(given),
        "credentials": frozenset(_words(names, "credentials", where)),
        "name_titles": _compile(rf"^\s*(?:{_alt(titles)}\.(?:-\w+\.?)?\s+)+", "metadata.toml titles", re.IGNORECASE),
    }


def _byline_words(by: dict[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    """[bylines]' word lists, validated: class/id words and author paths are tokens, and every
    lead of a narrower use (inside a text, opening a line, ending a dated line) is also a lead."""
    _keys(by, {*_BYLINE_KEYS, "lead_languages"}, where)
    w = {key: _words(by, key, where) for key in _BYLINE_KEYS}
    for key in ("class_tokens", "author_paths"):
        _tokens(w[key], f"{where} {key}")
    for key in ("mid_leads", "line_leads", "end_leads"):
        if not set(w[key]) <= set(w["leads"]):
            raise RulesError(f"{where}: every entry of {key} must also be a lead")
    return w


def _date_words(dt: dict[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    """[dates]' word lists read with the date lines, validated (class/id words are tokens)."""
    _keys(dt, {*_DATE_KEYS, *_DATE_EXTRA_KEYS}, where)
    d = {key: _words(dt, key, where) for key in _DATE_KEYS}
    _tokens(d["class_tokens"], f"{where} class_tokens")
    return d


def _compile_all(sources: dict[str, str], where: str) -> dict[str, re.Pattern[str]]:
    """Each named pattern source compiled case-insensitively, an error naming its field."""
    return {name: _compile(source, f"{where} {name}", re.IGNORECASE) for name, source in sources.items()}


def _byline_fields(by: dict[str, Any], w: dict[str, tuple[str, ...]], where: str) -> dict[str, Any]:
    """The fields built from [bylines]: its lists as written, its patterns, the class/id and path
    patterns of byline elements and author links, and the two-letter starts of every label."""
    lists = ("leads", "mid_leads", "line_leads", "verbs", "roles", "plural_roles", "desk_roles", "lead_only",
             "photo_words", "credit_words", "author_paths", "end_leads", "name_joins", "interview_joins",
             "date_prepositions", "category_words", "org_suffixes", "account_parts", "photo_joins")
    labels = (*w["leads"], *w["verbs"], *w["roles"], *w["plural_roles"], *w["desk_roles"])
    return {
        **{key: w[key] for key in lists},
        "byline_tokens": w["class_tokens"],
        "name_particles": frozenset(w["name_particles"]),
        "org_words": frozenset(w["org_words"]),
        "job_words": frozenset(w["job_words"]),
        "source_leads": frozenset(w["source_leads"]),
        "lead_languages": _lead_languages(by, w["leads"], f"{where} [bylines] lead_languages"),
        "author_path": _compile(rf"/{_alt(w['author_paths'])}/(?:[^/?#]*/)?([^/?#\d][^/?#]*?)(?:[-_.]\d+)?(?:\.html?)?/?(?:[?#]|$)",
                                f"{where} author_paths", re.IGNORECASE),
        # a token where none of class_not starts ("author" but not "authorized-dealer")
        "byline_class": _compile(f"(?!{'|'.join(map(re.escape, w['class_not']))})(?:{'|'.join(map(re.escape, w['class_tokens']))})",
                                 f"{where} byline tokens", 0),
        "topic_path": _compile(rf"[/?&](?:{_alt(w['topic_paths'])})(?:[/=]|$)", f"{where} topic_paths", re.IGNORECASE),
        "ui_text": _compile(rf"(?<!\w){_alt(w['ui_words'])}(?!\w)", f"{where} ui_words", re.IGNORECASE),
        "label_starts": frozenset(label[:2] for label in labels),
        **_compile_all({**_byline_sources(w), **_tail_sources(w)}, where),
    }


def _byline_sources(w: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The sources of the patterns that find a byline's label or lead (see :class:`MetadataCues`)."""
    verbs, leads, mids = _alt(w["verbs"]), _alt(w["leads"]), _alt(w["mid_leads"])
    roles, plural, desk = _alt(w["roles"]), _alt(w["plural_roles"]), _alt(w["desk_roles"])
    photo = _alt(w["photo_words"])
    any_role = _alt((*w["roles"], *w["plural_roles"]))
    photo_join = "|".join(map(re.escape, w["photo_joins"]))
    behind = "".join(rf"(?<!\b{re.escape(c)})" for c in w["credit_words"])
    return {
        "lead": (rf"^(?:{verbs}\s+)?(?:{any_role}(?:\s*(?:&|{photo_join}|\+)\s*{photo})?|{leads}|{_alt(w['lead_only'])})"
                 rf"\s*[:\-]?\s+|^{desk}\s*:\s*"),
        "label": rf"^\s*(?:(?:{verbs}\s+)?(?:{leads}|{any_role})\s*:?|{desk}\s*:)\s*$",
        "inline": rf"^[\s\-–—•]*(?:(?:{roles}|{desk})\s*:|{plural}\s*:?\s|(?:{verbs}\s+)?{mids}\s)\s*{_CAPITAL}",
        "mid_by": rf"{behind}\s{mids}\s+(?={_CAPITAL})",
        "mid_label": rf"(?:^|\s)(?:{any_role}|{desk})\s*:\s*",
        "written_by": rf"^(?:{verbs}\s+{leads}|{any_role})\b",
        "described_by": rf"^\s*(?:{verbs}\s+)?{mids}\s+(?={_CAPITAL})",
        "line_lead": rf"^{_alt(w['line_leads'])}\s+\S",
    }


def _tail_sources(w: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The sources of the patterns that read on after a byline's first name: the name at a dated
    line's end, the joins between names, a date or a category after the name."""
    return {
        "posted_by": rf"\s{_alt(w['end_leads'])}\s+(\S.{{0,60}})$",
        # the joins between names: punctuation, an interview's joins, then the one-word joins (an
        # interview's join can open with one: "en conversation avec" must not split at "en")
        "name_split": rf"\s*(?:,|;|\||/|&|\b{_alt(w['interview_joins'])}\b|\b{_alt(w['name_joins'])}\b)\s*",
        # a byline's date after the name: a preposition before a date, or the date itself ("22 de Abril
        # de 2022", "3.5.2021", "March 3, 2021")
        "date_tail": (rf"\s{_alt(w['date_prepositions'])}\s+(?=\d|[^\W\d_]+,?\s+\d)"
                      r"|\s+(?=\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?\s+(?:de\s+)?\d{4}"
                      r"|[^\W\d_]{3,}\.?\s+\d{1,2},?\s+\d{4})"),
        "category_tail": rf"\s{_alt(w['category_words'])}\s+(?=[^\W\d_])",
    }


def _date_fields(d: dict[str, tuple[str, ...]], where: str) -> dict[str, Any]:
    """The fields built from [dates]' date-line words: the lists as written, the class/id pattern
    of date elements, the publication and change labels, a date line's lead and lone clock time,
    and a text dump's dated-line opening."""
    labels = d["publication_labels"]
    return {
        "date_tokens": d["class_tokens"], "publication_labels": labels, "date_leads": d["leads"],
        "clock_words": d["clock_words"], "line_verbs": d["line_verbs"],
        "line_prepositions": d["line_prepositions"], "change_stems": d["change_stems"],
        "date_class": _compile("|".join(map(re.escape, d["class_tokens"])), f"{where} date tokens", 0),
        # stems inside words and as written (one plain space): "Mis à jour", "Updated", "modifié"
        "changed": _compile("|".join(map(re.escape, d["change_stems"])), f"{where} change_stems", re.IGNORECASE),
        "publication": _compile(rf"(?<!\w){_alt(labels)}(?!\w)", f"{where} publication_labels", re.IGNORECASE),
        "publication_alone": _compile(rf"^\s*{_alt(labels)}(?:\s+\w{{1,3}})?\s*:?\s*$",
                                      f"{where} publication_labels", re.IGNORECASE),
        "publication_starts": frozenset(label[:2] for label in labels),
        **_compile_all({
            # a date line's lead within its first 40 characters, before a number or a word and a number
            "date_lead": rf"^.{{0,40}}?\b{_trie_alt(d['leads'])}\s*[:\-–|]?\s*(?=\d|[^\W\d_]+\s+\d)",
            "lone_clock": rf"\s*(\d{{1,2}}[:h]\d{{2}})(?:\s*{_alt(d['clock_words'])})?\s*$",
            "posted_on": rf"^{_alt(d['line_verbs'])}(?:\s+{_alt(d['line_prepositions'])})?\s*:?\s*",
        }, where),
    }


def _extra_fields(
    doc: dict[str, Any], dt: dict[str, Any], d: dict[str, tuple[str, ...]], where: str
) -> dict[str, Any]:
    """The fields of the time and relative-date words of [dates], of its date-line words and written-date
    patterns (``d``: its lists :func:`_date_words` read), and the non-title leads of [titles]."""
    time_words, after, before, non_title, labels = _extra(doc, dt)
    line_words = (*_words(dt, "line_words", f"{where} [dates]"), *time_words, *d["leads"], *d["line_verbs"],
                  *d["line_prepositions"], *d["clock_words"], *d["publication_labels"])
    return {
        "time_words": time_words,
        "clock_text": _compile(rf"(?<!\d)\d{{1,2}}[:.]\d{{2}}(?:\s*{_literal_alt(time_words)})?(?!\d)",
                               f"{where} time_words", re.IGNORECASE),
        "relative_after": after,
        "relative_before": before,
        # read from word starts only, each word once (the plain "\d+\s*\w+" retried every split of a
        # long digit run: cubic); the same matches as that form
        "relative": _compile(rf"(?<!\w)(?:[^\W\d]*+\d\w++|\w++(?<=\d)\s++\w++)\s++{_literal_alt(after)}\b"
                             rf"|\b{_literal_alt(before)}\s+\d+", f"{where} relative dates", re.IGNORECASE),
        "non_title_leads": non_title,
        "section_labels": frozenset(section_key(label) for label in labels),
        "date_line_words": frozenset(word for phrase in line_words for word in phrase.split()),
        **_written_dates(_words(dt, "month_joins", f"{where} [dates]"), _words(dt, "date_units", f"{where} [dates]"),
                         where),
        "not_title": _compile(rf"^{_literal_alt(non_title)}\b|\b(?:19|20)\d{{2}}\b.{{0,40}}$|\d{{1,2}}:\d{{2}}",
                              f"{where} non_title_leads", re.IGNORECASE),
    }


def _written_dates(joins: tuple[str, ...], units: tuple[str, ...], where: str) -> dict[str, re.Pattern[str]]:
    """The patterns of a written date alone and of a date inside a line; ``joins`` may stand between
    the day and the month and between the month and the year ("5 de marzo de 2024"); ``units`` are the
    year, month and day units of a date written year first ("2024年3月5日")."""
    if any(len(u) != 3 for u in units):
        raise RulesError(f"{where} date_units: each entry is three characters (year, month, day)")
    join = rf"(?:{_literal_alt(joins)}\s+)?"
    unit = [f"[{re.escape(''.join(u[k] for u in units))}]" for k in range(3)] if units else []
    unit_date = rf"|(?:19|20)\d{{2}}\s?{unit[0]}\s?\d{{1,2}}\s?{unit[1]}\s?\d{{1,2}}\s?{unit[2]}" if units else ""
    day_month = rf"\d{{1,2}}\.?\s+{join}[^\W\d_]{{3,}}\.?"  # "5. März", "5 de marzo"
    year = rf"{join}(?:19|20)\d{{2}}"  # "2024", "de 2024"
    return {
        "written_alone": _compile(
            rf"\s*(?:{day_month}|[^\W\d_]{{3,}}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+{year}\W*$",
            f"{where} month_joins", 0),
        "date_in_line": _compile(
            r"(?<![\d.])(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}"
            rf"|{day_month}\s+{year}"
            # a month name is read from its word's start (or the letter after a digit), once: linear
            r"|(?:(?<![^\W\d_])|(?<=[\d.][^\W\d_]))[^\W\d_]{3,}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
            rf"{year}{unit_date})(?!\d)", f"{where} month_joins", 0),
    }


def _lead_languages(by: dict[str, Any], leads: tuple[str, ...], where: str) -> dict[str, frozenset[str]]:
    """``lead_languages``: every lead once, with the language codes it is a byline word of."""
    table = by.get("lead_languages")
    if not isinstance(table, dict) or set(table) != set(leads):
        raise RulesError(f"{where}: a table giving every lead (and nothing else) its languages")
    out: dict[str, frozenset[str]] = {}
    for lead, codes in table.items():
        if not isinstance(codes, list) or not codes or not all(isinstance(c, str) and c.islower() for c in codes):
            raise RulesError(f"{where}: {lead!r} needs a list of lower-case language codes")
        out[lead] = frozenset(codes)
    return out


def _extra(doc: dict[str, Any], dt: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    """The time words and relative-date words of [dates] and the non-title leads of [titles]."""
    where = "metadata.toml"
    titles = _table(doc, "titles", where)
    _keys(titles, {"non_title_leads", "section_labels"}, f"{where} [titles]")
    return (_words(dt, "time_words", f"{where} [dates]"), _words(dt, "relative_after", f"{where} [dates]"),
            _words(dt, "relative_before", f"{where} [dates]"), _words(titles, "non_title_leads", f"{where} [titles]"),
            _words(titles, "section_labels", f"{where} [titles]"))


def section_key(text: str) -> str:
    """How a title is compared with the section labels: casefolded, spaces collapsed, without the
    punctuation around it ("Summary:", "— Contents —")."""
    return " ".join(text.split()).casefold().strip(" .:;,!?-–—|·•*#»«\"'()[]")
