#!/usr/bin/env python
"""Body, comment and metadata benchmark: cleanpage beside trafilatura, readability-lxml and htmldate.

Usage::

    python benchmarks/body.py [--data DIR ...] [--splits FILE] [--split fit|check|unsplit|all]
                              [--limit N] [--json FILE] [--worst K]
                              [--engines cleanpage,trafilatura,trafilatura-precision,readability,htmldate]
                              [--jobs 1] [--timeout 60] [--no-rss] [--verbose]

``--data`` may be given several times; by default both dev folders run, ``../shared/data/extraction-dev``
and ``../shared/data/wcxb-dev`` (relative to the repository root), so one command gives every table.
Each folder holds ``evaldata.json`` and ``html/``; its format (extraction-dev snippets, or WCXB with a
whole gold text per page and gzipped pages) is detected from ``evaldata.json`` (``_datasets.py``).
Every page is ``fit``, ``check`` or ``unsplit`` (not in ``--splits``), and every table is reported per
bucket and over all of them.

What runs, in one process, page by page (engines interleaved, the starting engine rotating, after one
untimed warm-up call of each on the first page; ``_engines.py`` has the calls):

``cleanpage``              ``cleanpage.clean(raw_bytes, url=url)``; body = ``page.body``, and on WCXB
                           forum pages ``page.body`` + the responses' texts (WCXB counts every post)
``trafilatura``            ``trafilatura.extract(raw_bytes, url=url, include_comments=False)``
``trafilatura-precision``  the same with ``favor_precision=True``
``readability``            ``readability.Document(decode_file(raw)).summary(html_partial=True)`` as text
``htmldate``               ``htmldate.find_date(decode_file(raw), url=url)``, default settings; date only
(info)                     ``trafilatura.bare_extraction(raw, url=url, include_comments=True,
                           with_metadata=True)`` when ``trafilatura`` runs: its comments, its
                           title/author/date, and on forum pages its text+comments

A call that raises, times out (``--timeout``, ``signal.alarm``) or returns nothing is an error and scores
as empty text; the run goes on. Scoring is in ``_scoring.py``, its definitions in ``README.md``:
snippet P/R/F1 (micro), word-level P/R/F1 against the WCXB gold text (macro mean over pages), comment
snippets found/leaked (all, and those present in the page's visible text), metadata accuracy.

``--worst K`` lists, per folder, the K ``fit`` pages where cleanpage loses most against trafilatura
(word F1 on WCXB, TP−FP on snippet folders). It never lists a ``check`` or ``unsplit`` page: the check
pages are for accepting a change, never for finding what to change.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as _dt
import json
import logging
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

sys.path.insert(0, str(HERE))
from _aggregate import FORUM_BODY_ONLY, FORUM_WITH_COMMENTS, dataset_figures, timing_figures, worst_pages
from _datasets import (
    ALL,
    CHECK,
    DEFAULT_DATA,
    DEFAULT_SPLITS,
    FORUM,
    SPLITS,
    Dataset,
    Item,
    load_dataset,
    load_splits,
    read_page,
)
from _engines import (
    AUX,
    CANDIDATE,
    CLEANPAGE_ENGINES,
    DATE_ONLY,
    DEFAULT_ENGINES,
    DEFAULT_TIMEOUT,
    ENGINES,
    HTMLDATE,
    LABELS,
    REFERENCE,
    SELECTABLE,
    Call,
    Output,
    Runner,
    build_runner,
    engine_version,
    guarded_call,
    install_alarm,
)
from _report import print_dataset, print_rss, print_timing
from _rss import peak_rss_mib
from _scoring import (
    authors_match,
    date_matches,
    has_gold,
    has_gold_text,
    score_comments,
    score_snippets,
    snippets_present,
    title_matches,
    visible_text,
    word_prf,
)

COMMENT_ENGINES = (*CLEANPAGE_ENGINES, AUX)
"""Engines with a comment output of their own (the others only have a body to leak into)."""
META_FIELDS = {
    **{n: ("title", "author", "date") for n in (*CLEANPAGE_ENGINES, AUX)},
    HTMLDATE: ("date",),
}
"""The metadata each engine answers; htmldate finds dates only."""


# -- one page -----------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def init_worker(engines: list[str], with_aux: bool, timeout: int, warm_item: Item, verbose: bool) -> None:
    """Build the runners and warm them up once (untimed) on the first page, so that imports and lazy
    set-up are not timed on whichever page comes first."""
    if not verbose:
        logging.disable(logging.CRITICAL)
    install_alarm()
    names = list(engines) + ([AUX] if with_aux else [])
    runners = {name: build_runner(name) for name in names}
    _STATE.update(runners=runners, engines=list(engines), with_aux=with_aux, timeout=timeout)
    raw = read_page(warm_item)
    if raw is not None:
        for name in names:
            guarded_call(runners[name], raw, warm_item["url"], timeout)


def join_texts(*parts: str | None) -> str:
    """Non-blank parts joined by a blank line (how cleanpage joins paragraphs and responses)."""
    return "\n\n".join(p for p in parts if p and p.strip())


def scored_text(name: str, out: Output | None, page_type: str | None) -> str | None:
    """The text an engine's main-content scores are computed on.

    Its body; for cleanpage on a WCXB forum page the body and the responses' texts, because WCXB
    counts every post of a thread as main content while cleanpage puts the replies in
    ``page.responses`` (``Output.comments`` holds them joined by a blank line).
    """
    if out is None:
        return None
    if name in CLEANPAGE_ENGINES and page_type == FORUM:
        return join_texts(out.body, out.comments)
    return out.body


def text_scores(text: str | None, item: Item) -> dict[str, Any]:
    """Snippet counts (and the snippets that went wrong) and, with a gold text, word P/R/F1."""
    scored = score_snippets(text, item["with"], item["without"])
    entry: dict[str, Any] = {
        **{k: getattr(scored.counts, k) for k in ("tp", "fp", "fn", "tn")},
        "missed": scored.missed,
        "leaked": scored.leaked,
    }
    if has_gold_text(item["text"]):
        entry["word"] = word_prf(text, item["text"]).to_dict()
    return entry


def comment_scores(name: str, out: Output | None, gold: list[str], present: set[str]) -> dict[str, Any]:
    """Comment snippets found in the engine's comment text and leaked into its body (``page.body``
    for cleanpage, even on forum pages: a comment in the body is a leak)."""
    body = out.body if out is not None else None
    comments_text = out.comments if out is not None else None
    found, leaked = score_comments(gold, comments_text, body)
    separates = name in COMMENT_ENGINES
    return {
        "snippets": len(gold),
        "found": len(found) if separates else None,
        "leaked": len(leaked),
        "present": len(present),
        "found_present": sum(s in present for s in found) if separates else None,
        "leaked_present": sum(s in present for s in leaked),
        "not_present": [c for c in gold if c not in present],
        "missed": [c for c in gold if c not in found],
        "leaked_snippets": leaked,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def meta_scores(item: Item, out: Output | None, fields: tuple[str, ...]) -> dict[str, Any]:
    """The engine's answers and, for each field it answers with a gold value that can be scored
    (:func:`_scoring.has_gold`, the test ``metadata.py`` counts by too), whether they match."""
    answers = {
        "title": out.title if out else None,
        "author": out.authors if out else None,
        "date": out.published if out else None,
    }
    checks = {"title": title_matches, "author": authors_match, "date": date_matches}
    meta: dict[str, Any] = {f: _jsonable(answers[f]) for f in fields}
    for f in fields:
        if has_gold(f, item.get(f)):
            meta[f + "_ok"] = checks[f](item[f], answers[f])
    return meta


def engine_entry(
    name: str, call: Call, item: Item, gold_comments: list[str], present: set[str]
) -> dict[str, Any]:
    """Everything recorded for one engine on one page."""
    out = call.output
    entry: dict[str, Any] = {"ms": call.seconds * 1000.0, "error": call.error, "timeout": call.timed_out}
    if name not in DATE_ONLY:
        text = scored_text(name, out, item["page_type"])
        entry.update(empty=call.error is None and not (text and text.strip()), chars=len(text or ""))
        if name in CLEANPAGE_ENGINES and item["page_type"] == FORUM:
            entry["scored_on"] = "page.body + responses"
        entry.update(text_scores(text, item))
        if gold_comments:
            entry["comments"] = comment_scores(name, out, gold_comments, present)
        elif item["comments"] is not None and name in COMMENT_ENGINES and out is not None:
            # annotated as having no comments: did the engine still return comment text?
            entry["comment_text_on_no_comment_page"] = bool(out.comments and out.comments.strip())
    if name in META_FIELDS:
        entry["meta"] = meta_scores(item, out, META_FIELDS[name])
    return entry


def forum_variants(calls: dict[str, Call], item: Item) -> dict[str, Any]:
    """The two info scorings of a forum page: cleanpage on ``page.body`` alone, trafilatura on its
    text + comments (``include_comments=True``)."""
    variants: dict[str, Any] = {}
    if CANDIDATE in calls:
        out = calls[CANDIDATE].output
        variants[FORUM_BODY_ONLY] = text_scores(out.body if out else None, item)
    if AUX in calls:
        out = calls[AUX].output
        variants[FORUM_WITH_COMMENTS] = text_scores(join_texts(out.body, out.comments) if out else None, item)
    return variants


def outputs_for_analysis(calls: dict[str, Call]) -> dict[str, Any]:
    """What cleanpage returned (``page.to_dict()``) and trafilatura's body, for error analysis."""
    clean = calls.get(CANDIDATE)
    traf = calls.get(REFERENCE)
    return {
        CANDIDATE: clean.output.record if clean and clean.output else None,
        REFERENCE: traf.output.body if traf and traf.output else None,
    }


def run_page(job: tuple[int, Item]) -> dict[str, Any]:
    """Run every engine on one page (interleaved, rotating start) and score the answers."""
    index, item = job
    runners: dict[str, Runner] = _STATE["runners"]
    engines: list[str] = _STATE["engines"]
    timeout: int = _STATE["timeout"]
    record: dict[str, Any] = {k: item[k] for k in ("dataset", "key", "url", "file", "split", "page_type")} | {
        "gold_text": has_gold_text(item["text"]),
        "engines": {},
    }
    raw = read_page(item)
    if raw is None:
        record["missing"] = True
        return record
    shift = index % len(engines)
    order = engines[shift:] + engines[:shift]
    calls = {name: guarded_call(runners[name], raw, item["url"], timeout) for name in order}
    if _STATE["with_aux"]:
        calls[AUX] = guarded_call(runners[AUX], raw, item["url"], timeout)

    gold_comments = [c for c in (item["comments"] or []) if c and c.strip()]
    present = set(snippets_present(gold_comments, visible_text(raw))) if gold_comments else set()
    for name, call in calls.items():
        record["engines"][name] = engine_entry(name, call, item, gold_comments, present)
    if item["page_type"] == FORUM:
        record["forum_variants"] = forum_variants(calls, item)
    if item["split"] != CHECK:  # check pages are never looked at page by page
        record["output"] = outputs_for_analysis(calls)
    return record


# -- peak memory in a child process -------------------------------------------------------------


def rss_child(engine: str, pages_file: Path, timeout: int) -> int:
    """Internal: run one engine alone over the pages listed in ``pages_file`` and print its peak RSS
    as JSON.

    The child reads a list of page paths and URLs, not the folders' ``evaldata.json``: parsing the
    WCXB gold texts alone peaks at ~150 MiB, which would hide the engine's own peak.
    """
    logging.disable(logging.CRITICAL)
    install_alarm()
    items: list[Item] = json.loads(pages_file.read_text(encoding="utf-8"))
    runner = build_runner(engine)
    pages = errors = 0
    if items:
        raw = read_page(items[0])
        if raw is not None:
            guarded_call(runner, raw, items[0]["url"], timeout)
    after_warmup, _ = peak_rss_mib()
    for item in items:
        raw = read_page(item)
        if raw is None:
            continue
        pages += 1
        call = guarded_call(runner, raw, item["url"], timeout)
        errors += call.error is not None
        del call, raw
    peak, source = peak_rss_mib()
    result = {
        "engine": engine,
        "pages": pages,
        "errors": errors,
        "peak_rss_after_warmup_mib": round(after_warmup, 1),
        "peak_rss_mib": round(peak, 1),
        "source": source,
    }
    print(json.dumps(result))
    return 0


def measure_rss(engine: str, items: list[Item], timeout: int) -> dict[str, Any]:
    """Run :func:`rss_child` in a fresh process over the same pages and read its answer."""
    with tempfile.TemporaryDirectory() as tmp:
        pages_file = Path(tmp) / "pages.json"
        pages_file.write_text(
            json.dumps([{"path": it["path"], "url": it["url"]} for it in items]), encoding="utf-8"
        )
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--rss-child",
            engine,
            "--rss-pages",
            str(pages_file),
        ]
        proc = subprocess.run([*cmd, "--timeout", str(timeout)], check=False, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"engine": engine, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    try:
        result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"engine": engine, "error": "no result from the child process"}
    return result


# -- arguments and data -------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--data",
        action="append",
        metavar="DIR",
        help="dataset folder; repeat for several (default: both dev folders, relative to the repository root)",
    )
    p.add_argument(
        "--splits",
        metavar="FILE",
        help=f"page → fit/check file (default: {DEFAULT_SPLITS} relative to the repository root)",
    )
    p.add_argument(
        "--split",
        choices=(*SPLITS, ALL),
        default=ALL,
        help="run only the pages of this bucket (default: all)",
    )
    p.add_argument("--limit", type=int, help="only the first N pages of each folder, in sorted-key order")
    p.add_argument("--json", dest="json_path", help="write all figures and per-page results to this file")
    p.add_argument(
        "--worst", type=int, default=0, metavar="K", help="list the K fit pages where cleanpage loses most"
    )
    p.add_argument(
        "--engines", default=",".join(DEFAULT_ENGINES), help=f"comma-separated subset of {','.join(SELECTABLE)}"
    )
    p.add_argument(
        "--jobs", type=int, default=1, help="worker processes (default 1; >1 makes timings meaningless)"
    )
    p.add_argument(
        "--timeout", type=int, default=DEFAULT_TIMEOUT, help="seconds per engine call (0: no limit)"
    )
    p.add_argument("--no-rss", action="store_true", help="skip the peak-memory child processes")
    p.add_argument("--verbose", action="store_true", help="let the engines log")
    p.add_argument("--rss-child", metavar="ENGINE", help=argparse.SUPPRESS)
    p.add_argument("--rss-pages", metavar="FILE", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    names = [n.strip() for n in args.engines.split(",") if n.strip()]
    unknown = [n for n in names if n not in SELECTABLE]
    if unknown or not names:
        p.error(f"unknown engine(s) {unknown}; choose from {', '.join(SELECTABLE)}")
    args.names = [n for n in SELECTABLE if n in names]  # canonical order
    if args.limit is not None and args.limit < 1:
        p.error("--limit must be positive")
    if args.jobs < 1:
        p.error("--jobs must be >= 1")
    args.data_dirs = (
        [Path(d).resolve() for d in args.data] if args.data else [(REPO / d).resolve() for d in DEFAULT_DATA]
    )
    if len({d.name for d in args.data_dirs}) < len(args.data_dirs):
        p.error(
            "two --data folders with the same name: the name is the key in the splits file and the report"
        )
    args.splits_path = resolve_splits(args.splits)
    return args


def resolve_splits(arg: str | None) -> Path | None:
    """``--splits`` as given (relative to the working directory; it must exist), or the default
    relative to the repository root when it exists (else None: every page is ``unsplit``)."""
    if arg:
        return Path(arg).resolve()
    default = (REPO / DEFAULT_SPLITS).resolve()
    return default if default.is_file() else None


def load_all(args: argparse.Namespace) -> list[Dataset]:
    """Every ``--data`` folder, restricted to ``--split`` and ``--limit``; raises on a bad folder."""
    splits = load_splits(args.splits_path)
    datasets = []
    for d in args.data_dirs:
        if not (d / "evaldata.json").is_file():
            raise FileNotFoundError(f"no evaldata.json in {d}")
        datasets.append(load_dataset(d, splits, args.split, args.limit))
    return datasets


# -- the run ------------------------------------------------------------------------------------


def run_all(
    items: list[Item], names: list[str], with_aux: bool, args: argparse.Namespace
) -> list[dict[str, Any]]:
    """Every page through every engine, in one process (or ``--jobs`` workers)."""
    started = time.perf_counter()
    jobs = list(enumerate(items))
    init_args = (names, with_aux, args.timeout, items[0], args.verbose)
    if args.jobs > 1:
        with concurrent.futures.ProcessPoolExecutor(
            args.jobs, initializer=init_worker, initargs=init_args
        ) as pool:
            return list(pool.map(run_page, jobs, chunksize=4))
    init_worker(*init_args)
    records = []
    for i, job in enumerate(jobs, 1):
        records.append(run_page(job))
        if i % 50 == 0:
            print(f"  {i}/{len(jobs)} pages, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return records


def check_engines(names: list[str]) -> str | None:
    """The error message for the first engine that cannot be imported, else None."""
    for name in names:
        try:
            build_runner(name)
        except ImportError as exc:
            return f"engine {name!r} is not available ({exc}); choose others with --engines"
    return None


def describe(datasets: list[Dataset]) -> str:
    """One line per folder: its name, format and pages per bucket."""
    lines = []
    for d in datasets:
        counts = {s: sum(it["split"] == s for it in d.items) for s in SPLITS}
        buckets = ", ".join(f"{s} {n}" for s, n in counts.items() if n)
        lines.append(f"data: {d.name} ({d.kind}, {d.path}): {len(d.items)} pages ({buckets})")
    return "\n".join(lines)


def print_header(datasets: list[Dataset], args: argparse.Namespace, versions: dict[str, str]) -> None:
    """What runs on what: folders and buckets, the splits file, the versions."""
    print(describe(datasets))
    print(f"splits: {args.splits_path or 'none (every page is unsplit)'}")
    print(
        f"python {platform.python_version()}  " + "  ".join(f"{LABELS[n]} {v}" for n, v in versions.items())
    )
    if args.jobs > 1:
        print(f"warning: --jobs {args.jobs}: calls run concurrently; timings and ratios are not comparable")


def pick_candidate(names: list[str]) -> str | None:
    """The engine ``--worst`` holds against trafilatura: cleanpage, else the first other body engine."""
    if REFERENCE not in names:
        return None
    if CANDIDATE in names:
        return CANDIDATE
    return next((n for n in names if n in ENGINES and n != REFERENCE), None)


def report(
    datasets: list[Dataset], records: list[dict[str, Any]], all_names: list[str], args: argparse.Namespace
) -> dict[str, Any]:
    """Sum, print every table, measure memory; return the figures for the JSON."""
    candidate = pick_candidate(all_names)
    figures: dict[str, Any] = {}
    worst: dict[str, Any] = {}
    for d in datasets:
        recs = [r for r in records if r["dataset"] == d.name]
        figures[d.name] = dataset_figures(d, recs, all_names)
        if args.worst and candidate:
            worst[d.name] = worst_pages(recs, candidate, args.worst, d.has_gold_text)
        print_dataset(d, figures[d.name], all_names, worst.get(d.name), candidate, args.worst)
    timing = timing_figures(datasets, records, all_names)
    print_timing(timing, all_names)
    items = [it for d in datasets for it in d.items]
    rss = [
        measure_rss(n, items, args.timeout)
        for n in (CANDIDATE, REFERENCE)
        if n in args.names and not args.no_rss
    ]
    print_rss(rss, sum(not r.get("missing") for r in records))
    if args.worst and not candidate:
        print("\n--worst needs trafilatura and one other body engine")
    return {
        "datasets": figures,
        "timing": timing,
        "rss": rss,
        "worst": {"candidate": candidate, "pages": worst} if args.worst else None,
    }


def write_json(
    path: Path,
    argv: list[str] | None,
    args: argparse.Namespace,
    datasets: list[Dataset],
    versions: dict[str, str],
    wall: float,
    figures: dict[str, Any],
    records: list[dict[str, Any]],
) -> None:
    """Every figure, how it was made, and the per-page records."""
    meta = {
        "command": [Path(sys.argv[0]).name, *sys.argv[1:]] if argv is None else ["body.py", *argv],
        "datasets": {d.name: {"path": str(d.path), "kind": d.kind, "pages": len(d.items)} for d in datasets},
        "splits_file": str(args.splits_path) if args.splits_path else None,
        "split": args.split,
        "engines": args.names,
        "versions": versions,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "jobs": args.jobs,
        "timeout_s": args.timeout,
        "wall_s": wall,
        "when": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "notes": NOTES,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    out = {"meta": meta, **figures, "pages": records}
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"figures written to {path}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.rss_child and args.rss_pages:
        return rss_child(args.rss_child, Path(args.rss_pages), args.timeout)
    try:
        datasets = load_all(args)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.verbose:
        logging.disable(logging.CRITICAL)
    names: list[str] = args.names
    problem = check_engines(names)
    items = [item for d in datasets for item in d.items]
    if problem or not items:
        print(f"error: {problem or 'no pages'}", file=sys.stderr)
        return 2
    with_aux = REFERENCE in names
    versions = {name: engine_version(name) for name in names}
    print_header(datasets, args, versions)

    started = time.perf_counter()
    records = run_all(items, names, with_aux, args)
    wall = time.perf_counter() - started
    figures = report(datasets, records, names + ([AUX] if with_aux else []), args)
    print(f"\nwall time {wall:.1f} s")
    if args.json_path:
        write_json(Path(args.json_path), argv, args, datasets, versions, wall, figures, records)
    return 0


NOTES = {
    "trafilatura": "extract(raw, url=url, include_comments=False), defaults otherwise",
    "trafilatura-precision": "extract(raw, url=url, include_comments=False, favor_precision=True)",
    "readability": "Document(decode_file(raw)).summary(html_partial=True), one line per block",
    "htmldate": "find_date(htmldate.utils.decode_file(raw), url=url), default settings; date only",
    AUX: "bare_extraction(raw, url=url, include_comments=True, with_metadata=True): comments, metadata, forum info",
    "forum": "on WCXB forum pages cleanpage is scored on page.body + its responses' texts joined by a blank line",
    "output": "pages[].output (cleanpage page.to_dict(), trafilatura body) is kept for fit and unsplit pages only",
}


if __name__ == "__main__":
    sys.exit(main())
