"""Sniff: is this text HTML or a plain-text dump?

Takes the decoded text; gives its :class:`InputKind` (an explicit ``kind`` option skips this).

A dump may mention a tag in passing ("use the <p> element"), and HTML may start with a long
comment or a BOM, so the decision counts real markup near the start instead of trusting one token.
"""

from __future__ import annotations

import re

from cleanpage.result import InputKind

__all__ = ["sniff"]

_STRONG = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*\?>\s*<(?:!doctype|html)", re.IGNORECASE)
#: a document's opening tag, and a closing tag somewhere after it (two searches: one pattern with
#: ".*?" between them rescans the rest from every "<body>", which is quadratic)
_OPENING = re.compile(r"<(?:html|body)\b[^<>]{0,2000}>", re.IGNORECASE)
_CLOSING = re.compile(r"</(?:p|div|body|html)>", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|table|tr|td|ul|ol|li|h[1-6]|article|section|main|nav|header|footer|"
    r"script|style|meta|link|title|img|form|em|strong|b|i)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


def sniff(text: str) -> InputKind:
    """HTML when the start declares a document, or when markup is dense enough to be a fragment."""
    head = text[:20_000]
    if _STRONG.search(head[:2_000]):
        return InputKind.HTML
    # a saved page may open with kilobytes of inline script or comments before its <html>/<body>
    window = text[:200_000]
    opening = _OPENING.search(window)
    if opening is not None and _CLOSING.search(window, opening.end()):
        return InputKind.HTML
    tags = len(_TAG.findall(head))
    lines = max(1, head.count("\n") + 1)
    # a fragment like "<p>a</p><p>b</p>" has about as many tags as lines or more; a dump that
    # quotes a tag or two has far fewer
    if tags >= 3 and tags >= lines / 4:
        return InputKind.HTML
    return InputKind.TEXT
