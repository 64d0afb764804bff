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

