"""Features that tell article prose from page furniture, from the text alone.

Used by the text-dump path (which has nothing else) and as a tie-breaker on HTML. Multilingual by
construction: sentence punctuation and word counts work in any script; the stop-word share uses a
small list per language and takes the best-scoring language, so no language detection is needed.

A long line is not prose by length alone: a menu or a tag cloud flattened into one line ("Home |
News | Sport | …") has many words but no function words, no sentence punctuation and many
separators. Languages without a stop list here still pass on sentence punctuation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cleanpage.pipeline.shared.patterns import CJK

__all__ = ["TextStats", "capital_share", "ends_sentence", "ends_text_sentence", "is_prose", "is_text_prose", "looks_like_heading", "sentence_count", "separator_share", "stopword_share", "text_stats"]

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(["the", "a", "an", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "from", "it", "he", "she", "they", "this", "be", "are", "were", "has", "have", "had", "not", "but", "or", "which", "who", "will", "would", "said"]),
    "de": frozenset(["der", "die", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "er", "sie", "wird", "war", "hat", "haben", "bei", "einer", "um", "aus", "nach", "wie"]),
    "fr": frozenset(["le", "la", "les", "de", "des", "du", "et", "un", "une", "en", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "par", "il", "elle", "ce", "cette", "a", "avec", "se", "sont", "ont", "mais", "plus", "ne"]),
    "es": frozenset(["el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "que", "es", "por", "con", "para", "se", "no", "al", "lo", "como", "su", "sus", "más", "pero", "ha", "fue", "son", "este", "esta"]),
    "it": frozenset(["il", "lo", "la", "i", "gli", "le", "di", "del", "della", "e", "un", "una", "che", "è", "per", "con", "non", "si", "in", "al", "alla", "sono", "ha", "da", "come", "più", "ma"]),
    "pt": frozenset(["o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "um", "uma", "que", "é", "em", "no", "na", "para", "com", "não", "se", "por", "mais", "como", "mas", "foi", "ao"]),
    "nl": frozenset(["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er", "die", "ook", "als", "bij", "om", "door", "maar", "werd"]),
    "pl": frozenset(["i", "w", "na", "z", "do", "się", "nie", "że", "to", "jest", "o", "jak", "po", "ale", "od", "za", "co", "przez", "dla", "był", "są"]),
    "ru": frozenset(["и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "она", "они", "из", "за", "у", "от", "к", "но", "был", "была", "для", "о", "то", "же"]),
    "sv": frozenset(["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "ett", "han", "var", "så", "men", "hon", "från", "vid"]),
    "da-no": frozenset(["og", "i", "at", "det", "er", "en", "til", "på", "som", "de", "med", "han", "af", "for", "ikke", "den", "var", "har", "et", "jeg", "vi", "om", "av", "ble"]),
    "fi": frozenset(["ja", "on", "ei", "se", "että", "oli", "hän", "ovat", "mutta", "kun", "myös", "tai", "niin", "joka", "sen", "kuin", "olla", "jo", "vain", "mukaan", "ole"]),
    "cs": frozenset(["a", "v", "se", "na", "je", "že", "s", "z", "do", "o", "to", "k", "i", "jako", "ve", "by", "pro", "ale", "jsou", "bylo", "který", "které", "podle"]),
    "tr": frozenset(["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "en", "gibi", "ne", "ama", "o", "kadar", "olan"]),
    "hu": frozenset(["a", "az", "és", "hogy", "is", "nem", "egy", "meg", "de", "már", "csak", "ki", "el", "volt", "van", "mint"]),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
#: :data:`_WORD` on ASCII text, where a letter that is neither a digit nor "_" is [A-Za-z] and the
#: curly apostrophe cannot occur: the same words, found faster (a range, not a Unicode category, per
#: character); four block texts in five are ASCII
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
#: a sentence boundary inside a block: end punctuation, then a space and a capital or a quote
_INNER_END = re.compile(r"[.!?…][\"'”’»)]*\s+[\"'“„«(]?[A-ZÀ-ÞĀ-Ž\u0400-\u042f]")
_SEPARATOR = re.compile(r"(?:^|\s)[|•·»›/>–—\-]+(?=\s|$)")
#: a character :data:`_SEPARATOR` needs: four texts in five have none, and this search is a fifth
#: of its cost (it tries its alternation at every position)
_SEPARATOR_CHAR = re.compile(r"[|•·»›/>–—\-]")
#: a character :data:`_END` and :data:`_INNER_END` need: a text without one ends no sentence
_END_CHAR = re.compile(r"[.!?…。！？]")


def ends_sentence(text: str) -> bool:
    return bool(_END.search(text.rstrip()))


def sentence_count(text: str) -> int:
    """Sentence ends in a block: boundaries inside it plus a final one."""
    return len(_INNER_END.findall(text)) + (1 if ends_sentence(text) else 0)


def separator_share(text: str) -> float:
    """Standalone separators ("|", "•", "»", "/") per word: high in menus and breadcrumbs."""
    words = len(text.split())
    if not words or not _SEPARATOR_CHAR.search(text):
        return 0.0
    return len(_SEPARATOR.findall(text)) / words


#: word -> indices of the languages whose stop list holds it: one dict lookup per word instead of
#: one set lookup per word and language (this runs on every candidate block of every page)
_STOP_INDEX: dict[str, tuple[int, ...]] = {}
for _i, _stops in enumerate(_STOPWORDS.values()):
    for _word in _stops:
        _STOP_INDEX[_word] = _STOP_INDEX.get(_word, ()) + (_i,)
del _i, _stops, _word


def stopword_share(text: str) -> float:
    """Share of words that are function words, in the language that scores best."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    hits = [0] * len(_STOPWORDS)
    index = _STOP_INDEX
    for word in words:
        langs = index.get(word.casefold())
        if langs:
            for lang in langs:
                hits[lang] += 1
    return max(hits) / len(words)


def is_prose(text: str) -> bool:
    """A sentence-like block: enough words, function words, and a sentence end (or length)."""
    if CJK.search(text):
        return len(text) >= 40 and ends_sentence(text)
    words = len(text.split())
    if words < 6:
        return False
    if separator_share(text) > 0.15:
        return False
    share = stopword_share(text)
    if words >= 25:
        # long: function words or sentences, either suffices (languages without a stop list)
        return share >= 0.06 or sentence_count(text) >= 2
    if ends_sentence(text):
        return share >= 0.12 or words >= 12
    return words >= 15 and share >= 0.2


class TextStats(NamedTuple):
    """The prose measures of one text, read in one pass each (the block model reads them all)."""

    sentences: int
    stopword_share: float
    separator_share: float
    capital_share: float
    prose: bool
    #: whitespace-separated words (``len(text.split())``) and :func:`ends_sentence`: found on the
    #: way, kept so a reader of all the measures (the block model) need not find them again
    words: int
    ends: bool


def text_stats(text: str) -> TextStats:
    """:func:`sentence_count`, :func:`stopword_share`, :func:`separator_share`, :func:`capital_share`
    and :func:`is_prose` of ``text`` at once: the same values, with the words found once."""
    ascii_text = text.isascii()
    words = (_ASCII_WORD if ascii_text else _WORD).findall(text)
    capitals = 0
    hits = [0] * len(_STOPWORDS)
    index = _STOP_INDEX
    for word in words:
        if word[0].isupper():
            capitals += 1
        langs = index.get(word.casefold())
        if langs:
            for lang in langs:
                hits[lang] += 1
    share = max(hits) / len(words) if words else 0.0
    count = len(text.split())
    # the prefilters and the ASCII test only skip searches that cannot match: the same values
    separators = len(_SEPARATOR.findall(text)) / count if count and _SEPARATOR_CHAR.search(text) else 0.0
    if _END_CHAR.search(text):
        inner = len(_INNER_END.findall(text))
        ends = ends_sentence(text)
    else:
        inner, ends = 0, False
    sentences = inner + (1 if ends else 0)
    if not ascii_text and CJK.search(text):
        prose = len(text) >= 40 and ends
    elif count < 6 or separators > 0.15:
        prose = False
    elif count >= 25:
        prose = share >= 0.06 or sentences >= 2
    elif ends:
        prose = share >= 0.12 or count >= 12
    else:
        prose = count >= 15 and share >= 0.2
    return TextStats(sentences, share, separators, capitals / len(words) if words else 0.0, prose, count, ends)


#: a run of capitalised words this long and this dense is a list of names or tags, not a sentence
_LIST_MIN_WORDS, _LIST_CAPITALS = 25, 0.75
#: a paragraph that leads into a quote or a list ends in ":" (": " is its sentence end)
_LEAD_IN_MIN_WORDS = 12


def capital_share(text: str) -> float:
    """Share of words that start with a capital letter (0.0 in scripts without case)."""
    words = _WORD.findall(text)
    return sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0


#: an emoji or an emoticon closing a line: in posts and comments it ends the sentence ("… 😉", "=)")
#: (the lookbehinds start a match only where a run of spaces or emoji starts: a retry from inside
#: a long run is quadratic)
_EMOJI_END = re.compile(r"(?<!\s)\s*(?:(?<![\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\ufe0f])"
                        r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\ufe0f]+|[:;=]-?[)(DPp]|<3|\^\^)$")


def _as_sentence(text: str) -> str:
    """The block with a closing emoji, or the ":" of a sentence-long lead-in, read as a full stop."""
    stripped = text.rstrip()
    trimmed = _EMOJI_END.sub("", stripped)
    if trimmed != stripped and trimmed:
        return trimmed if ends_sentence(trimmed) else trimmed + "."
    if stripped.endswith(":") and len(stripped.split()) >= _LEAD_IN_MIN_WORDS:
        return stripped[:-1] + "."
    return text


def ends_text_sentence(text: str) -> bool:
    """:func:`ends_sentence` for a text dump: a closing emoji or a lead-in ":" ends one too."""
    return ends_sentence(_as_sentence(text))


def is_text_prose(text: str) -> bool:
    """:func:`is_prose` for a text dump, where a block has no markup to say what it is.

    Three shapes differ there: a paragraph leading into a quote or a list ends in ":" (a sentence
    end for this purpose, once it is sentence-long), a post's sentence may end in an emoji, and a
    tag cloud or a list of names flattened into one long line has the length and, through stray
    "..." or abbreviations, the sentence ends of prose, but nearly every word capitalised (no
    language writes prose that way; scripts without case never trip it).
    """
    sentence = _as_sentence(text)
    if not is_prose(sentence):
        return False
    return len(text.split()) < _LIST_MIN_WORDS or capital_share(text) < _LIST_CAPITALS


def looks_like_heading(text: str) -> bool:
    """Headline-shaped: a few words, no sentence full stop at the end."""
    words = len(text.split())
    if not 2 <= words <= 30 or len(text) > 250:
        return False
    return not text.rstrip().endswith((".", ",", ";", ":")) or text.rstrip().endswith("...")
