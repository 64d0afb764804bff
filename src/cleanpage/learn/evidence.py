"""The HTML stages up to classification, for training: the same calls :func:`cleanpage.clean` makes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.html.classify import Evidence

__all__ = ["PageEvidence", "html_evidence"]


@dataclass(frozen=True, slots=True)
class PageEvidence:
    blocks: tuple[Block, ...]
    evidence: Evidence

    def features(self, words: Sequence[str]) -> np.ndarray:
        from cleanpage.pipeline.html.features import features

        ev = self.evidence
        return features(self.blocks, ev.kept, ev.contains, ev.rule_labels, words, title_key=ev.title_key,
                        keys=ev.keys, list_heads=ev.list_heads)


def html_evidence(raw: bytes, url: str | None, *, engine: bool = True) -> PageEvidence:
    from cleanpage.api import _reference
    from cleanpage.engines.trafilatura import run_trafilatura
    from cleanpage.options import Options
    from cleanpage.pipeline.decode import decode
    from cleanpage.pipeline.html.blocks import build_blocks
    from cleanpage.pipeline.html.classify import gather
    from cleanpage.pipeline.html.metadata import read_metadata
    from cleanpage.pipeline.html.responses import find_responses
    from cleanpage.pipeline.html.tree import drop_unread, parse_html
    from cleanpage.rules import load_rules

    rules = load_rules()
    root = parse_html(decode(raw, max_bytes=Options().max_bytes).text)
    meta = read_metadata(root, rules, url)
    found = find_responses(root, rules, _reference(meta.published), meta.language)
    blocks = build_blocks(root, found.marks)
    drop_unread(root)
    found_text = run_trafilatura(root, url) if engine else None
    return PageEvidence(blocks=blocks, evidence=gather(blocks, found_text, rules, title=meta.title))
