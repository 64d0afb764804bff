"""Golden files: each fixture page must produce exactly its expected.json.

Regenerate only on purpose: ``pytest tests/golden/test_golden.py --regenerate-golden``, then review the
diff of every expected.json like code. What each case's notes.md claims is checked apart, from its
checks.json (test_checks.py), so a regenerated golden cannot drop a claim.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanpage
from tests import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and any(p.glob("input.*")))


def _input(case: Path) -> Path:
    return next(case.glob("input.*"))


def _url(case: Path) -> str | None:
    url_file = case / "url.txt"
    return url_file.read_text(encoding="utf-8").strip() if url_file.exists() else None


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, regenerate: bool) -> None:
    page = cleanpage.clean_file(_input(case), _url(case))
    got = page.to_dict()
    expected_file = case / "expected.json"
    if regenerate or not expected_file.exists():
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not regenerate:
            pytest.fail(f"{expected_file} did not exist; written from the current output, review it")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got == expected


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_round_trip(case: Path) -> None:
    page = cleanpage.clean_file(_input(case), _url(case))
    assert cleanpage.Page.from_dict(json.loads(page.to_json())) == page
