"""A listing's items kept whole: repeated groups the page's main content is made of (issue 14)."""

from __future__ import annotations

import numpy as np

import cleanpage
from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.html.groups import main_groups, template_ids

PROSE = ("The council met on Tuesday evening to discuss the plan for the new library building, and several "
         "residents spoke in favour of the proposal while others asked about its cost.")


def _item(i: int, text: str, *, card: int, tag: str = "div", words: frozenset[str] = frozenset({"card"})) -> Block:
    return Block(index=i, text=text, tag=tag, tokens=words | {f"item-{card}"}, path=(1, 5, 10 + card), node=100 + i)


def _listing() -> list[Block]:
    """A menu, then six cards of two blocks each (a book's title and its author line)."""
    menu = [Block(index=k, text=name, tag="li", tokens=frozenset({"menu"}), path=(1, 2), node=10 + k)
            for k, name in enumerate(("Home", "Books", "Music"))]
    cards: list[Block] = []
    for card in range(6):
        n = len(menu) + len(cards)
        cards.append(_item(n, f"A Long Title For Book Number {card} In The Chart", card=card))
        cards.append(_item(n + 1, f"by Author Name {card}, hardcover, 320 pages", card=card, tag="span"))
    return menu + cards


def test_items_of_one_template_share_an_id_whatever_their_item_ids() -> None:
    ids = template_ids(_listing()).tolist()
    assert len(set(ids[3::2])) == 1 and len(set(ids[4::2])) == 1  # titles one template, author lines another
    assert ids[0] == ids[1] == ids[2] and ids[3] not in (ids[0], ids[4])


def test_a_listing_the_model_dropped_is_kept_whole() -> None:
    blocks = _listing()
    scores = np.array([0.02, 0.03, 0.02] + [0.35, 0.3] * 6)
    lifted = main_groups(blocks, scores, 0.45, np.ones(len(blocks), dtype=bool))
    assert lifted.tolist() == [False] * 3 + [True] * 12
    scores[4::2] = 0.1  # the author lines score too low as a group: only the titles are the list
    lifted = main_groups(blocks, scores, 0.45, np.ones(len(blocks), dtype=bool))
    assert lifted.tolist() == [False] * 3 + [True, False] * 6


def test_a_menu_scoring_near_zero_is_not_lifted() -> None:
    blocks = _listing()
    scores = np.array([0.02, 0.03, 0.02] + [0.05, 0.04] * 6)
    assert not main_groups(blocks, scores, 0.45, np.ones(len(blocks), dtype=bool)).any()


def test_nothing_is_lifted_where_the_model_kept_most_of_the_page() -> None:
    article = [Block(index=k, text=PROSE, tag="p", tokens=frozenset({"story"}), path=(1, 3), node=50 + k)
               for k in range(4)]
    blocks = article + _listing()
    scores = np.array([0.9] * 4 + [0.02] * 3 + [0.35, 0.3] * 6)
    assert not main_groups(blocks, scores, 0.45, np.ones(len(blocks), dtype=bool)).any()


def test_undecidable_blocks_are_neither_lifted_nor_counted() -> None:
    blocks = _listing()
    scores = np.array([0.02, 0.03, 0.02] + [0.35, 0.2] * 6)
    decidable = np.ones(len(blocks), dtype=bool)
    decidable[3:] = False
    assert not main_groups(blocks, scores, 0.45, decidable).any()


RELATED = f"""<html><head><title>Library plan backed</title></head><body>
<main><article><h1>Library plan backed</h1>
<p>{PROSE}</p><p>{PROSE} The vote was close.</p><p>{PROSE} Work starts in May.</p>
<h2>Related stories</h2>
<ul class="related">
<li class="related-item"><a href="/a">Council approves the budget for next year's road repairs</a></li>
<li class="related-item"><a href="/b">New bus routes announced for the northern suburbs this spring</a></li>
<li class="related-item"><a href="/c">Town hall opening hours change over the holiday period</a></li>
<li class="related-item"><a href="/d">Residents asked for their views on the riverside park plan</a></li>
</ul></article></main></body></html>"""


def test_an_articles_related_list_stays_removed() -> None:
    page = cleanpage.clean(RELATED)
    assert f"{PROSE} Work starts in May." in page.paragraphs
    assert not any("bus routes" in text for text in page.paragraphs)
    assert any("bus routes" in r.text for r in page.removed)


def test_a_classless_menu_and_footer_do_not_ride_along_with_the_list() -> None:
    """On classless markup (a minimal blog theme) the menu's, the list's and the footer's items are
    one tag at one depth with no class words: the page region each sits in (nav, main, footer) keeps
    them apart, so the menu is not lifted with the list the model half-kept (review12)."""
    from cleanpage.pipeline.html.blocks import build_blocks
    from cleanpage.pipeline.html.tree import parse_page
    from cleanpage.rules import load_rules

    def links(names: list[str]) -> str:
        return "<ul>" + "".join(f"<li><a href='/{k}'>{name}</a></li>" for k, name in enumerate(names)) + "</ul>"

    posts = [f"Notes from week {k} of rebuilding an old wooden boat in the garden shed" for k in range(12)]
    root, _ = parse_page(f"<html><body><nav>{links(['Home', 'About', 'Contact'])}</nav><main>{links(posts)}</main>"
                         f"<footer>{links(['RSS feed', 'Privacy', 'Licence'])}</footer></body></html>")
    blocks = build_blocks(root, disclosure=load_rules().disclosure)
    scores = np.array([0.45 if b.text in posts else 0.01 for b in blocks])
    lifted = main_groups(blocks, scores, 0.5, np.ones(len(blocks), dtype=bool))
    assert [b.text for b, lift in zip(blocks, lifted.tolist()) if lift] == posts
