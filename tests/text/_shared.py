"""What the text-path tests share: a dump wrapped as a wrapper would, and a dump's labels by block text."""

from __future__ import annotations

import textwrap

from cleanpage.pipeline.blocks import Label
from cleanpage.pipeline.text.blocks import build_blocks
from cleanpage.pipeline.text.classify import classify
from cleanpage.rules import load_rules


def wrap(text: str, width: int = 72) -> str:
    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)


def labels_of(text: str) -> dict[str, Label]:
    blocks = build_blocks(text)
    return {item.block.text: item.label for item in classify(blocks, load_rules())}
