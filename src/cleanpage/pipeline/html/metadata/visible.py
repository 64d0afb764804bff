"""Source: the visible page. One walk over ``<body>`` collects headline elements, byline and date
lines, author markup and the lines under the headline, each from the place it was found.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space
from cleanpage.rules import MarkupCues, MetadataCues

from .places import _beside_photo, _elsewhere, _letters, _tokens


@dataclass
class _Scan:
    """What one walk over ``<body>`` finds: bylines, headline elements, dates and author markup."""

    bylines: list[str]
    headlines: list[str]
    h1s: list[str]
    dates: list[str]
    item_dates: list[str]
    authors: list[str]
    loose: list[str]
    labelled: list[str]
    decked: list[str]
    after_h1: list[str]
    boxed: list[str]
    #: the names a Creative Commons notice credits the work to (``rel="cc:attributionURL"``)
    licensed: list[str]
    #: date lines labelled as the publication ("Erschienen am: 01.11.2023"), or the date after a
    #: label of its own ("<p>Mise en ligne</p><p>23 mai 2019</p>" gives "23 mai 2019")
    published: list[str]
    #: the address the first ``h1``'s link points to, if it holds one: a logo's link to the home page or a
    #: teaser's to another page says the ``h1`` is not this page's headline; a permalink to itself does not
    h1_link: str | None = None
    #: the text of the first ``h2``–``h4`` headings outside side boxes: a title candidate the page also
    #: shows as a heading (a post's headline in an ``h2`` under a site-name ``h1``) is one the reader is shown
    subheads: list[str] = field(default_factory=list)


#: a bare numeric date as an element's own text ("10.11.2021", "2021-10-16 | Botschaft")
_LOOSE_DATE = re.compile(r"(?<![\d.])(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\d])")


def _has_digit(text: str) -> bool:
    """A date line holds a number ("Kontakt", "Login" in a ``meta`` box never are dates)."""
    return _DIGIT.search(text) is not None


_DIGIT = re.compile(r"\d")


def _changed_first(text: str, cues: MetadataCues) -> bool:
    """A date line about the last change: its first date is labelled so ("Aktualisiert am 3.5.").
    "Written: 2023-11-07 / Updated: 2023-11-08" states the publication first."""
    match = cues.changed.search(text)
    if match is None:
        return False
    first_digit = next((i for i, c in enumerate(text) if c.isdigit()), len(text))
    return match.start() < first_digit


#: hCard's formatted name (``class="author vcard"`` > ``class="fn"``): microformat author markup
_HCARD_FN = re.compile(r"(?:^|\s)fn(?:\s|$)")


def _parent_tokens(el: etree._Element) -> str:
    parent = el.getparent()
    return _tokens(parent) if parent is not None else ""


_SPECIAL_TAGS = frozenset({"h1", "time", "address", "a", "abbr"})


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "option", "button"})

#: what a headline's text leaves out (:func:`_shown_text`): the skipped tags and ruby annotations
_UNSHOWN_TAGS = _SKIP_TAGS | {"rt", "rp"}
#: the heading levels below the ``h1`` read as the page's shown headings, and how many of them (a long
#: docs page has hundreds; the page's own title, when it sits in one, is near the top)
_SUBHEAD_TAGS = frozenset({"h2", "h3", "h4"})
_SUBHEADS = 40


def _shown_text(el: etree._Element) -> str:
    """The text a reader sees in a headline element: no control's label (a docs page's "Copy item
    path" button), no style sheet (a shop's component styles inside its product name), no script,
    nothing marked ``hidden`` (a tooltip's words), no ruby annotation (the reading set above a
    Japanese word, "子<rt>こ</rt>ども", is a guide to the headline, not part of it), and a line break
    read as a space ("the Legacy<br>of American Made"), whitespace collapsed."""
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(el, False)]  # (element, its tail is next)
    while stack:
        node, tail = stack.pop()
        if tail:
            parts.append(node.tail or "")
            continue
        if node is not el:
            stack.append((node, True))
        if not isinstance(node.tag, str) or node.tag in _UNSHOWN_TAGS or node.get("hidden") is not None:
            continue
        parts.append(" " if node.tag == "br" else node.text or "")
        stack.extend((child, False) for child in reversed(node))
    return normalise_space("".join(parts))


@functools.lru_cache(maxsize=4)
def _any_re(cues: MetadataCues) -> re.Pattern[str]:
    """Any word of interest in the class/id words: elements without one are passed over at once."""
    return re.compile("|".join(map(re.escape, (*cues.byline_tokens, *cues.date_tokens, *cues.markup.headline_tokens, "fn",
                                               "comment"))))


def _without_kicker(h1: etree._Element) -> str | None:
    """The headline of an ``h1`` that opens with a kicker in its own element ("<span>Interne
    Unterlagen im Netz</span> <span>Daten von Rheinmetall gehackt</span>", "<small>Einheit der
    Woche</small><br>Lagen-Pyramide"): the text after the first child, or ``None``."""
    node = h1
    for _ in range(2):  # <h1><span class="title"><small>kicker</small><br>headline</span></h1>
        if (node.text or "").strip() or len(node) != 1 or (node[0].tail or "").strip():
            break
        node = node[0]
    if (node.text or "").strip() or len(node) < 1 or not isinstance(node[0].tag, str):
        return None
    kicker = normalise_space(node[0].text_content())
    rest = normalise_space(" ".join([node[0].tail or "", *(c.text_content() + (c.tail or "") for c in node[1:]
                                                           if isinstance(c.tag, str))]))
    # "<span>Editor's Letter:</span> bye …": a label the title reads through, not a kicker
    if not kicker or len(kicker) > 80 or kicker.endswith(":"):
        return None
    rest = rest.replace("\xad", "").lstrip(" :–—-|·•").strip()
    return rest if len(rest.split()) >= 2 else None


def _loose_date(text: str, cues: MetadataCues) -> bool:
    """Cheap string tests before the regex: most text nodes hold no year at all. A long text counts
    only when it opens with the date ("29.11.2022 – Mehrfach und …"); lengths are of the text
    without the indentation around it (a template's "\n            January 23, 2025\n      ")."""
    text = text.strip()
    if len(text) > 80:
        head = text[:10]
        return head[:1].isdigit() and _LOOSE_DATE.match(head) is not None
    if ".20" in text or ".19" in text or "-20" in text or "-19" in text or text[:2] in ("19", "20"):
        if _LOOSE_DATE.search(text) is not None:
            return True
    elif " 20" not in text and " 19" not in text:
        return False
    # a written date standing alone: "14. Februar 2012", "24. April 2020 |", "March 3, 2021"
    return len(text) <= 40 and cues.written_alone.match(text) is not None


def _small(el: etree._Element) -> bool:
    """Few enough descendants to be a label, not a container (keeps ``text_content`` cheap)."""
    for count, _ in enumerate(el.iterdescendants()):
        if count >= 12:
            return False
    return True


#: the words a visible byline opens with, alone in their text node: "By <a>Jane Doe</a>",
#: "Autor: <strong>…</strong>", "<span>Author:</span> Jane Doe", "Par <a>…</a>"
#: leading rules before a byline ("---- by Kenneth Surin")
_DASHES = " \t\n\xa0-–—•"


def _line_after(br: etree._Element) -> str:
    """The text of one line: a ``<br>``'s tail and the siblings after it, up to the next ``<br>``."""
    parts = [br.tail or ""]
    for sibling in br.itersiblings():
        if sibling.tag == "br" or len(parts) > 8:
            break
        if isinstance(sibling.tag, str):
            parts.append(sibling.text_content())
        parts.append(sibling.tail or "")
    return normalise_space("".join(parts))


def _up_to_break(el: etree._Element) -> str:
    """The element's text up to its first ``<br>`` ("Von A und B<br>Kakuma": the dateline is not a name)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            break
        if isinstance(child.tag, str):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return normalise_space("".join(parts))


def _linked_authors(root: etree._Element, cues: MetadataCues) -> list[str]:
    """Names of the page's links to an author's page (see :func:`_linked_author`), at most eight."""
    found: list[str] = []
    body = root.find("body")
    for link in body.iter("a") if body is not None else ():
        href = link.get("href")
        slug = cues.author_path.search(href) if href and len(href) <= 300 else None
        if slug is not None:
            _linked_author(link, slug.group(1), found, cues.markup)
            if len(found) >= 8:
                break
    return found


def _linked_author(link: etree._Element, slug: str, out: list[str], markup: MarkupCues) -> None:
    """A link to an author's page whose text (or its ``itemprop=name``) spells the page's slug:
    "<a href='/autoren/kathrin-fuehres-684124'>…<span itemprop='name'>Kathrin Führes</span></a>".
    The slug is the evidence, so an "All authors" link or a teaser's image link never counts."""
    named = link.find(".//*[@itemprop='name']")
    text = normalise_space((named if named is not None else link).text_content())
    if not text or len(text) > 60:
        return
    block = next((a for a in link.iterancestors() if a.tag in ("p", "li", "td", "dd", "blockquote")), None)
    if block is not None and len(block.text_content()) > 3 * len(text) + 40:
        return  # a link inside prose ("Wie <a href='/autor/jane-doe'>Jane Doe</a> berichtete"): a colleague
    key = _letters(slug)
    spelled = (_letters(text), _letters(_UMLAUTS.sub(lambda m: _UMLAUT_SPELLING[m.group(0)], text)))
    if key and key in spelled and not _elsewhere(link, markup):
        out.append(text)


_UMLAUT_SPELLING = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


_UMLAUTS = re.compile("[äöüÄÖÜß]")


def _date_line(el: etree._Element, line: str, scan: _Scan, cues: MetadataCues) -> None:
    """A short date line: a loose date unless it sits in a side box; labelled as the publication, a
    published line even in the article's own footer or side column ("<div class='rez_footer'>…
    Erschienen am: 01.11.2023"), where a site's boxes never say so of another page."""
    if len(scan.published) < 2 and cues.publication.search(line) and not _elsewhere(el, cues.markup, own_boxes=True):
        scan.published.append(line)
    if len(scan.loose) < 3 and not _elsewhere(el, cues.markup):
        scan.loose.append(line)


def _labelled_date(label: etree._Element, text: str, scan: _Scan, markup: MarkupCues) -> None:
    """A publication label alone in its element, its date in the element that follows
    ("<p class='title'>Mise en ligne</p><p class='content'>23 mai 2019</p>"). Not a label inline
    in the text ("<b>Erscheinungsdatum:</b> 14.08.2017", a book's details in a review) nor a
    product table's row (``dt``/``th``)."""
    if (label.tail or "").strip() or label.tag in ("dt", "th", "b", "strong"):
        return
    following = label.getnext()
    if following is None or not isinstance(following.tag, str) or not _small(following):
        return
    value = normalise_space(following.text_content())
    if 6 <= len(value) <= 40 and _has_digit(value) and not _elsewhere(label, markup, own_boxes=True):
        scan.published.append(value)


def _labelled(el: etree._Element, label: str, out: list[str], markup: MarkupCues) -> None:
    """A byline shaped by its label rather than its class: the label's element with its short
    text, else the label with the first child's text, else the label with the text that follows
    (its tail or its next sibling). Comment lists, teasers, sidebars and a product's reviews are passed over."""
    if _elsewhere(el, markup) or _in_response(el, markup):
        return
    found: list[str] = []
    if len(el):
        if _small(el):
            whole = _up_to_break(el)
            if len(whole) <= 90:
                found.append(whole)
        first = el[0]
        if isinstance(first.tag, str) and first.tag not in _SKIP_TAGS and not (first.tail or "").strip(" \n\t\xa0"):
            found.append(f"{label} {normalise_space(first.text_content())}")
    else:
        tail = normalise_space(el.tail or "")
        if tail:
            found.append(f"{label} {tail}")
        else:
            # "<p><strong>By</strong></p> <p>Todd Bates</p>": the label's box is followed by the name's
            node, sibling = el, el.getnext()
            for _ in range(3):
                if sibling is not None or (node.tail or "").strip() or node.getparent() is None:
                    break
                node = node.getparent()
                sibling = node.getnext()
            if sibling is not None and isinstance(sibling.tag, str) and _small(sibling):
                found.append(f"{label} {normalise_space(sibling.text_content())}")
    out.extend(f[:120] for f in found if f)


#: ancestors looked at for a picture's caption around a byline-classed element: a credit sits a few
#: wrappers deep in its ``<figure>`` (figure > div > figcaption > p > span); further up is the page's
#: layout, where a ``<figure>`` holding the whole article would take its byline for a photo credit
_CAPTION_DEPTH = 8
#: ancestors (the element included) looked at for a review holding author markup: a product's review
#: nests its author deeper than a caption (review > body > footer > author > name …); further up
#: is the page's layout, not the review
_REVIEW_DEPTH = 13
#: elements after the headline that may still hold the lines under it (its date and byline)
_UNDER_HEADLINE_ELEMENTS = 150


def _scan(root: etree._Element, cues: MetadataCues) -> _Scan:
    """One walk over ``<body>``; every test is a compiled regex on the class/id words, and text is
    only read from small elements."""
    scan = _Scan([], [], [], [], [], [], [], [], [], [], [], [], [])
    any_re = _any_re(cues)
    walk = _Walk()
    body = root.find("body")
    if body is None:
        return scan
    # whether the markup words can lead to a reading, per (tag, class, id, itemprop): a page repeats a
    # few of them thousands of times
    passed: dict[tuple[str, str | None, str | None, str | None], bool] = {}
    for el in body.iter():
        if walk.in_h1 >= 0:  # under the headline, or still in it
            _under_headline(el, walk, scan, cues)
        tag = el.tag
        if tag in _ICON_TAGS and el.tail and len(scan.loose) < 3 and _drawn(el):
            _after_icon(el, el.tail, scan, cues)
        if not isinstance(tag, str) or tag in _SKIP_TAGS:
            continue
        own = el.text  # read once: each read of an element's text makes a new string
        if own or tag == "br":  # nothing else holds a line of its own
            _text_lines(el, own, scan, cues)
        if tag == "h1" and len(scan.h1s) < 5:
            _headline(el, walk, scan, cues.markup)
        elif tag in _SUBHEAD_TAGS and len(scan.subheads) < _SUBHEADS:
            _subhead(el, scan, cues.markup)
        attrib = el.attrib
        if "class" not in attrib and "id" not in attrib and "itemprop" not in attrib and tag not in _SPECIAL_TAGS:
            continue
        key = (tag, attrib.get("class"), attrib.get("id"), attrib.get("itemprop"))
        may = passed.get(key)
        if may is None:
            may = passed[key] = _may_read(key, any_re, cues)
        if not may:  # most elements, links above all: their words name nothing read here
            if tag == "a" and "rel" in attrib:
                _rel_link(el, scan, cues.markup)
            continue
        tokens = _tokens(el)
        if (tag == "a" and "rel" in attrib and _rel_link(el, scan, cues.markup)) or _itemprop(el, tokens, scan, cues):
            continue
        _marked(el, tokens, scan, cues)
    return scan


#: ``itemprop`` values :func:`_itemprop` reads (the rest it passes over)
_READ_PROPERTIES = frozenset({"author", "datepublished", "datecreated", "headline"})


def _may_read(key: tuple[str, str | None, str | None, str | None], any_re: re.Pattern[str],
              cues: MetadataCues) -> bool:
    """Whether an element of this tag, ``class``, ``id`` and ``itemprop`` can give :func:`_itemprop` or
    :func:`_marked` anything to read, whatever its place and text: the same tests on the words alone
    (the scan's caps and the element's neighbours come later). Asked once per distinct key: on a
    typical page most elements are links and wrappers whose words name no author, date or headline."""
    tag, cls, ident, itemprop = key
    tokens = f"{cls or ''} {ident or ''} {itemprop or ''}".lower()  # as places._tokens reads them
    if tag not in _SPECIAL_TAGS and itemprop is None and any_re.search(tokens) is None:
        return False  # no word of interest at all
    prop = (itemprop or "").lower()
    if prop in _READ_PROPERTIES or (tag in ("h1", "h2", "h3") and cues.markup.headline.search(tokens)):
        return True
    if prop == "datemodified" or "comment" in tokens:
        return False  # _itemprop passes the element over, _marked never sees it
    return (_HCARD_FN.search(tokens) is not None or tag in ("time", "address")
            or (tag == "abbr" and "publish" in tokens) or cues.date_class.search(tokens) is not None
            or cues.byline_class.search(tokens) is not None)


@dataclass
class _Walk:
    """Where the walk is relative to the first ``h1``: ``in_h1`` counts its descendants still to
    pass (-1 before it, 0 under it: the text after it is kept, -2 once that has ended)."""

    in_h1: int = -1
    after_chars: int = 0
    after_elements: int = 0


def _under_headline(el: etree._Element, walk: _Walk, scan: _Scan, cues: MetadataCues) -> None:
    """The text pieces under the headline, up to 400 characters, a side box or a far element; a
    topic link's text is no piece ("By <a href='/topics/health'>Health</a>": the subject, not a name)."""
    tag, markup = el.tag, cues.markup
    if walk.in_h1 > 0:
        walk.in_h1 -= 1
    elif walk.in_h1 == 0 and walk.after_chars < 400 and isinstance(tag, str) and tag not in _SKIP_TAGS:
        walk.after_elements += 1
        if walk.after_elements > _UNDER_HEADLINE_ELEMENTS:
            walk.in_h1 = -2  # far from the headline: what follows is not the line under it
        elif tag in ("nav", "aside", "footer") or (
            ("class" in el.attrib or "id" in el.attrib) and markup.aside.search(_tokens(el))
        ):
            walk.in_h1 = -2  # a sidebar or comment list: the lines under the headline have ended
        topic = tag == "a" and _to_topic(el, cues)
        if walk.in_h1 == 0 and _in_response(el, markup):
            return  # a product's review right under its name: the reviewer's line, not the byline
        for piece in (None if topic else el.text, el.tail) if walk.in_h1 == 0 else ():
            if piece and piece.strip():
                scan.after_h1.append(piece)
                walk.after_chars += len(piece)
        if walk.after_chars >= 400:
            walk.in_h1 = -2  # the lines under the headline are read: no later element is asked again


def _text_lines(el: etree._Element, own: str, scan: _Scan, cues: MetadataCues) -> None:
    """Date lines and labelled lines read from an element's own text ``own`` (and a ``br``'s tail),
    whatever its markup."""
    tag, markup = el.tag, cues.markup
    if (own and len(own) >= 8 and tag != "a" and (len(scan.loose) < 3 or len(scan.published) < 2)
            and _loose_date(own, cues)):
        line = normalise_space(own)[:40] if len(own) > 80 else normalise_space(own)
        if len(line) <= 40 and not cues.changed.search(line):
            _date_line(el, line, scan, cues)
    if (tag == "br" and el.tail and len(el.tail) >= 8 and (len(scan.loose) < 3 or len(scan.published) < 2)
            and _loose_date(el.tail, cues)):
        # a date on a line of its own: "…<br>Erschienen am: 01.11.2023<br>", "<br> am 20.09.2020"
        line = normalise_space(el.tail)
        if len(line) <= 40 and not cues.changed.search(line):
            _date_line(el, line, scan, cues)
    head = own.lstrip(_DASHES)[:2].lower() if own and len(own) <= 90 else ""
    if (head in cues.publication_starts and len(own) <= 30 and len(scan.published) < 2 and not len(el)
            and cues.publication_alone.match(own)):
        _labelled_date(el, own, scan, markup)
    if head in cues.label_starts and len(scan.labelled) < 6:
        if len(own) <= 30 and cues.label.match(own):
            if not (len(el) and _topic_link(el, normalise_space(el.text_content()), cues)):
                _labelled(el, own, scan.labelled, markup)
        elif cues.inline.match(own) and not _elsewhere(el, markup):
            # "<strong>Autorin: Uta Staschewski, Projektleiterin …</strong>"
            scan.labelled.append(_up_to_break(el)[:120] if _small(el) else normalise_space(own))
    if (tag == "br" and el.tail and len(el.tail) <= 90 and len(scan.labelled) < 6
            and el.tail.lstrip()[:2].lower() in cues.label_starts):
        tail = el.tail
        if (cues.label.match(tail) or cues.inline.match(tail)) and not _elsewhere(el, markup):
            # "…<br/>Autor: <a>Rechtsanwalt</a> Sebastian Einbock</div>": up to the next line break
            scan.labelled.append(_line_after(el)[:120])


#: the elements a site draws an icon with: the text after one is a line of its own
_ICON_TAGS = frozenset({"svg", "img", "i"})


def _drawn(icon: etree._Element) -> bool:
    """An icon draws and says nothing: an ``<i>`` with words in it is italics ("<i>Deadline</i> 14 June
    2022", "<i>Premiere</i> …"), a label its date belongs to, not an icon font's empty ``<i class='fa …'>``."""
    return icon.tag != "i" or not (icon.text or "").strip() and not any(
        (child.text or child.tail or "").strip() for child in icon.iterdescendants())


def _after_icon(el: etree._Element, tail: str, scan: _Scan, cues: MetadataCues) -> None:
    """A date written after an icon ("<svg>…calendar…</svg> Dec 12, 2025 </div>"): the text
    after the icon is the line, as a ``<br>``'s tail is."""
    if len(tail) >= 8 and _loose_date(tail, cues):
        line = normalise_space(tail)
        if len(line) <= 40 and not cues.changed.search(line):
            _date_line(el, line, scan, cues)


def _headline(el: etree._Element, walk: _Walk, scan: _Scan, markup: MarkupCues) -> None:
    """An ``h1``: its text, its headline without a kicker; the first one outside side boxes starts
    the lines under the headline."""
    text = _shown_text(el)
    if not text:
        return
    if not scan.h1s:
        link = el.find(".//a")
        scan.h1_link = None if link is None else (link.get("href") or "").strip()
    if not scan.h1s and not _elsewhere(el, markup):
        walk.in_h1 = sum(1 for _ in el.iterdescendants())
        if el.tail and el.tail.strip():
            scan.after_h1.append(el.tail)
    scan.h1s.append(text)
    decked = _without_kicker(el)
    if decked:
        scan.decked.append(decked)


def _subhead(el: etree._Element, scan: _Scan, markup: MarkupCues) -> None:
    """An ``h2``–``h4`` the page shows as its own: not a teaser's, a sidebar's or a comment's heading
    (a related story's truncated headline is no evidence for this page's title)."""
    text = _shown_text(el)
    if text and not _elsewhere(el, markup):
        scan.subheads.append(text)


def _rel_link(el: etree._Element, scan: _Scan, markup: MarkupCues) -> bool:
    """``<a rel=author>`` and a Creative Commons attribution link; True when the link was one."""
    rel = str(el.attrib["rel"]).lower()
    if rel == "author":
        if not _elsewhere(el, markup):
            scan.authors.append(normalise_space(el.text_content()))
        return True
    if ("cc:attributionurl" in rel and len(scan.licensed) < 2
            and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors())
            and not _beside_photo(el)):
        # a Creative Commons notice: "<span>Ein Hundetagebuch</span> von <a rel='cc:attributionURL'>
        # Donald Townsend</a> steht unter einer Creative Commons …": whom the work is credited to
        scan.licensed.append(normalise_space(el.text_content()))
        return True
    return False


def _itemprop(el: etree._Element, tokens: str, scan: _Scan, cues: MetadataCues) -> bool:
    """Microdata (author, dates) and headline elements; True when nothing more is read from ``el``."""
    markup = cues.markup
    itemprop = (el.get("itemprop") or "").lower()
    if itemprop == "author" and len(scan.authors) < 10 and not _elsewhere(el, markup) and not _in_response(el, markup):
        name = el.find(".//*[@itemprop='name']")
        value = el.get("content") if name is None else None
        scan.authors.append(normalise_space(value or (name if name is not None else el).text_content()))
    if itemprop in ("datepublished", "datecreated") and len(scan.item_dates) < 3:
        value = el.get("content") or el.get("datetime") or el.get("title") or el.text_content()
        scan.item_dates.append(normalise_space(value or "")[:120])
        return True
    if itemprop == "datemodified":
        return True  # "<time itemprop='dateModified'>": the last change, never the date shown as published
    if itemprop == "headline" or (el.tag in ("h1", "h2", "h3") and markup.headline.search(tokens)):
        if len(scan.headlines) < 5 and not _elsewhere(el, markup):
            text = _shown_text(el)
            if text:
                scan.headlines.append(text)
        return True
    return "comment" in tokens


def _in_caption(el: etree._Element) -> bool:
    """A byline-classed element inside a picture's caption (``<figcaption><span class="img-author">
    Mike Blake/Reuters files</span>``): the photographer's credit, not the article's byline."""
    return any(up.tag in ("figcaption", "figure") for up in itertools.islice(el.iterancestors(), _CAPTION_DEPTH))


def _in_response(el: etree._Element, markup: MarkupCues) -> bool:
    """Microdata author markup inside a review of the page's item (``itemprop="review"`` on a
    product): the reviewer ("Rated 5 out of 5 by Vast"), not the page's author. A review article
    (``itemtype=".../Review"`` with no such property) is the page's own text, and so is a review that
    holds the page's headline: a review site marks its own article as the product's ``review``."""
    return any((up.get("itemprop") or "").strip().lower() in markup.response_types and up.find(".//h1") is None
               for up in itertools.islice(itertools.chain((el,), el.iterancestors()), _REVIEW_DEPTH))


def _marked(el: etree._Element, tokens: str, scan: _Scan, cues: MetadataCues) -> None:
    """An element whose class/id words mark it as an hCard name, a date, a byline or an author box."""
    tag, markup = el.tag, cues.markup
    hcard = _HCARD_FN.search(tokens) is not None and "author" in tokens + _parent_tokens(el)
    if hcard and len(scan.authors) < 10 and _small(el) and not _elsewhere(el, markup):
        scan.authors.append(normalise_space(el.text_content()))
    dateish = tag == "time" or (tag == "abbr" and "publish" in tokens) or cues.date_class.search(tokens) is not None
    bylineish = len(scan.bylines) < 5 and (tag == "address" or cues.byline_class.search(tokens) is not None)
    if (bylineish and len(scan.boxed) < 2 and tag != "a" and markup.author_box.search(tokens)
            and not _elsewhere(el, markup)):
        # an author box ("author-bio", "about-author"): its first heading names the author
        head = next(el.iter("h2", "h3", "h4", "h5"), None)
        if head is not None:
            scan.boxed.append(normalise_space(head.text_content())[:80])
    if not (dateish or bylineish) or not _small(el):
        return
    text = normalise_space(el.text_content())
    if dateish and len(scan.dates) < 12:
        value = el.get("datetime") or (el.get("title") if tag == "abbr" else None)
        date_text = normalise_space(value) if value else text
        if (6 <= len(date_text) <= 80 and _has_digit(date_text) and not (value is None and _changed_first(date_text, cues))
                and not _elsewhere(el, markup)):
            scan.dates.append(date_text)
    if (bylineish and 2 < len(text) < 120 and not _elsewhere(el, markup) and not _topic_link(el, text, cues)
            and not _in_response(el, markup) and not _in_caption(el)):
        scan.bylines.append(text)


def _topic_link(el: etree._Element, text: str, cues: MetadataCues) -> bool:
    """A byline element whose words are a link to a topic, category or tag page ("By <a
    href='/topics/health'>Health</a>"): the post's subject, filed where bylines sit, not its author."""
    links = [el] if el.tag == "a" else list(el.iter("a"))
    topical = [a for a in links if _to_topic(a, cues)]
    if not topical:
        return False
    named = "".join(normalise_space(a.text_content()) for a in topical)
    rest = cues.lead.sub("", text)
    return len(named) >= len(normalise_space(rest).strip(" :,|")) > 0


def _to_topic(link: etree._Element, cues: MetadataCues) -> bool:
    """A link to a topic, category or tag page whose words are no person's: a site that files its
    writers' articles under a tag of their name ("By <a href='/tag/jane-doe'>Jane Doe</a>") links
    its byline so; a subject ("Health", "HR Strategy") opens with no given name."""
    if cues.topic_path.search(link.get("href") or "") is None:
        return False
    words = normalise_space(link.text_content()).split()
    return not (len(words) >= 2 and words[0].casefold() in cues.given_names)
