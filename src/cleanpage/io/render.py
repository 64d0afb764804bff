"""Human-readable views of a :class:`Page`: Markdown for files, escaped HTML for notebooks.

Every piece of page text goes through :func:`html.escape` before it reaches the HTML view, so a
page that carries ``<script>`` shows it as text and never runs it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleanpage.result import Page

__all__ = ["page_html", "page_markdown"]


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
    for paragraph in page.paragraphs:
        lines += [paragraph, ""]
    if page.attribution:
        lines += ["---", ""]
        lines += [f"- {a.kind.value}: {a.text}" + (f" ({a.agency})" if a.agency else "") for a in page.attribution]
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
        facts.append("attribution: " + e("; ".join(f"{a.agency or '?'} {a.kind.value} “{a.text}”" for a in page.attribution)))
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
    parts += [f"<p>{e(p)}</p>" for p in page.paragraphs]
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
