"""Batch throughput, scaling and memory of cleanpage.clean_many, and its cost beside trafilatura.

    python benchmarks/batch.py [--data DIR] [--repeat N] [--jobs N] [--limit N] [--no-rss] [--no-compare]

Four measurements, printed as one table (the memory run goes first, while this process is still
small: its workers are forked from it, so its own size is counted in each of them):

1. **1 worker**: ``clean_many(paths, workers=1)`` (in-process, time limit by interval timer) over
   the dev pages; pages/s.
2. **N workers** (N = ``--jobs``, default all cores): the same pages through the process pool;
   pages/s and the scaling ratio (N-worker pages/s ÷ 1-worker pages/s).
3. **Memory over a long run**: the dev pages repeated ``--repeat`` times (default: enough for
   10,000 pages) through N workers; the resident memory of the whole job (this process + all
   worker processes, sampled every 0.2 s with psutil; pages shared after fork count in each
   process) — its peak, its maximum over pages 500-699 and over the last 200 pages, and the
   growth between the two. Workers are replaced every 1,000
   documents (``cleanpage.io.batch._MAX_TASKS``), as in any real run.
4. **cleanpage vs trafilatura**: on each page, ``cleanpage.clean(raw)`` and
   ``trafilatura.extract(raw)`` one after the other in this process (order alternating), timed with
   ``perf_counter``; the ratio of total times is comparable across machines, the absolute ms are not.

The data default is ``../shared/data/extraction-dev/html`` relative to the repository root.
Figures belong in docs/benchmarks.md with the command that produced them.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import cleanpage
from cleanpage.io.batch import default_workers


def _rate(paths: list[Path], workers: int, timeout: float) -> tuple[float, int, float]:
    start = time.perf_counter()
    failed = sum(isinstance(o, cleanpage.CleanpageError)
                 for _, o in cleanpage.clean_many(paths, workers=workers, timeout=timeout))
    seconds = time.perf_counter() - start
    return len(paths) / seconds, failed, seconds


class _RssSampler:
    """Sums the RSS of this process and its children every ``interval`` seconds."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self._me = psutil.Process()
        self._psutil = psutil
        self.interval = interval
        self.peak = 0
        self.last = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self) -> int:
        total = 0
        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except self._psutil.Error:
                pass
        self.last = total
        self.peak = max(self.peak, total)
        return total

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> _RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _memory(paths: list[Path], repeat: int, workers: int, timeout: float) -> dict[str, float]:
    sources = [p for _ in range(repeat) for p in paths]
    mib = 1024 * 1024
    early: list[int] = []  # pages 500-699: "after the first 500"
    window: list[int] = []  # the last 200 pages: "at the end" (the same statistic, a fair difference)
    with _RssSampler() as rss:
        start = time.perf_counter()
        for n, _ in enumerate(cleanpage.clean_many(sources, workers=workers, timeout=timeout), 1):
            if 500 <= n < 700:
                early.append(rss.sample())
            if n % 1000 == 0:
                print(f"  memory run: {n} pages, {time.perf_counter() - start:.0f} s, RSS now {rss.sample() / mib:.0f} MiB, "
                      f"peak {rss.peak / mib:.0f} MiB", flush=True)
            if n > len(sources) - 200:  # the last pages, while every worker is still alive
                window.append(rss.sample())
        seconds = time.perf_counter() - start
    end = max(window) if window else rss.last
    after_500 = max(early) if early else 0
    return {"pages": len(sources), "seconds": seconds, "peak": rss.peak / mib, "after_500": after_500 / mib,
            "end": end / mib, "growth": (end - after_500) / mib}


def _compare(paths: list[Path]) -> dict[str, float]:
    import trafilatura

    mine: list[float] = []
    theirs: list[float] = []
    raw0 = paths[0].read_bytes()
    trafilatura.extract(raw0)
    try:
        cleanpage.clean(raw0)
    except cleanpage.CleanpageError:
        pass
    for i, path in enumerate(paths):
        raw = path.read_bytes()
        order = ("c", "t") if i % 2 == 0 else ("t", "c")
        for engine in order:
            start = time.perf_counter()
            try:
                if engine == "c":
                    cleanpage.clean(raw)
                else:
                    trafilatura.extract(raw)
            except Exception:  # noqa: BLE001 - a failure still costs its time
                pass
            (mine if engine == "c" else theirs).append(time.perf_counter() - start)
    return {"cp_median": statistics.median(mine) * 1000, "tr_median": statistics.median(theirs) * 1000,
            "cp_mean": statistics.fmean(mine) * 1000, "tr_mean": statistics.fmean(theirs) * 1000,
            "ratio": sum(mine) / sum(theirs), "ratio_median": statistics.median(mine) / statistics.median(theirs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=None,
                        help="folder of pages (default: ../shared/data/extraction-dev/html from the repo root)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="repeat the pages this often for the memory run (default: up to 10,000 pages)")
    parser.add_argument("--jobs", type=int, default=default_workers(), help="N (default: all cores)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (quick check)")
    parser.add_argument("--timeout", type=float, default=60.0, help="per-document limit (s)")
    parser.add_argument("--no-rss", action="store_true", help="skip the long memory run")
    parser.add_argument("--no-rate", action="store_true", help="skip the 1-worker / N-worker throughput runs")
    parser.add_argument("--no-compare", action="store_true", help="skip the trafilatura comparison")
    args = parser.parse_args()
    data = args.data or (REPO.parent / "shared" / "data" / "extraction-dev" / "html")
    paths = sorted(p for p in data.iterdir() if p.is_file())[: args.limit]
    if not paths:
        parser.error(f"no pages in {data}")
    repeat = args.repeat or max(1, -(-10_000 // len(paths)))

    try:
        cleanpage.clean(paths[0].read_bytes())  # imports and lazy data, outside every timing
    except cleanpage.CleanpageError:
        pass
    rows: list[tuple[str, str]] = []

    def row(key: str, value: str) -> None:
        rows.append((key, value))
        print(f"  {key}: {value}", flush=True)

    if not args.no_rss:
        mem = _memory(paths, repeat, args.jobs, args.timeout)
        row(f"memory run ({mem['pages']:.0f} pages, {args.jobs} workers)",
            f"{mem['pages'] / mem['seconds']:.1f} pages/s, {mem['seconds']:.0f} s")
        row("  peak RSS (all processes)", f"{mem['peak']:.0f} MiB")
        row("  RSS after 500 pages / at end (max over 200 pages each)",
            f"{mem['after_500']:.0f} / {mem['end']:.0f} MiB")
        row("  growth (end - after 500)", f"{mem['growth']:+.0f} MiB")
    if not args.no_rate:
        one, failed1, s1 = _rate(paths, 1, args.timeout)
        row("1 worker (in-process)", f"{one:.1f} pages/s  ({len(paths)} pages, {s1:.0f} s, {failed1} errors)")
        many, failed_n, sn = _rate(paths, args.jobs, args.timeout)
        row(f"{args.jobs} workers (pool)", f"{many:.1f} pages/s  ({sn:.0f} s, {failed_n} errors)")
        row("scaling ratio", f"{many / one:.2f}x on {args.jobs} workers")
        if not args.no_rss:
            # the short pool run pays for starting and warming its workers (imports, rule tables);
            # the long memory run is the same pages in steady state
            steady = mem["pages"] / mem["seconds"]
            row("scaling ratio, steady state (memory run / 1 worker)", f"{steady / one:.2f}x on {args.jobs} workers")
    if not args.no_compare:
        cmp = _compare(paths)
        row("cleanpage ms/page (median, mean)", f"{cmp['cp_median']:.1f}, {cmp['cp_mean']:.1f}")
        row("trafilatura.extract ms/page (median, mean)", f"{cmp['tr_median']:.1f}, {cmp['tr_mean']:.1f}")
        row("cleanpage / trafilatura time", f"{cmp['ratio']:.2f}x total, {cmp['ratio_median']:.2f}x median")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cleanpage batch benchmark: {len(paths)} pages from {data}")
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, load average at end {load:.1f}")
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
