"""Command-line inputs → documents: files, folders (recursive), ``-`` for stdin, WARC archives, URLs.

:func:`expand` turns the ``INPUT...`` arguments into ``Document`` values lazily and in a fixed
order (folders are walked with sorted names), so the same command always sees the same documents
in the same order — which is what makes ``--resume`` and deterministic output possible. Files are
passed on as paths: the worker that cleans a file also reads it. URLs are passed on as addresses:
the worker that cleans a page also fetches it (:func:`cleanpage.clean_many`), so several URLs are
fetched in parallel, and a failed fetch becomes that document's ``FetchError``.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanpage.io.fetch import is_url
from cleanpage.io.warc import is_warc, iter_warc_read

__all__ = ["DEFAULT_GLOBS", "Document", "Survey", "expand", "survey"]

#: What a folder contributes when no ``--glob`` is given.
DEFAULT_GLOBS: tuple[str, ...] = ("*.html", "*.htm", "*.txt")


@dataclass(frozen=True, slots=True)
class Document:
    """One document to clean: ``id`` is unique within a run (path, ``-``, or WARC record id)."""

    id: str
    source: Any  # a Path, a URL to fetch, bytes, or a ReadError (corrupt archive) to report
    path: str
    url: str | None = None
    #: Bytes of input files this document accounts for (a file's size; for a WARC record, the
    #: archive bytes read since the one before; 0 for stdin and URLs): what a byte bar advances by.
    size: int = 0


@dataclass(frozen=True, slots=True)
class Survey:
    """What the inputs hold, counted before cleaning: documents outside archives, bytes, WARCs."""

    documents: int
    size: int
    warc: bool


def _walk(folder: str, globs: Sequence[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if any(fnmatch.fnmatch(name, pattern) for pattern in globs):
                yield os.path.join(root, name)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _file(path: str, url: str | None, max_bytes: int) -> Iterator[Document]:
    if is_warc(path):
        done = 0
        for (ident, payload, target), read in iter_warc_read(path, max_bytes=max_bytes):
            yield Document(ident, payload, path, target, max(read - done, 0))
            done = max(done, read)
    else:
        yield Document(path, Path(path), path, url, _size(path))


def survey(inputs: Sequence[str], *, globs: Sequence[str] = DEFAULT_GLOBS) -> Survey:
    """Count what :func:`expand` will see without reading any file (WARCs are only sized)."""
    documents = size = 0
    warc = False
    for item in inputs:
        paths = list(_walk(item, globs)) if os.path.isdir(item) else [item]
        for path in paths:
            if is_warc(path):
                warc = True
            else:
                documents += 1
            size += _size(path) if path != "-" else 0
    return Survey(documents, size, warc)


def expand(
    inputs: Sequence[str],
    *,
    globs: Sequence[str] = DEFAULT_GLOBS,
    url: str | None = None,
    max_bytes: int,
    read_stdin: Callable[[], bytes] = lambda: sys.stdin.buffer.read(),
) -> Iterator[Document]:
    """Documents for the CLI's inputs, in order; ``url`` applies to non-WARC, non-URL inputs."""
    for item in inputs:
        if is_url(item) and not os.path.exists(item):
            address = item.strip()
            # the address itself: clean_many's worker fetches it (in parallel, under the document's limit)
            yield Document(address, address, address, address)
        elif item == "-":
            yield Document("-", read_stdin(), "-", url)
        elif os.path.isdir(item):
            for path in _walk(item, globs):
                yield from _file(path, url, max_bytes)
        else:
            yield from _file(item, url, max_bytes)
