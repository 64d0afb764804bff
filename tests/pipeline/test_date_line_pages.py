"""Hand-made pages where a line that only dates the story could be taken out of the body (review19's
probes): the date stays where it is the page's content, and nothing is lost."""

from __future__ import annotations

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

