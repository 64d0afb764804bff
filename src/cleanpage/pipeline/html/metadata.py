"""HTML metadata: title, authors, published date and language from the tree — or ``None`` rather than a guess.

Takes the parsed tree (and the page's URL); gives an :class:`HtmlMeta`.

Sources are read in order of trust: structured data (JSON-LD, microdata, ``meta``), then the visible
page (``h1``, ``time``, byline elements). A title is chosen by agreement between sources; an author
must look like a person's name (:mod:`cleanpage.pipeline.shared.names`); a date must not be in the future.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import html
import itertools
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from cleanpage.engines import htmldate
from cleanpage.pipeline.shared.names import clean_authors, person_name
from cleanpage.pipeline.blocks import normalise_space, text_key
from cleanpage.pipeline.shared.dates import (
    date_from_url,
    in_page_zone,
    local_day,
    parse_date,
    parse_iso,
    parse_visible_date,
    zone_tag,
)
from cleanpage.pipeline.shared.patterns import YEAR
from cleanpage.rules import MarkupCues, MetadataCues, Rules

__all__ = ["HtmlMeta", "read_metadata", "strip_site_suffix"]

log = logging.getLogger(__name__)

#: (whitespace runs here and below are read from their start, possessively: linear on any run)
_SUFFIX = re.compile(r"(?:(?<!\s)|(?=\S))\s++(?:[-|·–—:»«/]|::)\s++")
#: Chinese and Japanese titles join the site name without spaces: "标题-新华网", "NEWS WEB EASY|标题"
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
#: a whitespace run is read from its start only (possessively), so a long run with no separator
#: costs one pass, not one per position; the same splits as the plain "\s*(...)\s*" form
_SUFFIX_CJK = re.compile(r"(?:(?<!\s)|(?=\S))"
                         r"(?:\s++[-—–]\s|\s*+(?:[|｜_]|(?<=[\u3000-\u9fff\uff00-\uffef])[-—–](?=\S)))\s*+")
#: a loading placeholder ("Loading…"): one word and an ellipsis is never a headline
_PLACEHOLDER = re.compile(r"^\W*\w+\s*(?:…|\.\.\.)\W*$")

@dataclass(frozen=True, kw_only=True, slots=True)
class HtmlMeta:
    title: str | None
    authors: tuple[str, ...]
    published: _dt.date | _dt.datetime | None
    language: str | None
    byline_texts: tuple[str, ...]


def _site_key(text: str) -> str:
    return text_key(text).removeprefix("www")


def _is_site(part: str, sites: frozenset[str], *, loose: bool = True) -> bool:
    """A title part that names the site: its og:site_name/publisher, or its domain's name
    ("Gregory Szorc's Digital Home" on gregoryszorc.com when ``loose``; whole titles are only
    compared exactly)."""
    key = _site_key(part)
    if not key:
        return False
    if not loose:
        return key in sites
    return any(key == s or (len(s) >= 4 and (key.startswith(s) or s.startswith(key)) and len(key) >= 4) for s in sites)


def strip_site_suffix(
    title: str, others: list[str], sites: frozenset[str] = frozenset(), *, pipe_rule: bool = True
) -> str:
    """Drop " - Site" / " | Site" parts (at either end) of a page title.

    A part is dropped when it names the site (``sites``: site names and the domain, as
    :func:`text_key` keys); a part another source states on its own (the h1) is chosen; with no
    such evidence only a last " | part" is dropped, since a dash also joins the halves of real
    headlines ("Würde des Lebens – ein Projekt").
    """
    title = normalise_space(title)
    splitter = _SUFFIX_CJK if _CJK.search(title) else _SUFFIX
    pieces = splitter.split(title)
    seps = splitter.findall(title)
    parts = [p.strip() for p in pieces]
    if len(parts) <= 1 or not all(parts):
        return title
    keys = {text_key(o) for o in others if o}
    for part in parts:
        if text_key(part) in keys:
            return part
    start, end = 0, len(parts)
    while end - start > 1 and _is_site(parts[end - 1], sites):
        end -= 1
    while end - start > 1 and _is_site(parts[start], sites):
        start += 1
    if (start, end) == (0, len(parts)):
        short_cjk_tail = splitter is _SUFFIX_CJK and len(parts[-1]) <= 8
        if (pipe_rule and (seps[-1].strip() in ("|", "||") or short_cjk_tail)
                and len(parts[-1]) < len(" ".join(parts[:-1]))):
            end -= 1
        else:
            return title
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out


def _jsonld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            # strict=False: raw newlines inside strings (an articleBody pasted verbatim) are common
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):
            log.debug("malformed JSON-LD skipped")
            continue
        stack = [data]
        seen = 0
        while stack and seen < 500:
            seen += 1
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _types(obj: dict[str, Any]) -> list[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


#: How deep ``author`` lists may nest: real pages nest one or two; the page's JSON is untrusted, and
#: a list nested 500 deep must not reach Python's recursion limit.
_MAX_NAME_DEPTH = 8


def _names(value: Any, organisation_types: frozenset[str], by_id: dict[str, dict[str, Any]] | None = None, *,
           persons_only: bool = False, organisations_only: bool = False, depth: int = 0) -> list[str]:
    """Author names of a JSON-LD ``author`` value; ``{"@id": …}`` references are looked up in the
    page's graph (Yoast writes the Person once and points to it). Organisations (``organisation_types``
    and any type ending in "Organization") are not names (``organisations_only`` gives just those)."""
    if depth > _MAX_NAME_DEPTH:
        return []
    if isinstance(value, str):
        return [] if persons_only or organisations_only else [value]
    if isinstance(value, dict):
        if "name" not in value and by_id and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        types = _types(value)
        organisation = any(t in organisation_types or t.endswith("Organization") for t in types) \
            and "Person" not in types
        if organisation != organisations_only or (persons_only and "Person" not in types):
            return []
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value[:10]
                for n in _names(v, organisation_types, by_id, persons_only=persons_only,
                                organisations_only=organisations_only, depth=depth + 1)]
    return []


def _head_meta(root: etree._Element) -> dict[str, str]:
    """Every ``<meta>`` of the page by lower-cased name/property/itemprop (the first one wins)."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower().strip()
        if key and key not in found:
            content = normalise_space(el.get("content") or el.get("value") or "")
            if content:
                found[key] = content
    return found


def _first(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in meta:
            return meta[name]
    return None


def _tokens(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}".lower()


def _elsewhere(el: etree._Element, markup: MarkupCues, *, own_boxes: bool = False) -> bool:
    """Inside a comment list, a sidebar, a teaser or the page footer/nav.

    A container named like that which holds the page's ``h1`` is a layout wrapper
    ("content-area sidebar"), not a side box. With ``own_boxes``, a box only classed as a footer
    or sidebar counts as the article's own when the article (``<article>``, ``<main>``, the
    ``#main``/``#content`` column) holds it ("<div class='rez_footer'>" under ``#main``, a
    podcast's "description__sidebar" in its ``<article>``); the page's own footer and sidebar
    do not. The class/id words of such boxes are ``markup`` (``metadata.toml`` [markup]).
    """
    pattern = markup.other_things if own_boxes else markup.elsewhere
    side = False  # inside a footer- or sidebar-classed box, so far
    for anc in el.iterancestors():
        tag = anc.tag
        if tag in ("nav", "aside", "footer", "blockquote"):  # a quote's "author" is the quoted person
            if tag == "footer" and _OWN_FOOTER.search(_tokens(anc)):
                continue  # <footer class="article-meta">: the post's own footer line
            if tag == "aside" and _META_ASIDE.match(_tokens(anc)):
                continue  # <aside class="meta"> inside the article: its own date and byline box
            return anc.find(".//h1") is None
        if tag in ("article", "main"):
            return False
        if tag == "body":
            return side
        if own_boxes and side and (anc.get("id") or "").lower() in markup.main_ids:
            return False
        tokens = _tokens(anc)
        if "footer" in tokens:
            tokens = _OWN_FOOTER.sub(" ", tokens)
        if pattern.search(tokens) and anc.find(".//h1") is None and not _holds_post_title(anc):
            return True
        if own_boxes and not side and markup.side_box.search(tokens) and anc.find(".//h1") is None:
            side = True
    return side


def _holds_post_title(el: etree._Element) -> bool:
    """A container that holds the post's own title ("widget Blog" > h3.post-title, where a blog
    has no h1): the layout's main column, not a side box."""
    for head in el.iter("h2", "h3"):
        if "post-title" in (head.get("class") or "") or "entry-title" in (head.get("class") or ""):
            return True
    return False


#: an aside that is only the post's meta box (class "meta", "post-meta", "byline")
_META_ASIDE = re.compile(r"^\s*(?:(?:post|entry|article)[-_])?(?:meta|byline|info)\s*$")

#: the footer line of the post itself (Blogger's "post-footer-line", "entry-footer", "article-meta"),
#: where its author and date are shown: not the page's footer
_OWN_FOOTER = re.compile(r"\b(?:post|entry|article|story)[-_](?:footer|meta)(?:[-_][\w-]*)?")


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


_WRITTEN_ALONE = re.compile(
    r"\s*(?:\d{1,2}\.?\s+[^\W\d_]{3,}\.?|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?:19|20)\d{2}\W*$"
)


def _loose_date(text: str) -> bool:
    """Cheap string tests before the regex: most text nodes hold no year at all. A long text counts
    only when it opens with the date ("29.11.2022 – Mehrfach und …")."""
    if len(text) > 80:
        head = text.lstrip()[:10]
        return head[:1].isdigit() and _LOOSE_DATE.match(head) is not None
    if ".20" in text or ".19" in text or "-20" in text or "-19" in text or text.lstrip()[:2] in ("19", "20"):
        if _LOOSE_DATE.search(text) is not None:
            return True
    elif " 20" not in text and " 19" not in text:
        return False
    # a written date standing alone: "14. Februar 2012", "24. April 2020 |", "March 3, 2021"
    return len(text) <= 40 and _WRITTEN_ALONE.match(text) is not None


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
    (its tail or its next sibling). Comment lists, teasers and sidebars are passed over."""
    if _elsewhere(el, markup):
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


#: elements after the headline that may still hold the lines under it (its date and byline)
_UNDER_HEADLINE_ELEMENTS = 150


def _scan(root: etree._Element, cues: MetadataCues) -> _Scan:
    """One walk over ``<body>``; every test is a compiled regex on the class/id words, and text is
    only read from small elements."""
    scan = _Scan([], [], [], [], [], [], [], [], [], [], [], [], [])
    any_re = _any_re(cues)
    markup = cues.markup
    in_h1 = -1  # descendants of the first h1 still to pass; -1 before it, then the text after it is kept
    after_chars = 0
    after_elements = 0
    body = root.find("body")
    if body is None:
        return scan
    for el in body.iter():
        tag = el.tag
        if in_h1 > 0:
            in_h1 -= 1
        elif in_h1 == 0 and after_chars < 400 and isinstance(tag, str) and tag not in _SKIP_TAGS:
            after_elements += 1
            if after_elements > _UNDER_HEADLINE_ELEMENTS:
                in_h1 = -2  # far from the headline: what follows is not the line under it
            elif tag in ("nav", "aside", "footer") or (
                ("class" in el.attrib or "id" in el.attrib) and markup.aside.search(_tokens(el))
            ):
                in_h1 = -2  # a sidebar or comment list: the lines under the headline have ended
            for piece in (el.text, el.tail) if in_h1 == 0 else ():
                if piece and piece.strip():
                    scan.after_h1.append(piece)
                    after_chars += len(piece)
        if not isinstance(tag, str) or tag in _SKIP_TAGS:
            continue
        own = el.text
        if (own and len(own) >= 8 and tag != "a" and (len(scan.loose) < 3 or len(scan.published) < 2)
                and _loose_date(own)):
            line = normalise_space(own)[:40] if len(own) > 80 else normalise_space(own)
            if len(line) <= 40 and not cues.changed.search(line):
                _date_line(el, line, scan, cues)
        if (tag == "br" and el.tail and len(el.tail) >= 8 and (len(scan.loose) < 3 or len(scan.published) < 2)
                and _loose_date(el.tail)):
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
        if tag == "h1" and len(scan.h1s) < 5:
            text = normalise_space(el.text_content())
            if text:
                if not scan.h1s and not _elsewhere(el, markup):
                    in_h1 = sum(1 for _ in el.iterdescendants())
                    if el.tail and el.tail.strip():
                        scan.after_h1.append(el.tail)
                scan.h1s.append(text)
                decked = _without_kicker(el)
                if decked:
                    scan.decked.append(decked)
        attrib = el.attrib
        if "class" not in attrib and "id" not in attrib and "itemprop" not in attrib and tag not in _SPECIAL_TAGS:
            continue
        tokens = _tokens(el)
        if tag not in _SPECIAL_TAGS and "itemprop" not in attrib and not any_re.search(tokens):
            continue
        if tag == "a" and "rel" in attrib:
            rel = str(attrib["rel"]).lower()
            if rel == "author":
                if not _elsewhere(el, markup):
                    scan.authors.append(normalise_space(el.text_content()))
                continue
            if ("cc:attributionurl" in rel and len(scan.licensed) < 2
                    and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors())
                    and not _beside_photo(el)):
                # a Creative Commons notice: "<span>Ein Hundetagebuch</span> von <a rel='cc:attributionURL'>
                # Donald Townsend</a> steht unter einer Creative Commons …": whom the work is credited to
                scan.licensed.append(normalise_space(el.text_content()))
                continue
        itemprop = (el.get("itemprop") or "").lower()
        if itemprop == "author" and len(scan.authors) < 10 and not _elsewhere(el, markup):
            name = el.find(".//*[@itemprop='name']")
            value = el.get("content") if name is None else None
            scan.authors.append(normalise_space(value or (name if name is not None else el).text_content()))
        if itemprop in ("datepublished", "datecreated") and len(scan.item_dates) < 3:
            value = el.get("content") or el.get("datetime") or el.get("title") or el.text_content()
            scan.item_dates.append(normalise_space(value or "")[:120])
            continue
        if itemprop == "datemodified":
            continue  # "<time itemprop='dateModified'>": the last change, never the date shown as published
        if itemprop == "headline" or (tag in ("h1", "h2", "h3") and markup.headline.search(tokens)):
            if len(scan.headlines) < 5 and not _elsewhere(el, markup):
                text = normalise_space(el.text_content())
                if text:
                    scan.headlines.append(text)
            continue
        if "comment" in tokens:
            continue
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
            continue
        text = normalise_space(el.text_content())
        if dateish and len(scan.dates) < 12:
            value = el.get("datetime") or (el.get("title") if tag == "abbr" else None)
            date_text = normalise_space(value) if value else text
            if (6 <= len(date_text) <= 80 and _has_digit(date_text) and not (value is None and _changed_first(date_text, cues))
                    and not _elsewhere(el, markup)):
                scan.dates.append(date_text)
        if bylineish and 2 < len(text) < 120 and not _elsewhere(el, markup):
            scan.bylines.append(text)
    return scan


def read_metadata(root: etree._Element, rules: Rules, url: str | None = None) -> HtmlMeta:
    """Read the page's own statements about itself."""
    markup = rules.cues.markup
    ld_title = ld_date = ld_modified = None
    ld_authors: list[str] = []
    ld_persons: list[str] = []
    sites: set[str] = set()
    organisations: set[str] = set()
    objects = list(_jsonld_objects(root))
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    for obj in objects:
        types = _types(obj)
        if "Person" in types:
            continue
        if "WebSite" in types or "Organization" in types or "NewsMediaOrganization" in types:
            if isinstance(obj.get("name"), str):
                sites.add(_site_key(obj["name"]))
                if "WebSite" not in types:
                    organisations.add(_site_key(obj["name"]))
            continue
        if not any(t in markup.article_types for t in types):
            continue
        if ld_title is None and isinstance(obj.get("headline"), str):
            ld_title = normalise_space(html.unescape(obj["headline"]))
        if ld_date is None and isinstance(obj.get("datePublished"), str):
            ld_date = obj["datePublished"]
        if ld_modified is None and isinstance(obj.get("dateModified"), str):
            ld_modified = obj["dateModified"]
        if not ld_authors:
            ld_authors = _names(obj.get("author"), markup.organisation_types, by_id)
            ld_persons = _names(obj.get("author"), markup.organisation_types, by_id, persons_only=True)
        # an author the page types as an Organization ("OÖ Volksblatt") is never a person's name,
        # whichever other source repeats it (Yoast's "Verfasst von" card)
        sites.update(_site_key(n) for n in _names(obj.get("author"), markup.organisation_types, by_id,
                                                  organisations_only=True))
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            sites.add(_site_key(publisher["name"]))
    meta = _head_meta(root)
    scan = _scan(root, rules.cues)
    for name in markup.site:
        if name in meta:
            sites.add(_site_key(meta[name].lstrip("@")))
    page_url = url or meta.get("og:url") or _canonical(root)
    host = _host(page_url)
    if host:
        sites.add(host)
    og_title = _first(meta, ("og:title", "twitter:title"))
    og_title = html.unescape(og_title) if og_title else None
    title_el = root.find(".//title")
    page_title = normalise_space(title_el.text_content()) if title_el is not None else None
    # a site name is short; a "name" that is the page's own headline (bad JSON-LD) is not one
    stated = {text_key(t) for t in (ld_title, og_title, page_title) if t}
    site_keys = frozenset(k for k in sites if k and len(k) <= 40 and k not in stated)

    title = _choose_title(ld_title, og_title, page_title, scan.headlines, scan.h1s,
                          site_keys, scan.decked, page_url)

    lang = root.get("lang") or _first(meta, ("og:locale", "language", "content-language"))
    zone = zone_tag(lang, page_url)
    published = _published(ld_date, meta, scan, page_url, rules.cues, month_first=_month_first(root, meta),
                           lang=lang, zone=zone)
    if isinstance(published, _dt.datetime):
        published = in_page_zone(published, zone)
    if published is None:
        for value in (ld_modified, _first(meta, markup.modified)):
            published = parse_date(value) if value else None
            if published is not None:
                break
    if published is None:
        published = _htmldate(root, page_url, markup)
    if published is None:
        published = _written_alone(scan, rules.cues, month_first=_month_first(root, meta), lang=lang)
    structured: list[str] = list(ld_authors)
    meta_author = _first(meta, markup.author)
    if meta_author and not meta_author.startswith("http"):
        structured.append(_without_site_part(meta_author, site_keys))
    # Yoast's reading-time card: twitter:label1 "Written by" / "Verfasst von", twitter:data1 the name
    for n in ("1", "2"):
        if rules.cues.written_by.match(meta.get(f"twitter:label{n}", "")) and meta.get(f"twitter:data{n}"):
            structured.append(meta[f"twitter:data{n}"])
    structured.extend(scan.authors)
    authors = clean_authors(structured, rules, single_ok=True, exclude=site_keys)
    if not authors and ld_persons:
        # a JSON-LD Person named like the site ("El Colombiano") yields to the page's first byline
        # ("Jacobo Betancur Peláez | Publicado hace 3 horas"), not to bylines further down (teasers)
        # (a user handle that is the site's own name, "stylegart" on stylegart.de, is the site's account)
        persons = [p for p in ld_persons if " " in p.strip() or text_key(p) not in site_keys]
        authors = _byline_names(scan.bylines[:1], rules, site_keys) or clean_authors(persons, rules, single_ok=True)
    if not authors:
        authors = _byline_names(scan.bylines, rules, site_keys)
    if not authors:
        # a date line often names the author: "Ein Artikel von <b>A</b> | 27.01.2022 - 12:45"
        authors = _meta_line_names(scan.dates, rules, site_keys)
    if not authors:
        authors = _first_names(scan.labelled, rules, site_keys)
    if not authors:
        authors = _dated_name(scan.after_h1, rules, site_keys) or _dated_name(scan.loose, rules, site_keys, parted=True)
    if not authors:
        authors = _described_byline(meta, rules, site_keys)
    if not authors and len({text_key(b) for b in scan.boxed}) == 1:
        authors = clean_authors(scan.boxed[:1], rules, exclude=site_keys)
    if not authors:
        linked = _linked_authors(root, rules.cues)
        if 0 < len({text_key(n) for n in linked}) <= 3:
            # links to the author's page ("/author/jane-doe"); more names than a byline holds are a teaser list
            authors = clean_authors(linked, rules, exclude=site_keys)
    if authors and all(" " not in a for a in authors):
        authors = _complete(authors, [*scan.labelled, *scan.bylines], rules, site_keys, root)
    if authors and all(_initials(a) for a in authors):
        # initials ("by <a rel=author>DT</a>") give way to the full name the page gives them elsewhere
        full = clean_authors([*scan.labelled, *scan.bylines, *scan.licensed], rules, exclude=site_keys)
        authors = tuple(next((f for f in full if " " in f and _initials_of(f) == a.upper()), a) for a in authors)
    if authors and all(_account(a) for a in authors):
        # a CMS account ("sarah-indra", "BBNTEAM") yields to the full name a labelled byline gives
        # ("Autor <span>Mark Newton:</span>"): the account is who posted it, the label says who wrote it
        # (the label in a byline element: a book's "<li><b>Autor:</b> Max Frisch</li>" is not the post's)
        labelled = _first_names(scan.labelled, rules, site_keys)
        shown = " ".join(scan.bylines)
        if labelled and all(" " in n and n in shown for n in labelled):
            authors = labelled
    if not authors and published is not None:
        authors = _site_owner(page_title, meta, root, page_url, rules, frozenset(organisations))
    if not authors:
        authors = clean_authors(scan.licensed, rules, exclude=site_keys)
    if not authors:
        authors = _signature(root, rules, site_keys)

    return HtmlMeta(
        title=title,
        authors=authors,
        published=published,
        language=(lang or "").split("-")[0].split("_")[0].lower() or None,
        byline_texts=tuple(scan.bylines),
    )


@contextlib.contextmanager
def _without_elsewhere(root: etree._Element, markup: MarkupCues) -> Iterator[etree._Element]:
    """The page without comment lists, sidebars, teasers, nav and footers, whose dates belong to
    other things (the same places :func:`_elsewhere` passes over), for the length of the block.

    Each box is swapped for an empty placeholder that carries its tail (the text after it stays in
    place) and swapped back after, so the tree the other stages read is the same; htmldate copies
    what it is given before it prunes, and a copy of our own as well would cost a second copy of
    the page. The page's frame (``body``, ``main``, ``article``) is never a box, whatever its class."""
    boxes = [
        el for el in root.iter()
        if isinstance(el.tag, str) and el.tag not in _FRAME_TAGS and (el.tag in ("nav", "aside", "footer") or (
            ("class" in el.attrib or "id" in el.attrib) and markup.elsewhere.search(_tokens(el)) is not None))
        and el.getparent() is not None and el.find(".//h1") is None
    ]
    inside = set(boxes)
    swapped: list[tuple[etree._Element, etree._Element]] = []
    for el in boxes:  # document order: a box inside a swapped one goes with it
        parent = el.getparent()
        if parent is not None and not any(anc in inside for anc in el.iterancestors()):
            stand_in = parent.makeelement("span", {})
            stand_in.tail = el.tail
            parent.replace(el, stand_in)
            swapped.append((el, stand_in))
    try:
        yield root
    finally:
        for el, stand_in in reversed(swapped):
            holder = stand_in.getparent()
            if holder is not None:
                holder.replace(stand_in, el)


_FRAME_TAGS = frozenset({"html", "body", "main", "article"})


def _htmldate(root: etree._Element, url: str | None, markup: MarkupCues) -> _dt.date | None:
    """The last resort when the page states no date we can read: htmldate's quick search
    (header, JSON, ``abbr``/date-like elements, text patterns; no free-text guessing), as
    evidence only. It copies the tree before pruning it, so ours is left as it was. About 4 ms
    on the few pages that reach it."""
    with _without_elsewhere(root, markup) as tree:
        found = htmldate.find_date(tree, url)
    value = parse_iso(found) if found else None
    return value if isinstance(value, _dt.date) and parse_date(found) is not None else None


def _byline_names(bylines: list[str], rules: Rules, exclude: frozenset[str]) -> tuple[str, ...]:
    """Names from byline texts. A "by" inside a text ("Posted on September 21, 2020 by Adi Tzlil",
    "Erstellt von Andri Bryner") is read first: what follows it is the name, what precedes it a
    label; only when that gives nothing is the whole text read ("Richard von Weizsäcker")."""
    names: list[str] = []
    for text in bylines:
        parts = rules.cues.mid_by.split(text, maxsplit=1)
        found = clean_authors([parts[1]], rules, exclude=exclude) if len(parts) == 2 else ()
        found = found or clean_authors([text], rules, exclude=exclude, led=True)
        names.extend(n for n in found if n.casefold() not in {m.casefold() for m in names})
        if len(names) >= 8:
            break
    if len(names) >= 3 and _teaser_list(bylines):
        return ()
    return tuple(names)


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
        match = _DATE_IN_LINE.search(text)
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


def _beside_photo(link: etree._Element) -> bool:
    """A credit next to a picture that is not the licence's own badge: a photo's credit."""
    parent = link.getparent()
    if parent is None:
        return False
    for img in parent.iter("img"):
        badge = img.getparent()
        if badge is None or "license" not in str(badge.get("rel") or "").lower():
            return True
    return False


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
    if _teaser_list(candidates):
        return ()
    # "By Course or Type", "By Method", "By Product": a list of filters, where a lone word is no name
    led = len({text_key(c) for c in candidates}) < 3
    for candidate in candidates:
        names = clean_authors([candidate], rules, exclude=exclude, led=led)
        if names:
            return names
    return ()


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
    """The first "<given> <Surname>" in a short text node of the body (at most 400 nodes read)."""
    body = root.find("body")
    if body is None:
        return None
    pattern = re.compile(rf"(?<![\w-]){re.escape(given)}\s+([A-ZÀ-ÖØ-Þ][\w'’-]+)", re.IGNORECASE)
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


def _letters(text: str) -> str:
    """Letters and digits only, casefolded and without accents: "Führes" is "fuhres"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isascii() and c.isalnum())


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
        for part in _TITLE_PARTS.split(text):
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
#: the separators between a title's parts ("Post – Site", "Site | Section", "Site » Feed")
_TITLE_PARTS = re.compile(r"(?:(?<!\s)|(?=\S))(?:\s++[-–—|·:»«]\s++|\s*+[|»«]\s*+)")


def _canonical(root: etree._Element) -> str | None:
    head = root.find("head")
    for link in (head if head is not None else root).iter("link"):
        if (link.get("rel") or "").lower() == "canonical":
            return str(link.get("href") or "") or None
    return None


_HOST = re.compile(r"^[a-z]+://(?:www\d?\.)?([^/:?#]+)", re.IGNORECASE)


def _host(url: str | None) -> str:
    """The site's own name in its domain: "tagesschau" for https://www.tagesschau.de/…"""
    m = _HOST.match(url or "")
    if not m:
        return ""
    labels = m.group(1).lower().split(".")
    name = labels[-2] if len(labels) >= 2 else labels[0]
    if len(labels) >= 3 and len(name) <= 3:  # example.co.uk
        name = labels[-3]
    return text_key(name)


def _month_first(root: etree._Element, meta: dict[str, str]) -> bool:
    lang = (root.get("lang") or meta.get("og:locale") or "").lower().replace("_", "-")
    return lang in ("en-us", "en")


def _utc_shift(value: _dt.date | _dt.datetime, local: _dt.date, lang: str | None) -> bool:
    """A UTC stamp that is the page's local day written in UTC: one day off, at an hour where the
    usual offsets (-8 to +9 h) cross midnight, on a page whose language implies no zone (when it
    does, :func:`in_page_zone` converts the stamp instead)."""
    if not isinstance(value, _dt.datetime) or value.utcoffset() != _dt.timedelta(0):
        return False
    if in_page_zone(value, lang) is not value:
        return False
    shift = (local - value.date()).days
    return (shift == 1 and value.hour >= 15) or (shift == -1 and value.hour < 8)


def _one_day(texts: list[str], day: _dt.date, month_first: bool, cues: MetadataCues) -> bool:
    """Every numeric date line of the page (at most three) is ``day``."""
    days = {local_day(v) for v in (parse_visible_date(t, cues=cues, month_first=month_first) for t in texts)
            if v is not None}
    return days <= {day}


def _published(
    ld_date: str | None, meta: dict[str, str], scan: _Scan, url: str | None, cues: MetadataCues, *,
    month_first: bool, lang: str | None = None, zone: str | None = None,
) -> _dt.date | _dt.datetime | None:
    """Structured dates first; the visible date and the URL's date confirm the local day.

    A visible date line labelled as the publication ("Erscheinungsdatum 25.01.2022") wins over a
    structured value that disagrees, as does one against a generic "date" meta (see ``weak``).

    A machine value in UTC ("2022-11-06T23:00:00+00:00") is often the conversion of a local
    midnight-ish time: when the date the page shows (or its URL) is the next or previous day,
    the page's own local day wins. ``zone`` is the language tag that places the page in a time
    zone (:func:`zone_tag`).
    """
    markup = cues.markup
    meta_key = next((name for name in markup.published if name in meta), None)
    candidates = [parse_date(v) for v in (ld_date, meta[meta_key] if meta_key else None, *scan.item_dates) if v]
    stated = [c for c in candidates if c is not None]
    structured = stated[0] if stated else None
    # a generic "date" meta alone is often the day the page was last built, not published
    weak = structured is not None and ld_date is None and meta_key in markup.weak_published
    url_day = date_from_url(url, slugs=False)  # a permalink's date; a slug's only as a last resort
    visible = None
    labelled_visible = False
    budget = 3  # dateparser calls per page: each costs about a millisecond
    for text in scan.dates:
        labelled_visible = cues.publication.search(text) is not None
        visible = parse_iso(text)
        if visible is None:
            needs_parser = YEAR.search(text) is not None and not _LOOSE_DATE.search(text)
            if needs_parser and budget <= 0:
                continue
            budget -= needs_parser
            visible = parse_visible_date(text, cues=cues, month_first=month_first, lang=lang)
        if visible is not None:
            break
    for text in scan.published if visible is None else ():
        # no date element: a line labelled as the publication is the date the reader is shown; it
        # is no more than that (a book's "Erschienen am" in a review must not beat the post's own
        # structured date), so it only stands where nothing structured does
        visible = parse_iso(text) or parse_visible_date(text, cues=cues, month_first=month_first, lang=lang)
        if visible is not None:
            break
    numeric = [t for t in scan.loose if _LOOSE_DATE.search(t)]  # read without dateparser
    if weak and structured is not None:
        built = local_day(structured)
        if visible is None:
            # the page's own numeric date line ("Stand: 28.04.2020 18:00 Uhr") is evidence against
            # it, when earlier (a later one is as likely an event's date)
            shown = (parse_visible_date(t, cues=cues, month_first=month_first) for t in numeric)
            visible = next((v for v in shown if v is not None and local_day(v) < built), None)
        elif local_day(visible) > built and ((local_day(visible) - built).days > 90
                                             or not _one_day(numeric, local_day(visible), month_first, cues)):
            # a later date is the post's only where the page shows no other (an events list shows
            # several; today's date in the page header is far later)
            visible = None
    if structured is not None and visible is None and url_day is None and numeric:
        # several publication values that disagree ("datePublished" 2021-12-14, "DC.date.issued"
        # 2022-02-04): the one the page's own date line shows wins
        others = [parse_date(meta[n]) for n in markup.published
                  if n in meta and n != meta_key and n not in markup.weak_published]
        days = {local_day(c) for c in (*stated, *others) if c is not None}
        if len(days) > 1:
            line = parse_visible_date(numeric[0], cues=cues, month_first=month_first)
            if line is not None and local_day(line) in days:
                stated.extend(c for c in others if c is not None)
                visible = line
    local = url_day or (local_day(visible) if visible is not None else None)
    if structured is not None:
        if local is not None and local_day(structured) != local:
            # the page's machine values disagree: the one the reader sees (or the URL states) wins
            agreeing = next((c for c in stated if local_day(c) == local), None)
            if agreeing is not None:
                return agreeing
            shown_as_published = labelled_visible and visible is not None and local_day(visible) == local
            if weak or shown_as_published or _utc_shift(structured, local, zone or lang):
                return visible if visible is not None and local_day(visible) == local else local
            if url_day is not None and (local_day(structured) - url_day).days > _RESAVED_AFTER_DAYS:
                # a permalink's date is fixed when the post is made; a "published" value months after
                # it is a re-save or a move to a new system (2017/7/12/… stamped 2019-06-17)
                return visible if visible is not None and local_day(visible) == url_day else url_day
        return structured
    if visible is not None:
        return visible
    if url_day is not None:
        return url_day
    slug_day = date_from_url(url)
    if slug_day is not None:
        return slug_day
    for text in numeric:
        loose = parse_visible_date(text, cues=cues, month_first=month_first, lang=lang)
        if loose is not None:
            return loose
    return _date_under_headline(scan.after_h1, cues, month_first=month_first, lang=lang)


#: a structured publication date this long after the URL's date is a later save, not the publication
_RESAVED_AFTER_DAYS = 90


def _written_alone(
    scan: _Scan, cues: MetadataCues, *, month_first: bool, lang: str | None
) -> _dt.date | _dt.datetime | None:
    """After every other source: a written date standing alone somewhere in the page ("<p
    class='category'> 24. April 2020 |", "<span>14. Februar 2012</span>"). One dateparser call."""
    written = next((t for t in scan.loose if not _LOOSE_DATE.search(t)), None)
    return parse_visible_date(written, cues=cues, month_first=month_first, lang=lang) if written else None


#: a written date inside a longer line: "Pressemitteilung vom 25. Januar 2022 | Berlin",
#: "Hamburg, 2. November 2021", "Posted March 3, 2021 by …"
_DATE_IN_LINE = re.compile(
    r"(?<![\d.])(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}"
    r"|\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+(?:19|20)\d{2}"
    # a month name is read from its word's start (or the letter after a digit), once: linear
    r"|(?:(?<![^\W\d_])|(?<=[\d.][^\W\d_]))[^\W\d_]{3,}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})(?!\d)"
)


def _date_under_headline(
    texts: list[str], cues: MetadataCues, *, month_first: bool, lang: str | None
) -> _dt.date | _dt.datetime | None:
    """The first date written in the few lines under the page's headline (where a page without
    date markup shows it: "01. November 2021 | Tipp", "Datum: 03.11.2021"); a line about a change
    ("Aktualisiert am …") is passed over. At most three dateparser calls."""
    budget = 3
    changed = cues.changed
    for text in texts:
        # a dateline is short; a date inside the article's prose is about something else
        if len(text) > 100 or changed.search(text):
            continue
        for match in _DATE_IN_LINE.finditer(text):
            found = match.group(0)
            numeric = found[:1].isdigit() and not any(c.isalpha() for c in found)
            if not numeric:
                if budget <= 0:
                    return None
                budget -= 1
            value = parse_visible_date(found, cues=cues, month_first=month_first, lang=lang)
            if value is not None:
                return value
    return None


#: markup shown as text (a theme bug): never a headline
_MARKUP = re.compile(r"<[a-z][a-z0-9]*[\s>]|</[a-z]+>", re.IGNORECASE)


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
