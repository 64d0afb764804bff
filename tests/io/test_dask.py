"""cleanpage.io.dask on a real (local, multi-process) distributed cluster: paths and WARC records in,
a Dask DataFrame of records out, per-document limits kept."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")
import dask
from distributed import Client, LocalCluster

import cleanpage.io.dask as cd
from tests import FIXTURES
from tests._docs import sample_warc, slow_html

PAGES = [FIXTURES / name for name in ("seed-text/input.txt", "seed-html/input.html", "german-news/input.html",
                                       "reuters-style/input.html")]


def test_clean_bag_to_dataframe_on_a_local_cluster(tmp_path: Path) -> None:
    slow = tmp_path / "slow.html"
    slow.write_text(slow_html(80000), encoding="utf-8")  # ~10 s, far past the limit
    paths = [*PAGES, tmp_path / "missing.html", slow]
    warc = sample_warc(tmp_path / "crawl.warc.gz")
    # ":0": a free port, so parallel test runs never collide on 8787; non-daemonic workers may
    # start the child process that enforces the per-document limit
    with dask.config.set({"distributed.worker.daemon": False}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster):
        pages = cd.to_dataframe(cd.clean_bag(cd.bag_of_paths(paths, npartitions=2), timeout=3.0))
        records = cd.to_dataframe(cd.clean_bag(cd.warc_bag([warc])))
        assert list(pages.columns) == list(cd.records_meta().columns)
        table, archive = dask.compute(pages, records)
    table = table.set_index("id")
    assert len(table) == len(paths)
    seed = table.loc[str(PAGES[0])]
    assert seed["title"] == "Russian FM: US, NATO Directly Involved in Ukraine Conflict"
    assert seed["agencies"] == "AP" and seed["n_responses"] == 1
    assert table.loc[str(tmp_path / "missing.html"), "reason"] == "read-error"
    assert table.loc[str(slow), "reason"] == "timeout"
    assert list(archive["url"]) == ["http://example.org/a", "http://example.org/b", "http://example.org/c"]
    assert archive["error"].isna().all()
