"""``agencies.toml``: agencies and their aliases, credit shapes, and the typed match
(``cleanpage.rules.credits``)."""

from __future__ import annotations

import dataclasses

import pytest

from cleanpage.result import AttributionKind
from cleanpage.rules import CREDIT_KINDS, Agency, CreditMatch, CreditPattern

from ._shared import RULES, ids

ISSUE_AGENCIES = [
    "AP", "Reuters", "AFP", "dpa", "EFE", "ANSA", "Kyodo", "Xinhua", "TASS", "RIA Novosti", "Interfax", "Bloomberg",
    "UPI", "PA Media", "CP", "AAP", "PTI", "IANS", "ANI", "Yonhap", "Anadolu", "KNA", "epd", "APA", "Keystone-SDA",
    "Belga", "ANP", "NTB", "TT", "Ritzau", "STT", "Lusa", "Europa Press", "Agência Brasil", "PAP", "ČTK", "MTI",
    "BTA", "HINA", "CNN", "dpa-AFX", "Jiji", "Bernama", "Antara", "PNA", "Notimex", "Télam", "Prensa Latina",
    "SANA", "IRNA", "WAFA", "MENA", "KCNA", "Ukrinform", "UNIAN", "BelTA", "Kazinform",
]


def test_agency_table_is_large_and_complete() -> None:
    names = {a.name for a in RULES.agencies}
    assert len(RULES.agencies) >= 45
    assert not set(ISSUE_AGENCIES) - names
    assert all(isinstance(a, Agency) and a.name and a.full and a.aliases for a in RULES.agencies)


@pytest.mark.parametrize("agency", RULES.agencies, ids=[a.name for a in RULES.agencies])
def test_every_alias_resolves_to_its_own_agency(agency: Agency) -> None:
    assert agency.name in agency.aliases and agency.full in agency.aliases
    assert agency.ambiguous <= set(agency.aliases)
    for alias in agency.aliases:
        assert RULES.agency_for(alias) is agency, alias


def test_no_alias_collides_across_agencies() -> None:
    owner: dict[str, str] = {}
    for agency in RULES.agencies:
        for alias in agency.aliases:
            key = alias.casefold()
            assert owner.setdefault(key, agency.name) == agency.name, (alias, owner[key], agency.name)


def test_agency_for_case_rules() -> None:
    assert RULES.agency_for("AP").name == "AP"  # type: ignore[union-attr]
    assert RULES.agency_for("ap") is None  # ambiguous: exact case only
    assert RULES.agency_for("Ap") is None
    assert RULES.agency_for("tt") is None
    assert RULES.agency_for("The Associated Press").name == "AP"  # type: ignore[union-attr]
    assert RULES.agency_for("the associated  press").name == "AP"  # type: ignore[union-attr]
    assert RULES.agency_for("REUTERS").name == "Reuters"  # type: ignore[union-attr]
    assert RULES.agency_for("afp").name == "AFP"  # type: ignore[union-attr]
    assert RULES.agency_for("Agence France-Presse").name == "AFP"  # type: ignore[union-attr]
    assert RULES.agency_for("ТАСС").name == "TASS"  # type: ignore[union-attr]
    assert RULES.agency_for("新华社").name == "Xinhua"  # type: ignore[union-attr]
    assert RULES.agency_for("연합뉴스").name == "Yonhap"  # type: ignore[union-attr]
    assert RULES.agency_for("Anadolu Ajansı").name == "Anadolu"  # type: ignore[union-attr]
    assert RULES.agency_for("Associated Pressure") is None
    assert RULES.agency_for("") is None


def test_find_agencies_lists_each_agency_once_in_order() -> None:
    assert [a.name for a in RULES.find_agencies("AFP/dpa")] == ["AFP", "dpa"]
    assert [a.name for a in RULES.find_agencies("dpa/AFP/lnw, dpa")] == ["dpa", "AFP"]
    assert RULES.find_agencies("Trapped in the snow, the ap of the function") == ()
    assert [a.name for a in RULES.find_agencies("dpa-AFX")] == ["dpa-AFX"]  # longest alias wins


CREDIT_EXAMPLES = [(cp.name, text, agency) for cp in RULES.credit_patterns for text, agency in cp.examples]


CREDIT_COUNTER = [(cp.name, text) for cp in RULES.credit_patterns for text in cp.counter_examples]


@pytest.mark.parametrize(("name", "text", "agency"), CREDIT_EXAMPLES, ids=ids([f"{n}:{t}" for n, t, _ in CREDIT_EXAMPLES]))
def test_every_credit_example_matches_with_its_agency(name: str, text: str, agency: str | None) -> None:
    pattern = next(cp for cp in RULES.credit_patterns if cp.name == name)
    if pattern.closing:  # a whole paragraph that ends with the signature
        closing = RULES.match_closing(text)
        assert closing is not None and closing.pattern.kind == pattern.kind, (name, text)
        assert (closing.agency.name if closing.agency else None) == agency
        assert RULES.match_credit(text) is None or RULES.match_credit(text).pattern.kind == "dateline"  # type: ignore[union-attr]
        return
    if pattern.opening:  # a line that is a credit only where it opens a story: never by match_credit
        opening = RULES.match_opening(text)
        assert opening is not None and opening.pattern.name == name, (name, text)
        assert (opening.agency.name if opening.agency else None) == agency
        # and nowhere else: a standalone credit pattern taking it would credit "Evan Vucci (AP)" under a picture
        assert RULES.match_credit(text) is None, (name, text)
        return
    m = pattern.regex.match(text) if pattern.kind == "dateline" else pattern.regex.fullmatch(text)
    assert m is not None, (name, text)
    alias = m.groupdict().get("agency")
    found = RULES.agency_for(alias) if alias else None
    assert (found.name if found else None) == agency
    # and through the public matcher: same kind, same agency (another pattern of the kind may win)
    hit = RULES.match_credit(text)
    assert hit is not None, text
    assert hit.pattern.kind == pattern.kind
    assert (hit.agency.name if hit.agency else None) == agency


@pytest.mark.parametrize(("name", "text"), CREDIT_COUNTER, ids=ids([f"{n}:{t}" for n, t in CREDIT_COUNTER]))
def test_credit_counter_examples_match_no_pattern(name: str, text: str) -> None:
    hit = RULES.match_credit(text)
    assert hit is None, (text, hit and hit.pattern.name)
    closing = RULES.match_closing(text)
    assert closing is None, (text, closing and closing.pattern.name)
    opening = RULES.match_opening(text)
    assert opening is None, (text, opening and opening.pattern.name)


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported on Tuesday that the company would cut jobs.",
        "the ap of the function",
        "see https://afp.com/x",
        "https://www.reuters.com/world/europe/",
        "Trapped in the snow",
        "AP",  # ambiguous alias alone is not a credit shape
        "TT",
        "tt",
        "(ap)",
        "According to AFP, the talks failed.",
        "Bloomberg Philanthropies funds the program, which started in 2019 and now covers 40 cities worldwide.",
        "Photo: AP/Jane Doe",
        "(AP Photo/Evan Vucci)",
    ],
)
def test_agency_words_outside_credit_shapes_are_not_credits(text: str) -> None:
    assert RULES.match_credit(text) is None


def test_credit_patterns_cover_every_kind() -> None:
    kinds = {cp.kind for cp in RULES.credit_patterns}
    assert kinds == CREDIT_KINDS
    assert all(isinstance(cp, CreditPattern) for cp in RULES.credit_patterns)
    names = [cp.name for cp in RULES.credit_patterns]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("text", "kind", "agency"),
    [
        ("(AP)", "credit", "AP"),
        ("— Reuters", "credit", "Reuters"),
        ("AFP/dpa", "credit", "AFP"),
        ("Source: Xinhua", "credit", "Xinhua"),
        ("Quelle: dpa", "credit", "dpa"),
        ("Source : AFP", "credit", "AFP"),
        ("Fuente: EFE", "credit", "EFE"),
        ("(CNN)", "credit", "CNN"),
        ("dpa/AFP/lnw", "credit", "dpa"),
        ("Associated Press writer Jane Doe in Kyiv contributed to this report.", "contributor", "AP"),
        ("Reporting by Jane Doe; Editing by John Roe", "contributor", None),
        ("Mit Material von dpa", "contributor", "dpa"),
        ("Avec AFP", "contributor", "AFP"),
        ("By Jane Doe, Associated Press", "byline", "AP"),
        ("By John Smith | Reuters", "byline", "Reuters"),
        ("Von Anna Meier, dpa", "byline", "dpa"),
        ("Par Jean Dupont (AFP)", "byline", "AFP"),
        ("© 2024 The Associated Press. All rights reserved.", "copyright", "AP"),
        ("Copyright 2023 Reuters", "copyright", "Reuters"),
        ("© dpa-infocom, dpa:240101-99-123456/2", "copyright", "dpa"),
        ("Copyright © 2023 Agence France-Presse", "copyright", "AFP"),
    ],
)
def test_issue_credit_shapes(text: str, kind: str, agency: str | None) -> None:
    hit = RULES.match_credit(text)
    assert hit is not None, text
    assert hit.pattern.kind == kind
    assert (hit.agency.name if hit.agency else None) == agency


def test_datelines_match_at_paragraph_start_only() -> None:
    para = "WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm the nominee."
    hit = RULES.match_credit(para, kinds=[AttributionKind.DATELINE])
    assert hit is not None and hit.agency is not None and hit.agency.name == "AP"
    assert hit.match.group(0).rstrip() == "WASHINGTON (AP) —"
    assert RULES.match_credit(para, kinds=[AttributionKind.CREDIT, AttributionKind.BYLINE]) is None  # not a whole-block credit
    later = "The Senate voted on Tuesday. WASHINGTON (AP) — is how AP stories begin."
    assert RULES.match_credit(later, kinds=[AttributionKind.DATELINE]) is None
    long_para = "MOSCOW, March 3 (Reuters) - " + "Russia said the talks would continue. " * 80
    hit = RULES.match_credit(long_para)
    assert hit is not None and hit.pattern.kind == "dateline" and hit.agency.name == "Reuters"  # type: ignore[union-attr]


def test_match_credit_kind_filter() -> None:
    assert RULES.match_credit("(AP)", kinds=[AttributionKind.DATELINE]) is None
    hit = RULES.match_credit("(AP)", kinds=(AttributionKind.CREDIT,))
    assert hit is not None and hit.pattern.kind is AttributionKind.CREDIT and hit.kind is AttributionKind.CREDIT
    assert RULES.match_credit("(AP)", kinds=frozenset({AttributionKind.CREDIT})) is not None  # used as it is
    with pytest.raises(ValueError, match="unknown credit kind"):
        RULES.match_credit("(AP)", kinds=["headline"])  # type: ignore[list-item]


def test_credit_match_is_a_named_frozen_value() -> None:
    hit = RULES.match_credit("(AP)")
    assert isinstance(hit, CreditMatch) and not isinstance(hit, tuple)
    assert hit.pattern.kind is AttributionKind.CREDIT and hit.agency is not None and hit.agency.name == "AP"
    assert hit.match.group(0) == "(AP)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.agency = None  # type: ignore[misc]
    assert all(isinstance(cp.kind, AttributionKind) for cp in RULES.credit_patterns)
    assert all(isinstance(kind, AttributionKind) for kind in CREDIT_KINDS)
    assert RULES.match_credit("") is None
    assert RULES.match_credit("   ") is None


def test_closing_signature_span_indexes_the_paragraph() -> None:
    para = "The accused were produced before a court on Monday. " * 5 + "They were remanded, the officials said. PTI"
    hit = RULES.match_closing(para)
    assert hit is not None and hit.agency is not None and hit.agency.name == "PTI"
    assert hit.kind is AttributionKind.CREDIT and hit.pattern.closing
    assert para[hit.offset + hit.match.start():].strip() == "PTI"
    assert RULES.match_credit(para) is None  # never a whole-block credit
    assert RULES.match_closing("(AP)") is None  # a standalone tag has no sentence before it
    assert RULES.match_closing("") is None
