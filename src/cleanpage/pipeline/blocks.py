"""The block model: both input kinds become a tuple of :class:`Block` values.

Rules and classifiers read blocks, never the tree or the raw lines, so one rule works on HTML and
on text dumps alike. A block remembers its context (the class/id words and semantic roles of the
element and its ancestors for HTML; indentation and list markers for text) because boilerplate is
mostly recognised by *where* a text sits, not by the text alone.
"""

from __future__ import annotations

import enum
import re
from typing import NamedTuple

__all__ = ["Block", "Label", "Labelled", "normalise_space", "text_key"]

_KEY_DROP = re.compile(r"[\W_]+", re.UNICODE)


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space: the only change we make to page text."""
    return " ".join(text.split())


def text_key(text: str) -> str:
    """A key for aligning the same text seen by two engines: casefolded, letters and digits only."""
    return _KEY_DROP.sub("", text).casefold()


class Block(NamedTuple):
    """One paragraph-like unit of the page, in page order.

    ``tag`` is the HTML element name (``"p"``, ``"h1"``, ``"li"``) or, for text dumps, a line-shape
    label (``"line"``, ``"item"``, ``"heading"``). ``tokens`` holds the lower-cased class/id words of
    the element and its ancestors; ``roles`` the semantic containers around it (``nav``, ``aside``,
    ``footer``, ``form``, ``header``, ``article``, ``main``, ``comment``, ARIA roles); ``link_chars`` how
    many characters of the text are link text; ``indent`` the indentation of a text line.

    A ``NamedTuple`` rather than a frozen dataclass: just as immutable, but built several times
    faster, and a large page makes a block for every piece of its text (keyword arguments only,
    by convention).
    """

    index: int  # type: ignore[assignment]  # the field shadows tuple.index on purpose: a block's position
    text: str
    tag: str
    tokens: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    link_chars: int = 0
    indent: int = 0
    depth: int = 0
    node: int = -1  # position of the source element in document order (HTML), -1 for text
    #: document-order positions of the enclosing block elements, outermost first (HTML); lets a
    #: classifier reason about containers ("most of this <div>'s prose was kept") without the tree
    path: tuple[int, ...] = ()

    @property
    def link_share(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def words(self) -> int:
        return len(self.text.split())

class Label(str, enum.Enum):
    TITLE = "title"
    BODY = "body"
    ATTRIBUTION = "attribution"
    RESPONSE = "response"
    RESPONSE_HEADER = "response-header"
    BOILERPLATE = "boilerplate"
    META = "meta"  # byline/date lines: kept out of the body, read by metadata, not "removed"


class Labelled(NamedTuple):
    """A block with its label; ``reason`` names the rule for boilerplate (it becomes ``Removed.reason``).

    A ``NamedTuple`` (immutable, cheap to build): classifiers relabel by building new ones."""

    block: Block
    label: Label
    reason: str = ""
