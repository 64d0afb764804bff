"""The command line: a thin layer over :func:`cleanpage.clean_many` — no extraction logic here.

``cleanpage page.html`` prints the result as JSON; several inputs print JSON Lines. Errors go to
stderr as one line each (never a traceback) and make the exit status non-zero, but one bad input
never stops the others.

With no inputs and a page piped on stdin, stdin is the input (as ``-``). ``http(s)://`` inputs are
fetched (:mod:`cleanpage.io.fetch`).

With ``--out results.jsonl`` it is a batch job: inputs may be folders (walked recursively,
filtered by ``--glob``) and WARC archives; one JSON line per document goes to the output file,
failures to the error file (``--errors``, default ``<out stem>.errors.jsonl``), both written line by
line so that a killed run can be continued with ``--resume``. A progress bar with a total and an
ETA shows on a terminal's stderr (inputs counted first; a byte bar when WARCs are among them, which
are streamed, not counted), and a summary line ends the run; ``--quiet`` silences both.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from cleanpage.errors import CleanpageError, WriteError
from cleanpage.io.batch import clean_many, default_workers
from cleanpage.io.inputs import DEFAULT_GLOBS, Document, expand, survey
from cleanpage.io.names import escape_name
from cleanpage.io.outfile import JsonlWriter, Scan, scan_records
from cleanpage.io.render import article_html, page_markdown_document
from cleanpage.io.warc import is_warc
from cleanpage.options import Options
from cleanpage.result import Page

__all__ = ["main"]

#: The exit status after Ctrl-C (128 + SIGINT), as shells report an interrupted command.
EXIT_INTERRUPTED = 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpage",
        description="Turn saved web pages (HTML or text dumps) into clean records: title, body, "
        "attribution, reader responses.",
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="file, folder (recursive), WARC archive (.warc, .warc.gz), http(s) URL, "
                        "or - for standard input (the default when a page is piped in)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="output format: json (JSON Lines when several inputs), jsonl (always one line "
                        "per page), text, markdown (with YAML front matter), html (a clean article page); "
                        "default: json")
    parser.add_argument("--kind", choices=["auto", "html", "text"], default="auto",
                        help="read inputs as html, text, or detect (default: auto)")
    parser.add_argument("--url", default=None, help="the page's URL (helps the main-content engine)")
    parser.add_argument("--indent", type=int, default=None, help="indent JSON output (single input only)")
    parser.add_argument("--fast", action="store_true",
                        help="HTML without the trafilatura engine (Options(use_trafilatura=False)): faster, "
                        "a little less exact (docs/benchmarks.md)")
    batch = parser.add_argument_group("batch")
    batch.add_argument("--out", default=None, metavar="FILE",
                       help="write one JSON line per document to FILE (a batch job that can be resumed)")
    batch.add_argument("--errors", default=None, metavar="FILE",
                       help="with --out: failures as JSON lines (default: <out stem>.errors.jsonl)")
    batch.add_argument("--resume", action="store_true",
                       help="with --out: skip documents already in the output or error file")
    batch.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="worker processes (default: all cores for several inputs, a folder or a WARC; 1 for one file)")
    batch.add_argument("--timeout", type=float, default=30.0, metavar="S",
                       help="time limit per document in seconds (default: 30)")
    batch.add_argument("--glob", action="append", default=None, metavar="PATTERN",
                       help=f"file names to take from folders (repeatable; default: {' '.join(DEFAULT_GLOBS)})")
    batch.add_argument("--quiet", action="store_true", help="no progress bar and no per-failure lines")
    return parser


def _version() -> str:
    from cleanpage import __version__

    return __version__


FORMATS = ("json", "jsonl", "text", "markdown", "html")
#: What the text formats' records leave out of ``Page.to_dict``: the parts their rendering holds.
_RENDERED = ("paragraphs", "responses", "removed")


def _rendering(page: Page, fmt: str) -> str:
    if fmt == "text":
        return page.to_text()
    if fmt == "markdown":
        return page_markdown_document(page)
    return article_html(page)


def _render(page: Page, fmt: str, *, indent: int | None, path: str) -> str:
    if fmt in ("json", "jsonl"):
        data = {"path": escape_name(path), **page.to_dict(), "url": _url(page)}
        return json.dumps(data, ensure_ascii=False, indent=indent if fmt == "json" else None)
    return _rendering(page, fmt)


def _url(page: Page) -> str | None:
    return escape_name(page.url) if page.url else page.url


def _record(doc: Document, page: Page, fmt: str) -> dict[str, Any]:
    head = {"id": escape_name(doc.id), "path": escape_name(doc.path)}
    if fmt in ("json", "jsonl"):
        return {**head, **page.to_dict(), "url": _url(page)}
    # the metadata stays beside the rendering: a corpus keeps who, when, where and which language
    meta = {k: v for k, v in page.to_dict().items() if k not in _RENDERED}
    return {**head, **meta, "url": _url(page), fmt: _rendering(page, fmt)}


def _error_record(doc: Document, error: CleanpageError) -> dict[str, Any]:
    record = {"id": escape_name(doc.id), "path": escape_name(doc.path), "reason": error.reason,
              "message": error.message}
    if doc.url:
        record["url"] = escape_name(doc.url)
    return record


def _run(docs: Iterator[Document], args: argparse.Namespace, workers: int,
         ) -> Iterator[tuple[Document, Page | CleanpageError]]:
    """Clean documents through :func:`clean_many`, pairing each outcome with its document."""
    queued: deque[Document] = deque()

    def sources() -> Iterator[tuple[str, Any, str | None]]:
        for doc in docs:
            queued.append(doc)  # clean_many reads lazily and answers in order: a FIFO pairs them
            yield doc.id, doc.source, doc.url

    options = Options(kind=args.kind, use_trafilatura=not args.fast)  # Options reads the name ("auto" sniffs)
    for _ident, outcome in clean_many(sources(), workers=workers, timeout=args.timeout, options=options):
        yield queued.popleft(), outcome


def _to_stdout(args: argparse.Namespace) -> int:
    several = len(args.inputs) > 1 or any(os.path.isdir(i) or is_warc(i) for i in args.inputs)
    indent = None if several else args.indent
    docs = expand(args.inputs, globs=args.glob or DEFAULT_GLOBS, url=args.url, max_bytes=Options().max_bytes)
    failures = ok = 0
    out = sys.stdout
    start = time.monotonic()
    # a bar only when stdout is not the same terminal the bar would scribble over
    interrupted = False
    with _progress(args, shown=several and not out.isatty()) as (bar, by_bytes):
        try:
            # a folder, a WARC or several files: every core, in input order (clean_many answers in order)
            for doc, outcome in _run(docs, args, args.jobs or (default_workers() if several else 1)):
                bar.update(doc.size if by_bytes else 1)
                if isinstance(outcome, CleanpageError):
                    failures += 1
                    bar.write(f"cleanpage: {escape_name(doc.id)}: {outcome.reason}: {outcome.message}",
                              file=sys.stderr)
                    continue
                ok += 1
                text = _render(outcome, args.format, indent=indent, path=doc.path)
                if args.format not in ("json", "jsonl") and several:
                    out.write(f"==> {escape_name(doc.id)} <==\n")
                out.write(text if text.endswith("\n") else text + "\n")
                out.flush()
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        print("cleanpage: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    if several and not args.quiet:
        print(_summary(ok, failures, start), file=sys.stderr)
    return 1 if failures else 0


def _summary(ok: int, failed: int, start: float) -> str:
    elapsed = max(time.monotonic() - start, 1e-9)
    return f"cleanpage: done {ok}, failed {failed}, {(ok + failed) / elapsed:.1f} pages/s"


def _errors_path(out: str) -> str:
    stem = out.removesuffix(".jsonl")
    return stem + ".errors.jsonl"


@contextlib.contextmanager
def _progress(args: argparse.Namespace, *, shown: bool = True) -> Iterator[tuple[Any, bool]]:
    """A tqdm bar on stderr and whether it counts bytes (WARCs are streamed, so not counted first)."""
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: the pool forks workers from this process
    enabled = shown and not args.quiet and sys.stderr.isatty()
    plan = survey(args.inputs, globs=args.glob or DEFAULT_GLOBS) if enabled else None
    by_bytes = bool(plan and plan.warc)
    units: dict[str, Any] = {"unit": "B", "unit_scale": True, "unit_divisor": 1024} if by_bytes else {"unit": "page"}
    total = (plan.size if by_bytes else plan.documents) if plan else None
    # explicit size: on a terminal that reports 0 rows (some ptys) tqdm's own detection hides the bar
    size = shutil.get_terminal_size(fallback=(80, 24))
    with tqdm(total=total or None, file=sys.stderr, disable=not enabled, ncols=min(size.columns or 80, 120),
              nrows=max(size.lines, 10), **units) as bar:
        yield bar, by_bytes


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)  # also a hard link, or two spellings of one path
    except OSError:  # one does not exist yet: compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def _report_scan(scan: Scan, path: str) -> None:
    if scan.rejected:
        print(f"cleanpage: {path}: {scan.rejected} lines that are not records moved to {scan.rejected_path}; "
              "their documents are done again", file=sys.stderr)
    if scan.partial_bytes:
        print(f"cleanpage: {path}: cut a partial last line ({scan.partial_bytes} bytes) left by a stopped run",
              file=sys.stderr)


def _to_files(args: argparse.Namespace) -> int:
    errors_path = args.errors or _errors_path(args.out)
    done: set[str] = set()
    earlier_errors = 0
    if args.resume:
        out_scan, err_scan = scan_records(args.out), scan_records(errors_path)
        _report_scan(out_scan, args.out)
        _report_scan(err_scan, errors_path)
        done = set(out_scan.ids | err_scan.ids)
        earlier_errors = len(err_scan.ids)
    skipped = duplicates = 0
    seen: set[str] = set()

    def todo() -> Iterator[Document]:
        nonlocal skipped, duplicates
        for doc in expand(args.inputs, globs=args.glob or DEFAULT_GLOBS, url=args.url,
                          max_bytes=Options().max_bytes):
            ident = escape_name(doc.id)
            if ident in seen:  # the same file named twice, or a WARC record id repeated: done once
                duplicates += 1
                bar.update(doc.size if by_bytes else 1)
                continue
            seen.add(ident)
            if ident in done:
                skipped += 1
                bar.update(doc.size if by_bytes else 1)
                continue
            yield doc

    ok = failed = 0
    interrupted = False
    start = time.monotonic()
    workers = args.jobs or default_workers()
    with JsonlWriter(args.out, append=args.resume) as out, \
            JsonlWriter(errors_path, append=args.resume) as errors, _progress(args) as (bar, by_bytes):
        try:
            for doc, outcome in _run(todo(), args, workers):
                if isinstance(outcome, CleanpageError):
                    failed += 1
                    errors.write(_error_record(doc, outcome))
                    if not args.quiet:
                        bar.write(f"cleanpage: {escape_name(doc.id)}: {outcome.reason}: {outcome.message}",
                                  file=sys.stderr)
                else:
                    ok += 1
                    out.write(_record(doc, outcome, args.format))
                bar.update(doc.size if by_bytes else 1)
        except KeyboardInterrupt:  # the lines written so far are whole: --resume goes on from here
            interrupted = True
    summary = _summary(ok, failed, start)
    if interrupted:
        summary = summary.replace("cleanpage: ", "cleanpage: interrupted: ", 1)
    if args.resume:
        summary += f" (skipped {skipped} already in {args.out} or {errors_path})"
    if duplicates:
        summary += f" ({duplicates} inputs skipped as duplicates of an earlier id)"
    print(summary, file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    return 1 if failed or earlier_errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 all good, 1 some input failed, 2 usage or an output
    file that cannot be written, 130 interrupted)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.inputs:
        if sys.stdin is None or sys.stdin.isatty():
            parser.error("no INPUT given (a file, folder, WARC, URL, or - for standard input)")
        args.inputs = ["-"]  # a page piped in
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.timeout <= 0:
        parser.error("--timeout must be positive")
    if args.out is None:
        if args.resume or args.errors:
            parser.error("--resume and --errors need --out")
        return _to_stdout(args)
    if _same_file(args.out, args.errors or _errors_path(args.out)):
        parser.error("--out and --errors name the same file; give two files")
    try:
        return _to_files(args)
    except WriteError as exc:  # the output or error file itself cannot be written: the run cannot go on
        print(f"cleanpage: cannot write {escape_name(exc.context or args.out)}: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # before the first document (reading --resume files): nothing to sum up
        print("cleanpage: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
