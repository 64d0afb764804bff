#!/usr/bin/env python
"""WCXB forum threads alone: cleanpage scored on body + responses, fit/check, fit pages by loss.

Usage::

    python benchmarks/forums.py [--data DIR] [--splits FILE] [--split fit|check|all]
                                [--trafilatura] [--worst K] [--out FILE]

The work loop of issue 16: only the WCXB pages whose ``page_type`` is ``forum``, scored as
``body.py`` scores them (``page.body`` + the responses' texts joined by a blank line, word P/R/F1
against the gold ``text``, macro mean over pages with a gold text). ``--worst K`` lists the K ``fit``
pages with the largest F1 loss, with precision and recall apart (missing posts, or extra text?) and
the number of responses; never a ``check`` page. ``--out`` writes every fit page's output (body,
responses) and its scores as JSON Lines for reading failures; check pages carry scores only.
``--trafilatura`` adds trafilatura's default body and its text + comments in the same run.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))

from _datasets import ALL, CHECK, DEFAULT_SPLITS, FIT, FORUM, Item, load_dataset, load_splits, read_page
from _scoring import has_gold_text, word_prf

import cleanpage

_DEFAULT_DATA = "../shared/data/wcxb-dev"


def _join(*parts: str | None) -> str:
    return "\n\n".join(p for p in parts if p and p.strip())


def _cleanpage(raw: bytes, url: str | None) -> tuple[str, dict[str, Any]]:
    try:
        page = cleanpage.clean(raw, url=url)
    except Exception as exc:  # noqa: BLE001 - a failing page scores as empty, the run goes on
        return "", {"error": repr(exc)}
    text = _join(page.body, *(r.text for r in page.responses))
    return text, {
        "page_type": str(getattr(page, "page_type", None)),
        "body": page.body,
        "responses": [{"author": r.author, "text": r.text} for r in page.responses],
    }


def _trafilatura(raw: bytes, url: str | None) -> dict[str, str]:
    import trafilatura

    body = trafilatura.extract(raw, url=url, include_comments=False) or ""
    doc = trafilatura.bare_extraction(raw, url=url, include_comments=True)
    with_comments = _join(getattr(doc, "text", None), getattr(doc, "comments", None)) if doc else ""
    return {"trafilatura": body, "trafilatura+comments": with_comments}


def score_page(item: Item, with_traf: bool) -> dict[str, Any]:
    """One forum page: cleanpage's word scores (and trafilatura's), its output on fit pages."""
    raw = read_page(item)
    rec: dict[str, Any] = {"key": item["key"], "split": item["split"], "url": item["url"]}
    if raw is None:
        rec["missing"] = True
        return rec
    text, output = _cleanpage(raw, item["url"])
    rec["cleanpage"] = word_prf(text, item["text"]).to_dict()
    rec["responses"] = len(output.get("responses", []))
    rec["page_type_out"] = output.get("page_type")
    if with_traf:
        for name, t in _trafilatura(raw, item["url"]).items():
            rec[name] = word_prf(t, item["text"]).to_dict()
    if item["split"] != CHECK:
        rec["output"] = output
    return rec


def _mean(records: list[dict[str, Any]], engine: str, field: str) -> float:
    values = [r[engine][field] for r in records if engine in r]
    return sum(values) / len(values) if values else 0.0


def report(records: list[dict[str, Any]], engines: list[str]) -> None:
    """Mean word P/R/F1 per split and engine."""
    print(f"{'engine':24} {'split':6} {'pages':>5} {'wP':>6} {'wR':>6} {'wF1':>6}")
    for engine in engines:
        for split in (FIT, CHECK, ALL):
            rows = [r for r in records if split in (ALL, r["split"]) and engine in r]
            print(
                f"{engine:24} {split:6} {len(rows):5d} {_mean(rows, engine, 'precision'):6.3f} "
                f"{_mean(rows, engine, 'recall'):6.3f} {_mean(rows, engine, 'f1'):6.3f}"
            )


def worst(records: list[dict[str, Any]], k: int) -> None:
    """The fit pages with the largest F1 loss, precision and recall apart."""
    rows = sorted((r for r in records if r["split"] == FIT and "cleanpage" in r), key=lambda r: r["cleanpage"]["f1"])
    print(f"\nworst {k} fit pages (loss = 1 - F1):")
    print(f"{'key':6} {'loss':>5} {'P':>5} {'R':>5} {'resp':>4}  type")
    for r in rows[:k]:
        s = r["cleanpage"]
        print(f"{r['key']:6} {1 - s['f1']:5.2f} {s['precision']:5.2f} {s['recall']:5.2f} {r['responses']:4d}  {r['page_type_out']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO / _DEFAULT_DATA))
    ap.add_argument("--splits", default=str(REPO / DEFAULT_SPLITS))
    ap.add_argument("--split", choices=(FIT, CHECK, ALL), default=ALL)
    ap.add_argument("--trafilatura", action="store_true")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)
    data = load_dataset(Path(args.data), load_splits(Path(args.splits)), only=args.split)
    items = [it for it in data.items if it["page_type"] == FORUM and has_gold_text(it["text"])]
    records = [score_page(it, args.trafilatura) for it in items]
    engines = ["cleanpage"] + (["trafilatura", "trafilatura+comments"] if args.trafilatura else [])
    report(records, engines)
    if args.worst:
        worst(records, args.worst)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
