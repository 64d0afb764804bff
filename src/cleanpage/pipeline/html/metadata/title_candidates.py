"""Title candidates as rows: every value a source proposes for the title, with its evidence.

A value is proposed by one or more sources: the JSON-LD headline, ``og:title``/``twitter:title``,
the ``<title>``, each ``h1``, the headline elements, an h1's headline without its kicker, and the
structured titles cut at their separators ("Post – Site" gives "Post" and "Site") or stripped of
the site's name. Values that read the same (casefolded, whitespace normalised: what the
benchmark compares) are one candidate; its features say which sources propose it, how it relates
to the others (contained in the ``<title>``, shares words with the URL), its shape (length,
separators), whether it names the site, and whether the hand order (:func:`._choose_title`) would
pick it. The ranker (:mod:`cleanpage.models.ranker`) scores the candidates; the features are numbers only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from cleanpage.pipeline.blocks import normalise_space, text_key

from .site import _is_site, strip_site_suffix
from .title import _MARKUP, _PLACEHOLDER, _words, title_parts

#: every base source a title value can come from, in the order a tie is broken in
SOURCES = ("hand", "ld", "og", "page", "h1_first", "h1_other", "decked", "headline",
           "stripped", "part_first", "part_last", "part_mid")

#: the sources that state a title on their own (not derived by cutting another one)
_STATED = ("ld", "og", "page", "h1_first", "h1_other", "decked", "headline")

#: feature names, in the order of a row (the model file stores them and is checked against them)
FEATURES = (
    *(f"src_{s}" for s in SOURCES),
    "n_stated", "n_stated_ge2", "in_page_title", "in_og", "in_ld", "eq_h1_key", "prefix_of_page_title",
    "is_site", "is_site_loose", "log_chars", "one_word", "many_words", "has_separator", "url_overlap",
    "no_h1", "many_h1", "url_section",
    # pairs a linear score cannot build from the single flags
    "h1_in_page_title", "h1_in_og", "hand_h1", "hand_stripped", "first_part_stripped", "h1_no_structured",
    "lone_h1",
    # a piece of a structured title that no other source states: where it sits, what is cut off with it
    "part_only", "part_only_first", "part_only_last", "part_by_pipe", "part_beside_site",
    # the page type: an article's headline is its h1 more often than a shop's or a service's
    "article", "article_part_only", "article_h1",
    # the first h1 links to another page (a logo's link home, a teaser's): not this page's headline
    "h1_links_away",
    # the page also shows the value as a heading below the h1 (an h2-h4): a post's headline under a
    # site-name h1, a product's name in its box; a piece of the <title> no heading shows is the SEO title's
    "shown_subhead",
)


@dataclass(frozen=True, slots=True)
class TitleInputs:
    """What the title's sources state on one page (each already read by its own module)."""

    ld: str | None
    og: str | None
    page: str | None
    headlines: Sequence[str]
    h1s: Sequence[str]
    decked: Sequence[str]
    sites: frozenset[str]
    url: str | None
    hand: str | None
    #: the page calls itself an article: a publication date as data (not on a generic ``WebPage``) or an
    #: article ``og:type``
    article: bool = False
    #: the first ``h1`` holds a link to another page than this one (the home page, a teaser's story)
    h1_links_away: bool = False
    #: the page's first ``h2``–``h4`` headings, each as :func:`fold` keys it
    subheads: frozenset[str] = frozenset()


@dataclass(slots=True)
class TitleCandidate:
    """One title value and the sources that propose it (its row is :func:`title_row`)."""

    value: str
    sources: set[str] = field(default_factory=set)


def fold(text: str) -> str:
    """The benchmark's comparison key for a title: whitespace normalised, casefolded."""
    return " ".join(text.split()).casefold()


def _proposals(src: TitleInputs) -> list[tuple[str, str]]:
    """(source, value) pairs, in a fixed order: the hand order's pick first."""
    out: list[tuple[str, str]] = []
    if src.hand:
        out.append(("hand", src.hand))
    for name, value in (("ld", src.ld), ("og", src.og), ("page", src.page)):
        if value:
            out.append((name, value))
    out.extend(("h1_first" if i == 0 else "h1_other", h) for i, h in enumerate(src.h1s[:3]))
    out.extend(("decked", h) for h in src.decked[:2])
    out.extend(("headline", h) for h in src.headlines[:3])
    # (a headline that names the site, a blog's h1, is not the piece a title is cut to)
    heads = [h for h in (*src.decked, *src.headlines, *src.h1s) if not _is_site(h, src.sites)]
    for value in (src.ld, src.og, src.page):
        if not value:
            continue
        out.append(("stripped", strip_site_suffix(value, heads, src.sites)))
        flat = normalise_space(value)
        parts = [p.strip() for p in title_parts(flat).split(flat) if p.strip()]
        if len(parts) > 1:
            out.extend(("part_first" if i == 0 else "part_last" if i == len(parts) - 1 else "part_mid", p)
                       for i, p in enumerate(parts[:6]))
    return out


#: the sources that only cut a structured title at a separator
_PARTS = frozenset({"part_first", "part_last", "part_mid"})


def title_candidates(src: TitleInputs) -> list[TitleCandidate]:
    """Every distinct title value the page's sources propose, first-proposed first.

    Hard constraints, kept outside the ranker: a loading placeholder or markup shown as text is
    never a title; a piece of a title cut at a separator that no other source states is a
    candidate only where the page's titles are built to be cut (:func:`_seo_shaped`: a dash also
    joins the halves of a real headline, "Würde des Lebens – ein Projekt"); and an h1's kicker is
    not part of the title (where the h1 sets it apart, a value that is the kicker and the headline
    is no candidate)."""
    found: dict[str, TitleCandidate] = {}
    decked = [k for k in (text_key(d) for d in src.decked) if k]
    for source, value in _proposals(src):
        value = normalise_space(value)
        key = fold(value)
        if key and not _PLACEHOLDER.match(value) and not _MARKUP.search(value) and not _kicked(value, decked):
            found.setdefault(key, TitleCandidate(value)).sources.add(source)
    seo = _seo_shaped(src)
    return [c for c in found.values() if seo or not c.sources <= _PARTS]


def _seo_shaped(src: TitleInputs) -> bool:
    """A structured title built to be cut: a pipe in it, two separators or more ("Post - Section -
    Site"), or a lone "A – B" whose piece is the page's first h1 ("Post – Site" over an h1 "Post").
    Any other lone "A – B" may be one sentence with a dash ("Why the sky is blue – a physicist
    explains"), whatever the h1 says (a section's label, the site's name), and a pair of guillemets
    is a quotation: neither is cut on a guess."""
    h1 = {fold(h) for h in src.h1s[:1]}
    for title in (src.ld, src.og, src.page):
        if not title:
            continue
        flat = normalise_space(title)
        seps = title_parts(flat).findall(flat)
        if "«" in title and "»" in title:
            seps = [s for s in seps if s.strip() not in ("«", "»")]  # a quote: « bonjour »
        pieces = {fold(p) for p in title_parts(flat).split(flat) if p.strip()}
        if any(map(_is_pipe, seps)) or len(seps) >= 2 or (seps and h1 & pieces):
            return True
    return False


def _is_pipe(separator: str) -> bool:
    """A separator that is a bar, ASCII or fullwidth (a CJK title's "｜")."""
    return "|" in separator or "｜" in separator


def _url_section(value: str, url: str | None) -> bool:
    """Every word of ``value`` is in a folder of the URL's path and none in its last segment that has
    words (the page's own name): "Politics" on "/politics/story-12345" is the section's label, not
    the article's title; on "/politics/" it is the page's own name."""
    own = _words(value)
    segments = [w for w in (_words(s) for s in urlsplit(url or "").path.split("/")) if w]
    if not own or len(segments) < 2:
        return False
    folders = set().union(*segments[:-1])
    return own <= folders and not own & segments[-1]


def _kicked(value: str, decked: list[str]) -> bool:
    """``value`` is a decked headline with more before it (its kicker)."""
    key = text_key(value)
    return any(key != d and key.endswith(d) for d in decked)


def title_row(cand: TitleCandidate, src: TitleInputs) -> list[float]:
    """The candidate's features, in :data:`FEATURES` order."""
    key = text_key(cand.value)
    stated = sum(s in cand.sources for s in _STATED)
    page_key = text_key(src.page or "")
    url_words = _words(src.url or "")
    own_words = _words(cand.value)
    n_words = len(cand.value.split())
    return [
        *(float(s in cand.sources) for s in SOURCES),
        float(stated), float(stated >= 2),
        float(bool(key) and key in page_key), float(bool(key) and key in text_key(src.og or "")),
        float(bool(key) and key in text_key(src.ld or "")),
        float(any(key == text_key(h) for h in src.h1s)),
        float(bool(key) and page_key.startswith(key)),
        float(_is_site(cand.value, src.sites, loose=False)), float(_is_site(cand.value, src.sites)),
        math.log1p(len(cand.value)) / 5.0, float(n_words == 1), float(n_words > 20),
        float(title_parts(cand.value).search(cand.value) is not None),
        len(own_words & url_words) / len(own_words) if own_words else 0.0,
        float(not src.h1s), float(len(src.h1s) > 1), float(_url_section(cand.value, src.url)),
        *_pairs(cand.sources, key, page_key, text_key(src.og or ""), not (src.ld or src.og)),
        float("h1_first" in cand.sources and len(src.h1s) == 1),
        *_part_features(cand, src),
        float(src.article), float(src.article and cand.sources <= _PARTS), float(src.article and _named_h1(cand, src)),
        float(src.h1_links_away and "h1_first" in cand.sources),
        float(fold(cand.value) in src.subheads),
    ]


def _named_h1(cand: TitleCandidate, src: TitleInputs) -> bool:
    """The first h1, sharing a word with a structured title: an article's headline, not a one-word
    section label ("International") over a title that og:title and ``<title>`` agree on."""
    structured = " ".join(t for t in (src.ld, src.og, src.page) if t)
    return "h1_first" in cand.sources and bool(_words(cand.value) & _words(structured))


def _part_features(cand: TitleCandidate, src: TitleInputs) -> list[float]:
    """A value only cutting a structured title proposes: whether it is the first or the last piece,
    whether a pipe sets it apart ("Service | Tagline | Brand"), whether another piece names the site."""
    only = cand.sources <= _PARTS
    by_pipe = beside_site = False
    key = fold(cand.value)  # candidates are merged by this key: "Post" and "POST" are one
    for title in (src.ld, src.og, src.page):
        flat = normalise_space(title or "")
        pieces, seps = title_parts(flat).split(flat), title_parts(flat).findall(flat)
        for i, piece in enumerate(pieces):
            if len(pieces) < 2 or fold(piece) != key:
                continue
            by_pipe = by_pipe or any(_is_pipe(seps[k]) for k in (i - 1, i) if 0 <= k < len(seps))
            beside_site = beside_site or any(_is_site(p, src.sites) for p in pieces if fold(p) != key)
    return [float(only), float(only and "part_first" in cand.sources), float(only and "part_last" in cand.sources),
            float(by_pipe), float(beside_site)]


def _pairs(sources: set[str], key: str, page_key: str, og_key: str, unstructured: bool) -> list[float]:
    """Source flags taken together: an h1 the ``<title>`` (or og:title) contains, the hand order's pick
    as an h1 or as a stripped title, a title's first part that is also its stripped form, the h1 on a
    page with no structured title."""
    h1 = "h1_first" in sources
    return [
        float(h1 and bool(key) and key in page_key), float(h1 and bool(key) and key in og_key),
        float("hand" in sources and h1), float("hand" in sources and "stripped" in sources),
        float("part_first" in sources and "stripped" in sources), float(h1 and unstructured),
    ]
