"""Time limits for one document, and the warm-up that is never charged to one.

A limit must hold for any input, and only a process can be stopped inside a long call into C (a
regular expression, a libxml2 parse): Python's own timers wait for that call to return. So:

* :func:`run_killable` (what ``clean(timeout=...)`` uses) runs the document in a forked child of
  the calling process and kills it at the limit. The child inherits the caller's imports and loaded
  rules, and :func:`warm_up` loads them in the caller *before* the clock starts, so the first
  document of a process is not charged a second of imports. It works from any thread and in
  daemonic processes (Dask workers); without ``fork`` (Windows) a one-process pool is used instead.
* :func:`run_with_timeout` is an interval timer for Python code, used inside batch workers that run
  several documents per task; the worker itself is killed from outside when a C call overstays
  (see :mod:`cleanpage.io.batch`).
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

from cleanpage.errors import InternalError, Timeout

__all__ = ["run_killable", "run_with_timeout", "warm_up"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds between repeated alarms once the limit has passed.
_REFIRE = 0.05


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _reporting_unraisable(frame: FrameType | None) -> bool:
    """True while ``sys.unraisablehook`` runs (a Timeout raised in a finalizer cannot propagate;
    Python hands it to the hook, which then reads source files for the traceback)."""
    hook = getattr(sys.unraisablehook, "__code__", None)
    if hook is None:
        return False
    for _ in range(200):
        if frame is None:
            return False
        if frame.f_code is hook:
            return True
        frame = frame.f_back
    return False


def run_with_timeout(func: Callable[..., T], *args: Any, timeout: float) -> T:
    """``func(*args)`` or :class:`Timeout` after ``timeout`` seconds, by an interval timer in the main
    thread (Python code only: a long C call overstays it) or :func:`run_killable` elsewhere."""
    if _can_use_alarm():
        fired = False

        def _expire(signum: int, frame: FrameType | None) -> None:
            nonlocal fired
            fired = True
            if _reporting_unraisable(frame):
                # an earlier Timeout landed in a finalizer and is being reported: raising again
                # inside the report would break the reporter; the flag still ends the document
                return
            raise Timeout(f"document took longer than {timeout:g} s")

        previous = signal.signal(signal.SIGALRM, _expire)
        # The timer re-fires every 50 ms after the limit: a library that catches ``Exception``
        # broadly (trafilatura does, around its fallbacks) may swallow the first Timeout, not all.
        signal.setitimer(signal.ITIMER_REAL, timeout, _REFIRE)
        try:
            result = func(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        if fired:  # the limit passed but something swallowed every Timeout: still over the limit
            raise Timeout(f"document took longer than {timeout:g} s")
        return result
    return run_killable(func, *args, timeout=timeout)  # no warm-up to pass: the caller warmed up


_warm_lock = threading.Lock()
_warm_pid: int | None = None


def warm_up(prepare: Callable[[], object]) -> None:
    """Run ``prepare`` (:func:`cleanpage.api.warm_up`: import the pipeline's modules, load its lazy data)
    once per process.

    About a second on a cold process: run before any clock starts (``clean(timeout=...)``, the batch
    pool's parent and each worker's initializer), never inside a document's time limit. The caller
    passes the work, so this module never imports the pipeline (no import cycle).
    """
    global _warm_pid
    if _warm_pid == os.getpid():
        return
    with _warm_lock:
        if _warm_pid == os.getpid():
            return
        try:
            prepare()
        except Exception:
            logger.debug("warm-up failed", exc_info=True)
        _warm_pid = os.getpid()


def _child(func: Callable[..., Any], args: tuple[Any, ...], pipe: int) -> None:
    """In the forked child: run, send ``(ok, value)`` pickled, leave without the parent's atexit work."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle (it kills us)
        try:
            outcome: tuple[bool, Any] = (True, func(*args))
        except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the parent
            outcome = (False, exc)
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001
            data = pickle.dumps((False, InternalError(f"result could not be sent: {type(exc).__name__}: {exc}")))
        view = memoryview(data)
        while view:
            view = view[os.write(pipe, view):]
    finally:
        os._exit(0)


def _read_until(pipe: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([pipe], [], [], remaining)[0]:
            raise Timeout(f"document took longer than {timeout:g} s")
        chunk = os.read(pipe, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def run_killable(func: Callable[..., T], *args: Any, timeout: float,
                 prepare: Callable[[], object] = lambda: None) -> T:
    """``func(*args)`` in a child process killed after ``timeout`` seconds (:class:`Timeout`).

    Exceptions raised by ``func`` are raised here; a child that dies without an answer (a crash in C)
    is an :class:`InternalError`. The clock starts after :func:`warm_up`, when the child starts.
    """
    if not hasattr(os, "fork"):
        return _run_in_pool(func, args, timeout, prepare)
    warm_up(prepare)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child leaves through os._exit
        os.close(read_end)
        _child(func, args, write_end)
    os.close(write_end)
    try:
        data = _read_until(read_end, time.monotonic() + timeout, timeout)
    finally:
        os.close(read_end)
        try:
            os.kill(pid, signal.SIGKILL)  # gone already, or over its limit, or we were interrupted
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
    if not data:
        how = f"signal {-os.waitstatus_to_exitcode(status)}" if os.WIFSIGNALED(status) else \
            f"exit code {os.waitstatus_to_exitcode(status)}"
        raise InternalError(f"worker process died ({how})")
    ok, value = pickle.loads(data)
    if ok:
        return value  # type: ignore[no-any-return]
    raise value


def _run_in_pool(func: Callable[..., T], args: tuple[Any, ...], timeout: float,
                 prepare: Callable[[], object]) -> T:
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessPool

    with ProcessPool(max_workers=1, initializer=warm_up, initargs=(prepare,)) as pool:
        future = pool.schedule(func, args=args, timeout=timeout)  # pebble's clock starts with the task
        try:
            return future.result()
        except FutureTimeout as exc:
            raise Timeout(f"document took longer than {timeout:g} s") from exc
