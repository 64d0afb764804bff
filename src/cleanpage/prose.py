"""Features that tell article prose from page furniture, from the text alone.

Used by the text-dump path (which has nothing else) and as a tie-breaker on HTML. Multilingual by
construction: sentence punctuation and word counts work in any script; the stop-word share uses a
small list per language and takes the best-scoring language, so no language detection is needed.
"""

from __future__ import annotations

import re

__all__ = ["is_prose", "looks_like_heading", "stopword_share", "ends_sentence"]

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the a an and of to in is was that for on with as by at from it he she they this be are were has have had not but or which who will would said".split()),
    "de": frozenset("der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an er sie wird war hat haben bei einer um aus nach wie".split()),
    "fr": frozenset("le la les de des du et un une en est que qui dans pour pas sur au aux par il elle ce cette a avec se sont ont mais plus ne".split()),
    "es": frozenset("el la los las de del y en un una que es por con para se no al lo como su sus más pero ha fue son este esta".split()),
    "it": frozenset("il lo la i gli le di del della e un una che è per con non si in al alla sono ha da come più ma".split()),
    "pt": frozenset("o a os as de do da dos das e um uma que é em no na para com não se por mais como mas foi ao".split()),
    "nl": frozenset("de het een en van in is dat op te zijn met voor niet aan er die ook als bij om door maar werd".split()),
    "pl": frozenset("i w na z do się nie że to jest o jak po ale od za co przez dla był są".split()),
    "ru": frozenset("и в не на что с по как это он она они из за у от к но был была для о то же".split()),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def ends_sentence(text: str) -> bool:
    return bool(_END.search(text.rstrip()))


def stopword_share(text: str) -> float:
    """Share of words that are function words, in the language that scores best."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    best = 0
    for stops in _STOPWORDS.values():
        hits = sum(1 for w in words if w in stops)
        best = max(best, hits)
    return best / len(words)


def is_prose(text: str) -> bool:
    """A sentence-like block: enough words, function words, and a sentence end (or length)."""
    if _CJK.search(text):
        return len(text) >= 40 and ends_sentence(text)
    words = len(text.split())
    if words >= 25:
        return True
    if words < 6:
        return False
    if ends_sentence(text):
        return stopword_share(text) >= 0.12 or words >= 12
    return words >= 15 and stopword_share(text) >= 0.2


def looks_like_heading(text: str) -> bool:
    """Headline-shaped: a few words, no sentence full stop at the end."""
    words = len(text.split())
    if not 2 <= words <= 30 or len(text) > 250:
        return False
    return not text.rstrip().endswith((".", ",", ";", ":")) or text.rstrip().endswith("...")
