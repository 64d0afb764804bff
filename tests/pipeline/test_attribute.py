"""Attribution: wire credits as data, each kind in several languages (issue 6)."""

from __future__ import annotations

import pytest

from cleanpage.pipeline.attribute import DATELINE_BLOCKS, attribute, byline_agency
from cleanpage.pipeline.blocks import Block, Label, Labelled
from cleanpage.result import Attribution, AttributionKind
from cleanpage.rules import load_rules

RULES = load_rules()

PROSE = "This is an ordinary paragraph of the article that says what happened and why it matters to readers."


def _run(texts: list[str], bylines: tuple[str, ...] = (), dated: bool = True):  # type: ignore[no-untyped-def]
    labelled = tuple(
        Labelled(block=Block(index=i, text=t, tag="p"), label=Label.BODY) for i, t in enumerate(texts)
    )
    return attribute(labelled, RULES, bylines, dated=dated)


@pytest.mark.parametrize(
    ("text", "kind", "agency"),
    [
        # credit: a standalone tag, English / German / French / Spanish / Chinese agency
        ("(AP)", "credit", "AP"),
        ("— Reuters", "credit", "Reuters"),
        ("(AFP)", "credit", "AFP"),
        ("(dpa)", "credit", "dpa"),
        ("Source: Xinhua", "credit", "Xinhua"),
        ("(EFE)", "credit", "EFE"),
        # a CJK source credit on its own line (source = agency)
        ("(출처=연합뉴스)", "credit", "Yonhap"),
        ("(来源：新华社)", "credit", "Xinhua"),
        # contributor lines
        ("Associated Press writer Jane Doe in Kyiv contributed to this report.", "contributor", "AP"),
        ("Reporting by Jane Doe; Editing by John Smith", "contributor", None),
        ("Mit Material von dpa", "contributor", "dpa"),
        ("Avec AFP", "contributor", "AFP"),
        ("Con información de EFE", "contributor", "EFE"),
        ("Met medewerking van ANP", "contributor", "ANP"),
        ("(mit dpa)", "contributor", "dpa"),
        ("Writing by Jane Doe Editing by John Roe", "contributor", None),
        # bylines naming an agency
        ("By Jane Doe, Associated Press", "byline", "AP"),
        ("Von Anna Meier, dpa", "byline", "dpa"),
        ("Par Jean Dupont (AFP)", "byline", "AFP"),
        ("Por Juan Pérez, EFE", "byline", "EFE"),
        # agency copyrights
        ("© 2024 The Associated Press. All rights reserved.", "copyright", "AP"),
        ("Copyright 2023 Reuters", "copyright", "Reuters"),
        ("© AFP", "copyright", "AFP"),
        ("© EFE 2024", "copyright", "EFE"),
        ("© dpa-infocom, dpa:240312-99-123456/2", "copyright", "dpa"),
    ],
)
def test_standalone_credit_leaves_the_body(text: str, kind: str, agency: str | None) -> None:
    labelled, credits = _run([PROSE, text])
    assert [(c.agency, c.kind.value, c.text) for c in credits] == [(agency, kind, text)]
    assert labelled[1].label is Label.ATTRIBUTION
    assert labelled[0].label is Label.BODY


@pytest.mark.parametrize(
    ("paragraph", "dateline", "agency"),
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.", "WASHINGTON (AP) —", "AP"),
        ("MOSCOW, March 3 (Reuters) - Russia said on Friday it would respond.", "MOSCOW, March 3 (Reuters) -", "Reuters"),
        ("Berlin (dpa) - Immer mehr Berufstätige fahren mit dem Rad.", "Berlin (dpa) -", "dpa"),
        ("PARIS (AFP) - Douze départements ont été placés en vigilance.", "PARIS (AFP) -", "AFP"),
        ("MADRID, 3 mar (EFE).- La ocupación hotelera marca un récord.", "MADRID, 3 mar (EFE).-", "EFE"),
        # a place in capitals and the story's first word, no dash (the Nordic agencies' style)
        ("STOCKHOLM (TT) Stockholms stad ska bygga fler laddplatser.", "STOCKHOLM (TT)", "TT"),
        # place and agency run together in Chinese, Japanese and Korean script
        ("【ソウル共同】韓国の首都で停電が発生した。", "【ソウル共同】", "Kyodo"),
        ("(서울=연합뉴스) 김민수 기자 = 5일 오전 지하철 운행이 중단됐다.", "(서울=연합뉴스) 김민수 기자 =", "Yonhap"),
        ("新华社北京3月5日电 北京市交通委员会5日宣布。", "新华社北京3月5日电", "Xinhua"),
    ],
)
def test_dateline_is_recorded_and_the_paragraph_stays(paragraph: str, dateline: str, agency: str) -> None:
    labelled, credits = _run([paragraph, PROSE])
    assert [(c.agency, c.kind, c.text) for c in credits] == [(agency, AttributionKind.DATELINE, dateline)]
    assert labelled[0].label is Label.BODY and labelled[0].block.text == paragraph


def test_a_source_credit_opening_a_paragraph_is_no_dateline() -> None:
    # "(출처=연합뉴스)" names the story's source, not a place: "(서울=연합뉴스)" is the dateline shape
    _, credits = _run(["(출처=연합뉴스) 정부는 5일 새로운 교통 정책을 발표했다고 밝혔다.", PROSE])
    assert all(c.kind is not AttributionKind.DATELINE for c in credits)


@pytest.mark.parametrize(
    "before",
    [
        ["1 / 5"],  # a slideshow counter
        ["Firefighters battle the blaze near Columbia on Tuesday. (AP Photo/Jane Doe)"],  # a photo caption
        ["A wildfire forced hundreds from their homes on Tuesday.", "1 / 5"],  # a repeated lead and a counter
    ],
)
def test_dateline_found_whatever_precedes_it(before: list[str]) -> None:
    paragraph = "COLUMBIA, S.C. (AP) — A wildfire forced hundreds of people from their homes on Tuesday."
    labelled, credits = _run([*before, paragraph, PROSE])
    assert [(c.agency, c.kind, c.text) for c in credits] == [("AP", AttributionKind.DATELINE, "COLUMBIA, S.C. (AP) —")]
    assert labelled[len(before)].label is Label.BODY and labelled[len(before)].block.text == paragraph


def test_dateline_looked_for_in_the_first_paragraphs_only() -> None:
    late = "WASHINGTON (AP) — A paragraph far into the story that only looks like a dateline."
    _, credits = _run([PROSE] * DATELINE_BLOCKS + [late])
    assert credits == ()
    _, credits = _run([PROSE] * (DATELINE_BLOCKS - 1) + [late])
    assert [c.kind for c in credits] == [AttributionKind.DATELINE]


def test_only_the_first_dateline_is_recorded() -> None:
    _, credits = _run(["WASHINGTON (AP) — The Senate voted.", "NEW YORK (AP) — Stocks fell."])
    assert [c.text for c in credits] == ["WASHINGTON (AP) —"]


@pytest.mark.parametrize(
    ("last", "prose", "credit", "agency"),
    [
        ("The accused were produced before a court, the officials said. PTI",
         "The accused were produced before a court, the officials said.", "PTI", "PTI"),
        ("Les discussions reprendront lundi, selon le ministère. (AFP)",
         "Les discussions reprendront lundi, selon le ministère.", "(AFP)", "AFP"),
        ("The company did not respond to a request for comment. — Reuters",
         "The company did not respond to a request for comment.", "— Reuters", "Reuters"),
        ("Die Ermittlungen der Polizei dauern weiter an. dpa/xyz", "Die Ermittlungen der Polizei dauern weiter an.",
         "dpa/xyz", "dpa"),
        ("La policía investiga lo ocurrido en la capital. (EFE)", "La policía investiga lo ocurrido en la capital.",
         "(EFE)", "EFE"),
        ("정부는 5일 새 정책을 발표했다. (출처=연합뉴스)", "정부는 5일 새 정책을 발표했다.", "(출처=연합뉴스)", "Yonhap"),
    ],
)
def test_closing_signature_is_cut_from_the_last_paragraph(last: str, prose: str, credit: str, agency: str) -> None:
    labelled, credits = _run([PROSE, last])
    assert [(c.agency, c.kind, c.text) for c in credits] == [(agency, AttributionKind.CREDIT, credit)]
    assert [(item.label, item.block.text) for item in labelled] == [
        (Label.BODY, PROSE), (Label.BODY, prose), (Label.ATTRIBUTION, credit)]


@pytest.mark.parametrize(
    "last",
    [
        "The figures were first reported by Agence France-Presse (AFP).",
        "The minister confirmed the talks in an interview with Reuters.",
        "Die Zahlen meldete am Montag die dpa.",
        "He worked for the AP. He retired in 2019.",
    ],
)
def test_agency_named_at_the_end_of_a_sentence_is_no_signature(last: str) -> None:
    labelled, credits = _run([PROSE, last])
    assert credits == ()
    assert [item.block.text for item in labelled] == [PROSE, last]


def test_signature_only_at_the_end_of_the_body() -> None:
    _, credits = _run(["The officials said so. PTI", PROSE])
    assert credits == ()


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe contributed to this report.",
        "Jane Doe in Washington and John Roe in London contributed reporting.",
        "Staff writer Jane Doe contributed to this report.",
        "Reporting was contributed by Jane Doe from London.",
        "Mitarbeit: Anna Meier",
        "Jean Dupont a contribué à cet article.",
        "Juan Pérez contribuyó a este informe.",
        "Colaborou: Ana Silva",
    ],
)
def test_contributor_line_naming_people_is_a_contributor_credit(line: str) -> None:
    labelled, credits = _run([PROSE, line])
    assert [(c.agency, c.kind, c.text) for c in credits] == [(None, AttributionKind.CONTRIBUTOR, line)]
    assert labelled[1].label is Label.ATTRIBUTION


def test_contribution_in_prose_is_not_a_credit() -> None:
    text = "Smith contributed $5 million to the campaign, records show."
    _, credits = _run([PROSE, text])
    assert credits == ()


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported on Tuesday that the company would cut jobs.",
        "Thomson Reuters lifts forecast as news licensing deals grow.",
        "Le ministre a expliqué à l’AFP que la situation restait grave.",
        "Die dpa berichtete am Montag über die Umfrage.",
        "The gap between the two rates narrowed sharply.",
        "See https://example.com/afp/photo for the picture.",
    ],
)
def test_agency_words_in_prose_are_not_credits(text: str) -> None:
    labelled, credits = _run([text, text + " More."])
    assert credits == ()
    assert all(item.label is Label.BODY for item in labelled)


def test_site_copyright_footer_is_not_attribution() -> None:
    labelled, credits = _run([PROSE, "© 2022 The Harbor Ledger. All rights reserved."])
    assert credits == ()
    assert labelled[1].label is not Label.ATTRIBUTION


@pytest.mark.parametrize(
    ("text", "agency"),
    [("Von Anna Meier, dpa", "dpa"), ("Par Jean Dupont (AFP)", "AFP"), ("Agencia EFE", "EFE"),
     ("By The Associated Press", "AP")],
)
def test_byline_elements_name_their_agency(text: str, agency: str) -> None:
    credit = byline_agency(text, RULES)
    assert credit is not None and credit.agency == agency and credit.kind is AttributionKind.BYLINE
    assert credit.text == text


@pytest.mark.parametrize("text", ["By Jane Doe", "Hannah Whitfield", "Von Klaus Becker", "AP"])
def test_bylines_without_an_agency_are_not_attribution(text: str) -> None:
    assert byline_agency(text, RULES) is None


def test_byline_elements_come_first_and_are_not_duplicated() -> None:
    _, credits = _run(["Berlin (dpa) - Immer mehr Berufstätige fahren mit dem Rad."],
                      bylines=("Von Anna Meier, dpa", "Von Anna Meier, dpa"))
    assert [(c.kind.value, c.text) for c in credits] == [("byline", "Von Anna Meier, dpa"), ("dateline", "Berlin (dpa) -")]


def test_page_without_credit_has_empty_tuple() -> None:
    assert _run([PROSE, PROSE + " Again."])[1] == ()


def test_agency_copyright_in_a_stripped_footer_is_still_attribution() -> None:
    footer = Labelled(block=Block(index=1, text="© dpa-infocom, dpa:240115-99-612345/3", tag="p",
                                  roles=frozenset({"footer"})), label=Label.BOILERPLATE, reason="page-footer")
    site = Labelled(block=Block(index=2, text="© 2024 Hamburger Rundschau Medien GmbH", tag="p",
                                roles=frozenset({"footer"})), label=Label.BOILERPLATE, reason="page-footer")
    body = Labelled(block=Block(index=0, text=PROSE, tag="p"), label=Label.BODY)
    labelled, credits = attribute((body, footer, site), RULES)
    assert [(c.agency, c.kind.value) for c in credits] == [("dpa", "copyright")]
    assert labelled[1].label is Label.ATTRIBUTION and labelled[2].label is Label.BOILERPLATE


def test_credits_in_sidebars_belong_to_other_stories() -> None:
    teaser = Labelled(block=Block(index=1, text="© 2024 The Associated Press.", tag="p",
                                  roles=frozenset({"aside"})), label=Label.BOILERPLATE, reason="sidebar")
    _, credits = attribute((teaser,), RULES)
    assert credits == ()


def test_person_byline_line_leaves_the_body_as_metadata() -> None:
    labelled, credits = _run(["By Jane Doe", "LONDON, March 3 (Reuters) - British train maker Halden Rail has won."])
    assert labelled[0].label is Label.META
    assert [(c.kind.value, c.text) for c in credits] == [("dateline", "LONDON, March 3 (Reuters) -")]


# ---- a slideshow's counter, a place-and-agency line opening the story, a picture's credit in capitals ----


def _labelled(rows: list[tuple[str, Label]], roles: dict[int, frozenset[str]] | None = None) -> tuple[Labelled, ...]:
    return tuple(Labelled(block=Block(index=i, text=t, tag="p", roles=(roles or {}).get(i, frozenset())), label=label)
                 for i, (t, label) in enumerate(rows))


@pytest.mark.parametrize("counter", ["1 / 5", "1 of 12", "Photo 3/7", "Bild 2 von 9", "Foto 1 de 10", "1/8"])
def test_a_slideshow_counter_before_the_story_leaves_the_body(counter: str) -> None:
    paragraph = "COLUMBIA, S.C. (AP) — A wildfire forced hundreds of people from their homes on Tuesday."
    labelled, credits = _run([counter, paragraph, PROSE])
    assert labelled[0].label is Label.BOILERPLATE and labelled[0].reason == "gallery-counter"
    assert [(c.agency, c.kind) for c in credits] == [("AP", AttributionKind.DATELINE)]
    assert labelled[1].label is Label.BODY


@pytest.mark.parametrize(
    "text",
    # "4/5" and "3/12": a rating, a day; a bare counter before the story is on its first picture
    ["1 / 5 of adults said they had never heard of the scheme.", "5 / 1", "Chapter 1 of 12", "2024/25", "1 / 1",
     "4/5", "3/12"],
)
def test_what_only_looks_like_a_counter_stays(text: str) -> None:
    labelled, _ = _run([text, PROSE])
    assert labelled[0].label is Label.BODY


def test_a_bare_number_pair_inside_the_story_stays_a_worded_counter_goes() -> None:
    labelled, _ = _run([PROSE, "3/4", PROSE, "Photo 3 of 7", PROSE])
    assert labelled[1].label is Label.BODY  # "3/4" after the story began: a value as often as a counter
    assert labelled[3].label is Label.BOILERPLATE and labelled[3].reason == "gallery-counter"


@pytest.mark.parametrize("line", ["Madrid (EFE)", "Río de Janeiro (AFP)", "Genf (sda)"])
def test_a_place_and_agency_line_opening_the_story_is_its_credit(line: str) -> None:
    rows = [("Headline of the story", Label.TITLE), ("2024-03-05", Label.BOILERPLATE), (line, Label.BODY), (PROSE, Label.BODY)]
    labelled, credits = attribute(_labelled(rows), RULES)
    assert [(c.kind, c.text) for c in credits] == [(AttributionKind.CREDIT, line)]
    assert labelled[2].label is Label.ATTRIBUTION and labelled[3].label is Label.BODY


@pytest.mark.parametrize(
    ("rows", "roles"),
    [
        # a photographer's credit under a caption the body kept
        ([("The minister arrives at the summit on Monday.", Label.BODY), ("Evan Vucci (AP)", Label.BODY),
          (PROSE, Label.BODY)], {}),
        # in a figure
        ([("Headline", Label.TITLE), ("Evan Vucci (AP)", Label.BODY), (PROSE, Label.BODY)], {1: frozenset({"figure"})}),
        # right after a figure's caption
        ([("The minister arrives.", Label.BOILERPLATE), ("Evan Vucci (AP)", Label.BODY), (PROSE, Label.BODY)],
         {0: frozenset({"figure", "figcaption"})}),
        # not followed by the story's first paragraph
        ([("Headline", Label.TITLE), ("Evan Vucci (AP)", Label.BODY), ("Kim Kyung-Hoon/Reuters", Label.BODY),
          (PROSE, Label.BODY)], {}),
        # after the story began
        ([(PROSE, Label.BODY), ("Evan Vucci (AP)", Label.BODY), (PROSE, Label.BODY)], {}),
        # a photographer whose given name is not in the table, with a middle initial
        ([("Headline", Label.TITLE), ("Jae C. Hong (AP)", Label.BODY), (PROSE, Label.BODY)], {}),
    ],
)
def test_the_same_shape_elsewhere_is_a_photographers_credit(
    rows: list[tuple[str, Label]], roles: dict[int, frozenset[str]]
) -> None:
    _, credits = attribute(_labelled(rows, roles), RULES)
    assert credits == ()


def test_an_agency_in_capitals_it_does_not_write_is_a_pictures_credit() -> None:
    labelled, credits = _run(["The damaged roof of the stadium on Sunday.", "REUTERS", PROSE])
    assert credits == ()
    assert labelled[1].label is Label.BOILERPLATE and labelled[1].reason == "image-credit"
    # as the agency writes itself, the same line is the story's credit
    labelled, credits = _run(["Reuters", PROSE])
    assert [(c.agency, c.kind) for c in credits] == [("Reuters", AttributionKind.CREDIT)]
    _, credits = _run([PROSE, "PTI"])  # an agency that writes its name in capitals
    assert [(c.agency, c.kind) for c in credits] == [("PTI", AttributionKind.CREDIT)]


@pytest.mark.parametrize(("line", "agency"), [("REUTERS", "Reuters"), ("DPA", "dpa"), ("XINHUA", "Xinhua")])
def test_an_agency_in_capitals_after_the_storys_last_paragraph_is_the_storys_credit(line: str, agency: str) -> None:
    """Only inside the story (its text on both sides, where a picture sat) or under a caption is
    the capitals line a picture's: after the last paragraph it credits the story."""
    labelled, credits = _run([PROSE, PROSE, line])
    assert [(c.agency, c.kind, c.text) for c in credits] == [(agency, AttributionKind.CREDIT, line)]
    assert labelled[2].label is Label.ATTRIBUTION


def test_an_agency_in_capitals_under_the_headline_is_the_storys_credit() -> None:
    # "JIJI" as a byline: above the story, no caption before it
    rows = [("Masks stolen from hospital", Label.TITLE), ("JIJI", Label.BODY), (PROSE, Label.BODY)]
    labelled, credits = attribute(_labelled(rows), RULES)
    assert [(c.agency, c.kind, c.text) for c in credits] == [("Jiji", AttributionKind.CREDIT, "JIJI")]
    # right after a figure's caption it is the picture's
    rows = [("Headline", Label.TITLE), ("A nurse at the hospital.", Label.BOILERPLATE), ("JIJI", Label.BODY), (PROSE, Label.BODY)]
    labelled, credits = attribute(_labelled(rows, {1: frozenset({"figure", "figcaption"})}), RULES)
    assert credits == () and labelled[2].reason == "image-credit"


def test_a_counter_between_a_repeated_lead_and_the_dateline_leaves_the_body() -> None:
    lead = "A wildfire forced hundreds from their homes on Tuesday, officials in the county said."
    paragraph = "COLUMBIA, S.C. (AP) — A wildfire forced hundreds of people from their homes on Tuesday."
    labelled, credits = _run([lead, "1 / 5", paragraph, PROSE])
    assert [c.kind for c in credits] == [AttributionKind.DATELINE]
    assert [item.label for item in labelled[:3]] == [Label.BODY, Label.BOILERPLATE, Label.BODY]
    assert labelled[1].reason == "gallery-counter"


def test_a_signature_before_the_desks_initials_line_is_cut() -> None:
    last = "The line is expected to carry about 300,000 passengers a day. --IANS"
    labelled, credits = _run([PROSE, last, "abc/xyz"])
    assert [(c.agency, c.kind, c.text) for c in credits] == [("IANS", AttributionKind.CREDIT, "--IANS")]
    assert labelled[1].block.text == "The line is expected to carry about 300,000 passengers a day."
    assert labelled[-1].block.text == "abc/xyz" and labelled[-1].label is Label.BODY  # left where it is
    _, credits = _run([PROSE, "He said he would look into it and/or report back.", "and/or"])
    assert credits == ()


def test_a_slideshow_counter_in_a_dump_is_not_the_headline() -> None:
    """The dump's title reader takes the headline-shaped line nearest the body; a gallery's
    "1 de 7" sits there and is no headline."""
    from cleanpage import clean

    dump = (
        "Spain floods leave dozens of towns cut off\n"
        "1 de 7\n"
        "Madrid (EFE)\n"
        "Heavy rain cut off dozens of towns in the east of Spain on Tuesday, the emergency services said, "
        "as rivers burst their banks after two days of storms.\n"
        "Rescue teams used boats to reach people trapped in their homes in several villages near Valencia, "
        "and the regional government asked residents to stay indoors.\n"
        "The weather service said more rain was expected on Wednesday before the storm moves out to sea.\n"
    )
    page = clean(dump, kind="text")
    assert page.title == "Spain floods leave dozens of towns cut off"
    assert [credit.text for credit in page.attribution] == ["Madrid (EFE)"]
    assert ("1 de 7", "gallery-counter") in [(r.text, r.reason.value) for r in page.removed]


@pytest.mark.parametrize("pronouns", ["he/him", "she/her", "they/them", "they/she", "er/ihm", "elle/la"])
def test_a_writers_pronouns_are_no_desks_initials(pronouns: str) -> None:
    # a bio's closing pronoun line does not send the signature search to the line before it
    assert not RULES.desk_initials(pronouns)
    assert RULES.desk_initials("vg/sdr")


@pytest.mark.parametrize(
    ("texts", "kind", "credit", "agencies"),
    [
        ([PROSE, "AFP/dpa"], AttributionKind.CREDIT, "AFP/dpa", ["AFP", "dpa"]),
        ([PROSE, "mit Material von dpa und AFP"], AttributionKind.CONTRIBUTOR, "mit Material von dpa und AFP", ["dpa", "AFP"]),
        ([PROSE, "(avec AFP et Reuters)"], AttributionKind.CONTRIBUTOR, "(avec AFP et Reuters)", ["AFP", "Reuters"]),
        ([PROSE, "Con información de EFE y AFP"], AttributionKind.CONTRIBUTOR, "Con información de EFE y AFP", ["EFE", "AFP"]),
        (["Washington (dpa/AP) - Der Kongress hat eine Haushaltssperre abgewendet.", PROSE],
         AttributionKind.DATELINE, "Washington (dpa/AP) -", ["dpa", "AP"]),
        ([PROSE, "Die Polizei ermittelt weiter. dpa/AFP"], AttributionKind.CREDIT, "dpa/AFP", ["dpa", "AFP"]),
    ],
)
def test_a_credit_of_several_agencies_names_each(
    texts: list[str], kind: AttributionKind, credit: str, agencies: list[str]
) -> None:
    """Each agency supplied the story: one entry naming each, the credit's own words once."""
    _, credits = _run(texts)
    assert [(c.agency, c.agencies, c.kind, c.text) for c in credits] == [(agencies[0], tuple(agencies), kind, credit)]


def test_an_attribution_lists_its_agency_first() -> None:
    assert Attribution(agency="AP", text="(AP)", kind=AttributionKind.CREDIT).agencies == ("AP",)
    assert Attribution(agency=None, text="By Jane Doe", kind=AttributionKind.BYLINE).agencies == ()
    with pytest.raises(ValueError, match="start with"):
        Attribution(agency="AP", agencies=("dpa", "AP"), text="(dpa/AP)", kind=AttributionKind.CREDIT)
    with pytest.raises(ValueError, match="without an agency"):
        Attribution(agency=None, agencies=("AP",), text="x", kind=AttributionKind.CREDIT)
    both = Attribution(agency="dpa", agencies=("dpa", "AP"), text="(dpa/AP)", kind=AttributionKind.DATELINE)
    assert Attribution.from_dict(both.to_dict()) == both
    # a record written before the field existed reads back with its one agency
    assert Attribution.from_dict({"agency": "AP", "text": "(AP)", "kind": "credit"}).agencies == ("AP",)


@pytest.mark.parametrize(
    "line",
    ["Associated Press writer Jane Doe in Kyiv contributed to this report.",
     "© 2024 The Associated Press. All rights reserved. This material may not be published.",
     "By Jane Doe | Reuters | Updated 3:04 PM EST, Jan 3, 2024"],
)
def test_a_credit_naming_one_agency_names_one(line: str) -> None:
    _, credits = _run([PROSE, line])
    assert len(credits) == 1


@pytest.mark.parametrize(
    "paragraph",
    ["【速報】日韓首脳会談で共同声明が発表された。",
     "据新华社报道，上海国际车展于3月5日开幕。",
     "新华社记者在现场看到，新能源汽车展区人流密集。",
     "(부산=시민기자) 관광객들은 이른 개장을 반겼다.",
     "WHO (World Health Organization) Officials updated their guidance on Tuesday.",
     "Stockholm (TT) stad ska bygga fler laddplatser."],
)
def test_what_only_looks_like_a_cjk_or_unmarked_dateline_is_none(paragraph: str) -> None:
    _, credits = _run([paragraph, PROSE])
    assert credits == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        # a picture's credit in the Korean style, "(photo=Yonhap)", opening a paragraph: no dateline
        "(사진=연합뉴스) 서울 시내의 한 횡단보도를 시민들이 건너고 있다.",
        "(자료사진=연합뉴스) 정부는 5일 새 대책을 발표했다.",
        "(그래픽=연합뉴스) 올해 물가 상승률 추이.",
        # a picture's credit in the Japanese dateline's brackets, "【photo・Kyodo】"
        "【写真・共同】記者会見する首相。",
        # capitals and an agency in brackets with no dash: a dateline only in the Nordic agencies' style
        "THE LATEST (AP) Here is what we know about the storm so far.",
        "AGENCE FRANCE-PRESSE (AFP) Journalists at the agency went on strike on Tuesday.",
        "UPDATE (Reuters) Shares in the company fell sharply after the report.",
        "US (AP) Top Stories",
    ],
)
def test_what_only_looks_like_a_dateline_names_no_agency(paragraph: str) -> None:
    labelled, credits = _run([paragraph, PROSE])
    assert credits == ()
    assert labelled[0].label is Label.BODY


def test_a_byline_element_of_several_agencies_names_each() -> None:
    """The page's byline element is read as the byline blocks are: "dpa/AFP" names both."""
    _, credits = _run([PROSE], bylines=("Von Anna Meier, dpa/AFP",))
    assert [(c.agency, c.agencies, c.kind) for c in credits] == [("dpa", ("dpa", "AFP"), AttributionKind.BYLINE)]
    credit = byline_agency("Par Jean Dupont (AFP)", RULES)
    assert credit is not None and credit.agencies == ("AFP",)


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        # a picture's credit or an update note after the byline's agency is no second agency
        ("Von Anna Meier, dpa | Foto: AFP", ("dpa",)),
        ("By Jane Doe, Reuters | Photos: AP", ("Reuters",)),
        ("By Jane Doe, Reuters · Updated 3:04 PM, AP contributed", ("Reuters",)),
    ],
)
def test_a_credit_names_only_the_agencies_of_its_own_words(line: str, agencies: tuple[str, ...]) -> None:
    _, credits = _run([PROSE, line])
    assert [c.agencies for c in credits] == [agencies]
    credit = byline_agency(line, RULES)
    assert credit is not None and credit.agencies == agencies


# A line above the story that only dates it leaves the body (the date is Page.published): in several languages,
# alone, with its label, its change word or its time, or after a byline
@pytest.mark.parametrize("line", [
    "Updated on July 9, 2025", "Last updated: April 21, 2025", "15 Dec, 2025", "2025-09-13",
    "Veröffentlicht am 3. März 2024, 10:47 Uhr", "Mis à jour le 3 mars 2024 à 11h20",
    "Publicado el 5 de marzo de 2024", "Tuesday, March 5, 2024 at 10:30",
])
def test_a_line_that_only_dates_the_story_leaves_the_body(line: str) -> None:
    labelled, _ = _run(["Tram line extended", line, PROSE, PROSE])
    assert labelled[1].label is Label.BOILERPLATE and labelled[1].reason == "post-meta"
    assert [item.label for item in labelled[2:]] == [Label.BODY, Label.BODY]


def test_a_byline_with_its_date_is_a_byline() -> None:
    labelled, _ = _run(["By Jane Doe | March 5, 2024", PROSE])
    assert labelled[0].label is Label.META and labelled[0].reason == "byline"


@pytest.mark.parametrize("line", [
    "2025 tax deadlines", "Here is the story of our 2025:", "Originally posted February 2017 Edited April 2024",
    "First available: 09/2021", "2024/25", "March 2024",
])
def test_a_line_with_a_year_and_other_words_stays(line: str) -> None:
    labelled, _ = _run([line, PROSE])
    assert labelled[0].label is Label.BODY


def test_dated_items_of_a_listing_stay() -> None:
    # each item is dated: the dates are the listing's text, not the page's metadata
    labelled, _ = _run(["November 28, 2025", "Short item title", "November 27, 2025", PROSE])
    assert [item.label for item in labelled[:3]] == [Label.BODY] * 3


def test_a_date_line_inside_the_story_stays() -> None:
    labelled, _ = _run([PROSE, "March 5, 2024", PROSE])
    assert labelled[1].label is Label.BODY


def test_a_date_line_with_no_story_below_stays() -> None:
    # an event page whose content is its date and place: the date is what the page says
    labelled, _ = _run(["Saturday, June 14, 2025 at 19:30", "Harbour Hall, free entry"])
    assert [item.label for item in labelled] == [Label.BODY, Label.BODY]


def test_a_list_item_that_is_a_date_stays() -> None:
    # one entry of a list above the story: the list's text, as the items around it are
    texts = ["Birds of the harbour", "March 5, 2024", "Old maps of the city", PROSE]
    labelled, _ = attribute(tuple(Labelled(block=Block(index=i, text=t, tag="li" if i < 3 else "p"), label=Label.BODY)
                                  for i, t in enumerate(texts)), RULES, ())
    assert [item.label for item in labelled] == [Label.BODY] * 4



def test_a_date_line_stays_where_the_metadata_has_no_date() -> None:
    # the line is then the only place the page's date is kept (review19: "Publicado el …" was not read)
    labelled, _ = _run(["Tram line extended", "Updated on July 9, 2025", PROSE, PROSE], dated=False)
    assert labelled[1].label is Label.BODY
