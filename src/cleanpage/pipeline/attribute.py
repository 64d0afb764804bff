"""Attribute: wire credits, contributor lines, bylines and agency copyrights as data.

Takes the labelled blocks (and an HTML page's byline texts); gives them with credit blocks
relabelled, and the :class:`Attribution` records in page order.

Credit patterns live in ``rules/agencies.toml`` and are anchored to credit *shapes* (a whole block,
or the start of the first paragraph for datelines), so "Reuters reported on Tuesday…" is prose,
not a credit. Standalone credit, contributor, byline and copyright blocks leave the body; a dateline
stays in its paragraph (the body is the page's own words) and is recorded beside it. A slideshow's
counter ("1 / 5") before the story leaves the body as gallery chrome, and a place-and-agency line in
any case ("Madrid (EFE)") is a credit only where it opens the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleanpage.pipeline.blocks import Label, Labelled, Reason
from cleanpage.pipeline.prose import is_prose
from cleanpage.pipeline.shared.dates import is_date_line
from cleanpage.result import Attribution, AttributionKind
from cleanpage.rules import CreditMatch, Rules

__all__ = ["attribute", "byline_agency"]

#: credit shapes that are a block of their own (a dateline opens a paragraph instead)
_STANDALONE = frozenset({AttributionKind.CREDIT, AttributionKind.CONTRIBUTOR, AttributionKind.COPYRIGHT,
                         AttributionKind.BYLINE})
_BYLINE = frozenset({AttributionKind.BYLINE})
_COPYRIGHT = frozenset({AttributionKind.COPYRIGHT})
_DATELINE = frozenset({AttributionKind.DATELINE})
#: credit shapes that are attribution even without an agency ("Reporting by Jane Doe")
_PERSONAL = frozenset({AttributionKind.CONTRIBUTOR, AttributionKind.BYLINE})


def byline_agency(text: str, rules: Rules) -> Attribution | None:
    """An agency byline element ("Von Anna Meier, dpa", "Par Jean Dupont (AFP)", "Agencia EFE").

    HTML pages mark bylines up (``.byline``, ``.author``): the element's own text is the
    attribution, even when the block around it also holds the date. A byline naming no agency is
    the author's name (metadata), not attribution.
    """
    hit = rules.match_credit(text, _BYLINE)
    if hit is not None and hit.agency is not None:
        names = credited_agencies(hit, rules)  # "Von Anna Meier, dpa/AFP" names both
        return Attribution(agency=names[0], agencies=names, text=text, kind=AttributionKind.BYLINE)
    agency = rules.agency_for(text)
    if agency is not None and agency.name != text or (agency is not None and len(text) > 3):
        # the whole element is the agency's name (an agency signs the story)
        return Attribution(agency=agency.name, text=text, kind=AttributionKind.BYLINE)
    return None


#: containers whose credits belong to other stories (teasers, sidebars, menus)
_SIDE_ROLES = frozenset({"aside", "complementary", "nav", "navigation", "menu", "comments"})
#: the credit shapes read in a block the block model dropped: a byline line there is the page's
#: byline element (read as such) or another story's
_DROPPED_CREDITS = (AttributionKind.CREDIT, AttributionKind.CONTRIBUTOR, AttributionKind.COPYRIGHT)
_COPYRIGHT_START = frozenset("©Cc(")
def _is_person_byline(text: str, bylines: frozenset[str], rules: Rules) -> bool:
    """A short "By Jane Doe" line, or the text of a byline element of the page."""
    if len(text) > 80:
        return False
    return text in bylines or (rules.cues.line_lead.match(text) is not None and len(text.split()) <= 6
                               and not text.rstrip().endswith((".", "!", "?")))


#: where a credit's own run of agencies ends: a bar or dot before its tail, a sentence's end
_CREDIT_TAIL = re.compile(r"[|·•]|[.!?]\s|。")


def credited_agencies(hit: CreditMatch, rules: Rules) -> tuple[str, ...]:
    """The agencies a credit names, its first agency first: a credit of several agencies
    ("Washington (dpa/AP) -", "dpa/AFP", "Con información de EFE y AFP") names each of them, and
    each supplied the story. Only the credit's own words from its first agency on are read, so a
    credit naming one agency names one, whatever the rest of its block says. The agencies read
    stop where the credit's words do: at a bar or dot separating its tail ("dpa | Foto: AFP",
    "Reuters · Updated …") or a sentence's end, since what follows is a picture's credit or a note."""
    if hit.agency is None:
        return ()
    m = hit.match
    names = [hit.agency.name]
    words = m.string[m.start("agency"):m.end()]
    tail = _CREDIT_TAIL.search(words, m.end("agency") - m.start("agency"))
    for agency in rules.find_agencies(words[: tail.start()] if tail else words):
        if agency.name not in names:
            names.append(agency.name)
    return tuple(names)


#: how many of the body's first blocks a dateline is looked for in: a photo caption, a repeated lead
#: or a slideshow counter ("1 / 5") often comes before the story's first paragraph
DATELINE_BLOCKS = 5


class _Found:
    """The attribution found so far, each at the position of the block it came from, once each."""

    def __init__(self) -> None:
        self._items: list[tuple[int, Attribution]] = []
        self._seen: set[tuple[str | None, str, AttributionKind]] = set()

    def record(self, at: int, agency: str | None, text: str, kind: AttributionKind,
               agencies: tuple[str, ...] = ()) -> None:
        key = (agency, text, kind)
        if key not in self._seen:
            self._seen.add(key)
            self._items.append((at, Attribution(agency=agency, agencies=agencies, text=text, kind=kind)))

    def record_hit(self, at: int, hit: CreditMatch, text: str, kind: AttributionKind, rules: Rules) -> None:
        """A credit naming agencies: one entry, its first agency as ``agency`` and all of them in
        ``agencies`` (the text is the page's once)."""
        names = credited_agencies(hit, rules)
        if names:
            self.record(at, names[0], text, kind, names)

    def in_page_order(self) -> tuple[Attribution, ...]:
        return tuple(a for _, a in sorted(self._items, key=lambda pair: pair[0]))


def attribute(
    labelled: tuple[Labelled, ...], rules: Rules, bylines: Sequence[str] = (), *, dated: bool = False,
    lang: str | None = None,
) -> tuple[tuple[Labelled, ...], tuple[Attribution, ...]]:
    """Relabel credit blocks and collect the attribution, in page order, without duplicates.

    ``bylines`` are the texts of an HTML page's byline elements (they come before the story).
    A dateline is looked for in the body's first :data:`DATELINE_BLOCKS` blocks, and an agency's
    signature at the end of the body's last block is cut from it into a credit of its own.
    ``dated``: the page's metadata holds its date, so a line above the story that only dates it
    leaves the body (without it, that line is the only place the date is kept); ``lang``, the page's
    language, is the one its date lines are read in ("2024年3月5日" on a Japanese page).
    """
    found = _Found()
    for text in bylines:
        credit = byline_agency(text, rules)
        if credit is not None:
            found.record(-1, credit.agency, credit.text, AttributionKind.BYLINE, credit.agencies)

    counted = _gallery_counters(labelled, rules)
    out = _credit_blocks(_date_lines(counted, rules, lang) if dated else counted, rules, frozenset(bylines), found)
    _opening(out, rules, found)
    body = [i for i, item in enumerate(out) if item.label is Label.BODY]
    for i in body[:DATELINE_BLOCKS]:
        hit = rules.match_credit(out[i].block.text, _DATELINE)
        if hit is not None and hit.agency is not None:
            found.record_hit(i, hit, hit.match.group(0).strip(), AttributionKind.DATELINE, rules)
            break
    if body:
        # a desk's initials on a line of their own after the signature ("--IANS", then "abc/xyz")
        last = body[-2] if len(body) > 1 and rules.desk_initials(out[body[-1]].block.text) else body[-1]
        out[last:last + 1] = _closing(out[last], last, rules, found)
    return tuple(out), found.in_page_order()


def _closing(item: Labelled, at: int, rules: Rules, found: _Found) -> list[Labelled]:
    """The story's last paragraph, cut before an agency's signature ("… the officials said. PTI"),
    and the signature as an attribution block: the words are placed once, in the attribution."""
    text = item.block.text
    hit = rules.match_closing(text)
    if hit is None or hit.agency is None:
        return [item]
    cut = hit.start
    prose, credit = text[:cut].rstrip(), text[cut:].strip()
    if not prose:
        return [item]
    found.record_hit(at, hit, credit, AttributionKind.CREDIT, rules)
    return [Labelled(block=item.block._replace(text=prose), label=Label.BODY, score=item.score, reason=item.reason),
            Labelled(block=item.block._replace(text=credit), label=Label.ATTRIBUTION)]


def _credit_blocks(
    labelled: tuple[Labelled, ...], rules: Rules, bylines: frozenset[str], found: _Found
) -> list[Labelled]:
    """Every block, a credit line relabelled as attribution and recorded, a byline line as meta."""
    out: list[Labelled] = []
    for at, item in enumerate(labelled):
        block = item.block
        # a credit line is a credit wherever the block model put it: a short "(AP)" line scores low
        # as body text, and only a rule's own removal (a side box, a footer) says it is not the story's
        dropped = (item.label is Label.BOILERPLATE and item.score is not None
                   and item.reason is Reason.OUTSIDE_MAIN_CONTENT and not block.roles & _SIDE_ROLES)
        if (item.label in (Label.BODY, Label.ATTRIBUTION, Label.META) or dropped) and len(block.text) <= 400:
            hit = rules.match_credit(block.text, _DROPPED_CREDITS if dropped else _STANDALONE)
            if hit is not None and hit.agency is not None and _pictures_credit(hit, out, labelled[at + 1:], rules):
                out.append(item if dropped else Labelled(block=block, label=Label.BOILERPLATE,
                                                         reason=Reason.IMAGE_CREDIT))
                continue
            if hit is not None:
                kind, agency = hit.pattern.kind, hit.agency
                if kind is AttributionKind.COPYRIGHT and agency is None:
                    # a site's own copyright footer is furniture, not a credit
                    out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.COPYRIGHT_FOOTER))
                    continue
                # a dropped block credits only an agency: a "By …" line outside the story is a teaser's
                if agency is not None:
                    found.record_hit(at, hit, block.text, kind, rules)
                    out.append(Labelled(block=block, label=Label.ATTRIBUTION))
                    continue
                if kind in _PERSONAL and not dropped:
                    found.record(at, None, block.text, kind)
                    out.append(Labelled(block=block, label=Label.ATTRIBUTION))
                    continue
            if item.label is Label.ATTRIBUTION:
                # pre-labelled by a credit shape that did not resolve: keep the words in the body
                item = Labelled(block=block, label=Label.BODY)
        if (item.label is Label.BOILERPLATE and len(block.text) <= 200 and not block.roles & _SIDE_ROLES
                and block.text.lstrip()[:1] in _COPYRIGHT_START):
            # an agency's copyright line often sits in the article's footer, which the
            # classifier strips as furniture: it is still the story's attribution
            hit = rules.match_credit(block.text, _COPYRIGHT)
            if hit is not None and hit.agency is not None:
                found.record_hit(at, hit, block.text, AttributionKind.COPYRIGHT, rules)
                out.append(Labelled(block=block, label=Label.ATTRIBUTION))
                continue
        if item.label is Label.BODY and _is_person_byline(block.text, bylines, rules):
            # "By Jane Doe": the author's name (metadata), neither prose nor a credit
            out.append(Labelled(block=block, label=Label.META))
            continue
        out.append(item)
    return out


#: where a line is a picture's: in a figure, or right after one or its caption
_FIGURE_ROLES = frozenset({"figure", "figcaption"})
_CAPTION_REASONS = frozenset({Reason.CAPTION, Reason.IMAGE_CAPTION, Reason.IMAGE_CREDIT})
#: labels an opening credit line may have been given: the body's, or the headline's or the furniture
#: before the story's (a text dump's line just above the first paragraph reads like its headline)
_OPENING_LABELS = frozenset({Label.BODY, Label.TITLE, Label.META, Label.BOILERPLATE})
_BEFORE_STORY = frozenset({Reason.BEFORE_CONTENT, Reason.OUTSIDE_MAIN_CONTENT})
#: table cells: a "3/4" there is a value, never a slideshow's counter
_CELLS = frozenset({"td", "th"})


def _story_start(labelled: tuple[Labelled, ...], rules: Rules) -> int:
    """Where the story's text begins: the paragraph a dateline opens among the body's first blocks
    (a repeated lead may come before it), else the body's first paragraph of prose."""
    body = [i for i, item in enumerate(labelled) if item.label is Label.BODY]
    for i in body[:DATELINE_BLOCKS]:
        if rules.match_credit(labelled[i].block.text, _DATELINE) is not None:
            return i
    return next((i for i in body if is_prose(labelled[i].block.text)), len(labelled))


def _gallery_counters(labelled: tuple[Labelled, ...], rules: Rules) -> tuple[Labelled, ...]:
    """A slideshow's counter ("1 / 5", "Bild 2 von 9") in the body is gallery chrome: it leaves
    the body with its reason. A counter of numbers alone only before the story's text begins, and
    on its first picture ("1 / 5": a page is saved showing its first; "4/5" under "Our verdict" is a
    rating, "3/4" later on a value as often as a counter); one a picture word names anywhere. A text dump's
    counter just above the story can have been taken for its headline: it is no headline either."""
    start = _story_start(labelled, rules)
    out: list[Labelled] = []
    for at, item in enumerate(labelled):
        if (item.label is Label.BODY or (item.label is Label.TITLE and at < start)) and item.block.tag not in _CELLS:
            m = rules.gallery_counter(item.block.text)
            if m is not None and (m.group("word") is not None or (at < start and int(m.group("n")) == 1)):
                out.append(Labelled(block=item.block, label=Label.BOILERPLATE, reason=Reason.GALLERY_COUNTER))
                continue
        out.append(item)
    return tuple(out)


#: the pieces of a meta line ("By Jane Doe | March 5, 2024", "Jane Doe · 5. März 2024")
_META_PIECES = re.compile(r"\s[|·•–—]\s|\s-\s")
#: a list's items, in HTML and in a text dump (its marked lines)
_LIST_ITEMS = frozenset({"li", "item"})


def _date_lines(labelled: tuple[Labelled, ...], rules: Rules, lang: str | None = None) -> tuple[Labelled, ...]:
    """A line above the story that only dates it ("Updated on July 9, 2025", "By Jane Doe | March 5,
    2024") leaves the body of a page whose metadata holds its date (``Page.published``), as a text dump's
    dated line above its story is (``before-content``). Not where the body holds another such line: a
    listing's items and a thread's posts are dated one by one, and those dates are their text. Nor
    where no story follows (an event page whose content is its date and place: the date is what it
    says), nor for a list's item (one of its entries, as the items around it are)."""
    start = _story_start(labelled, rules)
    if start >= len(labelled):
        return labelled
    found: list[tuple[int, Reason]] = []
    for at, item in enumerate(labelled):
        if item.label is not Label.BODY or len(item.block.text) > 120 or item.block.tag in _LIST_ITEMS:
            continue
        reason = _date_line(item.block.text, rules, lang)
        if reason is not None:
            if at >= start or found:
                return labelled  # a second dated line, or one inside the story: the page's text
            found.append((at, reason))
    if not found:
        return labelled
    ((at, reason),) = found
    out = list(labelled)
    label = Label.META if reason is Reason.BYLINE else Label.BOILERPLATE
    out[at] = Labelled(block=labelled[at].block, label=label, reason=reason)
    return tuple(out)


def _date_line(text: str, rules: Rules, lang: str | None = None) -> Reason | None:
    """``post-meta`` for a line that only dates the page, ``byline`` for a byline with its date, else None."""
    if is_date_line(text, rules.cues, lang):
        return Reason.POST_META
    pieces = _META_PIECES.split(text)
    if len(pieces) == 2 and _is_person_byline(pieces[0], frozenset(), rules) and is_date_line(pieces[1], rules.cues, lang):
        return Reason.BYLINE
    return None


def _pictures_credit(hit: CreditMatch, before: list[Labelled], after: tuple[Labelled, ...], rules: Rules) -> bool:
    """"REUTERS" alone, in capitals the agency does not write its name in, under a caption or
    inside the story (its text before and after the line, where a picture sat): a picture's credit
    (the style of photo credits). Above the story, under the headline ("JIJI" as a byline), and after
    its last paragraph ("… further increases were needed." then "REUTERS"), the same line is the
    story's credit."""
    if rules.written_as_listed(hit):
        return False
    if before and _pictures(before[-1]):
        return True
    return any(item.label is Label.BODY for item in before) and any(item.label is Label.BODY for item in after)


def _pictures(item: Labelled) -> bool:
    """A block that is a picture's: in a figure, or a caption or photo credit the rules removed."""
    return bool(item.block.roles & _FIGURE_ROLES) or item.reason in _CAPTION_REASONS


def _names_a_person(line: str, rules: Rules) -> bool:
    """The words before the bracket are a person's name ("Evan Vucci (AP)", a photographer's
    credit): two or three capitalised words, no particle, the first a given name of the [names]
    table or one after it an initial ("Jae C. Hong (AP)": no place is written so). A place of one
    word ("Madrid", "Paris") or with particles ("Santiago de Chile") is none."""
    words = line.split("(")[0].split("[")[0].split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and (words[0].casefold() in rules.cues.given_names or any(_INITIAL.fullmatch(w) for w in words[1:])))


#: a name's middle initial ("C." in "Jae C. Hong")
_INITIAL = re.compile(r"[^\W\d_]\.?")


def _opening(out: list[Labelled], rules: Rules, found: _Found) -> None:
    """The place-and-agency line that opens the story ("Madrid (EFE)" in any case), relabelled as
    its credit. The same shape is a photographer's credit ("Evan Vucci (AP)") under a picture, so
    it counts only where a story opens: no paragraph of the body before it, the story's first
    paragraph (prose) right after it, neither it nor the block before it a picture's, and no
    person's name before the bracket (a credit above its caption is followed by prose too)."""
    for at, item in enumerate(out[:-1]):
        if item.label is Label.BODY and rules.match_opening(item.block.text) is None:
            return  # the story has begun
        if item.label not in _OPENING_LABELS or item.block.roles & _SIDE_ROLES:
            continue
        if item.label is Label.BOILERPLATE and item.reason not in _BEFORE_STORY:
            continue
        hit = rules.match_opening(item.block.text)
        if hit is None or hit.agency is None:
            continue
        following = out[at + 1]
        if (following.label is not Label.BODY or not is_prose(following.block.text) or _pictures(item)
                or (at and _pictures(out[at - 1])) or _names_a_person(item.block.text, rules)):
            return
        found.record_hit(at, hit, item.block.text, AttributionKind.CREDIT, rules)
        out[at] = Labelled(block=item.block, label=Label.ATTRIBUTION)
        return
