"""The rule tables (``cleanpage/rules/*.toml``) and their loader.

Every table entry carries its own examples and counter-examples; these tests run all of them, plus
the guarantees the pipeline relies on: no alias collisions, no empty/match-everything entries,
anchored credit shapes, multilingual comment counts, an immutable cached ``Rules``, and matching
that stays cheap and bounded on hostile input.
"""

from __future__ import annotations

import dataclasses
import pickle
import re
import time

import pytest

from cleanpage.pipeline.blocks import Reason
from cleanpage.result import AttributionKind
from cleanpage.rules import (
    CONTAINER_ROLES,
    CREDIT_KINDS,
    ROLES,
    Agency,
    BoilerplateRule,
    CommentCues,
    Container,
    CreditMatch,
    CreditPattern,
    Rules,
    RulesError,
    load_rules,
    normalise_phrase,
    parse_rules,
)

RULES = load_rules()


def _ids(values: list[str]) -> list[str]:
    return [v[:40] for v in values]


# ---- boilerplate ----------------------------------------------------------------------------

BOILERPLATE_EXAMPLES = [(rule.name, ex) for rule in RULES.boilerplate for ex in rule.examples]
BOILERPLATE_COUNTER = [(rule.name, ex) for rule in RULES.boilerplate for ex in rule.counter_examples]


@pytest.mark.parametrize(("name", "text"), BOILERPLATE_EXAMPLES, ids=_ids([f"{n}:{t}" for n, t in BOILERPLATE_EXAMPLES]))
def test_every_boilerplate_example_matches_its_rule(name: str, text: str) -> None:
    rule = RULES.match_text(text)
    assert rule is not None and rule.name == name, (text, rule and rule.name)


@pytest.mark.parametrize(("name", "text"), BOILERPLATE_COUNTER, ids=_ids([f"{n}:{t}" for n, t in BOILERPLATE_COUNTER]))
def test_boilerplate_counter_examples_match_no_rule(name: str, text: str) -> None:
    rule = RULES.match_text(text)
    assert rule is None, (text, rule.name if rule else None)


def test_seed_page_blocks_get_their_reasons() -> None:
    expect = {
        "Search": "search-widget",
        "Close this search box.": "search-widget",
        "Leave a Reply": "comment-form",
        "Popular Posts": "popular-posts",
    }
    for text, name in expect.items():
        rule = RULES.match_text(text)
        assert rule is not None and rule.name == name, text


ARTICLE_SENTENCES = [
    # the seed article (must never be boilerplate, credit or a comment heading)
    ("Russia’s foreign minister on Thursday accused the West of becoming directly involved in the conflict in "
     "Ukraine by supplying it with weapons and training its soldiers."),
    "“It’s working and I hope that some results will be achieved,” he added.",
    ("“The infrastructure that is targeted by those attacks is used to ensure the combat potential of the "
     "Ukrainian armed forces and the nationalist battalions,” Lavrov said."),
    "Russian FM: US, NATO Directly Involved in Ukraine Conflict",
    ("He claimed that the U.S. has tried to discourage other countries, including India, from maintaining close "
     "ties with Russia, but those attempts have failed."),
    # short, headline-like or sentence-initial keywords in several languages
    "Search for survivors resumes after the quake",
    "Share prices fell sharply on Monday.",
    "Read the statement in full below.",
    "Next week the parliament will vote.",
    "Home secretary resigns over leaked memo",
    "Comments by the minister angered the opposition.",
    "Popular anger is growing in the capital.",
    "Related charges were dropped in 2021.",
    "Print editions will end in June.",
    "Die Suche nach den Vermissten geht weiter.",
    "Teilen sich zwei Parteien die Macht, wird es schwierig.",
    "Weiter so, sagte der Kanzler.",
    "La recherche de survivants se poursuit.",
    "Partager le pouvoir n'est pas facile, a-t-il dit.",
    "Lire la presse chaque matin est une habitude.",
    "La búsqueda continúa en la zona del terremoto.",
    "Compartir información es clave, dijo el ministro.",
    "Leggi anche tu il rapporto, ha detto il ministro, perché è importante.",
    "A pesquisa foi publicada na revista Nature.",
    "De zoektocht naar de vermiste man gaat door.",
    "Poszukiwania zaginionych trwają.",
    "Поиск пропавших продолжается.",
    "Cookies are a popular treat during the holidays.",
    "Reuters reported on Tuesday that the company would cut jobs.",
    "The AP Stylebook recommends spelling out numbers below 10.",
    "AFP news agency said the talks had failed.",
    "Xinhua said the meeting was constructive.",
    "Photographers gathered outside the court before dawn.",
    "2 thoughts on the matter were shared at the meeting.",
    "One thought on this: the plan will fail.",
]


@pytest.mark.parametrize("text", ARTICLE_SENTENCES, ids=_ids(ARTICLE_SENTENCES))
def test_article_sentences_are_not_boilerplate_credits_or_headings(text: str) -> None:
    rule = RULES.match_text(text)
    assert rule is None, rule and rule.name
    hit = RULES.match_credit(text)
    assert hit is None, hit and (hit.pattern.name, hit.match.group(0))
    assert RULES.comments.announced(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("  SEARCH   FOR :  ", "search-widget"),
        ("Search …", "search-widget"),
        ("Read more »", "read-more"),
        ("« Older Entries", "pagination"),
        ("Don’t miss", "related-posts"),
        ("Skip\u00a0to\ncontent", "skip-link"),
        ("Leave a\u200b Reply", "comment-form"),
        ("SHARE THIS:", "share-buttons"),
    ],
)
def test_phrase_matching_ignores_case_spacing_and_decoration(text: str, name: str) -> None:
    rule = RULES.match_text(text)
    assert rule is not None and rule.name == name


def test_normalise_phrase() -> None:
    assert normalise_phrase("  Search   for : ") == "search for"
    assert normalise_phrase("Read more »") == "read more"
    assert normalise_phrase("« Older Entries") == "older entries"
    assert normalise_phrase("Don’t  Miss…") == "don't miss"
    assert RULES.normalise("Close this search box.") == "close this search box"
    assert normalise_phrase("...") == ""


def test_agency_copyright_is_attribution_not_footer() -> None:
    assert RULES.match_text("© 2024 The Associated Press. All rights reserved.") is None
    hit = RULES.match_credit("© 2024 The Associated Press. All rights reserved.")
    assert hit is not None and hit.pattern.kind == "copyright" and hit.agency is not None and hit.agency.name == "AP"
    footer = RULES.match_text("© 2024 Example Media Ltd. All rights reserved.")
    assert footer is not None and footer.role == "footer"


MULTILINGUAL = {
    "search-widget": ["Search", "Suche", "Rechercher", "Buscar", "Cerca", "Pesquisar", "Zoeken", "Szukaj", "Поиск"],
    "skip-link": ["Skip to content", "Zum Inhalt springen", "Aller au contenu", "Saltar al contenido",
                  "Salta al contenuto", "Ir para o conteúdo", "Naar de inhoud springen", "Przejdź do treści",
                  "Перейти к содержимому"],
    "share-buttons": ["Share", "Teilen", "Partager", "Compartir", "Condividi", "Partilhar", "Delen", "Udostępnij",
                      "Поделиться"],
    "comment-form": ["Leave a Reply", "Schreibe einen Kommentar", "Laisser un commentaire", "Deja una respuesta",
                     "Lascia un commento", "Deixe um comentário", "Geef een reactie", "Dodaj komentarz",
                     "Добавить комментарий"],
    "related-posts": ["Related Posts", "Ähnliche Beiträge", "Articles similaires", "Noticias relacionadas",
                      "Articoli correlati", "Artigos relacionados", "Gerelateerde artikelen", "Powiązane artykuły",
                      "Похожие статьи"],
    "cookie-notice": ["Accept all", "Alle akzeptieren", "Tout accepter", "Aceptar todo", "Accetta tutti",
                      "Aceitar todos", "Alles accepteren", "Akceptuj wszystkie", "Принять все"],
    "pagination": ["Next post", "Nächster Beitrag", "Article suivant", "Entrada siguiente", "Articolo successivo",
                   "Próximo artigo", "Volgend bericht", "Następny wpis", "Следующая запись"],
    "advert": ["Advertisement", "Anzeige", "Publicité", "Publicidad", "Pubblicità", "Publicidade", "Advertentie",
               "Reklama", "Реклама"],
}


@pytest.mark.parametrize("name", sorted(MULTILINGUAL))
def test_rules_cover_nine_languages(name: str) -> None:
    for text in MULTILINGUAL[name]:
        rule = RULES.match_text(text)
        assert rule is not None and rule.name == name, text


def test_rule_table_shape() -> None:
    names = [r.name for r in RULES.boilerplate]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", n) for n in names)
    phrases = [p for r in RULES.boilerplate for p in r.phrases]
    assert len(phrases) == len(set(phrases)), "a phrase belongs to one rule only"
    assert all(p and p == normalise_phrase(p) for p in phrases)
    for rule in RULES.boilerplate:
        for pattern in rule.patterns:
            assert pattern.fullmatch("") is None
            assert pattern.flags & re.IGNORECASE


def test_no_token_wraps_article_content() -> None:
    content_words = {"content", "main", "post", "entry", "article", "text", "body", "story", "hentry", "page",
                     "entry-content", "post-content", "article-body", "single", "container", "wrapper", "row"}
    for rule in RULES.boilerplate:
        assert not (rule.tokens & content_words), (rule.name, rule.tokens & content_words)
        for glob in rule.token_patterns:
            assert not any(glob.fullmatch(w) for w in content_words), (rule.name, glob.pattern)


def test_match_tokens_prefers_the_strongest_rule() -> None:
    def name(tokens: list[str]) -> str | None:
        rule = RULES.match_tokens(tokens)
        return rule.name if rule else None

    assert name(["entry-content", "search-form"]) == "search-widget"
    assert name(["widget", "popular-posts"]) == "popular-posts"  # popular beats generic sidebar
    assert name(["site-footer", "menu"]) == "navigation"  # a menu inside the footer
    assert name(["comment-respond"]) == "comment-form"
    assert name(["screen-reader-text"]) == "screen-reader-text"
    assert name(["div-gpt-ad-1234567-0"]) == "advert"  # wildcard token
    assert name(["entry-content", "post", "hentry"]) is None
    assert name([]) is None
    assert RULES.match_tokens(iter(["sharedaddy"])) is not None  # any iterable


def _rule_of_role(role: str) -> BoilerplateRule:
    """A rule of ``role`` with a short example (a heading-like line)."""
    return min((r for r in RULES.boilerplate if r.role == role and r.examples), key=lambda r: len(min(r.examples, key=len)))


@pytest.mark.parametrize("container", RULES.containers, ids=[c.role for c in RULES.containers])
def test_every_container_gives_its_reason_to_its_examples(container: Container) -> None:
    import lxml.html

    from cleanpage.pipeline.html.blocks import html_blocks
    from cleanpage.pipeline.html.classify import _container_reason

    for example in container.examples:
        blocks = html_blocks(lxml.html.document_fromstring(f"<html><body>{example}<p>Text.</p></body></html>"))
        inside = [b for b in blocks if container.role in b.roles]
        assert inside, (example, [b.roles for b in blocks])
        assert all(_container_reason(b.roles, RULES.containers) is container.reason for b in inside)
    assert _container_reason(frozenset({"p"}), RULES.containers) is None


def test_container_roles_are_the_roles_html_blocks_carry() -> None:
    from cleanpage.pipeline.html.blocks import ARIA_ROLES, ROLE_TAGS

    assert CONTAINER_ROLES == ROLE_TAGS | ARIA_ROLES | {"hidden"}
    assert all(isinstance(c.reason, Reason) for c in RULES.containers)


def test_an_articles_own_header_is_no_page_header() -> None:
    from cleanpage.pipeline.html.classify import _container_reason

    assert _container_reason(frozenset({"header"}), RULES.containers) is Reason.PAGE_HEADER
    assert _container_reason(frozenset({"header", "article"}), RULES.containers) is None
    assert _container_reason(frozenset({"header", "nav"}), RULES.containers) is Reason.NAVIGATION


def test_text_roles_are_rule_roles() -> None:
    roles = RULES.text_roles
    assert roles.list_headings and roles.response_ends and roles.barriers
    assert roles.list_headings | roles.response_ends | roles.barriers <= ROLES


@pytest.mark.parametrize("role", sorted(RULES.text_roles.barriers))
def test_every_barrier_role_stops_the_article(role: str) -> None:
    from cleanpage.pipeline.blocks import Block, Label, Labelled
    from cleanpage.pipeline.text.region import BARRIER, INLINE_RULES, block_value

    rule = next(r for r in RULES.boilerplate if r.role == role and r.name not in INLINE_RULES)
    block = Block(index=0, text=min(rule.examples or ("x",), key=len), tag="line")
    pre = Labelled(block=block, label=Label.BOILERPLATE, reason=rule.name)
    assert block_value(block, pre, role, RULES.text_roles.barriers) == BARRIER
    assert block_value(block, pre, role, frozenset()) != BARRIER


@pytest.mark.parametrize("role", sorted(RULES.text_roles.list_headings))
def test_every_list_heading_role_takes_its_list_along(role: str) -> None:
    from _prose import PARA_A, PARA_B, PARA_C

    from cleanpage.pipeline.blocks import Label
    from cleanpage.pipeline.text.blocks import text_blocks
    from cleanpage.pipeline.text.classify import classify_text

    rule = _rule_of_role(role)
    heading = min(rule.examples, key=len)
    items = ["Storm closes the mountain pass", "Council votes on the new library", "Bakery wins a national prize"]
    dump = "\n\n".join([PARA_A, PARA_B, PARA_C, heading, *items]) + "\n"
    labelled = classify_text(text_blocks(dump)[0], RULES)
    found = {item.block.text: item for item in labelled}
    assert found[heading].reason == rule.name, (heading, found[heading])
    for item in items:
        assert found[item].label is Label.BOILERPLATE and found[item].reason == rule.name, (role, item, found[item])
    # the table decides: without the role among the list headings, the items are not the heading's
    others = RULES.text_roles.list_headings - {role}
    without = dataclasses.replace(RULES, text_roles=dataclasses.replace(RULES.text_roles, list_headings=others))
    assert all(item.reason != rule.name for item in classify_text(text_blocks(dump)[0], without)[-len(items):])


@pytest.mark.parametrize("role", sorted(RULES.text_roles.response_ends))
def test_every_response_end_role_ends_the_responses(role: str) -> None:
    from cleanpage.pipeline.blocks import Block, Label, Labelled
    from cleanpage.pipeline.text.classify import _response_blocks
    from cleanpage.pipeline.text.region import Region
    from cleanpage.rules import CommentCue

    texts = ["Article.", "3 Responses", "Jane says:", "A reader's words.", "Form", "After the form."]
    blocks = tuple(Block(index=i, text=t, tag="line") for i, t in enumerate(texts))
    pre: list[Labelled | None] = [None] * len(blocks)
    pre[1] = Labelled(block=blocks[1], label=Label.RESPONSE_HEADER)
    pre[4] = Labelled(block=blocks[4], label=Label.BOILERPLATE, reason=_rule_of_role(role).name)
    roles = ["", "", "", "", role, ""]
    cues = [CommentCue.NONE] * len(blocks)
    found = _response_blocks(blocks, pre, roles, cues, [1], Region(0, 0, 100.0), RULES.text_roles.response_ends)
    assert found == {2, 3}
    assert _response_blocks(blocks, pre, roles, cues, [1], Region(0, 0, 100.0), frozenset()) == {2, 3, 4, 5}


# ---- agencies -------------------------------------------------------------------------------

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


# ---- credit patterns ------------------------------------------------------------------------

CREDIT_EXAMPLES = [(cp.name, text, agency) for cp in RULES.credit_patterns for text, agency in cp.examples]
CREDIT_COUNTER = [(cp.name, text) for cp in RULES.credit_patterns for text in cp.counter_examples]


@pytest.mark.parametrize(("name", "text", "agency"), CREDIT_EXAMPLES, ids=_ids([f"{n}:{t}" for n, t, _ in CREDIT_EXAMPLES]))
def test_every_credit_example_matches_with_its_agency(name: str, text: str, agency: str | None) -> None:
    pattern = next(cp for cp in RULES.credit_patterns if cp.name == name)
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


@pytest.mark.parametrize(("name", "text"), CREDIT_COUNTER, ids=_ids([f"{n}:{t}" for n, t in CREDIT_COUNTER]))
def test_credit_counter_examples_match_no_pattern(name: str, text: str) -> None:
    hit = RULES.match_credit(text)
    assert hit is None, (text, hit and hit.pattern.name)


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


# ---- comments -------------------------------------------------------------------------------

HEADING_EXAMPLES = list(RULES.comments.heading_examples)


@pytest.mark.parametrize(("text", "n"), HEADING_EXAMPLES, ids=_ids([t for t, _ in HEADING_EXAMPLES]))
def test_every_heading_example_announces_its_count(text: str, n: int) -> None:
    assert RULES.comments.announced(text) == n


@pytest.mark.parametrize("text", RULES.comments.heading_counter_examples)
def test_heading_counter_examples_announce_nothing(text: str) -> None:
    assert RULES.comments.announced(text) is None


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # en
        ("3 Responses", 3), ("One thought on “Russian FM: US, NATO Directly Involved in Ukraine Conflict”", 1),
        ("2 thoughts on “X”", 2), ("Comments (4)", 4), ("4 Comments", 4), ("No Comments", 0),
        # de
        ("12 Kommentare", 12), ("Ein Kommentar", 1), ("Keine Kommentare", 0), ("Kommentare (7)", 7),
        ("3 Kommentare zu „Titel“", 3),
        # fr
        ("3 commentaires", 3), ("Un commentaire", 1), ("Deux réponses", 2), ("Aucun commentaire", 0),
        # es
        ("5 comentarios", 5), ("Un comentario", 1), ("Comentarios (3)", 3), ("Sin comentarios", 0),
        # it
        ("3 risposte", 3), ("Un commento", 1), ("Nessun commento", 0), ("Tre commenti", 3),
        # pt
        ("2 comentários", 2), ("Um comentário", 1),
        # nl
        ("7 reacties", 7), ("Eén reactie", 1), ("Geen reacties", 0),
        # pl, ru
        ("5 komentarzy", 5), ("Комментарии (5)", 5), ("Нет комментариев", 0),
        # decoration and spacing
        ("  3   Responses:  ", 3), ("35 Comments »", 35), ("1,234 Comments", 1234),
    ],
)
def test_announced_counts_in_many_languages(text: str, n: int) -> None:
    assert RULES.comments.announced(text) == n


@pytest.mark.parametrize(
    "text",
    [
        "Comments", "Kommentare", "Leave a Reply", "Three men were arrested.", "",
        "3 Responses " + "x" * 400,
        "He made 3 comments on the bill and 2 thoughts on the budget, none of them kind to the government.",
    ],
)
def test_announced_is_none_for_other_text(text: str) -> None:
    assert RULES.comments.announced(text) is None


def test_section_headings_with_and_without_count() -> None:
    cues = RULES.comments
    assert isinstance(cues, CommentCues)
    for text in ("Comments", "Kommentare", "Commentaires", "Comentarios", "Commenti", "Reacties", "Discussion",
                 "Reader comments", "Leserkommentare", "Responses", "3 Responses"):
        assert cues.is_section_heading(text), text
    assert not cues.is_section_heading("Russia’s foreign minister on Thursday")


@pytest.mark.parametrize(
    "text",
    ["Reply", "Antworten", "Répondre", "Responder", "Rispondi", "Like", "Report", "Melden", "says:", "sagt:",
     "dit :", "dice:", "Log in to Reply", "Permalink", "Edit", "Quote", "Upvote", "Downvote", "Loading...",
     "12 Likes", "Like (3)", "+5", "Reply ↓"],
)
def test_comment_chrome(text: str) -> None:
    assert RULES.comments.is_chrome(text)


def test_comment_words_are_not_chrome() -> None:
    cues = RULES.comments
    assert not cues.is_chrome("Like duh! Muggers should complain about those who stop them and help their victims.")
    assert not cues.is_chrome("I agree with the minister.")
    assert "reply" in cues.chrome_phrases and "says" in cues.chrome_phrases  # normalised forms


def test_comment_tokens() -> None:
    cues = RULES.comments
    assert cues.is_section(["comments-area"]) and cues.is_section(["disqus_thread"])
    assert cues.is_section(["dsq-content-xyz"])  # wildcard "dsq-*"
    assert cues.is_comment(["comment", "even", "thread-even", "depth-1"])
    assert cues.is_comment(["li-comment-1234"]) and cues.is_comment(["depth-12"])  # "#" = digits
    assert cues.is_author(["comment-author"]) and cues.is_author(["fn"])
    assert cues.is_date(["comment-meta"]) and cues.is_date(["comment-date"])
    assert cues.is_chrome_element(["comment-reply-link"])
    # the comment FORM is boilerplate, never a section of responses
    for form in ("comment-respond", "respond", "comment-form", "commentform"):
        assert not cues.is_section([form]) and not cues.is_comment([form])
    assert not (cues.section_tokens & cues.comment_tokens)
    assert not (cues.chrome_tokens & (cues.comment_tokens | cues.section_tokens))
    assert not cues.is_section(["entry-content"])


def test_text_dump_comment_cues() -> None:
    cues = RULES.comments
    for text, author, date in cues.author_examples:
        found = cues.author_line(text)
        assert found is not None and found[0] == author, text
        if date is not None:
            assert found[1] == date
    for text in cues.author_counter_examples:
        assert cues.author_line(text) is None, text
    for text, author in cues.reply_examples:
        assert cues.reply_to(text) == author
    assert cues.reply_to("Muggers should complain about those who stop them.") is None


def test_comment_stem_cues() -> None:
    cues = RULES.comments
    for token in ("kb-comment", "commentscon", "kommentar-item", "mo-comment-card", "xenforo-comments-list"):
        assert cues.is_comment_like(token), token
    # the form, counters, links, widgets, taxonomy and parts of one comment are not comments
    for token in ("comment-form", "comment-respond", "comment-count", "comments-link", "recent-comments",
                  "recentcomments", "no-comments", "commentary", "category-kommentar", "comment-author-owen",
                  "comment-meta", "entry-content"):
        assert not cues.is_comment_like(token), token
    assert cues.is_text(["comment-content"]) and cues.is_text(["post-message"]) and cues.is_text(["kommentar-text"])
    assert cues.is_text(["c-comment-card__text"]) and not cues.is_text(["comment-body-wrapper"])
    assert cues.comment_stems == tuple(sorted(cues.comment_stems))
    assert "" not in cues.stem_stop_parts


def test_item_heading_cues() -> None:
    cues = RULES.comments
    assert cues.item_heading("#1 Kommentar von Naru-chan") == "Naru-chan"
    assert cues.item_heading("Comment by Jane Doe") == "Jane Doe"
    assert cues.item_heading("Commentaire de Marie") == "Marie"
    for text in ("Kommentare", "3 Responses", "The comment by the minister was misread by the press."):
        assert cues.item_heading(text) is None, text


def test_number_words_are_read_only_and_consistent() -> None:
    words = RULES.comments.number_words
    assert words["one"] == 1 and words["keine"] == 0 and words["deux"] == 2 and words["eén"] == 1
    with pytest.raises(TypeError):
        words["one"] = 2  # type: ignore[index]


# ---- authors ---------------------------------------------------------------------------------


def test_not_author_phrases() -> None:
    for text in ("Staff", "Email the author", "Staff Writer", "Redaktion", "Hours ago"):
        assert RULES.normalise(text) in RULES.not_author_phrases
    assert RULES.normalise("Jane Doe") not in RULES.not_author_phrases


def test_not_author_phrases_cover_organisations_and_placeholders() -> None:
    # a name containing one of these words is an organisation or a template slot, not a person
    for text in ("University", "GmbH", "Verlag", "Stiftung", "Gesponserte Inhalte", "null", "undefined"):
        assert RULES.normalise(text) in RULES.not_author_phrases, text
    for text in ("Byron", "Jung", "Universe"):
        assert RULES.normalise(text) not in RULES.not_author_phrases, text


# ---- the loader and the value ----------------------------------------------------------------


def test_load_rules_is_cached_frozen_and_hashable() -> None:
    rules = load_rules()
    assert rules is load_rules() is RULES
    assert isinstance(rules, Rules)
    assert {rules: 1}[rules] == 1  # hashable
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.boilerplate = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.boilerplate[0].name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.comments.section_tokens = frozenset()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.agencies[0].aliases = ()  # type: ignore[misc]
    assert isinstance(rules.boilerplate, tuple) and isinstance(rules.boilerplate[0], BoilerplateRule)
    assert isinstance(rules.boilerplate[0].phrases, frozenset)
    hash(rules.boilerplate[0])
    hash(rules.agencies[0])
    hash(rules.credit_patterns[0])


def test_rules_pickle_to_the_same_tables() -> None:
    copy = pickle.loads(pickle.dumps(RULES))
    assert copy is RULES  # same process: the cached object
    cues = pickle.loads(pickle.dumps(RULES.comments))
    assert cues.announced("3 Responses") == 3


def test_matching_is_deterministic() -> None:
    texts = ["Search", "(AP)", "3 Responses", "Popular Posts", "Some article sentence, not boilerplate."]
    first = [(RULES.match_text(t), RULES.match_credit(t) and RULES.match_credit(t).pattern, RULES.comments.announced(t))  # type: ignore[union-attr]
             for t in texts]
    second = [(RULES.match_text(t), RULES.match_credit(t) and RULES.match_credit(t).pattern, RULES.comments.announced(t))  # type: ignore[union-attr]
              for t in texts]
    assert first == second


# ---- validation on small tables --------------------------------------------------------------

BP_OK = """
[text_roles]
list_headings = ["related"]
response_ends = ["comment-form"]
barriers = ["related", "footer"]

[[container]]
role = "nav"
reason = "navigation"
examples = ["<nav><p>Home</p></nav>"]

[[rule]]
name = "search-widget"
role = "search"
phrases = ["Search"]
patterns = ['search for:?']
tokens = ["search-form", "ad-slot-*"]
examples = ["Search", "Search for:"]
"""
AG_OK = """
[[agency]]
name = "AP"
full = "Associated Press"
aliases = ["AP", "Associated Press"]
ambiguous = ["AP"]

[[agency]]
name = "Reuters"
full = "Reuters"
aliases = ["Reuters"]

[[credit]]
kind = "credit"
name = "credit-parenthesised"
regex = '''\\(\\s*(?P<agency>{agency})\\s*\\)'''
examples = [{text = "(AP)", agency = "AP"}]
"""
CM_OK = """
section_tokens = ["comments"]
chrome_phrases = ["Reply"]
section_heading_phrases = ["Comments"]

[number_words.en]
"one" = 1

[[heading]]
regex = '''{count}\\s+comments?'''
examples = [{text = "3 Comments", n = 3}]
"""


def test_parse_rules_small_tables() -> None:
    rules = parse_rules(BP_OK, AG_OK, CM_OK)
    assert rules.match_text("search for") is not None
    assert rules.match_tokens(["ad-slot-7"]) is not None
    hit = rules.match_credit("(AP)")
    assert hit is not None and hit.agency is not None and hit.agency.name == "AP"
    assert rules.match_credit("(ap)") is None
    assert rules.comments.announced("One comment") == 1
    assert rules is not load_rules()


@pytest.mark.parametrize(
    ("which", "old", "new", "message"),
    [
        ("bp", 'phrases = ["Search"]', 'phrases = ["Search", ""]', "empty"),
        ("bp", 'phrases = ["Search"]', 'phrases = ["  "]', "empty"),
        ("bp", 'phrases = ["Search"]', 'phrases = ["..."]', "empty after normalisation"),
        ("bp", "patterns = ['search for:?']", "patterns = ['']", "empty"),
        ("bp", "patterns = ['search for:?']", "patterns = ['.*']", "matches the empty string"),
        ("bp", "patterns = ['search for:?']", "patterns = ['(?:x)?']", "matches the empty string"),
        ("bp", "patterns = ['search for:?']", "patterns = ['search (']", "invalid regex"),
        ("bp", "patterns = ['search for:?']", "patterns = ['(search) for']", "capturing"),
        ("bp", "patterns = ['search for:?']", "patterns = ['{nope} for']", "unknown placeholder"),
        ("bp", 'tokens = ["search-form", "ad-slot-*"]', 'tokens = [""]', "empty"),
        ("bp", 'tokens = ["search-form", "ad-slot-*"]', 'tokens = ["Search-Form"]', "lower case"),
        ("bp", 'tokens = ["search-form", "ad-slot-*"]', 'tokens = ["*"]', "too broad"),
        ("bp", 'role = "search"', 'role = "serach"', "unknown role"),
        ("bp", 'name = "search-widget"', 'name = "Search Widget"', "kebab-case"),
        ("bp", 'examples = ["Search", "Search for:"]', "examples = []", "needs examples"),
        ("bp", 'examples = ["Search", "Search for:"]', 'examples = ["Search"]\nexampels = ["x"]', "unknown key"),
        ("bp", "[[rule]]", "[[rule]]\nname = 1\n[[rule]]", "must be a non-empty string"),
        ("bp", 'barriers = ["related", "footer"]', 'barriers = ["related", "fotter"]', "unknown role(s) ['fotter']"),
        ("bp", 'list_headings = ["related"]', 'list_headings = []', "must not be empty"),
        ("bp", 'response_ends = ["comment-form"]', 'response_ends = ["Comment-Form"]', "lower case"),
        ("bp", "[text_roles]", "[text_roles]\nlists = []", "unknown key"),
        ("bp", 'role = "nav"', 'role = "navi"', "unknown container role 'navi'"),
        ("bp", 'reason = "navigation"', 'reason = "navigations"', "is not a cleanpage.Reason"),
        ("bp", 'examples = ["<nav><p>Home</p></nav>"]', "examples = []", "must not be empty"),
        ("ag", 'aliases = ["Reuters"]', 'aliases = ["Reuters", ""]', "empty"),
        ("ag", 'aliases = ["Reuters"]', 'aliases = ["Reuters", "associated press"]', "claimed by"),
        ("ag", 'aliases = ["Reuters"]', "aliases = []", "must not be empty"),
        ("ag", 'ambiguous = ["AP"]', 'ambiguous = ["APX"]', "not among the aliases"),
        ("ag", '''regex = \'\'\'\\(\\s*(?P<agency>{agency})\\s*\\)\'\'\'''', "regex = ''", "non-empty"),
        ("ag", '''regex = \'\'\'\\(\\s*(?P<agency>{agency})\\s*\\)\'\'\'''', "regex = '(?:x)?'", "empty string"),
        ("ag", 'kind = "credit"', 'kind = "headline"', "kind must be one of"),
        ("ag", 'examples = [{text = "(AP)", agency = "AP"}]', 'examples = [{text = "(AP)", agency = "XX"}]', "unknown agency"),
        ("cm", 'chrome_phrases = ["Reply"]', 'chrome_phrases = [""]', "empty"),
        ("cm", 'section_tokens = ["comments"]', 'section_tokens = ["comments", " "]', "empty"),
        ("cm", '"one" = 1', '"one" = 1\n"One" = 2', "means both"),
        ("cm", "regex = '''{count}\\s+comments?'''", "regex = '''comments'''", "needs {count}"),
        ("cm", "regex = '''{count}\\s+comments?'''", "regex = ''", "non-empty"),
        ("cm", "x", "x", "invalid TOML"),
    ],
)
def test_bad_tables_raise_rules_error(which: str, old: str, new: str, message: str) -> None:
    tables = {"bp": BP_OK, "ag": AG_OK, "cm": CM_OK}
    if which == "cm" and old == "x":
        tables["cm"] = "this is = = not toml"
    else:
        assert old in tables[which], old
        tables[which] = tables[which].replace(old, new, 1)
    with pytest.raises(RulesError, match=re.escape(message)):
        parse_rules(tables["bp"], tables["ag"], tables["cm"])


def test_duplicate_phrase_across_rules_is_an_error() -> None:
    second = BP_OK[BP_OK.index("[[rule]]"):].replace('name = "search-widget"', 'name = "newsletter"').replace("search-form", "other-form").replace(
        "ad-slot-*", "x-slot-*"
    )
    with pytest.raises(RulesError, match="is in rules"):
        parse_rules(BP_OK + second, AG_OK, CM_OK)


def test_a_rule_name_must_be_a_reason() -> None:
    unknown = BP_OK.replace('name = "search-widget"', 'name = "search-thing"')
    with pytest.raises(RulesError, match="is not a cleanpage.Reason"):
        parse_rules(unknown, AG_OK, CM_OK)


def test_rules_error_is_a_value_error() -> None:
    assert issubclass(RulesError, ValueError)
    with pytest.raises(TypeError):
        parse_rules(b"bytes", AG_OK, CM_OK)  # type: ignore[arg-type]


# ---- cost and robustness -------------------------------------------------------------------


HOSTILE = [
    "a" * 5000,
    " " * 5000,
    "Share " * 60,
    "# " * 150,
    "#a " * 100,
    "1 " * 150,
    "Posted in " + "x, " * 90,
    "Home » " * 40,
    "(" * 300,
    "By " + "Jane Doe, " * 40 + "AP",
    "Reporting by " + "Jane Doe and " * 40,
    "Reporting by " + "Jane Doe, " * 40 + "; Editing by " + "A B and " * 30,
    "Jane de la " * 50 + "of Reuters contributed",
    "Jane Doe y " * 50 + "of Reuters contributed to this report.",
    "Associated Press writer " + "Jane Doe in Kyiv and " * 40,
    "© " * 150,
    "WASHINGTON " * 30 + "(AP) —",
    "3 Responses to “" + "x" * 280,
    "AFP/" * 100,
    "\u2019" * 500,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_matching_hostile_input_is_bounded(text: str) -> None:
    start = time.perf_counter()
    for _ in range(5):
        RULES.match_text(text)
        RULES.match_credit(text)
        RULES.comments.announced(text)
        RULES.comments.is_chrome(text)
        RULES.comments.author_line(text)
    assert time.perf_counter() - start < 0.5


def test_matching_is_cheap_per_block() -> None:
    blocks = [s for s in ARTICLE_SENTENCES] + [ex for _, ex in BOILERPLATE_EXAMPLES]
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for text in blocks:
            RULES.match_text(text)
    per_call = (time.perf_counter() - start) / (rounds * len(blocks))
    assert per_call < 100e-6, f"{per_call * 1e6:.1f} µs per match_text call"  # ~3 µs typical


def _match_one_by_one(text: str) -> str | None:
    """match_text's answer with every pattern tried, in table order (no prefix buckets)."""
    from cleanpage.rules.normalise import collapse, phrase_key

    table, credits = RULES._boilerplate, RULES._credits
    flat = collapse(text)
    if len(flat) <= table.phrase_max:
        rule = table.phrase_index.get(phrase_key(flat))
        if rule is not None:
            return rule.name
    if len(flat) > RULES.pattern_max_chars:
        return None
    for pattern, index in table.patterns:
        rule = RULES.boilerplate[index]
        if pattern.fullmatch(flat) and not (rule.exclude_agency and credits.is_agency_credit(flat)):
            return rule.name
    return None


@pytest.mark.parametrize(
    "text",
    [ex for _, ex in BOILERPLATE_EXAMPLES + BOILERPLATE_COUNTER]
    + ["© 2024 Reuters", "© 2024 Example Media. All rights reserved.", "Share this:", "Read more", "x" * 40],
)
def test_prefix_buckets_never_hide_a_match(text: str) -> None:
    found = RULES.match_text(text)
    assert (found.name if found else None) == _match_one_by_one(text)


# ---- metadata.toml: byline and date cue words -------------------------------------------------

_CUES = load_rules().cues


def _byline_page(body: str) -> str:
    return f"<html><body><h1>Headline of the page</h1><p>Text.</p>{body}</body></html>"


def _page_meta(html: str):  # type: ignore[no-untyped-def]
    import lxml.html

    from cleanpage.pipeline.html.metadata import html_metadata

    return html_metadata(lxml.html.document_fromstring(html), load_rules(), None)


@pytest.mark.parametrize("lead", _CUES.leads)
def test_every_byline_lead_works(lead: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{lead.title()} Jane Doe"], load_rules()) == ("Jane Doe",)
    # a label on its own, before the name's element
    page = _page_meta(_byline_page(f"<p><span>{lead.title()}</span> <a>Jane Doe</a></p>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("lead", _CUES.mid_leads)
def test_every_mid_lead_works_inside_a_text(lead: str) -> None:
    page = _page_meta(_byline_page(f"<div class='byline'>Posted on 12.03.2024 {lead} Jane Doe</div>"))
    assert page.authors == ("Jane Doe",)
    # not after a credit
    page = _page_meta(_byline_page(f"<div class='date'>12.03.2024 | Photo {lead} Jane Doe</div>"))
    assert page.authors == ()


@pytest.mark.parametrize("lead", _CUES.line_leads)
def test_every_line_lead_makes_a_short_line_a_byline(lead: str) -> None:
    from cleanpage.pipeline.attribute import _is_person_byline

    rules = load_rules()
    assert _is_person_byline(f"{lead.capitalize()} Jane Doe", frozenset(), rules)
    assert not _is_person_byline(f"{lead.capitalize()} Jane Doe wrote a long letter to the council.", frozenset(), rules)
    assert not _is_person_byline("Vom Winde verweht", frozenset(), rules)  # "vom" opens ordinary lines


@pytest.mark.parametrize("verb", _CUES.verbs)
def test_every_byline_verb_works(verb: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{verb.title()} by Jane Doe"], load_rules()) == ("Jane Doe",)
    page = _page_meta(_byline_page(f"<p>{verb.title()} von Jane Doe</p>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("role", (*_CUES.roles, *_CUES.plural_roles, *_CUES.desk_roles))
def test_every_role_label_works(role: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{role.title()}: Jane Doe"], load_rules()) == ("Jane Doe",)
    page = _page_meta(_byline_page(f"<p>{role.title()}: Jane Doe</p>"))
    assert page.authors == ("Jane Doe",)
    page = _page_meta(_byline_page(f"<div class='date'>12.03.2024 - {role.title()}: Jane Doe</div>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("role", _CUES.desk_roles)
def test_a_desk_role_without_a_colon_is_the_desk(role: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{role.title()} Gelbe Liste"], load_rules()) == ()


@pytest.mark.parametrize("word", _CUES.lead_only)
def test_lead_only_words_are_stripped_but_not_labels(word: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{word.title()}: Jane Doe"], load_rules()) == ("Jane Doe",)
    page = _page_meta("<html><body><ul><li><a>" + word.title() + "</a></li><li><a>Basics Today</a></li></ul>"
                      "<h1>Headline of the page</h1><p>Text.</p></body></html>")
    assert page.authors == ()


@pytest.mark.parametrize("photo", _CUES.photo_words)
def test_every_photo_word_joins_a_text_credit(photo: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Text & {photo.title()}: Jane Doe"], load_rules()) == ("Jane Doe",)


@pytest.mark.parametrize("credit", _CUES.credit_words)
def test_every_credit_word_keeps_its_name_out(credit: str) -> None:
    page = _page_meta(_byline_page(f"<div class='date'>12.03.2024 {credit.title()} by Jane Doe</div>"))
    assert page.authors == ()


@pytest.mark.parametrize("token", _CUES.byline_tokens)
def test_every_byline_class_token_works(token: str) -> None:
    page = _page_meta(_byline_page(f"<div class='post-{token}'>Jane Doe</div>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("token", _CUES.date_tokens)
def test_every_date_class_token_works(token: str) -> None:
    import datetime as _dt

    page = _page_meta(_byline_page(f"<span class='post-{token}'>12.03.2024</span>"))
    assert page.published == _dt.date(2024, 3, 12)


@pytest.mark.parametrize("word", _CUES.author_paths)
def test_every_author_path_word_makes_a_link_name_the_author(word: str) -> None:
    page = _page_meta(_byline_page(f"<span><a href='https://news.example/{word}/jane-doe-12/'>Jane Doe</a></span>"))
    assert page.authors == ("Jane Doe",)
    # the link's text must spell its slug: a link to another page is no byline
    page = _page_meta(_byline_page(f"<span><a href='https://news.example/{word}/jane-doe/'>Alle Beiträge</a></span>"))
    assert page.authors == ()


@pytest.mark.parametrize("lead", _CUES.date_leads)
def test_every_date_lead_is_stripped_before_the_date_is_read(lead: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.shared.dates import parse_visible_date

    assert _CUES.date_lead.sub("", f"{lead.capitalize()}: 5 March 2024", count=1) == "5 March 2024"
    assert _CUES.date_lead.sub("", f"{lead.capitalize()} Tuesday 5 March 2024", count=1) == "Tuesday 5 March 2024"
    assert parse_visible_date(f"{lead.capitalize()} Tuesday 5 March 2024", cues=_CUES) == _dt.date(2024, 3, 5)


@pytest.mark.parametrize("word", _CUES.clock_words)
def test_every_clock_word_may_follow_the_time_after_a_date(word: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.shared.dates import parse_visible_date

    assert parse_visible_date(f"12 de marzo de 2024 - 10:45 {word}", cues=_CUES) == _dt.datetime(2024, 3, 12, 10, 45)
    assert parse_visible_date(f"12 de marzo de 2024 - 10:45 {word.upper()}", cues=_CUES) == _dt.datetime(2024, 3, 12, 10, 45)
    # another word after the time: the time is not the date line's own
    assert parse_visible_date("12 de marzo de 2024 - 10:45 Madrid", cues=_CUES) == _dt.date(2024, 3, 12)


def _dump(dated_line: str):  # type: ignore[no-untyped-def]
    """A text dump: headline, a dated line, and the story."""
    import cleanpage

    para = ("The council met on Tuesday evening to discuss the budget for the coming year, and members spoke at "
            "length about the roads, the library and the swimming pool that closed last winter. ")
    return cleanpage.clean(f"Council agrees new budget for the town\n\n{dated_line}\n\n{para * 3}\n\n{para * 2}\n",
                           kind="text")


@pytest.mark.parametrize("lead", _CUES.end_leads)
def test_every_end_lead_names_the_author_at_a_dated_lines_end(lead: str) -> None:
    import datetime as _dt

    page = _dump(f"Posted on 2 March 2024 {lead} Jane Doe")
    assert (page.authors, page.published) == (("Jane Doe",), _dt.date(2024, 3, 2))


@pytest.mark.parametrize("verb", _CUES.line_verbs)
def test_every_dated_line_verb_is_stripped_before_the_date(verb: str) -> None:
    import datetime as _dt

    # "Tuesday, 5 March" after a word dateparser does not know is read only without that word
    assert _dump(f"{verb.capitalize()} Tuesday, 5 March 2024").published == _dt.date(2024, 3, 5)
    assert _dump(f"{verb.capitalize()}: Tuesday, 5 March 2024 by Jane Doe").published == _dt.date(2024, 3, 5)


@pytest.mark.parametrize("preposition", _CUES.line_prepositions)
def test_every_dated_line_preposition_is_stripped_before_the_date(preposition: str) -> None:
    import datetime as _dt

    assert _dump(f"Posted {preposition} Tuesday, 5 March 2024").published == _dt.date(2024, 3, 5)


@pytest.mark.parametrize("join", _CUES.name_joins)
def test_every_name_join_splits_a_byline_into_names(join: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Jane Doe {join} John Roe"], load_rules()) == ("Jane Doe", "John Roe")
    assert clean_authors([f"By Jane Doe {join.upper()} John Roe"], load_rules()) == ("Jane Doe", "John Roe")
    # only a whole word: "Jane Andra" is one name
    assert clean_authors([f"Jane {join.capitalize()}ra"], load_rules()) == (f"Jane {join.capitalize()}ra",)


@pytest.mark.parametrize("join", _CUES.interview_joins)
def test_every_interview_join_names_both_people(join: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Jane Doe {join} John Roe"], load_rules()) == ("Jane Doe", "John Roe")


@pytest.mark.parametrize("preposition", _CUES.date_prepositions)
def test_every_date_preposition_ends_the_name_of_a_byline(preposition: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"By Jane Doe {preposition} Saturday, 19 October 2019"], load_rules()) == ("Jane Doe",)
    assert clean_authors([f"Von Jane Doe {preposition} 19. Oktober 2019 um 11:14 Uhr"], load_rules()) == ("Jane Doe",)


@pytest.mark.parametrize("word", _CUES.category_words)
def test_every_category_word_ends_the_name_of_a_byline(word: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"VON Jane Doe {word.upper()} Fashion"], load_rules(), led=True) == ("Jane Doe",)
    assert clean_authors([f"by Jane Doe {word} News"], load_rules(), led=True) == ("Jane Doe",)


@pytest.mark.parametrize("particle", _CUES.name_particles)
def test_every_name_particle_may_stand_inside_a_name(particle: str) -> None:
    from cleanpage.pipeline.shared.names import person_name

    assert person_name(f"Jane {particle} Doe", load_rules()) == f"Jane {particle} Doe"
    assert person_name("Jane zzz Doe", load_rules()) is None  # another lower-case word is no name's


@pytest.mark.parametrize("suffix", _CUES.org_suffixes)
def test_every_org_suffix_makes_a_compound_an_organisation(suffix: str) -> None:
    from cleanpage.pipeline.shared.names import person_name

    assert person_name(f"Deutscher Landes{suffix}", load_rules()) is None
    assert person_name("Deutscher Landesmeister", load_rules()) == "Deutscher Landesmeister"


def _packaged_names(key: str, table: str = "names") -> list[str]:
    from importlib import resources

    from cleanpage.rules.schema import tomllib  # the standard library's, or tomli before Python 3.11

    doc = tomllib.loads((resources.files("cleanpage.rules") / "metadata.toml").read_text(encoding="utf-8"))
    return list(doc[table][key])


@pytest.mark.parametrize("title", _packaged_names("titles"))
def test_every_name_title_is_read_over(title: str) -> None:
    cues = load_rules().cues
    assert cues.name_titles.sub("", f"{title.capitalize()}. Jane Doe") == "Jane Doe"
    assert cues.name_titles.sub("", f"{title.capitalize()}.-Ing. Jane Doe") == "Jane Doe"
    assert cues.name_titles.sub("", f"{title.capitalize()}ana Doe") == f"{title.capitalize()}ana Doe"


@pytest.mark.parametrize("part", _CUES.account_parts)
def test_every_account_part_makes_a_handle_a_cms_account(part: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"wordpress{part}"], load_rules(), single_ok=True) == ()
    assert clean_authors([f"{part.capitalize()}2"], load_rules(), single_ok=True) == ()
    assert clean_authors(["Heiko"], load_rules(), single_ok=True) == ("Heiko",)


@pytest.mark.parametrize("stem", _CUES.change_stems)
def test_every_change_stem_makes_a_date_line_the_last_change(stem: str) -> None:
    import datetime as _dt

    # the first date element is the last change: the publication is the next one
    page = _page_meta(_byline_page(f"<span class='date'>{stem.capitalize()}: 25.01.2022</span>"
                                   "<span class='date'>12.01.2022</span>"))
    assert page.published == _dt.date(2022, 1, 12)
    page = _page_meta(_byline_page(f"<span class='date'>Zuletzt {stem}et 25.01.2022</span>"
                                   "<span class='date'>12.01.2022</span>"))
    assert page.published == _dt.date(2022, 1, 12)
    # a line under the headline about a change is passed over
    page = _page_meta("<html><body><h1>Headline of the page</h1>"
                      f"<p>{stem.capitalize()} 25. Januar 2022</p><p>12. Januar 2022</p><p>Text.</p></body></html>")
    assert page.published == _dt.date(2022, 1, 12)


def test_given_names_are_lower_case_words() -> None:
    assert len(_CUES.given_names) >= 500
    assert all(n == n.lower() and " " not in n for n in _CUES.given_names)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('given = [', 'given = ["Jane", ', "lower case"),
        ('titles = ["dr",', 'titles = ["Dr",', "lower case"),
        ('author_paths = ["author",', 'author_paths = ["Author",', "lower case"),
        ('leads = ["by",', 'leads = ["By",', "lower case"),
        ('leads = ["by",', 'leads = ["by", "by",', "listed twice"),
        ('mid_leads = ["by",', 'mid_leads = ["bei", "by",', "must also be a lead"),
        ('line_leads = ["by",', 'line_leads = ["bei", "by",', "must also be a lead"),
        ("[dates]", "[dates]\nlabels = []", "unknown key"),
        ('lead_only = ["interview"]', "lead_only = []", "must not be empty"),
        ('class_tokens = ["date",', 'class_tokens = ["da te",', "lower case"),
        ('clock_words = ["uhr",', 'clock_words = ["Uhr",', "lower case"),
        ('end_leads = ["by",', 'end_leads = ["bei", "by",', "must also be a lead"),
        ('name_particles = ["van",', 'name_particles = ["Van",', "lower case"),
        ('interview_joins = ["im gespräch mit",', 'interview_joins = ["im  gespräch mit",', "single spaces"),
        ('change_stems = ["updat",', 'change_stems = ["updat", "Edited",', "lower case"),
        ('time_words = ["uhr",', 'time_words = ["Uhr",', "lower case"),
        ('relative_after = ["ago", "her"]', "relative_after = []", "must not be empty"),
        ('relative_before = ["vor",', 'relative_before = ["vor", "vor",', "listed twice"),
        ('non_title_leads = ["by",', 'non_title_leads = ["By",', "lower case"),
        ("[titles]", "[titles]\nleads = []", "unknown key"),
        ('photo_joins = ["und",', 'photo_joins = ["Und",', "lower case"),
        ('elsewhere_tokens = ["comment",', 'elsewhere_tokens = ["com ment",', "lower-case letters, digits"),
        ('side_box_tokens = ["sidebar", "footer"]', 'side_box_tokens = ["sidebar", "aside"]',
         "must also be elsewhere_tokens"),
        ('headline_tokens = ["entry-title",', 'headline_tokens = ["Entry-Title",', "lower-case letters, digits"),
        ("author_box_patterns = ['author", "author_box_patterns = ['(?:x)?', 'author", "matches the empty string"),
        ("author_box_patterns = ['author", "author_box_patterns = ['byline-card', 'author",
         "matches none of author_box_examples"),
        ('author_box_examples = ["author-bio",', 'author_box_examples = ["bio-card", "author-bio",',
         "matches no author_box_patterns"),
        ("[markup]", "[markup]\nboxes = []", "unknown key"),
        ('weak_published = ["date",', 'weak_published = ["nodate", "date",', "must also be published"),
        ('published = ["article:published_time",', 'published = ["Article:published_time",', "lower-case name"),
        ('modified = ["article:modified_time",', 'modified = ["article modified",', "name without spaces"),
        ('article_types = ["Article",', 'article_types = ["News Article",', "name without spaces"),
        ("[head]", "[head]\nmeta = []", "unknown key"),
    ],
)
def test_bad_metadata_tables_are_rejected(old: str, new: str, message: str) -> None:
    from importlib import resources

    text = (resources.files("cleanpage.rules") / "metadata.toml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(RulesError, match=re.escape(message)):
        parse_rules(BP_OK, AG_OK, CM_OK, text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('title_joins = ["to",', 'title_joins = ["To",', "lower case"),
        ('title_joins = ["to",', 'title_joins = ["to", "to",', "listed twice"),
        ('role_attributes = ["data-test-id",', 'role_attributes = ["data test id",', "name without spaces"),
        ('role_attributes = ["data-test-id",', 'role_attributes = ["Data-Role",', "lower-case name"),
        ('date_properties = ["dateCreated",', 'date_properties = ["date created",', "name without spaces"),
        ('text_parts = ["text",', 'text_parts = ["Text",', "lower case"),
    ],
)
def test_bad_comment_word_lists_are_rejected(old: str, new: str, message: str) -> None:
    from importlib import resources

    text = (resources.files("cleanpage.rules") / "comments.toml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(RulesError, match=re.escape(message)):
        parse_rules(BP_OK, AG_OK, text.replace(old, new, 1))


def test_rules_with_metadata_cues_pickle() -> None:
    rules = load_rules()
    again = pickle.loads(pickle.dumps(rules))
    assert again.cues.lead.pattern == rules.cues.lead.pattern


@pytest.mark.parametrize("label", _CUES.publication_labels)
def test_every_publication_label_makes_the_visible_date_win(label: str) -> None:
    import datetime as _dt

    html = ("<html><head><meta property='article:published_time' content='2022-01-15'></head><body>"
            f"<h1>Headline of the page</h1><span class='date'>{label.title()}: 25.01.2022</span><p>x</p></body></html>")
    assert _page_meta(html).published == _dt.date(2022, 1, 25)


def test_match_text_memo_gives_the_same_answers_and_stays_bounded() -> None:
    from cleanpage.rules import parse_rules
    from cleanpage.rules.tables import MEMO_LIMIT

    rules = load_rules()
    texts = ["Share this:", "Read more", "The council met on Tuesday to discuss the budget.", "Home"]
    first = [rules.match_text(t) for t in texts]
    again = [rules.match_text(t) for t in texts]
    assert [r.name if r else None for r in first] == [r.name if r else None for r in again]
    fresh = parse_rules(*rules._sources)  # type: ignore[misc]
    assert [r.name if r else None for r in first] == [
        (r.name if r else None) for r in (fresh.match_text(t) for t in texts)
    ]
    memo = rules.memo("match_text")
    memo.update({f"filler {i}": None for i in range(MEMO_LIMIT + 1)})
    assert len(rules.memo("match_text")) == 0  # emptied once over its limit


# ---- metadata.toml: time words, relative dates, non-title leads, photo joins -------------------


@pytest.mark.parametrize("word", _CUES.time_words)
def test_every_time_word_leaves_a_meta_line_with_its_time(word: str) -> None:
    from cleanpage.pipeline.html.metadata import _dated_name

    for written in (word, word.capitalize()):
        line = f"04.02.2022 | 13:10 {written} | Uta Helkenberg"
        assert _dated_name([line], load_rules(), frozenset()) == ("Uta Helkenberg",), line
    assert _dated_name(["04.02.2022 | 13:10 Zeit | Uta Helkenberg"], load_rules(), frozenset()) == ()


@pytest.mark.parametrize(("word", "text"), [*((w, f"3 days {w}") for w in _CUES.relative_after),
                                            *((w, f"{w} 3 jours") for w in _CUES.relative_before)])
def test_every_relative_date_word_makes_a_comment_date_worth_reading(word: str, text: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.html.responses import _Dates

    assert _CUES.relative.search(text) is not None
    assert _CUES.relative.search(text.upper()) is not None
    assert _CUES.relative.search("3 days later") is None
    dates = _Dates(_dt.datetime(2024, 3, 10, 12), None, _CUES)
    dates.parse(text)
    assert dates.budget < 80  # read: a dateparser call was spent on it
    unread = _Dates(_dt.datetime(2024, 3, 10, 12), None, _CUES)
    unread.parse("3 days later")
    assert unread.budget == 80


@pytest.mark.parametrize("lead", _CUES.non_title_leads)
def test_every_non_title_lead_keeps_a_line_from_being_the_title(lead: str) -> None:
    from _prose import PARA_A, PARA_B

    from cleanpage.pipeline.blocks import Label
    from cleanpage.pipeline.text.blocks import text_blocks
    from cleanpage.pipeline.text.classify import classify_text

    assert _CUES.not_title.search(f"{lead.capitalize()} the riverside team") is not None
    assert _CUES.not_title.search(f"{lead.capitalize()}x the riverside team") is None  # a whole word
    line = f"{lead.capitalize()} the Riverside Team"
    dump = f"Council approves new budget for the town\n\n{line}\n\n{PARA_A}\n\n{PARA_B}\n"
    labelled = classify_text(text_blocks(dump)[0], load_rules())
    titles = [item.block.text for item in labelled if item.label is Label.TITLE]
    assert titles == ["Council approves new budget for the town"], (line, titles)


@pytest.mark.parametrize("join", _CUES.photo_joins)
def test_every_photo_join_joins_a_text_credit(join: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Text {join} Fotos: Jane Doe"], load_rules()) == ("Jane Doe",)


# ---- metadata.toml [markup]: where an HTML page keeps its metadata ----------------------------

_MARKUP = _CUES.markup


def _element(html: str, ident: str = "x"):  # type: ignore[no-untyped-def]
    import lxml.html

    root = lxml.html.document_fromstring(html)
    return root, root.get_element_by_id(ident)


@pytest.mark.parametrize("token", _MARKUP.elsewhere_tokens)
def test_every_elsewhere_token_puts_a_box_elsewhere(token: str) -> None:
    from cleanpage.pipeline.html.metadata import _elsewhere

    _, el = _element(f"<html><body><h1>H</h1><div class='x-{token}-y'><p id='x'>12.03.2024</p></div></body></html>")
    assert _elsewhere(el, _MARKUP)
    _, el = _element("<html><body><h1>H</h1><div class='x-plain-y'><p id='x'>12.03.2024</p></div></body></html>")
    assert not _elsewhere(el, _MARKUP)
    # the page's byline in such a box is another thing's
    page = _page_meta(_byline_page(f"<div class='{token}-box'><div class='byline'>Jane Doe</div></div>"))
    assert page.authors == ()


@pytest.mark.parametrize("token", _MARKUP.side_box_tokens)
def test_every_side_box_token_is_the_articles_own_inside_the_article(token: str) -> None:
    from cleanpage.pipeline.html.metadata import _elsewhere

    _, el = _element(f"<html><body><article><div class='x-{token}'><p id='x'>Erschienen am: 01.11.2023</p>"
                     "</div></article></body></html>")
    assert _elsewhere(el, _MARKUP) and not _elsewhere(el, _MARKUP, own_boxes=True)
    _, el = _element(f"<html><body><div class='x-{token}'><p id='x'>01.11.2023</p></div></body></html>")
    assert _elsewhere(el, _MARKUP, own_boxes=True)  # the page's own side column


@pytest.mark.parametrize("ident", sorted(_MARKUP.main_ids))
def test_every_main_id_holds_the_articles_own_side_boxes(ident: str) -> None:
    from cleanpage.pipeline.html.metadata import _elsewhere

    side = _MARKUP.side_box_tokens[0]
    _, el = _element(f"<html><body><div id='{ident}'><div class='{side}'><p id='x'>01.11.2023</p></div></div>"
                     "</body></html>")
    assert not _elsewhere(el, _MARKUP, own_boxes=True)
    _, el = _element(f"<html><body><div id='other'><div class='{side}'><p id='x'>01.11.2023</p></div></div>"
                     "</body></html>")
    assert _elsewhere(el, _MARKUP, own_boxes=True)


@pytest.mark.parametrize("token", _MARKUP.aside_tokens)
def test_every_aside_token_ends_the_lines_under_the_headline(token: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata import _scan

    def after_h1(cls: str) -> list[str]:
        html = (f"<html><body><h1>Headline</h1><p>Line under it</p><div class='x-{cls}'><p>Boxed line</p></div>"
                "</body></html>")
        return [t.strip() for t in _scan(lxml.html.document_fromstring(html), _CUES).after_h1 if t.strip()]

    assert after_h1(token) == ["Line under it"]
    assert after_h1("plain") == ["Line under it", "Boxed line"]


@pytest.mark.parametrize("token", _MARKUP.headline_tokens)
def test_every_headline_token_marks_a_headline(token: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata import _scan

    html = f"<html><body><h2 class='x {token}'>Council approves budget</h2><p>Text.</p></body></html>"
    assert _scan(lxml.html.document_fromstring(html), _CUES).headlines == ["Council approves budget"]


@pytest.mark.parametrize("example", _packaged_names("author_box_examples", "markup"))
def test_every_author_box_names_the_author_by_its_heading(example: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata import _scan

    html = (f"<html><body><h1>H</h1><p>Text.</p><div class='{example}'><h3>Jane Doe</h3><p>Jane writes.</p>"
            "</div></body></html>")
    assert _MARKUP.author_box.search(example) is not None
    assert _scan(lxml.html.document_fromstring(html), _CUES).boxed == ["Jane Doe"]


# ---- metadata.toml [head]: <meta> names and schema.org types ---------------------------------


def _head_page(head: str, body: str = "<h1>Headline of the page</h1><p>Text.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("name", _MARKUP.published)
def test_every_published_meta_gives_the_date(name: str) -> None:
    import datetime as _dt

    assert _page_meta(_head_page(f"<meta name='{name}' content='2022-01-15'>")).published == _dt.date(2022, 1, 15)


@pytest.mark.parametrize("name", sorted(_MARKUP.weak_published))
def test_every_weak_published_meta_yields_to_the_date_shown(name: str) -> None:
    import datetime as _dt

    shown = "<h1>Headline of the page</h1><span class='date'>25.01.2022</span><p>Text.</p>"
    page = _page_meta(_head_page(f"<meta name='{name}' content='2022-01-15'>", shown))
    assert page.published == _dt.date(2022, 1, 25)
    strong = _page_meta(_head_page("<meta name='article:published_time' content='2022-01-15'>", shown))
    assert strong.published == _dt.date(2022, 1, 15)


@pytest.mark.parametrize("name", _MARKUP.modified)
def test_every_modified_meta_dates_a_page_that_states_no_publication(name: str) -> None:
    import datetime as _dt

    assert _page_meta(_head_page(f"<meta name='{name}' content='2022-01-15'>")).published == _dt.date(2022, 1, 15)


@pytest.mark.parametrize("name", _MARKUP.author)
def test_every_author_meta_names_the_author(name: str) -> None:
    assert _page_meta(_head_page(f"<meta name='{name}' content='Jane Doe'>")).authors == ("Jane Doe",)


@pytest.mark.parametrize("name", _MARKUP.site)
def test_every_site_meta_names_the_site_not_the_title(name: str) -> None:
    title = "<title>Council approves budget - Example News</title>"
    page = _page_meta(_head_page(f"{title}<meta name='{name}' content='Example News'>", "<p>Text.</p>"))
    assert page.title == "Council approves budget"
    assert _page_meta(_head_page(title, "<p>Text.</p>")).title == "Council approves budget - Example News"


@pytest.mark.parametrize("name", _MARKUP.site_name)
def test_every_site_name_meta_can_name_a_personal_sites_owner(name: str) -> None:
    import lxml.html

    from cleanpage.pipeline.html.metadata import html_metadata

    html = _head_page(f"<title>Notes on compilers</title><meta name='{name}' content='Gregory Szorc'>"
                      "<meta property='article:published_time' content='2022-01-15'>", "<p>Text.</p>")
    page = html_metadata(lxml.html.document_fromstring(html), load_rules(), "https://gregoryszorc.example/post")
    assert page.authors == ("Gregory Szorc",)


@pytest.mark.parametrize("kind", sorted(_MARKUP.article_types))
def test_every_article_type_is_the_pages_own_article(kind: str) -> None:
    import json

    ld = json.dumps({"@type": kind, "headline": "Council approves budget"})
    page = _page_meta(_head_page(f"<title>Home</title><script type='application/ld+json'>{ld}</script>",
                                 "<p>Text.</p>"))
    assert page.title == "Council approves budget"


@pytest.mark.parametrize("kind", sorted(_MARKUP.organisation_types))
def test_every_organisation_type_is_no_author(kind: str) -> None:
    import json

    def authors(author_type: str) -> tuple[str, ...]:
        ld = json.dumps({"@type": "NewsArticle", "headline": "X", "author": {"@type": author_type, "name": "Jane Doe"}})
        return _page_meta(_head_page(f"<script type='application/ld+json'>{ld}</script>")).authors

    assert authors(kind) == ()
    assert authors("Person") == ("Jane Doe",)


# ---- comments.toml: title joins, role attributes, date properties, text parts ------------------


@pytest.mark.parametrize("join", RULES.comments.title_joins)
def test_every_title_join_reads_a_count_heading_before_the_title(join: str) -> None:
    from cleanpage.pipeline.text.cues import announces_responses

    assert announces_responses(f"3 Responses {join} Bridge closes on Tuesday", RULES)
    assert not announces_responses("3 Responses inside Bridge closes on Tuesday", RULES)


@pytest.mark.parametrize("attribute", RULES.comments.role_attributes)
def test_every_role_attribute_names_an_elements_role(attribute: str) -> None:
    from cleanpage.pipeline.html.responses import _tokens

    _, el = _element(f"<html><body><div id='x' {attribute}='Comment'>Hi</div></body></html>")
    assert "comment" in _tokens(el, RULES.comments)
    _, el = _element("<html><body><div id='x' data-other='Comment'>Hi</div></body></html>")
    assert "comment" not in _tokens(el, RULES.comments)


@pytest.mark.parametrize("prop", sorted(RULES.comments.date_properties))
def test_every_date_property_dates_a_comment(prop: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.html.responses import _Dates, _date, _Item

    _, el = _element(f"<html><body><div id='x'><span itemprop='{prop}' content='2024-03-03'>then</span>"
                     "<p>Words.</p></div></body></html>")
    found, dated = _date(_Item(el, set()), RULES.comments, _Dates(None, None, _CUES))
    assert found == _dt.date(2024, 3, 3) and len(dated) == 1


@pytest.mark.parametrize("part", sorted(RULES.comments.text_parts))
def test_every_text_part_marks_a_comments_own_words(part: str) -> None:
    assert RULES.comments.is_text([f"kommentar-{part}"])
    assert not RULES.comments.is_text([f"sidebar-{part}"])
