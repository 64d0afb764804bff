"""Human-readable views of a :class:`Page`: Markdown (bare, or as a document with YAML front matter
holding the metadata), escaped HTML for notebooks, and a clean standalone HTML article.

Every piece of page text goes through :func:`html.escape` before it reaches an HTML view, so a
page that carries ``<script>`` shows it as text and never runs it. Front matter values are written
as JSON scalars and flow sequences, which YAML reads as the same values (no YAML library needed).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from cleanpage.pipeline.elements import Element, ElementKind

if TYPE_CHECKING:
    from cleanpage.result import Attribution, Page

__all__ = ["article_html", "body_html", "body_markdown", "body_text", "front_matter", "page_html", "page_markdown",
           "page_markdown_document", "page_text"]

#: what makes a paragraph's first characters Markdown syntax (a heading, list, quote, rule, HTML)
_BLOCK_SYNTAX = re.compile(r"^(?:[#>+*=<|-]|\d{1,9}[.)](?=\s|$))")
#: a run of backticks: a fence is longer than any run in the code it holds
_BACKTICKS = re.compile(r"`+")
#: spaces per list level: enough for any marker up to "99. ", never enough for an indented code block
_INDENT = "    "


def _names(credit: Attribution, *, unshown: bool = False) -> str:
    """The agencies a credit names ("dpa/AP"); with ``unshown``, only those its own words do not
    already show (a credit "(AP)" needs no "(AP)" after it)."""
    return "/".join(n for n in credit.agencies if not (unshown and _shows(credit.text, n)))


def _shows(text: str, name: str) -> bool:
    """``name`` stands in ``text`` as a word of its own ("(AP)"), not inside one ("CAPE TOWN")."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _elements(page: Page) -> tuple[Element, ...]:
    """The page's elements, or its paragraphs as paragraph elements (a page built by hand)."""
    if page.elements or not page.paragraphs:
        return page.elements
    return tuple(Element(kind=ElementKind.PARAGRAPH, text=p) for p in page.paragraphs)


def _escape_start(text: str) -> str:
    """A paragraph that would read as Markdown syntax ("1. ", "# ", "> ") with that syntax escaped."""
    found = _BLOCK_SYNTAX.match(text)
    if found is None:
        return text
    end = found.end()
    return text[: end - 1] + "\\" + text[end - 1 :]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _pipe_table(element: Element) -> list[str]:
    """A GFM pipe table: the first row as the header (a pipe table must have one), then the rest."""
    width = max(len(row) for row in element.rows)
    rows = [list(row) + [""] * (width - len(row)) for row in element.rows]
    lines = ["| " + " | ".join(_cell(c) for c in rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows[1:]]
    return lines


def _fenced(text: str) -> list[str]:
    fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    return [fence, text, fence]


def _list_items(items: Sequence[Element], markdown: bool) -> Iterator[str]:
    """A run of list items, one under the other; a level at most one deeper than the item above it,
    numbered lists counted from 1 at each level."""
    level = 0
    counters: list[tuple[bool | None, int]] = []  # each open level's kind and its items so far
    for item in items:
        level = min(item.depth or 1, level + 1)
        del counters[level:]
        counters += [(item.ordered, 0)] * (level - len(counters))
        kind, count = counters[level - 1]
        count = count + 1 if kind == item.ordered else 1  # another kind of list starts its own count
        counters[level - 1] = (item.ordered, count)
        marker = f"{count}. " if item.ordered else "- "
        indent = _INDENT * (level - 1)
        first, *more = item.text.split("\n\n")
        yield indent + marker + (_escape_start(first) if markdown else first)
        for paragraph in more:  # a later paragraph of the item, under its text
            yield from ("", indent + _INDENT + (_escape_start(paragraph) if markdown else paragraph))


def _runs(elements: Sequence[Element]) -> Iterator[list[Element]]:
    """The elements, a run of list items together, every other element alone."""
    run: list[Element] = []
    for element in elements:
        if element.kind is ElementKind.LIST_ITEM:
            run.append(element)
            continue
        if run:
            yield run
            run = []
        yield [element]
    if run:
        yield run


def body_markdown(elements: Sequence[Element]) -> list[str]:
    """The structured body as Markdown lines, a blank line after each block: ATX headings, ``-`` and
    ``1.`` lists indented by level, ``>`` quotes, fenced code, pipe tables."""
    lines: list[str] = []
    for run in _runs(elements):
        element = run[0]
        kind = element.kind
        if kind is ElementKind.LIST_ITEM:
            lines += _list_items(run, markdown=True)
        elif kind is ElementKind.HEADING:
            lines.append("#" * (element.level or 2) + " " + element.text)
        elif kind is ElementKind.CODE:
            lines += _fenced(element.text)
        elif kind is ElementKind.TABLE and element.rows:
            lines += _pipe_table(element)
        elif kind is ElementKind.QUOTE:
            for i, paragraph in enumerate(element.text.split("\n\n")):
                lines += ([">"] if i else []) + ["> " + _escape_start(paragraph)]
        else:
            lines.append(_escape_start(element.text))
        lines.append("")
    return lines


def body_text(elements: Sequence[Element]) -> list[str]:
    """The structured body as plain-text blocks: a list's items one under the other (``-`` or a
    number, indented by level), a table one row a line, code as the page has it."""
    blocks: list[str] = []
    for run in _runs(elements):
        if run[0].kind is ElementKind.LIST_ITEM:
            blocks.append("\n".join(_list_items(run, markdown=False)))
        else:
            blocks.append(run[0].text)
    return blocks


def _list_html(items: Sequence[Element]) -> list[str]:
    """A run of list items as nested ``ul``/``ol`` elements, a level at most one deeper than the item above."""
    e = html.escape
    out: list[str] = []
    open_lists: list[str] = []  # the tags of the open lists, outermost first
    for item in items:
        level = min(item.depth or 1, len(open_lists) + 1)
        tag = "ol" if item.ordered else "ul"
        while len(open_lists) > level or (len(open_lists) == level and open_lists[-1] != tag):
            out.append(f"</li></{open_lists.pop()}>")
        if len(open_lists) == level:
            out.append("</li>")
        else:
            open_lists.append(tag)
            out.append(f"<{tag}>")
        out.append("<li>" + "".join(f"<p>{e(p)}</p>" if "\n\n" in item.text else e(p)
                                    for p in item.text.split("\n\n")))
    out += [f"</li></{tag}>" for tag in reversed(open_lists)]
    return out


def body_html(elements: Sequence[Element]) -> list[str]:
    """The structured body as HTML elements, every text escaped: headings, nested lists, quotes,
    ``pre`` code, tables (a header row in ``th`` cells)."""
    e = html.escape
    parts: list[str] = []
    for run in _runs(elements):
        element = run[0]
        kind = element.kind
        if kind is ElementKind.LIST_ITEM:
            parts.append("".join(_list_html(run)))
        elif kind is ElementKind.HEADING:
            level = min(max(element.level or 2, 1), 6)
            parts.append(f"<h{level}>{e(element.text)}</h{level}>")
        elif kind is ElementKind.CODE:
            parts.append(f"<pre><code>{e(element.text)}</code></pre>")
        elif kind is ElementKind.TABLE and element.rows:
            rows = []
            for i, row in enumerate(element.rows):
                cell = "th" if i == 0 and element.header else "td"
                rows.append("<tr>" + "".join(f"<{cell}>{e(c)}</{cell}>" for c in row) + "</tr>")
            parts.append("<table>" + "".join(rows) + "</table>")
        elif kind is ElementKind.QUOTE:
            parts.append("<blockquote>" + "".join(f"<p>{e(p)}</p>" for p in element.text.split("\n\n"))
                         + "</blockquote>")
        elif kind is ElementKind.CAPTION:
            parts.append(f"<figcaption>{e(element.text)}</figcaption>")
        else:
            parts.append(f"<p>{e(element.text)}</p>")
    return parts


def page_text(page: Page) -> str:
    """Title and body as plain text (:meth:`Page.to_text`)."""
    parts = [page.title] if page.title else []
    parts += body_text(_elements(page))
    return "\n\n".join(parts) + ("\n" if parts else "")


def page_markdown(page: Page) -> str:
    lines: list[str] = []
    if page.title:
        lines += [f"# {page.title}", ""]
    meta = []
    if page.authors:
        meta.append("By " + ", ".join(page.authors))
    if page.published:
        meta.append(page.published.isoformat())
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    lines += body_markdown(_elements(page))
    if page.attribution:
        lines += ["---", ""]
        # the agency in brackets only where the credit's own words do not already show it ("(AP)")
        lines += [f"- {a.kind.value}: {a.text}" + (f" ({_names(a, unshown=True)})" if _names(a, unshown=True) else "")
                  for a in page.attribution]
        lines.append("")
    if page.responses or page.responses_announced:
        count = f" ({page.responses_announced} announced)" if page.responses_announced is not None else ""
        lines += [f"## Responses{count}", ""]
        for i, response in enumerate(page.responses):
            head = [f"**{i + 1}.**"]
            if response.author:
                head.append(response.author)
            if response.published:
                head.append(response.published.isoformat())
            if response.parent is not None:
                head.append(f"(reply to {response.parent + 1})")
            lines += [" ".join(head), ""]
            lines += ["> " + p if p else ">" for p in response.text.split("\n")]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _facts(page: Page) -> list[str]:
    e = html.escape
    facts = [f"kind: {e(page.kind.value)}"]
    if page.url:
        facts.append("url: " + e(page.url))  # as text, never a live link
    if page.authors:
        facts.append("authors: " + e(", ".join(page.authors)))
    if page.published:
        facts.append("published: " + e(page.published.isoformat()))
    if page.attribution:
        facts.append("attribution: " + e("; ".join(f"{_names(a) or '?'} {a.kind.value} “{a.text}”" for a in page.attribution)))
    if page.responses_announced is not None:
        facts.append(f"responses announced: {page.responses_announced}")
    if page.encoding_source:
        facts.append(f"encoding: {e(page.encoding or '-')} ({e(page.encoding_source)})")
    if page.warnings:
        facts.append("<b>warnings: " + e(", ".join(w.value for w in page.warnings)) + "</b>")
    return facts


def page_html(page: Page) -> str:
    e = html.escape
    parts = ['<div class="cleanpage-page" style="font-family:sans-serif;max-width:50em">']
    parts.append(f"<h3>{e(page.title or '(no title)')}</h3>")
    facts = _facts(page)
    parts.append('<p style="color:#555">' + " · ".join(facts) + "</p>")
    parts += body_html(_elements(page))
    if page.responses:
        parts.append(f"<h4>Responses ({len(page.responses)})</h4><ol>")
        for response in page.responses:
            who = e(response.author or "anonymous")
            when = f" · {e(response.published.isoformat())}" if response.published else ""
            reply = f" · reply to #{response.parent + 1}" if response.parent is not None else ""
            text = "<br>".join(e(line) for line in response.text.split("\n"))
            parts.append(f"<li><b>{who}</b>{when}{reply}<br>{text}</li>")
        parts.append("</ol>")
    if page.removed:
        parts.append(f"<details><summary>Removed ({len(page.removed)})</summary><ul>")
        parts += [f'<li><s>{e(r.text[:300])}</s> <code>{e(r.reason)}</code></li>' for r in page.removed]
        parts.append("</ul></details>")
    parts.append("</div>")
    return "\n".join(parts)


def _yaml(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def front_matter(page: Page) -> str:
    """The page's metadata as a YAML front matter block (``---`` lines included)."""
    data = page.to_dict()
    lines = ["---"]
    for key in ("title", "authors", "published", "url", "language", "language_source"):
        lines.append(f"{key}: {_yaml(data[key])}")
    if page.attribution:
        lines.append("attribution:")
        for item in data["attribution"]:
            lines.append("  - {" + ", ".join(f"{k}: {_yaml(v)}" for k, v in item.items()) + "}")
    else:
        lines.append("attribution: []")
    lines.append("---")
    return "\n".join(lines) + "\n"


def page_markdown_document(page: Page) -> str:
    """:func:`page_markdown` under a YAML front matter block with the page's metadata."""
    return front_matter(page) + "\n" + page_markdown(page)


def article_html(page: Page) -> str:
    """The article as a standalone, clean HTML document: every text escaped, no script, no style."""
    e = html.escape
    lang = f' lang="{e(page.language)}"' if page.language else ""
    head = ['<meta charset="utf-8">', f"<title>{e(page.title or '')}</title>"]
    head += [f'<meta name="author" content="{e(a)}">' for a in page.authors]
    if page.published:
        head.append(f'<meta name="date" content="{e(page.published.isoformat())}">')
    if page.url:
        head.append(f'<link rel="canonical" href="{e(page.url)}">')
    body = ["<article>"]
    if page.title:
        body.append(f"<h1>{e(page.title)}</h1>")
    byline = []
    if page.authors:
        byline.append("By " + e(", ".join(page.authors)))
    if page.published:
        stamp = e(page.published.isoformat())
        byline.append(f'<time datetime="{stamp}">{stamp}</time>')
    if byline:
        body.append('<p class="byline">' + " · ".join(byline) + "</p>")
    body += body_html(_elements(page))
    if page.attribution:
        body.append('<footer class="attribution"><ul>')
        body += [f'<li data-kind="{e(a.kind.value)}">{e(a.text)}' + (f" ({e(_names(a))})" if a.agency else "")
                 + "</li>" for a in page.attribution]
        body.append("</ul></footer>")
    body.append("</article>")
    if page.responses:
        body.append(f'<section class="responses"><h2>Responses ({len(page.responses)})</h2><ol>')
        for i, response in enumerate(page.responses):
            who = e(response.author or "anonymous")
            when = f" · {e(response.published.isoformat())}" if response.published else ""
            reply = f' · reply to <a href="#response-{response.parent + 1}">#{response.parent + 1}</a>' \
                if response.parent is not None else ""
            text = "<br>".join(e(line) for line in response.text.split("\n"))
            body.append(f'<li id="response-{i + 1}"><b>{who}</b>{when}{reply}<br>{text}</li>')
        body.append("</ol></section>")
    return (f"<!DOCTYPE html>\n<html{lang}>\n<head>\n" + "\n".join(head) + "\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
