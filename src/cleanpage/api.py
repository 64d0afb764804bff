"""The one way in: ``clean()`` reads like the pipeline it runs.

decode → sniff, then by kind (``pipeline/html/`` and ``pipeline/text/``, whose stages carry the same
names):

- HTML: parse → read_metadata → find_responses → build_blocks → engine → classify → attribute → assemble
- text: build_blocks → classify → attribute → read_metadata → split_responses → assemble

Both kinds meet at the block model. On HTML the responses come before the blocks, which mark the
comment sections' blocks; on text they come last, splitting the region classify found, with the
page's date (from the metadata) for relative comment dates.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from cleanpage.engines.langid import detect_language
from cleanpage.errors import InputTypeError, ReadError
from cleanpage.io.fetch import DEFAULT_TIMEOUT, fetch, is_url
from cleanpage.io.warc import TruncatedPayload
from cleanpage.options import Options
from cleanpage.pipeline.assemble import assemble
from cleanpage.pipeline.attribute import attribute
from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.decode import Decoded, decode
from cleanpage.pipeline.sniff import sniff
from cleanpage.result import InputKind, Page, PageWarning
from cleanpage.rules import Rules, load_rules

if TYPE_CHECKING:
    from cleanpage.engines.trafilatura import EngineText

__all__ = ["clean", "clean_file", "clean_url"]


def _reference(published: _dt.date | _dt.datetime | None) -> _dt.datetime | None:
    """The page's date as the moment relative comment dates ("2 days ago") count from."""
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published
    return _dt.datetime(published.year, published.month, published.day, 12)


class HtmlRead(NamedTuple):
    """What the HTML stages before classification found: what training reads too (:mod:`cleanpage.learn`)."""

    warnings: tuple[PageWarning, ...]
    meta: Any  # pipeline.html.metadata.HtmlMeta (imported lazily with the HTML path)
    found: Any  # pipeline.html.responses.HtmlResponses
    blocks: tuple[Block, ...]
    engine: EngineText | None


def read_html(decoded: Decoded, url: str | None, options: Options, rules: Rules) -> HtmlRead:
    """The HTML path up to classification: parse, metadata, responses, blocks, the engine."""
    from cleanpage.engines.trafilatura import engine_fits, run_trafilatura
    from cleanpage.pipeline.html.blocks import build_blocks
    from cleanpage.pipeline.html.metadata import read_metadata
    from cleanpage.pipeline.html.responses import find_responses
    from cleanpage.pipeline.html.tree import drop_unread, parse_page, proxies_held

    # parse: the tree every HTML stage reads
    root, warnings = parse_page(decoded.text)
    with proxies_held(root):  # the stages below walk the tree many times: its proxies are made once
        # metadata: title, authors, date and language from the tree
        meta = read_metadata(root, rules, url)
        # responses: comment sections and their comments, threaded; their elements marked for the blocks
        found = find_responses(root, rules, _reference(meta.published), meta.language, typed_article=meta.typed_article)
        # blocks: the tree's text as ordered blocks with their context
        blocks = build_blocks(root, found.marks, disclosure=rules.disclosure)
    # engine: the tree's last reader (what it would delete after copying goes now)
    drop_unread(root)
    engine = None
    if options.use_trafilatura:
        if engine_fits(decoded.text, root):
            engine = run_trafilatura(root, url)
        else:  # a huge page or tables nested past reason: the engine's time grows faster than the page;
            # the page says it went without
            warnings = (*warnings, PageWarning.ENGINE_SKIPPED)
    return HtmlRead(warnings=tuple(warnings), meta=meta, found=found, blocks=blocks, engine=engine)


def _clean_html(decoded: Decoded, url: str | None, options: Options, rules: Rules) -> Page:
    from cleanpage.models import block_model_name, checked_block_model, load_forest
    from cleanpage.pipeline.html.classify import classify

    warnings, meta, found, blocks, engine = read_html(decoded, url, options, rules)
    # the block model trained the way this page is read: with the engine's vote or without it (a page
    # too long for the engine is read as the fast path reads every page)
    with_engine = options.use_trafilatura and PageWarning.ENGINE_SKIPPED not in warnings
    model = None
    if options.block_model:
        model = checked_block_model(load_forest(block_model_name(with_engine)), with_engine)
    # classify: every block labelled, placed by the page's headline (not the ranker's title)
    labelled = classify(blocks, engine, rules, title=meta.headline, model=model)
    # attribute: credits out of the body
    labelled, credits = attribute(labelled, rules, meta.byline_texts, dated=meta.published is not None,
                                  lang=meta.language)
    page = assemble(
        labelled,
        kind=InputKind.HTML,
        title=meta.title,
        attribution=credits,
        # a thread names no author in its head: who opened it wrote the body
        authors=meta.authors or ((found.opener,) if found.opener else ()),
        published=meta.published,
        responses=found.responses,
        announced=found.announced,
        decoded=decoded,
        url=url,
        language=meta.language,
        options=options,
        rules=rules,
        # thread: the opening post is the body when the page's posts are its content
        opening=found.opening,
        thread=found.thread,
        # forum quotes: a reply's copies of earlier posts, recorded once as removed
        quoted=found.quoted,
    )
    return replace(page, warnings=warnings) if warnings else page  # a parse cut short says so


def _clean_text(decoded: Decoded, url: str | None, options: Options, rules: Rules) -> Page:
    from cleanpage.pipeline.text.blocks import build_blocks
    from cleanpage.pipeline.text.classify import classify
    from cleanpage.pipeline.text.metadata import read_metadata
    from cleanpage.pipeline.text.responses import split_responses

    # blocks: lines joined into paragraphs by the dump's shape
    blocks = build_blocks(decoded.text)
    # classify: every block labelled, the response region as a whole
    labelled = classify(blocks, rules)
    # attribute: credits out of the body
    labelled, credits = attribute(labelled, rules)
    # metadata: title, authors and date from the lines above the body
    meta = read_metadata(labelled, rules)
    # responses: the response region split into responses, their chrome relabelled
    split = split_responses(labelled, rules, _reference(meta.published))
    return assemble(
        split.labelled,
        kind=InputKind.TEXT,
        title=meta.title,
        attribution=credits,
        authors=meta.authors,
        published=meta.published,
        responses=split.responses,
        announced=split.announced,
        decoded=decoded,
        url=url,
        language=None,
        options=options,
        rules=rules,
        thread=meta.thread,  # a poster's panel above the body: the opening post of a forum thread
    )


_WARM_HTML = (
    "<html><head><title>Warm-up</title><meta name='author' content='A. Writer'></head><body><article>"
    "<h1>Warm-up</h1><p>Posted on March 3, 2024 by A. Writer</p><p>A short paragraph of prose that is "
    "long enough to be kept as the body of this page. (AP)</p></article><div class='comments'>"
    "<h3>2 Responses</h3></div></body></html>"
)


def warm_up() -> None:
    """Import the pipeline's modules and load its lazy data (rules, date locales, the block model):
    one small page of each kind, cleaned before any document's clock starts."""
    clean(_WARM_HTML)
    clean("Warm-up\n\nPosted on March 3, 2024 by A. Writer\n\nA short paragraph of prose (AP).\n")


def clean(
    source: str | bytes,
    url: str | None = None,
    *,
    kind: str | InputKind | None = None,
    options: Options | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Page:
    """Clean one saved page (HTML or a plain-text dump) into a :class:`Page`.

    Raises a :class:`~cleanpage.errors.CleanpageError` subclass for input that cannot give a page
    (wrong type, empty, binary, too large, over the time limit); never another exception type for
    bad input.
    """
    if isinstance(source, str) and is_url(source):
        # a URL is not a page: cleaning its characters would give an empty page and no hint
        raise InputTypeError("clean() takes a page's HTML or text, not a URL: use cleanpage.clean_url(url) "
                             "to fetch and clean it", context=source.strip()[:200])
    opts = options or Options()
    changes: dict[str, object] = {}
    if kind is not None:
        changes["kind"] = kind  # Options checks it: an unknown kind is an OptionError
    if max_bytes is not None:
        changes["max_bytes"] = max_bytes
    if timeout is not None:
        changes["timeout"] = timeout
    if changes:
        opts = replace(opts, **changes)  # type: ignore[arg-type]
    if opts.timeout is not None:  # in a child process killed at the limit, warmed up outside the clock
        from cleanpage.io.limits import run_killable

        return run_killable(_clean, source, url, replace(opts, timeout=None), timeout=opts.timeout,
                            prepare=warm_up)
    return _clean(source, url, opts)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off for one page, and turned back on after it (on
    only if it was on: a caller that turned it off keeps it off).

    A page makes tens of thousands of short-lived tuples, blocks and labels, all freed by reference
    counting (the stages build no reference cycles: over 200 dev pages the collector found nothing to
    collect), yet their allocation alone sets off the collector every few hundred objects, and every
    fortieth page or so a full pass over every live object of the process (~40 ms): ~2 ms a page
    for nothing. Anything cyclic a page leaves is collected as usual once the collector is back on.
    The switch is the process's (``gc`` has no per-thread state): another thread's page that starts
    while it is off leaves it alone, and the first page to finish turns it back on.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _clean(source: str | bytes, url: str | None, opts: Options) -> Page:
    with _collector_paused():
        return _clean_page(source, url, opts)


def _clean_page(source: str | bytes, url: str | None, opts: Options) -> Page:
    decoded = decode(source, max_bytes=opts.max_bytes)
    rules = load_rules()
    input_kind = opts.kind if opts.kind is not None else sniff(decoded.text)
    if input_kind is InputKind.HTML:
        page = _clean_html(decoded, url, opts, rules)
    else:
        page = _clean_text(decoded, url, opts, rules)
    if isinstance(source, TruncatedPayload):  # the archive says its crawler cut this page short
        page = replace(page, warnings=(*page.warnings, PageWarning.SOURCE_TRUNCATED))
    # language: the page's own word, else what the body reads as
    return _language(page, opts)


def _language(page: Page, opts: Options) -> Page:
    if page.language:
        return replace(page, language_source="declared")
    detected = detect_language(page.body) if opts.detect_language else None
    return replace(page, language=detected, language_source="detected" if detected else None)


def clean_file(
    path: str | os.PathLike[str],
    url: str | None = None,
    *,
    kind: str | InputKind | None = None,
    options: Options | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Page:
    """Read a file as bytes and :func:`clean` it; unreadable files raise :class:`ReadError`."""
    limit = max_bytes or (options.max_bytes if options else Options().max_bytes)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", context=os.fspath(path)) from exc
    return clean(data, url, kind=kind, options=options, max_bytes=max_bytes, timeout=timeout)


def clean_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int | None = None,
    kind: str | InputKind | None = None,
    options: Options | None = None,
) -> Page:
    """Fetch ``url`` (see :mod:`cleanpage.io.fetch`) and :func:`clean` the page it gives.

    ``timeout`` bounds the fetch; ``max_bytes`` caps the body (default ``Options.max_bytes``).
    A failed fetch raises :class:`~cleanpage.errors.FetchError`; the page's own URL after
    redirects is the ``Page.url``.
    """
    limit = max_bytes or (options.max_bytes if options else Options().max_bytes)
    fetched = fetch(url, timeout=timeout, max_bytes=limit)
    return clean(fetched.data, fetched.url, kind=kind, options=options, max_bytes=max_bytes)
