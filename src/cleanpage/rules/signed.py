"""Comments signed in plain text (``comments.toml`` table ``[signed]``): the cues that tell a name from a title.

Read by :mod:`cleanpage.pipeline.html.signed_items`, which finds comment items signed with a bold
name (no profile link, no class word) where the page says comments. The shape alone (a short bold
text, a date, words) is also an events listing's, a news list's or a changelog's; these words tell
them apart, in any language. The compiled table is a field of :class:`~.tables.Rules`
(``rules.signed``), so custom tables reach the reader and the disk cache holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .schema import _keys, _table, _words

__all__ = ["SignedCues", "compile_signed"]


@dataclass(frozen=True, slots=True)
class SignedCues:
    """The tags a plain-text signature is in, and the words that tell a name from a title."""

    #: tags a comment is signed in when its name is no link and no class word names it ("<b>Maria K.</b>")
    name_tags: tuple[str, ...] = ()
    #: words that make such a short bold text a title, not someone's name ("Version", "Festival")
    title_words: frozenset[str] = frozenset()
    #: a reader talking (first and second person, thanks): a signed list beside a comment form,
    #: with no heading or class saying comments, must speak so
    reader_words: frozenset[str] = frozenset()


def compile_signed(doc: Mapping[str, Any]) -> SignedCues:
    """``comments.toml``'s ``[signed]`` table as :class:`SignedCues` (empty when the table is left out)."""
    where = "comments.toml [signed]"
    table = _table(doc, "signed", "comments.toml")
    if not table:
        return SignedCues()
    _keys(table, {"name_tags", "title_words", "reader_words"}, where)
    return SignedCues(
        name_tags=_words(table, "name_tags", where),
        title_words=frozenset(_words(table, "title_words", where)),
        reader_words=frozenset(_words(table, "reader_words", where)),
    )
