"""JSON Lines files that survive a kill: whole-line writes, periodic fsync, resume by id.

A line is written with one ``write()`` of the full line and its ``"\\n"`` on an unbuffered file, so
a process killed at any moment (SIGKILL, power loss after the last fsync) leaves at most one
partial line, always the last. :func:`scan_records` reads the ids of the complete lines back, cuts
such a partial line away and moves any other line that is not a record (an editor's stray line, a
line written by another program) aside, so a resumed run appends to a clean file.

A write that fails raises :class:`~cleanpage.errors.WriteError` naming *this* file and the system's
reason for the first failure: closing after a failed write never lets a second error (``fsync`` of a
full disk says "Invalid argument") replace the real one.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import time
from dataclasses import dataclass
from typing import Any

from cleanpage.errors import WriteError

__all__ = ["JsonlWriter", "Scan", "completed_ids", "scan_records"]

logger = logging.getLogger(__name__)

#: fsync at least this often (lines / seconds): a crash loses at most this much of the OS cache.
_SYNC_LINES = 100
_SYNC_SECONDS = 2.0
#: fsync errors that mean "this file cannot be synced" (a pipe, /dev/stdout), not "the data is lost"
_CANNOT_SYNC = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EROFS})


def _write_error(path: str, exc: OSError) -> WriteError:
    return WriteError(exc.strerror or str(exc), context=path)


class JsonlWriter:
    """Append-only JSON Lines writer; ``append=False`` starts the file afresh.

    Raises :class:`WriteError` (context: this file's path) when the file cannot be opened or written.
    """

    def __init__(self, path: str | os.PathLike[str], *, append: bool) -> None:
        self.path = os.fspath(path)
        try:
            self._file = open(self.path, "ab" if append else "wb", buffering=0)  # noqa: SIM115
        except OSError as exc:
            raise _write_error(self.path, exc) from exc
        self._unsynced = 0
        self._synced_at = time.monotonic()
        self._can_sync = True

    def write(self, record: dict[str, Any]) -> None:
        try:
            line = json.dumps(record, ensure_ascii=False) + "\n"
            data = line.encode("utf-8")
        except UnicodeEncodeError:
            # a lone surrogate that escaping upstream did not catch: JSON's own \\u escapes keep the
            # line valid UTF-8 and valid JSON instead of stopping the batch
            data = (json.dumps(record, ensure_ascii=True) + "\n").encode("ascii")
        view = memoryview(data)
        try:
            while view:  # a regular file takes the whole line at once; loop only for a short write
                written = self._file.write(view)
                view = view[written or 0:]
        except OSError as exc:
            raise _write_error(self.path, exc) from exc
        self._unsynced += 1
        if self._unsynced >= _SYNC_LINES or time.monotonic() - self._synced_at >= _SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        if self._can_sync:
            try:
                os.fsync(self._file.fileno())
            except OSError as exc:
                if exc.errno not in _CANNOT_SYNC:
                    raise _write_error(self.path, exc) from exc
                self._can_sync = False  # a pipe or device: nothing to sync, ever
        self._unsynced = 0
        self._synced_at = time.monotonic()

    def close(self) -> None:
        if not self._file.closed:
            try:
                self.sync()
            finally:
                self._file.close()

    def abort(self) -> None:
        """Close after an error without raising another one (the first error is the one to report)."""
        try:
            self.close()
        except (OSError, WriteError):
            logger.debug("%s: error while closing after an earlier error", self.path, exc_info=True)

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


@dataclass(frozen=True, kw_only=True, slots=True)
class Scan:
    """What :func:`scan_records` found in a file: the ids of its records, and what it cleaned up."""

    ids: frozenset[str]
    #: lines that were not records (not JSON objects with an ``id``), moved to ``rejected_path``
    rejected: int = 0
    rejected_path: str | None = None
    #: bytes of a partial last line (a killed run) that were cut away
    partial_bytes: int = 0


def _record_id(line: bytes) -> str | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or "id" not in record:
        return None
    return str(record["id"])


def scan_records(path: str | os.PathLike[str]) -> Scan:
    """Read a JSON Lines output file back for ``--resume`` and leave only complete records in it.

    A partial last line (a killed run) is cut away. Any other line that is not a JSON object with an
    ``id`` cannot say which document it belongs to: it is moved, unchanged, to ``<path>.rejected``
    (appended, so nothing is ever lost) and the file is rewritten without it; its document is done
    again. Raises :class:`WriteError` when the file cannot be rewritten.
    """
    name = os.fspath(path)
    if not os.path.exists(name):
        return Scan(ids=frozenset())
    done: set[str] = set()
    rejected: list[int] = []  # byte offsets of the lines to move aside
    try:
        with open(name, "r+b") as handle:
            good_end = 0
            for line in handle:
                if not line.endswith(b"\n"):
                    break  # the partial last line of a killed run
                ident = _record_id(line) if line.strip() else None
                if ident is None:
                    rejected.append(good_end)
                else:
                    done.add(ident)
                good_end += len(line)
            handle.seek(0, os.SEEK_END)
            partial = handle.tell() - good_end
            if partial:
                logger.info("%s: cutting a partial last line (%d bytes)", name, partial)
                handle.truncate(good_end)
    except OSError as exc:
        raise _write_error(name, exc) from exc
    if not rejected:
        return Scan(ids=frozenset(done), partial_bytes=partial)
    aside = name + ".rejected"
    _move_lines_aside(name, aside, set(rejected))
    logger.warning("%s: %d lines that are not records moved to %s", name, len(rejected), aside)
    return Scan(ids=frozenset(done), rejected=len(rejected), rejected_path=aside, partial_bytes=partial)


def _move_lines_aside(name: str, aside: str, offsets: set[int]) -> None:
    temp = name + ".resume-tmp"
    try:
        with open(name, "rb") as source, open(temp, "wb") as kept, open(aside, "ab") as moved:
            offset = 0
            for line in source:
                (moved if offset in offsets else kept).write(line)
                offset += len(line)
            kept.flush()
            os.fsync(kept.fileno())
            moved.flush()
            os.fsync(moved.fileno())
        os.replace(temp, name)  # atomic: a crash leaves the old file or the new one, never half
    except OSError as exc:
        raise _write_error(name, exc) from exc


def completed_ids(path: str | os.PathLike[str]) -> set[str]:
    """Ids of the complete records in a JSON Lines file (see :func:`scan_records`, which it runs)."""
    return set(scan_records(path).ids)
