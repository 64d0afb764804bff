"""The site's own name: in a title's parts (" - Site"), in its domain, in its canonical link.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from cleanpage.pipeline.blocks import normalise_space, text_key

#: (whitespace runs here and below are read from their start, possessively: linear on any run)
_SUFFIX = re.compile(r"(?:(?<!\s)|(?=\S))\s++(?:[-|·–—:»«/]|::)\s++")


#: Chinese and Japanese titles join the site name without spaces: "标题-新华网", "NEWS WEB EASY|标题"
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


#: a whitespace run is read from its start only (possessively), so a long run with no separator
#: costs one pass, not one per position; the same splits as the plain "\s*(...)\s*" form
_SUFFIX_CJK = re.compile(r"(?:(?<!\s)|(?=\S))"
                         r"(?:\s++[-—–]\s|\s*+(?:[|｜_]|(?<=[\u3000-\u9fff\uff00-\uffef])[-—–](?=\S)))\s*+")


def _site_key(text: str) -> str:
    return text_key(text).removeprefix("www")


def _is_site(part: str, sites: frozenset[str], *, loose: bool = True) -> bool:
    """A title part that names the site: its og:site_name/publisher, or its domain's name
    ("Gregory Szorc's Digital Home" on gregoryszorc.com when ``loose``; whole titles are only
    compared exactly)."""
    key = _site_key(part)
    if not key:
        return False
    if not loose:
        return key in sites
    return any(key == s or (len(s) >= 4 and (key.startswith(s) or s.startswith(key)) and len(key) >= 4) for s in sites)


def strip_site_suffix(
    title: str, others: list[str], sites: frozenset[str] = frozenset(), *, pipe_rule: bool = True
) -> str:
    """Drop " - Site" / " | Site" parts (at either end) of a page title.

    A part is dropped when it names the site (``sites``: site names and the domain, as
    :func:`text_key` keys); a part another source states on its own (the h1) is chosen; with no
    such evidence only a last " | part" is dropped, since a dash also joins the halves of real
    headlines ("Würde des Lebens – ein Projekt").
    """
    title = normalise_space(title)
    splitter = _SUFFIX_CJK if _CJK.search(title) else _SUFFIX
    pieces = splitter.split(title)
    seps = splitter.findall(title)
    parts = [p.strip() for p in pieces]
    if len(parts) <= 1 or not all(parts):
        return title
    keys = {text_key(o) for o in others if o}
    for part in parts:
        if text_key(part) in keys:
            return part
    start, end = 0, len(parts)
    while end - start > 1 and _is_site(parts[end - 1], sites):
        end -= 1
    while end - start > 1 and _is_site(parts[start], sites):
        start += 1
    if (start, end) == (0, len(parts)):
        short_cjk_tail = splitter is _SUFFIX_CJK and len(parts[-1]) <= 8
        if (pipe_rule and (seps[-1].strip() in ("|", "||") or short_cjk_tail)
                and len(parts[-1]) < len(" ".join(parts[:-1]))):
            end -= 1
        else:
            return title
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out


def _canonical(root: etree._Element) -> str | None:
    head = root.find("head")
    for link in (head if head is not None else root).iter("link"):
        if (link.get("rel") or "").lower() == "canonical":
            return str(link.get("href") or "") or None
    return None


_HOST = re.compile(r"^[a-z]+://(?:www\d?\.)?([^/:?#]+)", re.IGNORECASE)


def _host(url: str | None) -> str:
    """The site's own name in its domain: "tagesschau" for https://www.tagesschau.de/…"""
    m = _HOST.match(url or "")
    if not m:
        return ""
    labels = m.group(1).lower().split(".")
    name = labels[-2] if len(labels) >= 2 else labels[0]
    if len(labels) >= 3 and len(name) <= 3:  # example.co.uk
        name = labels[-3]
    return text_key(name)


def links_away(href: str | None, url: str | None) -> bool:
    """A link that leaves the page: to the site's home page (a logo) or to another page (a teaser's
    story). A link to the page itself (a blog's permalink on its own headline, "#", the same path
    with another query) stays; a page without a URL cannot tell, so nothing leaves it."""
    if href is None or not url or href.startswith(("#", "javascript:")):
        return False
    page = urlsplit(url)
    target = urlsplit(urljoin(url, href))
    if target.scheme not in ("http", "https", ""):
        return False
    same_host = target.netloc.lower().removeprefix("www.") == page.netloc.lower().removeprefix("www.")
    # the same path spelt another way (percent-encoded in the address, not in the link) is the same page
    return not same_host or unquote(target.path).rstrip("/") != unquote(page.path).rstrip("/")
