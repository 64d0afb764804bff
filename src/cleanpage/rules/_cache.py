"""The compiled rule tables kept on disk between processes, so a fresh process starts in milliseconds
(and, by the same means, other costly start-up data: dateparser's month and weekday words).

Building :class:`~.tables.Rules` from the TOML tables costs seconds: most of it is Python's regex
*parser* (the credit patterns each embed every agency alias) and the first-character analysis of
:mod:`._firstchar`. ``re.Pattern`` objects pickle as their source and are parsed again on load, which
would save nothing; so this module pickles a pattern as the *compiled program* the parser produced
(``_sre.compile``'s arguments) and rebuilds it without parsing. Everything else in ``Rules`` is
plain frozen data and pickles as it is.

Safety of the cache:

* the file name is a hash of everything the value depends on: the five TOML texts, the source of
  every module of this package (the compilers), the Python version and ``_sre.MAGIC`` (the regex
  program format). A change to any of them misses the cache and writes a new file; nothing is ever
  read that another set of inputs wrote;
* a file that cannot be read, unpickled or checked is ignored (and rebuilt); a folder that cannot be
  written leaves the cache off. The cache never changes a result, only how fast the first one comes;
* the folder is ``$CLEANPAGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleanpage``, else
  ``~/.cache/cleanpage``; ``CLEANPAGE_CACHE_DIR=off`` (or empty) turns the cache off. The file is
  unpickled, so it is trusted as much as the user's own cache folder.
"""

from __future__ import annotations

import _sre
import hashlib
import io
import logging
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

__all__ = ["cache_dir", "cached"]

log = logging.getLogger(__name__)

T = TypeVar("T")
_FORMAT = b"cleanpage-rules-1"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    explicit = os.environ.get("CLEANPAGE_CACHE_DIR")
    if explicit is not None:
        return None if explicit.strip() in ("", "off", "0") else Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cleanpage"


def _key(texts: tuple[str | None, ...]) -> str:
    digest = hashlib.sha256(_FORMAT)
    digest.update(f"{sys.version}|{sys.implementation.name}|{_sre.MAGIC}".encode())
    for text in texts:
        digest.update(b"\0" if text is None else b"\1" + text.encode("utf-8"))
    package = Path(__file__).resolve().parent
    for module in sorted(package.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()[:32]


def cached(texts: tuple[str | None, ...], build: Callable[[], T], kind: type[T], name: str = "rules") -> T:
    """``build()``, or the value an earlier process built from the same ``texts`` and code.

    ``kind`` is the type the value must have: anything else read from the file is ignored (as is a
    ``build()`` result of another type: it is returned, not kept). ``name`` starts the file's name.
    """
    folder = cache_dir()
    if folder is None or sys.implementation.name != "cpython":
        return build()
    try:
        path = folder / f"{name}-{_key(texts)}.pickle"
    except OSError:
        return build()
    found = _read(path, kind)
    if found is not None:
        return found
    value = build()
    if isinstance(value, kind):
        _write(path, value)
    return value


def _read(path: Path, kind: type[T]) -> T | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        value = pickle.loads(data)
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign file is only a cache miss
        log.debug("rule cache %s unreadable (%s): rebuilding", path, exc)
        return None
    return value if isinstance(value, kind) else None


def _write(path: Path, value: object) -> None:
    buffer = io.BytesIO()
    try:
        _Pickler(buffer).dump(value)
    except Exception as exc:  # noqa: BLE001 - something the cache cannot hold: run without it
        log.debug("rule tables not cacheable (%s)", exc)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".cache-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(buffer.getvalue())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.debug("rule cache %s not written (%s)", path, exc)


def _program(pattern: re.Pattern[Any]) -> tuple[Any, ...]:
    """What ``_sre.compile`` needs to rebuild ``pattern`` without parsing it again."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    flags = pattern.flags
    parsed = _parser.parse(pattern.pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    if flags | parsed.state.flags != flags or parsed.state.groups - 1 != pattern.groups:
        raise pickle.PicklingError(f"regex {pattern.pattern[:40]!r} does not rebuild to itself")
    return (pattern.pattern, flags, code, pattern.groups, dict(parsed.state.groupdict), tuple(indexgroup))


def _rebuild(source: Any, flags: int, code: list[int], groups: int, groupindex: dict[str, int],
             indexgroup: tuple[str | None, ...]) -> re.Pattern[Any]:
    return _sre.compile(source, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _proxy(content: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(content)


class _Pickler(pickle.Pickler):
    """Pickles regexes as compiled programs and read-only mappings as their content; and the rule
    value itself field by field (its own ``__reduce__`` is the worker path: the TOML sources)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            return (_rebuild, _program(obj))
        if isinstance(obj, MappingProxyType):
            return (_proxy, (dict(obj),))
        fields = None if isinstance(obj, type) else getattr(type(obj), "__cache_fields__", None)
        return NotImplemented if fields is None else fields(obj)
