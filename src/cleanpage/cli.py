"""The command line: a thin layer over :func:`cleanpage.clean` — no extraction logic here.

``cleanpage page.html`` prints the result as JSON; several inputs print JSON Lines. Errors go to
stderr as one line each (never a traceback) and make the exit status non-zero, but one bad input
never stops the others.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from cleanpage.errors import CleanpageError
from cleanpage.options import KindOption, Options
from cleanpage.pipeline import clean, clean_file
from cleanpage.result import Page

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpage",
        description="Turn saved web pages (HTML or text dumps) into clean records: title, body, "
        "attribution, reader responses.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file to clean, or - for standard input")
    parser.add_argument("--format", choices=("json", "text", "markdown"), default="json",
                        help="output format (default: json; JSON Lines when several inputs)")
    parser.add_argument("--kind", choices=[k.value for k in KindOption], default="auto",
                        help="read inputs as html, text, or detect (default: auto)")
    parser.add_argument("--url", default=None, help="the page's URL (helps the main-content engine)")
    parser.add_argument("--indent", type=int, default=None, help="indent JSON output (single input only)")
    return parser


def _render(page: Page, fmt: str, *, indent: int | None, path: str) -> str:
    if fmt == "text":
        return page.to_text()
    if fmt == "markdown":
        return page.to_markdown()
    data = {"path": path, **page.to_dict()}
    return json.dumps(data, ensure_ascii=False, indent=indent)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 all good, 1 some input failed, 2 usage)."""
    args = _parser().parse_args(argv)
    options = Options(kind=KindOption(args.kind))
    several = len(args.inputs) > 1
    indent = None if several else args.indent
    failures = 0
    out = sys.stdout
    for path in args.inputs:
        try:
            if path == "-":
                page = clean(sys.stdin.buffer.read(), args.url, options=options)
            else:
                page = clean_file(path, args.url, options=options)
        except CleanpageError as exc:
            failures += 1
            print(f"cleanpage: {path}: {exc.reason}: {exc}", file=sys.stderr)
            continue
        text = _render(page, args.format, indent=indent, path=path)
        if args.format != "json" and several:
            out.write(f"==> {path} <==\n")
        out.write(text if text.endswith("\n") else text + "\n")
        out.flush()
    return 1 if failures else 0
