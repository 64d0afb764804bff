#!/usr/bin/env python
"""Body, comment and metadata benchmark: cleanpage beside trafilatura and readability-lxml.

Usage::

    python benchmarks/body.py [--data DIR] [--limit N] [--json FILE] [--worst K]
                              [--engines cleanpage,trafilatura,trafilatura-precision,readability]
                              [--jobs 1] [--timeout 60] [--no-rss] [--verbose]

``DIR`` defaults to ``../shared/data/extraction-dev`` relative to the repository root (the parent
of ``benchmarks/``); it holds ``evaldata.json`` (URL → ``file``, ``with``, ``without`` and optional
``comments``, ``title``, ``author``, ``date``) and ``html/`` with the saved pages.

What runs, in one process, on the same pages in sorted-URL order (``--limit N``: the first N):

``cleanpage``              ``cleanpage.clean(raw_bytes, url=url)``; body = ``page.body``
``trafilatura``            ``trafilatura.extract(raw_bytes, url=url, include_comments=False)``, otherwise
                           the defaults (trafilatura 2.x defaults to ``include_comments=True``; the
                           comparison is of the article body, so comments are switched off)
``trafilatura-precision``  the same with ``favor_precision=True``
``readability``            ``readability.Document(decode_file(raw)).summary(html_partial=True)``; the
                           HTML fragment is turned into text, one line per block element (untimed)

When ``trafilatura`` is selected, one more call per page,
``trafilatura.bare_extraction(raw, url=url, include_comments=True, with_metadata=True)``, supplies
trafilatura's comments (table 2) and title/author/date (table 3). It is timed for information only.

Engines are interleaved page by page (the starting engine rotates from page to page so that no engine
always runs right after another), after one untimed warm-up call of every engine on the first page.
Each call is timed with ``time.perf_counter`` around the engine call only, and guarded by a
``signal.alarm`` (POSIX) of ``--timeout`` seconds: a call that raises, times out, or returns
``None``/empty text is an error and scores as empty text; the run goes on.

Peak memory: a separate child process (``--rss-child ENGINE``, internal) runs only that engine,
sequentially, over the same pages and reports its peak resident set size after
imports and warm-up and at the end (Linux: ``VmHWM`` from /proc, since ``ru_maxrss`` survives
fork+exec and would report the parent's size). It is done for ``cleanpage`` and, as a reference, for
``trafilatura``, when they are selected (``--no-rss`` skips it).

Metrics (exact definitions in ``benchmarks/_scoring.py`` and ``benchmarks/README.md``):

* body: whitespace-normalised substring match of every ``with``/``without`` snippet; TP/FN/FP/TN
  summed over pages; precision, recall, F1, accuracy;
* comments, on pages with a non-empty ``comments`` list: snippets found in the engine's comment text
  (cleanpage: responses joined by a blank line) and leaked into its body;
* metadata, on pages with a non-empty gold value: title exact match after whitespace/case
  normalisation; author = every gold name contained (case-insensitive) in the joined authors; date =
  the same calendar day.

``--worst K`` lists the K pages where cleanpage's TP−FP is lowest relative to trafilatura's on the same
page, with the snippets it missed or leaked and what trafilatura did with them.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as _dt
import json
import logging
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = "../shared/data/extraction-dev"

sys.path.insert(0, str(HERE))
from _engines import (
    AUX,
    CANDIDATE,
    DEFAULT_TIMEOUT,
    ENGINES,
    LABELS,
    REFERENCE,
    Output,
    Runner,
    build_runner,
    engine_version,
    guarded_call,
    install_alarm,
)
from _scoring import (
    CommentTally,
    Counts,
    MetaTally,
    authors_match,
    date_matches,
    median,
    safe_ratio,
    score_comments,
    score_snippets,
    snippets_present,
    title_matches,
    visible_text,
)

# -- the dataset --------------------------------------------------------------------------------


def resolve_data(arg: str | None) -> Path:
    """``--data`` as given (relative to the working directory), or the default relative to the repo."""
    return Path(arg).resolve() if arg else (REPO / DEFAULT_DATA).resolve()


def page_url(key: str) -> str | None:
    """The URL handed to the engines: the evaldata key when it is an http(s) URL, else None
    (the dev set also has keys like ``hard::site.name.html``)."""
    return key if key.startswith(("http://", "https://")) else None


def load_items(data_dir: Path, limit: int | None) -> list[dict[str, Any]]:
    """The evaldata entries in sorted-key order, each with its ``key`` and ``url``; the first ``limit``."""
    with open(data_dir / "evaldata.json", encoding="utf-8") as f:
        evaldata: dict[str, dict[str, Any]] = json.load(f)
    items = [dict(evaldata[key], key=key, url=page_url(key)) for key in sorted(evaldata)]
    return items[:limit] if limit is not None else items


def read_page(data_dir: Path, item: dict[str, Any]) -> bytes | None:
    path = data_dir / "html" / str(item["file"])
    try:
        return path.read_bytes()
    except OSError:
        return None


# -- one page -----------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def init_worker(
    engines: list[str], with_aux: bool, data_dir: str, timeout: int, warm_item: dict[str, Any], verbose: bool
) -> None:
    """Build the runners and warm them up once (untimed) on the first page."""
    if not verbose:
        logging.disable(logging.CRITICAL)
    install_alarm()
    names = list(engines) + ([AUX] if with_aux else [])
    runners = {name: build_runner(name) for name in names}
    _STATE.update(
        runners=runners, engines=list(engines), with_aux=with_aux, data_dir=Path(data_dir), timeout=timeout
    )
    raw = read_page(Path(data_dir), warm_item)
    if raw is not None:
        for name in names:
            guarded_call(runners[name], raw, warm_item["url"], timeout)


def run_page(job: tuple[int, dict[str, Any]]) -> dict[str, Any]:
    """Run every engine on one page (interleaved, rotating start) and score the answers."""
    index, item = job
    runners: dict[str, Runner] = _STATE["runners"]
    engines: list[str] = _STATE["engines"]
    timeout: int = _STATE["timeout"]
    url = item["url"]
    record: dict[str, Any] = {"url": item["key"], "file": item["file"], "engines": {}}
    raw = read_page(_STATE["data_dir"], item)
    if raw is None:
        record["missing"] = True
        return record

    shift = index % len(engines)
    order = engines[shift:] + engines[:shift]
    calls = {name: guarded_call(runners[name], raw, url, timeout) for name in order}
    if _STATE["with_aux"]:
        calls[AUX] = guarded_call(runners[AUX], raw, url, timeout)

    gold_comments = [c for c in (item.get("comments") or []) if c and c.strip()]
    present = set(snippets_present(gold_comments, visible_text(raw))) if gold_comments else set()
    for name, call in calls.items():
        out = call.output
        body = out.body if out is not None else None
        scored = score_snippets(body, item["with"], item["without"])
        entry: dict[str, Any] = {
            "ms": call.seconds * 1000.0,
            "error": call.error,
            "timeout": call.timed_out,
            "empty": call.error is None and not (body and body.strip()),
            "chars": len(body or ""),
            **{k: getattr(scored.counts, k) for k in ("tp", "fp", "fn", "tn")},
            "missed": scored.missed,
            "leaked": scored.leaked,
        }
        if gold_comments:
            comments_text = out.comments if out is not None else None
            found, leaked = score_comments(gold_comments, comments_text, body)
            entry["comments"] = {
                "snippets": len(gold_comments),
                "found": len(found) if name in (CANDIDATE, AUX) else None,
                "leaked": len(leaked),
                "present": len(present),
                "found_present": sum(s in present for s in found) if name in (CANDIDATE, AUX) else None,
                "leaked_present": sum(s in present for s in leaked),
                "not_present": [c for c in gold_comments if c not in present],
                "missed": [c for c in gold_comments if c not in found],
                "leaked_snippets": leaked,
            }
        elif "comments" in item and name in (CANDIDATE, AUX) and out is not None:
            # annotated as having no comments: did the engine still return comment text?
            entry["comment_text_on_no_comment_page"] = bool(out.comments and out.comments.strip())
        if name in (CANDIDATE, AUX):
            entry["meta"] = _score_meta(item, out)
        record["engines"][name] = entry
    return record


def _jsonable(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _score_meta(item: dict[str, Any], out: Output | None) -> dict[str, Any]:
    title = out.title if out else None
    authors = out.authors if out else None
    published = out.published if out else None
    meta: dict[str, Any] = {"title": title, "authors": _jsonable(authors), "published": _jsonable(published)}
    if item.get("title"):
        meta["title_ok"] = title_matches(item["title"], title)
    if item.get("author"):
        meta["author_ok"] = authors_match(item["author"], authors)
    if item.get("date"):
        meta["date_ok"] = date_matches(item["date"], published)
    return meta


# -- peak memory in a child process -------------------------------------------------------------


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


def rss_child(engine: str, data_dir: Path, limit: int | None, timeout: int) -> int:
    """Internal: run one engine alone over the pages and print its peak RSS as JSON."""
    logging.disable(logging.CRITICAL)
    install_alarm()
    items = load_items(data_dir, limit)
    runner = build_runner(engine)
    pages = errors = 0
    if items:
        raw = read_page(data_dir, items[0])
        if raw is not None:
            guarded_call(runner, raw, items[0]["url"], timeout)
    after_warmup, _ = peak_rss_mib()
    for item in items:
        raw = read_page(data_dir, item)
        if raw is None:
            continue
        pages += 1
        call = guarded_call(runner, raw, item["url"], timeout)
        errors += call.error is not None
        del call, raw
    peak, source = peak_rss_mib()
    print(
        json.dumps(
            {
                "engine": engine,
                "pages": pages,
                "errors": errors,
                "peak_rss_after_warmup_mib": round(after_warmup, 1),
                "peak_rss_mib": round(peak, 1),
                "source": source,
            }
        )
    )
    return 0


def measure_rss(engine: str, data_dir: Path, limit: int | None, timeout: int) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--rss-child",
        engine,
        "--data",
        str(data_dir),
        "--timeout",
        str(timeout),
    ]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"engine": engine, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    try:
        result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"engine": engine, "error": "no result from the child process"}
    return result


# -- aggregation --------------------------------------------------------------------------------


def aggregate(records: list[dict[str, Any]], names: list[str]) -> dict[str, Any]:
    """Sum the per-page records into per-engine figures (body, timing, comments, metadata)."""
    scored = [r for r in records if not r.get("missing")]
    body: dict[str, Any] = {}
    comments: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    for name in names:
        counts = Counts()
        times: list[float] = []
        exc = empty = timeouts = 0
        ctally = CommentTally(
            found=0 if name in (CANDIDATE, AUX) else None, found_present=0 if name in (CANDIDATE, AUX) else None
        )
        spurious = no_comment_pages = 0
        tallies = {field: MetaTally() for field in ("title", "author", "date")}
        for record in scored:
            e = record["engines"].get(name)
            if e is None:
                continue
            counts.add(Counts(tp=e["tp"], fp=e["fp"], fn=e["fn"], tn=e["tn"]))
            times.append(e["ms"])
            exc += e["error"] is not None
            empty += bool(e["empty"])
            timeouts += bool(e["timeout"])
            c = e.get("comments")
            if c:
                ctally.pages += 1
                ctally.total += c["snippets"]
                ctally.leaked += c["leaked"]
                ctally.present += c.get("present", 0)
                ctally.leaked_present += c.get("leaked_present", 0)
                if ctally.found is not None:
                    ctally.found += c["found"] or 0
                if ctally.found_present is not None:
                    ctally.found_present += c.get("found_present") or 0
            if "comment_text_on_no_comment_page" in e:
                no_comment_pages += 1
                spurious += e["comment_text_on_no_comment_page"]
            m = e.get("meta")
            if m is not None:
                for field, key, answer in (
                    ("title", "title_ok", m["title"]),
                    ("author", "author_ok", m["authors"]),
                    ("date", "date_ok", m["published"]),
                ):
                    if key in m:
                        tallies[field].add(answered=bool(answer), correct=m[key])
        total_s = sum(times) / 1000.0
        body[name] = {
            **counts.to_dict(),
            "pages": len(times),
            "errors": exc + empty,
            "exceptions": exc,
            "empty": empty,
            "timeouts": timeouts,
            "median_ms": median(times),
            "total_s": total_s,
        }
        comments[name] = {
            **ctally.to_dict(),
            "pages_annotated_without_comments": no_comment_pages,
            "comment_text_on_those_pages": spurious if name in (CANDIDATE, AUX) else None,
        }
        if name in (CANDIDATE, AUX):
            meta[name] = {field: t.to_dict() for field, t in tallies.items()}
    ref_total = body[REFERENCE]["total_s"] if REFERENCE in body else 0.0
    ref_median = body[REFERENCE]["median_ms"] if REFERENCE in body else 0.0
    for name in names:
        body[name]["time_ratio_to_trafilatura"] = (
            safe_ratio(body[name]["total_s"], ref_total) if ref_total else None
        )
        body[name]["median_ratio_to_trafilatura"] = (
            safe_ratio(body[name]["median_ms"], ref_median) if ref_median else None
        )
    return {"body": body, "comments": comments, "metadata": meta}


def worst_pages(records: list[dict[str, Any]], candidate: str, k: int) -> list[dict[str, Any]]:
    """The k pages where (TP−FP) of ``candidate`` minus that of trafilatura is lowest (< 0 only)."""
    rows = []
    for r in records:
        c, t = r["engines"].get(candidate), r["engines"].get(REFERENCE)
        if c is None or t is None:
            continue
        delta = (c["tp"] - c["fp"]) - (t["tp"] - t["fp"])
        if delta < 0:
            rows.append(
                {
                    "url": r["url"],
                    "file": r["file"],
                    "delta": delta,
                    "candidate": {k2: c[k2] for k2 in ("tp", "fp", "error", "empty")},
                    "trafilatura": {k2: t[k2] for k2 in ("tp", "fp", "error", "empty")},
                    "missed": [
                        {"snippet": s, "trafilatura_found": s not in t["missed"]} for s in c["missed"]
                    ],
                    "leaked": [{"snippet": s, "trafilatura_leaked": s in t["leaked"]} for s in c["leaked"]],
                }
            )
    rows.sort(key=lambda row: (row["delta"], row["url"]))
    return rows[:k]


# -- printing -----------------------------------------------------------------------------------


def _f(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_body_table(body: dict[str, Any], names: list[str], n_pages: int, with_aux: bool) -> None:
    print(
        f"\nTable 1. Article body, {n_pages} pages. trafilatura engines run with include_comments=False "
        "(body only);"
    )
    print(
        "time = engine call only, interleaved per page; 'x traf' = total time / trafilatura's total, same run."
    )
    header = (
        f"{'engine':<24}{'prec':>7}{'recall':>7}{'F1':>7}{'acc':>7}{'with':>6}{'w/o':>6}{'TP':>6}"
        f"{'FP':>5}{'FN':>5}{'TN':>6}{'errors':>7}{'exc':>5}{'empty':>6}{'med ms':>8}{'total s':>9}{'x traf':>8}"
    )
    print(header)
    print("-" * len(header))
    for name in names:
        b = body[name]
        print(
            f"{LABELS[name]:<24}{_f(b['precision']):>7}{_f(b['recall']):>7}{_f(b['f1']):>7}{_f(b['accuracy']):>7}"
            f"{b['snippets_with']:>6}{b['snippets_without']:>6}{b['tp']:>6}{b['fp']:>5}{b['fn']:>5}{b['tn']:>6}"
            f"{b['errors']:>7}{b['exceptions']:>5}{b['empty']:>6}{b['median_ms']:>8.1f}{b['total_s']:>9.2f}"
            f"{_f(b['time_ratio_to_trafilatura'], 2):>8}"
        )
    if with_aux:
        a = body[AUX]
        print(
            f"(info) trafilatura.bare_extraction(include_comments=True, with_metadata=True), used for tables 2-3:"
            f" median {a['median_ms']:.1f} ms, total {a['total_s']:.2f} s,"
            f" x traf {_f(a['time_ratio_to_trafilatura'], 2)}, errors {a['errors']}"
        )
    timeouts = {n: body[n]["timeouts"] for n in body if body[n]["timeouts"]}
    if timeouts:
        print(f"calls stopped by the time limit: {timeouts}")


def print_rss(rss: list[dict[str, Any]], n_pages: int) -> None:
    if not rss:
        return
    source = next((r["source"] for r in rss if "source" in r), "?")
    print(
        f"\nPeak memory (RSS): a separate child process runs one engine alone, sequentially, over the same "
        f"{n_pages} pages; its peak RSS ({source})."
    )
    for r in rss:
        if "error" in r:
            print(f"  {LABELS.get(r['engine'], r['engine']):<24} failed: {r['error']}")
        else:
            print(
                f"  {LABELS.get(r['engine'], r['engine']):<24} peak {r['peak_rss_mib']:>7.1f} MiB"
                f"   (peak after imports + warm-up on page 1: {r['peak_rss_after_warmup_mib']:.1f} MiB; {r['pages']} pages,"
                f" {r['errors']} errors)"
            )


def print_comment_table(comments: dict[str, Any], names: list[str], with_aux: bool) -> None:
    rows: list[tuple[str, str, dict[str, Any]]] = []
    if CANDIDATE in names:
        rows.append(("cleanpage", "responses / body", comments[CANDIDATE]))
    if with_aux:
        rows.append(("trafilatura", "include_comments=True: comments / text", comments[AUX]))
    for name in names:
        if name != CANDIDATE:
            rows.append((LABELS[name], "body only (no comment output)", comments[name]))
    if not rows or not rows[0][2]["pages"]:
        print("\nTable 2. Comments: no page with a non-empty 'comments' list.")
        return
    first = rows[0][2]
    print(
        f"\nTable 2. Reader comments, {first['pages']} page(s) with a non-empty 'comments' list, "
        f"{first['snippets']} comment snippets."
    )
    print("found = snippets in the engine's comment text; leaked = snippets in its body text.")
    print(
        f"'present' = the {first['present']} snippets in the saved page's visible text (lxml text_content() "
        f"without script/style, whitespace-normalised); the other {first['snippets'] - first['present']} are "
        "loaded by JavaScript and no extractor can see them."
    )
    header = (
        f"{'engine':<24}{'comment text / body':<40}{'found':>7}{'recall':>8}{'leaked':>8}{'leak rate':>10}"
        f"{'| of present: found':>20}{'recall':>8}{'leaked':>8}{'leak rate':>10}"
    )
    print(header)
    print("-" * len(header))
    for label, where, c in rows:
        found = "-" if c["found"] is None else str(c["found"])
        found_p = "-" if c["found_present"] is None else str(c["found_present"])
        print(
            f"{label:<24}{where:<40}{found:>7}{_f(c['recall']):>8}{c['leaked']:>8}{_f(c['leak_rate']):>10}"
            f"{found_p:>20}{_f(c['recall_present']):>8}{c['leaked_present']:>8}{_f(c['leak_rate_present']):>10}"
        )
    for label, _, c in rows:
        if c["comment_text_on_those_pages"] is not None and c["pages_annotated_without_comments"]:
            print(
                f"(info) {label}: comment text returned on {c['comment_text_on_those_pages']} of "
                f"{c['pages_annotated_without_comments']} pages annotated with an empty 'comments' list"
            )


def print_meta_table(meta: dict[str, Any]) -> None:
    if not meta:
        return
    print(
        "\nTable 3. Metadata, pages with a non-empty gold value. title = exact after whitespace/case "
        "normalisation;"
    )
    print(
        "author = every gold name contained (case-insensitive) in the joined authors; date = same calendar day."
    )
    print(
        "acc = correct/pages; wrong = an answer was given and it does not match (None is a miss, not wrong)."
    )
    fields = ("title", "author", "date")
    header = f"{'engine':<42}" + "".join(f"{f + ' acc (correct/pages)':>27}{'wrong':>7}" for f in fields)
    print(header)
    print("-" * len(header))
    for name, label in ((CANDIDATE, "cleanpage"), (AUX, "trafilatura bare_extraction(with_metadata)")):
        if name not in meta:
            continue
        m = meta[name]
        cells = "".join(
            f"{_f(m[f]['accuracy']) + ' (' + str(m[f]['correct']) + '/' + str(m[f]['pages']) + ')':>27}"
            f"{m[f]['wrong']:>7}"
            for f in fields
        )
        print(f"{label:<42}{cells}")
    pages = next(iter(meta.values()))
    print("pages: " + ", ".join(f"{f} {pages[f]['pages']}" for f in ("title", "author", "date")))


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_worst(rows: list[dict[str, Any]], candidate: str, k: int) -> None:
    print(
        f"\nWorst {k} pages for {LABELS[candidate]} against trafilatura (delta = its TP−FP minus trafilatura's):"
    )
    if not rows:
        print("  none: no page where it scores below trafilatura.")
        return
    if len(rows) < k:
        print(f"  only {len(rows)} pages where it scores below trafilatura.")
    for i, row in enumerate(rows, 1):
        c, t = row["candidate"], row["trafilatura"]
        state = f" [error: {c['error']}]" if c["error"] else (" [empty output]" if c["empty"] else "")
        print(f"{i:>3}. delta {row['delta']:+d}  {row['url']}  ({row['file']})")
        print(
            f"     {LABELS[candidate]} TP {c['tp']} FP {c['fp']}{state}   trafilatura TP {t['tp']} FP {t['fp']}"
        )
        for m in row["missed"]:
            print(
                f"     missed: {_short(m['snippet'])!r}  (trafilatura: {'found' if m['trafilatura_found'] else 'missed too'})"
            )
        for m in row["leaked"]:
            print(
                f"     leaked: {_short(m['snippet'])!r}  (trafilatura: {'leaked too' if m['trafilatura_leaked'] else 'kept out'})"
            )


# -- main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--data", help=f"dataset directory (default: {DEFAULT_DATA} relative to the repository root)"
    )
    p.add_argument("--limit", type=int, help="only the first N pages in sorted-URL order")
    p.add_argument("--json", dest="json_path", help="write all figures and per-page results to this file")
    p.add_argument(
        "--worst", type=int, default=0, metavar="K", help="list the K pages where cleanpage loses most"
    )
    p.add_argument(
        "--engines", default=",".join(ENGINES), help=f"comma-separated subset of {','.join(ENGINES)}"
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
    args = p.parse_args(argv)
    names = [n.strip() for n in args.engines.split(",") if n.strip()]
    unknown = [n for n in names if n not in ENGINES]
    if unknown or not names:
        p.error(f"unknown engine(s) {unknown}; choose from {', '.join(ENGINES)}")
    args.names = [n for n in ENGINES if n in names]  # canonical order
    if args.limit is not None and args.limit < 1:
        p.error("--limit must be positive")
    if args.jobs < 1:
        p.error("--jobs must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = resolve_data(args.data)
    if args.rss_child:
        return rss_child(args.rss_child, data_dir, args.limit, args.timeout)
    if not args.verbose:
        logging.disable(logging.CRITICAL)

    if not (data_dir / "evaldata.json").is_file():
        print(f"error: no evaldata.json in {data_dir}", file=sys.stderr)
        return 2
    names: list[str] = args.names
    for name in names:
        try:
            build_runner(name)
        except ImportError as exc:
            print(
                f"error: engine {name!r} is not available ({exc}); choose others with --engines",
                file=sys.stderr,
            )
            return 2
    with_aux = REFERENCE in names
    items = load_items(data_dir, args.limit)
    if not items:
        print("error: no pages", file=sys.stderr)
        return 2

    versions = {name: engine_version(name) for name in names}
    print(
        f"data: {data_dir}  pages: {len(items)}  python {platform.python_version()}  "
        + "  ".join(f"{LABELS[n]} {v}" for n, v in versions.items())
    )
    if args.jobs > 1:
        print(f"warning: --jobs {args.jobs}: calls run concurrently; timings and ratios are not comparable")

    started = time.perf_counter()
    jobs = list(enumerate(items))
    init_args = (names, with_aux, str(data_dir), args.timeout, items[0], args.verbose)
    records: list[dict[str, Any]] = []
    if args.jobs == 1:
        init_worker(*init_args)
        for i, job in enumerate(jobs, 1):
            records.append(run_page(job))
            if i % 50 == 0:
                print(f"  {i}/{len(jobs)} pages, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    else:
        with concurrent.futures.ProcessPoolExecutor(
            args.jobs, initializer=init_worker, initargs=init_args
        ) as pool:
            records = list(pool.map(run_page, jobs, chunksize=4))
    wall = time.perf_counter() - started

    missing = [r["file"] for r in records if r.get("missing")]
    scored = [r for r in records if not r.get("missing")]
    all_names = names + ([AUX] if with_aux else [])
    figures = aggregate(scored, all_names)

    rss: list[dict[str, Any]] = []
    if not args.no_rss:
        for name in (CANDIDATE, REFERENCE):
            if name in names:
                rss.append(measure_rss(name, data_dir, args.limit, args.timeout))

    print_body_table(figures["body"], names, len(scored), with_aux)
    if missing:
        print(f"{len(missing)} pages skipped, file not found: {', '.join(missing[:5])}")
    print_rss(rss, len(scored))
    print_comment_table(figures["comments"], names, with_aux)
    print_meta_table(figures["metadata"])

    worst: list[dict[str, Any]] = []
    candidate = CANDIDATE if CANDIDATE in names else next((n for n in names if n != REFERENCE), None)
    if args.worst:
        if REFERENCE not in names or candidate is None:
            print("\n--worst needs trafilatura and one other engine")
        else:
            worst = worst_pages(scored, candidate, args.worst)
            print_worst(worst, candidate, args.worst)
    print(f"\nwall time {wall:.1f} s")

    if args.json_path:
        out = {
            "meta": {
                "command": [Path(sys.argv[0]).name, *sys.argv[1:]] if argv is None else ["body.py", *argv],
                "data": str(data_dir),
                "pages": len(scored),
                "missing_files": missing,
                "engines": names,
                "versions": versions,
                "python": platform.python_version(),
                "platform": platform.platform(),
                "jobs": args.jobs,
                "timeout_s": args.timeout,
                "wall_s": wall,
                "when": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                "notes": {
                    "trafilatura": "extract(raw, url=url, include_comments=False), defaults otherwise",
                    "trafilatura-precision": "extract(raw, url=url, include_comments=False, favor_precision=True)",
                    "readability": "Document(decode_file(raw)).summary(html_partial=True), one line per block",
                    AUX: "bare_extraction(raw, url=url, include_comments=True, with_metadata=True): tables 2-3",
                },
            },
            "engines": figures["body"],
            "rss": rss,
            "comments": figures["comments"],
            "metadata": figures["metadata"],
            "worst": {"candidate": candidate, "pages": worst} if args.worst else None,
            "pages": records,
        }
        path = Path(args.json_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"figures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
