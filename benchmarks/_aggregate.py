"""Per-page records of ``body.py`` summed into figures: per engine, per split, per page type.

A record is what ``body.run_page`` returns for one page: its ``dataset``, ``split``, ``page_type``
and, per engine, the timing, the error, the snippet counts, the word scores (WCXB), the comment
counts and the metadata checks. Everything here is a pure function of a list of records, so the
same code gives the figures of ``fit``, ``check``, ``all`` or one page type: only the list changes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from _datasets import ALL, FIT, SPLITS, Dataset
from _engines import AUX, CLEANPAGE_ENGINES, REFERENCE
from _scoring import CommentTally, Counts, MetaTally, WordScore, WordTally, median, safe_ratio

Record = dict[str, Any]
FORUM_BODY_ONLY = "cleanpage-body-only"
FORUM_WITH_COMMENTS = "trafilatura-text+comments"
"""The two info scorings of a forum page (see ``body.forum_variants``)."""
META_KEYS = (("title", "title_ok"), ("author", "author_ok"), ("date", "date_ok"))


def _entries(records: list[Record], name: str) -> list[dict[str, Any]]:
    return [r["engines"][name] for r in records if name in r["engines"]]


def body_figures(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Snippet counts summed over pages, errors and timing of one engine."""
    counts = Counts()
    times: list[float] = []
    exc = empty = timeouts = 0
    for e in entries:
        times.append(e["ms"])
        exc += e["error"] is not None
        timeouts += bool(e["timeout"])
        if "tp" in e:  # a body engine (htmldate answers a date only)
            counts.add(Counts(tp=e["tp"], fp=e["fp"], fn=e["fn"], tn=e["tn"]))
            empty += bool(e["empty"])
    return {
        **counts.to_dict(),
        "pages": len(entries),
        "errors": exc + empty,
        "exceptions": exc,
        "empty": empty,
        "timeouts": timeouts,
        "median_ms": median(times),
        "total_s": sum(times) / 1000.0,
    }


def word_figures(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean word-level P/R/F1 over the pages that have a gold text."""
    tally = WordTally()
    for e in entries:
        if "word" in e:
            w = e["word"]
            tally.add(WordScore(w["precision"], w["recall"], w["f1"]))
    return tally.to_dict()


def comment_figures(name: str, records: list[Record]) -> dict[str, Any]:
    """Comment snippets found and leaked, over all and over those present on the page."""
    separates = name in (*CLEANPAGE_ENGINES, AUX)
    tally = CommentTally(found=0 if separates else None, found_present=0 if separates else None)
    spurious = no_comment_pages = 0
    for e in _entries(records, name):
        c = e.get("comments")
        if c:
            tally.pages += 1
            tally.total += c["snippets"]
            tally.leaked += c["leaked"]
            tally.present += c["present"]
            tally.leaked_present += c["leaked_present"]
            if tally.found is not None and tally.found_present is not None:
                tally.found += c["found"] or 0
                tally.found_present += c["found_present"] or 0
        if "comment_text_on_no_comment_page" in e:
            no_comment_pages += 1
            spurious += e["comment_text_on_no_comment_page"]
    return {
        **tally.to_dict(),
        "pages_annotated_without_comments": no_comment_pages,
        "comment_text_on_those_pages": spurious if separates else None,
    }


def meta_figures(entries: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Per field: pages with a gold value, correct, answered, wrong; None for an engine without metadata."""
    if not any("meta" in e for e in entries):
        return None
    tallies = {f: MetaTally() for f, _ in META_KEYS}
    for e in entries:
        m = e.get("meta") or {}
        for f, key in META_KEYS:
            if key in m:
                tallies[f].add(answered=bool(m.get(f)), correct=m[key])
    return {f: t.to_dict() for f, t in tallies.items()}


def variant_figures(records: list[Record]) -> dict[str, Any]:
    """The forum info scorings (cleanpage body only, trafilatura text+comments), summed like an engine."""
    names = sorted({v for r in records for v in r.get("forum_variants", {})})
    out: dict[str, Any] = {}
    for name in names:
        entries = [r["forum_variants"][name] for r in records if name in r.get("forum_variants", {})]
        counts = Counts()
        for e in entries:
            counts.add(Counts(tp=e["tp"], fp=e["fp"], fn=e["fn"], tn=e["tn"]))
        out[name] = {**counts.to_dict(), "pages": len(entries), "word": word_figures(entries)}
    return out


def add_time_ratios(body: dict[str, Any]) -> None:
    """Each engine's total and median time over trafilatura's on the same pages (None without it)."""
    ref = body.get(REFERENCE)
    for figures in body.values():
        figures["time_ratio_to_trafilatura"] = safe_ratio(figures["total_s"], ref["total_s"]) if ref else None
        figures["median_ratio_to_trafilatura"] = (
            safe_ratio(figures["median_ms"], ref["median_ms"]) if ref else None
        )


def aggregate(records: list[Record], names: list[str]) -> dict[str, Any]:
    """All figures of one list of (scored) pages."""
    body = {name: body_figures(_entries(records, name)) for name in names}
    add_time_ratios(body)
    metadata = {name: m for name in names if (m := meta_figures(_entries(records, name))) is not None}
    return {
        "pages": len(records),
        "pages_with_gold_text": sum(bool(r.get("gold_text")) for r in records),
        "body": body,
        "word": {name: word_figures(_entries(records, name)) for name in names},
        "comments": {name: comment_figures(name, records) for name in names},
        "metadata": metadata,
        "forum_variants": variant_figures(records),
    }


def by_split(records: list[Record], names: list[str]) -> dict[str, Any]:
    """:func:`aggregate` of each bucket that has pages, and of all of them (``all``)."""
    out = {}
    for split in SPLITS:
        subset = [r for r in records if r["split"] == split]
        if subset:
            out[split] = aggregate(subset, names)
    out[ALL] = aggregate(records, names)
    return out


def dataset_figures(dataset: Dataset, records: list[Record], names: list[str]) -> dict[str, Any]:
    """One folder's figures per bucket and, when its pages have types, per page type and bucket
    (types in decreasing order of pages)."""
    scored = [r for r in records if not r.get("missing")]
    figures: dict[str, Any] = {
        "kind": dataset.kind,
        "missing_files": [r["file"] for r in records if r.get("missing")],
        "splits": by_split(scored, names),
    }
    types = Counter(r["page_type"] for r in scored if r["page_type"])
    if types:
        ordered = sorted(types, key=lambda t: (-types[t], t))
        figures["types"] = {t: by_split([r for r in scored if r["page_type"] == t], names) for t in ordered}
    return figures


def timing_figures(datasets: list[Dataset], records: list[Record], names: list[str]) -> dict[str, Any]:
    """Per folder and over all folders: pages, errors, median ms, total s and the ratios to trafilatura."""
    scored = [r for r in records if not r.get("missing")]
    groups = {d.name: [r for r in scored if r["dataset"] == d.name] for d in datasets}
    groups[ALL] = scored
    out: dict[str, Any] = {}
    for group, recs in groups.items():
        body = {name: body_figures(_entries(recs, name)) for name in names}
        add_time_ratios(body)
        keep = ("pages", "errors", "exceptions", "timeouts", "median_ms", "total_s")
        out[group] = {
            name: {k: f[k] for k in keep}
            | {k: f[k] for k in ("time_ratio_to_trafilatura", "median_ratio_to_trafilatura")}
            for name, f in body.items()
        }
    return out


def _worst_row(record: Record, c: dict[str, Any], t: dict[str, Any], delta: float) -> dict[str, Any]:
    keys = ("tp", "fp", "error", "empty", "word")
    return {
        "key": record["key"],
        "url": record["url"],
        "file": record["file"],
        "page_type": record["page_type"],
        "delta": delta,
        "candidate": {k: c.get(k) for k in keys},
        "trafilatura": {k: t.get(k) for k in keys},
        "missed": [{"snippet": s, "trafilatura_found": s not in t["missed"]} for s in c["missed"]],
        "leaked": [{"snippet": s, "trafilatura_leaked": s in t["leaked"]} for s in c["leaked"]],
    }


def worst_pages(records: list[Record], candidate: str, k: int, by_word: bool) -> list[dict[str, Any]]:
    """The k ``fit`` pages where ``candidate`` does worst against trafilatura (negative deltas only).

    The delta is the word F1 difference when ``by_word`` (WCXB; pages without gold text are left
    out), else the difference of TP−FP. Only ``fit`` pages: check pages are never shown one by one,
    and an unsplit page might be a check page someone forgot to list.
    """
    rows = []
    for r in records:
        c, t = r["engines"].get(candidate), r["engines"].get(REFERENCE)
        if r["split"] != FIT or r.get("missing") or c is None or t is None:
            continue
        if by_word:
            if "word" not in c or "word" not in t:
                continue
            delta: float = round(c["word"]["f1"] - t["word"]["f1"], 4)
        else:
            delta = (c["tp"] - c["fp"]) - (t["tp"] - t["fp"])
        if delta < 0:
            rows.append(_worst_row(r, c, t, delta))
    rows.sort(key=lambda row: (row["delta"], row["key"]))
    return rows[:k]
