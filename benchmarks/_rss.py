"""Peak resident memory of the current process, read the way that is right on each platform.

Used by ``body.py --rss-child ENGINE``: a fresh process runs one engine alone and reports its peak,
because the interleaved run cannot attribute memory to one engine.
"""

from __future__ import annotations

import resource
import sys


def _status_mib(field: str) -> float | None:
    """``VmHWM``/``VmRSS`` from /proc/self/status in MiB (Linux), else None."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    return None


def peak_rss_mib() -> tuple[float, str]:
    """Peak RSS of this process and how it was read.

    On Linux ``VmHWM`` (the high-water mark of this process image, reset by ``exec``); elsewhere
    ``ru_maxrss``, which on Linux would also carry the parent's size across fork+exec.
    """
    hwm = _status_mib("VmHWM")
    if hwm is not None:
        return hwm, "VmHWM"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak / 2**20 if sys.platform == "darwin" else peak / 2**10), "ru_maxrss"
