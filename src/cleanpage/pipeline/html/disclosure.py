"""Hidden panels a reader opens: a tab panel, an accordion's body, a "read more" expander.

A page hides them until a click, yet they are its own text (WCXB's gold keeps them): the blocks
stage gives such an element the role ``collapsed`` instead of ``hidden``, so its blocks go to the
block model like any other (which sees the role as a feature) instead of being removed for
certain. Text hidden for any other reason — a screen-reader duplicate, a honeypot field, a modal,
a menu's submenu, a template, a panel in the page's header or footer — keeps the role ``hidden`` and stays removed (issue 14 §3). The
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


class Disclosure:
    """One page's answer to "does a control open this hidden element?"."""

    __slots__ = ("_cues", "_opened", "_root", "_tabs")

    def __init__(self, root: etree._Element, cues: DisclosureCues) -> None:
        self._root = root
        self._cues = cues
        self._opened: frozenset[str] | None = None
        self._tabs: frozenset[str] = frozenset()

    def is_panel(self, el: etree._Element, attrib: dict[str, str], roles: Iterable[str]) -> bool:
        """Whether the hidden element ``el`` (its attributes, the roles around it) is a panel a
        control opens, and not furniture."""
        cues = self._cues
        if not cues.furniture_roles.isdisjoint(roles):
            return False
        own = markup_words(attrib.get("class"), attrib.get("id"))
        parent = el.getparent()
        near = markup_words(parent.get("class"), parent.get("id")) if parent is not None else set()
        words = own | near
        up = parent
        for _ in range(_ANCESTORS - 1):
            up = up.getparent() if up is not None else None
            if up is None:
                break
            words |= markup_words(up.get("class"), up.get("id"))
        if not cues.furniture_words.isdisjoint(words):
            return False
        return self._opened_by_markup(attrib, parent) or not cues.panel_words.isdisjoint(own | near)

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
