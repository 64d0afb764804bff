"""Hidden panels a reader opens: a tab panel, an accordion's body, a "read more" expander.

A page hides them until a click, yet they are its own text (WCXB's gold keeps them): the blocks
stage gives such an element the role ``collapsed`` instead of ``hidden``, so its blocks go to the
block model like any other (which sees the role as a feature) instead of being removed for
certain. Text hidden for any other reason — a screen-reader duplicate, a honeypot field, a modal,
a menu's submenu, a template, a panel in the page's header or footer — keeps the role ``hidden`` and stays removed (issue 14 §3).

A page may also hide its whole content until a script has run (a deferred render, an access check,
an entry animation): a hidden element around the page's first ``<main>`` (or, without one, its first
``<article>``) is shown like the rest of the page, and one holding much of the page's text goes to the block model as ``collapsed``
(:meth:`Disclosure.hidden_role`); furniture stays hidden whatever it holds. The
cues are data (``rules/disclosure.toml``, handed over as ``Rules.disclosure``); what a page's controls open is read once per page, and
only when the page hides something.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from cleanpage.rules.disclosure import DisclosureCues, markup_words

__all__ = ["Disclosure"]

#: the nearest ancestors whose class/id words can make a hidden element furniture
_ANCESTORS = 3
#: the page's first main landmark (tag or ARIA role), and, on a page without one, its first article
_FIRST_MAIN = "(//main | //*[@role='main'])[1]"
_FIRST_ARTICLE = "(//article | //*[@role='article'])[1]"


#: a hidden element holding this share of the page's characters is the page's content, hidden until a
#: script shows it ...
_MUCH_SHARE = 0.3
#: ... when it holds this many characters at least (more than a label, a screen-reader line or a form field)
_MUCH_MIN_CHARS = 1000
_TEXT = ".//text()[not(ancestor::script) and not(ancestor::style)]"


def _near_words(el: etree._Element, attrib: dict[str, str]) -> set[str]:
    """The class/id words of a hidden element (its attributes ``attrib``) and of its parent."""
    parent = el.getparent()
    own = markup_words(attrib.get("class"), attrib.get("id"))
    return own | markup_words(parent.get("class"), parent.get("id")) if parent is not None else own


def _chars(el: etree._Element) -> int:
    """The characters of the text under ``el`` that a reader could see (scripts and styles left out)."""
    return sum(len(str(t).strip()) for t in el.xpath(_TEXT))


class Disclosure:
    """One page's answer to "does a control open this hidden element?"."""

    __slots__ = ("_cues", "_main", "_opened", "_page_chars", "_root", "_tabs")

    def __init__(self, root: etree._Element, cues: DisclosureCues) -> None:
        self._root = root
        self._cues = cues
        self._opened: frozenset[str] | None = None
        self._tabs: frozenset[str] = frozenset()
        self._page_chars: int | None = None
        self._main: frozenset[etree._Element] | None = None

    def hidden_role(self, el: etree._Element, attrib: dict[str, str], roles: Iterable[str], *, inside: bool) -> str:
        """The role of the hidden element ``el`` (its attributes, the roles around it; ``inside``: an
        ancestor is hidden already): ``""`` when it wraps the page's main content
        (:meth:`wraps_page`), ``collapsed`` when a control opens it (:meth:`is_panel`) or it holds
        much of the page's text (:meth:`holds_much`), else ``hidden``."""
        if not inside and self.wraps_page(el, attrib, roles):
            return ""
        if self.is_panel(el, attrib, roles) or (not inside and self.holds_much(el, attrib, roles)):
            return "collapsed"
        return "hidden"

    def is_panel(self, el: etree._Element, attrib: dict[str, str], roles: Iterable[str]) -> bool:
        """Whether the hidden element ``el`` (its attributes, the roles around it) is a panel a
        control opens, and not furniture."""
        near = _near_words(el, attrib)
        if self._furniture(el, near, roles):
            return False
        return self._opened_by_markup(attrib, el.getparent()) or not self._cues.panel_words.isdisjoint(near)

    def wraps_page(self, el: etree._Element, attrib: dict[str, str], roles: Iterable[str]) -> bool:
        """Whether the hidden element ``el`` holds the page's own main content: the page's first
        ``<main>`` (tag or ARIA role), or on a page without one its first ``<article>``, inside it,
        and no furniture around it.

        A page that hides its whole content until a script has run (a deferred render, an anti-flicker
        or access wrapper: ``<div style="display:none">`` around the product or the article) hides
        nothing from its readers; furniture a page hides (a menu, a modal, a template) is never
        where the page's main landmark or article element is. Only the first counts: an article a
        page hides after the one it shows (the next story preloaded for scrolling, a print copy, a
        comment thread marked up as articles) is not the page's content shown by a script
        (review18)."""
        if self._furniture(el, _near_words(el, attrib), roles):
            return False
        return el in self._main_ancestors()

    def _main_ancestors(self) -> frozenset[etree._Element]:
        """The ancestors of the page's main content element (:meth:`wraps_page`); read once."""
        if self._main is None:
            found = self._root.xpath(_FIRST_MAIN) or self._root.xpath(_FIRST_ARTICLE)
            self._main = frozenset(found[0].iterancestors()) if found else frozenset()
        return self._main

    def holds_much(self, el: etree._Element, attrib: dict[str, str], roles: Iterable[str]) -> bool:
        """Whether the hidden element ``el`` holds much of the page's text, and no furniture is
        around it: then it is hidden until a script shows it (a page's content behind a loader, an
        access check or an animation), and its blocks go to the block model as ``collapsed``.

        Much is a share of the page's characters (:data:`_MUCH_SHARE`) and no less than
        :data:`_MUCH_MIN_CHARS`: the text a page hides for good is a label, a screen-reader line or a
        honeypot's field, short beside a page; a copy of the page's text kept hidden for a script
        (the article again as Markdown) is told apart afterwards, by its words
        (:func:`cleanpage.pipeline.html.blocks.build_blocks`)."""
        if self._furniture(el, _near_words(el, attrib), roles):
            return False
        chars = _chars(el)
        if chars < _MUCH_MIN_CHARS:
            return False
        if self._page_chars is None:
            self._page_chars = _chars(self._root)
        return chars >= _MUCH_SHARE * self._page_chars

    def _furniture(self, el: etree._Element, near: set[str], roles: Iterable[str]) -> bool:
        """Whether furniture surrounds the hidden element ``el``: a furniture role around it, or
        furniture words on it or its nearest ancestors (``near``: its own and its parent's words)."""
        cues = self._cues
        if not cues.furniture_roles.isdisjoint(roles):
            return True
        words = near
        up = el.getparent()
        for _ in range(_ANCESTORS - 1):
            up = up.getparent() if up is not None else None
            if up is None:
                break
            words = words | markup_words(up.get("class"), up.get("id"))
        return not cues.furniture_words.isdisjoint(words)

    def _opened_by_markup(self, attrib: dict[str, str], parent: etree._Element | None) -> bool:
        if (attrib.get("role") or "").lower() == "tabpanel" or attrib.get("hidden") == "until-found":
            return True
        if parent is not None and parent.tag == "details":
            return True
        ident = attrib.get("id")
        if ident and any(ident.startswith(p) and ident[len(p):].isalnum() for p in self._cues.streamed_ids):
            return True
        label = attrib.get("aria-labelledby")
        if not ident and not label:
            return False  # nothing a control could name: the page's controls need not be read
        opened = self._read_controls()
        return bool(ident and ident in opened) or bool(label and label in self._tabs)

    def _read_controls(self) -> frozenset[str]:
        """The ids the page's controls name (``aria-controls``, ``data-target``, ``href="#id"``),
        and the ids of its tabs; read once."""
        if self._opened is None:
            found: set[str] = set()
            for name in self._cues.control_attributes:
                for value in self._root.xpath(f"//@{name}"):
                    found.update(part.lstrip("#") for part in str(value).split())
            found.update(str(h)[1:] for h in self._root.xpath("//a/@href[starts-with(., '#')]"))
            self._tabs = frozenset(str(i) for i in self._root.xpath("//*[@role='tab']/@id"))
            found.discard("")
            self._opened = frozenset(found)
        return self._opened
