"""Parse HTML once, safely, into the lxml tree every later stage shares.

The parser never loads DTDs or touches the network, drops comments and processing instructions,
and refuses nothing that a browser would render: lxml's own refusals (a ``str`` that carries an
``<?xml encoding?>`` declaration) are handled here instead of leaking out as ``ValueError``.

What the C parser can be made to do is bounded before it runs, and what it did is read after:

* libxml2's default limits cut a page silently (a text node over 10 MB, a ``<script>`` or JSON-LD
  block included, ends the document; nesting deeper than 256 elements ends it too). A page the
  error log says was cut is parsed again with ``huge_tree``, which lifts them, and with its nesting
  flattened; our own guards keep time and memory proportional to the input instead:
  ``Options.max_bytes`` bounds the size, and
* an element with more than :data:`MAX_ATTRIBUTES` attributes keeps only the first ones: libxml2
  checks each attribute against all earlier ones (100,000 attributes took minutes in C, where no
  time limit reaches). A linear scan finds such tags before parsing.
* The parser's error log is read after parsing: a fatal error means the tree stops before the
  document does, and the page carries :attr:`PageWarning.TRUNCATED` instead of looking complete.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import lxml.html
from lxml import etree

from cleanpage.errors import ParseError
from cleanpage.result import PageWarning

__all__ = ["MAX_ATTRIBUTES", "drop_unread", "parse_html", "parse_page", "proxies_held"]

log = logging.getLogger(__name__)

#: Attributes parsed per element. Real pages stay far below it (the most in the dev set is 136);
#: past it, libxml2's quadratic duplicate check (and every later reader of the element) costs more
#: per byte than the page is worth.
MAX_ATTRIBUTES = 256

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
#: the start of a doctype's internal subset, and its end (two searches, not one ".*?": linear); a
#: doctype never holds "<", so a search from each of 10,000 "<!DOCTYPE" stops at the next one
_DOCTYPE_OPEN = re.compile(r"<!DOCTYPE[^<>\[]*\[", re.IGNORECASE)
_SUBSET_END = re.compile(r"\]\s*>")


def _parser(encoding: str | None = None, *, huge: bool = False) -> etree.HTMLParser:
    # a fresh parser per call: lxml parsers keep error logs and are not safe to share across threads
    parser = etree.HTMLParser(
        encoding=encoding,
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        remove_blank_text=False,
        compact=True,
        default_doctype=False,
        huge_tree=huge,
    )
    # Every element is an HtmlElement (trafilatura requires it), chosen by lxml's C-level default
    # lookup instead of lxml.html's Python lookup per element: every later tree walk (ours and the
    # engines') is markedly faster, since each element proxy no longer costs a Python call.
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
                                        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)
    )
    return parser


# -- the attribute guard -------------------------------------------------------------------------
# An HTML5 start tag: a name, then attributes separated by whitespace or "/", each a name (any
# character but whitespace, "/", ">"; "=" only first) with an optional value (quoted, or unquoted up
# to whitespace or ">"). Possessive everywhere: each character is read once.
_ATTR = (r"[\t\n\f\r /]*+[^\t\n\f\r />][^\t\n\f\r />=]*+"
         r"(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:\"[^\"]*+\"|'[^']*+'|[^\t\n\f\r >]*+))?+")
_TAG_NAME = r"<[A-Za-z][^\t\n\f\r />]*+"
_FEW_ATTRS = f"(?:{_ATTR}){{0,{MAX_ATTRIBUTES}}}+(?!{_ATTR})"
#: Everything up to the first start tag with too many attributes (or the end): text, comments,
#: script and style bodies (raw text: their "<" starts no tag), other markup, and ordinary tags.
_ORDINARY = re.compile(
    r"(?:[^<]++"
    r"|<!--(?:[^-]++|-(?!->))*+-->"
    rf"|<(?i:script)\b{_FEW_ATTRS}[^>]*+>(?:[^<]++|<(?!/(?i:script)))*+"
    rf"|<(?i:style)\b{_FEW_ATTRS}[^>]*+>(?:[^<]++|<(?!/(?i:style)))*+"
    rf"|{_TAG_NAME}{_FEW_ATTRS}"
    r"|<(?![A-Za-z]))*+"
)
_KEPT_ATTRS = re.compile(f"{_TAG_NAME}(?:{_ATTR}){{{MAX_ATTRIBUTES}}}")
_MORE_ATTRS = re.compile(f"(?:{_ATTR})*+")


def cap_attributes(text: str) -> tuple[str, bool]:
    """``text`` with every start tag cut to its first :data:`MAX_ATTRIBUTES` attributes, and whether
    any was cut. Linear in the length of ``text``; an ordinary page is returned as it is."""
    end = _ORDINARY.match(text).end()  # type: ignore[union-attr]  # (the pattern matches "" at least)
    if end == len(text):
        return text, False
    parts: list[str] = []
    start = 0
    while end < len(text):
        kept = _KEPT_ATTRS.match(text, end)
        if kept is None:  # cannot happen (_ORDINARY stops only at such a tag); never loop forever
            break
        rest = _MORE_ATTRS.match(text, kept.end()).end()  # type: ignore[union-attr]
        parts.append(text[start:kept.end()])
        start = rest
        end = _ORDINARY.match(text, rest).end()  # type: ignore[union-attr]
    parts.append(text[start:])
    return "".join(parts), True


def _strip_preamble(text: str) -> str:
    if text.lstrip()[:5] == "<?xml":
        text = _XML_DECL.sub("", text, count=1)
    # an internal DTD subset can only declare entities (billion laughs, external files): never
    # needed to render a page, so it is dropped before parsing
    head = text[:100_000]
    if "[" in head:
        opening = _DOCTYPE_OPEN.search(head)
        end = _SUBSET_END.search(head, opening.end()) if opening is not None else None
        if opening is not None and end is not None:
            text = head[:opening.start()] + "<!DOCTYPE html>" + head[end.end():] + text[100_000:]
    return text


# -- nesting past the parser's limit ---------------------------------------------------------------
#: Elements a page may leave open without nesting deeper (the next one closes it), and void ones.
_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "option"})
#: Elements that hold the text itself: kept past the limit (a little), so the words keep their breaks.
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "td",
                          "th", "tr", "table", "ul", "ol", "dl", "article", "section"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen", "frame", "basefont", "isindex"})
#: How deep the flattened page may nest: under libxml2's default limit of 256 (its tree builder opens
#: more elements than the tags say, for tables and formatting elements left open), as deep as pages
#: were always parsed.
_FLAT_DEPTH = 160
_TAGS = re.compile(
    r"<!--(?:[^-]++|-(?!->))*+-->"
    r"|<(?i:script)\b[^>]*+>(?:[^<]++|<(?!/(?i:script)))*+"
    r"|<(?i:style)\b[^>]*+>(?:[^<]++|<(?!/(?i:style)))*+"
    r"|<(/?)([A-Za-z][^\t\n\f\r />]*+)[^>]*+>?"
)


def flatten_nesting(text: str, limit: int = _FLAT_DEPTH) -> str:
    """``text`` without the start tags (and their end tags) that would open an element past ``limit``
    levels, as counted along the tags. Only for a page the parser already stopped in: its words stay,
    in order; its structure past the limit does not (a forum that leaves ``<div><font>`` open per post)."""
    parts: list[str] = []
    start = 0
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}

    def close(name: str) -> None:  # pop up to and including the last open ``name`` (amortised O(1))
        while stack:
            top = stack.pop()
            open_count[top] -= 1
            if top == name:
                return

    for match in _TAGS.finditer(text):
        name = (match.group(2) or "").lower()
        if not name or name in _VOID:
            continue
        if match.group(1):  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                parts.append(text[start:match.start()])
                start = match.end()
            elif open_count.get(name):
                close(name)
            continue
        # a new <p> ends the open one (not one around a list or table); a new <li>, its sibling only
        if name in _SELF_CLOSING and name in stack[-1 if name == "li" else -3:]:
            close(name)
        elif name in _TEXT_BLOCKS | {"div"} and stack and stack[-1] == "p":  # a block ends an open <p>
            close("p")
        if len(stack) >= (limit + 64 if name in _TEXT_BLOCKS else limit):
            dropped[name] = dropped.get(name, 0) + 1
            parts.append(text[start:match.start()])
            start = match.end()
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
    parts.append(text[start:])
    return "".join(parts)


def _parse(text: str, *, huge: bool = False) -> tuple[lxml.html.HtmlElement, list[etree._LogEntry]]:
    # libxml2 reads UTF-8 bytes faster than a Python str (which it gets in the str's internal
    # width and converts): the same tree, ~15% less parse time
    try:
        source: str | bytes = text.encode("utf-8")
        encoding: str | None = "utf-8"
    except UnicodeEncodeError:  # lone surrogates in a str input: let lxml take the str
        source, encoding = text, None
    parser = _parser(encoding, huge=huge)
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as exc:
        raise ParseError(f"HTML could not be parsed: {exc}") from exc
    if root is None:
        raise ParseError("HTML could not be parsed: empty document")
    # libxml2 reports the error that stops it even past its 100th error; a fatal one is such a stop
    return root, [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]


def parse_page(text: str) -> tuple[lxml.html.HtmlElement, tuple[PageWarning, ...]]:
    """The document root (``<html>``) and what the page must say about the parse, or :class:`ParseError`.

    A page is parsed with libxml2's default limits first: every ordinary page fits them, and its
    tree is exactly what it always was. Only a page the error log says was stopped is parsed again:
    with ``huge_tree`` for a text node past 10 MB, and with its deepest tags flattened for nesting
    past 256 levels (its words come out whole; nesting is kept under the default limit because
    trafilatura reads nested tables in quadratic time). A page still stopped carries
    :attr:`PageWarning.TRUNCATED`.
    """
    text, capped = cap_attributes(_strip_preamble(text))
    warnings: list[PageWarning] = [PageWarning.ATTRIBUTES_DROPPED] if capped else []
    root, fatal = _parse(text)
    if fatal:
        log.info("HTML parse stopped early (%s, line %d): parsing it again", fatal[0].message, fatal[0].line)
        if any("depth" in e.message for e in fatal):
            text = flatten_nesting(text)
        root, fatal = _parse(text, huge=True)
        if fatal and any("depth" in e.message for e in fatal):
            root, fatal = _parse(flatten_nesting(text), huge=True)
    if fatal:
        log.info("HTML parse stopped early: %s (line %d)", fatal[0].message, fatal[0].line)
        warnings.append(PageWarning.TRUNCATED)
    return root, tuple(warnings)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Return the document root (``<html>``) or raise :class:`ParseError` (see :func:`parse_page`)."""
    return parse_page(text)[0]


@contextmanager
def proxies_held(root: etree._Element) -> Iterator[None]:
    """Keep one Python proxy of every element alive while the stages that walk the tree run.

    lxml makes an element's proxy when a walk reaches it and frees it when nothing refers to it:
    each of the stages' walks (metadata, responses, threads, side boxes, blocks: eight or more a
    page) would otherwise build and free the same ~1,000 proxies again. Held once, every later walk
    finds them made (a full walk costs about half as much). Nothing is read from them: the values
    the stages see are the same, only made once.
    """
    alive = list(root.iter())
    try:
        yield
    finally:
        alive.clear()


def drop_unread(root: lxml.html.HtmlElement) -> None:
    """Remove, in place, the scripts, styles and inline SVG that no extractor reads as text.

    Called once the stages that read the tree are done, right before the engine: trafilatura
    deletes these elements itself, but only after copying the tree three or four times, and
    inline scripts are often half of a page's characters. JSON-LD stays (trafilatura's baseline
    reads ``articleBody`` from it). Each element's tail text stays in place.
    """
    etree.strip_elements(root, "style", "svg", with_tail=False)
    doomed = [el for el in root.iter("script") if "ld+json" not in (el.get("type") or "")]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
