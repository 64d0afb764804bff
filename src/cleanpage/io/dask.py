# mypy: disable-error-code="no-untyped-call,no-any-return"
# (Dask is untyped; the signatures below are what this module promises.)
"""cleanpage on a Dask cluster: bags of paths or WARC records in, a Dask DataFrame of records out.

Needs the ``[dask]`` extra (``pip install 'cleanpage[dask]'``). The same code runs on a laptop's
``LocalCluster`` and on a real cluster (``Client("tcp://scheduler:8786")``): the functions here
only build a task graph; whichever client is active runs it. Paths must be readable by the
workers (a shared file system, or object-store paths mounted alike on every worker)::

    from dask.distributed import Client
    import cleanpage.io.dask as cd

    client = Client("tcp://scheduler:8786")
    df = cd.to_dataframe(cd.clean_bag(cd.bag_of_paths(paths)))
    df.to_parquet("corpus/")

Each partition is cleaned by :func:`cleanpage.clean_many` with one process, so every document has
the per-document time limit, errors are records (rows with ``error``/``reason``), and the output is
the same as a local run. Dask workers are daemonic processes by default, which may not start a
process pool: there each document runs in a forked child of the worker instead, killed at the limit.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "cleanpage.io.dask needs Dask, distributed and pandas: pip install 'cleanpage[dask]'"
    ) from exc

from cleanpage.io.batch import clean_many
from cleanpage.io.records import RECORD_COLUMNS, to_records
from cleanpage.io.warc import iter_warc
from cleanpage.options import Options

__all__ = ["bag_of_paths", "clean_bag", "records_meta", "to_dataframe", "warc_bag"]

logger = logging.getLogger(__name__)


def bag_of_paths(paths: Iterable[str | os.PathLike[str]], *, npartitions: int | None = None) -> db.Bag:
    """A bag of path strings (ids are the paths). Default: about 100 paths per partition."""
    names = [os.fspath(p) for p in paths]
    parts = npartitions or max(1, min(len(names), (len(names) + 99) // 100))
    return db.from_sequence(names, npartitions=parts)


def _warc_items(paths: Sequence[str]) -> list[tuple[str, Any, str | None]]:
    return [item for path in paths for item in iter_warc(path)]


def warc_bag(paths: Iterable[str | os.PathLike[str]]) -> db.Bag:
    """A bag of ``(record_id, payload | ReadError, url)`` for the HTML responses of WARC files,
    one partition per file (a WARC is read front to back, so a file is the natural unit)."""
    names = [os.fspath(p) for p in paths]
    files = db.from_sequence(names, npartitions=max(1, len(names)))
    return files.map_partitions(_warc_items)


def _clean_partition(items: Iterable[Any], options: Options | None, timeout: float | None) -> list[Any]:
    # in a daemonic worker clean_many forks one child per document instead of starting a pool
    return list(clean_many(list(items), workers=1, timeout=timeout, options=options))


def clean_bag(bag: db.Bag, *, options: Options | None = None, timeout: float | None = 30.0) -> db.Bag:
    """Clean every item of a bag (a path, a document, or an ``(id, source[, url])`` tuple) into
    ``(id, Page | CleanpageError)`` pairs, as :func:`cleanpage.clean_many` yields them."""
    return bag.map_partitions(_clean_partition, options, timeout)


def records_meta() -> pd.DataFrame:
    """The empty frame that tells Dask the columns and dtypes of :func:`to_dataframe`."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in RECORD_COLUMNS})


def _records_frame(pairs: Iterable[Any]) -> pd.DataFrame:
    meta = records_meta()
    frame = pd.DataFrame(to_records(pairs), columns=list(meta.columns))
    if frame.empty:
        return meta
    frame["id"] = frame["id"].astype(str)
    return frame.astype(dict(RECORD_COLUMNS))


def to_dataframe(bag: db.Bag) -> dd.DataFrame:
    """A Dask DataFrame of flat records (see :data:`cleanpage.io.records.RECORD_COLUMNS`) from a bag
    made by :func:`clean_bag`, one frame partition per bag partition; ids become strings so that
    the column has one type."""
    frames = [delayed(_records_frame)(part) for part in bag.to_delayed()]
    return dd.from_delayed(frames, meta=records_meta())
