"""Each fixture's claims, checked on top of its expected.json: ``tests/fixtures/<case>/checks.json`` holds
what the case's notes.md says the page must contain and must not, so a regenerated golden that loses one
fails here. notes.md stays the prose (why the page is a case, what each claim means).

Every key is optional; a key that is absent is not checked, a ``null`` value means "none" (no title, no
date, no count). The keys:

=========================  ============================================================================
``kind``                   ``"html"`` or ``"text"``
``page_type``              ``"page"`` or ``"thread"``
``title``                  the title, exactly
``paragraphs``             every paragraph, exactly, in order
``paragraph_count``        how many paragraphs
``paragraph_edges``        ``[start, end]`` per paragraph from the first: it starts and ends so
``paragraphs_include``     paragraphs that must be among them, exactly
``paragraphs_lack``        strings no paragraph contains (``"\\n"``: each paragraph is one line)
``no_paragraph_is``        strings no paragraph equals (a kicker above the headline)
``body_lacks``             strings the body does not contain
``body_starts_with_title`` ``false``: the body does not begin with the title
``attribution``            every attribution, in page order: ``{"agency", "kind", "text"}``
``authors``                the authors, exactly, in order
``published``              the date, as its ISO text (a date, a naive or an aware datetime)
``responses``              every response, in order: ``{"author", "published", "parent", "text"}``
``response_texts_lack``    strings no response text contains (chrome: "Reply", "says:")
``responses_announced``    the count the page announces
``removed_include``        strings each inside some removed entry (the pipeline may cut blocks
                           differently)
``removed_exact``          texts each a removed entry of its own
``result_lacks``           strings nowhere in the page's JSON (script text)
``elements``               every element of the structured body, in order: each a dict of the fields
                           it claims (``kind`` always; ``text``, ``level``, ``depth``, ``ordered``,
                           ``rows``, ``header`` where given)
``known_gaps``             claims the pipeline does not meet yet: ``{key: why}``. Such a claim is kept
                           and must still fail (when it passes, the gap is closed: remove the entry)
=========================  ============================================================================
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleanpage
from tests import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and any(p.glob("input.*")))
KEYS = frozenset({
    "kind", "page_type", "title", "paragraphs", "paragraph_count", "paragraph_edges", "paragraphs_include", "paragraphs_lack",
    "no_paragraph_is", "body_lacks", "body_starts_with_title", "attribution", "authors", "published", "responses",
    "response_texts_lack", "responses_announced", "removed_include", "removed_exact", "result_lacks", "known_gaps",
    "elements",
})
#: one broken claim: the key and what the page holds instead
Problem = tuple[str, str]


def _page(case: Path) -> cleanpage.Page:
    url_file = case / "url.txt"
    url = url_file.read_text(encoding="utf-8").strip() if url_file.exists() else None
    return cleanpage.clean_file(next(case.glob("input.*")), url)


def _iso(value: object) -> str | None:
    return None if value is None else value.isoformat()  # type: ignore[attr-defined]


def _edge_holds(paragraph: str, edge: str | list[str]) -> bool:
    if isinstance(edge, str):
        return paragraph == edge
    start, end = edge
    return paragraph.startswith(start) and paragraph.endswith(end)


def _paragraphs(page: cleanpage.Page, checks: dict[str, Any]) -> Iterator[Problem]:
    paragraphs = list(page.paragraphs)
    if "paragraphs" in checks and paragraphs != checks["paragraphs"]:
        yield "paragraphs", repr(paragraphs)
    if "paragraph_count" in checks and len(paragraphs) != checks["paragraph_count"]:
        yield "paragraph_count", str(len(paragraphs))
    for i, edge in enumerate(checks.get("paragraph_edges", ())):
        if i >= len(paragraphs) or not _edge_holds(paragraphs[i], edge):
            yield "paragraph_edges", f"[{i}] is {paragraphs[i] if i < len(paragraphs) else None!r}"
    for p in checks.get("paragraphs_include", ()):
        if p not in paragraphs:
            yield "paragraphs_include", f"{p!r} missing"
    for s in checks.get("paragraphs_lack", ()):
        if any(s in p for p in paragraphs):
            yield "paragraphs_lack", f"{s!r} in a paragraph"
    for s in checks.get("no_paragraph_is", ()):
        if s in paragraphs:
            yield "no_paragraph_is", f"{s!r} is a paragraph"
    for s in checks.get("body_lacks", ()):
        if s in page.body:
            yield "body_lacks", f"{s!r} in the body"
    if checks.get("body_starts_with_title") is False and page.title and page.body.startswith(page.title):
        yield "body_starts_with_title", "it does"


def _metadata(page: cleanpage.Page, checks: dict[str, Any]) -> Iterator[Problem]:
    attribution: list[dict[str, Any]] = [{"agency": a.agency, "kind": a.kind.value, "text": a.text} for a in page.attribution]
    if any("agencies" in claim for claim in checks.get("attribution", ())):  # a claim about several agencies
        for entry, credit in zip(attribution, page.attribution, strict=True):
            entry["agencies"] = list(credit.agencies)
    got = {"kind": page.kind.value, "page_type": page.page_type.value, "title": page.title, "authors": list(page.authors),
           "published": _iso(page.published), "attribution": attribution}
    for key, value in got.items():
        if key in checks and value != checks[key]:
            yield key, repr(value)


def _responses(page: cleanpage.Page, checks: dict[str, Any]) -> Iterator[Problem]:
    responses = [{"author": r.author, "published": _iso(r.published), "parent": r.parent, "text": r.text}
                 for r in page.responses]
    if "responses" in checks and responses != checks["responses"]:
        yield "responses", repr(responses)
    for s in checks.get("response_texts_lack", ()):
        if any(s in r.text for r in page.responses):
            yield "response_texts_lack", f"{s!r} in a response"
    if "responses_announced" in checks and page.responses_announced != checks["responses_announced"]:
        yield "responses_announced", repr(page.responses_announced)


def _removed(page: cleanpage.Page, checks: dict[str, Any]) -> Iterator[Problem]:
    removed = [r.text for r in page.removed]
    for s in checks.get("removed_include", ()):
        if not any(s in r for r in removed):
            yield "removed_include", f"{s!r} in no removed entry"
    for s in checks.get("removed_exact", ()):
        if s not in removed:
            yield "removed_exact", f"{s!r} is no removed entry"
    text = page.to_json()
    for s in checks.get("result_lacks", ()):
        if s in text:
            yield "result_lacks", f"{s!r} in the result"


def _elements(page: cleanpage.Page, checks: dict[str, Any]) -> Iterator[Problem]:
    if "elements" not in checks:
        return
    got = [e.to_dict() for e in page.elements]
    claimed = checks["elements"]
    if len(got) != len(claimed):
        yield "elements", f"{len(got)} elements: {[e['kind'] for e in got]}"
        return
    for i, (element, claim) in enumerate(zip(got, claimed, strict=True)):
        wrong = {key: element.get(key) for key, value in claim.items() if element.get(key) != value}
        if wrong:
            yield "elements", f"[{i}] has {wrong}"


def _load(case: Path) -> dict[str, Any]:
    checks_file = case / "checks.json"
    assert checks_file.exists(), f"{case.name} has no checks.json: write what its notes.md claims as data"
    checks: dict[str, Any] = json.loads(checks_file.read_text(encoding="utf-8"))
    assert checks, "an empty checks.json checks nothing"
    assert set(checks) <= KEYS, f"unknown keys {sorted(set(checks) - KEYS)} (a typo checks nothing)"
    gaps = checks.get("known_gaps", {})
    assert set(gaps) <= set(checks), f"a known gap names a claim the file does not make: {sorted(set(gaps) - set(checks))}"
    return checks


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_checks(case: Path) -> None:
    checks = _load(case)
    page = _page(case)
    problems = [*_metadata(page, checks), *_paragraphs(page, checks), *_responses(page, checks), *_removed(page, checks),
                *_elements(page, checks)]
    gaps = checks.get("known_gaps", {})
    broken = [f"{key}: {what}" for key, what in problems if key not in gaps]
    assert not broken, f"{case.name}: the page breaks its notes:\n" + "\n".join(broken)
    closed = sorted(set(gaps) - {key for key, _ in problems})
    assert not closed, f"{case.name}: the known gaps {closed} are closed: remove them from known_gaps"
