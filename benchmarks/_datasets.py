"""The dev datasets ``body.py`` reads, in their two formats, and the split every page belongs to.

Two formats, told apart by their ``evaldata.json`` (:func:`detect_kind`):

``snippets`` (``extraction-dev``)
    keyed by URL (or ``hard::name`` for pages without one); ``file`` under ``html/``; ``with`` /
    ``without`` / ``comments`` snippets and ``title`` / ``author`` / ``date``.
``wcxb`` (``wcxb-dev``)
    keyed by id; ``file`` is ``<id>.html.gz`` under ``html/`` (gzipped); ``url``, ``page_type``,
    ``domain``, ``text`` (the whole reviewed main text, scored by word-level F1), ``with`` /
    ``without``, ``title`` / ``author`` / ``date``.

Every page is turned into one flat item (a ``dict``, so it pickles to worker processes and lands
in the JSON as is) with the same keys whatever its format; a field the format lacks is ``None``.

The splits file (``splits.json``) maps a dataset's folder name to ``{file: "fit" | "check"}``.
A page it does not list is ``unsplit``, never silently ``fit``: a page nobody assigned must not
be debugged on as if it were known to be a fit page, nor be counted in the figures of either.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SNIPPETS = "snippets"
WCXB = "wcxb"
FIT, CHECK, UNSPLIT = "fit", "check", "unsplit"
SPLITS = (FIT, CHECK, UNSPLIT)
"""The buckets, in report order."""
ALL = "all"
DEFAULT_DATA = ("../shared/data/extraction-dev", "../shared/data/wcxb-dev")
DEFAULT_SPLITS = "../shared/data/splits.json"
FORUM = "forum"

Item = dict[str, Any]


@dataclass(frozen=True)
class Dataset:
    """One ``--data`` folder: its name (the key in the splits file), format and selected pages."""

    name: str
    path: Path
    kind: str
    items: tuple[Item, ...]

    @property
    def has_gold_text(self) -> bool:
        """True for a format with a whole gold main text (scored by word-level F1)."""
        return self.kind == WCXB


def detect_kind(evaldata: dict[str, dict[str, Any]]) -> str:
    """``wcxb`` when an entry has a ``page_type`` or ``text`` field or a gzipped ``file``, else
    ``snippets``. Any one entry decides, so a partial file is still recognised."""
    for entry in evaldata.values():
        if "page_type" in entry or "text" in entry or str(entry.get("file", "")).endswith(".gz"):
            return WCXB
    return SNIPPETS


def page_url(value: str | None) -> str | None:
    """The URL handed to the engines: the value when it is an http(s) URL, else None
    (the extraction-dev keys include ``hard::site.name.html``)."""
    return value if value and value.startswith(("http://", "https://")) else None


def load_splits(path: Path | None) -> dict[str, dict[str, str]]:
    """The splits file as ``{dataset name: {file: split}}``; ``{}`` for ``None``.

    A split other than ``fit``/``check`` is an error: a typo must not turn into a third bucket.
    """
    if path is None:
        return {}
    with open(path, encoding="utf-8") as f:
        data: dict[str, dict[str, str]] = json.load(f)
    for name, files in data.items():
        bad = sorted({v for v in files.values() if v not in (FIT, CHECK)})
        if bad:
            raise ValueError(f"{path}: {name}: unknown split value(s) {bad}; expected 'fit' or 'check'")
    return data


def _item(name: str, kind: str, root: Path, key: str, entry: dict[str, Any], split: str) -> Item:
    """One page as a flat record with the same keys in both formats."""
    url = entry.get("url") if kind == WCXB else key
    return {
        "dataset": name,
        "key": key,
        "file": entry["file"],
        "path": str(root / "html" / str(entry["file"])),
        "url": page_url(url),
        "split": split,
        "page_type": entry.get("page_type"),
        "with": list(entry.get("with") or []),
        "without": list(entry.get("without") or []),
        "comments": entry.get("comments"),
        "title": entry.get("title"),
        "author": entry.get("author"),
        "date": entry.get("date"),
        "text": entry.get("text"),
    }


def load_dataset(
    root: Path, splits: dict[str, dict[str, str]], only: str = ALL, limit: int | None = None
) -> Dataset:
    """The pages of one folder in sorted-key order, restricted to split ``only`` (``all`` keeps
    every bucket, ``unsplit`` included), then to the first ``limit``."""
    with open(root / "evaldata.json", encoding="utf-8") as f:
        evaldata: dict[str, dict[str, Any]] = json.load(f)
    kind = detect_kind(evaldata)
    assigned = splits.get(root.name, {})
    items = [
        _item(root.name, kind, root, key, evaldata[key], assigned.get(str(evaldata[key]["file"]), UNSPLIT))
        for key in sorted(evaldata)
    ]
    if only != ALL:
        items = [it for it in items if it["split"] == only]
    if limit is not None:
        items = items[:limit]
    return Dataset(name=root.name, path=root, kind=kind, items=tuple(items))


def read_page(item: Item) -> bytes | None:
    """The saved page's bytes (gunzipped for a ``.gz`` file); None when it cannot be read."""
    path = Path(item["path"])
    try:
        raw = path.read_bytes()
        return gzip.decompress(raw) if path.suffix == ".gz" else raw
    except (OSError, EOFError, zlib.error):
        return None
