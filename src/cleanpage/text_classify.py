"""Stages 4–5 (text): label the blocks of a dump, with no markup to lean on.

Order of evidence, strongest first: the rule tables (widget labels, comment forms, related-list
headings), credit shapes, announced-count headings (which open the response region), then the shape
of the text itself: prose (sentences with function words) marks the body region, short unpunctuated
lines around it are navigation, and a rule heading like "Related" swallows the list that follows it.
"""

from __future__ import annotations

from cleanpage.blocks import Block
from cleanpage.labels import Label, Labelled
from cleanpage.prose import is_prose, looks_like_heading
from cleanpage.rules import Rules

__all__ = ["classify_text"]

#: roles whose heading takes the list of links below it along (a "Related" heading and its items)
_LIST_ROLES = frozenset({"related", "popular", "navigation", "share", "tags", "footer", "newsletter"})
#: roles that end the response region (the comment form follows the comments)
_FORM_ROLES = frozenset({"comment-form", "comments-closed", "footer", "related", "popular"})


def _prelabel(block: Block, rules: Rules) -> Labelled | None:
    if "references" in block.roles:
        return Labelled(block=block, label=Label.BOILERPLATE, reason="link-references")
    rule = rules.match_text(block.text)
    if rule is not None:
        return Labelled(block=block, label=Label.BOILERPLATE, reason=rule.name)
    if rules.match_credit(block.text, ("credit", "contributor", "copyright", "byline")) is not None:
        return Labelled(block=block, label=Label.ATTRIBUTION, reason="credit")
    if rules.comments.announced(block.text) is not None or rules.comments.is_section_heading(block.text):
        return Labelled(block=block, label=Label.RESPONSE_HEADER, reason="responses-header")
    return None


def _role_of(reason: str, rules: Rules) -> str:
    for rule in rules.boilerplate:
        if rule.name == reason:
            return rule.role
    return ""


def classify_text(blocks: tuple[Block, ...], rules: Rules) -> tuple[Labelled, ...]:
    """A label for every block of a dump, in order."""
    pre: list[Labelled | None] = [_prelabel(b, rules) for b in blocks]
    n = len(blocks)

    # the response region: from the first announced heading to the comment form (or the end)
    resp_start = next((i for i, p in enumerate(pre) if p and p.label is Label.RESPONSE_HEADER), n)
    resp_end = n
    if resp_start < n:
        for i in range(resp_start + 1, n):
            p = pre[i]
            if p and p.label is Label.BOILERPLATE and _role_of(p.reason, rules) in _FORM_ROLES:
                resp_end = i
                break

    # the body region: first to last prose block before the responses
    prose = [i for i in range(resp_start) if pre[i] is None and is_prose(blocks[i].text)]
    body_start = prose[0] if prose else resp_start
    body_end = prose[-1] if prose else -1

    out: list[Labelled] = []
    swallowing = ""  # reason of a list heading whose items are being removed
    title_index = _title_index(blocks, pre, body_start)
    for i, block in enumerate(blocks):
        p = pre[i]
        if p is not None:
            if p.label is Label.BOILERPLATE and _role_of(p.reason, rules) in _LIST_ROLES:
                swallowing = p.reason
            elif p.label is not Label.BOILERPLATE:
                swallowing = ""
            out.append(p)
            continue
        if resp_start < i < resp_end:
            out.append(Labelled(block=block, label=Label.RESPONSE))
            continue
        prose_here = is_prose(block.text)
        if swallowing and not prose_here and (block.tag == "item" or block.words <= 12):
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=swallowing))
            continue
        swallowing = ""
        if i == title_index:
            out.append(Labelled(block=block, label=Label.TITLE))
        elif body_start <= i <= body_end and (prose_here or _inner_keep(blocks, pre, i)):
            out.append(Labelled(block=block, label=Label.BODY))
        elif i < body_start:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason="before-content"))
        else:
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason="after-content"))
    return tuple(out)


def _inner_keep(blocks: tuple[Block, ...], pre: list[Labelled | None], i: int) -> bool:
    """A short block inside the body region: a subheading or a short paragraph stays, a run of
    short lines (a menu or link list pasted mid-article) does not."""
    def short(j: int) -> bool:
        return 0 <= j < len(blocks) and pre[j] is None and not is_prose(blocks[j].text) and blocks[j].words <= 8

    if short(i - 1) and short(i + 1):
        return False
    if short(i - 1) and short(i - 2) or short(i + 1) and short(i + 2):
        return False
    text = blocks[i].text
    return blocks[i].words >= 2 or text.endswith((".", "!", "?"))


def _title_index(blocks: tuple[Block, ...], pre: list[Labelled | None], body_start: int) -> int:
    """The nearest headline-shaped block above the body that is not a widget or a byline."""
    for j in range(min(body_start, len(blocks)) - 1, max(-1, body_start - 8), -1):
        if pre[j] is not None:
            continue
        text = blocks[j].text
        if looks_like_heading(text) and not text.lower().startswith(("by ", "von ", "par ", "por ")):
            return j
    return -1
