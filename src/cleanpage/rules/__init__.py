"""Rule tables as data: boilerplate phrases, news agencies and credit shapes, comment cues, metadata
cues, disclosure cues.

The tables live beside this module as TOML (``boilerplate.toml``, ``agencies.toml``,
``comments.toml``, ``metadata.toml``, ``disclosure.toml``) so that adding a language, an agency or a
widget label is a data change with a test, not a code change. :func:`load_rules` validates and compiles them once per process into a
frozen :class:`Rules`::

    from cleanpage.rules import load_rules
    rules = load_rules()
    rules.match_text("Close this search box.").name        # 'search-widget'
    rules.match_credit("(AP)").agency.name                 # 'AP'
    rules.comments.announced("3 Responses")                # 3

One module per table, each with its value classes and its compiler, over a shared schema module
(imports run one way, top to bottom)::

    tables       Rules, load_rules, parse_rules: the aggregate and its pickling
    boilerplate  BoilerplateRule, ROLES, TextRoles, Container, the index   (boilerplate.toml)
    credits      Agency, CreditPattern, CreditMatch, the matcher          (agencies.toml)
    comments     CommentCues, CommentCue                                  (comments.toml)
    metadata     MetadataCues                                             (metadata.toml)
    markup       MarkupCues: class/id words, <meta> names, schema types   (metadata.toml)
    disclosure   DisclosureCues: hidden panels a control opens, hiding classes (disclosure.toml)
    schema       RulesError, TOML reading and validation, regex building
    normalise    collapse, normalise_phrase: what texts are compared as
    _firstchar   the prefix prefilter
"""

from __future__ import annotations

from .boilerplate import CONTAINER_ROLES, ROLES, BoilerplateRule, Container, TextRoles
from .comments import CommentCue, CommentCues
from .credits import CREDIT_KINDS, Agency, CreditMatch, CreditPattern
from .disclosure import DisclosureCues
from .markup import MarkupCues
from .metadata import MetadataCues
from .normalise import collapse, normalise_phrase
from .schema import RulesError
from .signed import SignedCues
from .tables import Rules, load_rules, parse_rules

__all__ = [
    "CONTAINER_ROLES",
    "CREDIT_KINDS",
    "ROLES",
    "Agency",
    "BoilerplateRule",
    "CommentCue",
    "CommentCues",
    "Container",
    "CreditMatch",
    "CreditPattern",
    "DisclosureCues",
    "MarkupCues",
    "MetadataCues",
    "Rules",
    "RulesError",
    "SignedCues",
    "TextRoles",
    "collapse",
    "load_rules",
    "normalise_phrase",
    "parse_rules",
]
