"""Where an element sits: inside a comment list, a sidebar, a teaser, nav or footer (whose dates and
names belong to other things), and the page with those boxes set aside for a while.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator

from lxml import etree

from cleanpage.rules import MarkupCues


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


@contextlib.contextmanager
def _without_elsewhere(root: etree._Element, markup: MarkupCues) -> Iterator[etree._Element]:
    """The page without comment lists, sidebars, teasers, nav and footers, whose dates belong to
    other things (the same places :func:`_elsewhere` passes over), for the length of the block.

    Each box is swapped for an empty placeholder that carries its tail (the text after it stays in
    place) and swapped back after, so the tree the other stages read is the same; htmldate copies
    what it is given before it prunes, and a copy of our own as well would cost a second copy of
    the page. The page's frame (``body``, ``main``, ``article``) is never a box, whatever its class."""
    swapped: list[tuple[etree._Element, etree._Element]] = []
    for el in _outer_boxes(root, markup):
        parent = el.getparent()
        if parent is not None:
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


def _outer_boxes(root: etree._Element, markup: MarkupCues) -> list[etree._Element]:
    """The boxes :func:`_without_elsewhere` sets aside, in document order, none inside another: a box
    inside one goes with it, so a box's subtree is not searched (a page's nav, footer and sidebars
    are a good part of it)."""
    boxes: list[etree._Element] = []
    search = markup.elsewhere.search
    walker = etree.iterwalk(root, events=("start",))
    for _event, el in walker:
        tag = el.tag
        if (isinstance(tag, str) and tag not in _FRAME_TAGS and (tag in ("nav", "aside", "footer") or (
                ("class" in el.attrib or "id" in el.attrib) and search(_tokens(el)) is not None))
                and el.getparent() is not None and el.find(".//h1") is None):
            boxes.append(el)
            walker.skip_subtree()
    return boxes


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


def _letters(text: str) -> str:
    """Letters and digits only, casefolded and without accents: "Führes" is "fuhres"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isascii() and c.isalnum())
