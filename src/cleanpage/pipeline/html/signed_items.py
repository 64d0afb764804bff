"""Comment items signed with a plain name: no profile link, no class word, only the markup's shape.

Part of the responses stage (:mod:`cleanpage.pipeline.html.responses` asks here, once the thread
finder has had its say, when a comment section it found holds no items of its own, after a comment
heading, and for each comment form, which its cue walk skips).

Many small sites sign a comment with bold text: ``<div><b>Maria K.</b> <span>12. März 2021 um
14:03</span><p>…</p></div>`` repeated, inside a form or a bare list. The shape alone says little: an
events listing (bold title, date, description), a news list, a changelog (bold version, date, notes)
and a team page look the same. So a group of such siblings is read as comments only

* where the page says comments: inside a section the cues found (a "12 Kommentare" heading, a
  ``comments`` class), or in or right before a comment form (a text area whose labels are the
  comment form's, ``rules/boilerplate.toml`` rule ``comment-form``);
* when each member is signed by a name: a short plain text (no link) in a name tag
  (``[signed] name_tags``) at the item's head, no sentence, no date, no version number, no title word (``title_words``);
  dated by a short text the date parser reads; with words of its own beside name and date;
* when at least two different names sign the group: a site's own list signed by one writer is no
  conversation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.pipeline.html.blocks import SKIP_TAGS
from cleanpage.pipeline.html.comment_header import YEARISH, CommentDates
from cleanpage.pipeline.prose import is_prose
from cleanpage.rules import Rules, SignedCues

__all__ = ["Signed", "comment_forms", "form_scopes", "is_name", "signed_items"]

#: tags an item can be
_ITEM_TAGS = frozenset(("div", "li", "article", "section", "dd", "blockquote", "tr", "p"))
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: a signed group has at least this many signed members, and this share of its members signed
_MIN_ITEMS = 2
_MIN_SHARE = 0.6
#: a name is short: at most this many words and chars
_NAME_MAX_WORDS = 4
_NAME_MAX_CHARS = 40
#: the text before the name in its item (an avatar's alt, a number) is at most this long
_LEAD_MAX_CHARS = 40
#: a date is a short text
_DATE_MAX_CHARS = 60
#: an item says at least this many chars of its own besides its name and date
_MIN_WORDS_CHARS = 15
#: elements looked at in one scope: a form around a whole page is searched this far
_MAX_LOOKED_AT = 20_000
#: siblings before a comment form a signed list may be in
_BEFORE_FORM = 2
_VERSION = re.compile(r"\d+\.\d+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
#: an item whose text is more link text than this share is a teaser, not a comment
_MAX_LINK_SHARE = 0.5
#: a signed list found beside a comment form holds at least this share of its scope's text
_MIN_FILL = 0.5


@dataclass(frozen=True, slots=True)
class Signed:
    """The items of a signed group in page order, and each one's name element."""

    items: tuple[etree._Element, ...]
    names: dict[etree._Element, etree._Element]


def is_name(text: str, cues: SignedCues, dates: CommentDates) -> bool:
    """A short text that can be someone's name or handle ("Maria K.", "gartenfreund77"), not a title
    ("Sommerfest im Park" is one only by its words: a title word rules it out), a version
    ("2.4.1"), a date, or a sentence."""
    words = text.split()
    if not words or len(words) > _NAME_MAX_WORDS or len(text) > _NAME_MAX_CHARS or not _LETTER.search(text):
        return False
    if text[-1] in "?!:;," or _VERSION.search(text) or YEARISH.search(text):
        return False
    if _DIGITS.search(text) and len(words) > 1:
        return False  # digits belong to a handle ("gartenfreund77"), not to a name of several words
    if any(w.strip(".,()").casefold() in cues.title_words for w in words):
        return False
    return not is_prose(text) and dates.parse(text) is None


def _signature(el: etree._Element) -> tuple[str, str]:
    cls = (el.get("class") or "").split()
    return str(el.tag), _DIGITS.sub("#", cls[0].lower()) if cls else ""


def _name_of(member: etree._Element, cues: SignedCues, dates: CommentDates) -> etree._Element | None:
    """The element at the member's head that names who wrote it, else ``None``."""
    full = normalise_space(member.text_content())
    for el in member.iter(*cues.name_tags):
        text = normalise_space(el.text_content())
        if not text:
            continue
        at = full.find(text)
        if at > _LEAD_MAX_CHARS:
            return None
        if is_name(text, cues, dates):
            # a name that links somewhere (a member's profile) is the thread finder's and the
            # header reader's: this module reads the names that are plain text
            return None if _links(el) else el
    return None


def _links(el: etree._Element) -> bool:
    """The element is, holds or sits in a link with an address."""
    return any(a.get("href") for a in (*el.iter("a"), *el.iterancestors("a")))


def _dated(member: etree._Element, name: etree._Element, dates: CommentDates) -> str | None:
    """The short text in the member that dates it (an element's, or the text after its name);
    ``None`` too when the date comes before the name: a header signs before it dates, and a bold
    line after the date is the comment's subject ("(22 juin 2018) … <strong>Coree du Sud</strong>")."""
    tail = normalise_space(name.tail or "")
    if tail and len(tail) <= _DATE_MAX_CHARS and YEARISH.search(tail) and dates.parse(tail.strip("-–—|·,: ")):
        return tail
    holders = {member, *name.iterancestors()}  # the elements around the name hold more than a date
    after = False
    for el in member.iter():
        if el is name:
            after = True
        if el is name or el in holders or not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        text = normalise_space(el.text_content())
        if not text or len(text) > _DATE_MAX_CHARS:
            continue
        if el.tag == "time" or (YEARISH.search(text) and dates.parse(text) is not None):
            return text if after else None
    return None


def _signed_by(member: etree._Element, cues: SignedCues, dates: CommentDates) -> etree._Element | None:
    """The member's name element when it is signed, dated and says something of its own."""
    name = _name_of(member, cues, dates)
    if name is None:
        return None
    date = _dated(member, name, dates)
    if date is None:
        return None
    # the reader's words are no link: a list of topics (a linked title, its starter, a date) says nothing
    linked = sum(len(normalise_space(a.text_content())) for a in member.iter("a") if a.get("href"))
    total = len(normalise_space(member.text_content()))
    own = total - linked - len(normalise_space(name.text_content())) - len(date)
    return name if own >= _MIN_WORDS_CHARS and linked <= _MAX_LINK_SHARE * total else None


def _group(members: list[etree._Element], cues: SignedCues, dates: CommentDates) -> Signed | None:
    names: dict[etree._Element, etree._Element] = {}
    for member in members:
        name = _signed_by(member, cues, dates)
        if name is not None:
            names[member] = name
    if len(names) < _MIN_ITEMS or len(names) < _MIN_SHARE * len(members):
        return None
    distinct = {normalise_space(n.text_content()).casefold() for n in names.values()}
    if len(distinct) < _MIN_ITEMS:
        return None  # one voice: a writer's own list, not a conversation
    return Signed(items=tuple(m for m in members if m in names), names=names)


def _groups(scope: etree._Element) -> Iterator[list[etree._Element]]:
    """Every run of two or more item-tag siblings of one signature in the scope, outermost first."""
    for looked_at, parent in enumerate(scope.iter()):
        if looked_at > _MAX_LOOKED_AT:
            return
        if not isinstance(parent.tag, str) or parent.tag in SKIP_TAGS or len(parent) < _MIN_ITEMS:
            continue
        by_sig: dict[tuple[str, str], list[etree._Element]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _ITEM_TAGS:
                by_sig.setdefault(_signature(child), []).append(child)
        yield from (members for members in by_sig.values() if len(members) >= _MIN_ITEMS)


def signed_items(
    scopes: list[etree._Element], rules: Rules, dates: CommentDates, *, by_form: bool = False
) -> Signed | None:
    """The largest signed group in the scopes (elements where the page says comments), else ``None``.
    ``by_form``: only a comment form says so (no heading, no class): the group must then be most of
    its scope's text (not a list inside the article above the form), in a scope without the page's
    headline, and most of its items must speak as readers do (:func:`_speaks`)."""
    cues = rules.signed
    if not cues.name_tags:
        return None
    best: Signed | None = None
    for scope in scopes:
        if by_form and next(scope.iter("h1"), None) is not None:
            continue
        total: int | None = None  # the scope's text, read only when a form is the evidence
        for members in _groups(scope):
            found = _group(members, cues, dates)
            if found is None or (best is not None and len(found.items) <= len(best.items)):
                continue
            if by_form:
                if total is None:
                    total = len(normalise_space(scope.text_content()))
                if not (_fills(found, total) and _speaks(found, cues)):
                    continue
            best = found
    return _with_replies(best, cues, dates) if best is not None else None


def _with_replies(found: Signed, cues: SignedCues, dates: CommentDates) -> Signed:
    """The group's items with the replies nested in them, in page order: signed elements of the
    items' signature in a list of the group's own list's signature (``li`` in ``ul.children`` in
    ``li``); each item's text then leaves its replies out, and each reply is threaded under it."""
    first = found.items[0]
    parent = first.getparent()
    sig, list_sig = _signature(first), _signature(parent) if parent is not None else ("", "")
    names = dict(found.names)
    order: list[etree._Element] = []
    for item in found.items:
        order.append(item)
        for el in item.iterdescendants(str(first.tag)):
            holder = el.getparent()
            if el in names or holder is None or _signature(el) != sig or _signature(holder) != list_sig:
                continue
            name = _signed_by(el, cues, dates)
            if name is not None:
                names[el] = name
                order.append(el)
    return Signed(items=tuple(order), names=names)


def _fills(found: Signed, total: int) -> bool:
    """The group holds most of its scope's text: a comment list, not a list inside other content."""
    own = sum(len(normalise_space(item.text_content())) for item in found.items)
    return own >= _MIN_FILL * total


def _speaks(found: Signed, cues: SignedCues) -> bool:
    """Most items use a reader's words (first or second person, thanks: ``[signed] reader_words``)."""
    speaking = sum(
        1 for item in found.items
        if any(w.casefold() in cues.reader_words for w in _WORDS.findall(item.text_content()))
    )
    return speaking >= _MIN_SHARE * len(found.items)


def comment_forms(root: etree._Element, rules: Rules) -> list[etree._Element]:
    """The forms a reader writes a comment in: a text area, and a label, heading or button the
    comment form's boilerplate rule knows ("Schreibe einen Kommentar", "Post Comment"), in the form or
    as the heading right before it."""
    forms: list[etree._Element] = []
    for form in root.iter("form"):
        if next(form.iter("textarea"), None) is None:
            continue
        texts = [normalise_space(el.text_content()) for el in form.iter(*_HEADINGS, "label", "button", "legend")]
        before = form.getprevious()
        if before is not None and before.tag in _HEADINGS:
            texts.append(normalise_space(before.text_content()))
        if any(_says_comment(text, rules) for text in texts if text):
            forms.append(form)
    return forms


def _says_comment(text: str, rules: Rules) -> bool:
    rule = rules.match_text(text)
    return (rule is not None and rule.role == "comment-form") or rules.comments.is_section_heading(text)


def form_scopes(form: etree._Element) -> list[etree._Element]:
    """Where a comment form's comments may be: in the form, or in the siblings right before it."""
    scopes = [form]
    before = form.getprevious()
    while before is not None and len(scopes) <= _BEFORE_FORM:
        if isinstance(before.tag, str) and before.tag not in _HEADINGS:
            scopes.append(before)
        before = before.getprevious()
    return scopes
