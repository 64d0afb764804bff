"""Command-line inputs → documents: files, folders (recursive), ``-`` for stdin, WARC archives, URLs.

:func:`expand` turns the ``INPUT...`` arguments into ``Document`` values lazily and in a fixed
order (folders are walked with sorted names), so the same command always sees the same documents
in the same order — which is what makes ``--resume`` and deterministic output possible. Files are
passed on as paths: the worker that cleans a file also reads it. A URL is fetched here, when its
turn comes (:mod:`cleanpage.io.fetch`); a failed fetch becomes the document's ``FetchError``.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanpage.errors import FetchError
from cleanpage.io.fetch import DEFAULT_TIMEOUT, fetch, is_url
from cleanpage.io.warc import is_warc, iter_warc

__all__ = ["DEFAULT_GLOBS", "Document", "expand"]

#: What a folder contributes when no ``--glob`` is given.
DEFAULT_GLOBS: tuple[str, ...] = ("*.html", "*.htm", "*.txt")


@dataclass(frozen=True, slots=True)
class Document:
    """One document to clean: ``id`` is unique within a run (path, ``-``, or WARC record id)."""

    id: str
    source: Any  # a Path, bytes, or a ReadError (corrupt archive) / FetchError (URL) to report
    path: str
    url: str | None = None


def _walk(folder: str, globs: Sequence[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if any(fnmatch.fnmatch(name, pattern) for pattern in globs):
                yield os.path.join(root, name)


def _file(path: str, url: str | None, max_bytes: int) -> Iterator[Document]:
    if is_warc(path):
        for ident, payload, target in iter_warc(path, max_bytes=max_bytes):
            yield Document(ident, payload, path, target)
    else:
        yield Document(path, Path(path), path, url)


def expand(
    inputs: Sequence[str],
    *,
    globs: Sequence[str] = DEFAULT_GLOBS,
    url: str | None = None,
    max_bytes: int,
    read_stdin: Callable[[], bytes] = lambda: sys.stdin.buffer.read(),
    fetch_timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Document]:
    """Documents for the CLI's inputs, in order; ``url`` applies to non-WARC, non-URL inputs."""
    for item in inputs:
        if is_url(item) and not os.path.exists(item):
            yield _fetched(item, max_bytes, fetch_timeout)
        elif item == "-":
            yield Document("-", read_stdin(), "-", url)
        elif os.path.isdir(item):
            for path in _walk(item, globs):
                yield from _file(path, url, max_bytes)
        else:
            yield from _file(item, url, max_bytes)


def _fetched(url: str, max_bytes: int, timeout: float) -> Document:
    try:
        page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except FetchError as exc:
        return Document(url, exc, url, url)
    return Document(url, page.data, url, page.url)
