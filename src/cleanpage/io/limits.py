"""Time limits for one document.

In the main thread on POSIX an interval timer raises :class:`Timeout` inside the running Python
code (cheap, no process). It interrupts Python code only: one long call into C (a regular
expression, a libxml2 parse) runs to its end before the timer is seen. Elsewhere (threads,
Windows) the document runs in a one-off worker process that is killed at the limit. Batches use
:mod:`cleanpage.io.batch`, whose pool kills and replaces workers the same way, so a pathological page
can never hang a batch.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

from cleanpage.errors import CleanpageError, Timeout

__all__ = ["run_with_timeout"]

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
    """``func(*args)`` or :class:`Timeout` after ``timeout`` seconds."""
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
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessPool

    with ProcessPool(max_workers=1) as pool:
        future = pool.schedule(func, args=args, timeout=timeout)
        try:
            return future.result()
        except FutureTimeout as exc:
            raise Timeout(f"document took longer than {timeout:g} s") from exc
        except CleanpageError:
            raise
