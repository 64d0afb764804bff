"""Web archives in: the HTML responses of a WARC file (``.warc`` or ``.warc.gz``), read with warcio.

:func:`iter_warc` yields ``(record_id, payload, target_uri)`` for every ``response`` record whose
HTTP status is 2xx and whose Content-Type is ``text/html`` or ``application/xhtml+xml``; the
payload has its chunked/gzip transfer encodings removed by warcio. The triples feed
:func:`cleanpage.clean_many` directly (``(id, source, url)``).

warcio stops *silently* at a truncated gzip member and returns a short payload for a truncated
uncompressed record, so this module checks both: a record whose payload is shorter than its
``Content-Length``, a parse failure, or an archive that ends before its last record does, each
becomes one :class:`~cleanpage.errors.ReadError` item (in place of the payload) with an id that
names the file and the byte offset — the good records before it are still yielded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from cleanpage.errors import ReadError
from cleanpage.options import DEFAULT_MAX_BYTES

__all__ = ["HTML_TYPES", "WarcItem", "is_warc", "iter_warc", "iter_warc_read"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
WarcItem = tuple[str, "bytes | ReadError", "str | None"]


def is_warc(path: str | os.PathLike[str]) -> bool:
    """Whether a file name says WARC (``.warc``, ``.warc.gz``)."""
    name = os.fspath(path).lower()
    return name.endswith((".warc", ".warc.gz"))


def _is_html_response(record: object) -> bool:
    if getattr(record, "rec_type", None) != "response":
        return False
    headers = getattr(record, "http_headers", None)
    if headers is None:
        return False
    status = headers.get_statuscode() or ""
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return status.startswith("2") and content_type in HTML_TYPES


def _error_item(name: str, offset: int, message: str) -> WarcItem:
    ident = f"{name}#offset={offset}"
    return ident, ReadError(message, context=ident), None


def iter_warc(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[WarcItem]:
    """Yield ``(id, payload | ReadError, url)`` for the HTML responses of one WARC file.

    A payload past ``max_bytes`` is cut at ``max_bytes + 1`` bytes, so that cleaning it gives a
    :class:`~cleanpage.errors.TooLargeError` without holding the whole record in memory.
    """
    for item, _read in iter_warc_read(path, max_bytes=max_bytes):
        yield item


def iter_warc_read(path: str | os.PathLike[str], *,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[WarcItem, int]]:
    """:func:`iter_warc`'s items, each with how many bytes of the file have been read by then
    (compressed bytes for ``.warc.gz``): what a byte-based progress bar counts."""
    from warcio.archiveiterator import ArchiveIterator

    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        handle = open(name, "rb")
    except OSError as exc:
        yield (name, ReadError(f"cannot read WARC file: {exc.strerror or exc}", context=name), None), 0
        return
    with handle:
        records = ArchiveIterator(handle)
        offset = 0
        last = None  # the last record, to see whether the archive ended inside it
        reported = False
        try:
            for record in records:
                offset, last, reported = records.offset, record, False
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                if record.rec_type is None or not record_id:
                    yield _error_item(name, offset, "WARC record without a type or id (corrupt archive)"), size
                    return
                if not _is_html_response(record):
                    continue
                payload = record.content_stream().read(max_bytes + 1)
                url = record.rec_headers.get_header("WARC-Target-URI")
                if len(payload) <= max_bytes and record.raw_stream.limit > 0:
                    reported = True
                    yield (record_id, ReadError("WARC record is truncated", context=record_id), url), handle.tell()
                    continue
                yield (record_id, payload, url), handle.tell()
        except Exception as exc:  # noqa: BLE001 - warcio/zlib raise many types for a corrupt archive
            yield _error_item(name, records.offset or offset,
                              f"corrupt WARC archive: {type(exc).__name__}: {exc}"), size
            return
        # warcio skips the rest of a record it was not asked to read; a short one means the file ended
        ended_inside = last is not None and not reported and getattr(last.raw_stream, "limit", 0) > 0
        if records.offset < size or ended_inside:
            yield _error_item(name, offset if ended_inside else records.offset,
                              "WARC archive is truncated (ends inside a record)"), size
