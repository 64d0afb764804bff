"""Time and peak memory of one very large page, each shape in a fresh child process.

    python benchmarks/big.py [--paragraphs 1000000] [--megabytes 200] [--only NAME]

Shapes: ``paragraphs`` (N short ``<p>`` elements: 1,000,000 make 8 MB), ``huge`` (one article of
ordinary paragraphs of the given size, cleaned with ``max_bytes`` raised to fit), and the hostile
shapes of issue 19 at the default 20 MiB limit (an attribute flood, a 10.5 MB script, a forum
nested 6,000 deep). Each line gives seconds, peak RSS (VmHWM) and the ratio of peak memory to input
size: the goal is memory proportional to the input, and time that grows no faster than the input
(the speed work owns linearity). A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
sys.path.insert(0, {src!r})
import cleanpage
shape, size = sys.argv[1], int(sys.argv[2])
prose = "<p>A paragraph of ordinary article prose, long enough to be kept as body text by the cleaner.</p>"
if shape == "paragraphs":
    doc = "<html><body><article>" + "<p>Words.</p>" * size + "</article></body></html>"
elif shape == "huge":
    doc = "<html><body><article>" + prose * (size * 1_000_000 // len(prose)) + "</article></body></html>"
elif shape == "flood":
    doc = "<html><body><div " + " ".join(f'a{{i}}="1"' for i in range(size)) + ">x</div>" + prose * 5 + "</body></html>"
elif shape == "script":
    doc = "<html><body><script>var a='" + "x" * size + "';</script>" + prose * 5 + "</body></html>"
else:  # forum
    doc = "<html><body>" + "".join(f"<div><font><p>Post {{i}} says a few words here.</p>" for i in range(size)) + "</body></html>"
cleanpage.clean("<p>warm-up</p>")
start = time.perf_counter()
page = cleanpage.clean(doc, max_bytes=len(doc.encode()) + 1)
seconds = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) * 1024
print(json.dumps({{"shape": shape, "size": size, "mb": len(doc.encode()) / 1e6, "seconds": seconds, "peak_mb": peak / 1e6,
                  "paragraphs": len(page.paragraphs), "warnings": [w.value for w in page.warnings]}}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paragraphs", type=int, default=1_000_000)
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--only", default=None)
    args = parser.parse_args(argv)
    shapes = [("paragraphs", args.paragraphs), ("huge", args.megabytes), ("flood", 100_000),
              ("script", 10_500_000), ("forum", 6_000)]
    code = _CHILD.format(src=str(ROOT / "src"))
    for shape, size in shapes:
        if args.only and args.only != shape:
            continue
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code, shape, str(size)], capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            print(f"{shape:<10} failed after {time.perf_counter() - start:.0f} s: {done.stderr.strip()[-300:]}")
            continue
        r = json.loads(done.stdout)
        print(f"{shape:<10} {r['mb']:8.1f} MB  {r['seconds']:8.1f} s  peak {r['peak_mb']:7.0f} MB "
              f"({r['peak_mb'] / r['mb']:.1f}× input)  {r['paragraphs']} paragraphs  warnings {r['warnings']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
