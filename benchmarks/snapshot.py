"""Write cleanpage's whole output for every page of a dataset, one JSON line per page, for diffing.

A refactor that must not change output is checked by running this before and after and comparing
the two files (``cmp`` or ``diff``): every field of every page, ``removed`` included. Pages are
cleaned in sorted order, in parallel, and written in that order, so the same code gives the same
file byte for byte.

Usage::

    python benchmarks/snapshot.py OUT.jsonl [--data DIR ...] [--dumps DIR] [--jobs N]

``--data`` takes dataset folders (``evaldata.json`` + ``html/``; default both dev folders under
``../shared/data``); ``--dumps`` adds the ``.txt`` files of a folder tree (e.g. ``make_dumps.py`` output)
to exercise the text path.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))


def _pages(data_dirs: list[Path], dumps: Path | None) -> Iterator[tuple[str, Path, str | None]]:
    for data in data_dirs:
        gold = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
        for key in sorted(gold):
            item = gold[key]
            url = item.get("url") or (key if key.startswith(("http://", "https://")) else None)
            yield f"{data.name}/{item['file']}", data / "html" / item["file"], url
    if dumps is not None:
        for path in sorted(dumps.rglob("*.txt")):
            yield f"dumps/{path.relative_to(dumps)}", path, None


def _one(job: tuple[str, str, str | None]) -> str:
    import cleanpage

    name, path, url = job
    raw = Path(path).read_bytes()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    try:
        out = cleanpage.clean(raw, url=url).to_dict()
    except cleanpage.CleanpageError as exc:
        out = {"error": type(exc).__name__, "message": str(exc)}
    return json.dumps({"page": name, **out}, ensure_ascii=False, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out")
    p.add_argument("--data", nargs="*", type=Path,
                   default=[SHARED / "extraction-dev", SHARED / "wcxb-dev"])
    p.add_argument("--dumps", type=Path)
    p.add_argument("--seed", type=Path, default=SHARED / "seed")
    p.add_argument("--jobs", type=int, default=2)
    args = p.parse_args(argv)
    jobs = [(name, str(path), url) for name, path, url in _pages(args.data, args.dumps)]
    if args.seed and args.seed.is_dir():
        jobs += [(f"seed/{q.name}", str(q), None) for q in sorted(args.seed.iterdir())]
    with ProcessPoolExecutor(args.jobs) as pool, open(args.out, "w", encoding="utf-8") as out:
        for line in pool.map(_one, jobs, chunksize=8):
            out.write(line + "\n")
    print(f"{len(jobs)} pages -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
