"""Time every compiled pattern of cleanpage on long adversarial strings and flag the superlinear ones.

    python benchmarks/regex_audit.py [--short 1000] [--long 20000] [--budget 0.25] [--only NAME]

Python's ``re`` engine does not check signals, so a time limit cannot interrupt a pattern that
backtracks: every pattern must be linear on its own, not only under the length caps around it. The
audit collects each ``re.Pattern`` held by a cleanpage module (module globals, and every pattern
inside the loaded rules), builds adversarial strings from characters and literal pieces of the
pattern itself (runs of one piece, of two alternating pieces, with a lone prefix or suffix), and
times ``finditer`` over them (``match`` for a module pattern the package only ever anchors with
``.match``/``.fullmatch``; the rules' patterns are always timed with ``finditer``, the worst case) at
``--short`` and four times that: the growth exponent between the two
(1 linear, 2 quadratic, 3 cubic) predicts the ``--long`` time, which is then measured unless the
prediction is already far over budget. A pattern is *flagged* when its exponent is over 1.5 and the
long string takes over 5 ms, and *over budget* when one long string takes (or would take) more than
``--budget`` seconds. The exit status is 1 when any
pattern is over budget. Timings depend on the machine: this is a benchmark, not a unit test.
"""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import cleanpage
from cleanpage.rules import load_rules

#: Characters that end or start runs in web text and markup, whatever the pattern says.
_BASE = [" ", "\t", "\n", "a", "A", "1", "_", "<", ">", "[", "]", "(", ")", "{", "}", ",", ".", ":", ";", "-",
         "—", "|", "/", "\\", "&", "'", '"', "=", "#", "@", "!", "?", "*", "+", "©", "é", "😀", "日", "\u00a0",
         "x ", "1 ", "<a ", "a,", "<!DOCTYPE", "<body>", "ago", "Ab ", "By ", "(AP)", "12:00", "2024-01-02"]


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """(name, pattern) for every distinct compiled pattern cleanpage holds."""
    seen: set[tuple[str, int]] = set()

    def new(pattern: re.Pattern[str]) -> bool:
        key = (pattern.pattern if isinstance(pattern.pattern, str) else repr(pattern.pattern), pattern.flags)
        if key in seen:
            return False
        seen.add(key)
        return True

    for info in pkgutil.walk_packages(cleanpage.__path__, "cleanpage."):
        if info.name.endswith((".dask", ".__main__")):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and new(value):
                yield f"{info.name}.{attr}", value
    stack: list[tuple[str, object, int]] = [("rules", load_rules(), 0)]
    visited: set[int] = set()
    while stack:
        name, obj, depth = stack.pop()
        if id(obj) in visited or depth > 6:
            continue
        visited.add(id(obj))
        if isinstance(obj, re.Pattern):
            if isinstance(obj.pattern, str) and new(obj):
                yield name, obj
            continue
        if isinstance(obj, dict):
            stack += [(f"{name}[{k!r}]", v, depth + 1) for k, v in obj.items()]
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack += [(f"{name}[{i}]", v, depth + 1) for i, v in enumerate(obj)]
        elif hasattr(obj, "__dataclass_fields__") or hasattr(obj, "__slots__") or hasattr(obj, "__dict__"):
            fields = getattr(obj, "__dataclass_fields__", None) or getattr(obj, "__dict__", {}) or {}
            slots = [s for cls in type(obj).__mro__ for s in getattr(cls, "__slots__", ())]
            for attr in list(fields) + slots:
                if hasattr(obj, attr) and not attr.startswith("__"):
                    stack.append((f"{name}.{attr}", getattr(obj, attr), depth + 1))


_USES = re.compile(r"\b(_?[A-Za-z][A-Za-z0-9_]*)\.(match|fullmatch|search|finditer|findall|sub|subn|split)\(")


def anchored_names() -> set[str]:
    """Module-level pattern names that the package only ever calls ``.match``/``.fullmatch`` on: they
    are tried at one position, so retries from every position (what ``finditer`` measures) never happen."""
    uses: dict[str, set[str]] = {}
    for path in Path(cleanpage.__file__).parent.rglob("*.py"):
        for name, method in _USES.findall(path.read_text(encoding="utf-8")):
            uses.setdefault(name, set()).add(method)
    return {name for name, methods in uses.items() if methods <= {"match", "fullmatch"}}


def _pieces(pattern: re.Pattern[str]) -> list[str]:
    """Literal words and characters of the pattern's source, the likeliest to start long retries."""
    source = pattern.pattern
    words = re.findall(r"[^\W\d_]{2,12}", source.replace("\\s", " ").replace("\\d", " ").replace("\\w", " "))
    chars = [c for c in dict.fromkeys(source) if not c.isalnum() and c not in "\\^$.*+?{}()|[]"]
    return list(dict.fromkeys(_BASE + words[:12] + chars[:12]))


def shapes(pattern: re.Pattern[str], length: int) -> Iterator[str]:
    pieces = _pieces(pattern)
    for piece in pieces:
        run = piece * (length // len(piece) + 1)
        yield run[:length]
        yield "x" + run[:length]
        yield run[:length] + "x"
    for a, b in zip(pieces, pieces[1:] + pieces[:1]):
        both = (a + b) * (length // len(a + b) + 1)
        yield both[:length]
    for a in pieces[:20]:
        for b in ("1", " ", "a", "<", ","):
            both = (a + b) * (length // len(a + b) + 1)
            yield both[:length]


def _time(pattern: re.Pattern[str], text: str, anchored: bool = False) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two runs: a short string's time is mostly noise otherwise
        start = time.perf_counter()
        if anchored:
            pattern.match(text)
        else:
            for _ in pattern.finditer(text):
                pass
        best = min(best, time.perf_counter() - start)
    return best


def _stretch(shape: str, length: int) -> str:
    return (shape * (length // max(1, len(shape)) + 1))[:length]


def _audit(pattern: re.Pattern[str], args: argparse.Namespace,
           anchored: bool = False) -> tuple[float, float, str, bool]:
    """(growth exponent, seconds on the long string, worst shape, over budget) for one pattern.

    Each shape is timed at ``--short`` and 4 × ``--short`` characters first: the growth between
    them predicts the long string's time, so a cubic pattern is caught without waiting minutes for it.
    """
    worst = (0.0, 0.0, "", False)
    for shape in shapes(pattern, args.short):
        t_small = _time(pattern, shape, anchored)
        t_big = _time(pattern, _stretch(shape, 4 * args.short), anchored)
        if t_big < 2e-4:  # under 0.2 ms at 4 × short: nothing to see
            continue
        exponent = math.log(max(t_big, 1e-9) / max(t_small, 1e-9), 4)
        predicted = t_big * (args.long / (4 * args.short)) ** max(exponent, 1.0)
        if predicted > 20 * args.budget:  # do not wait for it: already far over
            return exponent, predicted, shape[:24], True
        t_long = _time(pattern, _stretch(shape, args.long), anchored)
        if t_long > worst[1]:
            worst = (exponent, t_long, shape[:24], t_long > args.budget)
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", type=int, default=1_000)
    parser.add_argument("--long", type=int, default=20_000)
    parser.add_argument("--budget", type=float, default=0.25, help="seconds one long string may take")
    parser.add_argument("--only", default=None, help="audit only patterns whose name contains this")
    args = parser.parse_args(argv)
    flagged: list[tuple[str, float, float, str]] = []
    over: list[tuple[str, float, str]] = []
    count = 0
    start = time.perf_counter()
    anchored = anchored_names()
    for name, pattern in patterns():
        if args.only and args.only not in name:
            continue
        count += 1
        exponent, seconds, shape, is_over = _audit(pattern, args, name.rsplit(".", 1)[-1] in anchored)
        if is_over:
            over.append((name, seconds, shape))
        elif exponent > 1.5 and seconds > 0.005:
            flagged.append((name, exponent, seconds, shape))
    wall = time.perf_counter() - start
    print(f"regex audit: {count} patterns, shapes at {args.short:,}, {4 * args.short:,} and {args.long:,} "
          f"characters, {wall:.0f} s")
    print(f"  superlinear (growth exponent > 1.5 and > 5 ms at {args.long:,}): {len(flagged)}")
    for name, exponent, seconds, shape in sorted(flagged, key=lambda f: -f[2]):
        print(f"    {name}: exponent {exponent:.1f}, {seconds * 1000:.1f} ms on {shape!r}…")
    print(f"  over {args.budget:g} s on one {args.long:,}-character string: {len(over)}  (must be 0)")
    for name, seconds, shape in over:
        print(f"    {name}: {seconds:.2f} s (measured or predicted) on {shape!r}…")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
