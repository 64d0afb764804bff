"""Stage 3 (HTML): the parsed tree as ordered blocks that remember their context.

One pass with ``lxml.etree.iterwalk`` (no recursion, so 10,000 nested divs cannot overflow the
stack). A block element's own text — its text and the text of its inline descendants — becomes
one block; a nested block element starts a new one, so every character of the page is in exactly
one block, in page order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from cleanpage.pipeline.blocks import Block, normalise_space

__all__ = ["BLOCK_TAGS", "SKIP_TAGS", "element_tokens", "html_blocks"]

BLOCK_TAGS = frozenset(
    ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre", "article", "section", "header", "footer", "nav", "aside", "form", "figcaption", "figure", "address", "tr", "table", "ul", "ol", "dl", "main", "body", "button", "label", "fieldset", "legend", "details", "summary", "dialog", "center", "hr", "caption", "noscript"]
)
#: Never text a reader sees (or text that only a script reads).
SKIP_TAGS = frozenset(["script", "style", "template", "svg", "math", "head", "iframe", "object", "embed", "select", "textarea", "input", "canvas", "audio", "video", "source", "picture", "map", "rt", "rp"])
#: Semantic containers that locate a block on the page.
ROLE_TAGS = frozenset(["nav", "aside", "footer", "header", "form", "article", "main", "figure", "figcaption", "button", "label", "blockquote", "dialog", "noscript"])
ARIA_ROLES = frozenset(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar", "toolbar", "alert", "form", "main", "article", "comment"])
_SPLIT = re.compile(r"[\s]+")
_PARA_BREAK = re.compile(r"\n\s*\n")


def _class_words(cls: str | None, ident: str | None, seen: dict[str, tuple[str, ...]] | None) -> tuple[str, ...]:
    """:func:`element_tokens` on attribute values already read."""
    if not cls and not ident:
        return ()
    words: tuple[str, ...] = ()
    if cls:
        found = seen.get(cls) if seen is not None else None
        if found is None:
            found = tuple(w for w in _SPLIT.split(cls.strip().lower()) if w)
            if seen is not None:
                seen[cls] = found
        words = found
    if ident:
        ident = ident.strip().lower()
        if ident:
            words = (*words, ident)
    return words


def element_tokens(el: etree._Element, seen: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """Lower-cased class and id words of one element (``"site-header sticky"`` -> two tokens).

    ``seen`` memoises the words of each class string: a page repeats a few classes thousands of times.
    """
    return _class_words(el.get("class"), el.get("id"), seen)


def _is_hidden(attrib: Mapping[str, str]) -> bool:
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    return style is not None and "display:none" in style.replace(" ", "").lower()


class _Frame:
    __slots__ = ("depth", "link_chars", "node", "parts", "path", "roles", "tag", "tokens")

    def __init__(self, tag: str, tokens: frozenset[str], roles: frozenset[str], depth: int, node: int,
                 path: tuple[int, ...]) -> None:
        self.tag = tag
        self.tokens = tokens
        self.roles = roles
        self.parts: list[str] = []
        self.link_chars = 0
        self.depth = depth
        self.node = node
        self.path = path


def html_blocks(root: etree._Element, marks: Mapping[int, str] | None = None) -> tuple[Block, ...]:
    """All visible text of the document body as blocks, in document order.

    ``marks`` maps ``id(element)`` to an extra role for the element's whole subtree; earlier stages
    use it to say "this is a comment section" without a second walk. The caller keeps the marked
    elements alive, so their ids stay valid.
    """
    marks = marks or {}
    #: one page repeats a few class strings and container contexts thousands of times: each is read once
    class_words: dict[str, tuple[str, ...]] = {}
    unions: dict[tuple[frozenset[str], str | None, str | None], frozenset[str]] = {}
    body = root.find("body")
    start = body if body is not None else root
    blocks: list[Block] = []
    stack: list[_Frame] = []
    link_depth = 0
    node = 0

    def flush(frame: _Frame) -> None:
        if not frame.parts:
            return
        raw = "".join(frame.parts)
        frame.parts = []
        # two or more line breaks separate paragraphs in br-formatted pages
        for piece in _PARA_BREAK.split(raw) if raw.count("\n") >= 2 else (raw,):
            text = normalise_space(piece)
            if text:
                share = min(frame.link_chars, len(text))
                # positional (index, text, tag, tokens, roles, link_chars, indent, depth, node, path):
                # the hot line of the walk, and keyword arguments cost a dict per block
                blocks.append(
                    Block(len(blocks), text, frame.tag, frame.tokens, frame.roles, share, 0, frame.depth, frame.node,
                          frame.path)
                )
        frame.link_chars = 0

    # Whitespace before a frame's first text is never part of a block (normalising and the
    # paragraph split both drop it), so it is not collected: the indentation between block tags
    # would otherwise make a flush (a join, a count, often a regex split) that yields nothing.
    def add(text: str | None) -> None:
        if text and stack:
            top = stack[-1]
            if top.parts or not text.isspace():
                top.parts.append(text)
                if link_depth:
                    top.link_chars += len(text.strip())

    walker = etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        try:
            tag = el.tag.lower()
        except AttributeError:  # comments / PIs that survived parsing: a function as tag, a tail
            if event == "end":
                add(el.tail)
            continue
        if event == "start":
            node += 1
            if tag in SKIP_TAGS:
                walker.skip_subtree()  # its end event still comes, for the tail
                continue
            marked = marks.get(id(el)) if marks else None
            if marked is not None and stack and tag not in BLOCK_TAGS:
                # a marked inline element still opens its own block, so its role stays its own
                tag = "div"
            if tag in BLOCK_TAGS or not stack:
                parent = stack[-1] if stack else None
                parent_tokens = parent.tokens if parent is not None else frozenset()
                roles = parent.roles if parent is not None else frozenset()
                # all attributes in one call: a dict lookup per attribute below instead of an lxml
                # call each (most block elements have one or two attributes, or none)
                items = el.items()
                extra = [tag] if tag in ROLE_TAGS else []
                if items:
                    attrib: dict[str, str] = dict(items)
                    cls = attrib.get("class")
                    ident = attrib.get("id")
                    # themes put layout words ("right-sidebar", "loading") on <html>/<body>: not roles
                    if (cls or ident) and tag not in ("body", "html"):
                        # one lookup per (context, class, id): the same few recur thousands of times
                        key = (parent_tokens, cls, ident)
                        tokens = unions.get(key)
                        if tokens is None:
                            own = _class_words(cls, ident, class_words)
                            tokens = unions[key] = (parent_tokens if parent is not None and not own
                                                    else parent_tokens.union(own))
                    else:
                        tokens = parent_tokens
                    # most block elements carry only a class (or an id): nothing else to read
                    if len(attrib) > (cls is not None) + (ident is not None):
                        role = attrib.get("role")
                        if role and role.lower() in ARIA_ROLES:
                            extra.append(role.lower())
                        if _is_hidden(attrib):
                            extra.append("hidden")
                        if (attrib.get("itemprop") in ("comment", "comments")
                                or "Comment" in (attrib.get("itemtype") or "")):
                            extra.append("schema-comment")
                else:
                    tokens = parent_tokens
                if marked is not None:
                    extra.append(marked)
                if extra:
                    roles = roles.union(extra)
                if parent is not None and parent.parts:
                    flush(parent)
                path = parent.path + (parent.node,) if parent is not None else ()
                frame = _Frame(tag, tokens, roles, len(stack), node, path)
                stack.append(frame)
                text = el.text
                if text and not text.isspace():  # add(), inlined: a new frame has no parts yet
                    frame.parts.append(text)
                    if link_depth:
                        frame.link_chars += len(text.strip())
            elif tag == "br":
                add("\n")
            else:
                if tag == "a":
                    link_depth += 1
                text = el.text
                if text and stack:  # add(), inlined: the walk's most frequent step
                    top = stack[-1]
                    if top.parts or not text.isspace():
                        top.parts.append(text)
                        if link_depth:
                            top.link_chars += len(text.strip())
        else:  # end
            if tag in SKIP_TAGS:  # skipped at its start, so it opened nothing
                add(el.tail)
                continue
            if tag in BLOCK_TAGS or el is start or (marks and id(el) in marks):
                if stack:
                    frame = stack.pop()
                    if frame.parts:
                        flush(frame)
            elif tag == "a":
                link_depth = max(0, link_depth - 1)
            text = el.tail
            if text and stack:  # add(), inlined
                top = stack[-1]
                if top.parts or not text.isspace():
                    top.parts.append(text)
                    if link_depth:
                        top.link_chars += len(text.strip())
    while stack:
        flush(stack.pop())
    return tuple(blocks)
