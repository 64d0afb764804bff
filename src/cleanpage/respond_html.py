"""Stage 5 (HTML): reader responses found in the tree, each on its own, threaded.

Comment systems differ in markup but agree in shape: a *section* (found by class/id cues, schema.org
``Comment`` markup, or a heading that announces a count) holding *items*, each with an author, a
date, a text and perhaps nested items (replies). The cues are data (``rules/comments.toml``); this
module only knows the shape.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from cleanpage.blocks import normalise_space
from cleanpage.dates import parse_date
from cleanpage.html_blocks import BLOCK_TAGS, SKIP_TAGS, element_tokens
from cleanpage.result import Response
from cleanpage.rules import CommentCues, Rules

__all__ = ["HtmlResponses", "find_html_responses"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True, slots=True)
class HtmlResponses:
    """Responses, the announced count, and the section elements whose blocks are not body."""

    responses: tuple[Response, ...]
    announced: int | None
    sections: tuple[etree._Element, ...]
    items: tuple[etree._Element, ...]


def _is_schema_comment(el: etree._Element) -> bool:
    itemtype = el.get("itemtype") or ""
    return el.get("itemprop") in ("comment", "comments") or itemtype.rstrip("/").endswith(("/Comment", "/UserComments"))


def _has(el: etree._Element, test: Callable[[Iterable[str]], bool]) -> bool:
    tokens = element_tokens(el)
    return bool(tokens) and test(tokens)


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen: list[etree._Element] = []
    unique = list({id(e): e for e in elements}.values())
    ids = set({id(e) for e in unique})
    for el in unique:
        parent = el.getparent()
        nested = False
        while parent is not None:
            if id(parent) in ids:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            chosen.append(el)
    return chosen


def _sections(root: etree._Element, cues: CommentCues) -> list[etree._Element]:
    found: list[etree._Element] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        if _has(el, cues.is_section) or (el.get("itemprop") == "comment" and el.getparent() is not None
                                               and not _is_schema_comment(el.getparent())):
            found.append(el)
        elif el.tag in _HEADINGS:
            text = normalise_space(el.text_content())
            if text and (cues.announced(text) is not None or cues.is_section_heading(text)):
                parent = el.getparent()
                if parent is not None and parent.tag not in ("body", "html"):
                    found.append(parent)
    # a schema.org comment alone is an item: its section is its parent
    found = [f.getparent() if f.get("itemprop") == "comment" and f.getparent() is not None else f for f in found]
    return _outermost(found)


def _candidates(section: etree._Element, cues: CommentCues) -> list[etree._Element]:
    found: list[etree._Element] = []
    for el in section.iter():
        if el is section or not isinstance(el.tag, str):
            continue
        if _is_schema_comment(el) or (el.tag in ("li", "article", "div", "section") and _has(el, cues.is_comment)):
            found.append(el)
    return found


def _items(section: etree._Element, cues: CommentCues) -> list[etree._Element]:
    """Comment items, without the parts of a comment that carry comment-like classes too.

    ``li.comment > article.comment-body > div.comment-content`` is one comment, while
    ``li.comment > ol.children > li.comment`` is a reply: a candidate is its own item only when a
    list or a replies container separates it from the candidate around it (schema.org comments
    are always items).
    """
    candidates = _candidates(section, cues)
    ids = {id(c) for c in candidates}
    items: list[etree._Element] = []
    for el in candidates:
        parent = el.getparent()
        separated = False
        while parent is not None and parent is not section and id(parent) not in ids:
            if parent.tag in ("ol", "ul") or _has(parent, cues.is_section):
                separated = True
            parent = parent.getparent()
        if parent is None or parent is section or separated or _is_schema_comment(el):
            items.append(el)
    return items


def _first(el: etree._Element, test: Callable[[Iterable[str]], bool], stop: set[int]) -> etree._Element | None:
    for sub in el.iter():
        if sub is el or not isinstance(sub.tag, str):
            continue
        if id(sub) in stop:
            return None
        if _has(sub, test):
            return sub
    return None


def _nearest_item(el: etree._Element, item_ids: set[int]) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None:
        if id(parent) in item_ids:
            return parent
        parent = parent.getparent()
    return None


def _own_texts(el: etree._Element, skip: set[int], is_chrome: Callable[[str], bool]) -> list[str]:
    """Paragraph texts of an item, not descending into nested items or meta/author elements."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = normalise_space("".join(buffer))
        buffer.clear()
        if text and not is_chrome(text):
            paragraphs.append(text)

    walker = etree.iterwalk(el, events=("start", "end"))
    for event, sub in walker:
        if not isinstance(sub.tag, str):
            continue
        if event == "start":
            if sub is not el and (id(sub) in skip or sub.tag in SKIP_TAGS or sub.tag in ("form", "button")):
                walker.skip_subtree()
                if sub.tail:
                    buffer.append(sub.tail)
                continue
            if sub.tag in BLOCK_TAGS:
                flush()
            elif sub.tag == "br":
                buffer.append(" ")
            if sub.text:
                buffer.append(sub.text)
        else:
            if sub.tag in BLOCK_TAGS:
                flush()
            if sub is not el and sub.tail:
                buffer.append(sub.tail)
    flush()
    return paragraphs


def _clean_author(text: str, cues: CommentCues) -> str | None:
    words = text.split()
    while words and cues.is_chrome(words[-1]):
        words.pop()
    name = " ".join(words).strip(" :,-–—")
    return name if 0 < len(name) <= 80 else None


def _item_date(item: etree._Element, date_el: etree._Element | None, reference: _dt.datetime | None, stop: set[int]) -> _dt.date | _dt.datetime | None:
    for sub in item.iter("time"):
        if _nearest_item_or_self(sub, item, stop):
            value = sub.get("datetime")
            parsed = parse_date(value, reference) if value else None
            if parsed is None and sub.text:
                parsed = parse_date(sub.text, reference)
            if parsed is not None:
                return parsed
    if date_el is not None:
        value = date_el.get("title") or date_el.get("datetime") or date_el.get("content")
        parsed = parse_date(value, reference) if value else None
        if parsed is None:
            parsed = parse_date(normalise_space(date_el.text_content()), reference)
        return parsed
    return None


def _nearest_item_or_self(sub: etree._Element, item: etree._Element, stop: set[int]) -> bool:
    parent = sub.getparent()
    while parent is not None and parent is not item:
        if id(parent) in stop:
            return False
        parent = parent.getparent()
    return True


def find_html_responses(root: etree._Element, rules: Rules, reference: _dt.datetime | None) -> HtmlResponses:
    """Find comment sections and read each comment; ``reference`` resolves relative dates."""
    cues = rules.comments
    sections = _sections(root, cues)
    responses: list[Response] = []
    all_items: list[etree._Element] = []
    announced: int | None = None
    for section in sections:
        for heading in section.iter(*_HEADINGS, "span", "div", "p"):
            text = normalise_space(heading.text_content()) if len(heading) < 6 else ""
            count = cues.announced(text) if text and len(text) <= 120 else None
            if count is not None:
                announced = count if announced is None else announced
                break
        items = _items(section, cues)
        item_ids = {id(i) for i in items}
        index_of: dict[int, int] = {}
        for item in items:
            nested = {id(i) for i in items if i is not item}
            author_el = _first(item, cues.is_author, nested)
            date_el = _first(item, cues.is_date, nested)
            skip = set(nested)
            meta_skip = []
            if author_el is not None:
                meta_skip.append(author_el)
            if date_el is not None:
                meta_skip.append(date_el)
            for sub in item.iter():
                if sub is not item and isinstance(sub.tag, str) and _has(sub, cues.is_chrome_element):
                    meta_skip.append(sub)
            skip.update(id(m) for m in meta_skip)
            paragraphs = _own_texts(item, skip, cues.is_chrome)
            if not paragraphs:
                continue
            author = None
            if author_el is not None:
                name_el = author_el.find(".//*[@itemprop='name']")
                source = name_el if name_el is not None else author_el
                fn = None if name_el is not None else _first(author_el, lambda t: "fn" in t, set())
                author = _clean_author(normalise_space((fn if fn is not None else source).text_content()), cues)
            published = _item_date(item, date_el, reference, nested)
            parent_el = _nearest_item(item, item_ids)
            parent = index_of.get(id(parent_el)) if parent_el is not None else None
            index_of[id(item)] = len(responses)
            all_items.append(item)
            responses.append(Response(text="\n\n".join(paragraphs), author=author, published=published, parent=parent))
    return HtmlResponses(tuple(responses), announced, tuple(sections), tuple(all_items))
