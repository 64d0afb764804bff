"""``metadata.toml`` [markup] and [head]: the class/id words, ``<meta>`` names and schema.org types the
HTML metadata reader uses, each tested where it is read (``cleanpage.rules.markup``)."""

from __future__ import annotations

import pytest

from cleanpage.rules import load_rules

from ._shared import CUES, MARKUP, byline_page, head_page, html_element, packaged_names, page_meta


@pytest.mark.parametrize("token", MARKUP.elsewhere_tokens)
def test_every_elsewhere_token_puts_a_box_elsewhere(token: str) -> None:
    from cleanpage.pipeline.html.metadata.places import _elsewhere

    _, el = html_element(f"<html><body><h1>H</h1><div class='x-{token}-y'><p id='x'>12.03.2024</p></div></body></html>")
    assert _elsewhere(el, MARKUP)
    _, el = html_element("<html><body><h1>H</h1><div class='x-plain-y'><p id='x'>12.03.2024</p></div></body></html>")
    assert not _elsewhere(el, MARKUP)
    # the page's byline in such a box is another thing's
    page = page_meta(byline_page(f"<div class='{token}-box'><div class='byline'>Jane Doe</div></div>"))
    assert page.authors == ()


@pytest.mark.parametrize("token", MARKUP.side_box_tokens)
def test_every_side_box_token_is_the_articles_own_inside_the_article(token: str) -> None:
    from cleanpage.pipeline.html.metadata.places import _elsewhere

    _, el = html_element(f"<html><body><article><div class='x-{token}'><p id='x'>Erschienen am: 01.11.2023</p>"
                     "</div></article></body></html>")
    assert _elsewhere(el, MARKUP) and not _elsewhere(el, MARKUP, own_boxes=True)
    _, el = html_element(f"<html><body><div class='x-{token}'><p id='x'>01.11.2023</p></div></body></html>")
    assert _elsewhere(el, MARKUP, own_boxes=True)  # the page's own side column


@pytest.mark.parametrize("ident", sorted(MARKUP.main_ids))
def test_every_main_id_holds_the_articles_own_side_boxes(ident: str) -> None:
    from cleanpage.pipeline.html.metadata.places import _elsewhere

    side = MARKUP.side_box_tokens[0]
    _, el = html_element(f"<html><body><div id='{ident}'><div class='{side}'><p id='x'>01.11.2023</p></div></div>"
                     "</body></html>")
    assert not _elsewhere(el, MARKUP, own_boxes=True)
    _, el = html_element(f"<html><body><div id='other'><div class='{side}'><p id='x'>01.11.2023</p></div></div>"
                     "</body></html>")
    assert _elsewhere(el, MARKUP, own_boxes=True)


@pytest.mark.parametrize("token", MARKUP.aside_tokens)
def test_every_aside_token_ends_the_lines_under_the_headline(token: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata.visible import _scan

    def after_h1(cls: str) -> list[str]:
        html = (f"<html><body><h1>Headline</h1><p>Line under it</p><div class='x-{cls}'><p>Boxed line</p></div>"
                "</body></html>")
        return [t.strip() for t in _scan(lxml.html.document_fromstring(html), CUES).after_h1 if t.strip()]

    assert after_h1(token) == ["Line under it"]
    assert after_h1("plain") == ["Line under it", "Boxed line"]


def test_the_lines_under_the_headline_end_after_400_characters() -> None:
    """Once 400 characters under the headline are read, nothing further down is one of its lines
    (the walk stops asking, so a long page costs no more than a short one here)."""
    import lxml.html

    from cleanpage.pipeline.html.metadata.visible import _scan

    long_line = "A standfirst that runs on and on. " * 14  # 476 characters
    html = (f"<html><body><h1>Headline</h1><p>By Jane Doe</p><p>{long_line}</p><p>Later line</p>"
            "<div><span>Much later</span></div></body></html>")
    assert [t.strip() for t in _scan(lxml.html.document_fromstring(html), CUES).after_h1] == [
        "By Jane Doe", long_line.strip()]


@pytest.mark.parametrize("token", MARKUP.headline_tokens)
def test_every_headline_token_marks_a_headline(token: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata.visible import _scan

    html = f"<html><body><h2 class='x {token}'>Council approves budget</h2><p>Text.</p></body></html>"
    assert _scan(lxml.html.document_fromstring(html), CUES).headlines == ["Council approves budget"]


@pytest.mark.parametrize("example", packaged_names("author_box_examples", "markup"))
def test_every_author_box_names_the_author_by_its_heading(example: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata.visible import _scan

    html = (f"<html><body><h1>H</h1><p>Text.</p><div class='{example}'><h3>Jane Doe</h3><p>Jane writes.</p>"
            "</div></body></html>")
    assert MARKUP.author_box.search(example) is not None
    assert _scan(lxml.html.document_fromstring(html), CUES).boxed == ["Jane Doe"]


@pytest.mark.parametrize("name", MARKUP.published)
def test_every_published_meta_gives_the_date(name: str) -> None:
    import datetime as _dt

    assert page_meta(head_page(f"<meta name='{name}' content='2022-01-15'>")).published == _dt.date(2022, 1, 15)


@pytest.mark.parametrize("name", sorted(MARKUP.weak_published))
def test_every_weak_published_meta_yields_to_the_date_shown(name: str) -> None:
    import datetime as _dt

    shown = "<h1>Headline of the page</h1><span class='date'>25.01.2022</span><p>Text.</p>"
    page = page_meta(head_page(f"<meta name='{name}' content='2022-01-15'>", shown))
    assert page.published == _dt.date(2022, 1, 25)
    strong = page_meta(head_page("<meta name='article:published_time' content='2022-01-15'>", shown))
    assert strong.published == _dt.date(2022, 1, 15)


@pytest.mark.parametrize("name", MARKUP.modified)
def test_every_modified_meta_dates_a_page_that_states_no_publication(name: str) -> None:
    import datetime as _dt

    assert page_meta(head_page(f"<meta name='{name}' content='2022-01-15'>")).published == _dt.date(2022, 1, 15)


@pytest.mark.parametrize("name", MARKUP.author)
def test_every_author_meta_names_the_author(name: str) -> None:
    assert page_meta(head_page(f"<meta name='{name}' content='Jane Doe'>")).authors == ("Jane Doe",)


@pytest.mark.parametrize("name", MARKUP.site)
def test_every_site_meta_names_the_site_not_the_title(name: str) -> None:
    title = "<title>Council approves budget - Example News</title>"
    page = page_meta(head_page(f"{title}<meta name='{name}' content='Example News'>", "<p>Text.</p>"))
    assert page.title == "Council approves budget"
    assert page_meta(head_page(title, "<p>Text.</p>")).title == "Council approves budget - Example News"


@pytest.mark.parametrize("name", MARKUP.site_name)
def test_every_site_name_meta_can_name_a_personal_sites_owner(name: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata import read_metadata

    html = head_page(f"<title>Notes on compilers</title><meta name='{name}' content='Gregory Szorc'>"
                      "<meta property='article:published_time' content='2022-01-15'>", "<p>Text.</p>")
    page = read_metadata(lxml.html.document_fromstring(html), load_rules(), "https://gregoryszorc.example/post")
    assert page.authors == ("Gregory Szorc",)


@pytest.mark.parametrize("kind", sorted(MARKUP.article_types))
def test_every_article_type_is_the_pages_own_article(kind: str) -> None:
    import json

    ld = json.dumps({"@type": kind, "headline": "Council approves budget"})
    page = page_meta(head_page(f"<title>Home</title><script type='application/ld+json'>{ld}</script>",
                                 "<p>Text.</p>"))
    assert page.title == "Council approves budget"


@pytest.mark.parametrize("kind", sorted(MARKUP.organisation_types))
def test_every_organisation_type_is_no_person(kind: str) -> None:
    import json

    def authors(author_type: str) -> tuple[str, ...]:
        ld = json.dumps({"@type": "NewsArticle", "headline": "X", "author": {"@type": author_type, "name": "Jane Doe"}})
        return page_meta(head_page(f"<script type='application/ld+json'>{ld}</script>",
                                   "<p class='byline'>By John Roe</p><p>Text.</p>")).authors

    assert authors(kind) == ("John Roe",)  # the organisation yields to the person a byline names
    assert authors("Person") == ("Jane Doe",)
