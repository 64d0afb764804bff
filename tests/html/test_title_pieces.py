"""The title's pieces: which pages' titles are cut, and which h1 an article's cue favours (issue 15 review).

Hand-made pages through :func:`cleanpage.clean`, each asserting the whole title; and the features
the candidates' rows state, where the review found them wrong.
"""

from __future__ import annotations

import lxml.html
import pytest

import cleanpage
from cleanpage.pipeline.html.metadata import arbiter
from cleanpage.pipeline.html.metadata import title_candidates as tc
from cleanpage.rules import load_rules

_SENTENCE = ("Light from the sun is scattered by the molecules of the air, and the shorter blue waves are"
             " scattered much more than the red ones, said the physicist.")
_BODY = "<p>" + " ".join([_SENTENCE] * 4) + "</p>"


def _page(title: str, h1: str, site: str | None = None, body: str = _BODY, lang: str = "en") -> str:
    named = f'<meta property="og:site_name" content="{site}">' if site else ""
    return (f'<html lang="{lang}"><head><title>{title}</title><meta property="og:title" content="{title}">{named}'
            f'<meta property="og:type" content="article"></head><body><header><h1>{h1}</h1></header>'
            f"<article><h2>{title}</h2>{body}</article></body></html>")


_SKY = "Why the sky is blue – a physicist explains"
_BILL = "Climate bill passes – what it means for you"


@pytest.mark.parametrize(("title", "h1", "site", "url"), [
    # a section's label over the article: the h1 is not a piece of the title, the dash is the headline's
    (_SKY, "Science", None, "https://example.org/science/why-the-sky-is-blue"),
    # the site's name as the h1
    (_SKY, "The Daily Ledger", "The Daily Ledger", "https://dailyledger.example/2024/why-the-sky-is-blue"),
    (_BILL, "Politics", None, "https://example.org/politics/climate-bill-passes"),
    # a one-word section h1 that the URL does not echo: still not the title
    (_BILL, "Politics", None, "https://example.org/politics/story-12345"),
])
def test_a_dashed_headline_under_an_h1_that_is_not_its_piece_is_kept_whole(
        title: str, h1: str, site: str | None, url: str) -> None:
    assert cleanpage.clean(_page(title, h1, site), url=url).title == title


def test_a_section_h1_does_not_beat_the_title_og_title_and_the_title_element_agree_on() -> None:
    title = "Guerre en Ukraine : ce que l'on sait de l'attaque"
    sentence = ("Les forces ont signalé une série d'explosions dans la nuit, et les autorités"
                " locales ont appelé la population à rester à l'abri.")
    body = "<p>" + " ".join([sentence] * 4) + "</p>"
    page = _page(title, "International", body=body, lang="fr")
    assert cleanpage.clean(page, url="https://example.fr/international/article-123").title == title


def test_a_dashed_title_whose_piece_is_the_h1_is_still_cut() -> None:
    page = _page("Storm floods the harbour road – The Daily Ledger", "Storm floods the harbour road")
    meta = cleanpage.clean(page, url="https://ledger.example/news/story-1")
    assert meta.title == "Storm floods the harbour road"


def test_a_dated_generic_web_page_is_not_an_article() -> None:
    # Yoast types every page a WebPage with a datePublished: no page-type cue; a NewsArticle is one
    def article(ld_type: str) -> bool:
        ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "' + ld_type
              + '", "headline": "Our services", "datePublished": "2024-03-01T10:00:00+00:00"}</script>')
        html = f"<html><head><title>Our services | Acme</title>{ld}</head><body><h1>Services</h1>{_BODY}</body></html>"
        return arbiter.read_title_inputs(lxml.html.fromstring(html), load_rules()).article
    assert not article("WebPage")
    assert article("NewsArticle")


def _row(cand: tc.TitleCandidate, src: tc.TitleInputs) -> dict[str, float]:
    return dict(zip(tc.FEATURES, tc.title_row(cand, src), strict=True))


def _inputs(**kw: object) -> tc.TitleInputs:
    base: dict[str, object] = {"ld": None, "og": None, "page": None, "headlines": [], "h1s": [], "decked": [],
                               "sites": frozenset(), "url": None, "hand": None}
    base.update(kw)
    return tc.TitleInputs(**base)  # type: ignore[arg-type]


def test_the_article_h1_cue_needs_a_word_shared_with_a_structured_title() -> None:
    src = _inputs(page=_BILL, og=_BILL, h1s=["Politics"], hand=_BILL, article=True)
    rows = {c.value: _row(c, src) for c in tc.title_candidates(src)}
    assert rows["Politics"]["article_h1"] == 0.0
    src = _inputs(page="Climate bill passes | Ledger", h1s=["Climate bill passes the Senate"], article=True)
    rows = {c.value: _row(c, src) for c in tc.title_candidates(src)}
    assert rows["Climate bill passes the Senate"]["article_h1"] == 1.0


def test_a_piece_is_matched_to_its_candidate_as_candidates_are_merged_casefolded() -> None:
    # the h1 "Bridge closes" and the piece "Bridge Closes" are one candidate: a pipe sets it apart
    src = _inputs(page="Bridge Closes | The Ledger", h1s=["Bridge closes"], sites=frozenset({"theledger"}),
                  hand="Bridge closes")
    cand = next(c for c in tc.title_candidates(src) if tc.fold(c.value) == "bridge closes")
    assert cand.value == "Bridge closes" and "part_first" in cand.sources
    row = _row(cand, src)
    assert row["part_by_pipe"] == 1.0 and row["part_beside_site"] == 1.0


def test_a_fullwidth_bar_separates_a_cjk_titles_pieces_as_a_pipe_does() -> None:
    src = _inputs(page="東京で大雨の警報｜毎日ニュース", h1s=["ニュース一覧"], hand="東京で大雨の警報")
    by_value = {c.value: c for c in tc.title_candidates(src)}
    assert by_value["毎日ニュース"].sources == {"part_last"}
    assert _row(by_value["毎日ニュース"], src)["part_by_pipe"] == 1.0
    page = ('<html lang="ja"><head><title>東京で大雨の警報｜毎日ニュース</title>'
            '<meta property="og:site_name" content="毎日ニュース"></head><body><h1>東京で大雨の警報</h1>'
            "<p>" + "気象庁は東京都に大雨の警報を出しました。川の近くには近づかないでください。" * 6 + "</p></body></html>")
    assert cleanpage.clean(page, url="https://mainichi-news.example/a/1").title == "東京で大雨の警報"


def test_a_spaced_slash_separates_a_forum_titles_pieces() -> None:
    # "Topic / Board / Forum" (a thread's <title>): the topic is a piece; "AC/DC" or "24/7" is no separator
    src = _inputs(page="Kettle descaling schedule? / Kitchen Talk / Crumb Forums", h1s=["Crumb Forums"],
                  sites=frozenset({"crumbforums"}))
    values = {c.value: c.sources for c in tc.title_candidates(src)}
    assert values["Kettle descaling schedule?"] >= {"part_first"}
    assert "Kitchen Talk" in values
    src = _inputs(page="AC/DC tour dates 24/7 | Stage Guide", sites=frozenset({"stageguide"}))
    assert {c.value for c in tc.title_candidates(src)} >= {"AC/DC tour dates 24/7"}
    assert not any(c.value in ("AC", "DC tour dates 24") for c in tc.title_candidates(src))


@pytest.mark.parametrize("title", [
    "Either / Or: a review - Film Club",
    "Kyiv / Kiev: what is in a name – The Paper",
    "Pro / Contra: Tempolimit auf Autobahnen | Zeitung",
])
def test_a_slash_beside_another_separator_joins_the_words_of_one_piece(title: str) -> None:
    """Where a dash or a bar cuts the title, a spaced slash is part of the headline ("Yes / No: …"): no
    candidate is a piece cut at it."""
    before, after = title.split(" / ", 1)
    values = {c.value for c in tc.title_candidates(_inputs(page=title))}
    assert not any(v == before or after.startswith(v) for v in values)
    page = f"<html><head><title>{title}</title></head><body><main><p>{_SENTENCE}</p></main></body></html>"
    assert (cleanpage.clean(page).title or "").startswith(f"{before} / ")
