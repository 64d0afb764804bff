"""Author answers that are no author: a weekday, a topic link, another language's lead word, a review
widget's names, a shop's filters and makers, a contact box, an "authorized" class (issue 15).

Each page here is written by hand in the shape the dev pages showed; the same pages with a real byline
still give its name, so the rules cut the junk, not the byline."""

from __future__ import annotations

import lxml.html

from cleanpage.pipeline.html.metadata import read_metadata
from cleanpage.rules import load_rules

RULES = load_rules()

_TEXT = ("<p>Wrap the plates one by one and label every box with the room it goes to, so that the movers"
         " know where to carry it.</p>")


def _authors(body: str, lang: str | None = "en", head: str = "") -> tuple[str, ...]:
    tag = f' lang="{lang}"' if lang else ""
    root = lxml.html.fromstring(f"<html{tag}><head>{head}</head><body><article><h1>Ten packing tips</h1>"
                                f"{body}{_TEXT}</article></body></html>")
    return read_metadata(root, RULES, "https://movers.example/blog/packing").authors


def test_a_lone_weekday_in_a_byline_element_is_no_author() -> None:
    assert _authors('<div class="byline">Tuesday</div>') == ()
    assert _authors('<div class="byline">Dienstag</div>', lang="de") == ()
    assert _authors('<div class="byline">Podium Staff</div>') == ("Podium Staff",)


def test_a_topic_link_in_a_byline_is_no_author() -> None:
    assert _authors('<div class="byline">By <a href="/topics/health">Health</a></div>') == ()
    assert _authors('<p>By <a href="/category/hr-strategy/">HR Strategy</a></p>') == ()
    assert _authors('<a id="author-modal" href="/resources/blog/?content_topic=906">HR Strategy</a>') == ()
    # a link to the author's own page is the byline
    assert _authors('<div class="byline">By <a href="/people/jane-doe">Jane Doe</a></div>') == ("Jane Doe",)


def test_a_lead_word_of_another_language_opens_no_byline() -> None:
    """"Door" is Dutch "by" but an English noun: on an English page "Door Anchor for Resistance Bands"
    is a product; on a Dutch page "Door Redactie Binnenland" is a desk's byline."""
    line = '<p>Door Anchor for Resistance Bands – Yellow</p>'
    assert _authors(line) == ()
    assert _authors('<p>Door Redactie Binnenland</p>', lang="nl") == ("Redactie Binnenland",)
    # a person's name after it is still read, whatever the page's language
    assert _authors('<p>Door Piet de Vries</p>') == ("Piet de Vries",)


def test_a_lead_before_a_phrase_is_no_byline() -> None:
    assert _authors('<p>Von Einheimischen, Gästen und ganz viel Kühen</p>', lang="de") == ()
    assert _authors('<p>By Workzone Team• 4 mins read</p>') == ("Workzone Team",)


def test_a_review_widget_s_names_are_no_author() -> None:
    """A widget of reviews marks each reviewer's name as a byline: of such a list only the first
    can be the page's byline (here a testimonial's, itself no name), never the third one."""
    reviews = "".join(f'<div class="byline"> <a href="https://g.co/x">{name}</a> '
                      f'<span class="position">{kind}</span> </div>'
                      for name, kind in (("Bruce Henry", "Testimonial"), ("Paul Johan Stokstad", "Google review"),
                                         ("Eric Mulder", "Google review"), ("Janet Gangl", "Google review")))
    assert _authors(reviews) == ()


def test_a_byline_with_its_children_is_one_byline() -> None:
    """An element and its children are read as several texts ("EcoFlow- 2025/4/29", "EcoFlow",
    "- 2025/4/29"): one byline, not a list."""
    body = '<div class="author"><span class="author">EcoFlow</span><span class="author">- 2025/4/29</span></div>'
    assert _authors(body) == ("EcoFlow",)


def test_a_shop_s_filters_and_makers_are_no_author() -> None:
    filters = "<ul><li>By Type</li><li>By Brand</li></ul>"
    assert _authors(filters + filters) == ()
    makers = "".join(f"<p>by  {m}</p>" for m in ("Mophie", "Belkin", "Harley-Davidson", "Wireless Gear"))
    assert _authors(makers, lang=None) == ()
    assert _authors('<p id="pqv-byline">From GUSILOR</p>') == ()
    assert _authors('<div class="byline">Visit the Apple Store</div><div class="byline">From Apple</div>') == ()


def test_an_address_in_a_byline_element_is_no_author() -> None:
    body = ('<div class="byline">United Kingdom 6 Gardner Place, Becketts Close, Feltham TW14 0BX,'
            ' Greater London +44-753-713-2163</div>')
    assert _authors(body) == ()


def test_an_authorized_class_is_no_byline() -> None:
    assert _authors('<div class="authorized_aBd">Authorized Dealer</div>') == ()
    assert _authors('<h3 id="authorization">Authorization Forms</h3>') == ()
    assert _authors('<div class="post-author">Jane Doe</div>') == ("Jane Doe",)


def test_a_role_after_a_name_ends_the_byline_s_names() -> None:
    """"Rex Du, Ph.D. Director, Advanced Analytics": the role and its department are no further
    people; a role before any name is left to the name checks."""
    assert _authors('<div class="byline">Rex Du, Ph.D. Director, Advanced Analytics</div>') == ("Rex Du",)
    assert _authors('<div class="byline">Daniel Burstein, Senior Director</div>') == ("Daniel Burstein",)
    assert _authors('<div class="byline">Anna Meier, Redakteurin, Ressort Politik</div>', lang="de") == ("Anna Meier",)
    assert _authors('<div class="byline">Jane Doe and John Roe</div>') == ("Jane Doe", "John Roe")


def test_a_surname_that_is_a_job_word_and_a_name_after_a_role_are_still_people() -> None:
    """A job word ends nothing when the part opens with a given name: "Simon Head", "Thomas Sprecher"
    are people, and after a role ("Senior Reporter") the next person is read, its department is not."""
    assert _authors('<div class="byline">By Jane Doe and Simon Head</div>') == ("Jane Doe", "Simon Head")
    assert _authors('<div class="byline">Von Anna Schmidt und Thomas Sprecher</div>', lang="de") == (
        "Anna Schmidt", "Thomas Sprecher")
    assert _authors('<div class="byline">By Jane Doe, Senior Reporter, and John Roe</div>') == ("Jane Doe", "John Roe")
    assert _authors('<div class="byline">Jane Doe, Staff Writer and John Roe, Staff Writer</div>') == (
        "Jane Doe", "John Roe")


def test_a_product_review_s_author_is_no_author() -> None:
    review = ('<div itemprop="review" itemscope itemtype="http://schema.org/Review">Rated 5 out of 5 by'
              ' <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">'
              'Martin</span></span></div>')
    assert _authors(f'<div itemscope itemtype="http://schema.org/Product">{review}</div>') == ()
    # a review article is the page's own text: its author is the page's
    article = ('<div itemscope itemtype="http://schema.org/Review"><span itemprop="author">Jane Doe</span></div>')
    assert _authors(article) == ("Jane Doe",)


def test_a_json_ld_name_with_html_entities_is_read_as_text() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ten packing tips",'
          ' "author": {"@type": "Person", "name": "Lindsey O&#039;Donnell"}}</script>')
    assert _authors("", head=ld) == ("Lindsey O'Donnell",)


def test_a_byline_class_in_a_picture_s_caption_is_a_photo_credit() -> None:
    caption = ('<figure><img src="a.jpg"><figcaption><span class="img-caption">The plant.</span>'
               '<span class="img-author">Mike Blake/Reuters files</span></figcaption></figure>')
    assert _authors(caption) == ()
    assert _authors(caption + '<div class="byline">Jane Doe</div>') == ("Jane Doe",)


def test_a_byline_linked_to_a_tag_page_of_the_writers_name_still_names_the_writer() -> None:
    """Some sites file a writer's articles under a tag of their name: a topic link whose words open
    with a given name is a person's ("Health" and "HR Strategy" are subjects)."""
    assert _authors("<div class='byline'><a href='/tag/jane-doe'>Jane Doe</a></div>") == ("Jane Doe",)
    assert _authors("<p>By <a href='/tags/jane-doe'>Jane Doe</a></p>") == ("Jane Doe",)
    assert _authors("<div class='byline'>By <a href='/topics/health'>Health</a></div>") == ()


def test_a_byline_going_on_in_lower_case_after_a_name_is_no_phrase() -> None:
    """Two lower-case words after the lead mark a heading ("Von Einheimischen, Gästen und ganz viel
    Kühen"), not a name and the desk that shares it."""
    assert _authors("<p>By Jane Doe and the Associated Press</p>") == ("Jane Doe",)
    assert _authors("<p>Von Anna Schmidt und dem dpa-Team</p>", lang="de") == ("Anna Schmidt",)


def test_a_review_site_s_own_article_marked_as_the_product_s_review_keeps_its_author() -> None:
    """A review holding the page's headline is the page's article (``Product`` > ``review`` > the
    article), its author the page's; a reviewer's card under a product holds none."""
    root = lxml.html.fromstring(
        "<html lang='en'><body><div itemscope itemtype='https://schema.org/Product'>"
        "<article itemprop='review' itemscope itemtype='https://schema.org/Review'><h1>Acme X200 review</h1>"
        "<div class='byline'>By <span itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        f"<span itemprop='name'>Jane Doe</span></span></div>{_TEXT}</article></div></body></html>")
    assert read_metadata(root, RULES, "https://x.example/reviews/acme-x200").authors == ("Jane Doe",)
