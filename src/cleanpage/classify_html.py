"""Stage 4 (HTML): label every block, combining our rules with the engines' evidence.

Evidence, strongest first:

1. the block sits in a reader-response section found by :mod:`cleanpage.respond_html`;
2. a whole-block boilerplate phrase ("Close this search box.", "Leave a Reply") — never prose;
3. a boilerplate role on the block or an ancestor (class/id tokens such as ``share``/``related``,
   semantic containers such as ``nav``/``aside``/``footer``) — unless the main-content engine kept
   the block *and* it reads as prose, because sites do wrap articles in oddly named containers;
4. whether trafilatura's main text covers the block (aligned by normalised text);
5. with no engine output, the block's own prose features.
"""

from __future__ import annotations

from collections.abc import Iterable

from cleanpage.blocks import Block, text_key
from cleanpage.engines import EngineText
from cleanpage.labels import Label, Labelled
from cleanpage.prose import is_prose
from cleanpage.rules import Rules

__all__ = ["classify_html", "Coverage"]

#: semantic containers whose blocks are furniture unless the engine keeps them
_CONTAINER_REASONS = {
    "nav": "navigation",
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "header": "page-header",
    "banner": "page-header",
    "footer": "page-footer",
    "contentinfo": "page-footer",
    "aside": "sidebar",
    "complementary": "sidebar",
    "form": "form",
    "search": "search-widget",
    "dialog": "dialog",
    "button": "button",
    "label": "form",
    "hidden": "hidden",
}


class Coverage:
    """Which blocks an engine's text covers: exact unit matches, or long blocks found inside its
    text, or long blocks mostly made of its units (one block split in two by the engine)."""

    __slots__ = ("_keys", "_joined", "_units")

    def __init__(self, units: Iterable[str]) -> None:
        keys = [text_key(u) for u in units]
        self._units = [k for k in keys if len(k) >= 10]
        self._keys = frozenset(keys)
        self._joined = "\x00".join(keys)

    def __bool__(self) -> bool:
        return bool(self._joined)

    def covers(self, text: str) -> bool:
        key = text_key(text)
        if not key:
            return False
        if key in self._keys:
            return True
        if len(key) >= 12 and key in self._joined:
            return True
        if len(key) >= 80:
            inside = sum(len(u) for u in self._units if u in key)
            return inside >= 0.6 * len(key)
        return False


def _container_reason(roles: frozenset[str]) -> str | None:
    for role in ("hidden", "dialog", "search", "nav", "navigation", "menu", "menubar", "footer", "contentinfo",
                 "aside", "complementary", "form", "header", "banner", "button", "label"):
        if role in roles:
            return _CONTAINER_REASONS[role]
    return None


def classify_html(
    blocks: tuple[Block, ...],
    engine: EngineText | None,
    rules: Rules,
    *,
    title: str | None,
) -> tuple[Labelled, ...]:
    """A label for every block of an HTML page, in page order."""
    coverage = Coverage(engine.body) if engine is not None else Coverage(())
    cues = rules.comments
    title_key = text_key(title) if title else ""
    title_done = False
    out: list[Labelled] = []
    for block in blocks:
        text = block.text
        roles = block.roles
        if "comments" in roles:
            rule = rules.match_text(text)
            if rule is not None:
                out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=rule.name))
            elif cues.announced(text) is not None or cues.is_section_heading(text):
                out.append(Labelled(block=block, label=Label.RESPONSE_HEADER, reason="responses-header"))
            elif "comment-item" in roles:
                out.append(Labelled(block=block, label=Label.RESPONSE))
            else:
                token_rule = rules.match_tokens(block.tokens)
                reason = token_rule.name if token_rule is not None else "comment-section"
                out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=reason))
            continue
        if not title_done and title_key and block.tag in ("h1", "h2") and text_key(text) == title_key:
            title_done = True
            out.append(Labelled(block=block, label=Label.TITLE))
            continue
        rule = rules.match_text(text)
        if rule is not None:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=rule.name))
            continue
        kept = coverage.covers(text) if coverage else is_prose(text)
        prose = kept and is_prose(text)
        token_rule = rules.match_tokens(block.tokens)
        if token_rule is not None and not prose:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=token_rule.name))
            continue
        container = _container_reason(roles)
        if container is not None and not kept and not (coverage and prose):
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=container))
            continue
        if kept and (container is None or prose or container in ("page-header",)):
            out.append(Labelled(block=block, label=Label.BODY))
        else:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=container or "outside-main-content"))
    return tuple(out)
