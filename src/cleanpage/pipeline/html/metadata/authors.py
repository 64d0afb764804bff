"""Authors from byline positions and structured data: names read from byline texts, meta lines,
signatures and author links, completed or replaced where the page states a fuller name.
"""

from __future__ import annotations

import html
import itertools
import re

from lxml import etree

from cleanpage.pipeline.blocks import text_key
from cleanpage.pipeline.shared.dates import calendar_word
from cleanpage.pipeline.shared.names import _undoubled, clean_authors, person_name
from cleanpage.pipeline.shared.patterns import YEAR
from cleanpage.rules import Rules

from .places import _elsewhere, _letters
from .site import _HOST, _SUFFIX, _site_key
from .title import title_parts
from .visible import _SKIP_TAGS, _up_to_break


def _byline_names(bylines: list[str], rules: Rules, exclude: frozenset[str]) -> tuple[str, ...]:
    """Names from byline texts. A "by" inside a text ("Posted on September 21, 2020 by Adi Tzlil",
    "Erstellt von Andri Bryner") is read first: what follows it is the name, what precedes it a
    label; only when that gives nothing is the whole text read ("Richard von Weizsäcker")."""
    names: list[str] = []
    for text in bylines:
        if _PHONE.search(text) or _maker_line(text, rules):
            continue  # "United Kingdom 6 Gardner Place, Becketts Close, … +44-753-713-2163": an address
        parts = rules.cues.mid_by.split(text, maxsplit=1)
        found = clean_authors([parts[1]], rules, exclude=exclude) if len(parts) == 2 else ()
        found = found or clean_authors([text], rules, exclude=exclude, led=True)
        names.extend(n for n in found if n.casefold() not in {m.casefold() for m in names})
        if len(names) >= 8:
            break
    if len(names) >= 3 and _teaser_list(bylines):
        return ()
    return tuple(names)


#: a telephone number: an international prefix and digit groups ("+44-753-713-2163", "+1 (555) 010 9999")
_PHONE = re.compile(r"\+\d{1,3}[\s\-.]?\(?\d{2,4}\)?(?:[\s\-.]?\d{2,4}){2,}")


def _teaser_list(texts: list[str]) -> bool:
    """Three bylines or more, each with its own date ("Von A am 08.12.2022", "Von B am
    06.12.2022", …): a list of other articles' teasers, not the page's byline."""
    return len({text_key(t) for t in texts if YEAR.search(t)}) >= 3


_META_SEP = re.compile(r"(?:(?<!\s)|(?=\S))(?:\s++[-–—]\s|\s*+[|,·•/])\s*+")


_DESCRIPTION_END = re.compile(r"\s[-–—|:]\s|[.!?]\s|\n")


def _described_byline(meta: dict[str, str], rules: Rules, exclude: frozenset[str]) -> tuple[str, ...]:
    """The names of a byline the page's description opens with, up to its first dash or sentence end."""
    text = meta.get("description") or meta.get("og:description") or ""
    if not rules.cues.described_by.match(text):
        return ()
    line = _DESCRIPTION_END.split(text[:160], maxsplit=1)[0]
    return clean_authors([line], rules, exclude=exclude, led=True)


def _meta_line_names(texts: list[str], rules: Rules, exclude: frozenset[str]) -> tuple[str, ...]:
    """Names after a "by"/"von" inside the first short date lines ("Ein Artikel von Pamela Sladky |
    27.01.2022 - 12:45", "Posted on March 3, 2021 by Jane Doe"); what precedes it is a label."""
    for text in texts[:6]:
        if len(text) > 120:
            continue
        parts = rules.cues.mid_by.split(text, maxsplit=1)
        if len(parts) < 2:
            parts = rules.cues.mid_label.split(text, maxsplit=1)
        if len(parts) == 2:
            found = clean_authors([parts[1]], rules, exclude=exclude, led=True)
            if found:
                return found
    return ()


def _dated_name(texts: list[str], rules: Rules, exclude: frozenset[str], *, parted: bool = False) -> tuple[str, ...]:
    """The name in a meta line under the headline that gives the date first and the author
    after it: "11.12.2019 - Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg".
    Only what follows the date is read (a place comes before it: "Hamburg, 2. November 2021").
    ``parted``: a line from anywhere in the page counts only when a separator follows the date
    ("2020-04-26 Deutsche Sprache" is a date and a category)."""
    for text in texts[:12]:
        if len(text) > 100:
            continue
        match = rules.cues.date_in_line.search(text)
        if match is None:
            continue
        rest = rules.cues.clock_text.sub(" ", text[match.end():])
        if parted and not _META_SEP.match(rest):
            continue
        for piece in _META_SEP.split(rest):
            piece = piece.strip(" -–—:")
            if piece:
                name = person_name(piece, rules, exclude=exclude)
                return (name,) if name else ()
    return ()


#: a colon right after a line's first word ("by: Ziyi Xu"), read over to match a line lead
_LEAD_COLON = re.compile(r"^(\w+):")


def _led_under_headline(texts: list[str], rules: Rules, exclude: frozenset[str]) -> tuple[str, ...]:
    """The name a byline lead introduces in the lines right under the headline, whatever their
    markup: the lead alone in its element and the name in the next ("By" then "Natalie Nevares"),
    or a line that opens with the lead ("by: Ziyi Xu, Dec 17, 2025"), read up to a date or a
    separator. Only the first few lines count: further down a "By" is a quote's or a teaser's."""
    cues = rules.cues
    lines = [" ".join(t.split()) for t in texts[:6]]
    lines = [line for line in lines if line]
    led: list[str] = []
    for i, line in enumerate(lines):
        if cues.label.match(line) and i + 1 < len(lines):
            led.append(f"{line} {lines[i + 1]}")
        elif cues.line_lead.match(_LEAD_COLON.sub(r"\1", line, count=1)):
            led.append(line)
    if _teaser_list(led) or len({text_key(t) for t in led}) >= 3 or _filters(led, rules):
        return ()  # other articles' teasers ("Von A am 01.12.2022", …) or filters ("By Method", "By Product")
    for line in led:
        if len(line) > 100 or _lead_clause(line, rules):
            continue
        name = _META_SEP.split(cues.date_tail.split(line, maxsplit=1)[0], maxsplit=1)[0]
        found = clean_authors([name], rules, exclude=exclude, led=True)
        if found:
            return found
    return ()


#: paragraphs that may be a signature: set right, or holding one emphasised element and nothing else
_SIGNED = etree.XPath(
    "//body//p[@align='right' or contains(translate(@style, 'RIGHT', 'right'), 'right')"
    " or (count(*) = 1 and (strong or em or b or i) and normalize-space(text()) = '')]"
)


def _signature(root: etree._Element, rules: Rules, exclude: frozenset[str]) -> tuple[str, ...]:
    """The name that signs the article off, when nothing else names the author: the last
    paragraph that is only a person's name, set right or emphasised ("<p align='right'><em>Denis
    Clerc</em></p>", "<p><strong>Jane Doe</strong></p>" under the text). Its first word must be a
    common given name (``[names]``): a lone bold line is as often a place, a product or a heading.
    A page signed by several people (letters to the editor) has no one author.

    A signature closes a text: prose stands before it and none after it (footnotes aside), it is
    no caption (nothing but text before it), and the name is not the text's subject (it appears
    nowhere else in the body: an interview's guest, an obituary)."""
    names: list[str] = []
    closing = root
    for para in _SIGNED(root):
        right = para.get("align") == "right" or _RIGHT.search(para.get("style") or "") is not None
        emphasised = (len(para) == 1 and para[0].tag in ("strong", "em", "b", "i")
                      and not (para.text or "").strip())
        if not (right or emphasised):
            continue  # "margin-right: 10px" is not set right
        text = _up_to_break(para)  # "<strong>Jon Rego</strong><br><em>Clayton</em>": the name, not the town
        if not 2 <= len(text.split()) <= 3 or _elsewhere(para, rules.cues.markup):
            continue
        name = person_name(text, rules, exclude=exclude)
        if name is not None and name not in names:
            names.append(name)
            closing = para
    if len(names) != 1 or names[0].split()[0].casefold() not in rules.cues.given_names or not _closes_text(closing):
        return ()
    body = root.find("body")
    seen = body.text_content().count(names[0]) if body is not None else 0
    return (names[0],) if seen == 1 else ()


_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)


_FOOTNOTE = re.compile(r"^\s*(?:\(\d+\)|\[\d+\]|\d+[.)]|\*)")


def _closes_text(para: etree._Element) -> bool:
    """Prose before the paragraph and none after it in its container (footnotes may follow); the
    paragraph before it is no image (a caption)."""
    before = para.getprevious()
    if before is None or before.tag in ("figure", "img") or before.find(".//img") is not None:
        return False
    prose = False
    for sibling in itertools.islice(para.itersiblings(preceding=True), 6):
        if isinstance(sibling.tag, str) and len(sibling.text_content()) >= 80:
            prose = True
            break
    if not prose:
        return False
    for sibling in itertools.islice(para.itersiblings(), 12):
        if sibling.tag == "p":  # more of the text (tables and boxes after it are not)
            text = sibling.text_content()
            if len(text) >= 80 and not _FOOTNOTE.match(text):
                return False
    return True


def _initials(name: str) -> bool:
    """Two or three capitals standing for a name ("DT")."""
    return 2 <= len(name) <= 3 and name.isalpha() and name.isupper()


def _initials_of(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())


def _account(name: str) -> bool:
    """A user handle rather than a name as written: one word in lower case ("sarah-indra",
    "isabella.dibiase") or in capitals ("BBNTEAM")."""
    return " " not in name and len(name) >= 3 and (name.islower() or name.isupper())


def _first_names(candidates: list[str], rules: Rules, exclude: frozenset[str]) -> tuple[str, ...]:
    """The names of the first labelled byline that yields any (each one is read on its own: the
    page's first "By …" is the article's, later ones belong to quotes and teasers)."""
    if _teaser_list(candidates) or _filters(candidates, rules):
        return ()
    # "By Course or Type", "By Method", "By Product": a list of filters, where a lone word is no name;
    # in a list of three or more lines with the same lead ("by Mophie", "by Belkin", "by Wireless
    # Gear": a shop's makers) only the first line can be the page's byline
    led = len({text_key(c) for c in candidates}) < 3
    listed = not led and len({(c.split() or [""])[0].casefold() for c in candidates}) == 1
    for candidate in candidates:
        if _lead_clause(candidate, rules):
            continue
        names = clean_authors([candidate], rules, exclude=exclude, led=led)
        if names or listed:
            return names
    return ()


def _filters(candidates: list[str], rules: Rules) -> bool:
    """Two labelled lines or more, each a lead and one word ("By Type", "By Brand", repeated for
    the mobile menu): a list's sort or filter options, not a byline."""
    keys = {text_key(c) for c in candidates}
    return len(keys) >= 2 and all(len(rules.cues.lead.sub("", " ".join(c.split())).split()) == 1 for c in candidates)


def _lead_clause(text: str, rules: Rules) -> bool:
    """A lead that opens a clause, not a name: "By clicking Sign Me Up, you agree to our Terms of Use
    and Privacy Policy", "By signing up, you accept …" — the word after "By" is written lower case
    (a verb), is no name particle, and a sentence goes on after it, so the capitalised words further
    on are not the author (a lower-case handle alone, "by delta201", is one); nor one before a phrase
    (:func:`_phrase`: "Von Einheimischen, Gästen und ganz viel Kühen", a heading)."""
    plain = " ".join(text.split())
    rest = rules.cues.lead.sub("", plain)
    words = rest.split()
    return len(rest) < len(plain) and (
        (len(words) >= 5 and words[0][:1].islower() and words[0] not in rules.cues.name_particles)
        or _phrase(rest, rules))


def _without_site_part(value: str, sites: frozenset[str]) -> str:
    """An author meta that joins the site's name and the person's ("unocero - Alberto Ávila",
    "Alberto Ávila | unocero"): the part that is not the site."""
    parts = _SUFFIX.split(value)
    if len(parts) == 2:
        rest = [p for p in parts if _site_key(p) not in sites]
        if len(rest) == 1:
            return rest[0]
    return value


def _complete(authors: tuple[str, ...], candidates: list[str], rules: Rules,
              exclude: frozenset[str], root: etree._Element | None = None) -> tuple[str, ...]:
    """A one-word author ("Nils", from ``meta[name=author]``) replaced by the full name a visible
    byline gives for the same person ("Nils Pickert"): the byline name must start with it. Without
    such a byline, a short text of the page that writes the given name with a surname after it
    ("Eine Kolumne von Nils Pickert") completes it."""
    fuller = clean_authors(candidates, rules, exclude=exclude)
    out = []
    for name in authors:
        key = name.casefold()
        match = next((f for f in fuller if " " in f and f.split()[0].casefold() == key), None)
        # a user handle that is the byline's name run together ("arianschlichenmayer")
        flat = key.replace("-", "").replace("_", "").replace(".", "")
        match = match or next((f for f in fuller if " " in f and text_key(f) == flat), None)
        if match is None and root is not None and len(name) >= 3 and name.isalpha() and name[0].isupper():
            match = _surname_in_text(root, name, rules, exclude)
        out.append(match or name)
    return tuple(dict.fromkeys(out))


def _surname_in_text(root: etree._Element, given: str, rules: Rules, exclude: frozenset[str]) -> str | None:
    """The first "<given> <Surname>" in a short text node of the body (at most 400 nodes read)
    ("Eine Kolumne von Nils Pickert"). Two capitalised words that go on into a third are a proper
    noun's, not a name ("im Mac App Store" for an author "Mac" is not "Mac App")."""
    body = root.find("body")
    if body is None:
        return None
    pattern = re.compile(rf"(?<![\w-]){re.escape(given)}\s+([A-ZÀ-ÖØ-Þ][\w'’-]+)(?![\w'’-]|\s+[A-ZÀ-ÖØ-Þ])",
                         re.IGNORECASE)
    folded = given.casefold()
    for count, el in enumerate(body.iter()):
        if count > 4000:
            break
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        for text in (el.text, el.tail):
            if text and len(text) <= 200 and folded in text.casefold():
                m = pattern.search(text)
                if m:
                    found = person_name(m.group(0), rules, exclude=exclude)
                    if found:
                        return found
    return None


def _site_owner(title: str | None, meta: dict[str, str], root: etree._Element, url: str | None,
                rules: Rules, organisations: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The person a personal site is named after, when nothing else names the author: a person's
    name in the site's title, site name or feed title whose letters are those of a label of the
    site's own domain ("Gregory Szorc's Digital Home" on gregoryszorc.com, "Dr. Alexander Klier" on
    alexander-klier.net, a blog at alexanderlasch.wordpress.com). Such a site is one person's, and
    a name that only matches the domain cannot be a related link's or a commenter's.

    Organisations are named like that too ("Golf Post" on golfpost.example, "Tom Tailor" on
    tom-tailor.example), so: the name's first word must be a common given name (``metadata.toml``
    ``[names]``); the name must be a whole part of the title or site name ("… | Wolfgang Michal",
    "Dr. Alexander Klier") or possessive ("Gregory Szorc's Digital Home"), never the start of a
    longer name ("Anne Frank House", "Rosa Parks Museum"); it must not be an organisation the
    page's JSON-LD names (``organisations``); and a wiki is nobody's own site. The caller asks
    only on pages with a publication date (posts, not shops or home pages)."""
    match = _HOST.match(url or "")
    if match is None or "wiki" in meta.get("generator", "").lower():
        return ()
    labels = {_letters(label) for label in match.group(1).split(".")[:-1]}
    labels = {label for label in labels if len(label) >= 6}
    if not labels:
        return ()
    texts = [title or "", *(meta.get(key, "") for key in rules.cues.markup.site_name)]
    head = root.find("head")
    if head is not None:
        texts.extend(_SPACE_RUNS.sub(" ", str(link.get("title") or "")) for link in head.iter("link")
                     if (link.get("rel") or "").lower() == "alternate")
    for text in texts:
        for part in title_parts(text).split(text):
            words = rules.cues.name_titles.sub("", part).split()
            owned = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
            # the whole part, or the words up to a possessive ("Gregory Szorc's Digital Home")
            windows = [words] + [words[:i + 1] for i in owned]
            for window in windows:
                window = [w.removesuffix("'s").removesuffix("’s") for w in window]
                if (2 <= len(window) <= 3 and _letters("".join(window)) in labels
                        and window[0].casefold() in rules.cues.given_names
                        and _site_key(" ".join(window)) not in organisations):
                    name = person_name(" ".join(window), rules)
                    if name is not None:
                        return (name,)
    return ()


_SPACE_RUNS = re.compile(r"\s+")


#: a stated author that is a link, an address, markup shown as text or two parts joined by a
#: title separator ("Tech - Alberto Ávila": which part is the name is not known) is no author
_NOT_A_NAME = re.compile(r"https?:|www\.|@\S+\.|[<>{}|]|\s[-–—]\s")


def _stated_non_person(meta_author: str | None, organisations: frozenset[str], rules: Rules) -> tuple[str, ...]:
    """The ``meta`` author as the page writes it ("EcoCult Staff", "HR Cloud", a blog's handle,
    the shop's own name) when no byline, person or signature names one. It is kept out of the
    person sources because it is often the site's or a team's name, not a person's; but when the
    page names nobody else, it is who the page says wrote it. Never an organisation the JSON-LD
    types as one (``organisations``: site keys), nor a news agency (a credit, not an author)."""
    text = " ".join(html.unescape(meta_author or "").split())
    if (not text or len(text) > 60 or len(text.split()) > 6 or _NOT_A_NAME.search(text)
            or not any(ch.isalpha() for ch in text) or _site_key(text) in organisations
            or rules.find_agencies(text) or rules.cues.ui_text.search(text)):
        return ()
    return clean_authors([text], rules, single_ok=True) or (text,)


def _stated_organisation(stated: list[str], rules: Rules) -> tuple[str, ...]:
    """The first author the page states as data or marks up as one that is no person: the site's
    own name, a brand or a team ("Supermove", "WSET Global", a JSON-LD author typed as an
    organisation, ``rel=author`` text naming the company). Asked last, where no source names a
    person: the page then says the organisation wrote it. Never a news agency (a credit), a link
    or markup, nor two parts joined by a separator; a byline lead and a date after the name ("by
    whova | Apr 21, 2025") are read over."""
    for value in stated:
        text = rules.cues.lead.sub("", " ".join(html.unescape(value or "").split()))
        text = rules.cues.date_tail.split(text, maxsplit=1)[0].strip(" -–—:|·•,")
        if (text and len(text) <= 60 and len(text.split()) <= 6 and not _NOT_A_NAME.search(text)
                and any(ch.isalpha() for ch in text) and not rules.find_agencies(text)
                and rules.normalise(text) not in rules.not_author_phrases and not rules.cues.ui_text.search(text)
                and not rules.cues.date_in_line.search(text)):  # an itemprop=author holding "March 3, 2024"
            return (text,)
    return ()


def _shown_organisation(bylines: list[str], labelled: list[str], rules: Rules, lang: str | None = None) -> tuple[str, ...]:
    """The team or company a visible byline names when no source names a person: a labelled
    byline read up to a separator or a date ("By Workzone Team• 4 mins read", "WRITTEN BY NETGEAR
    Orbi Team"), else a byline element that holds the name and nothing else ("Podium Staff").
    Shown text is trusted less than data: a few capitalised words, no digit, the lead present on
    a labelled line ("by project", "By clicking Continue to join …", "Read more about The Upwork
    Team", "Von", "Photograph by Jeremy Holden" are none). A lead of another language than the
    page's ("Door Anchor for Resistance Bands" on an English page) and a lead before a phrase ("Von
    Einheimischen, Gästen und ganz viel Kühen", a heading) are no byline; of a list of byline
    elements (:func:`_listed`) only the first is read."""
    cues = rules.cues
    if _teaser_list(labelled) or _teaser_list(bylines):
        return ()  # "Von A am 08.12.2022", "Von B am 06.12.2022", …: other articles' teasers
    named: list[str] = []
    if _filters(labelled, rules):
        labelled = []  # "By Type", "By Brand": a list's filters
    for value in labelled[:3]:
        plain = " ".join(value.split())
        text = cues.lead.sub("", plain)
        if len(text) < len(plain) and _own_lead(plain, lang, rules) and not _phrase(text, rules):
            named.append(_META_SEP.split(cues.date_tail.split(text, maxsplit=1)[0], maxsplit=1)[0].strip(" -–—:|·•,"))
    if len({text_key(n) for n in named}) >= 3:
        return ()  # "By Course or Type", "By Method", "By Product": a list of filters
    languages = tuple(dict.fromkeys(("en", _language(lang) or "en")))
    for text in named:
        if _shown_name(text, rules, languages):
            return (text,)
    filed = _filed_under(bylines)
    for value in bylines[:1] if _listed(bylines) else bylines[:3]:
        text = _undoubled(" ".join(value.split()))
        if _shown_name(text, rules, languages) and text_key(text) not in filed:
            return (text,)
    return ()


def _listed(bylines: list[str]) -> bool:
    """Three byline texts or more, none a part of another (an element and its children are one
    byline): a list's names (reviews, testimonials, a forum's posts), where only the first can be
    the page's; "Eric Mulder Google review", the third, is a review's."""
    keys = {text_key(b) for b in bylines} - {""}
    return sum(not any(k != other and k in other for other in keys) for k in keys) >= 3


def _language(lang: str | None) -> str | None:
    """The language part of a page's language tag, lower case ("en-US" → "en")."""
    return (lang or "").replace("_", "-").split("-")[0].strip().lower() or None


def _own_lead(line: str, lang: str | None, rules: Rules) -> bool:
    """The lead opening ``line`` is a byline word of the page's language, or the page declares none:
    "door" is Dutch "by" but an English noun, "by" is English but a Danish noun (``lead_languages``).
    A line without a lead word (a role label: "Author: …") is its own."""
    page = _language(lang)
    words = line.split(maxsplit=1)
    first = words[0].casefold().rstrip(":") if words else ""
    codes = rules.cues.lead_languages.get(first)
    return page is None or codes is None or page in codes


def _phrase(text: str, rules: Rules) -> bool:
    """Two lower-case words in a row (name particles aside) before any date or separator: the lead
    opens a sentence or a heading ("Von Einheimischen, Gästen und ganz viel Kühen"), not a name ("By
    Workzone Team• 4 mins read" is one). What follows a name of two words or more and a comma is
    its role ("by Agatha Caleo, Candidate Representative to the Committee") and is not read, and so is
    what follows a name that opens with a given name ("By Jane Doe and the Associated Press", "Von
    Anna Schmidt und dem dpa-Team")."""
    head = _LINE_SEP.split(rules.cues.date_tail.split(text, maxsplit=1)[0], maxsplit=1)[0]
    first = head.split(",", 1)[0]
    words = (first if len(first.split()) >= 2 else head).split()
    if len(words) >= 2 and words[0].casefold() in rules.cues.given_names and words[1][:1].isupper():
        return False
    lower = [w[:1].islower() and w not in rules.cues.name_particles for w in words]
    return any(a and b for a, b in itertools.pairwise(lower))


#: the separators of a byline line but the comma (which also joins the parts of a phrase)
_LINE_SEP = re.compile(r"\s[-–—]\s|[|·•/]")


def _maker_line(text: str, rules: Rules) -> bool:
    """A shop's line naming a product's maker where bylines sit ("From Apple", "Visit the Apple
    Store", "Brand: Nikon"): its first word is one of ``source_leads``."""
    words = text.split(maxsplit=1)
    return bool(words) and words[0].casefold().rstrip(":") in rules.cues.source_leads


def _filed_under(bylines: list[str]) -> set[str]:
    """Keys of what a date line shows after its date and a separator ("March 20, 2023 | Wellness &
    Prevention"): the post's category, when the page shows it in an element of its own too."""
    filed: set[str] = set()
    for value in bylines:
        parts = _META_SEP.split(" ".join(value.split()))
        for before, after in itertools.pairwise(parts):
            if any(ch.isdigit() for ch in before):
                filed.add(text_key(after))
    return filed


#: brackets, a semicolon or an ellipsis: code shown as text ("Field()") or a cut list, not a byline's name
_CODE_OR_CUT = re.compile(r"[()\[\];]|\.\.\.|…")


def _shown_name(text: str, rules: Rules, languages: tuple[str, ...] = ("en",)) -> bool:
    """A few words, the first capitalised, no digit, not a label, stated as
    :func:`_stated_organisation` reads it. Lower-case words stay allowed ("The Currency editors",
    "Redacción fama"); page chrome ("Last updated", "Share this") is told by its words (``ui_words``),
    a day's or month's name ("Tuesday") by the calendar of ``languages``, a shop's maker line ("From
    Apple", "Visit the Apple Store") by its first word (``source_leads``)."""
    words = text.split()
    credit = any(w.casefold() in rules.cues.credit_words for w in words)  # "Photograph by Jeremy Holden"
    if not words or _maker_line(text, rules) or calendar_word(text, languages):
        return False
    return (1 <= len(words) <= 4 and not credit and len(text) >= 3 and text[0].isupper() and not any(ch.isdigit() for ch in text)
            and _CODE_OR_CUT.search(text) is None
            and cues_label(text, rules) is None and _stated_organisation([text], rules) == (text,))


def cues_label(text: str, rules: Rules) -> str | None:
    """``text`` when it is only a byline label ("Von", "Author", "Topic Author"), else ``None``."""
    return text if rules.cues.label.match(text) or text.casefold().split()[-1] in rules.cues.roles else None
