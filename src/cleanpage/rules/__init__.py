"""Rule tables as data: boilerplate phrases, news agencies and credit shapes, comment cues.

The tables live beside this module as TOML (``boilerplate.toml``, ``agencies.toml``,
``comments.toml``, ``metadata.toml``) so that adding a language, an agency or a widget label is a data change with a
test, not a code change. :func:`load_rules` validates and compiles them once per process into a
frozen :class:`Rules`::

    from cleanpage.rules import load_rules
    rules = load_rules()
    rules.match_text("Close this search box.").name        # 'search-widget'
    rules.match_credit("(AP)")[2].name                     # 'AP'
    rules.comments.announced("3 Responses")                # 3
"""

from __future__ import annotations

from .load import ROLES, load_rules, parse_rules
from .model import (
    CREDIT_KINDS,
    Agency,
    BoilerplateRule,
    CommentCues,
    CreditPattern,
    MetadataCues,
    Rules,
    RulesError,
    collapse,
    normalise_phrase,
)

__all__ = [
    "CREDIT_KINDS",
    "ROLES",
    "Agency",
    "BoilerplateRule",
    "CommentCues",
    "CreditPattern",
    "MetadataCues",
    "Rules",
    "RulesError",
    "collapse",
    "load_rules",
    "normalise_phrase",
    "parse_rules",
]
