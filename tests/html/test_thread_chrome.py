"""A forum post's chrome inside its text: what the software adds to a post is no part of the poster's words.

Hand-made threads: each reply carries, beside its own words, one thing the forum software puts there (a
link's preview card, a code box's "Select all" control, an embedded video shown as its address, a mobile
app's signature, an ad's label). The poster's words stay; the chrome leaves the response.
"""

from __future__ import annotations

import pytest

import cleanpage
from cleanpage import PageType
from cleanpage.rules import load_rules

_POST = """<div class="msg"><div class="msg-head"><a href="/members/{name}.{n}/">{name}</a>
<span class="when">March {day}, 2024 10:0{n}</span></div><div class="msg-body">{body}</div></div>"""

_OPENING = "My bread comes out dense every time, even though the dough doubles overnight. What am I missing?"
_REPLY = "Try a shorter final proof. A dough that has doubled overnight has often used up its strength."
_LAST = "Also check your oven temperature with a thermometer; many ovens run cooler than the dial says."


def _thread(extra: str) -> str:
    bodies = [f"<p>{_OPENING}</p>", f"<p>{_REPLY}</p>{extra}", f"<p>{_LAST}</p>"]
    posts = "".join(
        _POST.format(name=name, n=n, day=n + 1, body=body)
        for n, (name, body) in enumerate(zip(["ana_b", "crustmaker", "ovenwatch"], bodies))
    )
    return (
        "<html><head><title>Dense bread - Baking forum</title></head><body>"
        f"<main><h1>Dense bread</h1><div class='thread'>{posts}</div></main></body></html>"
    )


_CHROME = {
    # a link's preview card (Discourse's onebox, XenForo's unfurl): the linked site's title and blurb
    "onebox": (
        ("<aside class='onebox allowlistedgeneric'><header class='source'><a href='https://bakery.example'>"
        "bakery.example</a></header><article class='onebox-body'><h3>Bread baking guide</h3>"
        "<p>Everything about sourdough, yeast and flour from the largest baking school in town.</p>"
        "</article></aside>"),
        "largest baking school",
    ),
    "unfurl": (
        ("<div class='bbCodeBlock bbCodeBlock--unfurl js-unfurl'><div class='contentRow'>"
        "<p>Proofing times explained: a chart for every dough and every kitchen temperature.</p>"
        "<div class='contentRow-minor'>www.bakery.example</div></div></div>"),
        "chart for every dough",
    ),
    "code box header": ("<div class='codebox'><p>Code: <a href='#'>Select all</a></p></div>", "Select all"),
    "media placeholder": ("<p>View: <a href='https://youtu.be/abc123'>https://youtu.be/abc123</a></p>", "youtu.be"),
    "mobile signature": ("<p>Sent from my iPhone using Tapatalk</p>", "Tapatalk"),
    "ad label": ("<p>Advertisement - Members don't see this ad</p>", "Members don't see"),
}


@pytest.mark.parametrize("name", sorted(_CHROME))
def test_the_forum_s_chrome_in_a_post_leaves_the_response(name: str) -> None:
    extra, words = _CHROME[name]
    page = cleanpage.clean(_thread(extra))
    assert page.page_type is PageType.THREAD
    assert page.paragraphs == (_OPENING,)
    assert [(r.author, r.text) for r in page.responses] == [("crustmaker", _REPLY), ("ovenwatch", _LAST)]
    assert words not in page.body and all(words not in r.text for r in page.responses)


@pytest.mark.parametrize(
    "text",
    ["Code: Select all", "Code: Alles auswählen", "(see edit history)", "View: https://youtu.be/abc123",
     "Sent from my SM-S908U using Tapatalk", "Gesendet von meinem iPhone mit Tapatalk", "Envoyé de mon iPhone"],
)
def test_post_chrome_lines_are_chrome(text: str) -> None:
    assert load_rules().comments.is_chrome(text)


@pytest.mark.parametrize(
    "text",
    ["Code: the part that failed was the loop, select all rows first.",
     "View: I think the proof was too long, as the others said.",
     "Sent from my phone because the laptop died, so excuse the typos in this long reply about flour.",
     "See the edit history of the recipe page for what changed.",
     # a reader's sentence opening as a signature does, a source cited with the word for "see"
     "Von meinem Opa gelernt, schmeckt super mit Butter!", "Von meinem Balkon aus sieht man den Hafen.",
     "Sent from my hospital bed: thank you all for the kind words!",
     "Voir : https://fr.wikipedia.org/wiki/Pain", "Ver: https://es.wikipedia.org/wiki/Pan",
     "Vedi: https://it.wikipedia.org/wiki/Pane", "Zobacz: https://pl.wikipedia.org/wiki/Chleb"],
)
def test_sentences_that_start_like_post_chrome_are_words(text: str) -> None:
    assert not load_rules().comments.is_chrome(text)


@pytest.mark.parametrize(
    "text",
    ["Von meinem iPhone gesendet", "Sent from my Pixel 7 Pro using Tapatalk", "Sent from my iPhone.",
     "Enviado desde mi Redmi Note 8 Pro mediante Tapatalk", "Inviato dal mio Pixel 6 utilizzando Tapatalk",
     "Sent from my SM-S908U using Harbour Forums mobile app"],
)
def test_a_device_s_signature_in_any_language_is_chrome(text: str) -> None:
    assert load_rules().comments.is_chrome(text)


@pytest.mark.parametrize(
    "text",
    ["Von meinem Opa gelernt, schmeckt super mit Butter!", "Voir : https://fr.wikipedia.org/wiki/Pain"],
)
def test_a_reply_s_own_words_that_open_like_chrome_stay_in_it(text: str) -> None:
    page = cleanpage.clean(_thread(f"<p>{text}</p>"))
    assert page.responses[0].text == f"{_REPLY}\n\n{text}"


@pytest.mark.parametrize(
    "text",
    ["Advertising: Members may place free ads.", "Werbung: Mitglieder inserieren kostenlos im Vereinsheft."],
)
def test_a_club_s_line_about_its_members_ads_is_no_ad_label(text: str) -> None:
    """The member-only ad label says who does not see the ad; a club's words about its members' ads
    are the page's own."""
    assert load_rules().match_text(text) is None
    assert load_rules().match_text("Advertisement - Members don't see this ad") is not None


def test_a_link_in_a_post_s_own_words_stays() -> None:
    """The preview card leaves; the poster's sentence with the same link in it stays whole."""
    own = "<p>The guide at <a href='https://bakery.example'>bakery.example</a> helped me most.</p>"
    card = _CHROME["onebox"][0]
    page = cleanpage.clean(_thread(own + card))
    assert page.responses[0].text == f"{_REPLY}\n\nThe guide at bakery.example helped me most."
