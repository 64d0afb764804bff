"""A fast loop for the metadata stage alone: title, authors and date on the dev pages, fit/check.

Runs only parse + :func:`read_metadata` (no blocks, no engine, no model), scores each field as
``body.py`` does (:mod:`_scoring`), and prints accuracy over the pages that have a gold value.
``--fails FIELD`` lists the ``fit`` pages that field gets wrong (never ``check``); ``--out FILE``
writes every page's answers (JSON) so that two runs can be compared page by page.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _datasets import CHECK, DEFAULT_DATA, DEFAULT_SPLITS, FIT, load_dataset, load_splits, read_page  # noqa: E402
from _scoring import authors_match, date_matches, has_gold, title_matches  # noqa: E402

FIELDS = ("title", "author", "date")


def _answers(raw: bytes, url: str | None) -> dict[str, object]:
    from cleanpage import Options, clean
    from cleanpage.pipeline.decode import decode
    from cleanpage.pipeline.html.metadata import read_metadata
    from cleanpage.pipeline.html.tree import parse_page
    from cleanpage.pipeline.sniff import sniff
    from cleanpage.result import InputKind
    from cleanpage.rules import load_rules

    decoded = decode(raw, max_bytes=Options().max_bytes)
    if sniff(decoded.text) is not InputKind.HTML:
        page = clean(raw, url=url)
        return {"title": page.title, "author": list(page.authors), "date": str(page.published or "") or None}
    root, _ = parse_page(decoded.text)
    meta = read_metadata(root, load_rules(), url)
    return {"title": meta.title, "author": list(meta.authors), "date": str(meta.published or "") or None}


def _right(field: str, gold: object, got: dict[str, object]) -> bool:
    if field == "title":
        return title_matches(str(gold), got["title"])  # type: ignore[arg-type]
    if field == "author":
        return authors_match(gold, got["author"])  # type: ignore[arg-type]
    return date_matches(str(gold), got["date"])  # type: ignore[arg-type]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", nargs="*", default=[str(Path(__file__).parent.parent / d) for d in DEFAULT_DATA])
    ap.add_argument("--fails", choices=FIELDS)
    ap.add_argument("--out")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    splits = load_splits(Path(__file__).parent.parent / DEFAULT_SPLITS)
    pages: dict[str, dict[str, object]] = {}
    for folder in args.data:
        ds = load_dataset(Path(folder), splits, limit=args.limit)
        tally = {(f, s): [0, 0] for f in FIELDS for s in (FIT, CHECK)}
        for item in ds.items:
            raw = read_page(item)
            if raw is None or item["split"] not in (FIT, CHECK):
                continue
            got = _answers(raw, item["url"])
            pages[f"{ds.name}/{item['key']}"] = got
            for field in FIELDS:
                gold = item["author" if field == "author" else field]
                if not has_gold(field, gold):
                    continue
                ok = _right(field, gold, got)
                tally[(field, item["split"])][0] += ok
                tally[(field, item["split"])][1] += 1
                if not ok and args.fails == field and item["split"] == FIT:
                    print(f"FAIL {field} {ds.name} {item['file']} {item['url']}\n  gold={gold!r}\n  got ={got[field if field != 'author' else 'author']!r}")
        for field in FIELDS:
            (fr, fn), (cr, cn) = tally[(field, FIT)], tally[(field, CHECK)]
            print(f"{ds.name:16} {field:6} fit {fr / max(fn, 1):.3f} ({fr}/{fn})  check {cr / max(cn, 1):.3f} ({cr}/{cn})")
    if args.out:
        Path(args.out).write_text(json.dumps(pages, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
