"""Stage 1: bytes or str in, text out — and a record of how it was decoded.

Decoding is done in documented steps that never guess silently (after resiliparse):

1. a byte-order mark wins (``bom``);
2. strict UTF-8 that contains non-ASCII bytes is UTF-8 whatever the page declares — a wrong
   ``<meta charset>`` is common in saved pages, valid multi-byte UTF-8 by chance is not (``utf-8-valid``);
   pure ASCII is recorded as ``utf-8`` with source ``ascii`` (every ASCII-compatible charset agrees);
3. the charset the page declares (``<meta charset>``, ``http-equiv``, ``<?xml encoding?>``) if the
   bytes decode with it (``declared``);
4. charset-normalizer's detection (``detected``);
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
    declared = _declared(data[:4096])
    if declared and declared not in {"utf-8", "utf_8"}:
        try:
            return Decoded(text=data.decode(declared), encoding=declared, source="declared")
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return Decoded(text=data.decode(best.encoding), encoding=best.encoding, source="detected")
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(text=data.decode("utf-8", "replace"), encoding="utf-8", source="fallback")


def _clean_utf8(decoded: Decoded, data: bytes) -> bool:
    """True when UTF-8 bytes hold none of the characters ``_STRIP_CHARS`` removes (checked on the bytes)."""
    if decoded.source not in ("utf-8-valid", "ascii"):
        return False
    if len(data.translate(None, _STRIP_BYTES)) != len(data):
        return False
    text = decoded.text
    return "\ufffe" not in text and "\uffff" not in text


def decode(source: str | bytes | bytearray | memoryview, *, max_bytes: int) -> Decoded:
    """Turn a source into clean text or raise a typed error; never returns mojibake silently."""
    _check_type(source)
    if isinstance(source, str):
        if len(source) > max_bytes:
            raise TooLargeError(f"input is larger than max_bytes={max_bytes}")
        if not source.isascii():
            encoded = source.encode("utf-8", "surrogatepass")
            if len(encoded) > max_bytes:
                raise TooLargeError(f"input is larger than max_bytes={max_bytes}")
            if _SURROGATE.search(source):
                # lone surrogates (a str built from broken bytes with "surrogateescape"): no
                # parser takes them, and lxml stops at the first one; they become U+FFFD. They are
                # not text: a str of nothing else is empty, not a page of replacement characters
                if not _SURROGATE.sub("", source).strip():
                    raise EmptyInputError("input holds no text (only lone surrogates)")
                source = _SURROGATE.sub("\ufffd", source)
        decoded = Decoded(text=source, encoding=None, source="str")
        clean = False
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
