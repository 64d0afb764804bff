"""Stage 3 (text): a plain-text dump as ordered blocks.

Dumps come in a few shapes: one block per line (a browser's select-all), paragraphs separated by
blank lines, paragraphs hard-wrapped at a fixed width (email archives, ``lynx -dump``), and
markdown-like output of HTML-to-text converters. The shape decides how lines become paragraphs;
after that every block carries its line shape (indentation, list marker) so the classifier can
tell a navigation run from prose and a numbered response from a paragraph.
"""

from __future__ import annotations

import enum
import re
from collections import Counter

from cleanpage.blocks import Block, normalise_space

__all__ = ["DumpShape", "detect_shape", "text_blocks", "ITEM_MARKER"]

#: a list or numbered-item marker at the start of a line: "1.", "2)", "-", "*", "•", "·", "[3]"
ITEM_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•·▪►‣◦]|\[\d{1,3}\])\s+(?=\S)")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_LYNX_REF = re.compile(r"\[\d{1,4}\]")
_LYNX_REF_LIST = re.compile(r"^\s*(?:References|Visible links|Hidden links)\s*:?\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;»\"”’)\]]$")


class DumpShape(str, enum.Enum):
    LINES = "lines"  # every line its own block
    WRAPPED = "wrapped"  # paragraphs hard-wrapped at a fixed width; blank lines between them
    MARKDOWN = "markdown"  # html2text / reader-mode markdown
    LYNX = "lynx"  # lynx -dump: wrapped, indented, [n] references and a References list


def _width_profile(lines: list[str]) -> tuple[int, float]:
    """The most common long-line width and the share of lines that end near it."""
    lengths = [len(l.rstrip()) for l in lines if len(l.strip()) > 20]
    if len(lengths) < 8:
        return 0, 0.0
    top = max(lengths)
    if top > 120:
        return top, 0.0
    near = sum(1 for n in lengths if n >= top - 12)
    return top, near / len(lengths)


def detect_shape(text: str) -> DumpShape:
    """Guess the dump's shape from a sample of its lines."""
    lines = text.splitlines()[:2000]
    sample = "\n".join(lines)
    if len(_LYNX_REF.findall(sample)) >= 3 and any(_LYNX_REF_LIST.match(l) for l in lines):
        return DumpShape.LYNX
    md_signals = len(_MD_LINK.findall(sample)) + sum(1 for l in lines if _MD_HEADING.match(l))
    if md_signals >= 3:
        return DumpShape.MARKDOWN
    width, share = _width_profile(lines)
    if width and share >= 0.45:
        return DumpShape.WRAPPED
    return DumpShape.LINES


def _strip_markup(line: str, shape: DumpShape) -> str:
    if shape is DumpShape.MARKDOWN:
        line = _MD_LINK.sub(lambda m: m.group(1), line)
        line = _MD_HEADING.sub("", line)
        line = line.replace("**", "").replace("__", "")
    elif shape is DumpShape.LYNX:
        line = _LYNX_REF.sub("", line)
    return line


def _paragraphs(lines: list[str], shape: DumpShape) -> list[tuple[str, int, bool]]:
    """(text, indent, starts_with_item_marker) per paragraph."""
    out: list[tuple[str, int, bool]] = []
    joined: list[str] = []
    indent = 0
    item = False
    wrapped = shape in (DumpShape.WRAPPED, DumpShape.LYNX)

    def flush() -> None:
        nonlocal joined
        if joined:
            text = normalise_space(" ".join(joined))
            if text:
                out.append((text, indent, item))
        joined = []

    width = _width_profile(lines)[0] if wrapped else 0
    previous = ""
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            flush()
            previous = ""
            continue
        stripped = line.lstrip()
        lead = len(line) - len(stripped)
        marker = bool(ITEM_MARKER.match(line))
        heading = shape is DumpShape.MARKDOWN and bool(_MD_HEADING.match(line))
        # a wrapped paragraph continues while the previous line reached near the wrap width
        # a wrapped paragraph continues while the previous line reached near the wrap width
        continues = wrapped and bool(joined) and not marker and not heading and len(previous) >= width - 15
        if not continues:
            flush()
            indent = lead
            item = marker
        joined.append(_strip_markup(stripped, shape))
        previous = line
        if heading:
            flush()
    flush()
    return out


def text_blocks(text: str) -> tuple[tuple[Block, ...], DumpShape]:
    """Blocks of a dump and the shape it was read as."""
    shape = detect_shape(text)
    lines = text.splitlines()
    references: list[str] = []
    if shape is DumpShape.LYNX:
        for i, line in enumerate(lines):
            if _LYNX_REF_LIST.match(line):
                lines, references = lines[:i], lines[i:]
                break
    paragraphs = _paragraphs(lines, shape)
    counts = Counter(p[0] for p in paragraphs)
    blocks: list[Block] = []
    for text_, indent, item in paragraphs:
        tag = "item" if item else "line"
        roles = frozenset({"repeated"}) if counts[text_] > 1 and len(text_) < 200 else frozenset()
        blocks.append(Block(index=len(blocks), text=text_, tag=tag, indent=indent, roles=roles))
    for line in references:
        if line.strip():
            roles = frozenset({"references"})
            blocks.append(Block(index=len(blocks), text=normalise_space(line), tag="line", roles=roles))
    return tuple(blocks), shape
