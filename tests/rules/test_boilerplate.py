"""``boilerplate.toml``: every rule's examples and counter-examples, the matching index, text roles
and containers (``cleanpage.rules.boilerplate``)."""

from __future__ import annotations

import dataclasses
import re
import time

import pytest

from cleanpage.pipeline.blocks import Reason
from cleanpage.rules import (
    CONTAINER_ROLES,
    ROLES,
    BoilerplateRule,
    Container,
    RulesError,
    load_rules,
    normalise_phrase,
    parse_rules,
)

from ._shared import AG_OK, ARTICLE_SENTENCES, BOILERPLATE_EXAMPLES, BP_OK, CM_OK, RULES, ids

BOILERPLATE_COUNTER = [(rule.name, ex) for rule in RULES.boilerplate for ex in rule.counter_examples]


@pytest.mark.parametrize(("name", "text"), BOILERPLATE_EXAMPLES, ids=ids([f"{n}:{t}" for n, t in BOILERPLATE_EXAMPLES]))
def test_every_boilerplate_example_matches_its_rule(name: str, text: str) -> None:
    rule = RULES.match_text(text)
    assert rule is not None and rule.name == name, (text, rule and rule.name)


@pytest.mark.parametrize(("name", "text"), BOILERPLATE_COUNTER, ids=ids([f"{n}:{t}" for n, t in BOILERPLATE_COUNTER]))
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

    from cleanpage.pipeline.html.blocks import build_blocks
    from cleanpage.pipeline.html.classify import _container_reason

    for example in container.examples:
        blocks = build_blocks(lxml.html.document_fromstring(f"<html><body>{example}<p>Text.</p></body></html>"),
                              disclosure=RULES.disclosure)
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
    from cleanpage.pipeline.blocks import Label
    from cleanpage.pipeline.text.blocks import build_blocks as text_blocks
    from cleanpage.pipeline.text.classify import classify as classify_text
    from tests._prose import PARA_A, PARA_B, PARA_C

    rule = _rule_of_role(role)
    heading = min(rule.examples, key=len)
    items = ["Storm closes the mountain pass", "Council votes on the new library", "Bakery wins a national prize"]
    dump = "\n\n".join([PARA_A, PARA_B, PARA_C, heading, *items]) + "\n"
    labelled = classify_text(text_blocks(dump), RULES)
    found = {item.block.text: item for item in labelled}
    assert found[heading].reason == rule.name, (heading, found[heading])
    for item in items:
        assert found[item].label is Label.BOILERPLATE and found[item].reason == rule.name, (role, item, found[item])
    # the table decides: without the role among the list headings, the items are not the heading's
    others = RULES.text_roles.list_headings - {role}
    without = dataclasses.replace(RULES, text_roles=dataclasses.replace(RULES.text_roles, list_headings=others))
    assert all(item.reason != rule.name for item in classify_text(text_blocks(dump), without)[-len(items):])


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
    for pattern, index, *_words in table.patterns:
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
