"""Speed beside trafilatura: per page, at start-up, and by page size (issue 17).

    python benchmarks/speed.py ratio   [--data DIR ...] [--limit N] [--split fit|check|all] [--cpu] [--fast]
    python benchmarks/speed.py startup [--repeat 7] [--page FILE]
    python benchmarks/speed.py growth  [--sizes 10k,100k,1m,8m,20m] [--shapes article,comments,text]
    python benchmarks/speed.py stages  [--limit 75] [--split fit] [--warmup 40]

* ``ratio``: every page of the dev folders (gunzipped, read before timing), ``cleanpage.clean(raw, url=...)``
  and ``trafilatura.extract(raw, url=...)`` one after the other in this process, the order alternating
  per page, timed with ``perf_counter``; prints the ratio of the summed times and of the medians,
  and ms/page of each. A warm-up page is cleaned by both first, and cleanpage's language model
  loaded, so start-up is not counted here.
  ``--cpu`` times by the process's CPU time instead (the same ratio, less noise under load).
  ``--fast`` times cleanpage's fast path, ``Options(use_trafilatura=False)``, instead of the default.
* ``startup``: a fresh ``python -c`` process per run that imports the library and cleans one page
  (``--page``, default a ~17 KB fixture page), timed from before the import to after the call, the
  two libraries alternating; prints the median of ``--repeat`` runs of each and their ratio. The
  rule-table cache (``cleanpage.rules._cache``) is warm: one untimed cleanpage run fills it first,
  and writes cleanpage's bytecode as an install does (``PYTHONDONTWRITEBYTECODE`` is dropped for
  these processes: the dependencies' ``.pyc`` files exist, cleanpage's must too for a fair start).
* ``growth``: generated pages of each shape at each size, each size in a fresh process that cleans
  it with cleanpage and (HTML shapes) trafilatura.extract; prints seconds, seconds per MB, the
  8 MB / 1 MB time ratio (linear is 8) and cleanpage's peak resident memory (VmHWM).
* ``stages``: where cleanpage's time goes, per page: each HTML stage function wrapped with a CPU
  clock (the first ``--limit`` pages of each folder, after ``--warmup`` untimed ones), beside
  trafilatura.extract on the same pages. Indented rows are inside the row above them.

Memory over a long batch is ``benchmarks/batch.py`` (its "memory over a long run" row).
Timings on a shared machine are noisy: read the same-run ratios, not the milliseconds.
A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
PAGE = ROOT / "tests" / "fixtures" / "german-news" / "input.html"
sys.path.insert(0, str(ROOT / "src"))


def _pages(folders: list[Path], split: str, limit: int | None) -> list[tuple[str, str, str | None]]:
    splits = json.loads((SHARED / "splits.json").read_text()) if (SHARED / "splits.json").exists() else {}
    out: list[tuple[str, str, str | None]] = []
    for folder in folders:
        gold = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
        chosen = [k for k in sorted(gold) if split == "all" or splits.get(folder.name, {}).get(gold[k]["file"]) == split]
        for key in chosen[:limit]:
            item = gold[key]
            path = folder / "html" / item["file"]
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            url = item.get("url") or (key if key.startswith(("http://", "https://")) else None)
            out.append((f"{folder.name}/{item['file']}", raw.decode("utf-8", "replace"), url))
    return out


def ratio(args: argparse.Namespace) -> None:
    import trafilatura

    import cleanpage
    from cleanpage.engines.langid import detect_language

    pages = _pages(args.data or [SHARED / "extraction-dev", SHARED / "wcxb-dev"], args.split, args.limit)
    options = cleanpage.Options(use_trafilatura=not args.fast)
    cleanpage.clean(pages[0][1], url=pages[0][2], options=options)
    trafilatura.extract(pages[0][1], url=pages[0][2])
    # the language model too (py3langid, ~0.7 s): loaded by the first page that declares no language,
    # a start-up cost that would otherwise land on one page (5 % of a 150-page run's cleanpage time)
    detect_language(" ".join(["A paragraph of ordinary prose, read to load the language model."] * 3))
    ours: list[float] = []
    theirs: list[float] = []
    clock = time.process_time if args.cpu else time.perf_counter
    for n, (_, raw, url) in enumerate(pages):
        calls = [("c", lambda: cleanpage.clean(raw, url=url, options=options)),
                 ("t", lambda: trafilatura.extract(raw, url=url))]
        for name, call in calls if n % 2 == 0 else calls[::-1]:
            start = clock()
            try:
                call()
            except Exception:  # noqa: BLE001 - a failure still costs its time
                pass
            (ours if name == "c" else theirs).append(clock() - start)
    print(f"{len(pages)} pages ({args.split}), interleaved per page, same run, "
          f"{'CPU time of this process' if args.cpu else 'wall time'}"
          f"{', cleanpage without the engine (--fast)' if args.fast else ''}")
    print(f"{'':22}{'cleanpage':>12}{'trafilatura':>14}{'ratio':>8}")
    print(f"{'total ms/page':22}{1000 * sum(ours) / len(ours):12.1f}{1000 * sum(theirs) / len(theirs):14.1f}"
          f"{sum(ours) / sum(theirs):8.2f}")
    mo, mt = statistics.median(ours), statistics.median(theirs)
    print(f"{'median ms/page':22}{1000 * mo:12.1f}{1000 * mt:14.1f}{mo / mt:8.2f}")


_STARTUP = {
    "cleanpage": "import sys, cleanpage; cleanpage.clean(open(sys.argv[1], 'rb').read())",
    "trafilatura": "import sys, trafilatura; trafilatura.extract(open(sys.argv[1], 'rb').read())",
}


def startup(args: argparse.Namespace) -> None:
    env_path = str(ROOT / "src")
    # bytecode allowed: an installed package has its .pyc files (pip writes them, as it did for
    # trafilatura's); with PYTHONDONTWRITEBYTECODE set, cleanpage alone was compiled from source
    # in every process (~0.3 s), the warm-up run below now writes them once
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(name: str) -> float:
        code = f"import sys; sys.path.insert(0, {env_path!r}); " + _STARTUP[name]
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(args.page)], check=True, capture_output=True, env=env)
        return time.perf_counter() - start

    run("cleanpage")  # fills the rule-table cache, as any first run on a machine does
    times: dict[str, list[float]] = {"cleanpage": [], "trafilatura": []}
    for n in range(args.repeat):
        for name in (("cleanpage", "trafilatura") if n % 2 == 0 else ("trafilatura", "cleanpage")):
            times[name].append(run(name))
    mc, mt = statistics.median(times["cleanpage"]), statistics.median(times["trafilatura"])
    print(f"start-up: fresh process, import + clean one page ({args.page.stat().st_size // 1000} KB), "
          f"median of {args.repeat}")
    print(f"cleanpage {mc:.2f} s   trafilatura {mt:.2f} s   ratio {mc / mt:.2f}")
    print("runs: " + "; ".join(f"{k} " + " ".join(f"{t:.2f}" for t in v) for k, v in times.items()))


_GROWTH = r"""
import json, sys, time
sys.path.insert(0, {src!r})
import cleanpage
shape, size = sys.argv[1], int(sys.argv[2])
prose = ("A paragraph of ordinary article prose, about the council's decision on the new bridge, "
         "long enough to read as body text. ")
if shape == "article":
    head = "<html><head><title>A long article</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>A long article</h1>"
    unit = "<p>Paragraph {{n}}. " + prose * 3 + "</p>\n"
    doc = head + "".join(unit.replace("{{n}}", str(n)) for n in range(max(1, size // len(unit)))) + "</article><footer>Contact us</footer></body></html>"
elif shape == "comments":
    head = "<html><head><title>A post</title></head><body><article><h1>A post</h1>" + ("<p>" + prose * 3 + "</p>") * 5 + "</article><section id='comments'><h2>Comments</h2><ol class='commentlist'>"
    item = ("<li class='comment'><div class='comment-author'>Reader {{n}}</div><time datetime='2024-03-01T10:00'>1 March 2024</time>"
            "<div class='comment-body'><p>I think the bridge is a good idea, said reader {{n}}, and so do my neighbours.</p></div></li>\n")
    parts, n, total = [head], 0, len(head)
    while total < size:
        parts.append(item.replace("{{n}}", str(n))); total += len(parts[-1]); n += 1
    doc = "".join(parts) + "</ol></section></body></html>"
else:
    doc = "A long article\n\nBy A. Writer\n\n" + "".join(f"Paragraph {{n}}. " + prose * 4 + "\n\n" for n in range(max(1, size // (len(prose) * 4 + 20))))
raw = doc.encode()
cleanpage.clean(doc[:5000], max_bytes=len(raw) + 1)
start = time.perf_counter()
page = cleanpage.clean(raw, max_bytes=len(raw) + 1)
ours = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) * 1024
theirs = None
if shape != "text" and {compare}:
    import trafilatura
    trafilatura.extract(doc[:5000])
    start = time.perf_counter()
    trafilatura.extract(raw)
    theirs = time.perf_counter() - start
print(json.dumps({{"mb": len(raw) / 1e6, "ours": ours, "theirs": theirs, "peak_mb": peak / 1e6,
                  "paragraphs": len(page.paragraphs), "responses": len(page.responses)}}))
"""


def _size(text: str) -> int:
    units = {"k": 1_000, "m": 1_000_000}
    return int(float(text[:-1]) * units[text[-1].lower()]) if text[-1].lower() in units else int(text)


def growth(args: argparse.Namespace) -> None:
    code = _GROWTH.format(src=str(ROOT / "src"), compare=not args.no_compare)
    print(f"{'shape':<9}{'size':>8}{'MB':>8}{'cleanpage s':>13}{'s/MB':>7}{'trafilatura s':>15}{'ratio':>7}"
          f"{'peak MB':>9}{'paras':>8}{'resp':>7}")
    for shape in args.shapes.split(","):
        seconds: dict[str, float] = {}
        for label in args.sizes.split(","):
            done = subprocess.run([sys.executable, "-c", code, shape, str(_size(label))], capture_output=True,
                                  text=True, check=False)
            if done.returncode != 0:
                print(f"{shape:<9}{label:>8}  failed: {done.stderr.strip()[-200:]}")
                continue
            r = json.loads(done.stdout)
            seconds[label] = r["ours"]
            theirs = "" if r["theirs"] is None else f"{r['theirs']:15.2f}{r['ours'] / r['theirs']:7.2f}"
            print(f"{shape:<9}{label:>8}{r['mb']:8.2f}{r['ours']:13.2f}{r['ours'] / r['mb']:7.2f}"
                  f"{theirs or '':>22}{r['peak_mb']:9.0f}{r['paragraphs']:8}{r['responses']:7}", flush=True)
        if "1m" in seconds and "8m" in seconds:
            print(f"{shape:<9} 8 MB / 1 MB time: {seconds['8m'] / seconds['1m']:.1f} (linear: 8, target <= 10)")
        if "1m" in seconds and "20m" in seconds:
            print(f"{shape:<9} 20 MB / 1 MB time: {seconds['20m'] / seconds['1m']:.1f} (linear: 20)")


#: (module, function, label) of the stage timer: a label indented under the stage that calls it
_STAGES = (
    ("cleanpage.pipeline.html.tree", "parse_page", "parse"),
    ("cleanpage.pipeline.html.metadata", "read_metadata", "metadata"),
    ("cleanpage.pipeline.html.metadata.arbiter", "_scan", "  visible scan"),
    ("cleanpage.pipeline.html.responses", "find_responses", "responses"),
    ("cleanpage.pipeline.html.responses", "_scan", "  comment-cue scan"),
    ("cleanpage.pipeline.html.threads", "find_posts", "  thread finder"),
    ("cleanpage.pipeline.html.blocks", "build_blocks", "block walk"),
    ("cleanpage.pipeline.html.tree", "drop_unread", "drop unread"),
    ("cleanpage.engines.trafilatura", "run_trafilatura", "engine"),
    ("cleanpage.pipeline.html.classify", "classify", "classification"),
    ("cleanpage.pipeline.html.classify", "_rule_labels", "  rule labels"),
    ("cleanpage.pipeline.html.classify", "decide", "  block model"),
    ("cleanpage.pipeline.html.decide", "features", "    features"),
    ("cleanpage.pipeline.html.decide", "main_groups", "    groups"),
    ("cleanpage.api", "attribute", "attribution"),
    ("cleanpage.api", "assemble", "assemble"),
)


def stages(args: argparse.Namespace) -> None:
    """CPU time per stage and page, each stage function wrapped with a clock (no profiler: its per-call
    cost would inflate the Python stages against the engine's C), beside trafilatura.extract."""
    import importlib

    import trafilatura

    import cleanpage

    spent: dict[str, float] = {label: 0.0 for _m, _f, label in _STAGES}

    def timed(call: Any, label: str) -> Any:
        def run(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return call(*a, **k)
            finally:
                spent[label] += time.process_time() - start
        return run

    for module, name, label in _STAGES:
        mod = importlib.import_module(module)
        setattr(mod, name, timed(getattr(mod, name), label))
    folders = args.data or [SHARED / "extraction-dev", SHARED / "wcxb-dev"]
    pages = [p for folder in folders for p in _pages([folder], args.split, args.limit)]
    for _, raw, url in pages[:args.warmup]:
        cleanpage.clean(raw, url=url)
    spent.update(dict.fromkeys(spent, 0.0))
    ours = theirs = 0.0
    for _, raw, url in pages:
        start = time.process_time()
        cleanpage.clean(raw, url=url)
        ours += time.process_time() - start
        start = time.process_time()
        trafilatura.extract(raw, url=url)
        theirs += time.process_time() - start
    n = len(pages)
    print(f"{n} pages ({args.split}), CPU ms/page; trafilatura.extract {1000 * theirs / n:.1f}, "
          f"cleanpage {1000 * ours / n:.1f} ({ours / theirs:.2f}x)")
    for label, seconds in spent.items():
        print(f"{label:<22}{1000 * seconds / n:7.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    r = sub.add_parser("ratio")
    r.add_argument("--data", type=Path, action="append")
    r.add_argument("--limit", type=int)
    r.add_argument("--split", default="all", choices=("fit", "check", "all"))
    r.add_argument("--fast", action="store_true", help="cleanpage with Options(use_trafilatura=False)")
    r.add_argument("--cpu", action="store_true",
                   help="time each call by this process's CPU time (time.process_time): steadier than the wall "
                        "clock on a loaded machine, where waiting for a core counts against whichever call waits")
    s = sub.add_parser("startup")
    s.add_argument("--repeat", type=int, default=7)
    s.add_argument("--page", type=Path, default=PAGE)
    g = sub.add_parser("growth")
    g.add_argument("--sizes", default="10k,100k,1m,8m,20m")
    g.add_argument("--shapes", default="article,comments,text")
    g.add_argument("--no-compare", action="store_true", help="cleanpage only")
    t = sub.add_parser("stages")
    t.add_argument("--data", type=Path, action="append")
    t.add_argument("--limit", type=int, default=75, help="pages per folder")
    t.add_argument("--split", default="fit", choices=("fit", "check", "all"))
    t.add_argument("--warmup", type=int, default=40, help="pages cleaned first, untimed")
    args = parser.parse_args(argv)
    {"ratio": ratio, "startup": startup, "growth": growth, "stages": stages}[args.what](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
