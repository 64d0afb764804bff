"""The HTML classifier on hand-built blocks: each heuristic that changes the body, alone."""

from __future__ import annotations

from cleanpage.engines.trafilatura import EngineText
from cleanpage.pipeline.blocks import Block, Label
from cleanpage.pipeline.html.classify import Coverage, classify
from cleanpage.rules import load_rules

RULES = load_rules()
PROSE = [
    "The council approved the new budget on Tuesday after a debate that lasted well into the night.",
    "Opposition members said the plan would raise fees for families while doing little for the schools.",
    "The mayor said the city had no choice after two years of falling revenue from the port and the airport.",
    "A final vote on the fee schedule is expected next month, when the committee has reviewed the figures.",
]


def _block(i: int, text: str, *, tag: str = "p", path: tuple[int, ...] = (1, 2), roles: frozenset[str] = frozenset(),
           tokens: frozenset[str] = frozenset(), link_chars: int = 0) -> Block:
    return Block(index=i, text=text, tag=tag, path=path, roles=roles, tokens=tokens, link_chars=link_chars, node=100 + i)


def _labels(blocks: list[Block], kept: list[str], title: str | None = None) -> list[tuple[str, str]]:
    engine = EngineText(body=tuple(kept))
    return [(item.label.value, item.reason or "") for item in classify(tuple(blocks), engine, RULES, title=title)]


def test_engine_coverage_decides_plain_blocks() -> None:
    blocks = [_block(0, "Weather and traffic"), _block(1, PROSE[0]), _block(2, PROSE[1])]
    assert _labels(blocks, [PROSE[0], PROSE[1]]) == [
        ("boilerplate", "outside-main-content"), ("body", ""), ("body", ""),
    ]


def test_whole_block_phrase_beats_the_engine() -> None:
    blocks = [_block(0, PROSE[0]), _block(1, "Close this search box."), _block(2, PROSE[1])]
    labels = _labels(blocks, [PROSE[0], "Close this search box.", PROSE[1]])
    assert labels[1] == ("boilerplate", "search-widget")


def test_run_of_short_links_is_a_link_list_with_its_heading() -> None:
    links = ["Port expansion approved", "Ferry fares to rise", "New school opens in May"]
    blocks = [_block(0, PROSE[0]), _block(1, PROSE[1]), _block(2, "Earlier coverage", tag="h3")]
    blocks += [_block(3 + i, t, tag="li", link_chars=len(t)) for i, t in enumerate(links)]
    labels = _labels(blocks, [PROSE[0], PROSE[1], "Earlier coverage", *links])
    assert labels[:2] == [("body", ""), ("body", "")]
    assert all(label == ("boilerplate", "link-list") for label in labels[2:])


def test_inline_teaser_line() -> None:
    teaser = "Background: Ferry fares to rise in spring"
    link = len("Ferry fares to rise in spring")
    blocks = [_block(0, PROSE[0]), _block(1, teaser, link_chars=link), _block(2, PROSE[1])]
    assert _labels(blocks, [PROSE[0], teaser, PROSE[1]])[1] == ("boilerplate", "inline-teaser")


def test_a_url_in_the_text_is_not_a_teaser() -> None:
    url = "http://www.example.org/petition/online/against-the-fee"
    blocks = [_block(0, PROSE[0]), _block(1, url, link_chars=len(url)), _block(2, PROSE[1])]
    assert _labels(blocks, [PROSE[0], url, PROSE[1]])[1] == ("body", "")


def test_heading_with_nothing_under_it_is_an_orphan() -> None:
    blocks = [_block(0, PROSE[0]), _block(1, PROSE[1]), _block(2, "Methods", tag="h2"), _block(3, "Imprint")]
    labels = _labels(blocks, [PROSE[0], PROSE[1], "Methods"])
    assert labels[2] == ("boilerplate", "orphan-heading")


def test_heading_that_introduces_body_text_stays() -> None:
    blocks = [_block(0, PROSE[0]), _block(1, "What happens next", tag="h2"), _block(2, PROSE[1])]
    assert _labels(blocks, [PROSE[0], "What happens next", PROSE[1]])[1] == ("body", "")


def test_caption_leaves_the_body() -> None:
    caption = "The harbour at dawn, seen from the old lighthouse on the northern pier of the port."
    blocks = [_block(0, PROSE[0]), _block(1, caption, roles=frozenset({"figure", "figcaption"})), _block(2, PROSE[1])]
    assert _labels(blocks, [PROSE[0], caption, PROSE[1]])[1] == ("boilerplate", "caption")


def test_lead_between_title_and_text_comes_back() -> None:
    lead = "The city will spend more on its schools and less on roads, according to a plan adopted late on Tuesday."
    blocks = [
        _block(0, "Council approves budget", tag="h1", path=(1,)),
        _block(1, lead, path=(1, 5)),
        _block(2, PROSE[0]), _block(3, PROSE[1]),
    ]
    labels = _labels(blocks, [PROSE[0], PROSE[1]], title="Council approves budget")
    assert labels == [("title", ""), ("body", ""), ("body", ""), ("body", "")]


def test_prose_dropped_inside_the_main_container_comes_back() -> None:
    blocks = [_block(i, text, path=(1, 2)) for i, text in enumerate(PROSE)]
    labels = _labels(blocks, [PROSE[0], PROSE[1], PROSE[3]])
    assert labels[2] == ("body", "")


def test_prose_outside_the_main_container_stays_out() -> None:
    aside = "Readers who liked this story also read about the harbour festival that starts on Friday evening."
    blocks = [_block(0, PROSE[0]), _block(1, aside, path=(1, 9)), _block(2, PROSE[1]), _block(3, PROSE[2])]
    labels = _labels(blocks, [PROSE[0], PROSE[1], PROSE[2]])
    assert labels[1] == ("boilerplate", "outside-main-content")


def test_fallback_takes_the_densest_container_when_the_engine_finds_little() -> None:
    blocks = [_block(0, "Menu", path=(1, 3)), *(_block(i + 1, t, path=(1, 4, 8)) for i, t in enumerate(PROSE))]
    labels = _labels(blocks, ["Menu"])
    assert [label for label, _ in labels[1:]] == ["body"] * 4


def test_furniture_container_needs_engine_support() -> None:
    nav = "Politics Business Sport Culture Opinion"
    blocks = [_block(0, nav, roles=frozenset({"nav"})), _block(1, PROSE[0]), _block(2, PROSE[1])]
    assert _labels(blocks, [PROSE[0], PROSE[1]])[0] == ("boilerplate", "navigation")


def test_coverage_aligns_units_split_differently() -> None:
    first = "First half of a long paragraph that the engine cut in two at a line break,"
    second = "and its second half, which is about as long as the first half was."
    coverage = Coverage([first, second])
    from cleanpage.pipeline.blocks import text_key

    joined = f"{first} {second}"
    assert coverage.covers(text_key(joined))
    assert coverage.covers(text_key(first))
    assert not coverage.covers(text_key("Something else entirely that is long enough to be checked."))
    assert not Coverage([])


def test_coverage_reuses_the_keys_it_is_given() -> None:
    """The blocks' keys handed to Coverage stand for the units with the same text (the engine's units
    are mostly block texts again); a unit with no given key is keyed as before, so the answers are
    those of Coverage made from the units alone."""
    from cleanpage.pipeline.blocks import text_key

    units = ["Über die Brücke stimmte der Rat am Dienstag ab, nach langer Debatte.", PROSE[0], "Résumé"]
    known = {units[0]: text_key(units[0]), "not a unit": "notaunit"}
    given, alone = Coverage(units, known), Coverage(units)
    for text in [*units, "Something else entirely that is long enough to be checked.", "not a unit"]:
        key = text_key(text)
        assert given.covers(key) == alone.covers(key)
        assert given.contains(key) == alone.contains(key)
    # the given key is the one used: a unit whose given key differs is found under that key
    assert Coverage(["Résumé"], {"Résumé": "stand-in"}).contains("stand-in")


def test_labels_cover_every_block_in_order() -> None:
    blocks = [_block(i, t) for i, t in enumerate(["Search", *PROSE, "Leave a Reply"])]
    result = classify(tuple(blocks), EngineText(body=tuple(PROSE)), RULES, title=None)
    assert [item.block.index for item in result] == list(range(len(blocks)))
    assert {item.label for item in result} <= set(Label)


def test_kicker_above_the_headline_leaves_the_body() -> None:
    blocks = [_block(0, "Baking", path=(1,)), _block(1, "Council approves budget", tag="h1", path=(1,)),
              _block(2, PROSE[0]), _block(3, PROSE[1])]
    labels = _labels(blocks, ["Baking", "Council approves budget", PROSE[0], PROSE[1]], title="Council approves budget")
    assert labels[:2] == [("boilerplate", "kicker"), ("title", "")]


def test_coverage_on_a_large_engine_text_answers_as_a_plain_search() -> None:
    """Past the size where Coverage indexes the engine's text, every answer is the one a search of
    the whole joined text gives: keys at every offset of a unit, across two units, and absent."""
    import random

    from cleanpage.pipeline.blocks import text_key

    rng = random.Random(7)
    words = ["bridge", "council", "vote", "mayor", "budget", "night", "port", "fees", "schools", "zebra"]
    units = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 40))) for _ in range(2_000)]
    coverage = Coverage(units)
    keys = [text_key(u) for u in units]
    joined = "\x00".join(keys)
    assert len(joined) > 50_000  # the indexed path
    probes = []
    for _ in range(3_000):
        unit = rng.choice(keys)
        start = rng.randrange(len(unit))
        probes.append(unit[start:start + rng.randint(1, 60)])
    probes += [keys[0] + keys[1], keys[2][-9:] + keys[3][:9], "zebrazebrazebrazebra", "qqqqqqqqqqqqqqqq", ""]
    for key in probes:
        assert coverage.contains(key) == (bool(key) and key in joined), key
        assert coverage.contains(key) == (bool(key) and key in joined), key  # memoised


def test_a_skip_link_class_names_the_link_not_the_content_it_jumps_to() -> None:
    target = frozenset({"skip-to-content"})
    blocks = [_block(0, "Jump to what matters", tokens=frozenset({"skip-link"}), link_chars=20),
              _block(1, "The easiest screen recorder you will ever use", tag="h2", tokens=target),
              _block(2, PROSE[0], tokens=target)]
    labels = _labels(blocks, ["The easiest screen recorder you will ever use", PROSE[0]])
    assert labels[0] == ("boilerplate", "skip-link")
    assert labels[1] == ("body", "") and labels[2] == ("body", "")


def test_a_component_container_is_no_cookie_prompt_but_a_consent_platform_is() -> None:
    blocks = [_block(0, "Data analytics consulting that drives your business forward", tag="h2",
                     tokens=frozenset({"cmp-container", "aem-grid"})),
              _block(1, PROSE[0], tokens=frozenset({"cmp-container"})),
              _block(2, "We value your privacy", tokens=frozenset({"cmplz-cookiebanner"}))]
    labels = _labels(blocks, ["Data analytics consulting that drives your business forward", PROSE[0]])
    assert labels[0] == ("body", "") and labels[1] == ("body", "")
    assert labels[2] == ("boilerplate", "cookie-notice")
