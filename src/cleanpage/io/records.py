"""Flat records for tables: one dict per document, the same columns for pages and errors.

``pandas.DataFrame(to_records(...))`` gives a table with one row per document and no nested
values; error rows keep their id and carry ``error``/``reason`` instead of a title and body, so a
corpus table shows what failed and why. pandas is not imported here: the core stays light, and
:mod:`cleanpage.io.dask` builds its ``meta`` from :data:`RECORD_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from cleanpage.errors import CleanpageError
from cleanpage.result import Page

__all__ = ["RECORD_COLUMNS", "to_record", "to_records"]

#: Column name → pandas dtype name, in order. Joined lists use ``"; "`` (names may hold commas).
RECORD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "object"),
    ("kind", "object"),
    ("url", "object"),
    ("title", "object"),
    ("body", "object"),
    ("authors", "object"),
    ("published", "object"),
    ("language", "object"),
    ("language_source", "object"),
    ("agencies", "object"),
    ("n_paragraphs", "int64"),
    ("n_responses", "int64"),
    ("responses_announced", "Int64"),
    ("n_removed", "int64"),
    ("encoding", "object"),
    ("encoding_source", "object"),
    ("warnings", "object"),
    ("error", "object"),
    ("reason", "object"),
)
_EMPTY: dict[str, Any] = {name: (0 if dtype == "int64" else None) for name, dtype in RECORD_COLUMNS}


def to_record(ident: Hashable, outcome: Page | CleanpageError) -> dict[str, Any]:
    """One flat dict for one document's outcome (see :data:`RECORD_COLUMNS`)."""
    record = dict(_EMPTY, id=ident)
    if isinstance(outcome, CleanpageError):
        record.update(error=outcome.message, reason=outcome.reason)
        return record
    agencies = dict.fromkeys(name for a in outcome.attribution for name in a.agencies)
    record.update(
        kind=outcome.kind.value,
        url=outcome.url,
        title=outcome.title,
        body=outcome.body,
        authors="; ".join(outcome.authors) or None,
        published=outcome.published.isoformat() if outcome.published else None,
        language=outcome.language,
        language_source=outcome.language_source,
        agencies="; ".join(agencies) or None,
        n_paragraphs=len(outcome.paragraphs),
        n_responses=len(outcome.responses),
        responses_announced=outcome.responses_announced,
        n_removed=len(outcome.removed),
        encoding=outcome.encoding,
        encoding_source=outcome.encoding_source,
        warnings="; ".join(w.value for w in outcome.warnings) or None,
    )
    return record


def to_records(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Flat dicts for ``pandas.DataFrame``, from what :func:`cleanpage.clean_many` yields
    (``(id, Page | CleanpageError)`` pairs) or from bare pages/errors (their id is their index)."""
    records = []
    for index, item in enumerate(items):
        if isinstance(item, tuple) and len(item) == 2:
            records.append(to_record(item[0], item[1]))
        elif isinstance(item, (Page, CleanpageError)):
            records.append(to_record(index, item))
        else:
            raise TypeError(
                f"to_records() takes Pages, CleanpageErrors or (id, outcome) pairs, not {type(item).__name__}"
            )
    return records
