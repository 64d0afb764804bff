"""The wire-credit audit: hand-made credited and mention-only news stories, found / missed / false.

The corpus is ``tests/data/credits/`` (``expected.json`` gives each page's agency credits as
``(agency, kind)`` pairs; an empty list is a story that only *mentions* an agency). A credited page
is **found** when every expected pair is in ``page.attribution``, **missed** otherwise; a page has a
**false** credit when the attribution names an agency pair it should not. The same check is a test
(``tests/pipeline/test_credit_audit.py``); this command prints the table.

    python benchmarks/credits.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cleanpage

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "credits"


def _credits(path: Path) -> set[tuple[str, str]]:
    page = cleanpage.clean(path.read_bytes(), kind="html" if path.suffix == ".html" else "text")
    return {(agency, a.kind.value) for a in page.attribution for agency in a.agencies}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every page's credits")
    args = parser.parse_args(argv)
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    rows = {"credited": [0, 0, 0, 0], "mention-only": [0, 0, 0, 0]}  # pages, found, missed, false
    for name, case in sorted(expected.items()):
        want = {(c["agency"], c["kind"]) for c in case["credits"]}
        got = _credits(CORPUS / name)
        row = rows["credited" if want else "mention-only"]
        row[0] += 1
        if want:
            row[1 if want <= got else 2] += 1
        if got - want:
            row[3] += 1
        if args.verbose or got != want:
            gap = f"  (known gap: {case['known_gap']})" if "known_gap" in case else ""
            print(f"{'ok ' if got == want else 'BAD'} {name}: want {sorted(want)} got {sorted(got)}{gap}")
    print(f"{'pages':<14}{'n':>4}{'found':>7}{'missed':>8}{'false':>7}")
    for label, (n, found, missed, false) in rows.items():
        print(f"{label:<14}{n:>4}{found if label == 'credited' else '-':>7}"
              f"{missed if label == 'credited' else '-':>8}{false:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
