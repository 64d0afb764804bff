"""The engines ``body.py`` compares, behind one shape: a timed call and an untimed reader.

Each engine is a ``Runner`` = ``(call, convert)``: ``call(raw, url)`` is the timed engine call (bytes in,
what the engine's user gets out); ``convert(result)`` reads that answer into an :class:`Output`,
untimed. :func:`guarded_call` runs one call under a ``signal.alarm`` time limit and never raises, so
one engine failing on one page cannot stop a run. Kept apart from ``body.py`` so the page loop,
the aggregation and the engines can be read (and changed) one at a time.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"

FAST = "cleanpage-fast"
"""cleanpage with ``Options(use_trafilatura=False)``: rules + the no-engine block model, no engine call."""
ENGINES = ("cleanpage", FAST, "trafilatura", "trafilatura-precision", "readability")
"""The body engines: each gives a main text, scored in the body tables."""
CLEANPAGE_ENGINES = ("cleanpage", FAST)
"""The engines whose answer is a cleanpage ``Page`` (responses apart, metadata, a record to keep)."""
HTMLDATE = "htmldate"
DATE_ONLY = (HTMLDATE,)
"""Engines that answer the date only: a column of the metadata table, timed for information."""
SELECTABLE = ENGINES + DATE_ONLY
DEFAULT_ENGINES = tuple(n for n in SELECTABLE if n != FAST)
"""What ``--engines`` runs when not given: the fast path is asked for by name (its own model's figures)."""
REFERENCE = "trafilatura"
CANDIDATE = "cleanpage"
AUX = "trafilatura-full"  # bare_extraction(include_comments=True, with_metadata=True)
DEFAULT_TIMEOUT = 60

LABELS = {
    "cleanpage": "cleanpage",
    FAST: "cleanpage-fast",
    "trafilatura": "trafilatura",
    "trafilatura-precision": "trafilatura-precision",
    "readability": "readability-lxml",
    AUX: "trafilatura include_comments+metadata",
    HTMLDATE: "htmldate",
}


# -- engines ------------------------------------------------------------------------------------


@dataclass
class Output:
    """What the benchmark reads from one engine's answer for one page."""

    body: str | None
    comments: str | None = None
    title: str | None = None
    authors: Any = None  # tuple[str, ...] (cleanpage) or "A; B" (trafilatura)
    published: Any = None  # date / datetime (cleanpage) or "YYYY-MM-DD" (trafilatura)
    n_responses: int | None = None
    record: dict[str, Any] | None = None
    """cleanpage only: ``page.to_dict()``, kept in the JSON of fit pages for error analysis."""


# Each engine is (call, convert): ``call(raw, url)`` is the timed engine call (bytes in, what the
# engine's user gets out); ``convert(result)`` reads it into an Output, untimed.
Runner = tuple[Callable[[bytes, str | None], Any], Callable[[Any], Output]]


def _import_cleanpage() -> Any:
    if SRC.is_dir() and str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))  # benchmark the tree this script lives in
    import cleanpage

    if not hasattr(cleanpage, "clean"):
        raise ImportError(f"cleanpage (from {getattr(cleanpage, '__path__', '?')}) has no clean()")
    _use_model_file(cleanpage)
    return cleanpage


#: environment variable naming a block-model file to score instead of the packaged one (a model
#: being tried: ``python -m cleanpage.learn.train --out /tmp/x.npz``, then benchmark with it)
MODEL_ENV = "CLEANPAGE_BENCH_MODEL"


def _use_model_file(cleanpage: Any) -> None:
    """Point the pipeline's model loader at ``$CLEANPAGE_BENCH_MODEL`` (benchmarks only: the
    library's API has no model-path option, the packaged file is the model). The file serves every
    cleanpage engine of the run: one whose card disagrees with its options fails its calls."""
    path = os.environ.get(MODEL_ENV)
    if not path:
        return
    from cleanpage import models

    forest = models.Forest.read(path)
    models.load_forest = lambda name: forest  # read by name at each clean(): the tried file wins


def _cleanpage_runner(engine: bool = True) -> Runner:
    cleanpage = _import_cleanpage()
    options = cleanpage.Options(use_trafilatura=engine)

    def call(raw: bytes, url: str | None) -> Any:
        return cleanpage.clean(raw, url=url, options=options)

    def convert(page: Any) -> Output:
        responses = tuple(page.responses)
        return Output(
            body=page.body,
            comments="\n\n".join(r.text for r in responses),
            title=page.title,
            authors=tuple(page.authors),
            published=page.published,
            n_responses=len(responses),
            record=page.to_dict(),
        )

    return call, convert


def _text_output(result: Any) -> Output:
    return Output(body=result)


def _trafilatura_runner(precision: bool) -> Runner:
    import trafilatura

    def call(raw: bytes, url: str | None) -> Any:
        return trafilatura.extract(raw, url=url, include_comments=False, favor_precision=precision)

    return call, _text_output


def _trafilatura_full_runner() -> Runner:
    import trafilatura

    def call(raw: bytes, url: str | None) -> Any:
        return trafilatura.bare_extraction(raw, url=url, include_comments=True, with_metadata=True)

    def convert(doc: Any) -> Output:
        if doc is None:
            return Output(body=None)
        return Output(
            body=doc.text,
            comments=doc.comments,
            title=doc.title,
            authors=doc.author,
            published=doc.date,
        )

    return call, convert


_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def fragment_text(fragment: str | None) -> str:
    """Text of an HTML fragment with one line per block element (inline elements run on)."""
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    # lxml refuses NULL and other C0 control characters that some pages carry through readability
    fragment = _CONTROL_CHARS.sub("", fragment)
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


def _readability_runner() -> Runner:
    from readability import Document
    from trafilatura.utils import decode_file

    def call(raw: bytes, url: str | None) -> Any:
        return Document(decode_file(raw), url=url).summary(html_partial=True)

    def convert(summary: Any) -> Output:
        return Output(body=fragment_text(summary))

    return call, convert


def _htmldate_runner() -> Runner:
    from htmldate import find_date
    from htmldate.utils import decode_file

    def call(raw: bytes, url: str | None) -> Any:
        # default settings (extensive_search=True, original_date=False): htmldate as its users call it
        return find_date(decode_file(raw), url=url)

    def convert(day: Any) -> Output:
        return Output(body=None, published=day)

    return call, convert


def build_runner(name: str) -> Runner:
    """The (call, convert) pair of an engine; raises ImportError when it is not available."""
    if name == "cleanpage":
        return _cleanpage_runner()
    if name == FAST:
        return _cleanpage_runner(engine=False)
    if name == "trafilatura":
        return _trafilatura_runner(precision=False)
    if name == "trafilatura-precision":
        return _trafilatura_runner(precision=True)
    if name == "readability":
        return _readability_runner()
    if name == AUX:
        return _trafilatura_full_runner()
    if name == HTMLDATE:
        return _htmldate_runner()
    raise ValueError(f"unknown engine {name!r}")


def engine_version(name: str) -> str:
    """Installed version of an engine; for cleanpage also where it was imported from."""
    if name in CLEANPAGE_ENGINES:
        try:
            cleanpage = _import_cleanpage()
        except ImportError:
            return "?"
        where = Path(getattr(cleanpage, "__file__", None) or ".").parent
        return f"{getattr(cleanpage, '__version__', '?')} ({where})"
    dist = {"readability": "readability-lxml", HTMLDATE: "htmldate"}.get(name, "trafilatura")
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


# -- guarded, timed calls -----------------------------------------------------------------------


class EngineTimeout(Exception):
    """Raised by the alarm handler when an engine call runs past the time limit."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise EngineTimeout()


def _alarm_available() -> bool:
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


def install_alarm() -> None:
    if _alarm_available():
        signal.signal(signal.SIGALRM, _on_alarm)


@dataclass
class Call:
    """One guarded engine call: its converted output (or None), error text and duration."""

    output: Output | None
    error: str | None
    seconds: float
    timed_out: bool = False


def guarded_call(runner: Runner, raw: bytes, url: str | None, timeout: int) -> Call:
    """Run one engine call under the alarm; time the call only; never raise (except ^C)."""
    call, convert = runner
    use_alarm = timeout > 0 and _alarm_available()
    result: Any = None
    error: str | None = None
    timed_out = False
    start = time.perf_counter()
    try:
        if use_alarm:
            signal.alarm(timeout)
        try:
            result = call(raw, url)
        finally:
            elapsed = time.perf_counter() - start
            if use_alarm:
                signal.alarm(0)
    except EngineTimeout:
        elapsed = time.perf_counter() - start
        error, timed_out = f"timeout after {timeout} s", True
    except Exception as exc:  # noqa: BLE001 - an engine failing on one page must not stop the run
        elapsed = time.perf_counter() - start
        error = f"{type(exc).__name__}: {exc}"[:300]
    output: Output | None = None
    if error is None:
        try:
            output = convert(result)
        except Exception as exc:  # noqa: BLE001 - same: counted as an error, the run goes on
            error = f"reading the result: {type(exc).__name__}: {exc}"[:300]
    return Call(output=output, error=error, seconds=elapsed, timed_out=timed_out)
