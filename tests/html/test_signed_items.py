"""Comment items signed with a plain name (issue 16): a bold name, a date and the reader's words
repeated are comments where the page says comments (a comment heading or class, a comment form),
and each its own response with its author and date; the same shape elsewhere (an events listing,
a news list, a changelog, a team page) is nobody's comment."""

from __future__ import annotations

import datetime as _dt

import pytest

from cleanpage.pipeline.html.comment_header import CommentDates
from cleanpage.pipeline.html.responses import HtmlResponses, find_responses
from cleanpage.pipeline.html.signed_items import comment_forms, is_name, signed_items
from cleanpage.pipeline.html.tree import parse_html
from cleanpage.rules import load_rules

RULES = load_rules()
DATES = CommentDates(None, None, RULES.cues)

ARTICLE = (
    "<article><h1>Tomaten vorziehen</h1><p>Wer im Frühjahr Tomaten vorziehen will, braucht vor allem Licht "
    "und Geduld. Die Samen keimen bei etwa zwanzig Grad innerhalb einer Woche.</p></article>"
)
COMMENTS = [
    ("Maria K.", "12. März 2021 um 14:03", "Danke für die Anleitung! Ich habe letztes Jahr viel zu früh angefangen."),
    ("gartenfreund77", "12. März 2021 um 18:41", "Bei mir hat es auf der Fensterbank nie geklappt, mit einer Lampe schon."),
    ("Jens", "13. März 2021 um 09:15", "Kann man die Tomaten auch direkt ins Gewächshaus säen? Ich habe keinen Platz."),
]
FORM = (
    '<form action="/kommentar/" method="post"><h3>Schreibe einen Kommentar</h3>'
    '<textarea name="kommentar"></textarea><button>Kommentar abschicken</button></form>'
)


def _items(entries: list[tuple[str, str, str]], tag: str = "div", name_tag: str = "b") -> str:
    return "".join(f"<{tag}><{name_tag}>{n}</{name_tag}> <span>{d}</span><p>{t}</p></{tag}>" for n, d, t in entries)


def _find(body: str) -> HtmlResponses:
    return find_responses(parse_html(f"<html><body>{body}</body></html>"), RULES, None)


@pytest.mark.parametrize("name", ["Maria K.", "gartenfreund77", "Jens", "Dr. Jane van Berg", "Łukasz", "jean-pierre"])
def test_a_short_name_or_handle_signs_an_item(name: str) -> None:
    assert is_name(name, RULES.signed, DATES)


@pytest.mark.parametrize(
    "text",
    [
        "Version 2.4.0",  # a changelog's entry
        "2.3.1",  # a bare version
        "12. März 2021",  # a date
        "Frühlingsfest: Termin verschoben",  # a title with a title word
        "Council approves new cycle lanes on Harbor Street",  # a headline: too many words
        "Why is my starter grey?",  # a question
        "Release notes",
        "Team 2022",
    ],
)
def test_a_title_a_version_or_a_date_signs_nothing(text: str) -> None:
    assert not is_name(text, RULES.signed, DATES)


@pytest.mark.parametrize("name_tag", ["b", "strong", "cite", "span"])
def test_bold_signed_items_under_a_count_heading_are_each_a_response(name_tag: str) -> None:
    found = _find(ARTICLE + f"<section><h2>3 Kommentare</h2><div>{_items(COMMENTS, name_tag=name_tag)}</div></section>")
    assert [r.author for r in found.responses] == ["Maria K.", "gartenfreund77", "Jens"]
    assert found.responses[0].published == _dt.datetime(2021, 3, 12, 14, 3)
    assert found.responses[2].text == COMMENTS[2][2]
    assert found.announced == 3


def test_signed_items_in_a_bare_list_after_a_heading_beside_the_article() -> None:
    """The heading shares its container with the article, so it is marked alone; the list after it
    holds the comments."""
    found = _find(f"<main>{ARTICLE}<h2>Kommentare</h2><ul>{_items(COMMENTS, 'li')}</ul></main>")
    assert [r.author for r in found.responses] == ["Maria K.", "gartenfreund77", "Jens"]


def test_signed_items_inside_a_comment_form_are_responses() -> None:
    body = ARTICLE + f'<form method="post"><h2>Kommentare</h2><ul>{_items(COMMENTS, "li")}</ul>'
    body += "<h3>Schreibe einen Kommentar</h3><textarea></textarea><button>Absenden</button></form>"
    found = _find(body)
    assert [r.author for r in found.responses] == ["Maria K.", "gartenfreund77", "Jens"]
    assert found.responses[1].published == _dt.datetime(2021, 3, 12, 18, 41)


def test_signed_items_right_before_a_comment_form_are_responses() -> None:
    found = _find(ARTICLE + f"<div>{_items(COMMENTS)}</div>" + FORM)
    assert len(found.responses) == 3


def test_a_form_without_a_comment_label_is_no_comment_form() -> None:
    root = parse_html(
        "<html><body><form><h3>Kontakt</h3><textarea></textarea><button>Senden</button></form>" + FORM + "</body></html>"
    )
    forms = comment_forms(root, RULES)
    assert len(forms) == 1 and forms[0].get("action") == "/kommentar/"


def test_the_same_shape_without_comment_heading_or_form_is_no_response() -> None:
    found = _find(ARTICLE + f"<div>{_items(COMMENTS)}</div>")
    assert found.responses == ()


def test_one_name_signing_every_item_is_no_conversation() -> None:
    same = [("Anna", d, t) for _n, d, t in COMMENTS]
    found = _find(ARTICLE + f"<section><h2>3 Kommentare</h2><div>{_items(same)}</div></section>")
    assert all(r.author != "Anna" or len(found.responses) <= 1 for r in found.responses)
    root = parse_html(f"<html><body><div>{_items(same)}</div></body></html>")
    assert signed_items([root], RULES, DATES) is None


EVENTS = [
    ("Frühlingsmarkt am Rathaus", "Samstag, 20. März 2021", "Regionale Händler bieten Jungpflanzen und Saatgut an."),
    ("Obstbaumschnitt", "Sonntag, 28. März 2021", "Ein Gärtnermeister zeigt, wie Apfelbäume geschnitten werden."),
    ("Saatguttausch", "Samstag, 10. April 2021", "Gärtnerinnen und Gärtner tauschen samenfeste Sorten aus."),
]


def test_an_events_listing_beside_a_comment_form_is_no_response() -> None:
    """Beside the form, the list must speak as readers do: event descriptions do not."""
    found = _find(ARTICLE + f"<div>{_items(EVENTS)}</div>" + FORM)
    assert found.responses == ()


def test_a_changelog_inside_the_article_above_a_comment_form_is_no_response() -> None:
    changes = [
        ("Version 2.4.0", "March 1, 2023", "Added an export to CSV and a dark theme for the editor."),
        ("Version 2.3.2", "February 12, 2023", "Fixed a crash when importing files with empty rows."),
    ]
    found = _find(f"<article><h1>Changelog</h1><div>{_items(changes)}</div></article>" + FORM)
    assert found.responses == ()


def test_signed_comments_must_hold_most_of_the_scope_beside_a_form() -> None:
    """A signed list that is a small part of a long branch before the form is that branch's own."""
    long_text = "<p>" + "Ein langer Absatz über den Garten, der nichts mit Kommentaren zu tun hat. " * 12 + "</p>"
    found = _find(f"<div>{long_text}<div>{_items(COMMENTS)}</div></div>" + FORM)
    assert found.responses == ()


def test_the_toml_cues_load() -> None:
    cues = RULES.signed
    assert {"b", "strong"} <= set(cues.name_tags)
    assert "ich" in cues.reader_words and "version" in cues.title_words


def test_a_table_without_signed_cues_finds_no_signed_items() -> None:
    from cleanpage.rules.signed import compile_signed

    assert compile_signed({}).name_tags == ()


def test_an_unknown_key_in_the_signed_table_is_an_error() -> None:
    from cleanpage.rules import RulesError
    from cleanpage.rules.signed import compile_signed

    with pytest.raises(RulesError):
        compile_signed({"signed": {"name_tag": ["b"]}})


def test_an_faq_beside_a_comment_form_is_no_response() -> None:
    """A question in bold is no name, however short."""
    faq = [
        ("Wann keimen die Samen?", "Stand: 1. März 2021", "Bei zwanzig Grad keimen Tomatensamen nach etwa einer Woche."),
        ("Wie viel Licht?", "Stand: 1. März 2021", "Mindestens zwölf Stunden am Tag, sonst vergeilen die Pflanzen."),
    ]
    found = _find(ARTICLE + f"<div>{_items(faq)}</div>" + FORM)
    assert found.responses == ()


def test_a_team_page_beside_a_contact_form_is_no_response() -> None:
    """People's names and their start dates, beside a form for messages that is no comment form."""
    team = [
        ("Anna Berger", "seit März 2015", "Anna leitet die Redaktion und schreibt über Gemüse und Kräuter."),
        ("Jens Müller", "seit Mai 2018", "Jens kümmert sich um die Technik und fotografiert die Gärten."),
    ]
    contact = "<form><h3>Kontakt</h3><textarea></textarea><button>Nachricht senden</button></form>"
    found = _find(f"<div>{_items(team)}</div>" + contact)
    assert found.responses == ()


def test_replies_nested_in_a_signed_item_are_threaded_under_it() -> None:
    """``<li><strong>Betina</strong> sagt: <time>…</time><div>…</div><ul><li>…reply…</li></ul></li>``"""
    reply = "<ul class='replies'><li><strong>Kathrin</strong> sagt: <span>23.05.2019 - 11:05</span><div>Das freut mich sehr, Danke!</div></li></ul>"
    items = "".join(
        f"<li><strong>{n}</strong> sagt: <span>{d}</span><div>{t}</div>{reply if i == 0 else '<ul class=replies></ul>'}</li>"
        for i, (n, d, t) in enumerate(COMMENTS)
    )
    found = _find(ARTICLE + f"<section class='comments'><h3>Kommentare</h3><ul class='replies'>{items}</ul></section>")
    assert [(r.author, r.parent) for r in found.responses] == [
        ("Maria K.", None), ("Kathrin", 0), ("gartenfreund77", None), ("Jens", None)
    ]
    assert "Das freut mich" not in found.responses[0].text


def test_names_that_link_to_a_profile_are_left_to_the_header_reader() -> None:
    linked = [(f'<a href="/members/{n}">{n}</a>', d, t) for n, d, t in COMMENTS]
    root = parse_html(f"<html><body><div>{_items(linked)}</div></body></html>")
    assert signed_items([root], RULES, DATES) is None


def test_a_list_of_linked_topics_with_their_starters_is_no_comment_list() -> None:
    topics = [
        (n, d, f'<a href="/topic/{i}">A topic about something that somebody started here</a>')
        for i, (n, d, _t) in enumerate(COMMENTS)
    ]
    root = parse_html(f"<html><body><div>{_items(topics)}</div></body></html>")
    assert signed_items([root], RULES, DATES) is None


def test_a_list_after_a_heading_is_read_once_when_it_is_a_section_of_its_own() -> None:
    """``h3#comments`` is marked alone and the ``ol.commentlist`` after it is a section of its own:
    its comments are not read a second time as the heading's signed items."""
    items = "".join(
        f"<li class='comment'><b>{n}</b> <span>{d}</span><p>{t}</p></li>" for n, d, t in COMMENTS
    )
    found = _find(f"<main>{ARTICLE}<h3 id='comments'>Kommentare</h3><ol class='commentlist'>{items}</ol></main>")
    assert len(found.responses) == 3


def test_a_bold_subject_after_the_date_is_no_signature() -> None:
    """``(22 juin 2018 @11h13): <strong>Coree du Sud</strong> <p>…</p>``: an anonymous comment's subject."""
    subject = "<li><div>(22 juin 2018 @11h13):</div><p><strong>Sujet du jour</strong></p><p>Un texte assez long pour un commentaire.</p></li>"
    signed = "".join(
        f"<li><div><b>{n}</b> <span>({d})</span>:</div><p>{t}</p></li>" for n, d, t in COMMENTS
    )
    found = _find(ARTICLE + f"<section><h2>4 Kommentare</h2><ul>{subject}{signed}</ul></section>")
    assert "Sujet du jour" not in [r.author for r in found.responses]
    assert [r.author for r in found.responses] == ["Maria K.", "gartenfreund77", "Jens"]
