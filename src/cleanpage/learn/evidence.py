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
    """A page's blocks and the evidence the block model reads, through the same stage calls as
    :func:`cleanpage.clean` (:func:`cleanpage.api.read_html`)."""
    from cleanpage.api import read_html
    from cleanpage.options import Options
    from cleanpage.pipeline.decode import decode
    from cleanpage.pipeline.html.classify import gather
    from cleanpage.rules import load_rules

    rules = load_rules()
    options = Options(use_trafilatura=engine)
    read = read_html(decode(raw, max_bytes=options.max_bytes), url, options, rules)
    evidence = gather(read.blocks, read.engine, rules, title=read.meta.headline)
    return PageEvidence(blocks=read.blocks, evidence=evidence)
