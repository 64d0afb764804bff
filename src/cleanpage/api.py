"""The one way in: ``clean()`` reads like the pipeline it runs.

decode → sniff → blocks → classify (strip + segment) → attribute → respond → assemble.
Both input kinds meet at the block model; only block building, classification and response
splitting differ by kind.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import replace

from cleanpage.pipeline.assemble import assemble
from cleanpage.pipeline.attribute import attribute
from cleanpage.pipeline.decode import Decoded, decode
from cleanpage.errors import ReadError
from cleanpage.pipeline.blocks import Label
from cleanpage.options import KindOption, Options
from cleanpage.result import InputKind, Page
from cleanpage.rules import Rules, load_rules
from cleanpage.pipeline.sniff import sniff

__all__ = ["clean", "clean_file"]


def _reference(published: _dt.date | _dt.datetime | None) -> _dt.datetime | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published
    return _dt.datetime(published.year, published.month, published.day, 12)


def _clean_html(decoded: Decoded, url: str | None, options: Options, rules: Rules) -> Page:
    from cleanpage.pipeline.html.classify import classify_html
    from cleanpage.engines.trafilatura import run_trafilatura
    from cleanpage.pipeline.html.blocks import html_blocks
    from cleanpage.pipeline.html.tree import drop_unread, parse_page
    from cleanpage.pipeline.html.metadata import html_metadata
    from cleanpage.pipeline.html.responses import find_html_responses

    root, warnings = parse_page(decoded.text)
    meta = html_metadata(root, rules, url)
    found = find_html_responses(root, rules, _reference(meta.published), meta.language)
    marks = {id(el): "comments" for el in found.sections}
    marks.update({id(el): "comment-item" for el in found.items})
    blocks = html_blocks(root, marks)
    # the engine is the tree's last reader: what it would delete after copying goes now
    drop_unread(root)
    engine = run_trafilatura(root, url) if options.use_trafilatura else None
    labelled = classify_html(blocks, engine, rules, title=meta.title)
    labelled, credits = attribute(labelled, rules, meta.byline_texts)
    page = assemble(
        labelled,
        kind=InputKind.HTML,
        title=meta.title,
        attribution=credits,
        authors=meta.authors,
        published=meta.published,
        responses=found.responses,
        announced=found.announced,
        decoded=decoded,
        url=url,
        language=meta.language,
        options=options,
        rules=rules,
    )
    return replace(page, warnings=warnings) if warnings else page  # a parse cut short says so


def _clean_text(decoded: Decoded, url: str | None, options: Options, rules: Rules) -> Page:
    from cleanpage.pipeline.text.responses import split_text_responses
    from cleanpage.pipeline.text.blocks import text_blocks
    from cleanpage.pipeline.text.classify import classify_text
    from cleanpage.pipeline.text.metadata import text_metadata

    blocks, _shape = text_blocks(decoded.text)
    labelled = classify_text(blocks, rules)
    labelled, credits = attribute(labelled, rules)
    meta = text_metadata(labelled, rules)
    region = [item.block for item in labelled if item.label is Label.RESPONSE]
    split = split_text_responses(region, rules, _reference(meta.published))
    chrome = {b.index for b in split.chrome}
    labelled = tuple(
        item._replace(label=Label.BOILERPLATE, reason="comment-chrome") if item.block.index in chrome else item
        for item in labelled
    )
    announced = next(
        (rules.comments.announced(i.block.text) for i in labelled if i.label is Label.RESPONSE_HEADER), None
    )
    title = meta.title
    return assemble(
        labelled,
        kind=InputKind.TEXT,
        title=title,
        attribution=credits,
        authors=meta.authors,
        published=meta.published,
        responses=split.responses,
        announced=announced,
        decoded=decoded,
        url=url,
        language=None,
        options=options,
        rules=rules,
    )


def clean(
    source: str | bytes,
    url: str | None = None,
    *,
    kind: str | KindOption | None = None,
    options: Options | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Page:
    """Clean one saved page (HTML or a plain-text dump) into a :class:`Page`.

    Raises a :class:`~cleanpage.errors.CleanpageError` subclass for input that cannot give a page
    (wrong type, empty, binary, too large, over the time limit); never another exception type for
    bad input.
    """
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

        return run_killable(_clean, source, url, replace(opts, timeout=None), timeout=opts.timeout)
    return _clean(source, url, opts)


def _clean(source: str | bytes, url: str | None, opts: Options) -> Page:
    decoded = decode(source, max_bytes=opts.max_bytes)
    rules = load_rules()
    if opts.kind is KindOption.HTML:
        input_kind = InputKind.HTML
    elif opts.kind is KindOption.TEXT:
        input_kind = InputKind.TEXT
    else:
        input_kind = sniff(decoded.text)
    if input_kind is InputKind.HTML:
        return _clean_html(decoded, url, opts, rules)
    return _clean_text(decoded, url, opts, rules)


def clean_file(
    path: str | os.PathLike[str],
    url: str | None = None,
    *,
    kind: str | KindOption | None = None,
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
