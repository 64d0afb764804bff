"""Web archives in: the HTML responses of a WARC file (``.warc`` or ``.warc.gz``), read with warcio.

:func:`iter_warc` yields ``(record_id, payload, target_uri)`` for every ``response`` record whose
HTTP status is 2xx and whose Content-Type is ``text/html`` or ``application/xhtml+xml``; the
payload has its chunked/gzip transfer encodings removed by warcio. The triples feed
:func:`cleanpage.clean_many` directly (``(id, source, url)``).

Every record gives a payload or an error, never a silent partial page. warcio trusts each
record's ``Content-Length``, stops silently at a truncated gzip member, and prints a multi-line
warning with raw payload bytes to stderr when a record is not followed by the blank lines that end
it; this module reads each record to its end and checks both ends itself:

* a record whose body is shorter than its ``Content-Length`` (the file or its gzip member ended
  early) is a :class:`~cleanpage.errors.ReadError` ("truncated"), not the start of a page;
* a record that is not followed by its blank lines has a wrong ``Content-Length`` (too small: the
  rest of its page follows; too big: it swallowed the start of the next record). It is a
  ``ReadError``, and reading starts again at the next record header after the record's own start,
  so the record it swallowed is still read;
* a record whose gzip member does not end with it (a member cut short decompresses on into the
  next member's bytes as garbage, after the record or as its header) is a ``ReadError``, and
  reading starts again at the next gzip member after the record's start;
* an unreadable stretch (a corrupt header, a damaged gzip member) is one ``ReadError`` whose id
  names the file and the byte offset, and reading goes on at the next record (the next
  ``WARC/1.x`` line, or the next gzip member) instead of giving up on the file.

A ``.warc.gz`` gzipped as a whole (one member, or a few, holding several records each), which
warcio refuses after its first record, is read again from its start as one decompressed WARC; the
records already given are not given twice, and a cut in it is one ``ReadError``.

warcio's stderr warning is never printed: the record it is about becomes an error record instead.

A record whose ``WARC-Truncated`` header says the crawler cut the page (at its size or time limit, or
at a dropped connection) is whole as a record but not as a page: its payload is a
:class:`TruncatedPayload`, and the page cleaned from it carries
:attr:`~cleanpage.result.PageWarning.SOURCE_TRUNCATED`.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from cleanpage.errors import ReadError
from cleanpage.options import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["HTML_TYPES", "TruncatedPayload", "WarcItem", "is_warc", "iter_warc", "iter_warc_read"]

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
WarcItem = tuple[str, "bytes | ReadError", "str | None"]

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_CHUNK = 1 << 20


class TruncatedPayload(bytes):
    """A page's bytes that its crawler did not save whole: still bytes to every reader, and the
    reason (the ``WARC-Truncated`` value: ``length``, ``time``, ``disconnect``, ``unspecified``)
    travels with them, through pickling too, so that :func:`cleanpage.clean` can say so on the page."""

    reason: str

    def __new__(cls, data: bytes, reason: str) -> Self:
        payload = super().__new__(cls, data)
        payload.reason = reason
        return payload

    def __reduce__(self) -> tuple[Any, ...]:
        return TruncatedPayload, (bytes(self), self.reason)


def is_warc(path: str | os.PathLike[str]) -> bool:
    """Whether a file name says WARC (``.warc``, ``.warc.gz``)."""
    name = os.fspath(path).lower()
    return name.endswith((".warc", ".warc.gz"))


def _is_html_response(record: Any) -> bool:
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


def _iterator(handle: IO[bytes]) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    class _CheckedIterator(ArchiveIterator):  # type: ignore[misc]
        """warcio's iterator without its stderr warning: a record not followed by a blank line
        is counted in ``misaligned`` (and becomes an error record) instead."""

        misaligned = 0

        def _consume_blanklines(self) -> tuple[bytes | None, int]:
            empty_size = 0
            first_line = True
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if not line.rstrip() or first_line:
                    empty_size += len(line)
                    if line.rstrip():
                        self.misaligned += 1
                    first_line = False
                    continue
                return line, empty_size

    return _CheckedIterator(handle)


def _next_start(handle: IO[bytes], after: int, gzipped: bool) -> int | None:
    """Where the next record may start at or after ``after``: a gzip member, or a ``WARC/1.x`` line."""
    needle = _GZIP_MAGIC if gzipped else _WARC_LINE
    skip = 0 if gzipped else 1  # the match starts at the newline before "WARC/1."
    position = max(after - skip, 0)
    handle.seek(position)
    carry = b""
    while True:
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        found = data.find(needle)
        if found >= 0:
            start = position - len(carry) + found + skip
            if start >= after:
                return start
            found = data.find(needle, found + 1)
            if found >= 0:
                return position - len(carry) + found + skip
        carry = data[-len(needle):]
        position += len(chunk)


def _next_is_record(records: Any) -> bool:
    """Whether the line read after a record's blank lines starts another record (``WARC/``): in a
    gzip member, which should end with its record, this is a member of several records."""
    return (records.next_line or b"").lstrip().startswith((b"WARC/", b"warc/"))


def _member_goes_on_with_a_record(records: Any) -> bool:
    """Whether the gzip member read so far goes on with another record (a whole-file gzip)."""
    return getattr(records.reader, "decompressor", None) is not None and _next_is_record(records)


def _member_unended(records: Any) -> bool:
    """Whether a gzip member did not end cleanly with its record. A member cut short and followed by
    the next member decompresses on into that member's bytes as garbage: the garbage may follow the
    record (its body may be garbage too), or be the record's own header, whose garbage
    ``Content-Length`` then swallows every member after it, silently. Either a line that is not a
    record's follows the record's blank lines inside the member, or the deflate stream never ended
    (zlib's ``eof``: the stream ended and its checksum matched). A member holding several whole
    records (a whole-file gzip) goes on with a ``WARC/`` line instead: see :class:`_WholeGzip`."""
    decompressor = getattr(records.reader, "decompressor", None)
    if decompressor is None:
        return False
    if records.next_line:
        return not _next_is_record(records)
    return not getattr(decompressor, "eof", True)


class _WholeGzip(int):
    """The signal that a gzip member holds several records (a whole file gzipped at once, not
    record by record), with how many records were read before it ends: warcio refuses such a
    member after its first record, so the file is read again as one decompressed stream.
    ``offset`` is where that member's first record starts."""

    offset: int = 0


def _read_from(handle: IO[bytes], name: str, start: int, size: int, max_bytes: int,
               gzipped: bool, *, skip: int = 0) -> Iterator[WarcItem | int]:
    """Items from ``start`` on, the first ``skip`` records left out; the last thing yielded is an
    ``int``: where to start again after damage (the scan for the next record begins there), a
    :class:`_WholeGzip`, or none when the file was read to its end."""
    handle.seek(start)
    records = _iterator(handle)
    offset = start
    inside = False  # reading a record whose start is ``offset`` (not between records)
    seen = 0
    try:
        for record in records:
            offset, inside = records.offset, True
            seen += 1
            if seen <= skip:
                records.read_to_end()
                inside = False
                continue
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            if record.rec_type is None or not record_id:
                yield _error_item(name, offset, "WARC record without a type or id (corrupt archive)")
                yield offset + 1
                return
            html = _is_html_response(record)
            payload = record.content_stream().read(max_bytes + 1) if html else b""
            url = record.rec_headers.get_header("WARC-Target-URI")
            misaligned = records.misaligned
            records.read_to_end()  # the rest of the record, and the blank lines that must follow it
            # the file or its gzip member ended inside the body (no limit: no usable Content-Length)
            short = getattr(record.raw_stream, "limit", 0) > 0
            unended = gzipped and _member_unended(records)
            if short or unended or records.misaligned > misaligned:
                declared = record.rec_headers.get_header("Content-Length")
                why = ("is truncated (its body ends before its Content-Length)" if short else
                       "is damaged (its gzip member does not end with it: a cut member "
                       "decompressed on into the next one)" if unended else
                       f"has a wrong Content-Length ({declared}: the next record does not follow it)")
                if html:
                    yield record_id, ReadError(f"WARC record {why}", context=record_id), url
                else:  # not a page, but the archive is damaged there: say so, by file and offset
                    yield _error_item(name, offset, f"WARC {record.rec_type} record {record_id} {why}")
                logger.debug("%s: record at offset %d is damaged; reading on at the next record", name, offset)
                yield offset + 1
                return
            if html:
                cut = record.rec_headers.get_header("WARC-Truncated")
                yield record_id, TruncatedPayload(payload, cut.strip() or "unspecified") if cut else payload, url
            inside = False
            if gzipped and _member_goes_on_with_a_record(records):
                signal = _WholeGzip(seen)
                signal.offset = offset
                yield signal
                return
    except Exception as exc:  # noqa: BLE001 - warcio/zlib raise many types for a corrupt archive
        # inside a record, its own start is where the damage is, and the scan for the next record
        # starts after it: where warcio stopped may be the file's end, past records still whole
        at = offset if inside else max(records.offset or offset, offset)
        yield _error_item(name, at, f"corrupt WARC archive: {type(exc).__name__}: {str(exc)[:200]}")
        yield at + 1
        return
    # warcio ends quietly at a gzip member cut short: bytes left unread mean the file was cut there
    if records.offset < size:
        yield _error_item(name, records.offset, "WARC archive is truncated (it ends inside a record)")
        yield records.offset + 1


def iter_warc(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[WarcItem]:
    """Yield ``(id, payload | ReadError, url)`` for the HTML responses of one WARC file.

    A payload past ``max_bytes`` is cut at ``max_bytes + 1`` bytes, so that cleaning it gives a
    :class:`~cleanpage.errors.TooLargeError` without holding the whole record in memory. Damage
    gives ``ReadError`` items (see the module docstring), and the records after it are still read.
    """
    for item, _read in iter_warc_read(path, max_bytes=max_bytes):
        yield item


def iter_warc_read(path: str | os.PathLike[str], *,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[WarcItem, int]]:
    """:func:`iter_warc`'s items, each with how many bytes of the file have been read by then
    (compressed bytes for ``.warc.gz``): what a byte-based progress bar counts."""
    name = os.fspath(path)
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, also when the consumer stops early
    except OSError as exc:
        yield (name, ReadError(f"cannot read WARC file: {exc.strerror or exc}", context=name), None), 0
        return
    with handle:
        gzipped = handle.read(3) == _GZIP_MAGIC
        size = os.fstat(handle.fileno()).st_size
        for out in _read_all(handle, handle, name, size, size, max_bytes, gzipped):
            if isinstance(out, _WholeGzip):  # a file gzipped as a whole: read again, decompressed
                handle.seek(0)
                stream = _CutIsAnError(gzip.GzipFile(fileobj=handle, mode="rb"))
                for again in _read_all(stream, handle, name, size, 0, max_bytes, False, skip=int(out)):
                    if not isinstance(again, _WholeGzip):  # a plain stream gives none
                        yield again
                return
            yield out


def _read_all(stream: IO[bytes], handle: IO[bytes], name: str, size: int, check_size: int, max_bytes: int,
              gzipped: bool, *, skip: int = 0) -> Iterator[tuple[WarcItem, int] | _WholeGzip]:
    """Every item of ``stream`` with the bytes of the file (``handle``) read by then, restarting
    after each damage at the next record; or, as soon as the first pass meets a gzip member of
    several records, the :class:`_WholeGzip` signal. ``check_size`` is the size the last record's
    end is checked against (0: the stream's end is its own, as in a decompressed stream)."""
    start: int | None = 0
    while start is not None:
        restart = None
        for item in _read_from(stream, name, start, check_size, max_bytes, gzipped, skip=skip):
            if isinstance(item, _WholeGzip):
                if start == 0:
                    yield item
                    return
                # after damage the records read so far are no count to skip by: say so, and
                # read on at the next member (a restart, not the count, which is no offset)
                yield _error_item(name, item.offset, "a gzip member after damage holds several WARC "
                                  "records (gzipped as a whole); only its first was read"), min(handle.tell(), size)
                restart = item.offset + 1
                break
            if isinstance(item, int):
                restart = item
            else:
                yield item, min(handle.tell(), size)
        skip = 0
        try:
            start = None if restart is None else _next_start(stream, restart, gzipped)
        except (OSError, EOFError, zlib.error) as exc:  # the stream cannot be read past the damage
            logger.debug("%s: unreadable after offset %d: %s", name, restart, exc)
            start = None


class _CutIsAnError(io.BufferedReader):
    """A gzip stream whose early end is an ``OSError``, not the ``EOFError`` gzip raises: warcio
    takes an ``EOFError`` for the archive's clean end, and the records after the cut were lost
    without a word."""

    def read(self, size: int | None = -1, /) -> bytes:
        try:
            return super().read(size)
        except EOFError as exc:
            raise OSError(f"the gzip stream is cut short: {exc}") from exc

    def readline(self, size: int | None = -1, /) -> bytes:
        try:
            return super().readline(size)
        except EOFError as exc:
            raise OSError(f"the gzip stream is cut short: {exc}") from exc
