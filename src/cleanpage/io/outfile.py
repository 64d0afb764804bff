"""JSON Lines files that survive a kill: whole-line writes, periodic fsync, resume by id.

A line is written with one ``write()`` of the full line and its ``"\\n"`` on an unbuffered file, so
a process killed at any moment (SIGKILL, power loss after the last fsync) leaves at most one
partial line, always the last. :func:`completed_ids` reads the ids of the complete lines back and
cuts such a partial line away, so a resumed run appends cleanly after it.
"""

from __future__ import annotations

import json
import logging
import os
import time
from typing import Any

__all__ = ["JsonlWriter", "completed_ids"]

logger = logging.getLogger(__name__)

#: fsync at least this often (lines / seconds): a crash loses at most this much of the OS cache.
_SYNC_LINES = 100
_SYNC_SECONDS = 2.0


class JsonlWriter:
    """Append-only JSON Lines writer; ``append=False`` starts the file afresh."""

    def __init__(self, path: str | os.PathLike[str], *, append: bool) -> None:
        self.path = os.fspath(path)
        self._file = open(self.path, "ab" if append else "wb", buffering=0)  # noqa: SIM115
        self._unsynced = 0
        self._synced_at = time.monotonic()

    def write(self, record: dict[str, Any]) -> None:
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(data)
        while view:  # a regular file takes the whole line at once; loop only for a short write
            written = self._file.write(view)
            view = view[written or 0:]
        self._unsynced += 1
        if self._unsynced >= _SYNC_LINES or time.monotonic() - self._synced_at >= _SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        os.fsync(self._file.fileno())
        self._unsynced = 0
        self._synced_at = time.monotonic()

    def close(self) -> None:
        if not self._file.closed:
            self.sync()
            self._file.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def completed_ids(path: str | os.PathLike[str]) -> set[str]:
    """Ids of the complete records in a JSON Lines file; a partial last line is truncated away.

    Lines that are not JSON objects with an ``id`` are skipped (and logged): they cannot say which
    document they belong to, so that document is done again.
    """
    done: set[str] = set()
    name = os.fspath(path)
    if not os.path.exists(name):
        return done
    with open(name, "r+b") as handle:
        good_end = 0
        for line in handle:
            if not line.endswith(b"\n"):
                break  # the partial last line of a killed run
            good_end += len(line)
            try:
                record = json.loads(line)
                done.add(str(record["id"]))
            except (ValueError, KeyError, TypeError):
                logger.warning("%s: skipping a line that is not a record", name)
        handle.seek(0, os.SEEK_END)
        if handle.tell() > good_end:
            logger.info("%s: cutting a partial last line (%d bytes)", name, handle.tell() - good_end)
            handle.truncate(good_end)
    return done
