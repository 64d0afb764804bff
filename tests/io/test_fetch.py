"""Pages from URLs: clean_url, the CLI's URL inputs and every way a fetch fails, against a local server
in a thread (no network): a 200 page, a 404, a redirect loop, a slow server, a body past the cap."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import cleanpage
from cleanpage import FetchError, InputTypeError
from cleanpage.io.cli import main
from cleanpage.io.fetch import fetch, is_url
from tests._docs import small_html

PAGE = small_html(7).encode("utf-8")
AGENTS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/page":
            AGENTS.append(self.headers.get("User-Agent", ""))
            self._send(200, PAGE)
        elif self.path == "/moved":
            self._redirect("/page")
        elif self.path.startswith("/loop"):
            self._redirect("/loop-again" if self.path == "/loop" else "/loop")
        elif self.path == "/slow":
            time.sleep(2.0)
            self._send(200, PAGE)
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 50_000 + b"</p>")
        elif self.path == "/big-chunked":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(10):
                self.wfile.write(b"x" * 10_000)
            self.close_connection = True
        else:
            self._send(404, b"not here")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_clean_url_fetches_and_cleans_a_page(server: str) -> None:
    page = cleanpage.clean_url(server + "/page")
    assert page.title == "Story number 7"
    assert "Item 7." in page.body
    assert page.url == server + "/page"


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    page = cleanpage.clean_url(server + "/moved")
    assert page.url == server + "/page"
    assert page.title == "Story number 7"


def test_the_user_agent_names_cleanpage(server: str) -> None:
    fetched = fetch(server + "/page", max_bytes=10**6)
    assert fetched.status == 200 and fetched.data == PAGE
    assert AGENTS[-1].startswith(f"cleanpage/{cleanpage.__version__} (+")


@pytest.mark.parametrize(("path", "cause", "kwargs"), [
    ("/missing", "status", {}),
    ("/loop", "redirects", {}),
    ("/slow", "timeout", {"timeout": 0.5}),
    ("/big", "too-large", {"max_bytes": 10_000}),
    ("/big-chunked", "too-large", {"max_bytes": 10_000}),
], ids=["404", "redirect-loop", "slow", "too-large", "too-large-chunked"])
def test_a_failed_fetch_is_a_typed_error_with_its_cause(server: str, path: str, cause: str,
                                                       kwargs: dict[str, float]) -> None:
    with pytest.raises(FetchError) as info:
        cleanpage.clean_url(server + path, **kwargs)  # type: ignore[arg-type]
    error = info.value
    assert error.cause == cause
    assert error.reason == "fetch-error"
    assert error.context == server + path
    if cause == "status":
        assert error.status == 404 and "404" in str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.cause, copy.status, copy.context) == (error.cause, error.status, error.context)


def test_an_unreachable_host_is_a_connection_error() -> None:
    with pytest.raises(FetchError) as info:
        fetch("http://127.0.0.1:9/", timeout=2, max_bytes=1000)
    assert info.value.cause in ("connection", "timeout")


@pytest.mark.parametrize("text", ["https://example.org/a", "  http://example.org/\n"])
def test_clean_of_a_url_string_points_at_clean_url(text: str) -> None:
    with pytest.raises(InputTypeError, match="clean_url"):
        cleanpage.clean(text)
    assert is_url(text)


def test_text_that_mentions_a_url_is_still_a_page() -> None:
    assert not is_url("See https://example.org/a for more.")
    assert cleanpage.clean("See https://example.org/a for more.\n\nAnd a second line here.").kind.value == "text"


def test_cli_cleans_a_url(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([server + "/page"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Story number 7"
    assert data["url"] == server + "/page"


def test_cli_reports_a_failed_fetch_and_goes_on(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([server + "/missing", server + "/page"]) == 1
    captured = capsys.readouterr()
    assert "fetch-error" in captured.err and "404" in captured.err
    assert [json.loads(line)["title"] for line in captured.out.splitlines()] == ["Story number 7"]


def test_cli_url_through_a_subprocess(server: str) -> None:
    done = subprocess.run([sys.executable, "-m", "cleanpage", "--format", "text", server + "/moved"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Story number 7")


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "pool"])
def test_clean_many_fetches_urls_and_records_a_failed_fetch(server: str, workers: int) -> None:
    sources = [server + "/page", server + "/missing", ("mine", server + "/moved")]
    timeout = None if workers == 1 else 60.0
    results = list(cleanpage.clean_many(sources, workers=workers, timeout=timeout))
    assert [ident for ident, _ in results] == [server + "/page", server + "/missing", "mine"]
    page, missing, moved = (outcome for _, outcome in results)
    assert isinstance(page, cleanpage.Page) and page.title == "Story number 7"
    assert page.url == server + "/page"
    assert isinstance(missing, FetchError)
    assert (missing.cause, missing.status, missing.context) == ("status", 404, server + "/missing")
    assert isinstance(moved, cleanpage.Page) and moved.url == server + "/page"


def test_cli_inputs_pass_urls_on_unfetched(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI hands a URL to clean_many as an address, so the worker that cleans it also fetches it
    (several URLs in parallel) instead of the main process fetching them one by one."""
    from cleanpage.io import inputs

    def no_fetch(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the main process fetched a URL")

    monkeypatch.setattr("cleanpage.io.fetch.fetch", no_fetch)
    (doc,) = list(inputs.expand([server + "/page"], max_bytes=10**6))
    assert (doc.id, doc.source, doc.url) == (server + "/page",) * 3


def test_cli_several_urls_go_through_the_pool(server: str, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanpage.io import cli

    seen: list[object] = []
    real = cli.clean_many

    def spy(sources, **kwargs):  # type: ignore[no-untyped-def]
        items = list(sources)
        seen.extend(source for _, source, _ in items)
        return real(items, **kwargs)

    monkeypatch.setattr(cli, "clean_many", spy)
    assert main(["--format", "text", server + "/page", server + "/moved"]) == 0
    assert seen == [server + "/page", server + "/moved"]  # addresses, fetched by the workers
    assert capsys.readouterr().out.count("Story number 7") == 2
