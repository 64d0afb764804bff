"""The notebook view: every part of the page is shown, and page text never becomes live HTML."""

from __future__ import annotations

import datetime as dt

import cleanpage
from cleanpage import Attribution, AttributionKind, InputKind, Page, Removed, Response

EVIL = '<script>alert("x")</script>'


def _page() -> Page:
    return Page(
        kind=InputKind.HTML,
        title=f"Title {EVIL}",
        paragraphs=(f"First paragraph {EVIL}", "Second & last <b>paragraph</b>"),
        attribution=(Attribution(agency="AP", text=f"(AP) {EVIL}", kind=AttributionKind.CREDIT),),
        authors=(f"Ann {EVIL}",),
        published=dt.date(2024, 5, 1),
        responses=(Response(text=f"Great {EVIL}", author=f"Bob {EVIL}"),
                   Response(text="Reply", author="Cy", parent=0)),
        responses_announced=2,
        removed=(Removed(text=f"Share this {EVIL}", reason="share-bar"),),
        url='https://example.org/"><script>x</script>',
        encoding="utf-8",
        encoding_source="utf-8-valid",
    )


def test_repr_html_shows_every_part() -> None:
    html = _page()._repr_html_()
    for needle in ("Title", "First paragraph", "Second &amp; last &lt;b&gt;paragraph&lt;/b&gt;", "(AP)",
                   "Ann", "2024-05-01", "Great", "Bob", "reply to #1", "responses announced: 2",
                   "<s>Share this", "<code>share-bar</code>", "utf-8-valid"):
        assert needle in html, needle


def test_repr_html_escapes_page_text() -> None:
    html = _page()._repr_html_()
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "<b>paragraph" not in html


def test_repr_html_of_a_cleaned_page_with_script_text() -> None:
    source = ("<html><head><title>Escaping &lt;script&gt; test</title></head><body><article><h1>Escaping</h1>"
              "<p>The attacker wrote &lt;script&gt;alert(1)&lt;/script&gt; into a comment field, and the "
              "site printed it back as text, which is how it should be shown here too.</p>"
              "<p>A second paragraph makes this look like an article with enough prose in it to keep.</p>"
              "<script>document.write('live')</script></article></body></html>")
    page = cleanpage.clean(source)
    html = page._repr_html_()
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)" in html
