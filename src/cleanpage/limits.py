"""Time limits for one document.

In the main thread on POSIX an interval timer raises :class:`Timeout` inside the running Python
code (cheap, no process). Elsewhere (threads, Windows) the document runs in a one-off worker
process that is killed at the limit, so a pathological page can never hang its caller. Batches use
:mod:`cleanpage.batch`, whose pool kills and replaces workers the same way.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from cleanpage.errors import CleanpageError, Timeout

__all__ = ["run_with_timeout"]

T = TypeVar("T")


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_with_timeout(func: Callable[..., T], *args: Any, timeout: float) -> T:
    """``func(*args)`` or :class:`Timeout` after ``timeout`` seconds."""
    if _can_use_alarm():
        def _expire(signum: int, frame: object) -> None:
            raise Timeout(f"document took longer than {timeout:g} s")

        previous = signal.signal(signal.SIGALRM, _expire)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return func(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessPool

    with ProcessPool(max_workers=1) as pool:
        future = pool.schedule(func, args=args, timeout=timeout)
        try:
            return future.result()  # type: ignore[no-any-return]
        except FutureTimeout as exc:
            raise Timeout(f"document took longer than {timeout:g} s") from exc
        except CleanpageError:
            raise
