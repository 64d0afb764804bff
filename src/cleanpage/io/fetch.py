"""Pages from the web: one GET with a timeout, a size cap, a redirect limit and a clear user agent.

Built on urllib3 (already under trafilatura), not a new HTTP stack. Redirects are followed here,
one hop at a time, so that a loop is told apart from a failed hop; the body is read in chunks and
dropped as soon as it passes the cap (a ``Content-Length`` past it is refused before reading).
Every failure is a :class:`~cleanpage.errors.FetchError` whose ``cause`` says why: ``status``,
``timeout``, ``too-large``, ``redirects`` or ``connection``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from cleanpage.errors import FetchError

__all__ = ["DEFAULT_TIMEOUT", "MAX_REDIRECTS", "USER_AGENT", "Fetched", "fetch", "is_url"]

#: Seconds for the connection and for the whole response (a server that trickles bytes stops too).
DEFAULT_TIMEOUT = 30.0
#: Browsers allow ~20; five is more than any article page needs and stops loops early.
MAX_REDIRECTS = 5
USER_AGENT = "cleanpage/{version} (+https://pypi.org/project/cleanpage/)"

_URL = re.compile(r"\Ahttps?://[^\s<>\"]+\Z", re.IGNORECASE)
_CHUNK = 64 * 1024


def is_url(text: str) -> bool:
    """Is ``text`` (stripped) nothing but one http(s) URL?"""
    return bool(_URL.match(text.strip()))


@dataclass(frozen=True, kw_only=True, slots=True)
class Fetched:
    """A fetched page: the final URL after redirects, the status and the body as bytes."""

    url: str
    status: int
    data: bytes
    content_type: str | None = None


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:  # the installed distribution's version: importing the package root here would be a cycle
        return USER_AGENT.format(version=version("cleanpage"))
    except PackageNotFoundError:
        return USER_AGENT.format(version="unknown")


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int,
          max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """GET ``url``; raise :class:`FetchError` for anything but a 2xx page within the limits."""
    import urllib3

    if not is_url(url):
        raise FetchError("not an http(s) URL", cause="url", context=url)
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": _user_agent(), "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    with urllib3.PoolManager(headers=headers, retries=False) as pool:
        current = url.strip()
        for _hop in range(max_redirects + 1):
            left = deadline - time.monotonic()
            if left <= 0:
                raise FetchError(f"no answer within {timeout:g} s", cause="timeout", context=url)
            try:
                response = pool.request("GET", current, redirect=False, preload_content=False,
                                        timeout=urllib3.Timeout(connect=left, read=left))
            except urllib3.exceptions.TimeoutError as exc:
                raise FetchError(f"no answer within {timeout:g} s", cause="timeout", context=url) from exc
            except urllib3.exceptions.HTTPError as exc:
                raise FetchError(f"cannot connect: {type(exc).__name__}", cause="connection",
                                 context=url) from exc
            try:
                if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                    current = urljoin(current, response.headers["Location"])
                    continue
                if not 200 <= response.status < 300:
                    raise FetchError(f"HTTP status {response.status}", cause="status",
                                     status=response.status, context=url)
                data = _read(response, max_bytes=max_bytes, deadline=deadline, timeout=timeout, url=url)
                return Fetched(url=current, status=response.status, data=data,
                               content_type=response.headers.get("Content-Type"))
            finally:
                response.release_conn()
    raise FetchError(f"more than {max_redirects} redirects", cause="redirects", context=url)


def _read(response, *, max_bytes: int, deadline: float, timeout: float, url: str) -> bytes:  # type: ignore[no-untyped-def]
    import urllib3

    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"body of {declared} bytes is larger than max_bytes={max_bytes}",
                         cause="too-large", context=url)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.stream(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"body is larger than max_bytes={max_bytes}", cause="too-large", context=url)
            if time.monotonic() > deadline:
                raise FetchError(f"no complete answer within {timeout:g} s", cause="timeout", context=url)
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError as exc:
        raise FetchError(f"no complete answer within {timeout:g} s", cause="timeout", context=url) from exc
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"connection broke: {type(exc).__name__}", cause="connection", context=url) from exc
    return b"".join(chunks)
