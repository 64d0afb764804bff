"""py3langid behind an adapter: the language of a page's body when the page does not declare one.

Text in, an ISO 639-1 code or ``None`` out; py3langid is imported (and its model loaded, ~1 s) only
on the first page that needs it, and any failure of it is logged and read as "unknown".
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["MIN_CHARS", "MIN_CONFIDENCE", "detect_language"]

logger = logging.getLogger(__name__)

#: Below ~100 characters (a headline, a caption) a character n-gram model guesses more than it reads.
MIN_CHARS = 100
#: Normalised probability the best language must reach: a low bar that drops mixed or garbled text.
MIN_CONFIDENCE = 0.5
#: The first 20,000 characters decide: more text does not change the answer, only the time.
_MAX_CHARS = 20_000

_identifier: Any = None


def _load() -> Any:
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        # py3langid >= 0.3 names the loader from_model_file; 0.2 from_pickled_model
        loader = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model
        _identifier = loader(MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in, or ``None`` when it is too short or unclear."""
    sample = text.strip()[:_MAX_CHARS]
    if len(sample) < MIN_CHARS:
        return None
    try:
        language, confidence = _load().classify(sample)
    except Exception:  # an engine's failure is "unknown", never a failed page
        logger.warning("py3langid failed", exc_info=True)
        return None
    return str(language) if float(confidence) >= MIN_CONFIDENCE else None
