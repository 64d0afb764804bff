"""Turn the development pages into plain-text dumps, in several styles, for the text-path benchmark.

Many saved pages are not HTML but text: a browser's select-all copy, an HTML-to-text converter's output, a
mail/plain-text archive. This script renders every page of an ``evaldata.json`` + ``html/`` directory (the
trafilatura evaluation format) in each of these styles::

    inscriptis  inscriptis ``get_text``: a layout-preserving HTML-to-text converter (indented lists, tables
                laid out in columns, blank lines around paragraphs)
    blocks      the text of each block-level element on its own line, like a browser's select-all copy:
                whitespace collapsed inside a line, no blank lines, each block's own text once
    wrapped72   the ``blocks`` text hard-wrapped at 72 columns, blocks separated by a blank line, like an
                e-mail or plain-text archive

and writes ``OUT/<style>/<file>.txt`` for each page, ``OUT/evaldata.json`` (the same records, with ``file``
mapped to the ``.txt`` name) and ``OUT/manifest.json`` (styles, page count, bytes and seconds per style,
pages that failed). Output is deterministic: the same input gives byte-identical files.

Each page is decoded once (``trafilatura.utils.decode_file``: UTF-8, else charset detection) and parsed once
with lxml; every style is rendered from that one tree (the tree is never modified).

Usage::

    python benchmarks/make_dumps.py [--data DIR] [--out DIR] [--limit N] [--styles a,b]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "extraction-dev"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "dumps"

WRAP_WIDTH = 72

# Elements that start and end a line in a browser's select-all copy.
BLOCK_TAGS = frozenset(
    (
        *("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre"),
        *(
            "article",
            "section",
            "header",
            "footer",
            "nav",
            "aside",
            "form",
            "figcaption",
            "address",
            "tr",
            "br",
        ),
        # not in the brief's list but blocks in a browser too
        *(
            "ul",
            "ol",
            "dl",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "caption",
            "main",
            "figure",
            "hr",
            "fieldset",
        ),
        *("legend", "details", "summary", "hgroup", "menu", "option", "center", "body"),
    )
)
# Elements whose content is never shown as text.
SKIP_TAGS = frozenset(
    ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed", "canvas", "math")
)

# A ``<noscript>`` holding more text than this is not a fallback message but a page that libxml2 nested
# into it (``<noscript><div></noscript>`` swallows the rest of the body): its content is then kept.
NOSCRIPT_MAX_CHARS = 1000

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 if valid, else charset detection (trafilatura's ``decode_file``)."""
    from trafilatura.utils import decode_file

    return decode_file(data)


def parse(text: str) -> lxml.html.HtmlElement | None:
    """One lxml parse of the page; ``None`` when there is no markup at all."""
    text = _XML_DECLARATION.sub("", text, count=1).strip()
    if not text:
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def _collapse(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def _tag(node: etree._Element) -> str | None:
    tag = node.tag
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return None
    return tag.rsplit("}", 1)[-1].lower()


def _misnested_noscript(node: etree._Element, tag: str) -> bool:
    return tag == "noscript" and len("".join(node.itertext())) > NOSCRIPT_MAX_CHARS


def block_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """The text of the page, one line per block element, each piece of text exactly once.

    A walk over the tree (iterative, so deep pages do not hit the recursion limit) that appends each
    node's text and tail to the current line and ends the line at the start and the end of every block
    element; empty lines are dropped, whitespace inside a line is collapsed to single spaces.
    """
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _collapse(current)
        current.clear()
        if line:
            lines.append(line)

    # stack of (node, entering?) pairs; on leave, the node's tail belongs to its parent's flow
    stack: list[tuple[etree._Element, bool]] = [(tree, True)]
    while stack:
        node, entering = stack.pop()
        tag = _tag(node)
        if entering:
            if tag is None or (tag in SKIP_TAGS and not _misnested_noscript(node, tag)):
                if node.tail:
                    current.append(node.tail)
                continue
            if tag in BLOCK_TAGS:
                flush()
            if node.text:
                current.append(node.text)
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(node))
        else:
            if tag in BLOCK_TAGS:
                flush()
            if node.tail:
                current.append(node.tail)
    flush()
    return lines


def render_inscriptis(tree: lxml.html.HtmlElement, lines: list[str]) -> str:
    from inscriptis.html_engine import Inscriptis

    text = Inscriptis(tree).get_text()
    # trailing spaces from column layout carry no information; keep the layout otherwise
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()) + "\n"


def render_blocks(tree: lxml.html.HtmlElement, lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def render_wrapped72(tree: lxml.html.HtmlElement, lines: list[str]) -> str:
    # no hyphen breaks: re-joining a wrapped line with a space gives back the original text exactly
    wrapped = (
        textwrap.fill(line, width=WRAP_WIDTH, break_long_words=False, break_on_hyphens=False)
        for line in lines
    )
    return "\n\n".join(wrapped) + ("\n" if lines else "")


Renderer = Callable[[lxml.html.HtmlElement, list[str]], str]
STYLES: dict[str, Renderer] = {
    "inscriptis": render_inscriptis,
    "blocks": render_blocks,
    "wrapped72": render_wrapped72,
}


def render_page(data: bytes, styles: Sequence[str] = tuple(STYLES)) -> dict[str, str]:
    """Every requested style of one page (bytes in); empty strings when the page has no markup."""
    tree = parse(decode(data))
    if tree is None:
        return {style: "" for style in styles}
    lines = block_lines(tree)
    return {style: STYLES[style](tree, lines) for style in styles}


def dump_name(file: str) -> str:
    return file + ".txt"


def iter_pages(data_dir: Path, limit: int | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(url, record) pairs of ``evaldata.json`` in file order, at most ``limit``."""
    with open(data_dir / "evaldata.json", encoding="utf-8") as f:
        records: dict[str, dict[str, Any]] = json.load(f)
    for i, item in enumerate(records.items()):
        if limit is not None and i >= limit:
            break
        yield item


def make_dumps(
    data_dir: Path,
    out_dir: Path,
    *,
    limit: int | None = None,
    styles: Sequence[str] = tuple(STYLES),
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Write the dumps and return the manifest (also written as ``OUT/manifest.json``)."""
    unknown = [s for s in styles if s not in STYLES]
    if unknown:
        raise ValueError(f"unknown style(s) {unknown}; known: {sorted(STYLES)}")
    for style in styles:
        (out_dir / style).mkdir(parents=True, exist_ok=True)

    evaldata: dict[str, dict[str, Any]] = {}
    failed: dict[str, str] = {}
    size = dict.fromkeys(styles, 0)
    seconds = dict.fromkeys(styles, 0.0)
    seconds_common = 0.0  # decode + parse + block walk, shared by all styles
    start = time.perf_counter()
    for n, (url, record) in enumerate(iter_pages(data_dir, limit), 1):
        file = record["file"]
        try:
            data = (data_dir / "html" / file).read_bytes()
            t0 = time.perf_counter()
            tree = parse(decode(data))
            lines = block_lines(tree) if tree is not None else []
            seconds_common += time.perf_counter() - t0
            texts: dict[str, str] = {}
            for style in styles:
                t1 = time.perf_counter()
                texts[style] = STYLES[style](tree, lines) if tree is not None else ""
                seconds[style] += time.perf_counter() - t1
        except (OSError, RecursionError, ValueError) as exc:
            failed[file] = f"{type(exc).__name__}: {exc}"
            continue
        for style, text in texts.items():
            encoded = text.encode("utf-8")
            (out_dir / style / dump_name(file)).write_bytes(encoded)
            size[style] += len(encoded)
        evaldata[url] = {**record, "file": dump_name(file)}
        if log and n % 100 == 0:
            log(f"{n} pages")

    with open(out_dir / "evaldata.json", "w", encoding="utf-8") as f:
        json.dump(evaldata, f, ensure_ascii=False, indent=1)
        f.write("\n")
    manifest = {
        "data": str(data_dir),
        "styles": list(styles),
        "pages": len(evaldata),
        "failed": failed,
        "bytes": size,
        "seconds": {
            "decode_parse_blocks": round(seconds_common, 3),
            **{k: round(v, 3) for k, v in seconds.items()},
        },
        "seconds_total": round(time.perf_counter() - start, 3),
        "versions": _versions(),
    }
    with open(out_dir / "manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    return manifest


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("inscriptis", "lxml", "trafilatura"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "missing"
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="evaldata.json + html/ (default: %(default)s)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--styles", default=",".join(STYLES), help="comma-separated (default: %(default)s)")
    args = parser.parse_args(argv)
    styles = [s.strip() for s in args.styles.split(",") if s.strip()]
    if not (args.data / "evaldata.json").is_file():
        print(f"no evaldata.json in {args.data}", file=sys.stderr)
        return 2
    try:
        manifest = make_dumps(
            args.data, args.out, limit=args.limit, styles=styles, log=lambda m: print(m, file=sys.stderr)
        )
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{manifest['pages']} pages -> {args.out} in {manifest['seconds_total']:.1f}s")
    for style in styles:
        mb = manifest["bytes"][style] / 1e6
        print(f"  {style:<11} {mb:7.2f} MB  {manifest['seconds'][style]:6.2f}s render")
    print(f"  (decode + parse + block walk, shared: {manifest['seconds']['decode_parse_blocks']:.2f}s)")
    for file, err in manifest["failed"].items():
        print(f"  FAILED {file}: {err}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
