"""Person names from author candidates — say nothing rather than something wrong.

Candidates come from JSON-LD, ``meta[name=author]``, ``rel=author`` links and byline elements.
Each is split into names ("A and B", "A, B & C"), stripped of a leading "By"/"Von"/"Par" (a whole
word, so "Byron" keeps its letters), and kept only when it looks like a person's name: a few
capitalised words, no digits, no URL, not an agency (those are attribution), not interface text.
"""

from __future__ import annotations

import re

from cleanpage.blocks import normalise_space
from cleanpage.rules import Rules

__all__ = ["clean_authors", "person_name"]

_LEAD = re.compile(
    r"^(?:(?:posted|written|published|geschrieben|verfasst|publié|escrito|scritto)\s+)?"
    r"(?:by|von|par|por|di|da|door|av|af|przez|от|autor(?:in)?|author|auteur|texte|text|written by)\s*[:\-]?\s+",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|\bi\b)\s*", re.I)
_PARTICLES = frozenset("van von de da del der den di du la le bin ibn al el dos das ter zu y e".split())
_NOT_NAME = re.compile(r"\d|https?:|www\.|@|\.(?:com|org|net|de)\b", re.I)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ž\u0400-\u042F][\w'’.\-]*|[A-Z]\.)$", re.UNICODE)


def person_name(text: str, rules: Rules) -> str | None:
    """The name in one candidate fragment, or ``None`` if it is not a person's name."""
    name = normalise_space(_LEAD.sub("", normalise_space(text))).strip(" .,:;-–—|·•()[]\"'")
    if not name or len(name) > 60 or _NOT_NAME.search(name):
        return None
    if rules.normalise(name) in rules.not_author_phrases or rules.agency_for(name) is not None:
        return None
    words = name.split()
    if not 2 <= len(words) <= 5 and not (len(words) == 1 and len(name) >= 3 and name[0].isupper() and False):
        return None
    if not all(_NAME_WORD.match(w) or w.lower() in _PARTICLES for w in words):
        return None
    if any(rules.normalise(w) in rules.not_author_phrases for w in words if len(w) > 3):
        return None
    return name


def clean_authors(candidates: list[str], rules: Rules) -> tuple[str, ...]:
    """Person names, in first-seen order, without duplicates."""
    names: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        if not candidate:
            continue
        text = _LEAD.sub("", normalise_space(candidate))
        for part in _SPLIT.split(text):
            name = person_name(part, rules)
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        if len(names) >= 8:
            break
    return tuple(names)
