"""The keep/drop decision on an HTML page's blocks: the block model over the rules' evidence.

The rule classifier (:mod:`.classify`) labels every block; its labels, the engine's coverage and the
blocks' own statistics become features (:mod:`.features`), and the learned model
(:mod:`cleanpage.models`, trained by :mod:`cleanpage.learn.train`) decides body or not for every
block the rules are not certain about. Certain are: the headline, reader-response sections, text the
page hides, and the rule tables' unambiguous widgets (comment forms, cookie prompts, search boxes,
skip links, screen-reader labels) — those keep the rule's label. Every block the model drops keeps
the rule's reason when the rules dropped it too, else :attr:`Reason.OUTSIDE_MAIN_CONTENT`, and
carries the model's score. A repeated group the page's main content is made of (a listing's items,
:mod:`.groups`) is kept whole where the model kept little else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from cleanpage.models import Forest, load_forest
from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason
from cleanpage.pipeline.html.features import BASE_FEATURES, KIN_FEATURES, feature_names, features
from cleanpage.pipeline.html.groups import main_groups
from cleanpage.pipeline.html.stacked import STAGE2_FEATURES, kin_ids, stage2_columns

if TYPE_CHECKING:
    from cleanpage.pipeline.html.classify import Evidence

__all__ = ["CERTAIN", "decide", "reads_kin", "second_stage"]

#: rule reasons the model never overrules: what they remove is never article text
CERTAIN = frozenset({
    Reason.HIDDEN, Reason.DIALOG, Reason.COMMENT_FORM, Reason.COOKIE_NOTICE, Reason.SEARCH_WIDGET,
    Reason.SKIP_LINK, Reason.SCREEN_READER_TEXT, Reason.COMMENT_SECTION, Reason.RESPONSES_HEADER,
    Reason.JAVASCRIPT_NOTICE, Reason.COMMENT_CHROME,
})
_FIXED = frozenset({Label.TITLE, Label.RESPONSE, Label.RESPONSE_HEADER})
_UNDER_LIST_HEADING = BASE_FEATURES.index("under_list_heading")


def decide(blocks: Sequence[Block], evidence: Evidence, *, model: Forest,
           second: Forest | None = None) -> tuple[Labelled, ...]:
    """The model's label for every block the rules are not certain about. ``second``: the model's
    second stage (:mod:`.stacked`); by default the one ``model``'s card names, if any."""
    kin = reads_kin(model.features)
    if model.features != feature_names(model.words, kin=kin):
        # a model file trained on other columns would read the wrong numbers without a word
        raise ValueError("the block model was trained on other features: retrain it (python -m cleanpage.learn.train)")
    x = features(blocks, evidence.kept, evidence.contains, evidence.rule_labels, model.words,
                 title_key=evidence.title_key, keys=evidence.keys, list_heads=evidence.list_heads, kin=kin)
    decidable = np.array([item.label not in _FIXED and item.reason not in CERTAIN for item in evidence.rule_labels],
                         dtype=bool)
    scores, cut = model.probability(x), model.cut
    second = second if second is not None else second_stage(model)
    if second is not None:
        scores, cut = _second_look(blocks, x, scores, decidable, model, second), second.cut
    if not _keeps_any(evidence.rule_labels, scores, cut):
        # the model kept nothing the rules would keep: a page unlike any it learned from, where an
        # empty body is the worst answer; the rules' own labels stand
        return tuple(evidence.rule_labels)
    # a list under a "Related" / "Most read" heading is never a page's main list
    lifted = main_groups(blocks, scores, cut, decidable & (x[:, _UNDER_LIST_HEADING] <= 0))
    out: list[Labelled] = []
    for item, score, lift in zip(evidence.rule_labels, scores.tolist(), lifted.tolist()):
        if item.label in _FIXED or item.reason in CERTAIN:
            out.append(item)
        elif score >= cut or lift:
            out.append(Labelled(block=item.block, label=Label.BODY, score=score))
        else:
            reason = item.reason if item.label is Label.BOILERPLATE and item.reason else Reason.OUTSIDE_MAIN_CONTENT
            out.append(Labelled(block=item.block, label=Label.BOILERPLATE, reason=reason, score=score))
    return tuple(out)


def second_stage(model: Forest) -> Forest | None:
    """The packaged second stage a first-stage model's card names (``learn.train --stack``), if any."""
    name = (model.card.get("stage2") or {}).get("file")
    return load_forest(str(name)) if name else None


def _second_look(blocks: Sequence[Block], x: np.ndarray, scores: np.ndarray, decidable: np.ndarray, model: Forest,
                 second: Forest) -> np.ndarray:
    """The second stage's scores: each block's row again, beside the first stage's scores around it."""
    if second.features != model.features + STAGE2_FEATURES:
        raise ValueError("the block model's second stage was trained on other features: retrain both "
                         "(python -m cleanpage.learn.train --stack)")
    words = np.array([len(block.text.split()) for block in blocks], dtype=np.float64)
    around = stage2_columns(scores, decidable, kin_ids(x, [block.tokens for block in blocks]), words, model.cut)
    probability: np.ndarray = second.probability(np.hstack([x, around]))
    return probability


def reads_kin(names: Sequence[str]) -> bool:
    """Whether a model with these column names was trained with the kin columns
    (:mod:`.kin`, ``learn.train --kin``): they follow the base ones."""
    return tuple(names[len(BASE_FEATURES):len(BASE_FEATURES) + len(KIN_FEATURES)]) == KIN_FEATURES


def _keeps_any(rule_labels: Sequence[Labelled], scores: np.ndarray, cut: float) -> bool:
    """Whether the model keeps some block as body, or the rules keep none either."""
    decidable = [k for k, item in enumerate(rule_labels) if item.label not in _FIXED and item.reason not in CERTAIN]
    if any(scores[k] >= cut for k in decidable):
        return True
    return not any(item.label is Label.BODY for item in rule_labels)
