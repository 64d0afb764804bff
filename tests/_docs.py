"""Small documents and archives for the batch, CLI and Dask tests (built, not shipped)."""

from __future__ import annotations

import io
from pathlib import Path

FILLER = ("The council met on Tuesday evening to discuss the plan for the new library building, "
          "and several residents spoke in favour of the proposal.")


def small_html(i: int) -> str:
    return (f"<html><head><title>Story number {i}</title></head><body><nav>Home | News</nav>"
            f"<article><h1>Story number {i}</h1><p>{FILLER} Item {i}.</p><p>{FILLER}</p></article>"
            f"<footer>Copyright 2024</footer></body></html>")


def small_text(i: int) -> str:
    return f"Story number {i}\n\n{FILLER} Item {i}.\n\n{FILLER}\n"


def slow_html(paragraphs: int = 30000) -> str:
    """A legal page that takes seconds to clean (30,000 paragraphs, ~2 MB: ~3.5 s on a 2024 laptop core)."""
    return "<html><body>" + "".join(
        f"<p>Paragraph {i} with some words in it, enough to be prose for sure.</p>" for i in range(paragraphs)
    ) + "</body></html>"


def make_warc(records: list[tuple[str, str, str, bytes]], *, gzip: bool = True,
              truncated: dict[str, str] | None = None) -> bytes:
    """A WARC of ``(uri, status line, content type, payload)`` response records; ``truncated``
    gives some URIs a ``WARC-Truncated`` header with that value (the crawler cut them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for uri, status, content_type, payload in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        cut = (truncated or {}).get(uri)
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=headers,
            warc_headers_dict={"WARC-Truncated": cut} if cut is not None else None))
    return buf.getvalue()


def sample_warc(path: Path, *, gzip: bool = True) -> Path:
    """Three HTML pages (one XHTML) among an image, a 404 and a redirect."""
    data = make_warc([
        ("http://example.org/a", "200 OK", "text/html; charset=utf-8", small_html(1).encode()),
        ("http://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        ("http://example.org/b", "200 OK", "application/xhtml+xml", small_html(2).encode()),
        ("http://example.org/gone", "404 Not Found", "text/html", small_html(3).encode()),
        ("http://example.org/moved", "301 Moved Permanently", "text/html", b"<p>moved</p>"),
        ("http://example.org/c", "200 OK", "text/html", small_html(4).encode()),
    ], gzip=gzip)
    path.write_bytes(data)
    return path
