"""Many documents on all cores: :func:`clean_many` never stops, never loses a document, never hangs.

Each document becomes exactly one ``(id, Page | CleanpageError)`` pair, yielded in input order.
Why each piece is the way it is:

* **Process pool** (pebble): a worker stuck in C code (a regex, a libxml2 parse) can only be
  stopped by killing it. pebble kills a worker at the per-document limit and starts a fresh one;
  the document becomes a :class:`~cleanpage.errors.Timeout` record and the batch goes on.
* **A window of in-flight documents** (default 4 × workers) instead of submitting everything: a
  10-million-path input streams in bounded memory, and results come back in input order without
  holding more than the window.
* **Errors are values**: inside the worker every exception is caught and returned; anything that is
  not a :class:`~cleanpage.errors.CleanpageError` (a bug) or a dead worker becomes an
  :class:`~cleanpage.errors.InternalError` record. Nothing is raised out of the iterator.
* **Deterministic**: a result depends on the document only (no shared state between documents), so
  the same input gives the same output whatever the number of workers or the scheduling.
* **Workers are recycled** every ``_MAX_TASKS`` documents, so memory kept by a library (caches,
  fragmentation) cannot grow without bound over a long run.

``workers=1`` without a ``timeout`` runs in the calling process (cheaper, easy to debug). With a
timeout, even one worker is a one-process pool: only a process can be stopped inside a long C call
(a libxml2 parse, a regular expression), and a limit must hold for any input. The pool's clock for a
document starts when a worker takes it, after the worker's warm-up (:func:`~cleanpage.io.limits.warm_up`),
so no document is charged for a second of imports.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Union

from cleanpage.api import clean, clean_file, clean_url
from cleanpage.api import warm_up as prepare
from cleanpage.errors import CleanpageError, InputTypeError, InternalError, Timeout
from cleanpage.io.fetch import is_url
from cleanpage.io.limits import run_with_timeout, warm_up
from cleanpage.options import Options, check_positive
from cleanpage.result import Page

__all__ = ["Outcome", "Source", "clean_many", "default_workers"]

logger = logging.getLogger(__name__)

#: What one document may be: a path, a document, or an error found before cleaning (a corrupt
#: WARC record) that is passed through as that document's record.
Source = Union[str, bytes, bytearray, "os.PathLike[str]", CleanpageError]
Outcome = Union[Page, CleanpageError]

#: Documents per worker before it is replaced by a fresh process (bounds memory growth).
_MAX_TASKS = 1000
#: A ``str`` longer than this is a document, never a path.
_MAX_PATH_CHARS = 4096


@dataclass(frozen=True, slots=True)
class _Job:
    """One document as sent to a worker: paths travel as paths, so workers read their own files,
    and URLs as URLs, so workers fetch their own pages (in parallel, each under its own limit)."""

    id: Hashable
    source: Any
    is_path: bool
    url: str | None
    is_url: bool = False


def default_workers() -> int:
    """The cores this process may use (affinity-aware on Linux)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _looks_like_path(text: str) -> bool:
    # A document has markup or lines; a path has neither. Pass bytes or a pathlib.Path to be explicit.
    return len(text) < _MAX_PATH_CHARS and "\n" not in text and "<" not in text and bool(text.strip())


def _jobs(sources: Iterable[Any]) -> Iterator[_Job]:
    for index, item in enumerate(sources):
        ident: Hashable = None
        url = None
        source = item
        if isinstance(item, tuple):
            if len(item) == 3:
                ident, source, url = item
            elif len(item) == 2:
                ident, source = item
            else:
                yield _Job(index, InputTypeError(
                    f"a source tuple is (id, source) or (id, source, url), not {len(item)} items"), False, None)
                continue
        if isinstance(source, str) and is_url(source):
            address = source.strip()
            yield _Job(address if ident is None else ident, address, False, url, is_url=True)
        elif isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
            path = os.fspath(source)
            yield _Job(path if ident is None else ident, path, True, url)
        else:
            yield _Job(index if ident is None else ident, source, False, url)


def _with_context(error: CleanpageError, job: _Job) -> CleanpageError:
    if error.context is None:
        error.context = str(job.id)
    return error


def _clean_one(job: _Job, options: Options) -> Outcome:
    """Clean one document; every failure is returned as a value (this runs inside workers)."""
    if isinstance(job.source, CleanpageError):
        return job.source
    try:
        if job.is_url:  # a failed fetch is this document's FetchError, like any other failure
            return clean_url(job.source, options=options)
        if job.is_path:
            return clean_file(job.source, job.url, options=options)
        return clean(job.source, job.url, options=options)
    except CleanpageError as exc:
        return _with_context(exc, job)
    except Exception as exc:
        logger.debug("internal error on %s", job.id, exc_info=True)
        return InternalError(f"{type(exc).__name__}: {exc}", context=str(job.id))


def _clean_timed(job: _Job, options: Options, timeout: float | None) -> Outcome:
    if timeout is None:
        return _clean_one(job, options)
    try:
        return run_with_timeout(_clean_one, job, options, timeout=timeout)
    except CleanpageError as exc:
        return _with_context(exc, job)
    except Exception as exc:  # noqa: BLE001
        return InternalError(f"{type(exc).__name__}: {exc}", context=str(job.id))


def _clean_chunk(jobs: list[_Job], options: Options, timeout: float | None) -> list[Outcome]:
    """Several documents in one task; each keeps its own limit through the worker's timer."""
    return [_clean_timed(job, options, timeout) for job in jobs]


def _outcome(future: Any, job: _Job, timeout: float | None) -> Outcome:
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessExpired

    try:
        result = future.result()
    except FutureTimeout:
        return Timeout(f"document took longer than {timeout:g} s", context=str(job.id))
    except ProcessExpired as exc:
        return InternalError(f"worker process died (exit code {exc.exitcode})", context=str(job.id))
    except CleanpageError as exc:
        return _with_context(exc, job)
    except Exception as exc:  # noqa: BLE001
        return InternalError(f"{type(exc).__name__}: {exc}", context=str(job.id))
    return result  # type: ignore[no-any-return]


def _chunks(jobs: Iterator[_Job], size: int) -> Iterator[list[_Job]]:
    chunk: list[_Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pooled(jobs: Iterator[_Job], options: Options, *, workers: int, timeout: float | None,
            window: int, chunksize: int) -> Iterator[tuple[Hashable, Outcome]]:
    from pebble import ProcessPool

    warm_up(prepare)  # forked workers inherit it; each worker's initializer covers spawned ones
    pool: Any = ProcessPool(max_workers=workers, max_tasks=_MAX_TASKS, initializer=warm_up, initargs=(prepare,))
    pending: deque[tuple[list[_Job], Any]] = deque()
    chunks = _chunks(jobs, chunksize)

    def submit() -> bool:
        chunk = next(chunks, None)
        if chunk is None:
            return False
        if chunksize == 1:
            future = pool.schedule(_clean_one, args=(chunk[0], options), timeout=timeout)
        else:
            limit = None if timeout is None else timeout * len(chunk) + 1.0
            future = pool.schedule(_clean_chunk, args=(chunk, options, timeout), timeout=limit)
        pending.append((chunk, future))
        return True

    finished = False
    try:
        while len(pending) < window and submit():
            pass
        while pending:
            chunk, future = pending.popleft()
            if chunksize == 1:
                outcomes = [_outcome(future, chunk[0], timeout)]
            else:
                outcomes = _chunk_outcomes(pool, future, chunk, options, timeout)
            for job, outcome in zip(chunk, outcomes):
                yield job.id, outcome
            while len(pending) < window and submit():
                pass
        finished = True
    finally:
        if finished:
            pool.close()
        else:  # the consumer stopped early or something broke: do not wait for the rest
            pool.stop()
        pool.join()


def _chunk_outcomes(pool: Any, future: Any, chunk: list[_Job], options: Options,
                    timeout: float | None) -> list[Outcome]:
    try:
        return list(future.result())
    except Exception:
        logger.debug("chunk of %d failed; retrying its documents singly", len(chunk), exc_info=True)
    singles = [(job, pool.schedule(_clean_one, args=(job, options), timeout=timeout)) for job in chunk]
    return [_outcome(f, job, timeout) for job, f in singles]


def clean_many(
    sources: Iterable[Any],
    *,
    workers: int | None = None,
    timeout: float | None = 30.0,
    options: Options | None = None,
    max_bytes: int | None = None,
    chunksize: int = 1,
    window: int | None = None,
) -> Iterator[tuple[Hashable, Outcome]]:
    """Clean many documents; yields ``(id, Page | CleanpageError)`` for each, in input order.

    ``sources`` is any iterable (it is read lazily) of:

    * a URL (a ``str`` that is one ``http(s)://`` URL): the id is the URL, the worker fetches it
      (:func:`~cleanpage.clean_url`; a failed fetch → :class:`~cleanpage.errors.FetchError`);
    * a path (``pathlib.Path`` or any ``os.PathLike``, or a one-line ``str`` under 4,096 characters
      without ``<``): the id is the path string, the worker reads the file (unreadable →
      :class:`~cleanpage.errors.ReadError`);
    * a document (``bytes``, or a ``str`` with markup or several lines): the id is its index;
    * ``(id, source)`` or ``(id, source, url)``: your id (and the page's URL).

    ``workers`` defaults to all cores; ``timeout`` is the per-document limit in seconds (``None``
    for none; it replaces ``options.timeout``); ``max_bytes`` overrides ``options.max_bytes``.
    ``chunksize`` > 1 sends documents to workers in groups (less overhead for tiny documents; each
    still has its own limit). ``window`` bounds the documents in flight (default 4 × workers).
    """
    if isinstance(sources, (str, bytes, bytearray, os.PathLike)):
        raise InputTypeError("clean_many() takes an iterable of sources; for one document use clean()")
    opts = replace(options or Options(), timeout=None)
    if max_bytes is not None:
        opts = replace(opts, max_bytes=max_bytes)
    n_workers = default_workers() if workers is None else workers
    check_positive("workers", n_workers, integer=True)
    check_positive("chunksize", chunksize, integer=True)
    if window is not None:
        check_positive("window", window, integer=True)
    if timeout is not None:
        check_positive("timeout", timeout)
    jobs = _jobs(sources)
    if n_workers == 1 and timeout is None:
        return ((job.id, _clean_one(job, opts)) for job in jobs)
    # imported here: a process that only calls clean() never needs it (start-up time)
    import multiprocessing

    if n_workers == 1 and multiprocessing.current_process().daemon:
        # a daemonic process (a Dask worker) may not start a pool; clean() forks a child per document
        timed = replace(opts, timeout=timeout)
        return ((job.id, _clean_one(job, timed)) for job in jobs)
    # a limit needs a process that can be killed inside a C call: with a timeout, even one worker is a pool
    return _pooled(jobs, opts, workers=n_workers, timeout=timeout,
                   window=window or 4 * n_workers * chunksize, chunksize=chunksize)
