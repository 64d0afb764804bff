"""The metadata arbiter: candidates as rows of evidence, a learned ranker over them, the hand order as fallback."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import lxml.html
import numpy as np
import pytest

import cleanpage
from cleanpage import Reason
from cleanpage.learn.dataset import Page
from cleanpage.learn.metadata import FieldPage, accuracy, fit_ranker
from cleanpage.models import ranker as ranker_module
from cleanpage.models.ranker import Ranker, load_ranker
from cleanpage.pipeline.html.metadata import arbiter, read_metadata
from cleanpage.pipeline.html.metadata import date_candidates as dc
from cleanpage.pipeline.html.metadata import title_candidates as tc
from cleanpage.pipeline.html.metadata.site import links_away
from cleanpage.pipeline.shared.dates import parse_date
from cleanpage.rules import load_rules

RULES = load_rules()


def _inputs(**kw: object) -> tc.TitleInputs:
    base: dict[str, object] = {"ld": None, "og": None, "page": None, "headlines": [], "h1s": [], "decked": [],
                               "sites": frozenset(), "url": None, "hand": None}
    base.update(kw)
    return tc.TitleInputs(**base)  # type: ignore[arg-type]


def _row(cand: tc.TitleCandidate, src: tc.TitleInputs) -> dict[str, float]:
    return dict(zip(tc.FEATURES, tc.title_row(cand, src), strict=True))


# ---- title candidates -----------------------------------------------------------------------

def test_values_that_read_the_same_are_one_candidate_with_every_source() -> None:
    src = _inputs(og="Bridge closes | The Ledger", page="Bridge Closes - The Ledger", h1s=["Bridge  closes"],
                  sites=frozenset({"theledger"}), hand="Bridge closes")
    cands = tc.title_candidates(src)
    first = cands[0]
    assert first.value == "Bridge closes"  # the hand order's spelling is the candidate's value
    assert {"hand", "h1_first", "stripped", "part_first"} <= first.sources
    assert len({tc.fold(c.value) for c in cands}) == len(cands)
    # the piece cut off at the pipe is a candidate of its own, flagged as a piece no source states
    site = next(c for c in cands if tc.fold(c.value) == "the ledger")
    assert site.sources == {"part_last"}
    row = _row(site, src)
    assert row["part_only"] == row["part_only_last"] == row["part_by_pipe"] == 1.0 and row["part_only_first"] == 0.0


def test_placeholders_markup_and_kickers_are_never_candidates() -> None:
    src = _inputs(page="Loading…", og="<b>Bold</b> claim", h1s=["Interne Unterlagen im Netz Daten von Rheinmetall"],
                  decked=["Daten von Rheinmetall"], ld="Interne Unterlagen im Netz: Daten von Rheinmetall",
                  hand="Daten von Rheinmetall")
    assert [c.value for c in tc.title_candidates(src)] == ["Daten von Rheinmetall"]


def test_a_title_row_states_agreement_containment_site_and_url_words() -> None:
    src = _inputs(og="Bridge closes | The Ledger", page="Bridge closes | The Ledger",
                  h1s=["The Ledger", "Bridge closes"], headlines=["Bridge closes"],
                  sites=frozenset({"theledger"}), url="https://theledger.example/news/bridge-closes",
                  hand="Bridge closes")
    by_value = {c.value: c for c in tc.title_candidates(src)}
    head = _row(by_value["Bridge closes"], src)
    assert len(head) == len(tc.FEATURES)
    assert head["src_h1_other"] == 1.0 and head["in_page_title"] == 1.0 and head["eq_h1_key"] == 1.0
    assert head["url_overlap"] == 1.0 and head["is_site"] == 0.0 and head["has_separator"] == 0.0
    site = _row(by_value["The Ledger"], src)
    assert site["is_site"] == 1.0 and site["src_h1_first"] == 1.0 and site["src_part_last"] == 1.0
    whole = _row(by_value["Bridge closes | The Ledger"], src)
    assert whole["has_separator"] == 1.0 and whole["n_stated"] == 2.0


def test_a_seo_titles_first_piece_is_a_candidate_though_no_other_source_states_it() -> None:
    # WCXB's gold for a service page is the <title>'s first piece; the h1 is a slogan
    src = _inputs(page="Best Resume Writing Service | Professional Resume Writers | TopResume",
                  h1s=["Land your next job faster"], sites=frozenset({"topresume"}),
                  hand="Best Resume Writing Service | Professional Resume Writers")
    by_value = {c.value: c for c in tc.title_candidates(src)}
    first = by_value["Best Resume Writing Service"]
    assert first.sources == {"part_first"}
    row = _row(first, src)
    assert row["part_only"] == row["part_only_first"] == row["part_by_pipe"] == row["part_beside_site"] == 1.0
    assert row["part_only_last"] == 0.0
    assert by_value["Professional Resume Writers"].sources == {"part_mid"}
    assert _row(by_value["Land your next job faster"], src)["part_only"] == 0.0


@pytest.mark.parametrize("h1s", [[], ["Würde des Lebens – ein Projekt"]])
def test_a_lone_dashed_title_is_not_cut_on_a_guess(h1s: list[str]) -> None:
    # one dash, no pipe, and no h1 that says something else: one headline with a dash, not "Post – Site"
    src = _inputs(page="Würde des Lebens – ein Projekt", og="Würde des Lebens – ein Projekt", h1s=h1s,
                  hand="Würde des Lebens – ein Projekt")
    assert [c.value for c in tc.title_candidates(src)] == ["Würde des Lebens – ein Projekt"]


def test_a_quotation_in_guillemets_is_not_two_separators() -> None:
    title = "Le propriétaire du café a dit « bonjour » à la carte"
    assert [c.value for c in tc.title_candidates(_inputs(page=title, hand=title))] == [title]


@pytest.mark.parametrize("title", ["Post - Section - Site", "Post | Site"])
def test_two_separators_or_a_pipe_make_a_title_built_to_be_cut(title: str) -> None:
    values = {c.value for c in tc.title_candidates(_inputs(page=title, hand=title))}
    assert "Post" in values and "Site" in values


def test_an_h1_that_says_something_else_lets_a_dashed_title_be_cut() -> None:
    src = _inputs(page="Hugging Face – The AI community building the future.",
                  h1s=["The AI community building the future."], hand="The AI community building the future.")
    assert "Hugging Face" in {c.value for c in tc.title_candidates(src)}


def test_the_page_type_cue_is_a_structured_date_or_og_type_article() -> None:
    def inputs(head: str) -> tc.TitleInputs:
        return arbiter.read_title_inputs(_root(f"<html><head><title>Storm floods | Ledger</title>{head}</head>"
                                               "<body><h1>Storm floods the road</h1><p>Text.</p></body></html>"), RULES)
    assert inputs('<meta property="article:published_time" content="2022-11-06T23:00:00+00:00">').article
    assert inputs('<meta property="og:type" content="article">').article
    assert not inputs('<meta property="og:type" content="product">').article
    src = inputs('<meta property="og:type" content="article">')
    rows = {c.value: _row(c, src) for c in tc.title_candidates(src)}
    # the h1 shares a word with the <title>: an article's headline (tests/html/test_title_pieces.py: a
    # section's label that shares none is not)
    assert rows["Ledger"]["article_part_only"] == 1.0 and rows["Storm floods the road"]["article_h1"] == 1.0
    assert rows["Storm floods the road"]["article_part_only"] == 0.0


def test_a_title_is_not_stripped_to_a_headline_that_names_the_site() -> None:
    # a blog's h1 is its name: the title stripped of the site's part is the post, not the h1 it equals
    src = _inputs(page="Best Yoga Retreat Travel Insurance Options | Ambuja Yoga",
                  h1s=["Ambuja Yoga", "Travel Insurance For Yoga Retreats"], sites=frozenset({"ambujayoga"}),
                  hand="Travel Insurance For Yoga Retreats")
    by_value = {c.value: c for c in tc.title_candidates(src)}
    assert "stripped" in by_value["Best Yoga Retreat Travel Insurance Options"].sources
    assert "stripped" not in by_value["Ambuja Yoga"].sources


@pytest.mark.parametrize(("href", "away"), [
    ("/", True), ("https://www.ledger.example/", True), ("/news/other-story", True), ("https://other.example/x", True),
    ("/news/storm-floods", False), ("https://ledger.example/news/storm-floods/?ref=top", False), ("#top", False),
    (None, False),
])
def test_an_h1_link_leaves_the_page_for_the_home_page_or_another_page_not_for_itself(href: str | None,
                                                                                      away: bool) -> None:
    assert links_away(href, "https://ledger.example/news/storm-floods") is away
    assert links_away(href, None) is False  # without the page's address nothing is known to leave it


@pytest.mark.parametrize(("href", "url"), [
    ("/2024/03/café-ride/", "https://blog.example/2024/03/caf%C3%A9-ride/"),  # the address percent-encoded, the link not
    ("/2024/03/caf%C3%A9-ride/", "https://blog.example/2024/03/café-ride/"),
    ("/wiki/Caf%c3%a9", "https://blog.example/wiki/Caf%C3%A9"),  # the escapes' case
])
def test_an_h1_link_to_its_own_page_spelt_another_way_stays(href: str, url: str) -> None:
    assert links_away(href, url) is False


def test_only_the_first_h1s_candidate_carries_its_link_away() -> None:
    src = _inputs(page="Storm floods the harbour road", h1s=["The Ledger Community"], h1_links_away=True,
                  hand="The Ledger Community")
    rows = {c.value: _row(c, src) for c in tc.title_candidates(src)}
    assert rows["The Ledger Community"]["h1_links_away"] == 1.0
    assert rows["Storm floods the harbour road"]["h1_links_away"] == 0.0


def test_a_candidate_the_page_shows_as_a_heading_says_so_as_the_benchmark_folds_it() -> None:
    src = _inputs(page="Pruning fruit trees in winter | The Orchard Handbook", h1s=["The Orchard Handbook"],
                  subheads=frozenset({tc.fold("PRUNING fruit trees  in winter")}), hand="The Orchard Handbook")
    rows = {c.value: _row(c, src) for c in tc.title_candidates(src)}
    assert rows["Pruning fruit trees in winter"]["shown_subhead"] == 1.0
    assert rows["The Orchard Handbook"]["shown_subhead"] == 0.0


_HEADINGS = """<html><head><title>Pruning fruit trees in winter | The Orchard Handbook</title></head><body>
<nav><h2>Chapters</h2></nav><h1>The Orchard Handbook</h1><div class="chapter"><h2>Pruning fruit trees in
<em>winter</em></h2><h3>Which   branches to remove</h3><h5>Small print</h5></div>
<aside class="related-posts"><h3>Planting a young tree</h3></aside>
<div class="comments"><h4>Great guide, thanks</h4></div></body></html>"""


def test_only_the_headings_the_page_shows_as_its_own_are_read() -> None:
    # a nav's, a related box's and a comment's headings are no evidence for the page's title; h5 is below h4
    inputs = arbiter.read_title_inputs(_root(_HEADINGS), RULES)
    assert inputs.subheads == frozenset({"pruning fruit trees in winter", "which branches to remove"})


def test_a_page_with_no_title_source_has_no_candidate() -> None:
    assert tc.title_candidates(_inputs()) == []


# ---- the ranker ------------------------------------------------------------------------------

def test_the_ranker_takes_the_best_row_and_the_first_on_a_tie() -> None:
    ranker = Ranker(features=("a", "b"), weights=np.array([1.0, -1.0]))
    assert ranker.best([[0.0, 1.0], [1.0, 0.0], [1.0, 0.0]]) == 1
    assert ranker.best([]) is None


def test_the_shipped_file_has_a_title_ranker_for_these_features_only() -> None:
    assert load_ranker("title", tc.FEATURES) is not None
    # a file trained on other features is stale: no ranker rather than a wrong one
    assert load_ranker("title", (*tc.FEATURES, "new")) is None
    # the date ranker did not beat the hand order on check: it is not shipped (docs/model.md)
    assert load_ranker("date", dc.FEATURES) is None


# ---- the arbiter on hand-made pages ---------------------------------------------------------

_PAGE = """<html lang="en"><head><title>Storm floods the harbour road | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<meta property="og:title" content="Storm floods the harbour road">
<meta property="article:published_time" content="2022-11-06T23:00:00+00:00"></head>
<body><header><h1>The Ledger</h1></header><article><h1>Storm floods the harbour road</h1>
<p class="byline">By Jane Rivera</p><p>The harbour road was closed on Sunday night after the storm.</p>
</article></body></html>"""


def _root(markup: str = _PAGE) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(markup)


def test_the_arbiter_takes_the_headline_the_structured_titles_agree_with_not_the_site_name() -> None:
    meta = read_metadata(_root(), RULES, "https://ledger.example/news/storm-floods-harbour-road")
    assert meta.title == "Storm floods the harbour road"


def test_the_shipped_ranker_names_a_service_page_by_its_titles_first_piece() -> None:
    # the h1 is a slogan, the <title> "Service | Tagline | Brand": the title is the service, the
    # blocks' headline (the hand order's pick) does not move
    page = """<html><head><title>Best Resume Writing Service | Professional Resume Writers | TopResume</title>
<meta property="og:site_name" content="TopResume"></head><body><h1>Land your next job faster</h1>
<p>Our writers help.</p></body></html>"""
    meta = read_metadata(_root(page), RULES, "https://topresume.example/resume-writing")
    assert meta.title == "Best Resume Writing Service"
    assert meta.headline == "Best Resume Writing Service | Professional Resume Writers"


_LOGO_H1 = """<html lang="en"><head><title>Trailfolk tents or Alpkit tents for a winter trip?</title></head>
<body><div class="top"><h1><a href="https://community.trailfolk.example/"><svg><title>Artboard Created with
Sketch.</title></svg> Trailfolk</a></h1></div><div class="thread"><div class="post"><p>I am planning a trip in
February and wonder which tent holds up in snow.</p></div></div></body></html>"""


def test_a_logo_h1_linking_home_is_not_the_title_of_another_page() -> None:
    # a forum's only h1 is its logo (an SVG's title and the site's name, linked to the home page); the
    # thread's title is the <title>. On the home page itself the same h1 links to the page: it may name it.
    meta = read_metadata(_root(_LOGO_H1), RULES, "https://community.trailfolk.example/thread-2201.html")
    assert meta.title == "Trailfolk tents or Alpkit tents for a winter trip?"
    assert arbiter.read_title_inputs(_root(_LOGO_H1), RULES, "https://community.trailfolk.example/").h1_links_away is False


def _fixture(case: str) -> tuple[str, str]:
    folder = Path(__file__).resolve().parents[1] / "fixtures" / case
    return (folder / "input.html").read_text(encoding="utf-8"), (folder / "url.txt").read_text(encoding="utf-8").strip()


def test_the_shipped_ranker_takes_the_title_piece_the_page_shows_as_its_heading() -> None:
    # the h1 is the handbook's name (no site name says so); the <title>'s first piece is the chapter's
    # name, which the page shows as the h2 opening its content: that piece is the title
    page, url = _fixture("metadata-title-shown-heading")
    assert read_metadata(_root(page), RULES, url).title == "Pruning fruit trees in winter"
    # shown only in a related-posts box, the same piece is a teaser's: the h1 stays the title
    teaser = page.replace("<h2>Pruning fruit trees in winter</h2>", "").replace(
        "<h3>Planting a young tree</h3>", "<h3>Pruning fruit trees in winter</h3>")
    assert arbiter.read_title_inputs(_root(teaser), RULES, url).subheads == frozenset(
        {"which branches to remove", "tools"})
    assert read_metadata(_root(teaser), RULES, url).title == "The Orchard Handbook"


def test_a_headline_element_the_title_is_not_taken_from_is_recorded_as_removed() -> None:
    # the blocks place the headline at the hand order's pick (the h1); the title is the ranker's: the h1
    # is kept track of as a removed "headline", and with the h1 as the title nothing is recorded
    page, url = _fixture("metadata-title-shown-heading")
    removed = cleanpage.clean(page, url=url).removed
    assert [r.text for r in removed if r.reason is Reason.HEADLINE] == ["The Orchard Handbook"]
    teaser = page.replace("<h2>Pruning fruit trees in winter</h2>", "")
    assert not [r for r in cleanpage.clean(teaser, url=url).removed if r.reason is Reason.HEADLINE]


def test_without_a_ranker_the_hand_order_chooses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arbiter, "load_ranker", lambda field, features: None)
    url = "https://ledger.example/news/storm-floods-harbour-road"
    inputs = arbiter.read_title_inputs(_root(), RULES, url)
    meta = read_metadata(_root(), RULES, url)
    assert meta.title == meta.headline == inputs.hand == "Storm floods the harbour road"


def test_the_arbiter_answers_with_the_candidate_its_ranker_scores_best(monkeypatch: pytest.MonkeyPatch) -> None:
    # a ranker that prefers the first h1 picks the site's name: the choice is the ranker's
    weights = np.array([1.0 if f == "src_h1_first" else 0.0 for f in tc.FEATURES])
    monkeypatch.setattr(arbiter, "load_ranker", lambda field, features: Ranker(features=features, weights=weights)
                        if field == "title" else None)
    assert read_metadata(_root(), RULES).title == "The Ledger"


def test_the_blocks_headline_is_the_hand_orders_whatever_the_ranker_picks(monkeypatch: pytest.MonkeyPatch) -> None:
    # the ranker may pick the first h1 (or a post's own subject); the block stages place the page's
    # headline by the hand order's pick, so the blocks after it do not move with the ranker's choice
    weights = np.array([1.0 if f == "src_h1_first" else 0.0 for f in tc.FEATURES])
    monkeypatch.setattr(arbiter, "load_ranker", lambda field, features: Ranker(features=features, weights=weights)
                        if field == "title" else None)
    meta = read_metadata(_root(), RULES)
    assert meta.title == "The Ledger"
    assert meta.headline == "Storm floods the harbour road"


def test_the_headline_element_is_recorded_where_the_title_is_another_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    # the blocks take the hand order's headline out of the body as the title; the ranker's title is the
    # site's name: the headline element goes to ``removed`` as "headline", not lost without a trace
    weights = np.array([1.0 if f == "src_h1_first" else 0.0 for f in tc.FEATURES])
    monkeypatch.setattr(arbiter, "load_ranker", lambda field, features: Ranker(features=features, weights=weights)
                        if field == "title" else None)
    page = cleanpage.clean(_PAGE, url="https://ledger.example/news/storm-floods-harbour-road")
    assert page.title == "The Ledger"
    assert [r.text for r in page.removed if r.reason is Reason.HEADLINE] == ["Storm floods the harbour road"]
    monkeypatch.undo()
    assert not [r for r in cleanpage.clean(_PAGE).removed if r.reason is Reason.HEADLINE]


# ---- date candidates -------------------------------------------------------------------------

def _day(text: str) -> _dt.date | _dt.datetime:
    value = parse_date(text)
    assert value is not None
    return value


def test_values_on_one_day_are_one_candidate_whose_value_is_the_hand_orders() -> None:
    hand = _dt.datetime(2022, 11, 7, 0, 0, tzinfo=_dt.timezone(_dt.timedelta(hours=1)))
    cands = dc.date_candidates([("ld_published", _day("2022-11-07T09:00:00+01:00")), ("hand", hand),
                                ("url", _dt.date(2022, 11, 7)), ("ld_modified", _day("2023-01-02"))])
    assert [c.day for c in cands] == [_dt.date(2022, 11, 7), _dt.date(2023, 1, 2)]
    assert cands[0].value is hand and cands[0].sources == {"hand", "ld_published", "url"}


def test_a_bare_utc_instant_stays_on_its_own_day() -> None:
    cands = dc.date_candidates([("meta_published", _day("2022-11-06T23:00:00+00:00"))])
    assert cands[0].day == _dt.date(2022, 11, 6)


def test_a_date_row_states_agreement_with_the_url_and_distance_to_it() -> None:
    cands = dc.date_candidates([("hand", _day("2021-03-04T10:00:00+00:00")), ("url", _dt.date(2021, 3, 4)),
                                ("alone", _dt.date(2019, 1, 1))])
    rows = [dict(zip(dc.FEATURES, r, strict=True)) for r in dc.date_rows(cands, _dt.date(2021, 3, 4))]
    assert rows[0]["url_agrees"] == 1.0 and rows[0]["url_distance"] == 0.0 and rows[0]["has_zone"] == 1.0
    assert rows[0]["n_stated"] == 1.0 and rows[0]["latest"] == 1.0
    assert rows[1]["url_disagrees"] == 1.0 and rows[1]["url_distance"] > 0 and rows[1]["earliest"] == 1.0


def test_every_date_source_of_a_page_is_proposed() -> None:
    markup = """<html><head><meta property="article:published_time" content="2021-03-04T10:00:00+00:00">
    <meta property="article:modified_time" content="2021-05-01"></head><body><h1>A headline here</h1>
    <p>Some text of the article, long enough to be prose.</p></body></html>"""
    proposals, url_day = arbiter.read_date_inputs(_root(markup), RULES, "https://example.org/2021/03/04/a-post")
    sources = {s for s, _ in proposals}
    assert {"hand", "meta_published", "meta_modified", "url"} <= sources
    assert url_day == _dt.date(2021, 3, 4)
    # the hand order still decides the page's date while no date ranker is shipped
    meta = read_metadata(_root(markup), RULES, "https://example.org/2021/03/04/a-post")
    assert meta.published is not None and meta.published.isoformat().startswith("2021-03-04")


# ---- training --------------------------------------------------------------------------------

def _page(i: int) -> Page:
    return Page(corpus="c", key=str(i), path="", url=None, split="fit", domain=f"d{i % 3}", page_type="",
                gold_text=None, with_=(), without=())


def test_the_ranker_learns_which_evidence_marks_the_right_candidate_the_same_way_every_time() -> None:
    pages = []
    for i in range(30):
        right = i % 3
        rows = np.array([[float(k == right), float(k == 0)] for k in range(3)])
        labels = np.array([float(k == right) for k in range(3)])
        pages.append(FieldPage(field="title", page=_page(i), rows=rows, labels=labels, hand=0,
                               values=("a", "b", "c"), sources=(frozenset(), frozenset(), frozenset())))
    weights = fit_ranker(pages, 0.01)
    assert weights[0] > 0
    assert accuracy(pages, weights) == 1.0
    assert accuracy(pages, None) == pytest.approx(1 / 3)
    assert np.array_equal(weights, fit_ranker(pages, 0.01))


def test_the_ranker_file_name_is_the_one_the_trainer_writes() -> None:
    assert ranker_module.METADATA_MODEL == "metadata.npz"


# ---- generic section labels as structured titles ----------------------------------------------

def _labelled(label: str, h1: str = "Harbour road reopens after three weeks of repairs", h2: str | None = None) -> str:
    return (f"<html><head><title>{label}</title><meta property='og:title' content='{label}'>"
            "<meta property='og:site_name' content='The Ledger'></head><body><article>"
            f"<h1>{h1}</h1><h2>{h2 or label}</h2><p>The road reopened on Monday morning after the repairs.</p>"
            "</article></body></html>")


@pytest.mark.parametrize(
    ("label", "h1"),
    [("Resumen", "La economía crece un tres por ciento en el primer trimestre"),
     ("Summary", "Harbour road reopens after three weeks of repairs"),
     ("Table of Contents — The Ledger", "Harbour road reopens after three weeks of repairs"),
     ("Inhalt", "Die Hafenstraße ist nach drei Wochen wieder offen"),
     ("Содержание", "Дорога в порт снова открыта после ремонта")],
)
def test_a_structured_title_naming_a_generic_section_never_wins_over_the_pages_headline(label: str, h1: str) -> None:
    # the <title> and og:title agree on a section's heading the page shows under its h1 (a link to the
    # section named the page; with the site's name after it), on a URL with no words: the page's own h1
    # is the title, for the ranker and the hand order
    url = "https://ledger.example/p/48213"
    page = _labelled(label, h1, label.split(" — ")[0])
    meta = read_metadata(_root(page), RULES, url)
    assert meta.title == meta.headline == h1
    inputs = arbiter.read_title_inputs(_root(page), RULES, url)
    assert inputs.og is None and inputs.page is None
    # a label the page does not show as a section of its own is no link to a section: left to the ranker
    inputs = arbiter.read_title_inputs(_root(page.replace(f"<h2>{label.split(' — ')[0]}</h2>", "")), RULES, url)
    assert inputs.og is not None


def test_a_section_label_stays_a_title_where_the_page_shows_no_other_headline() -> None:
    # a table of contents page whose only heading is "Contents": nothing else states a title
    page = ("<html><head><title>Contents</title></head><body><h1>Contents</h1><ul><li><a href='/a'>Chapter one"
            "</a></li><li><a href='/b'>Chapter two</a></li></ul></body></html>")
    assert read_metadata(_root(page), RULES, "https://ledger.example/p/1").title == "Contents"
    # and a title that merely holds such a word is a title like any other
    page = _labelled("Summary of the harbour road repairs", h1="Harbour road", h2="Costs")
    inputs = arbiter.read_title_inputs(_root(page), RULES, "https://ledger.example/p/1")
    assert inputs.page == inputs.og == "Summary of the harbour road repairs"

