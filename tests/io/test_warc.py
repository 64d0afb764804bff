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
    assert isinstance(items[-1][1], ReadError) and "#offset=" in items[-1][0]
    ((ident, error, _),) = list(iter_warc(tmp_path / "none.warc"))
    assert isinstance(error, ReadError) and ident == str(tmp_path / "none.warc")


def test_is_warc() -> None:
    assert is_warc("a.warc") and is_warc("B.WARC.GZ") and not is_warc("a.html") and not is_warc("warc.txt")
