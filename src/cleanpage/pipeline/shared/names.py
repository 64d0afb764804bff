"""Person names from author candidates — say nothing rather than something wrong.

Candidates come from JSON-LD, ``meta[name=author]``, ``rel=author`` links and byline elements.
Each is split into names ("A and B", "A, B & C"), stripped of a leading "By"/"Von"/"Par" (a whole
word, so "Byron" keeps its letters), and kept only when it looks like a person's name: a few
capitalised words, no digits, no URL, not an agency (those are attribution), not interface text.
"""

from __future__ import annotations

import re

from cleanpage.pipeline.blocks import normalise_space, text_key
from cleanpage.rules import Rules

__all__ = ["clean_authors", "person_name"]

_NOT_NAME = re.compile(r"\d|https?:|www\.|@|\.(?:com|org|net|de)\b", re.IGNORECASE)
#: a one-word name or user handle: letters (any script), digits, "_", "-", "."
_HANDLE = re.compile(r"^(?=.*[^\W\d_])[^\W_][\w.\-]{1,29}$", re.UNICODE)
_DOMAIN = re.compile(r"\.[a-z]{2,6}$", re.IGNORECASE)
#: a role in brackets after a name; the whitespace run before it is read from its start only (linear)
_ROLE = re.compile(r"(?:(?<!\s)|(?=\S))\s*+\([^()]{2,60}\)")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ž\u0400-\u042F][\w'’.\-]*|[A-Z]\.)$", re.UNICODE)


def _led_word(word: str) -> bool:
    """A lone word after a byline lead that can be a name: capitalised ("Ulrike") or a user
    handle ("Bo2man", "Isabella.DiBiase"); a lower-case word is a word ("von dort")."""
    return len(word) >= 3 and (word[0].isupper() or any(c.isdigit() for c in word))


def _lead_text(text: str) -> str:
    """Whitespace normalised, soft hyphens ("Mat\xadthi\xadas") and leading rules ("---- by") removed."""
    return normalise_space(text.replace("\xad", "")).lstrip("-–—•· ")


def _undoubled(name: str) -> str:
    """A name written twice in a row (a mobile and a desktop copy read as one text):
    "Kristen Falc'honKristen Falc'hon", "Olivier Minot Olivier Minot"."""
    half, rest = divmod(len(name), 2)
    if len(name) >= 6:
        if rest == 0 and name[:half] == name[half:]:
            return name[:half]
        if rest == 1 and name[half] == " " and name[:half] == name[half + 1:]:
            return name[:half]
    return name


def person_name(
    text: str, rules: Rules, *, single_ok: bool = False, exclude: frozenset[str] = frozenset()
) -> str | None:
    """The name in one candidate fragment, or ``None`` if it is not a person's name.

    ``single_ok`` accepts a one-word name ("Heiko", a blog's user name): only for structured
    sources (``meta[name=author]``, JSON-LD, ``rel=author``), where the page says it is the
    author; a lone word in a byline element is too often a label. ``exclude`` holds
    :func:`~cleanpage.pipeline.blocks.text_key` keys of the site's own names (an organisation).
    """
    cues = rules.cues
    name = normalise_space(cues.lead.sub("", _lead_text(text))).strip(" ,:;-–—|·•()[]\"'")
    name = _undoubled(name)
    if name.endswith(".") and not re.search(r"(?:^|\s)\w{1,2}\.$|\b(?:Jr|Sr)\.$", name):
        name = name[:-1].rstrip()
    if not name or len(name) > 60:
        return None
    if rules.normalise(name) in rules.not_author_phrases or rules.agency_for(name) is not None:
        return None
    if cues.ui_text.search(name):
        return None  # "Sign In", "Full Bio", "GrahamTheDev Follow": a page control where bylines sit
    if exclude and text_key(name) in exclude:
        return None
    words = name.split()
    if len(words) == 1:
        if (single_ok and _HANDLE.match(name) and not name.isdigit() and not _DOMAIN.search(name)
                and not any(part in name.casefold() for part in cues.account_parts)):
            return name
        return None
    if _NOT_NAME.search(name) or len(words) > 5:
        return None
    particles = cues.name_particles  # "van", "de": lower-case words of a name
    if not all(_NAME_WORD.match(w) or w.lower() in particles for w in words):
        return None
    if any(rules.normalise(w) in rules.not_author_phrases for w in words if len(w) > 3):
        return None
    if any(w.casefold().endswith(cues.org_suffixes) and len(w) > 9 for w in words):
        return None  # "Deutscher Caritasverband", "IT Finanzmagazin": a German compound naming an organisation
    if any(w.casefold().strip(".,&()") in cues.org_words for w in words):
        return None  # "Northern Water Board", "Monitoring Division": one part of an organisation's name
    if words[0] in particles:
        return None  # "de São Paulo" after "Por Rafael Nogueira,": where the author writes from, not a name
    return name


def _job(part: str, jobs: frozenset[str]) -> bool:
    """A byline part naming a job ("Senior Director", "Managing Editor", "Redakteurin"): one of its
    words is in ``[bylines] job_words``."""
    return any(word.casefold().strip(".,:;()") in jobs for word in part.split())


def _handles_dropped(names: list[str]) -> list[str]:
    """Without a one-word handle that another name spells out ("devindra" beside "Devindra
    Hardawar", "jdoe" beside "Jane Doe" is left): the account and the person are one author."""
    spelled: set[str] = set()
    for full in (n.casefold().split() for n in names if " " in n):
        words = [_LETTERS.sub("", w) for w in full]
        spelled.update({"".join(words), words[0], words[-1], words[0][:1] + words[-1]})
    return [n for n in names if " " in n or _LETTERS.sub("", n.casefold()) not in spelled]


_LETTERS = re.compile(r"[\W\d_]+")


#: a word of a credential as written: letters with dots, a hyphen or a ®/™ mark ("Ph.D.", "PA-C", "CFP®")
_CREDENTIAL_WORD = re.compile(r"^[^\W\d_][\w.\-]{0,9}[®™]?$")
_MARKED = re.compile(r"[®™]$")


def _credential(part: str, known: frozenset[str], *, run: bool) -> bool:
    """A part of a byline that is degrees or licences ("Ph.D.", "MS", "M.D. FACLM", "CFP®"), not a
    name: every word written with a capital and either listed (``[names] credentials``) or in
    capitals; at least one listed or marked (®/™), unless it goes on a run that already had one
    ("MD, FOMA, DABOM"; one word: "JANE DOE, MD, JOHN ROE" names a second person). "CNN" or
    "Washington" after a comma is none."""
    words = part.split()
    if not 1 <= len(words) <= 3 or not all(_CREDENTIAL_WORD.match(w) and ".." not in w and not w.islower()
                                           for w in words):
        return False
    keys = [w.rstrip("®™").replace(".", "").casefold() for w in words]
    listed = [k in known or _MARKED.search(w) is not None for k, w in zip(keys, words, strict=True)]
    capitals = all(w.rstrip("®™").replace(".", "").replace("-", "").isupper() for w in words)
    return all(ok or w.replace(".", "").isupper() for ok, w in zip(listed, words, strict=True)) and (
        any(listed) or (run and capitals and len(words) == 1))


def _without_credentials(parts: list[str], known: frozenset[str]) -> list[str]:
    """The parts of a byline split at its joins, without the degrees and licences written after a
    name ("Jillian Kubala, MS, RD" is one person, "Jillian Kubala"): they are never taken for names
    of their own, and left out of the name (keeping them as written moved `fit` pages only)."""
    out: list[str] = []
    run = False  # the part before was a credential: a lone word in capitals goes on the run
    for part in parts:
        run = bool(out) and _credential(part.strip(), known, run=run)
        if not run:
            out.append(part)
    return out


def clean_authors(
    candidates: list[str], rules: Rules, *, single_ok: bool = False, exclude: frozenset[str] = frozenset(),
    led: bool = False,
) -> tuple[str, ...]:
    """Person names, in first-seen order, without duplicates (see :func:`person_name`).

    ``led``: the candidates are visible bylines, where a lone word counts as a name only after a
    lead word ("von Ulrike"); without one it is too often a label ("Lars" may be, "Redaktion" is not).
    """
    names: list[str] = []
    seen: set[str] = set()
    cues = rules.cues
    for candidate in candidates:
        if not candidate:
            continue
        # "Eberhard Fuhr (Pressesprecher des EJW)": a role in brackets is not part of the name
        plain = _ROLE.sub(" ", _lead_text(candidate))
        text = cues.lead.sub("", plain)
        has_lead = len(text) < len(plain)
        # "Von Isabella.DiBiase am Samstag, 19. Oktober 2019 um 11:14 Uhr": the date is not the name
        text = cues.date_tail.split(text, maxsplit=1)[0]
        # "A und B", "A, B & C", "A im Gespräch mit B" (an interview's two people)
        parts = [p for p in cues.name_split.split(text) if p]
        if parts and led:
            # "VON Sina Giebel IN Fashion": the first name goes on with its category
            parts[0] = cues.category_tail.split(parts[0], maxsplit=1)[0]
        # a lone word is a name only when it is the whole statement ("Heiko"), not a piece of
        # "Frankfurt, Germany" or "Jobs & Hire"; a byline's lead word ("von Ulrike", "Author:
        # Bo2man") says the word after it is one
        single = (single_ok or (led and has_lead and _led_word(text.strip()))) and len(parts) == 1
        named = after_job = False
        for part in _without_credentials(parts, cues.credentials):
            # a part after a name that holds a job word is its role ("Rex Du, Ph.D. Director, Advanced
            # Analytics"), and what follows a role is its department, unless it opens with a given name:
            # "Simon Head" and "Thomas Sprecher" are people, and so is "John Roe" in "Jane Doe, Senior
            # Reporter, and John Roe"
            given = (part.split() or [""])[0].casefold() in cues.given_names
            if named and not given and (after_job or _job(part, cues.job_words)):
                after_job = True
                continue
            name = person_name(part, rules, single_ok=single, exclude=exclude)
            named = named or name is not None
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        if len(names) >= 8:
            break
    return tuple(_handles_dropped(names))
