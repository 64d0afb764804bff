"""Hidden panels a reader opens (tabs, accordions) against text a page hides for good (issue 14)."""

from __future__ import annotations

import pytest

import cleanpage
from cleanpage import Reason
from cleanpage.pipeline.html.blocks import build_blocks
from cleanpage.pipeline.html.tree import parse_page
from cleanpage.rules import RulesError, load_rules
from cleanpage.rules.disclosure import compile_disclosure, markup_words

FEES = "Tuition for home students is 9,250 pounds a year, and the university reviews the fee every spring."
ANSWER = "You can change your course within the first two weeks of term by asking the faculty office."
CUES = load_rules().disclosure


def _roles(html: str) -> dict[str, frozenset[str]]:
    root, _ = parse_page(f"<html><body>{html}</body></html>")
    return {b.text: b.roles for b in build_blocks(root, disclosure=CUES)}


def test_a_tab_panel_is_collapsed_not_hidden() -> None:
    roles = _roles('<div role="tablist"><button role="tab" id="t1" aria-controls="p1">Fees</button></div>'
                   f'<div role="tabpanel" id="p1" aria-labelledby="t1" hidden><p>{FEES}</p></div>')
    assert "collapsed" in roles[FEES] and "hidden" not in roles[FEES]


def test_an_accordion_body_a_control_names_is_collapsed() -> None:
    roles = _roles('<div class="item"><button aria-expanded="false" data-bs-target="#a2">Change course?</button>'
                   f'<div id="a2" style="display: none"><p>{ANSWER}</p></div></div>')
    assert "collapsed" in roles[ANSWER] and "hidden" not in roles[ANSWER]


@pytest.mark.parametrize("panel", [
    f'<div class="faq-answer" style="display:none"><p>{ANSWER}</p></div>',
    f'<div class="accordionBody" aria-hidden="true"><p>{ANSWER}</p></div>',
    f'<details><summary>Change course?</summary><div hidden><p>{ANSWER}</p></div></details>',
    f'<div hidden="until-found"><p>{ANSWER}</p></div>',
    f'<div hidden id="S:0"><p>{ANSWER}</p></div>',
])
def test_panels_by_their_words_and_markup(panel: str) -> None:
    assert _roles(panel)[ANSWER] >= {"collapsed"}


@pytest.mark.parametrize("hidden", [
    f'<p aria-hidden="true">{ANSWER}</p>',  # a screen-reader duplicate
    f'<div class="hp-field" style="display:none"><label>{ANSWER}</label></div>',  # a honeypot
    f'<nav><ul id="m1" hidden><li>{ANSWER}</li></ul></nav><a href="#m1">Menu</a>',  # a menu a link opens
    f'<div class="modal" id="md" style="display:none"><p>{ANSWER}</p></div><a data-target="#md">Open</a>',
    f'<div class="tab-content"><div class="cookie-settings" hidden><p>{ANSWER}</p></div></div>',
    f'<div class="mega-menu"><div class="tab-pane" hidden><p>{ANSWER}</p></div></div>',
    f'<div role="tabpanel" hidden><div style="display:none"><p>{ANSWER}</p></div></div>',  # hidden inside
])
def test_text_hidden_for_good_stays_hidden(hidden: str) -> None:
    assert "hidden" in _roles(hidden)[ANSWER]


def test_hidden_text_outside_a_widget_is_removed_for_certain() -> None:
    filler = ("The council met on Tuesday evening to discuss the plan for the new library building, and several "
              "residents spoke in favour of the proposal while others asked about its cost.")
    page = cleanpage.clean(f"<html><body><article><h1>Library</h1><p>{filler}</p>"
                           f"<p aria-hidden='true'>{filler} Duplicate for screen readers.</p>"
                           f"<div style='display:none' class='hp'><label>Leave this field empty {filler}</label></div>"
                           f"<p>{filler} Work starts in May.</p></article></body></html>")
    removed = {r.text: r for r in page.removed}
    for text in (f"{filler} Duplicate for screen readers.", f"Leave this field empty {filler}"):
        assert removed[text].reason is Reason.HIDDEN and removed[text].score is None
        assert text not in page.paragraphs


FILLER = ("The council met on Tuesday evening to discuss the plan for the new library building, and several "
          "residents spoke in favour of the proposal while others asked about its cost.")
WIDGETS = (
    "<html><head><title>Fees and funding</title></head><body><nav><a href='/'>Home</a> <a href='/study'>Study</a></nav>"
    f"<main><article><h1>Fees and funding</h1><p>{FILLER}</p>"
    '<div role="tablist"><button role="tab" id="t1" aria-controls="p1">Fees</button></div>'
    f'<div role="tabpanel" id="p1" aria-labelledby="t1" hidden><p>{FEES}</p></div>'
    '<div class="accordion"><button aria-expanded="false" aria-controls="a1">Changing course</button>'
    f'<div id="a1" class="accordion-collapse collapse" style="display:none"><p>{ANSWER}</p></div></div>'
    f"<p>{FILLER} Work starts in May.</p></article></main><footer>© 2024 Example</footer></body></html>")


def test_a_tab_panel_and_an_accordion_are_kept() -> None:
    page = cleanpage.clean(WIDGETS)
    assert FEES in page.paragraphs and ANSWER in page.paragraphs
    assert all(r.reason is not Reason.HIDDEN for r in page.removed)


def test_markup_words_split_class_names() -> None:
    assert markup_words("faq-answer accordionBody", "tab_panel2") >= {"faq", "answer", "accordion", "body", "tab", "panel"}


def test_the_table_rejects_a_word_on_both_sides() -> None:
    table = ('[disclosure]\npanel_words = ["tab"]\nfurniture_words = ["tab"]\nfurniture_roles = ["nav"]\n'
             'control_attributes = ["aria-controls"]\nstreamed_ids = ["S:"]\n')
    with pytest.raises(RulesError):
        compile_disclosure(table)


def test_the_packaged_table_loads() -> None:
    cues = CUES
    assert "accordion" in cues.panel_words and "honeypot" in cues.furniture_words


HOURS = "Open Monday to Friday 8am to 6pm and Saturdays 9am to 4pm; closed on Sundays and bank holidays."


@pytest.mark.parametrize("region", [
    f"<header><button aria-controls='hq' aria-expanded='false'>Opening times</button><div id='hq' hidden><p>{HOURS}</p></div></header>",
    f"<footer><button aria-controls='fc1' aria-expanded='false'>About us</button><div id='fc1' hidden><p>{HOURS}</p></div></footer>",
    f"<div role='banner'><a href='#hq'>Opening times</a><div id='hq' class='panel' hidden><p>{HOURS}</p></div></div>",
    f"<div role='contentinfo'><div class='accordion'><div class='collapse' hidden><p>{HOURS}</p></div></div></div>",
])
def test_a_panel_in_the_page_header_or_footer_is_furniture(region: str) -> None:
    """A site's header and footer open panels too (opening times, a mini basket, a mobile footer's
    link columns): the same on every page, never the page's text, so they stay hidden (review12)."""
    assert "hidden" in _roles(region)[HOURS]


def test_a_panel_in_the_page_header_stays_out_of_a_short_page() -> None:
    service = "We repair and service bicycles of every make at our workshop, usually within two working days."
    page = cleanpage.clean(
        "<html><head><title>Bicycle repairs</title></head><body><header>"
        f"<button aria-controls='hq' aria-expanded='false'>Opening times</button><div id='hq' hidden><p>{HOURS}</p></div>"
        f"</header><main><h1>Bicycle repairs</h1><p>{service}</p></main></body></html>")
    assert service in page.paragraphs and HOURS not in page.body


MUSEUM = ["The museum's new wing holds two hundred paintings by artists from the region, most of them never shown before.",
          "Entry to the permanent collection is free; the temporary exhibition costs eight pounds, or five for students."]


LOCKERS = "Lockers are available in the basement for bags larger than a small backpack."


def test_a_hidden_panel_repeating_visible_text_is_not_kept_twice() -> None:
    """A panel a control opens is the page's text, but not when all it holds repeats what the page
    shows already (a mobile layout's accordion): the copy stays hidden (review12)."""
    text = "".join(f"<p>{p}</p>" for p in MUSEUM)
    copy = f"<div class='accordion mobile-only' style='display:none'>{text}</div>"
    page = cleanpage.clean(
        "<html><head><title>Visit the museum</title></head><body><main><h1>Visit the museum</h1>"
        f"<div class='desktop-only'>{text}</div>{copy}</main></body></html>")
    assert [page.body.count(p) for p in MUSEUM] == [1, 1]
    assert "hidden" in _roles(f"<div>{text}</div>{copy}")[MUSEUM[0]]


def test_a_panel_with_text_of_its_own_keeps_its_shared_lines() -> None:
    """Code tabs in several languages share a line or two with the shown tab: the hidden tab holds
    text of its own, so all of it stays collapsed (review12)."""
    shared = "// Find your account key in the console and set it as an environment variable"
    root, _ = parse_page(
        "<html><body><div role='tabpanel' id='js'><pre>" + shared + "</pre><pre>client.send(to, body)</pre></div>"
        "<div role='tabpanel' id='py' hidden><pre>" + shared + "</pre><pre>client.messages.create(to=to, body=body)</pre>"
        f"<p>{LOCKERS}</p></div></body></html>")
    collapsed = [b.text for b in build_blocks(root, disclosure=CUES) if "collapsed" in b.roles]
    assert collapsed[0] == shared and LOCKERS in collapsed


@pytest.mark.parametrize(("classes", "hides"), [
    ({"hidden"}, True), ({"d-none"}, True), ({"q-box", "qu-display--none"}, True), ({"is-hidden"}, True),
    ({"qu-overflow--hidden"}, False), ({"hidden-xs"}, False), ({"visually-hidden"}, False), ({"post"}, False),
])
def test_a_class_a_stylesheet_hides_with(classes: set[str], hides: bool) -> None:
    assert CUES.hides(frozenset(classes)) is hides


LEAD = "The bridge on the old road will close for four months from March while its deck is rebuilt in concrete."
REST = "Drivers will be sent over the new bypass, which adds about ten minutes to a trip into the town centre."


def test_a_copy_a_class_hides_is_kept_once() -> None:
    page = cleanpage.clean(f"<html><body><main><h1>Bridge to close</h1><div class='hidden'><p>{LEAD}</p></div>"
                           f"<div class='story'><p>{LEAD}</p><p>{REST}</p></div></main></body></html>")
    assert page.paragraphs == (LEAD, REST)
    assert [r.reason for r in page.removed if r.text == LEAD] == [Reason.HIDDEN]


def test_text_only_a_class_hides_is_not_dropped_as_a_copy() -> None:
    page = cleanpage.clean(f"<html><body><main><h1>Bridge to close</h1><div class='story'><p>{LEAD}</p>"
                           f"<div class='d-none'><p>{REST}</p></div></div></main></body></html>")
    assert LEAD in page.paragraphs
    assert all(r.reason is not Reason.HIDDEN for r in page.removed if r.text == REST)


def test_an_article_a_class_hides_until_a_script_shows_it_keeps_its_lead() -> None:
    # the article itself sits under `hidden` (a script shows it); a teaser elsewhere repeats its lead:
    # the hidden element holds text of its own, so it is no copy and its lead stays in place
    page = cleanpage.clean(f"<html><body><div class='hidden' id='app'><article><h1>Bridge to close</h1><p>{LEAD}</p>"
                           f"<p>{REST}</p></article></div><div class='teaser'><p>{LEAD}</p></div></body></html>")
    assert page.paragraphs[:2] == (LEAD, REST)
    assert all(r.reason is not Reason.HIDDEN for r in page.removed)


def test_a_hidden_element_with_text_of_its_own_keeps_a_line_shown_only_after_it() -> None:
    # a tab with text of its own whose first line the page shows again further down: the line stays
    # in the tab, where it is read first; a copy shown before it would go (a preview above its full text)
    page = cleanpage.clean(f"<html><body><main><h1>Bridge to close</h1><p>{FEES}</p><div class='tab hidden'>"
                           f"<p>{LEAD}</p><p>{REST}</p><p>{ANSWER}</p></div><p>{LEAD}</p></main></body></html>")
    assert page.paragraphs[:4] == (FEES, LEAD, REST, ANSWER)


# A page's content hidden until a script shows it (issue 14, session 13): a deferred render, an access
# check or an animation wraps the product or the article in ``display:none``.
SPECS = ["The kettle boils one and a half litres in under four minutes and switches itself off when dry.",
         "Its body is brushed steel with a cool-touch handle, and the base turns all the way round.",
         "A removable limescale filter sits in the spout and rinses clean under the tap in seconds.",
         "The cord is seventy-five centimetres long and winds into the base when the kettle is stored.",
         "Every kettle is tested at the factory and comes with a two-year guarantee against defects.",
         "Replacement filters are sold in packs of three and fit every model made since the first one.",
         "Customers who descale it once a month report that the element stays quiet for many years.",
         "The lid opens with one press of a button, so it can be filled without touching hot steel.",
         "A window on each side shows the water level, marked for one cup, two cups and a full jug.",
         "The kettle weighs just over a kilo empty, light enough to pour from with a single hand.",
         "Delivery within the country is free, and orders placed before noon leave the warehouse that day.",
         "It is sold in four colours: brushed steel, matt black, cream and a deep racing green."]
SPEC_HTML = "".join(f"<p>{p}</p>" for p in SPECS)
SHOP_NAV = "<nav><a href='/'>Home</a> <a href='/kitchen'>Kitchen</a> <a href='/cart'>Cart</a></nav>"


def test_a_hidden_wrapper_around_the_main_landmark_is_shown() -> None:
    roles = _roles(f"<div class='defer-block' style='display: none'><main><h1>Steel kettle</h1>{SPEC_HTML}</main></div>")
    assert not roles[SPECS[0]] & {"hidden", "collapsed"}
    page = cleanpage.clean(f"<html><head><title>Steel kettle</title></head><body>{SHOP_NAV}"
                           f"<div style='display:none'><article><h1>Steel kettle</h1>{SPEC_HTML}</article></div>"
                           "</body></html>")
    assert all(p in page.paragraphs for p in SPECS)


def test_a_hidden_element_holding_most_of_the_page_goes_to_the_model() -> None:
    roles = _roles(f"<h1>Steel kettle</h1><div class='lockdown-content' style='display:none'>{SPEC_HTML}</div>")
    assert "collapsed" in roles[SPECS[0]] and "hidden" not in roles[SPECS[0]]


@pytest.mark.parametrize("hidden", [
    # furniture stays hidden however much it holds: a mega menu, a modal
    f"<div class='mega-menu' style='display:none'>{SPEC_HTML}</div>",
    f"<div class='modal' hidden><article>{SPEC_HTML}</article></div>",
    # a consent layer named after the data-protection law in another language than "gdpr" (review18)
    f"<div class='dsgvo-hinweis' style='display:none'>{SPEC_HTML}</div>",
    f"<div id='rgpd-banner' hidden>{SPEC_HTML}</div>",
    f"<div class='lgpdAviso' aria-hidden='true'>{SPEC_HTML}</div>",
    # a short hidden line is no page's content, even on a short page
    f"<p aria-hidden='true'>{SPECS[0]}</p>",
])
def test_furniture_and_short_hidden_text_stay_hidden(hidden: str) -> None:
    assert "hidden" in _roles(f"<h1>Steel kettle</h1>{hidden}")[SPECS[0]]


def test_a_hidden_copy_of_the_page_in_another_form_stays_hidden() -> None:
    """The article again as raw Markdown for a script: its blocks are not the shown ones, its words are."""
    markdown = "".join(f"<pre>{p.replace('one', '**one**')}</pre>" for p in SPECS)
    blocks = _roles(f"<main><h1>Steel kettle</h1>{SPEC_HTML}</main><div id='raw-markdown' hidden>{markdown}</div>")
    copied = [roles for text, roles in blocks.items() if "**" in text]
    assert copied and all("hidden" in roles and "collapsed" not in roles for roles in copied)


def test_a_long_panel_with_text_of_its_own_stays_collapsed() -> None:
    own = [*MUSEUM, FEES, ANSWER, LOCKERS, FILLER, LEAD, REST]
    blocks = _roles(f"<main><h1>Steel kettle</h1>{SPEC_HTML}</main>"
                    "<div class='tab-pane' hidden>" + "".join(f"<p>{p}</p>" for p in own) + "</div>")
    assert "collapsed" in blocks[own[0]]


# A hidden element makes the page's content shown only when it wraps the page's first <main> (or, without one,
# its first <article>): an article hidden after the shown one (a next story preloaded for scrolling, a print copy, a
# comment thread of <article>s) stays hidden (review18's misfire, fixed in session 14).
NEXT_STORY = ["Der Stadtrat hat am Dienstag beschlossen, die Straßenbahnlinie bis zum neuen Stadion zu verlängern.",
              "Die Bauarbeiten sollen im Frühjahr beginnen und nach Angaben der Verwaltung zwei Jahre dauern.",
              "Anwohner der Südstadt hatten lange auf eine bessere Verbindung in die Innenstadt gewartet."]
NEXT_HTML = "".join(f"<p>{p}</p>" for p in NEXT_STORY)


@pytest.mark.parametrize("hidden", [
    # the next story, preloaded for an infinite scroll and shown only when the reader gets there
    f"<div class='next-story' style='display:none'><article><h2>Straßenbahn</h2>{NEXT_HTML}</article></div>",
    # a comment thread a button opens, each comment an <article>
    "<div id='discussion' style='display:none'>" + "".join(f"<article><p>{p}</p></article>" for p in NEXT_STORY) + "</div>",
])
@pytest.mark.parametrize("story", [f"<main><article><h1>Steel kettle</h1>{SPEC_HTML}</article>{{}}</main>",
                                   f"<article><h1>Steel kettle</h1>{SPEC_HTML}</article>{{}}"])
def test_a_hidden_article_after_the_shown_one_is_not_shown(story: str, hidden: str) -> None:
    roles = _roles(story.format(hidden))
    assert not roles[SPECS[0]] & {"hidden", "collapsed"}
    assert roles[NEXT_STORY[0]] & {"hidden", "collapsed"}


def test_a_hidden_print_copy_marked_up_as_an_article_is_kept_once() -> None:
    page = cleanpage.clean(f"<html><head><title>Steel kettle</title></head><body>{SHOP_NAV}"
                           f"<main><article><h1>Steel kettle</h1>{SPEC_HTML}</article></main>"
                           f"<div class='print-version' style='display:none'><article><h1>Steel kettle</h1>{SPEC_HTML}"
                           "</article></div></body></html>")
    assert [page.body.count(p) for p in SPECS] == [1] * len(SPECS)


# Known misfires of the "holds much of the page" rule (review18), left open: no small, general fix.
FR_SPECS = ["La bouilloire chauffe un litre et demi en moins de quatre minutes et s'éteint seule à sec.",
            "Son corps est en acier brossé avec une poignée froide, et la base tourne sur elle-même.",
            "Un filtre anticalcaire amovible se trouve dans le bec et se rince en quelques secondes.",
            "Le cordon mesure soixante-quinze centimètres et s'enroule dans la base pour le rangement.",
            "Chaque bouilloire est testée en usine et garantie deux ans contre les défauts de fabrication.",
            "Les filtres de rechange sont vendus par trois et vont sur tous les modèles depuis le premier.",
            "Les clients qui la détartrent une fois par mois disent que la résistance reste silencieuse.",
            "Le couvercle s'ouvre d'une pression, on peut donc la remplir sans toucher l'acier chaud.",
            "Une fenêtre de chaque côté montre le niveau d'eau, marqué pour une tasse, deux et un pot plein.",
            "La bouilloire pèse un peu plus d'un kilo à vide, assez légère pour verser d'une seule main.",
            "La livraison est gratuite dans le pays, et les commandes passées avant midi partent le jour même.",
            "Elle est vendue en quatre couleurs : acier brossé, noir mat, crème et un vert anglais profond."]


@pytest.mark.xfail(strict=True, reason="review18: a hidden copy in another language shares no word triples with "
                   "the shown text, so the copy check cannot see it; it goes to the model as collapsed")
def test_a_hidden_translation_of_the_shown_page_stays_hidden() -> None:
    french = "".join(f"<p>{p}</p>" for p in FR_SPECS)
    roles = _roles(f"<main><h1>Steel kettle</h1>{SPEC_HTML}</main><div class='lang-fr' style='display:none'>{french}</div>")
    assert "hidden" in roles[FR_SPECS[0]]


@pytest.mark.xfail(strict=True, reason="review18: a long hidden next story after the shown one holds much of the "
                   "page, so it goes to the model as collapsed (like a paywalled rest of the article, which is content)")
def test_a_long_hidden_next_story_stays_hidden() -> None:
    story = "".join(f"<p>{p}</p>" for p in [*NEXT_STORY, *MUSEUM, FILLER, LEAD, REST, LOCKERS, HOURS, FEES, ANSWER])
    roles = _roles(f"<main><article><h1>Steel kettle</h1>{SPEC_HTML}</article>"
                   f"<div class='next-story' style='display:none'><article>{story}</article></div></main>")
    assert "hidden" in roles[NEXT_STORY[0]]


@pytest.mark.parametrize("after", ["", "<aside><article><p>{}</p></article></aside>"])
def test_a_hidden_wrapper_around_the_first_article_is_shown_beside_later_cards(after: str) -> None:
    roles = _roles(f"<div id='app' hidden><article><h1>Steel kettle</h1>{SPEC_HTML}</article></div>"
                   + after.format(NEXT_STORY[0]))
    assert not roles[SPECS[0]] & {"hidden", "collapsed"}
def test_a_hidden_element_no_control_can_name_does_not_read_the_controls() -> None:
    """A control names a panel by its id (or the panel names its tab): a hidden element with
    neither is answered without reading the page's controls (a walk over the whole tree each)."""
    from cleanpage.pipeline.html.disclosure import Disclosure

    root, _ = parse_page('<html><body><button aria-controls="p1">Open</button>'
                         f'<div class="plain" hidden><p>{ANSWER}</p></div><div id="p1" hidden><p>{FEES}</p></div>'
                         '</body></html>')
    anonymous, named = root.find(".//div[@class='plain']"), root.find(".//div[@id='p1']")
    disclosure = Disclosure(root, CUES)
    assert not disclosure.is_panel(anonymous, dict(anonymous.attrib), ())
    assert disclosure._opened is None
    assert disclosure.is_panel(named, dict(named.attrib), ())
    assert disclosure._opened == frozenset({"p1"})
    roles = _roles('<button aria-controls="p1">Open</button>'
                   f'<div class="plain" hidden><p>{ANSWER}</p></div><div id="p1" hidden><p>{FEES}</p></div>')
    assert "hidden" in roles[ANSWER] and "collapsed" in roles[FEES]
