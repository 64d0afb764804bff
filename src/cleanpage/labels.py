"""What the classifier says about each block; the meeting point of the HTML and text paths."""

from __future__ import annotations

import enum
from typing import NamedTuple

from cleanpage.blocks import Block

__all__ = ["Label", "Labelled"]


class Label(str, enum.Enum):
    TITLE = "title"
    BODY = "body"
    ATTRIBUTION = "attribution"
    RESPONSE = "response"
    RESPONSE_HEADER = "response-header"
    BOILERPLATE = "boilerplate"
    META = "meta"  # byline/date lines: kept out of the body, read by metadata, not "removed"


class Labelled(NamedTuple):
    """A block with its label; ``reason`` names the rule for boilerplate (it becomes ``Removed.reason``).

    A ``NamedTuple`` (immutable, cheap to build): classifiers relabel by building new ones."""

    block: Block
    label: Label
    reason: str = ""
