"""Stage 1: bytes or str in, text out — and a record of how it was decoded.

Decoding is done in documented steps that never guess silently (after resiliparse):

1. a byte-order mark wins (``bom``);
2. strict UTF-8 that contains non-ASCII bytes is UTF-8 whatever the page declares — a wrong
   ``<meta charset>`` is common in saved pages, valid multi-byte UTF-8 by chance is not (``utf-8-valid``);
   pure ASCII is recorded as ``utf-8`` with source ``ascii`` (every ASCII-compatible charset agrees);
   UTF-8 with a few stray bytes (a Latin-1 "ü" pasted into a UTF-8 page: at least four valid
   multi-byte characters per stray byte) is UTF-8 too, each stray byte read as windows-1252
   (``utf-8-mixed``): decoding the whole page in a legacy code page would garble every other character;
3. the charset the page declares (``<meta charset>``, ``http-equiv``, ``<?xml encoding?>``) if the
   bytes decode with it (``declared``); a declared ISO-8859-1 whose bytes use 0x80–0x9F is read as
   windows-1252, as browsers do (those bytes are quotes and dashes there, invisible controls in Latin-1);
4. charset-normalizer's detection (``detected``). For single-byte Latin text it often picks a rare
   code page among equals (cp1257, cp852, mac_latin2 for a windows-1252 page: "©" became "ę",
   "naïve" "na´ve"); when it names any Latin code page, the most common web code pages are tried
   instead and the one whose letters one language explains best wins, ties going to the more common
   (:func:`_latin_choice`);
5. UTF-8 with replacement characters as the last resort (``fallback``).

A ``str`` source is taken as it is (``encoding=None``, source ``str``): whatever it declares inside
(``<?xml encoding="latin-1"?>``) no longer applies. ``Page.encoding`` and ``Page.encoding_source``
carry the result, so a corpus can tell a declared charset from a guessed one.

Binary input (NUL-heavy, or undecodable everywhere) is a :class:`DecodeError`, not mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from cleanpage.errors import DecodeError, EmptyInputError, InputTypeError, TooLargeError

__all__ = ["Decoded", "decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""",
    re.IGNORECASE,
)
#: Control characters that never occur in real text; a page full of them is binary.
_SURROGATE = re.compile("[\ud800-\udfff]")
_STRIP_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
#: Control bytes that never occur in real text (a page full of them is binary), and the control range of
#: ``_STRIP_CHARS``: counted with ``bytes.translate``, a C loop several times faster than a regex.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_STRIP_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20)])


@dataclass(frozen=True, kw_only=True, slots=True)
class Decoded:
    """Decoded text and the provenance of the decoding, surfaced on ``Page.encoding``."""

    text: str
    encoding: str | None
    source: str  # bom | utf-8-valid | declared | detected | fallback | str


def _check_type(source: object) -> None:
    if not isinstance(source, (str, bytes, bytearray, memoryview)):
        raise InputTypeError(
            f"clean() accepts str or bytes (HTML or a plain-text dump), not {type(source).__name__}"
        )


def _declared(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if not match:
        return None
    name = (match.group(1) or match.group(2) or b"").decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def _decode_bytes(data: bytes) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data.decode(name), encoding=name.replace("-sig", ""), source="bom")
            except UnicodeDecodeError:
                break
    if _looks_binary(data):
        raise DecodeError("input looks binary (control bytes), not HTML or text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        return Decoded(text=text, encoding="utf-8", source="utf-8-valid" if not text.isascii() else "ascii")
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return Decoded(text=mixed, encoding="utf-8", source="utf-8-mixed")
    return _as_declared(data) or _as_detected(data) or \
        Decoded(text=data.decode("utf-8", "replace"), encoding="utf-8", source="fallback")


def _as_declared(data: bytes) -> Decoded | None:
    """Step 3: the page's own charset, read as browsers read it, if the bytes decode with it."""
    declared = _declared(data[:4096])
    if not declared or declared in {"utf-8", "utf_8"}:
        return None
    names = [_WINDOWS_FOR[declared]] if declared in _WINDOWS_FOR and _C1_BYTES.search(data) else []
    for name in [*names, declared]:
        try:
            return Decoded(text=data.decode(name), encoding=name, source="declared")
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _as_detected(data: bytes) -> Decoded | None:
    """Step 4: charset-normalizer's guess, or for Latin text the common web code page that fits best."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    detected = best.encoding if best is not None else None
    if detected is None or codecs.lookup(detected).name in _LATIN_PAGES:
        detected = _latin_choice(data[:200_000]) or detected
    if detected:
        try:
            return Decoded(text=data.decode(detected), encoding=detected, source="detected")
        except (UnicodeDecodeError, LookupError):
            pass
    return None


# -- UTF-8 with stray bytes -------------------------------------------------------------------------
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    byte = error.object[error.start:error.start + 1]
    return byte.decode("cp1252", "replace"), error.start + 1


codecs.register_error("cleanpage.cp1252", _stray_as_cp1252)


def _mostly_utf8(data: bytes) -> str | None:
    """The text, when ``data`` is UTF-8 but for a few stray bytes (each read as windows-1252)."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid < 4:
        return None
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    stray = high - len(b"".join(_UTF8_MULTIBYTE.findall(data)))
    if stray * 4 > valid:
        return None
    return data.decode("utf-8", "cleanpage.cp1252")


# -- declared Latin-1 ------------------------------------------------------------------------------
#: What browsers read for a declared label (the WHATWG Encoding Standard), where the bytes differ.
_WINDOWS_FOR = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}
_C1_BYTES = re.compile(rb"[\x80-\x9f]")


# -- detected single-byte Latin ----------------------------------------------------------------------
#: Code pages charset-normalizer may name for Latin-script text (codec names as codecs.lookup gives them).
_LATIN_PAGES = frozenset({
    "cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2", "cp1254", "iso8859-9", "cp1257", "iso8859-13",
    "iso8859-4", "iso8859-10", "iso8859-3", "iso8859-16", "iso8859-14", "cp775", "cp850", "cp852", "cp437",
    "cp858", "cp860", "cp863", "cp865", "mac-roman", "mac-latin2", "mac-iceland", "mac-turkish", "hp-roman8",
})
#: The code pages tried instead, most common on the web first (a tie goes to the earlier one).
_WEB_LATIN = ("cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "cp1257", "cp1251")
#: The letters beyond ASCII that each language writes (lower case). A right decoding puts a page's
#: letters in one of these; a wrong one mixes alphabets ("naļve", "Pøíli¹") or puts symbols in words.
_ALPHABETS = tuple(frozenset(a) for a in (
    "àâæçéèêëîïôœùûüÿ",   # French
    "äöüßé",              # German
    "áéíñóúü",            # Spanish
    "àèéìíîòóù",          # Italian
    "àáâãçéêíóôõú",       # Portuguese
    "áäéëïóöúüè",         # Dutch
    "àçèéíïòóú",          # Catalan
    "åäöé", "æøåé",       # Swedish, Finnish; Danish, Norwegian
    "áðéíóúýþæö",         # Icelandic
    "äõöüšž",             # Estonian
    "çğıöşüâîû",          # Turkish
    "áčďéěíňóřšťúůýž",    # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",          # Polish
    "áéíóöőúüű",          # Hungarian
    "čšžćđ",              # Slovene, Croatian, Bosnian, Serbian (Latin)
    "ăâîșşțţ",            # Romanian
    "çë",                 # Albanian
    "ąčęėįšųūž",          # Lithuanian
    "āčēģīķļņšūž",        # Latvian
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџѓќѕ",  # Cyrillic
))
_WORD_JOINERS = frozenset("'’‘ʼ-‐‑·")


def _unexplained(text: str) -> int:
    """How many characters of ``text`` no single language explains: letters outside the best
    alphabet, symbols inside words, and C1 controls (never text; a sign of the wrong code page)."""
    letters: dict[str, int] = {}
    odd = 0
    for i, char in enumerate(text):
        if char.isascii():
            continue
        if "\x80" <= char <= "\x9f":
            odd += 5
        elif char.isalpha():
            letters[char.lower()] = letters.get(char.lower(), 0) + 1
            if "\u0400" <= char <= "\u04ff" and ((i and text[i - 1].isascii() and text[i - 1].isalpha())
                                                  or text[i + 1:i + 2].isascii() and text[i + 1:i + 2].isalpha()):
                odd += 1  # "naпve": a Cyrillic letter inside a Latin word
        elif char not in _WORD_JOINERS and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            odd += 1  # "Pø¹li", "na´ve": a symbol between letters is a letter of another code page
    total = sum(letters.values())
    return odd + min(total - sum(n for c, n in letters.items() if c in alphabet) for alphabet in _ALPHABETS)


def _latin_choice(sample: bytes) -> str | None:
    """The most common web code page whose decoding of ``sample`` one language explains best."""
    best: tuple[int, str] | None = None
    for name in _WEB_LATIN:
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        score = _unexplained(text)
        if best is None or score < best[0]:
            best = (score, name)
    return best[1] if best is not None else None


def _clean_utf8(decoded: Decoded, data: bytes) -> bool:
    """True when UTF-8 bytes hold none of the characters ``_STRIP_CHARS`` removes (checked on the bytes)."""
    return decoded.source in ("utf-8-valid", "ascii") and _clean_text(decoded.text, data)


def _clean_text(text: str, encoded: bytes) -> bool:
    """True when ``text`` (``encoded``: its UTF-8 bytes) holds none of the characters ``_STRIP_CHARS`` removes."""
    if len(encoded.translate(None, _STRIP_BYTES)) != len(encoded):
        return False
    return "\ufffe" not in text and "\uffff" not in text


def decode(source: str | bytes | bytearray | memoryview, *, max_bytes: int) -> Decoded:
    """Turn a source into clean text or raise a typed error; never returns mojibake silently."""
    _check_type(source)
    if isinstance(source, str):
        if len(source) > max_bytes:
            raise TooLargeError(f"input is larger than max_bytes={max_bytes}")
        surrogates = False
        if source.isascii():
            encoded = source.encode("ascii")
        else:
            try:
                encoded = source.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates: the only code points UTF-8 refuses
                encoded = source.encode("utf-8", "surrogatepass")
                surrogates = _SURROGATE.search(source) is not None
            if len(encoded) > max_bytes:
                raise TooLargeError(f"input is larger than max_bytes={max_bytes}")
            if surrogates:
                # lone surrogates (a str built from broken bytes with "surrogateescape"): no
                # parser takes them, and lxml stops at the first one; they become U+FFFD. They are
                # not text: a str of nothing else is empty, not a page of replacement characters
                if not _SURROGATE.sub("", source).strip():
                    raise EmptyInputError("input holds no text (only lone surrogates)")
                source = _SURROGATE.sub("\ufffd", source)
        decoded = Decoded(text=source, encoding=None, source="str")
        # the control characters counted on the UTF-8 bytes, as for a bytes source: a C loop several
        # times faster than the regex, which then runs only on a text that holds one
        clean = not surrogates and _clean_text(source, encoded)
    else:
        data = bytes(source)
        if len(data) > max_bytes:
            raise TooLargeError(f"input is {len(data)} bytes, larger than max_bytes={max_bytes}")
        if not data.strip():
            raise EmptyInputError("input is empty")
        decoded = _decode_bytes(data)
        clean = _clean_utf8(decoded, data)
    text = decoded.text
    if not clean:
        text = _STRIP_CHARS.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError("input holds no text")
    return Decoded(text=text, encoding=decoded.encoding, source=decoded.source)
