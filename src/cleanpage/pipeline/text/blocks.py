"""Text blocks: a plain-text dump as ordered blocks.

Takes the decoded text; gives the dump's :class:`Block` values in order.

Dumps come in a few shapes: one block per line (a browser's select-all), paragraphs separated by
blank lines, paragraphs hard-wrapped at a fixed width (e-mail archives, ``lynx -dump``), and
markdown-like output of HTML-to-text converters. The shape decides how lines become paragraphs;
after that every block carries its line shape (indentation, list marker, a blank line before it,
its link share) so the classifier can tell a navigation run from prose and a numbered response
from a paragraph.

Re-joining wrapped lines uses the rule the wrapper itself followed: a line was broken where the
next word no longer fitted, so a line continues the one above exactly when the above line plus
the first word of this one would overflow the wrap width. That holds for any wrapper (textwrap,
lynx, fmt, mail clients) and needs no guess about sentence ends: a short last line of a paragraph
ends it, a list item after a full line starts a new block, a "- Plan du site" wrapped off a long
footer line joins it.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from dataclasses import dataclass

from cleanpage.pipeline.blocks import PARAGRAPH, Block, Form, normalise_space
from cleanpage.pipeline.shared.patterns import CJK_SYMBOLS, FULLWIDTH, HAN_COMPAT, IDEOGRAPHS, KANA

__all__ = ["ITEM_MARKER", "DumpShape", "build_blocks", "detect_shape", "wrap_width"]

#: a list or numbered-item marker at the start of a line: "1.", "2)", "-", "*", "•", "·", "[3]"
ITEM_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*+•·▪►‣◦・]|\[\d{1,3}\])\s+(?=\S)|^\s{2,}o\s+(?=\S)")
#: a bullet (not a number): list furniture, not the item's words. Text converters mark nested
#: lists with "*", "+" and, indented, "o" (inscriptis, lynx, w3m); Japanese lists use "・".
_BULLET = re.compile(r"^\s*[-*+•·▪►‣◦・]\s+(?=\S)|^\s{2,}o\s+(?=\S)")
#: a Markdown link's "](url)" after its text (the "[" is found by :func:`_md_links`)
_MD_LINK_TAIL = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
#: a numbered item's marker ("1.", "2)"): an ordered list's item
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")
#: a line that underlines the heading above it ("=====" a first-level, "-----" a second-level one)
_UNDERLINE = re.compile(r"^\s{0,3}(?:={3,}|-{3,})\s*$")
_LYNX_REF = re.compile(r"\[\d{1,4}\]")
_LYNX_LINK = re.compile(r"\[\d{1,4}\]([^\[\],.;:|!?]{0,60})")
_LYNX_REF_LIST = re.compile(r"^\s*(?:References|Visible links|Hidden links)\s*:?\s*$", re.IGNORECASE)
#: characters a page never shows and that carry nothing: zero-width space, word joiner, BOM. A soft
#: hyphen stays, as on the HTML path: it is the page's own character (a hyphenation point), and the
#: body keeps the page's words as written, changing only whitespace.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
#: a line of prose cut after a comma ("… als Henry den Neuangekommenen das erste Mal sah,")
_BROKEN_AT_COMMA = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}+,$")  # from a run's start only: linear
#: a line that starts mid-sentence: a lower-case word, no bullet
_LOWER_START = re.compile(r"\s*[a-zà-öø-ÿß]")
#: wrap widths outside this range are not a wrapper's (a 30-column dump is a list, 130 a table)
_MIN_WIDTH, _MAX_WIDTH = 40, 120
#: wrapped line pairs needed to call a dump wrapped, and the share that must obey the wrap rule
_MIN_PAIRS, _MIN_FIT = 3, 0.75
#: share of non-blank lines followed by a blank line in a dump of blank-separated paragraphs
_BLANK_SEPARATED = 0.8
#: the narrowest wrap width believed on one or two wrapped pairs (mail and lynx wrap at 64-80)
_FEW_PAIRS_MIN_WIDTH = 60


class DumpShape(str, enum.Enum):
    LINES = "lines"  # every line its own block
    WRAPPED = "wrapped"  # paragraphs hard-wrapped at a fixed width; blank lines between them
    MARKDOWN = "markdown"  # html2text / reader-mode markdown
    LYNX = "lynx"  # lynx -dump: wrapped, indented, [n] references and a References list


def wrap_width(lines: list[str]) -> int:
    """The width the dump was hard-wrapped at, or 0 when it was not wrapped.

    Only a long line followed by another non-blank line can be a wrapped one. The width is the
    longest such line (95th percentile, so one overlong URL does not set it); the dump is wrapped
    when nearly every such pair obeys the wrapper's rule (the next line's first word would not
    have fitted). One long wrapped paragraph is enough evidence; a column of short menu lines is
    none, however many there are.
    """
    pairs = [
        (len(line.rstrip()), len(after.split(None, 1)[0]))
        for line, after in zip(lines, lines[1:])
        if len(line.strip()) > 30 and after.strip()
    ]
    if len(pairs) < _MIN_PAIRS:
        return _few_pairs_width(lines, pairs)
    lengths = sorted(n for n, _ in pairs)
    width = lengths[int((len(lengths) - 1) * 0.95)]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return 0
    fits = sum(1 for n, first in pairs if n + 1 + first > width)
    return width if fits / len(pairs) >= _MIN_FIT else 0


def _few_pairs_width(lines: list[str], pairs: list[tuple[int, int]]) -> int:
    """The wrap width of a dump of mostly one-line paragraphs with a wrapped one or two.

    Too few pairs to estimate the width from them; but when blank lines separate nearly every
    line (paragraphs, not a column of menu lines), the longest line of the dump is the width, and
    the pairs are wrapped when every one of them obeys the wrapper's rule at that width (a
    headline above a short "By" line does not: "By" would have fitted). With this little
    evidence the width must be a usual one (60 columns or more): a short headline over its byline
    is no wrapped paragraph.
    """
    if not pairs:
        return 0
    filled = [i for i, line in enumerate(lines) if line.strip()]
    apart = sum(1 for i in filled if i + 1 >= len(lines) or not lines[i + 1].strip())
    if apart < _BLANK_SEPARATED * len(filled):
        return 0
    width = max((len(lines[i].rstrip()) for i in filled if len(lines[i].rstrip()) <= _MAX_WIDTH), default=0)
    if not _FEW_PAIRS_MIN_WIDTH <= width <= _MAX_WIDTH:
        return 0
    return width if all(n + 1 + first > width for n, first in pairs) else 0


def _md_links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, link text) of each Markdown link ("[text](url)", "![alt](src)"), in linear time.

    A link's text runs to the first "]" after its "[", so every "[" before the same "]" succeeds or
    fails with it: a failed "]" is never tried again (one regex, tried from every "[", is quadratic
    on a line of "[[[[…")."""
    found: list[tuple[int, int, str]] = []
    pos = 0
    while (opening := text.find("[", pos)) >= 0 and (closing := text.find("]", opening + 1)) >= 0:
        tail = _MD_LINK_TAIL.match(text, closing)
        if tail is None:
            pos = closing + 1
            continue
        start = opening - 1 if opening > pos and text[opening - 1] == "!" else opening
        found.append((start, tail.end(), text[opening + 1:closing]))
        pos = tail.end()
    return found


def detect_shape(text: str) -> DumpShape:
    """Guess the dump's shape from a sample of its lines."""
    lines = text.splitlines()[:3000]
    sample = "\n".join(lines)
    if len(_LYNX_REF.findall(sample)) >= 3 and any(_LYNX_REF_LIST.match(l) for l in lines):
        return DumpShape.LYNX
    md_signals = len(_md_links(sample)) + sum(1 for l in lines if _MD_HEADING.match(l))
    if md_signals >= 3:
        return DumpShape.MARKDOWN
    if wrap_width(lines):
        return DumpShape.WRAPPED
    return DumpShape.LINES


def _strip_markup(line: str, shape: DumpShape) -> tuple[str, int]:
    """The line without link markup, and how many of its characters were link text."""
    links = 0
    if shape is DumpShape.MARKDOWN:
        found = _md_links(line)
        links = sum(len(link_text) for _, _, link_text in found)
        kept, last = [], 0
        for start, end, link_text in found:
            kept += [line[last:start], link_text]
            last = end
        line = "".join(kept) + line[last:]
        line = _MD_HEADING.sub("", line)
        line = line.replace("**", "").replace("__", "")
    elif shape is DumpShape.LYNX:
        links = sum(len(m.group(1).strip()) for m in _LYNX_LINK.finditer(line))
        line = _LYNX_REF.sub("", line)
    return line, links


@dataclass
class _Para:
    """A paragraph being rebuilt from its lines."""

    parts: list[str]
    indent: int
    item: bool
    gap: bool  # a blank line (or the start of the dump) before it
    links: int = 0
    heading: bool = False  # a markdown "#" heading
    #: the paragraph's form for the structured body (a heading's level, a list item's kind); read by
    #: nothing that decides what is kept
    form: Form = PARAGRAPH


#: Chinese and Japanese characters (and their punctuation): written without spaces, so a wrapper
#: breaks their lines anywhere, and the pieces join without one (Korean spaces its words)
_UNSPACED = re.compile(f"[{CJK_SYMBOLS}{KANA}{IDEOGRAPHS}{HAN_COMPAT}{FULLWIDTH}]")


def _join(parts: list[str]) -> str:
    """The lines of one paragraph as one text: a space between them, none inside Chinese or Japanese."""
    out = parts[0] if parts else ""
    for part in parts[1:]:
        head, tail = out.rstrip(), part.lstrip()
        if head and tail and _UNSPACED.match(head[-1]) and _UNSPACED.match(tail[0]):
            out = head + tail
        else:
            out = f"{out} {part}"
    return out


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether ``line`` was wrapped off ``previous``: its first word would not have fitted; or,
    whatever the width, a sentence broken at a comma goes on in lower case on the next line (no
    block of a page ends in a comma and the next begins mid-sentence)."""
    if not previous:
        return False
    # (the test reads the line's end only: a search over a long run of letters is quadratic)
    if previous.endswith(",") and _BROKEN_AT_COMMA.search(previous[-40:]) and _LOWER_START.match(line):
        return True
    if not width:
        return False
    first = line.split(None, 1)[0]
    return len(previous) + 1 + len(first) > width


def _line_form(line: str, item: bool, heading: bool, above: _Para | None) -> Form:
    """The form a new paragraph's first line shows: a ``#`` heading, a numbered or bulleted item,
    or the underline of the one-line paragraph ``above`` (which then becomes a heading)."""
    if heading or _MD_HEADING.match(line):  # a "#" heading in a dump of any shape
        return Form("heading", level=min(len(line.lstrip()) - len(line.lstrip().lstrip("#")), 6))
    if item:
        numbered = _NUMBERED.match(line) is not None
        if numbered or _BULLET.match(line):
            return Form("item", depth=1, ordered=numbered)
        return PARAGRAPH
    if above is not None and len(above.parts) == 1 and _UNDERLINE.match(line) and above.form.kind == "paragraph":
        above.form = Form("heading", level=1 if "=" in line else 2)
        return Form("underline")
    return PARAGRAPH


def _nest(paragraphs: list[_Para]) -> None:
    """A list item's depth: one more for every two columns it is indented past the first item of
    its run of items (converters indent nested lists by two to four spaces)."""
    base = -1
    for para in paragraphs:
        if para.form.kind != "item":
            base = -1
            continue
        if base < 0:
            base = para.indent
        para.form = para.form._replace(depth=1 + min(max(para.indent - base, 0) // 2, 5))


def _paragraphs(lines: list[str], shape: DumpShape) -> list[_Para]:
    out: list[_Para] = []
    current: _Para | None = None
    width = wrap_width(lines) if shape is not DumpShape.LINES else 0
    previous = ""
    gap = True
    for raw in lines:
        # the wrapper counted soft hyphens (a character to textwrap): line lengths, for the wrap
        # rule, are taken with them
        line = raw.rstrip()
        visible = _INVISIBLE.sub("", line)
        if not visible.strip():
            current, previous, gap = None, "", True
            continue
        stripped = visible.lstrip()
        heading = shape is DumpShape.MARKDOWN and bool(_MD_HEADING.match(visible))
        text, links = _strip_markup(stripped, shape)
        if current is not None and not heading and _continues(previous, line, width):
            current.parts.append(text)
            current.links += links
        else:
            marker = bool(ITEM_MARKER.match(line))
            found = _BULLET.match(line) if marker else None
            bullet = found.group().lstrip() if found is not None else ""
            if bullet and text.startswith(bullet):  # "* Impressum" is the menu line "Impressum"
                text = text[len(bullet) :]
            current = _Para([text], len(visible) - len(stripped), marker, gap, links, heading)
            current.form = _line_form(visible, marker, heading, out[-1] if out and not gap else None)
            out.append(current)
        previous, gap = line, False
        if heading:
            current, previous = None, ""
    _nest(out)
    return out


def build_blocks(text: str) -> tuple[Block, ...]:
    """Blocks of a dump, read by its shape (:func:`detect_shape`).

    Roles on text blocks: ``gap`` (a blank line before it), ``repeated`` (the same short text
    elsewhere in the dump: menus and footers echo), ``references`` (lynx's trailing link list).
    """
    shape = detect_shape(text)
    lines = text.splitlines()
    references: list[str] = []
    if shape is DumpShape.LYNX:
        for i, line in enumerate(lines):
            if _LYNX_REF_LIST.match(line):
                lines, references = lines[:i], lines[i:]
                break
    paragraphs = [(normalise_space(_join(p.parts)), p) for p in _paragraphs(lines, shape)]
    paragraphs = [(t, p) for t, p in paragraphs if t]
    counts = Counter(t for t, _ in paragraphs)
    blocks: list[Block] = []
    for text_, para in paragraphs:
        roles: set[str] = set()
        if counts[text_] > 1 and len(text_) < 200:
            roles.add("repeated")
        if para.gap:
            roles.add("gap")
        blocks.append(
            Block(
                index=len(blocks),
                text=text_,
                tag="heading" if para.heading else "item" if para.item else "line",
                indent=para.indent,
                roles=frozenset(roles),
                link_chars=min(para.links, len(text_)),
                form=para.form,
            )
        )
    for line in references:
        if line.strip():
            ref = frozenset({"references"})
            text_ = normalise_space(_INVISIBLE.sub("", line))
            blocks.append(Block(index=len(blocks), text=text_, tag="line", roles=ref))
    return tuple(blocks)
