"""Elements: the body's blocks, with the form their markup gave them, as the structured body.

Takes the blocks that became ``Page.paragraphs`` (in that order); gives ``Page.elements``. Nothing
here decides what is kept: the body text is the paragraphs, and this stage only says what each
piece of it is — a heading and its level, a list item and its nesting, a quote, code with its own
whitespace, a table with its rows and cells, a caption.

Blocks of one element are merged: the paragraphs of one list item or one quote, the pieces of one
code listing (split where it has blank lines), the cells of one table. A table is kept as a table
only when it reads as one (two rows or more, two columns or more, short cells); a layout table's
cells are what their content is, paragraphs and headings.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from cleanpage.pipeline.blocks import Block

__all__ = ["Element", "ElementKind", "build_elements", "paragraph_elements"]


class ElementKind(str, enum.Enum):
    """What one element of the structured body is (see :class:`Element`)."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    CODE = "code"
    TABLE = "table"
    CAPTION = "caption"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, kw_only=True, slots=True)
class Element:
    """One element of the structured body, as the page's markup (or a dump's line shape) has it.

    ``text`` is the element's words as in ``Page.paragraphs`` (the paragraphs it holds joined by a
    blank line), except for ``code``, whose text keeps the page's whitespace, and ``table``, whose
    text is its rows, one a line, cells separated by a tab. ``level`` is a heading's level (1-6);
    ``depth`` a list item's nesting (1 at the top) and ``ordered`` whether its list is numbered;
    ``rows`` a table's cells by row, ``header`` whether its first row is a header row.
    """

    kind: ElementKind
    text: str
    level: int | None = None
    depth: int | None = None
    ordered: bool | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The kind and text, and only the fields the kind has."""
        data: dict[str, Any] = {"kind": self.kind.value, "text": self.text}
        if self.kind is ElementKind.HEADING:
            data["level"] = self.level
        elif self.kind is ElementKind.LIST_ITEM:
            data["depth"], data["ordered"] = self.depth, self.ordered
        elif self.kind is ElementKind.TABLE:
            data["rows"], data["header"] = [list(row) for row in self.rows], self.header
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Element:
        return cls(kind=ElementKind(data["kind"]), text=data["text"], level=data.get("level"),
                   depth=data.get("depth"), ordered=data.get("ordered"),
                   rows=tuple(tuple(row) for row in data.get("rows", ())), header=data.get("header", False))


_KINDS = {
    "paragraph": ElementKind.PARAGRAPH,
    "heading": ElementKind.HEADING,
    "item": ElementKind.LIST_ITEM,
    "quote": ElementKind.QUOTE,
    "code": ElementKind.CODE,
    "caption": ElementKind.CAPTION,
}
#: a dump's numbered item keeps its number in the body text; the list item's text is without it
_NUMBER_MARK = re.compile(r"^\d{1,3}[.)]\s+")
#: a data table's cells are short: a cell of more blocks than this is a layout table's column
_MAX_CELL_BLOCKS = 3


def paragraph_elements(paragraphs: Sequence[str]) -> tuple[Element, ...]:
    """Paragraphs with no markup behind them (a thread's opening post) as paragraph elements."""
    return tuple(Element(kind=ElementKind.PARAGRAPH, text=p) for p in paragraphs)


def _table(blocks: list[Block]) -> Element | None:
    """A table's cell blocks as one table element, or None when the table does not read as data."""
    rows: dict[int, dict[int, list[str]]] = {}
    header: dict[int, bool] = {}
    for block in blocks:
        form = block.form
        rows.setdefault(form.row, {}).setdefault(form.cell, []).append(block.text)
        header[form.row] = header.get(form.row, True) and form.header
    if len(rows) < 2 or max(len(cells) for cells in rows.values()) < 2:
        return None
    if any(len(parts) > _MAX_CELL_BLOCKS for cells in rows.values() for parts in cells.values()):
        return None
    table = tuple(tuple(" ".join(parts) for parts in cells.values()) for cells in rows.values())
    return Element(kind=ElementKind.TABLE, text="\n".join("\t".join(row) for row in table), rows=table,
                   header=header[next(iter(rows))])


def _element(blocks: list[Block]) -> Element | None:
    """Blocks of one element (the same kind and group) as that element; None for a dump's underline."""
    form = blocks[0].form
    kind = _KINDS.get(form.kind)
    if kind is None:
        return None
    if kind is ElementKind.CODE:
        raw = "".join(b.form.raw if b.form.raw is not None else b.text + "\n\n" for b in blocks)
        return Element(kind=kind, text=raw.lstrip("\r\n").rstrip())
    texts = [b.text for b in blocks]
    if kind is ElementKind.HEADING:
        if blocks[0].tag == "line":  # a dump's "#" heading that its shape kept as text: the words only
            texts[0] = texts[0].lstrip("#").lstrip() or texts[0]
        return Element(kind=kind, text=" ".join(texts), level=min(max(form.level, 1), 6))
    if kind is ElementKind.LIST_ITEM:
        if blocks[0].tag == "item" and form.ordered:
            texts[0] = _NUMBER_MARK.sub("", texts[0]) or texts[0]
        return Element(kind=kind, text="\n\n".join(texts), depth=max(form.depth, 1), ordered=form.ordered)
    return Element(kind=kind, text="\n\n".join(texts))


def _merged(blocks: Sequence[Block]) -> list[Element]:
    out: list[Element] = []
    for _, run in groupby(blocks, key=lambda b: (b.form.kind, b.form.group) if b.form.group >= 0 else b.index):
        element = _element(list(run))
        if element is not None:
            out.append(element)
    return out


def build_elements(blocks: Sequence[Block]) -> tuple[Element, ...]:
    """The body blocks (``Page.paragraphs``' blocks, in order) as typed elements."""
    out: list[Element] = []
    for table, run in groupby(blocks, key=lambda b: b.form.table if b.form.cell >= 0 else -1):
        part = list(run)
        found = _table(part) if table >= 0 else None
        if found is not None:
            out.append(found)
        else:
            out.extend(_merged(part))
    return tuple(out)
