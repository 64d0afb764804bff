"""Hand-made pages where a line that only dates the story could be taken out of the body (review19's
probes): the date stays where it is the page's content, and nothing is lost."""

from __future__ import annotations

import pytest

import cleanpage

_STORY = ("<p>The city council voted on Tuesday evening to extend the tram line to the harbour district, after two "
          "years of public consultation and several revised budget plans.</p><p>Work on the new section is expected "
          "to start next spring and to take about eighteen months, the transport department said.</p>")


def test_an_event_page_keeps_its_only_line_its_date() -> None:
    page = cleanpage.clean("<html><head><title>Summer Jazz Night | Harbour Hall</title></head><body><main>"
                           "<h1>Summer Jazz Night</h1><p>Saturday, June 14, 2025 at 19:30</p></main></body></html>")
    assert page.paragraphs == ("Saturday, June 14, 2025 at 19:30",)


def test_a_german_event_page_keeps_its_date_beside_its_place() -> None:
    page = cleanpage.clean('<html lang="de"><head><title>Sommerfest</title></head><body><main><h1>Sommerfest im '
                           "Hafen</h1><p>Samstag, 14. Juni 2025 um 19:30 Uhr</p><p>Hafenhalle, Eintritt frei</p>"
                           "</main></body></html>")
    assert "Samstag, 14. Juni 2025 um 19:30 Uhr" in page.paragraphs


def test_a_dated_entry_of_a_list_above_the_text_stays() -> None:
    page = cleanpage.clean("<html><head><title>Talks</title></head><body><main><h1>Talks</h1><ul><li>Birds of the "
                           "harbour</li><li>March 5, 2024</li><li>Old maps of the city</li></ul>" + _STORY
                           + "</main></body></html>")
    assert page.paragraphs[:3] == ("Birds of the harbour", "March 5, 2024", "Old maps of the city")



_HISTORIA = ("<p>El ayuntamiento aprobó el martes la ampliación de la línea de tranvía hasta el nuevo estadio, tras dos "
             "años de consultas públicas.</p><p>Las obras comenzarán en primavera y durarán unos dieciocho meses, según "
             "el departamento de transporte.</p>")


@pytest.mark.parametrize(("lang", "line"), [
    ("es", "Publicado el 5 de marzo de 2024"), ("es", "5 de marzo de 2024"), ("pt", "Publicado em 5 de março de 2024"),
    # the leads of a date line ([dates] leads, line_verbs, line_prepositions)
    ("nl", "Gepubliceerd op 5 maart 2024"), ("pl", "Opublikowano 5 marca 2024"),
])
def test_a_written_date_with_its_joins_dates_the_page_and_leaves_the_body(lang: str, line: str) -> None:
    # "5 de marzo de 2024": the words between day, month and year are data ([dates] month_joins); before, such a
    # line under the headline was not read, the page had no date and the line stayed in the body
    page = cleanpage.clean(f'<html lang="{lang}"><head><title>Tranvía</title></head><body><main><article>'
                           f"<h1>Tranvía ampliado</h1><p>{line}</p>{_HISTORIA}</article></main></body></html>")
    assert str(page.published) == "2024-03-05"
    assert line not in page.paragraphs and any(r.text == line and r.reason == "post-meta" for r in page.removed)


def test_a_byline_with_a_written_date_gives_the_name_and_the_date() -> None:
    page = cleanpage.clean('<html lang="es"><head><title>Tranvía</title></head><body><main><article><h1>Tranvía '
                           f"ampliado</h1><p>Por Ana García | 5 de marzo de 2024</p>{_HISTORIA}</article></main></body>"
                           "</html>")
    assert page.authors == ("Ana García",) and str(page.published) == "2024-03-05"



@pytest.mark.parametrize(("lang", "headline", "line", "story"), [
    ("ja", "ソウルで大規模停電", "2024年3月5日",
     ("<p>韓国の首都ソウル中心部で5日午前、大規模な停電が発生し、地下鉄の一部区間が一時運転を見合わせた。</p>"
      "<p>変電所の設備の故障が原因とみられ、当局が詳しい経緯を調べている。</p>")),
    ("ko", "서울 새 노선", "2024년 3월 5일",
     ("<p>서울시는 5일 새 노선을 발표했다고 밝혔다. 공사는 봄에 시작해 약 2년 동안 진행될 예정이라고 시 관계자가 말했다.</p>"
      "<p>주민들은 도심과의 연결이 좋아질 것이라며 환영했다.</p>")),
])
def test_a_date_written_with_units_dates_the_page_and_leaves_the_body(lang: str, headline: str, line: str,
                                                                      story: str) -> None:
    # the units after each number are data ([dates] date_units); the line is read in the page's language
    page = cleanpage.clean(f'<html lang="{lang}"><head><title>{headline}</title></head><body><main><article>'
                           f"<h1>{headline}</h1><p>{line}</p>{story}</article></main></body></html>")
    assert str(page.published) == "2024-03-05"
    assert any(r.text == line and r.reason == "post-meta" for r in page.removed) and line not in page.paragraphs
