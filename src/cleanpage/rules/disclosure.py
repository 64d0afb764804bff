"""Which hidden elements are a disclosure widget's panel (``disclosure.toml``), and its reader.

The HTML blocks stage (:mod:`cleanpage.pipeline.html.blocks`) gives a hidden element the role
``collapsed`` instead of ``hidden`` when the markup says a control on the page opens it: a tab
panel, an accordion's body, a "read more" expander. WCXB's gold counts such panels as the page's
text; everything else a page hides stays removed for certain (issue 14 §3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from .schema import RulesError, _keys, _strs, _table, _toml, _words

__all__ = ["DisclosureCues", "disclosure_cues", "markup_words"]

_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@dataclass(frozen=True, slots=True)
class DisclosureCues:
    """The words and attributes that make a hidden element a panel a reader opens, or furniture."""

    panel_words: frozenset[str]
    furniture_words: frozenset[str]
    furniture_roles: frozenset[str]
    control_attributes: tuple[str, ...]
    streamed_ids: tuple[str, ...]


def markup_words(*values: str | None) -> set[str]:
    """The lower-case words of class/id values, split at "-", "_", digits and camelCase
    (``"faq-answer"``, ``"accordionBody"``, ``"tab_panel2"``)."""
    out: set[str] = set()
    for value in values:
        if value:
            out.update(w.lower() for w in _WORD.findall(value))
    return out


def compile_disclosure(text: str) -> DisclosureCues:
    """``disclosure.toml`` (its text) as :class:`DisclosureCues`."""
    where = "disclosure.toml"
    doc = _toml(text, where)
    _keys(doc, {"disclosure"}, where)
    table = _table(doc, "disclosure", where)
    keys = {"panel_words", "furniture_words", "furniture_roles", "control_attributes", "streamed_ids"}
    _keys(table, keys, f"{where} [disclosure]")
    panel = frozenset(_words(table, "panel_words", where))
    furniture = frozenset(_words(table, "furniture_words", where))
    if panel & furniture:
        raise RulesError(f"{where}: words in both panel_words and furniture_words: {sorted(panel & furniture)}")
    return DisclosureCues(panel_words=panel, furniture_words=furniture,
                          furniture_roles=frozenset(_words(table, "furniture_roles", where)),
                          control_attributes=_words(table, "control_attributes", where),
                          streamed_ids=tuple(_strs(table, "streamed_ids", where, required=True)))


@cache
def disclosure_cues() -> DisclosureCues:
    """The packaged table, read once per process (an immutable value)."""
    return compile_disclosure(files("cleanpage.rules").joinpath("disclosure.toml").read_text(encoding="utf-8"))
