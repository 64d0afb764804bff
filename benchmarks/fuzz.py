"""Fuzz cleanpage.clean with 10,000+ generated cases and count what comes out.

    python benchmarks/fuzz.py [--cases 10000] [--seed 0] [--jobs N] [--limit 15]

The cases are those of tests/test_fuzz.py (``tests/_fuzzcases.py``): random HTML and text,
arbitrary bytes, and real fixture pages mutated (truncation, byte flips, deep nesting, huge
attributes, NUL bytes, mixed encodings, BOMs, lying charsets, attribute floods of up to 60,000
attributes, unclosed nesting thousands deep, text nodes past libxml2's 10 MB, JSON-LD nested up to
100,000 deep), as ``str`` or ``bytes``; case ``i``
is built from ``random.Random(seed * 1_000_003 + i)`` so any case can be replayed alone with
``--replay i``. Every case must give a Page or a CleanpageError ("typed error") within ``--limit``
seconds, plus ``--per-mb`` seconds for each megabyte of input (a 10 MB page is read, not cut, and
honest work grows with size; a hang or a superlinear pattern does not stay inside that); any other
exception, a case over its limit, or a worker that hung or died is a failure
and the exit status is 1.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO)]  # the repository root, not tests/: tests/html is no stdlib html

import cleanpage
from tests._fuzzcases import random_case

CHUNK = 50


def _case(seed: int, index: int) -> bytes | str:
    rng = random.Random(seed * 1_000_003 + index)
    if index % 10 == 9:  # a slice of pure noise
        return rng.randbytes(rng.randint(0, 5000)) if index % 20 == 9 else \
            "".join(chr(rng.randint(1, 0x10FFFF)) for _ in range(rng.randint(0, 2000)))
    return random_case(rng)


def _run_chunk(seed: int, indices: list[int]) -> list[tuple[int, str, str, float, int]]:
    """(index, "page" | "typed" | "other", detail, seconds, size) for each case of a chunk."""
    out = []
    for index in indices:
        source = _case(seed, index)
        start = time.perf_counter()
        try:
            cleanpage.clean(source)
            kind, detail = "page", ""
        except cleanpage.CleanpageError as exc:
            kind, detail = "typed", exc.reason
        except Exception as exc:  # noqa: BLE001 - this is what the fuzzer looks for
            kind, detail = "other", f"{type(exc).__name__}: {str(exc)[:200]}"
        out.append((index, kind, detail, time.perf_counter() - start, len(source)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                        else os.cpu_count() or 1)
    parser.add_argument("--limit", type=float, default=15.0, help="seconds one case may take")
    parser.add_argument("--per-mb", type=float, default=2.0, help="seconds more per megabyte of input")
    parser.add_argument("--replay", type=int, default=None, help="run case N alone, in this process")
    args = parser.parse_args()
    if args.replay is not None:
        print(_run_chunk(args.seed, [args.replay]))
        return 0

    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessExpired, ProcessPool

    for fixture in sorted((REPO / "tests" / "fixtures").glob("*/input.*")):  # forked workers start warm
        try:  # (imports, rules, dateparser's locales for these languages)
            cleanpage.clean_file(fixture)
        except cleanpage.CleanpageError:
            pass
    chunks = [list(range(i, min(i + CHUNK, args.cases))) for i in range(0, args.cases, CHUNK)]
    counts: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    others: list[tuple[int, str]] = []
    over: list[tuple[int, float]] = []
    lost: list[tuple[int, str]] = []
    times: list[float] = []
    slowest: list[tuple[float, int]] = []
    start = time.perf_counter()
    with ProcessPool(max_workers=args.jobs, max_tasks=20) as pool:
        chunk_limit = args.limit + 25 * args.per_mb  # a chunk may hold a 25 MB case (the 20 MiB cap)
        futures = [(chunk, pool.schedule(_run_chunk, args=(args.seed, chunk), timeout=chunk_limit * len(chunk)))
                   for chunk in chunks]
        for chunk, future in futures:
            try:
                results = future.result()
            except (FutureTimeout, ProcessExpired) as exc:  # a hang or a crash: every case of it counts
                lost += [(i, type(exc).__name__) for i in chunk]
                continue
            for index, kind, detail, seconds, size in results:
                counts[kind] += 1
                times.append(seconds)
                slowest = sorted([*slowest, (seconds, index)], reverse=True)[:5]
                if kind == "typed":
                    reasons[detail] += 1
                elif kind == "other":
                    others.append((index, detail))
                if seconds > args.limit + args.per_mb * size / 1e6:
                    over.append((index, seconds))
    wall = time.perf_counter() - start
    times.sort()
    print(f"cleanpage fuzz: {args.cases} cases, seed {args.seed}, {args.jobs} workers, {wall:.0f} s")
    print(f"  pages              {counts['page']}")
    print(f"  typed errors       {counts['typed']}  ({', '.join(f'{r} {n}' for r, n in reasons.most_common())})")
    print(f"  other exceptions   {counts['other']}  (must be 0)")
    print(f"  hung/crashed       {len(lost)}  (must be 0)")
    print(f"  over {args.limit:g} s + {args.per_mb:g} s/MB  {len(over)}  (must be 0)")
    if times:
        print(f"  time per case      median {times[len(times) // 2] * 1000:.1f} ms, "
              f"p99 {times[int(len(times) * 0.99)] * 1000:.0f} ms, max {times[-1]:.2f} s")
    print("  slowest cases      " + ", ".join(f"#{i} {t:.2f} s" for t, i in slowest))
    for index, detail in others[:20]:
        print(f"  other: case {index}: {detail}   (replay: --replay {index} --seed {args.seed})")
    for index, what in lost[:5]:
        print(f"  lost: case {index}: {what}")
    return 1 if others or over or lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
