"""Score cleanpage's text path on plain-text dumps of the development pages, beside trafilatura.

For each dump style written by ``make_dumps.py`` (``inscriptis``, ``blocks``, ``wrapped72``...), every page's
dump is given, in the same run, to

- ``cleanpage``: ``cleanpage.clean(text, kind="text")`` (body = ``page.body``, responses =
  ``page.responses``); a ``cleanpage.CleanpageError`` counts as an error (empty body);
- ``trafilatura``: the dump wrapped line by line in ``<p>`` (the usual way to feed it text), body from
  ``trafilatura.extract(..., include_comments=False)``, comments from ``bare_extraction(...,
  include_comments=True).comments`` (only the body call is timed);
- ``whole dump``: the dump itself as the body, a reference row: its recall is the ceiling any engine can
  reach on that style, its precision what keeping everything scores.

Every figure is given for the ``fit`` and ``check`` halves of the pages (``splits.json``, by web domain: the
page the dump was made from decides) beside the whole set.

Scores are those of the HTML benchmark (issue 4): a ``with`` snippet found in the body is a true positive,
not found a false negative; a ``without`` snippet found in the body is a false positive; P, R and F1 are
summed over all snippets of all pages. Comment snippets (pages whose ``comments`` list is not empty) are
*found* when they occur in the responses text and *leaked* when they occur in the body. Whitespace is
normalised on both sides before matching (a hard-wrapped dump has newlines inside sentences).

Usage::

    python benchmarks/text.py [--dumps DIR] [--limit N] [--json FILE] [--styles a,b,c] [--engines a,b]
                              [--splits FILE]

If the dumps are missing, they are generated first (``make_dumps.py`` with its defaults).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_dumps
from _datasets import CHECK, DEFAULT_SPLITS, FIT, UNSPLIT, load_splits
from _scoring import (
    CommentTally,
    Counts,
    contains,
    median,
    normalize_ws,
    safe_ratio,
    score_comments,
    score_snippets,
)

DEFAULT_DUMPS = make_dumps.DEFAULT_OUT

# --------------------------------------------------------------------------------------------- scoring
# The shared definitions of benchmarks/_scoring.py (the same as body.py's), summed per engine and style.


@dataclass
class Tally:
    counts: Counts = field(default_factory=Counts)
    comments: CommentTally = field(default_factory=CommentTally)
    comments_in_dump: int = 0
    pages: int = 0
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    ms: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        c, ct = self.counts, self.comments
        scored = ct.total > 0  # no comment snippets at all: no comment figures
        return {
            "precision": round(c.precision, 4),
            "recall": round(c.recall, 4),
            "f1": round(c.f1, 4),
            "counts": c.to_dict(),
            "comments_found": None if ct.recall is None or not scored else round(ct.recall, 4),
            "comments_leaked": round(ct.leak_rate, 4) if scored else None,
            "comments_found_of_reachable": (
                None
                if ct.found is None or not self.comments_in_dump
                else round(safe_ratio(ct.found, self.comments_in_dump), 4)
            ),
            "comments": {**ct.to_dict(), "in_dump": self.comments_in_dump},
            "pages": self.pages,
            "errors": self.errors,
            "error_kinds": dict(sorted(self.error_kinds.items())),
            "ms_median": round(median(self.ms), 2),
            "ms_total": round(sum(self.ms), 1),
        }


def score_page(record: dict[str, Any], body: str, responses: str | None, dump: str) -> dict[str, Any]:
    """One page for one engine: snippet counts, the missed/leaked snippets, comment outcome.

    ``responses`` is ``None`` for an engine that does not separate comments.
    """
    snippets = score_snippets(body, record.get("with", []), record.get("without", []))
    comments = [s for s in record.get("comments") or [] if normalize_ws(s)]
    found, leaked = score_comments(comments, responses, body)
    dump_n = normalize_ws(dump)
    return {
        "counts": snippets.counts,
        "missed": snippets.missed,
        "leaked": snippets.leaked,
        "comments": len(comments),
        "comments_in_dump": sum(1 for s in comments if contains(dump_n, s)),
        "comments_found": None if responses is None else found,
        "comments_leaked": leaked,
    }


def add(tally: Tally, outcome: dict[str, Any]) -> None:
    tally.counts.add(outcome["counts"])
    if outcome["comments"]:
        ct = tally.comments
        ct.pages += 1
        ct.total += outcome["comments"]
        ct.leaked += len(outcome["comments_leaked"])
        if outcome["comments_found"] is None:
            ct.found = None
        elif ct.found is not None:
            ct.found += len(outcome["comments_found"])
        tally.comments_in_dump += outcome["comments_in_dump"]


# --------------------------------------------------------------------------------------------- engines
# Each engine takes the dump text and returns (body, responses text or None when it has no comment output).

Engine = Callable[[str], tuple[str, str | None]]


def wrap_lines(text: str) -> str:
    """The dump as HTML, one ``<p>`` per non-blank line."""
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return "<html><body>" + paras + "</body></html>"


def run_trafilatura(text: str) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(wrap_lines(text), include_comments=False) or "", ""


def trafilatura_comments(text: str) -> str:
    """Comments figure only, not timed: a second call with ``include_comments=True``."""
    import trafilatura

    doc = trafilatura.bare_extraction(wrap_lines(text), include_comments=True)
    return (getattr(doc, "comments", None) or "") if doc is not None else ""


def load_cleanpage() -> Any | None:
    """The ``cleanpage`` module if its ``clean`` exists (from ``src/`` when not installed), else ``None``.

    The package is being written while this benchmark runs: any failure to import it is reported, not raised.
    """
    src = str(ROOT / "src")
    if src not in sys.path:
        sys.path.append(src)  # an installed cleanpage, if any, comes first
    try:
        import cleanpage
    except Exception as exc:  # noqa: BLE001 -- a half-written package must not stop the trafilatura run
        print(f"cleanpage does not import ({type(exc).__name__}: {exc})", file=sys.stderr)
        return None
    return cleanpage if callable(getattr(cleanpage, "clean", None)) else None


def make_cleanpage_engine(cleanpage: Any) -> Engine:
    def run(text: str) -> tuple[str, str | None]:
        page = cleanpage.clean(text, kind="text")
        return page.body, "\n\n".join(r.text for r in page.responses)

    return run


def run_whole(text: str) -> tuple[str, str | None]:
    return text, None


# --------------------------------------------------------------------------------------------- benchmark


def ensure_dumps(dumps: Path, styles: Sequence[str], data: Path | None) -> str | None:
    """Generate the dumps when missing; returns an error message when that is not possible."""
    missing = not (dumps / "evaldata.json").is_file() or any(not (dumps / s).is_dir() for s in styles)
    if not missing:
        return None
    source = data or make_dumps.DEFAULT_DATA
    if not (source / "evaldata.json").is_file():
        return (
            f"no dumps in {dumps} and no pages in {source} to make them from: "
            f"run python benchmarks/make_dumps.py --data DIR --out {dumps}"
        )
    known = [s for s in styles if s in make_dumps.STYLES]
    print(f"dumps missing in {dumps}: running make_dumps ({source})", file=sys.stderr)
    make_dumps.make_dumps(source, dumps, styles=known or tuple(make_dumps.STYLES))
    return None


def benchmark(
    dumps: Path,
    styles: Sequence[str],
    engines: dict[str, Engine],
    *,
    limit: int | None = None,
    cleanpage_errors: tuple[type[BaseException], ...] = (),
    split_of: dict[str, str] | None = None,
) -> dict[str, Any]:
    """All engines on all styles, page by page in the same run; returns tallies and per-page outcomes.

    ``split_of`` maps a page's URL to ``fit``/``check``: each engine's figures are also given per half
    (``splits``)."""
    with open(dumps / "evaldata.json", encoding="utf-8") as f:
        records: dict[str, dict[str, Any]] = json.load(f)
    items = list(records.items())[:limit] if limit is not None else list(records.items())
    split_of = split_of or {}
    results: dict[str, Any] = {}
    for style in styles:
        tallies = {name: Tally() for name in engines}
        halves = {name: {FIT: Tally(), CHECK: Tally()} for name in engines}
        pages: list[dict[str, Any]] = []
        for url, record in items:
            path = dumps / style / record["file"]
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            split = split_of.get(url, UNSPLIT)
            page_out: dict[str, Any] = {"url": url, "file": record["file"], "split": split, "engines": {}}
            for name, engine in engines.items():
                tally = tallies[name]
                half = halves[name].get(split)
                tally.pages += 1
                error = None
                t0 = time.perf_counter()
                try:
                    body, responses = engine(text)
                except Exception as exc:  # noqa: BLE001 -- every failure is counted, the run goes on
                    body, responses = "", ""
                    error = type(exc).__name__
                    if not isinstance(exc, cleanpage_errors):
                        error = f"unexpected {error}: {exc}"[:200]
                ms = (time.perf_counter() - t0) * 1000
                tally.ms.append(ms)
                if error is not None:
                    tally.errors += 1
                    key = error.split(":")[0]
                    tally.error_kinds[key] = tally.error_kinds.get(key, 0) + 1
                if name == "trafilatura":
                    try:
                        responses = trafilatura_comments(text)
                    except Exception:  # noqa: BLE001, S110 -- the body call already counts the failure
                        pass
                outcome = score_page(record, body, responses, text)
                add(tally, outcome)
                if half is not None:
                    half.pages += 1
                    half.errors += error is not None
                    half.ms.append(ms)
                    add(half, outcome)
                page_out["engines"][name] = {
                    "ms": round(ms, 2),
                    "error": error,
                    **outcome,
                    "counts": outcome["counts"].to_dict(),
                }
            pages.append(page_out)
        results[style] = {"engines": {n: t.figures() for n, t in tallies.items()},
                          "splits": {n: {h: t.figures() for h, t in by.items() if t.pages}
                                     for n, by in halves.items()},
                          "pages": pages}
    return results


def format_table(style: str, figures: dict[str, dict[str, Any]],
                 splits: dict[str, dict[str, dict[str, Any]]] | None = None) -> str:
    """One markdown table: a row per engine and half (``fit``, ``check``, then ``all``)."""

    def num(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}"

    first = next(iter(figures.values()))
    c, ct = first["counts"], first["comments"]
    head = (
        f"## {style}  ({first['pages']} pages, {c['snippets_with']} with / {c['snippets_without']} without "
        f"snippets; {ct['snippets']} comment snippets on {ct['pages']} pages, {ct['in_dump']} of them in the dumps)"
    )
    rows = [
        "| engine | split | P | R | F1 | comments found | (of those in dump) | comments leaked | errors "
        "| ms/page median |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines = [(name, half, f) for name, by in (splits or {}).items() for half, f in by.items()]
    lines += [(name, "all", f) for name, f in figures.items()]
    for name, half, f in sorted(lines, key=lambda x: (list(figures).index(x[0]), (FIT, CHECK, "all").index(x[1]))):
        rows.append(
            f"| {name} | {half} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} | {num(f['comments_found'])} "
            f"| {num(f['comments_found_of_reachable'])} | {num(f['comments_leaked'])} | {f['errors']} "
            f"| {f['ms_median']:.2f} |"
        )
    return head + "\n\n" + "\n".join(rows)


def _split_of(dumps: Path, splits_path: Path, data: Path | None) -> dict[str, str]:
    """Each dumped page's URL → ``fit``/``check``, from the split of the page it was made from (the dumps'
    manifest names that folder); ``{}`` when the splits file or the folder is missing."""
    manifest = dumps / "manifest.json"
    source = data or (Path(json.loads(manifest.read_text())["data"]) if manifest.is_file() else make_dumps.DEFAULT_DATA)
    if not splits_path.is_file() or not (source / "evaldata.json").is_file():
        print(f"no splits ({splits_path}) or no source pages ({source}): figures for all pages only", file=sys.stderr)
        return {}
    assigned = load_splits(splits_path).get(source.name, {})
    with open(source / "evaldata.json", encoding="utf-8") as f:
        evaldata: dict[str, dict[str, Any]] = json.load(f)
    return {url: assigned.get(str(entry.get("file")), UNSPLIT) for url, entry in evaldata.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dumps", type=Path, default=DEFAULT_DUMPS, help="make_dumps output (default: %(default)s)"
    )
    parser.add_argument("--data", type=Path, default=None, help="pages to make the dumps from, when missing")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--splits", type=Path, default=ROOT / DEFAULT_SPLITS,
                        help="page → fit/check file (default: %(default)s; missing: no halves)")
    parser.add_argument("--json", type=Path, default=None, help="write all figures and per-page outcomes")
    parser.add_argument(
        "--styles", default=None, help="comma-separated (default: every style in the manifest)"
    )
    parser.add_argument(
        "--engines",
        default="cleanpage,trafilatura,whole dump",
        help="comma-separated subset of: cleanpage, trafilatura, whole dump (default: all)",
    )
    args = parser.parse_args(argv)

    if args.styles:
        styles = [s.strip() for s in args.styles.split(",") if s.strip()]
    else:
        manifest = args.dumps / "manifest.json"
        styles = json.loads(manifest.read_text())["styles"] if manifest.is_file() else list(make_dumps.STYLES)
    problem = ensure_dumps(args.dumps, styles, args.data)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    missing_styles = [s for s in styles if not (args.dumps / s).is_dir()]
    if missing_styles:
        print(f"no dumps for style(s) {missing_styles} in {args.dumps}", file=sys.stderr)
        return 2

    wanted = [e.strip() for e in args.engines.split(",") if e.strip()]
    engines: dict[str, Engine] = {}
    cleanpage_errors: tuple[type[BaseException], ...] = ()
    if "cleanpage" in wanted:
        cleanpage = load_cleanpage()
        if cleanpage is None:
            print("cleanpage.clean is not importable yet: running without it", file=sys.stderr)
        else:
            engines["cleanpage"] = make_cleanpage_engine(cleanpage)
            cleanpage_errors = (cleanpage.CleanpageError,)
    if "trafilatura" in wanted:
        engines["trafilatura"] = run_trafilatura
    if "whole dump" in wanted:
        engines["whole dump"] = run_whole
    if not engines:
        print("no engine to run", file=sys.stderr)
        return 2

    results = benchmark(args.dumps, styles, engines, limit=args.limit, cleanpage_errors=cleanpage_errors,
                        split_of=_split_of(args.dumps, args.splits, args.data))
    for style in styles:
        figures = results[style]["engines"]
        print(format_table(style, figures, results[style]["splits"]))
        print()
        for name, f in figures.items():
            if f["error_kinds"]:
                print(f"errors of {name}: {f['error_kinds']}")
        if "cleanpage" in figures and "trafilatura" in figures and figures["trafilatura"]["ms_median"]:
            ratio = figures["cleanpage"]["ms_median"] / figures["trafilatura"]["ms_median"]
            figures["cleanpage"]["ms_ratio_to_trafilatura"] = round(ratio, 3)
            print(f"cleanpage / trafilatura median ms (same run): {ratio:.2f}")
            print()
    print(
        "P/R/F1 over with/without snippets, whitespace-normalised (benchmarks/_scoring.py); comments over the comment "
        "snippets of pages that have them; ms = the body call only; 'whole dump' = the dump itself as the body "
        "(its recall is the ceiling, its comments leaked = share of comment snippets present in the dumps)."
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "command": "python benchmarks/text.py " + " ".join(sys.argv[1:] if argv is None else argv),
            "dumps": str(args.dumps),
            "styles": styles,
            "limit": args.limit,
            "results": results,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
