"""Ids and paths as JSON text, whatever bytes the file system allows in a name.

A POSIX file name is bytes; Python hands a name that is not valid UTF-8 over as a ``str`` holding
lone surrogates (``os.fsdecode``), which no UTF-8 writer can encode and which strict JSON readers
reject. Every id, path and URL the CLI writes goes through :func:`escape_name` first:

* a name that is valid UTF-8 (almost every name) is written unchanged, so ids stay what they were
  and ``--resume`` still matches files written before this escaping existed;
* any other name is written as ``bytes:`` followed by its bytes, each byte that is not part of a
  valid UTF-8 character and every ``%`` as ``%XX``; a name that itself begins with ``bytes:`` is
  escaped the same way, so the two forms can never be confused.

:func:`unescape_name` gives back the exact bytes (``os.fsdecode`` turns them into the ``str`` that
``open`` takes). The scheme is documented in ``docs/schema.md``.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import unquote_to_bytes

__all__ = ["ESCAPED_PREFIX", "escape_name", "unescape_name"]

#: What marks an escaped name (see the module docstring).
ESCAPED_PREFIX = "bytes:"
_SURROGATE = re.compile("[\ud800-\udfff]")
_ERRORS = "cleanpage.percent"


def _percent(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(f"%{byte:02X}" for byte in bad), error.end


codecs.register_error(_ERRORS, _percent)


def _raw(name: str) -> bytes:
    # U+DC80..U+DCFF stand for the file system's undecodable bytes (surrogateescape); any other
    # lone surrogate (a str built by hand) has no byte of its own and keeps its three-byte form
    return b"".join(bytes([ord(c) - 0xDC00]) if "\udc80" <= c <= "\udcff" else c.encode("utf-8", "surrogatepass")
                    for c in name)


def escape_name(name: str) -> str:
    """``name`` unchanged when it is valid UTF-8 text, else its reversible ``bytes:`` form."""
    if not name.startswith(ESCAPED_PREFIX) and not _SURROGATE.search(name):
        return name
    raw = _raw(name).replace(b"%", b"%25")
    return ESCAPED_PREFIX + raw.decode("utf-8", _ERRORS)


def unescape_name(text: str) -> bytes:
    """The exact bytes of a name written by :func:`escape_name`."""
    if text.startswith(ESCAPED_PREFIX):
        return unquote_to_bytes(text[len(ESCAPED_PREFIX):])
    return text.encode("utf-8", "surrogateescape")
