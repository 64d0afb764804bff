"""The title: a headline element another source agrees with; else the structured titles; else the
cleaned ``<title>``.
"""

from __future__ import annotations

import re

from cleanpage.pipeline.blocks import normalise_space, text_key

from .site import _is_site, strip_site_suffix

#: a loading placeholder ("Loading…"): one word and an ellipsis is never a headline
_PLACEHOLDER = re.compile(r"^\W*\w+\s*(?:…|\.\.\.)\W*$")


#: the separators between a title's parts ("Post – Site", "Site | Section", "Site » Feed"; a CJK
#: title's fullwidth bar, "标题｜新华网", is a pipe as :data:`.site._SUFFIX_CJK` reads it)
_TITLE_PARTS = re.compile(r"(?:(?<!\s)|(?=\S))(?:\s++[-–—|·:»«]\s++|\s*+[|｜»«]\s*+)")

#: a spaced slash: the separator of a title that has no other ("Topic / Board / Forum", as
#: :data:`.site._SUFFIX` reads it); an unspaced one is no separator ("AC/DC", "24/7")
_SLASH_PARTS = re.compile(r"(?:(?<!\s)|(?=\S))\s++/\s++")


def title_parts(title: str) -> re.Pattern[str]:
    """The separator pattern a title is cut with: :data:`_TITLE_PARTS`, or the spaced slash where the
    title has no other separator. Where a dash or a bar cuts the title, a slash joins the words of
    one piece ("Either / Or: a review – Film Club", "Kyiv / Kiev: what is in a name | The Paper")."""
    return _SLASH_PARTS if "/" in title and _TITLE_PARTS.search(title) is None else _TITLE_PARTS


#: characters that show nothing: direction marks and embeddings (a right-to-left site's "\u202aName\u202c"),
#: zero-width spaces, the word joiner, a byte-order mark. The joiners (U+200C, U+200D) stay: they change how
#: Persian, Indic scripts and emoji are written; so does a soft hyphen, a break the text itself offers.
_UNSHOWN = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def shown(text: str | None) -> str | None:
    """A title source's value without the characters that show nothing (a title is compared and
    read as what it shows)."""
    return _UNSHOWN.sub("", text) if text and _UNSHOWN.search(text) else text


#: markup shown as text (a theme bug): never a headline
_MARKUP = re.compile(r"<[a-z][a-z0-9]*[\s>]|</[a-z]+>", re.IGNORECASE)


def named_whole(deck: str, h1s: list[str], stated: list[str | None], sites: frozenset[str]) -> bool:
    """The h1 that ``deck`` was cut from is a name stated whole, not a kicker over a headline: a
    structured title (as written, or without the site's name) is exactly that h1, and nothing but
    a space joins its first element to the rest ("<span>Focusrite</span> <span>Scarlett 4i4</span>",
    a brand; "Category:Programming languages", a namespace). A kicker line keeps its separator
    ("Klimaschutz: Bohren, bis es heiß wird") and stays apart even where a title states it whole."""
    whole = {" ".join(t.split()).casefold() for t in stated if t}
    whole |= {" ".join(strip_site_suffix(t, [], sites).split()).casefold() for t in stated if t}
    deck = normalise_space(deck)
    for h1 in h1s:
        h1 = normalise_space(h1)
        if h1.casefold() not in whole or len(h1) <= len(deck) or not h1.endswith(deck):
            continue
        joined = h1[: len(h1) - len(deck)]
        kicker = joined.rstrip()
        if kicker and (joined == kicker or kicker[-1].isalnum()):
            return True
    return False


def _untruncate(title: str, others: list[str | None]) -> str:
    """A title cut short with an ellipsis ("… este sábad...") gives way to a source that states it whole."""
    stem = title.rstrip()
    if not stem.endswith(("...", "…")):
        return title
    stem = stem.rstrip(".…").rstrip()
    key = text_key(stem)
    for other in others:
        if other and other is not title and len(other) > len(stem) and key and text_key(other).startswith(key):
            return other
    return title


_CSS = re.compile(r"[{};]\s*[a-z-]+\s*:|\{[^{}:]*+:")  # each "{" reads to the next brace or colon


_WORD = re.compile(r"[^\W\d_]{4,}")


def _words(text: str) -> set[str]:
    """Words of four letters or more, casefolded (a URL's slug words included)."""
    return {w.casefold() for w in _WORD.findall(text)}


def _choose_title(ld: str | None, og: str | None, page: str | None, headlines: list[str], h1s: list[str],
                  sites: frozenset[str] = frozenset(), decked: list[str] | None = None,
                  url: str | None = None) -> str | None:
    """A headline element that another source agrees with; else structured titles; else the
    cleaned ``<title>``. The site's own name (a blog's h1) is never the title."""
    ld, og, page = (None if t is None or _PLACEHOLDER.match(t) or _MARKUP.search(t) else t for t in (ld, og, page))
    ld, og, page = (_untruncate(t, [ld, og, page, *h1s]) if t else t for t in (ld, og, page))
    others = [t for t in (ld, og, page) if t]
    # an h1's headline without its kicker is tried first: the kicker is not part of the title
    heads = [h for h in [*(decked or []), *headlines, *h1s] if not _is_site(h, sites, loose=False) and not _MARKUP.search(h)]
    for head in heads:
        key = text_key(head)
        if key and any(key == text_key(o) or (len(key) > 10 and key in text_key(o)) for o in others):
            return strip_site_suffix(head, [], sites, pipe_rule=False)
    lone = [h for h in h1s if not _is_site(h, sites, loose=False) and not _MARKUP.search(h)]
    stated = [text_key(strip_site_suffix(o, [], sites)) for o in others]
    # (unless the h1 is a structured title with more around it: "Headline: <title>", "<title> 02.02.2022")
    # and it must share a word with them or with the URL: "Log In" is a form's heading, not the page's
    if (len(h1s) == 1 and lone and len(lone[0].split()) >= 2 and len(lone[0]) <= 200
            and not _CSS.search(lone[0])
            and not any(len(k) >= 10 and k in text_key(lone[0]) for k in stated)
            and _words(lone[0]) & _words(" ".join([*others, url or ""]))):
        # the page's one headline, where the structured titles say something else (an SEO title)
        return lone[0]
    for candidate in (ld, og):
        if candidate and not _is_site(candidate, sites, loose=False):
            return strip_site_suffix(candidate, [c for c in others if c is not candidate] + heads, sites)
    if page and not _is_site(page, sites, loose=False):
        return strip_site_suffix(page, heads, sites)
    if heads:
        return heads[0]
    # only the site's name is stated: it is still the page's title (a home or section page)
    return next((strip_site_suffix(t, h1s) for t in (ld, og, page) if t), h1s[0] if h1s else None)
