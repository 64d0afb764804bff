"""Which hidden elements are a disclosure widget's panel (``disclosure.toml``), and its reader.

The HTML blocks stage (:mod:`cleanpage.pipeline.html.blocks`) gives a hidden element the role
``collapsed`` instead of ``hidden`` when the markup says a control on the page opens it: a tab
panel, an accordion's body, a "read more" expander. WCXB's gold counts such panels as the page's
text; everything else a page hides stays removed for certain (issue 14 §3).

The compiled table is a field of :class:`~.tables.Rules` (``rules.disclosure``), so custom tables
(``parse_rules(..., disclosure_toml=...)``) reach every reader and the disk cache holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .schema import RulesError, _keys, _strs, _table, _toml, _words

__all__ = ["DisclosureCues", "compile_disclosure", "markup_words"]

_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@dataclass(frozen=True, slots=True)
class DisclosureCues:
    """The words and attributes that make a hidden element a panel a reader opens, or furniture."""

    panel_words: frozenset[str]
    furniture_words: frozenset[str]
    furniture_roles: frozenset[str]
    control_attributes: tuple[str, ...]
    streamed_ids: tuple[str, ...]
    #: class values that hide an element, as words joined by "-", and endings of such values
    hidden_classes: frozenset[str] = frozenset()
    hidden_class_endings: tuple[str, ...] = ()
    #: the last word of every entry of the two above: a class value holding none of them hides nothing
    hidden_words: tuple[str, ...] = ()

    def hides(self, tokens: frozenset[str]) -> bool:
        """Whether one of the class values ``tokens`` is one a stylesheet hides an element with."""
        return any(self.hides_class(token) for token in tokens)

    def hides_class(self, token: str) -> bool:
        """Whether the class value ``token`` is one a stylesheet hides an element with; a value
        holding none of the entries' last words ("hidden", "none") is answered without a split."""
        flat = token.lower()
        if not any(word in flat for word in self.hidden_words):
            return False
        joined = "-".join(w.lower() for w in _WORD.findall(token))
        return joined in self.hidden_classes or any(joined.endswith(f"-{e}") for e in self.hidden_class_endings)


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
    keys = {"panel_words", "furniture_words", "furniture_roles", "control_attributes", "streamed_ids",
            "hidden_classes", "hidden_class_endings"}
    _keys(table, keys, f"{where} [disclosure]")
    panel = frozenset(_words(table, "panel_words", where))
    furniture = frozenset(_words(table, "furniture_words", where))
    if panel & furniture:
        raise RulesError(f"{where}: words in both panel_words and furniture_words: {sorted(panel & furniture)}")
    hidden = _strs(table, "hidden_classes", where)
    endings = _strs(table, "hidden_class_endings", where)
    return DisclosureCues(panel_words=panel, furniture_words=furniture,
                          furniture_roles=frozenset(_words(table, "furniture_roles", where)),
                          control_attributes=_words(table, "control_attributes", where),
                          streamed_ids=tuple(_strs(table, "streamed_ids", where, required=True)),
                          hidden_classes=frozenset(hidden), hidden_class_endings=tuple(endings),
                          hidden_words=tuple(sorted({e.rsplit("-", 1)[-1] for e in (*hidden, *endings)})))

