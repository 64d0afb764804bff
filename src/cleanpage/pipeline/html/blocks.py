"""HTML blocks: the parsed tree as ordered blocks that remember their context.

Takes the tree and the elements the responses stage marked (:class:`ResponseMarks`); gives the
page's :class:`Block` values in page order.

One pass with ``lxml.etree.iterwalk`` (no recursion, so 10,000 nested divs cannot overflow the
stack). A block element's own text — its text and the text of its inline descendants — becomes
one block; a nested block element starts a new one, so every character of the page is in exactly
one block, in page order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lxml import etree

from cleanpage.pipeline.blocks import PARAGRAPH, Block, Form, normalise_space, text_key
from cleanpage.pipeline.html.disclosure import Disclosure
from cleanpage.pipeline.shared.patterns import class_words
from cleanpage.rules.disclosure import DisclosureCues

__all__ = ["BLOCK_TAGS", "PARA_BREAK", "SKIP_TAGS", "ResponseMarks", "build_blocks"]

BLOCK_TAGS = frozenset(
    ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre", "article", "section", "header", "footer", "nav", "aside", "form", "figcaption", "figure", "address", "tr", "table", "ul", "ol", "dl", "main", "body", "button", "label", "fieldset", "legend", "details", "summary", "dialog", "center", "hr", "caption", "noscript"]
)
#: Never text a reader sees (or text that only a script reads).
SKIP_TAGS = frozenset(["script", "style", "template", "svg", "math", "head", "iframe", "object", "embed", "select", "textarea", "input", "canvas", "audio", "video", "source", "picture", "map", "rt", "rp"])
#: Semantic containers that locate a block on the page.
ROLE_TAGS = frozenset(["nav", "aside", "footer", "header", "form", "article", "main", "figure", "figcaption", "button", "label", "blockquote", "dialog", "noscript"])
ARIA_ROLES = frozenset(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar", "toolbar", "alert", "form", "main", "article", "comment"])
#: two or more line breaks: a paragraph break in a br-formatted page (its blocks, a post's paragraphs)
PARA_BREAK = re.compile(r"\n\s*\n")
#: the order of the values in the walk's one ``Block._make`` call (the hot line of the walk: keyword
#: arguments cost a dict per block); checked against the model below, so a reordered Block fails loudly
_BLOCK_FIELDS = ("index", "text", "tag", "tokens", "roles", "link_chars", "indent", "depth", "node", "path", "form")
if Block._fields != _BLOCK_FIELDS:  # pragma: no cover - guards a change to the block model
    raise ImportError(f"Block fields changed to {Block._fields}: update _BLOCK_FIELDS and _Walk.flush")


#: the tags that give a block its form (everything else keeps its parent's: a ``p`` in an ``li`` is the item)
_FORM_TAGS = frozenset(["ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr",
                        "td", "th", "figcaption", "caption"])
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def _form(tag: str, p: Form, node: int) -> Form:
    """The form of a frame opened by a ``_FORM_TAGS`` element inside a frame of form ``p``.

    Code keeps its form for all it holds; a list's depth and kind pass to its items through the
    ``ul``/``ol`` frame; a table's position, row and cell pass to all a cell holds. (Built with
    positional arguments, the most frequent tags first: this runs for every list item and cell.)
    """
    kind = p.kind
    if kind == "code":
        return p
    if tag == "li":
        return Form("item", 0, p.depth or 1, p.ordered, node, p.table, p.row, p.cell, p.header)
    if tag == "td" or tag == "th":
        return Form("paragraph", 0, p.depth, p.ordered, -1, p.table, p.row, node, tag == "th")
    if tag == "tr":
        return Form(kind, p.level, p.depth, p.ordered, p.group, p.table, node, p.cell, p.header)
    if tag == "ul" or tag == "ol":
        return Form(kind, p.level, p.depth + 1, tag == "ol", p.group, p.table, p.row, p.cell, p.header)
    if tag == "table":
        return Form("paragraph", 0, 0, False, -1, node)
    level = _HEADINGS.get(tag, 0)
    if level:
        kind = "heading"
    else:
        kind = "quote" if tag == "blockquote" else "code" if tag == "pre" else "caption"  # figcaption, caption
    return Form(kind, level, p.depth, p.ordered, node, p.table, p.row, p.cell, p.header)


def _is_hidden(attrib: Mapping[str, str]) -> bool:
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    if style is None:
        return False
    flat = style.replace(" ", "").lower()
    return "display:none" in flat or "visibility:hidden" in flat


def _math_text(el: etree._Element) -> str:
    """A MathML formula as the text a reader sees: its ``alttext`` when it has one, else its symbols."""
    alt = el.get("alttext")
    if alt and alt.strip():
        return f" {alt.strip()} "
    return " " + " ".join("".join(el.itertext()).split()) + " "


@dataclass(frozen=True, kw_only=True, slots=True)
class ResponseMarks:
    """The elements the responses stage found, handed to the blocks stage: every block inside a
    section gets the role ``comments``, every block inside an item ``comment-item`` (an element
    that is both takes the item's), without a second walk.

    The value holds the elements themselves: lxml keeps one proxy per element while it is
    referenced, so the walk finds them by identity.
    """

    sections: tuple[etree._Element, ...] = ()
    items: tuple[etree._Element, ...] = ()
    #: the signature blocks of a thread's opening post standing apart (who asked, when, their
    #: reputation): that post's chrome, as an item's header is an item's (role ``post-signature``)
    signatures: tuple[etree._Element, ...] = ()

    def roles(self) -> dict[etree._Element, str]:
        """Each marked element's role."""
        roles = dict.fromkeys(self.sections, "comments")
        roles.update(dict.fromkeys(self.items, "comment-item"))
        roles.update(dict.fromkeys(self.signatures, "post-signature"))
        return roles


_NO_MARKS = ResponseMarks()
#: a run of collapsed blocks this long is compared with the shown text word by word too: a copy
#: in another form (the article again as raw Markdown for a script) shares its words, not its blocks
_COPY_MIN_BLOCKS = 3
#: ... and is a copy when this share of its word triples is shown
_COPY_SHARE = 0.8
_WORDS = re.compile(r"\w+")


def _grams(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """The word triples (lower case) of some texts, each text on its own."""
    out: set[tuple[str, ...]] = set()
    for text in texts:
        words = _WORDS.findall(text.lower())
        out.update(zip(words, words[1:], words[2:]))
    return out


class _Frame:
    """An open block element: the text collected for its block so far and its context."""

    __slots__ = ("depth", "form", "link_chars", "node", "parts", "path", "roles", "tag", "tokens")

    def __init__(self, tag: str, tokens: frozenset[str], roles: frozenset[str], depth: int, node: int,
                 path: tuple[int, ...], form: Form = PARAGRAPH) -> None:
        self.tag = tag
        self.form = form
        self.tokens = tokens
        self.roles = roles
        self.parts: list[str] = []
        self.link_chars = 0
        self.depth = depth
        self.node = node
        self.path = path


class _Walk:
    """The state of one walk: the open block elements, the blocks made so far, and the memos.

    Only block elements call into methods (to open and close a frame); text and inline elements,
    the walk's most frequent steps, stay in :meth:`run`'s loop.
    """

    __slots__ = ("blocks", "class_words", "disclosure", "marks", "stack", "unions")

    def __init__(self, marks: ResponseMarks, disclosure: Disclosure) -> None:
        self.marks = marks.roles()
        self.disclosure = disclosure
        self.blocks: list[Block] = []
        self.stack: list[_Frame] = []
        #: one page repeats a few class strings and container contexts thousands of times: each is read once
        self.class_words: dict[str, tuple[str, ...]] = {}
        self.unions: dict[tuple[frozenset[str], str | None, str | None], frozenset[str]] = {}

    def run(self, start: etree._Element) -> tuple[Block, ...]:
        # the elements that open a frame whatever their tag: the walk's start and the marked ones
        framed = {start, *self.marks}
        stack = self.stack
        top = _Frame("", frozenset(), frozenset(), 0, 0, ())  # replaced at once: the first event opens start
        link_depth = 0
        node = 0
        walker = etree.iterwalk(start, events=("start", "end"))
        for event, el in walker:
            try:
                tag = el.tag.lower()
            except AttributeError:  # comments / PIs that survived parsing: a function as tag, a tail
                if event == "start":
                    continue
                tag = ""
            if event == "start":
                node += 1
                if tag in SKIP_TAGS:
                    walker.skip_subtree()  # its end event still comes, for the tail
                    if tag != "math":
                        continue
                    text = _math_text(el)  # a formula is part of its sentence: read, not skipped
                elif tag in BLOCK_TAGS or el in framed:
                    top = self.open(el, tag, node, link_depth)
                    continue
                elif tag == "br":
                    text = "\n"
                else:
                    if tag == "a":
                        link_depth += 1
                    text = el.text
            else:
                if tag in SKIP_TAGS:  # skipped at its start, so it opened nothing
                    pass
                elif tag in BLOCK_TAGS or el in framed:
                    self.close()
                    if not stack:  # the walk's start closed: its tail is outside the walk
                        break
                    top = stack[-1]
                elif tag == "a":
                    link_depth = max(0, link_depth - 1)
                text = el.tail
            # Whitespace before a frame's first text is never part of a block (normalising and the
            # paragraph split both drop it), so it is not collected: the indentation between block
            # tags would otherwise make a flush (a join, a count, often a regex split) that yields nothing.
            if text and (top.parts or not text.isspace()):
                top.parts.append(text)
                if link_depth:
                    top.link_chars += len(text.strip())
        while stack:
            self.flush(stack.pop())
        return tuple(self.blocks)

    def open(self, el: etree._Element, tag: str, node: int, link_depth: int) -> _Frame:
        """A new frame for a block element (or a marked or the start element), with its context."""
        stack = self.stack
        parent = stack[-1] if stack else None
        marked = self.marks.get(el)
        if marked is not None and parent is not None and tag not in BLOCK_TAGS:
            # a marked inline element still opens its own block, so its role stays its own
            tag = "div"
        tokens, roles = self.context(el, tag, parent, marked)
        if parent is not None and parent.parts:
            self.flush(parent)
        path = parent.path + (parent.node,) if parent is not None else ()
        form = parent.form if parent is not None else PARAGRAPH
        if tag in _FORM_TAGS:
            form = _form(tag, form, node)
        frame = _Frame(tag, tokens, roles, len(stack), node, path, form)
        stack.append(frame)
        text = el.text
        if text and not text.isspace():  # a new frame has no parts yet
            frame.parts.append(text)
            if link_depth:
                frame.link_chars += len(text.strip())
        return frame

    def context(
        self, el: etree._Element, tag: str, parent: _Frame | None, marked: str | None
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The class/id words and the roles of a new frame: its parent's, and its own."""
        parent_tokens = parent.tokens if parent is not None else frozenset()
        roles = parent.roles if parent is not None else frozenset()
        extra = [tag] if tag in ROLE_TAGS else []
        tokens = parent_tokens
        # all attributes in one call: a dict lookup per attribute below instead of an lxml call
        # each (most block elements have one or two attributes, or none)
        items = el.items()
        if items:
            attrib: dict[str, str] = dict(items)
            cls = attrib.get("class")
            ident = attrib.get("id")
            # themes put layout words ("right-sidebar", "loading") on <html>/<body>: not roles
            if (cls or ident) and tag not in ("body", "html"):
                tokens = self.tokens(parent_tokens, parent is not None, cls, ident)
            # most block elements carry only a class (or an id): nothing else to read
            if len(attrib) > (cls is not None) + (ident is not None) and _attribute_roles(attrib, extra):
                # a panel a control opens (a tab, an accordion), or the page's content a script shows,
                # is the page's text, not hidden text
                hidden_as = self.disclosure.hidden_role(el, attrib, roles.union(extra), inside="hidden" in roles)
                if hidden_as:
                    extra.append(hidden_as)
        if marked is not None:
            extra.append(marked)
        if extra:
            roles = roles.union(extra)
        return tokens, roles

    def tokens(self, parent_tokens: frozenset[str], has_parent: bool, cls: str | None, ident: str | None) -> frozenset[str]:
        """The parent's words and the element's own; one lookup per (context, class, id), because the
        same few recur thousands of times."""
        key = (parent_tokens, cls, ident)
        tokens = self.unions.get(key)
        if tokens is None:
            own = class_words(cls, ident, self.class_words)
            tokens = self.unions[key] = parent_tokens if has_parent and not own else parent_tokens.union(own)
        return tokens

    def close(self) -> None:
        """Close the innermost frame: its text so far becomes blocks."""
        frame = self.stack.pop()
        if frame.parts:
            self.flush(frame)

    def flush(self, frame: _Frame) -> None:
        """The frame's text so far as blocks: one, or one per paragraph of a br-formatted page."""
        if not frame.parts:
            return
        raw = "".join(frame.parts)
        frame.parts = []
        blocks = self.blocks
        form = frame.form
        # two or more line breaks separate paragraphs in br-formatted pages
        for piece in _pieces(raw, form.kind == "code") if raw.count("\n") >= 2 else (raw,):
            text = normalise_space(piece)
            if text:
                share = min(frame.link_chars, len(text))
                # in the order of _BLOCK_FIELDS; code keeps its whitespace (the text normalises it)
                blocks.append(Block._make((len(blocks), text, frame.tag, frame.tokens, frame.roles, share, 0,
                                           frame.depth, frame.node, frame.path,
                                           form._replace(raw=piece) if form.kind == "code" else form)))
        frame.link_chars = 0


def _pieces(raw: str, keep: bool) -> list[str]:
    """A frame's text split at its blank lines (paragraphs of a br-formatted page); with ``keep``
    (code), each piece keeps the blank lines after it, so the pieces joined are the text as it was."""
    if not keep:
        return PARA_BREAK.split(raw)
    pieces, start = [], 0
    for gap in PARA_BREAK.finditer(raw):
        pieces.append(raw[start:gap.end()])
        start = gap.end()
    pieces.append(raw[start:])
    return pieces


def _attribute_roles(attrib: Mapping[str, str], extra: list[str]) -> bool:
    """Roles an element's other attributes give it (an ARIA role, schema.org comment markup), and
    whether they hide it (the caller decides between ``hidden`` and ``collapsed``)."""
    role = attrib.get("role")
    if role and role.lower() in ARIA_ROLES:
        extra.append(role.lower())
    if attrib.get("itemprop") in ("comment", "comments") or "Comment" in (attrib.get("itemtype") or ""):
        extra.append("schema-comment")
    return _is_hidden(attrib)


def build_blocks(
    root: etree._Element, marks: ResponseMarks = _NO_MARKS, *, disclosure: DisclosureCues
) -> tuple[Block, ...]:
    """All visible text of the document body as blocks, in document order; a hidden element's
    blocks have the role ``hidden``, or ``collapsed`` when it is a panel a control opens
    (:class:`~cleanpage.pipeline.html.disclosure.Disclosure`).

    ``marks`` are the responses stage's elements: each gives its whole subtree a role;
    ``disclosure`` the cues that tell a panel from other hidden text (``Rules.disclosure``).
    """
    body = root.find("body")
    return _hide_copies(_Walk(marks, Disclosure(root, disclosure)).run(body if body is not None else root))


def _hide_copies(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A run of collapsed blocks whose every text the page also shows (a mobile layout's accordion
    beside the desktop text) is a copy, not more of the page's text: it is ``hidden`` again, so the
    text is kept once (review12). A run holding any text of its own (code tabs in several languages
    that share a few lines) stays collapsed, its shared lines too."""
    if not any("collapsed" in block.roles for block in blocks):
        return blocks
    visible = [b for b in blocks if "collapsed" not in b.roles and "hidden" not in b.roles]
    shown = {text_key(b.text) for b in visible}
    shown_grams: set[tuple[str, ...]] | None = None
    out = list(blocks)
    run: list[int] = []
    for i in range(len(blocks) + 1):
        if i < len(blocks) and "collapsed" in blocks[i].roles:
            run.append(i)
            continue
        copy = bool(run) and all(text_key(blocks[k].text) in shown for k in run)
        if run and not copy and len(run) >= _COPY_MIN_BLOCKS:
            if shown_grams is None:
                shown_grams = _grams(b.text for b in visible)
            grams = _grams(blocks[k].text for k in run)
            copy = bool(grams) and len(grams & shown_grams) >= _COPY_SHARE * len(grams)
        if copy:
            for k in run:
                out[k] = blocks[k]._replace(roles=(blocks[k].roles - {"collapsed"}) | {"hidden"})
        run = []
    return tuple(out)
