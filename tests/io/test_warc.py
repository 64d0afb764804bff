"""WARC input: HTML 2xx responses only, keyed by record id with the target URI; damage is a record."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanpage
from cleanpage import ReadError
from cleanpage.io.warc import is_warc, iter_warc
from tests._docs import sample_warc


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_only(tmp_path: Path, gzip: bool) -> None:
    warc = sample_warc(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip=gzip)
    items = list(iter_warc(warc))
    assert [url for _, _, url in items] == ["http://example.org/a", "http://example.org/b", "http://example.org/c"]
    assert all(ident.startswith("<urn:uuid:") and isinstance(payload, bytes) for ident, payload, _ in items)
    results = list(cleanpage.clean_many(items, workers=1))
    assert [page.title for _, page in results] == ["Story number 1", "Story number 2", "Story number 4"]
    assert results[0][1].url == "http://example.org/a"


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_archive_yields_what_it_can(tmp_path: Path, gzip: bool) -> None:
    data = sample_warc(tmp_path / "full", gzip=gzip).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) * 7 // 10])
    items = list(iter_warc(cut))
    assert [url for _, payload, url in items if isinstance(payload, bytes)][:2] == \
        ["http://example.org/a", "http://example.org/b"]
    assert isinstance(items[-1][1], ReadError)
    assert sum(isinstance(p, ReadError) for _, p, _ in items) == 1


def test_corrupt_and_missing_archives(tmp_path: Path) -> None:
    data = bytearray(sample_warc(tmp_path / "full.warc.gz").read_bytes())
    data[len(data) // 2: len(data) // 2 + 20] = b"\x00" * 20
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    items = list(iter_warc(bad))
    errors = [(ident, p) for ident, p, _ in items if isinstance(p, ReadError)]
    assert errors and all("#offset=" in ident or ident.startswith("<urn:") for ident, _ in errors)
    assert [url for _, p, url in items if isinstance(p, bytes)][-1] == "http://example.org/c"  # read on
    ((ident, error, _),) = list(iter_warc(tmp_path / "none.warc"))
    assert isinstance(error, ReadError) and ident == str(tmp_path / "none.warc")


def test_is_warc() -> None:
    assert is_warc("a.warc") and is_warc("B.WARC.GZ") and not is_warc("a.html") and not is_warc("warc.txt")


# -- damaged records (issue 19 item 6): every record gives a page or an error, quietly ------------
def _three(gzip: bool) -> bytes:
    from tests._docs import make_warc, small_html

    return make_warc([(f"http://example.org/{c}", "200 OK", "text/html", small_html(i).encode())
                      for i, c in enumerate("abc")], gzip=gzip)


def _with_length(data: bytes, delta: int) -> bytes:
    import re

    first = re.search(rb"Content-Length: (\d+)", data)
    assert first is not None
    return data[:first.start(1)] + str(int(first.group(1)) + delta).encode() + data[first.end(1):]


@pytest.mark.parametrize("delta,why", [(300, "wrong Content-Length"), (-300, "wrong Content-Length"),
                                       (100_000, "truncated")], ids=["too-big", "too-small", "past-the-end"])
def test_a_wrong_content_length_is_an_error_and_the_next_records_are_read(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], delta: int, why: str) -> None:
    warc = tmp_path / "a.warc"
    warc.write_bytes(_with_length(_three(gzip=False), delta))
    items = list(iter_warc(warc))
    assert [url for _, _, url in items] == ["http://example.org/a", "http://example.org/b", "http://example.org/c"]
    assert isinstance(items[0][1], ReadError) and why in items[0][1].message
    assert all(isinstance(p, bytes) and p.endswith(b"</html>") for _, p, _ in items[1:])
    assert capfd.readouterr().err == ""  # warcio's warning (with raw payload bytes) is not printed


def test_a_gzip_member_cut_in_the_middle_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    import zlib

    data = _three(gzip=True)
    members, position = [], 0
    while position < len(data):
        inflater = zlib.decompressobj(31)
        inflater.decompress(data[position:])
        length = len(data) - position - len(inflater.unused_data)
        members.append((position, length))
        position += length
    start, length = members[1]
    warc = tmp_path / "cut.warc.gz"
    # every cut from the trailer alone to most of the member: which bytes survive decides whether
    # zlib stops early, fails, or decompresses on into member c as garbage (a record id and date
    # are fresh on every run, so one fixed cut tried a different stream each time and failed 1 in 250)
    for cut in range(9, length - 20):
        warc.write_bytes(data[:start + length - cut] + data[start + length:])  # record b loses its end
        items = list(iter_warc(warc))
        # the damaged member is one error: the record's own (its body ends early, or its member goes
        # on past it) or the file's at that offset; either way c is still read
        kinds = [type(p).__name__ for _, p, _ in items]
        assert kinds == ["bytes", "ReadError", "bytes"], (cut, kinds)
        assert [items[0][2], items[2][2]] == ["http://example.org/a", "http://example.org/c"]
        assert items[1][2] in ("http://example.org/b", None) and (items[1][2] or "#offset=" in items[1][0])


def test_the_cli_is_quiet_about_damaged_records(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    from cleanpage.io.cli import main

    warc = tmp_path / "a.warc"
    warc.write_bytes(_with_length(_three(gzip=False), -300))
    out = tmp_path / "out.jsonl"
    assert main([str(warc), "--out", str(out), "--quiet", "--jobs", "1"]) == 1
    err = capfd.readouterr().err
    assert "WARNING" not in err and "Remainder" not in err and "done 2, failed 1" in err


# -- a record its crawler cut (WARC-Truncated) is read, and its page says it is not whole ---------
def test_a_record_the_crawler_cut_gives_a_page_that_says_so(tmp_path: Path) -> None:
    import pickle

    from cleanpage import PageWarning
    from cleanpage.io.warc import TruncatedPayload
    from tests._docs import make_warc, small_html

    html = small_html(1).encode()
    cut_html = html[: len(html) * 2 // 3]  # what a crawler's size limit leaves
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(make_warc([("http://example.org/a", "200 OK", "text/html", cut_html),
                                ("http://example.org/b", "200 OK", "text/html", small_html(2).encode())],
                               truncated={"http://example.org/a": "length"}))
    (_, first, _), (_, second, _) = list(iter_warc(warc))
    assert isinstance(first, TruncatedPayload) and first.reason == "length" and first == cut_html
    assert type(second) is bytes
    copy = pickle.loads(pickle.dumps(first))  # what a worker process receives
    assert isinstance(copy, TruncatedPayload) and copy.reason == "length" and bytes(copy) == cut_html
    results = dict(cleanpage.clean_many([(i, p, u) for i, p, u in iter_warc(warc)], workers=1))
    pages = list(results.values())
    assert PageWarning.SOURCE_TRUNCATED in pages[0].warnings
    assert pages[0].body  # what was saved is still cleaned
    assert PageWarning.SOURCE_TRUNCATED not in pages[1].warnings
    assert "source-truncated" in pages[0].to_dict()["warnings"]
    assert cleanpage.clean(copy).warnings == pages[0].warnings


def test_the_cut_page_says_so_through_a_worker_pool(tmp_path: Path) -> None:
    from cleanpage import PageWarning
    from tests._docs import make_warc, small_html

    warc = tmp_path / "cut.warc"
    warc.write_bytes(make_warc([("http://example.org/a", "200 OK", "text/html", small_html(1).encode())],
                               gzip=False, truncated={"http://example.org/a": "time"}))
    ((_, page),) = list(cleanpage.clean_many(iter_warc(warc), workers=2))
    assert not isinstance(page, Exception) and page.warnings == (PageWarning.SOURCE_TRUNCATED,)


# -- a WARC gzipped as a whole, not record by record: warcio refuses it after its first record ----
def test_a_warc_gzipped_as_a_whole_is_read_whole(tmp_path: Path) -> None:
    import gzip

    plain = sample_warc(tmp_path / "plain.warc", gzip=False).read_bytes()
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain))
    items = list(iter_warc(whole))
    assert [url for _, _, url in items] == ["http://example.org/a", "http://example.org/b", "http://example.org/c"]
    assert items == list(iter_warc(tmp_path / "plain.warc"))  # the same ids, payloads and urls
    results = list(cleanpage.clean_many(items, workers=1))
    assert [page.title for _, page in results] == ["Story number 1", "Story number 2", "Story number 4"]


def test_two_whole_gzips_one_after_the_other_and_a_cut_one(tmp_path: Path) -> None:
    import gzip

    plain = _three(gzip=False)
    twice = tmp_path / "twice.warc.gz"
    twice.write_bytes(gzip.compress(plain) + gzip.compress(plain))
    assert [url[-1] for _, _, url in iter_warc(twice) if url] == list("abcabc")
    data = gzip.compress(plain)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 8 // 10])
    items = list(iter_warc(cut))
    kinds = [type(p).__name__ for _, p, _ in items]
    assert kinds[0] == "bytes" and kinds[-1] == "ReadError" and kinds.count("ReadError") == 1
    assert items[0][2] == "http://example.org/a"


def test_records_gzipped_one_by_one_then_a_whole_gzip_after_them(tmp_path: Path) -> None:
    import gzip

    mixed = tmp_path / "mixed.warc.gz"
    mixed.write_bytes(_three(gzip=True) + gzip.compress(_three(gzip=False)))
    items = list(iter_warc(mixed))
    assert [url[-1] for _, _, url in items if url] == list("abcabc")
    assert all(isinstance(p, bytes) for _, p, _ in items)


def test_a_whole_gzip_member_after_damage_is_one_error_and_no_loop(tmp_path: Path) -> None:
    import gzip
    import zlib

    data = _three(gzip=True)
    inflater = zlib.decompressobj(31)
    inflater.decompress(data)
    first = len(data) - len(inflater.unused_data)  # member a's length
    damaged = bytearray(data)
    damaged[first + 30: first + 60] = b"\x00" * 30  # member b corrupt: a restart comes before the whole member
    archive = tmp_path / "damaged-then-whole.warc.gz"
    archive.write_bytes(bytes(damaged) + gzip.compress(_three(gzip=False)))
    items = list(iter_warc(archive))  # ends: the restart is an offset, never the record count
    urls = [url for _, payload, url in items if isinstance(payload, bytes)]
    assert urls[0] == "http://example.org/a" and urls.count("http://example.org/a") <= 2
    assert any(isinstance(p, ReadError) and "several WARC records" in str(p) for _, p, _ in items)
    assert len(items) < 10
