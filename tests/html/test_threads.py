"""Threads and comment items found by shape: posts as siblings with a name, a date and prose; the
opening post as the body; author and date read from a header whatever its markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleanpage
from cleanpage import PageType
from cleanpage.pipeline.html.threads import find_posts
from cleanpage.rules import load_rules

_POST = """<div class="msg"><div class="msg-head"><a href="/members/{name}.{n}/">{name}</a>
<span class="when">{date}</span></div><div class="msg-body"><p>{text}</p></div></div>"""

_TEXTS = [
    "My bread comes out dense every time, even though the dough doubles overnight. What am I missing here?",
    "Try a shorter final proof. A dough that has doubled overnight has often used up its strength before baking.",
    "Also check your oven temperature with a thermometer; many ovens run twenty degrees cooler than the dial says.",
]


def _thread(article: str = "") -> str:
    posts = "".join(
        _POST.format(name=name, n=n, date=f"March {n + 1}, 2024 10:0{n}", text=text)
        for n, (name, text) in enumerate(zip(["ana_b", "crustmaker", "ovenwatch"], _TEXTS))
    )
    return (
        "<html><head><title>Dense bread - Baking forum</title></head><body><nav><a href='/'>Forum</a></nav>"
        f"<main><h1>Dense bread</h1>{article}<div class='thread'>{posts}</div></main></body></html>"
    )


def test_thread_opening_post_is_the_body_and_replies_are_responses() -> None:
    page = cleanpage.clean(_thread())
    assert page.page_type is PageType.THREAD
    assert page.paragraphs == (_TEXTS[0],)
    assert [(r.author, r.text, r.parent) for r in page.responses] == [
        ("crustmaker", _TEXTS[1], None),
        ("ovenwatch", _TEXTS[2], None),
    ]
    assert all(r.published is not None for r in page.responses)


def test_posts_under_an_article_are_responses_not_a_thread() -> None:
    article = "".join(
        f"<p>{s}</p>"
        for s in [
            "Bakers have argued for years about how long a loaf should proof before it goes into a hot oven.",
            "We baked forty loaves over two weeks, changing only the final proof, and weighed and sliced every one.",
            "The loaves proofed for an hour rose highest; those left overnight spread and baked dense and flat.",
        ]
    )
    page = cleanpage.clean(_thread(article))
    assert page.page_type is PageType.PAGE
    assert "forty loaves" in page.body
    assert [r.author for r in page.responses] == ["ana_b", "crustmaker", "ovenwatch"]


def test_layout_columns_are_no_thread() -> None:
    """A content column beside a sidebar is a pair of siblings with names and dates, not posts."""
    column = "<div class='col-8'><h1>Title</h1><p>By <a href='/author/jo/'>Jo</a> on 2024-01-02</p><p>{}</p></div>"
    side = "<div class='col-4'><p>Written by <a href='/author/jo/'>Jo</a>, 2024</p><p>{}</p></div>"
    doc = f"<html><body><div class='row'>{column.format('Words ' * 200)}{side.format('Other words here.')}</div></body></html>"
    assert find_posts(lxml_html.document_fromstring(doc), load_rules(), []) is None


@pytest.mark.parametrize(
    ("href", "expected"),
    [("/members/jane.12/", True), ("/u/jane", True), ("/memberlist.php?mode=viewprofile&u=3", True), ("profile.php?id=7", True),
     ("https://jane.example.org/", False), ("/t/topic-about-users-guide/55", False),
     # an account page's address is a page control, whatever profile word it holds
     ("/user/login?destination=node/1%23comment-form", False), ("/user/register", False), ("/wp-login.php?action=login", False)],
)
def test_profile_links_are_read_from_the_rules(href: str, expected: bool) -> None:
    assert load_rules().comments.is_profile_link(href) is expected



def _named_thread(name_markup: str, names: int = 3) -> str:
    """Three posts, the first ``names`` of them naming their poster with ``name_markup``
    (``{name}`` in it), the others by plain text."""
    posts = "".join(
        f"<div class='msg'><div class='head'>{name_markup.format(name=name) if n < names else name}"
        f" <span>March {n + 1}, 2024</span></div><p>{text}</p></div>"
        for n, (name, text) in enumerate(zip(["ana_b", "crustmaker", "ovenwatch"], _TEXTS))
    )
    return f"<html><body><main><div class='thread'>{posts}</div></main></body></html>"


@pytest.mark.parametrize(
    "name_markup",
    ["<a href='/memberlist.php?mode=viewprofile&amp;u={name}'>{name}</a>", "<a href='profile.php?id=7'>{name}</a>",
     "<a href='https://forum.example/Members/{name}.12/'>{name}</a>", "<b class='post-Author'>{name}</b>",
     "<b id=' author '>{name}</b>", "<b itemprop='author'>{name}</b>"],
)
def test_posts_are_found_whatever_names_them(name_markup: str) -> None:
    """The page-wide count of names that lets most pages skip the shape search counts every kind."""
    posts = find_posts(lxml_html.document_fromstring(_named_thread(name_markup)), load_rules(), [])
    assert posts is not None and len(posts.posts) == 3


def test_a_page_naming_one_poster_holds_no_thread() -> None:
    doc = _named_thread("<a href='/members/{name}.1/'>{name}</a>", names=1)
    assert find_posts(lxml_html.document_fromstring(doc), load_rules(), []) is None

def test_page_type_round_trips_and_defaults_to_page() -> None:
    page = cleanpage.clean(_thread())
    assert cleanpage.Page.from_dict(json.loads(page.to_json())) == page
    data = page.to_dict()
    assert data["page_type"] == "thread"
    del data["page_type"]
    assert cleanpage.Page.from_dict(data).page_type is PageType.PAGE
    assert json.dumps(PageType.THREAD) == '"thread"'


def test_a_sites_own_teasers_are_no_thread_and_no_responses() -> None:
    """Teasers signed by one author on one day are a list of the site's articles, not a conversation."""
    teaser = ('<article class="tease"><span class="author">Webmaster</span> <span class="date">December 19, 2025</span>'
              "<p>{}</p></article>")
    texts = [
        "The food bank handed out fifteen hundred hampers this week, its largest number in a decade of work.",
        "The former clerk of the house was recalled to serve again after a quarter of a century in the job.",
        "The festival opened on Tuesday with a parade through the town and a concert in the main square.",
    ]
    story = "".join(
        f"<p>{s}</p>"
        for s in [
            "The language institute opened enrolment for its free Spanish classes on Wednesday, the director said.",
            "Classes start in January and run for twelve weeks, with evening groups for people who work during the day.",
            "Places are limited, so the institute asks everyone who wants to join to register before the new year.",
        ]
    )
    page = cleanpage.clean(
        f"<html><body><main><h1>Spanish classes open</h1>{story}"
        f"<div class='more'>{''.join(teaser.format(t) for t in texts)}</div></main></body></html>"
    )
    assert page.page_type is PageType.PAGE
    assert page.responses == ()
    assert "Spanish classes" in page.body or "language institute" in page.body


def _posts_doc(posts: str) -> str:
    return f"<html><body><h1>Dense bread</h1><div id='posts'>{posts}</div></body></html>"


def test_a_subject_linking_to_the_post_itself_is_no_teaser_headline() -> None:
    """phpBB heads each post with its subject, a link to the post's anchor on a viewtopic page."""
    post = ("<div class='post'><h3><a href='./viewtopic.php?p={n}#p{n}'>Re: Dense bread again and again</a></h3>"
            "<p class='author'>by <a href='./memberlist.php?mode=viewprofile&u={n}'>{name}</a> » March {n}, 2024</p>"
            "<div class='content'>{text}</div></div>")
    doc = _posts_doc("".join(post.format(n=n + 1, name=name, text=text)
                             for n, (name, text) in enumerate(zip(["ana_b", "crustmaker", "ovenwatch"], _TEXTS))))
    found = find_posts(lxml_html.document_fromstring(doc), load_rules(), [])
    assert found is not None and len(found.posts) == 3


def test_class_less_posts_are_the_containers_children_not_their_wrappers() -> None:
    """A class-less signature matches every wrapper div inside a post: only the list's own children are posts."""
    post = ("<div><div><div><span>March {n}, 2024 10:00</span> <a href='member.php?u={n}'>{name}</a>"
            "<div>{text}</div></div></div></div>")
    doc = _posts_doc("".join(post.format(n=n + 1, name=name, text=text)
                             for n, (name, text) in enumerate(zip(["ana_b", "crustmaker", "ovenwatch"], _TEXTS))))
    root = lxml_html.document_fromstring(doc)
    found = find_posts(root, load_rules(), [])
    assert found is not None
    assert list(found.posts) == list(root.get_element_by_id("posts"))


def test_replies_wrapped_apart_from_their_posts_are_posts_too() -> None:
    """A threaded view puts each post's replies in a wrapper beside it: both signatures are posts."""
    post = ("<article class='js-post'><a href='/members/{name}.{n}/'>{name}</a> <time datetime='2024-03-0{n}'>"
            "March {n}, 2024</time><div class='body'>{text}</div></article>")
    names = ["ana_b", "crustmaker", "ovenwatch", "ana_b", "crustmaker", "ana_b"]
    texts = [*_TEXTS, "Thanks to you both: a shorter proof and a hotter oven gave me the best loaf I have baked yet.",
             "Glad it worked. Next time try a little more water too; a wetter dough opens the crumb even more.",
             "I will try that on Saturday and post a photo of the crumb here when the loaf has cooled down."]
    items = [post.format(n=n + 1, name=name, text=text) for n, (name, text) in enumerate(zip(names, texts))]
    longer = " The replies hold more words than the posts they answer, so their wrappers are the richer group."
    items = [item.replace("</div></article>", longer + "</div></article>") if n % 2 else item for n, item in enumerate(items)]
    wrapped = "".join(f"{items[i]}<div class='children-wrapper'><div>{items[i + 1]}</div></div>" for i in (0, 2, 4))
    found = find_posts(lxml_html.document_fromstring(_posts_doc(wrapped)), load_rules(), [])
    assert found is not None
    assert [p.tag for p in found.posts if p.tag == "article"] == ["article"] * 6


def test_a_thread_that_names_no_author_is_by_who_opened_it() -> None:
    assert cleanpage.clean(_thread()).authors == ("ana_b",)
    # the page's own author statement stands
    stated = _thread().replace("<head>", "<head><meta name='author' content='Jane Doe'>")
    assert cleanpage.clean(stated).authors == ("Jane Doe",)


def test_posts_under_an_article_give_the_article_no_author() -> None:
    article = "".join(f"<p>{s}</p>" for s in [
        "Bakers have argued for years about how long a loaf should proof before it goes into a hot oven.",
        "We baked forty loaves over two weeks, changing only the final proof, and weighed and sliced every one.",
        "The loaves proofed for an hour rose highest; those left overnight spread and baked dense and flat.",
    ])
    assert cleanpage.clean(_thread(article)).authors == ()


_QUESTION = [
    "My sourdough starter smells of nail polish remover two days after every feeding. Is it dying?",
    "It lives on the kitchen counter at about twenty degrees and gets equal weights of flour and water.",
    "I have fed it twice a day for a week now and it still rises, but the smell worries me a great deal.",
]


def _apart(head: str) -> str:
    """A question standing apart above its answers: its own container, with ``head`` as its header."""
    question = f"<div class='question'>{head}<div class='q-text'>{''.join(f'<p>{s}</p>' for s in _QUESTION)}</div></div>"
    return _thread().replace("<div class='thread'>", f"{question}<div class='thread'>")


def test_a_question_standing_apart_above_its_answers_makes_a_thread() -> None:
    """The opening post in its own container before the posts (a Q&A page, a post above its
    discussion): a thread by who asked, its body the question as the blocks read it."""
    page = cleanpage.clean(_apart("<a href='/users/41/sourdough_sam'>sourdough_sam</a> <time datetime='2024-02-28'>Feb 28</time>"))
    assert page.page_type is PageType.THREAD
    assert page.authors == ("sourdough_sam",)
    assert all(s in page.body for s in _QUESTION)
    assert [r.author for r in page.responses] == ["ana_b", "crustmaker", "ovenwatch"]


@pytest.mark.parametrize("head", [
    # an article's byline: an author page is no member's profile
    "<p class='byline'>By <a class='author' href='/author/sam-baker'>Sam Baker</a> <time datetime='2024-02-28'>Feb 28</time></p>",
    # a profile link with no date: no post
    "<a href='/users/41/sourdough_sam'>sourdough_sam</a>",
])
def test_prose_above_posts_that_is_no_post_keeps_the_page_a_page(head: str) -> None:
    page = cleanpage.clean(_apart(head))
    assert page.page_type is PageType.PAGE
    assert all(s in page.body for s in _QUESTION)
    assert [r.author for r in page.responses] == ["ana_b", "crustmaker", "ovenwatch"]


def test_a_share_link_or_posts_in_a_sidebar_make_no_question_apart() -> None:
    """A share button's address can hold a profile word ("sharer.php?u=…"), and posts in an
    ``<aside>`` are teasers beside an article: neither makes the prose above them a post."""
    share = "<a href='https://social.example/sharer.php?u=https://x.example/a'>Share</a> <time datetime='2024-02-28'>Feb 28</time>"
    assert cleanpage.clean(_apart(share)).page_type is PageType.PAGE
    head = "<a href='/users/41/sourdough_sam'>sourdough_sam</a> <time datetime='2024-02-28'>Feb 28</time>"
    in_aside = _apart(head).replace("<div class='thread'>", "<aside><div class='thread'>").replace("</main>", "</aside></main>")
    assert cleanpage.clean(in_aside).page_type is PageType.PAGE


def test_comments_under_a_post_are_replies_to_it() -> None:
    """A comment list inside a post (a Q&A answer's comments) is threaded under that post, signed
    after its text ("– <a>name</a>"), the dash before the name left out."""
    comment = ("<ul class='comment-list'><li class='comment-item'><span class='comment-copy'>Twenty minutes less"
               " did it: the crumb is open now and the crust stays crisp.</span> – <a href='/members/ana_b.0/'>ana_b</a>"
               " <time datetime='2024-03-05T08:02:00'>Mar 5, 2024</time></li></ul>")
    page = cleanpage.clean(_thread().replace(f"{_TEXTS[1]}</p></div>", f"{_TEXTS[1]}</p></div>{comment}"))
    assert [(r.author, r.parent) for r in page.responses] == [("crustmaker", None), ("ana_b", 0), ("ovenwatch", None)]
    assert page.responses[1].text.endswith("stays crisp.")


def test_a_post_signed_under_its_text_names_its_author() -> None:
    """"answered Mar 3, 2024 by <a href='/users/12/jane'>jane</a>" after the text is the signature; a
    profile link inside the words is a mention."""
    post = ("<div class='msg'><div class='msg-body'><p>{text} Ask <a href='/members/ovenwatch.2/'>ovenwatch</a>.</p></div>"
            "<div class='sig'>answered <time datetime='2024-03-0{n}'>March {n}, 2024</time> by "
            "<a href='/members/{name}.{n}/'>{name}</a></div></div>")
    posts = "".join(post.format(n=n + 1, name=name, text=text)
                    for n, (name, text) in enumerate(zip(["ana_b", "crustmaker", "ovenwatch"], _TEXTS)))
    page = cleanpage.clean(f"<html><body><main><h1>Dense bread</h1><div class='thread'>{posts}</div></main></body></html>")
    assert page.authors == ("ana_b",)
    assert [r.author for r in page.responses] == ["crustmaker", "ovenwatch"]


def test_a_short_question_standing_apart_still_opens_the_thread() -> None:
    """However short the post above the posts, when it is shaped like a post it opens the thread:
    the first of the posts below is a reply, not the body."""
    page = cleanpage.clean(_thread().replace(
        "<div class='thread'>",
        "<div class='question'><a href='/users/41/sourdough_sam'>sourdough_sam</a> <time datetime='2024-02-28'>Feb 28</time>"
        "<div class='q-text'><p>Why is my loaf so dense?</p></div></div><div class='thread'>"))
    assert page.page_type is PageType.THREAD
    assert page.authors == ("sourdough_sam",)
    assert "Why is my loaf so dense?" in page.body
    assert [r.author for r in page.responses] == ["ana_b", "crustmaker", "ovenwatch"]



def test_a_comment_card_inside_each_post_is_the_post_not_a_reply() -> None:
    """Posts whose whole message is a schema.org ``Comment`` card (``article.post > div[itemprop=comment]``):
    the cues read each card as a section of its own, inside a post; it is the post's own message, not
    a reply under it, so the first post still opens the thread."""
    card = "<div itemscope itemprop='comment' itemtype='https://schema.org/Comment'>"
    page = cleanpage.clean(_thread().replace("<div class=\"msg\">", f"<article class='post'>{card}")
                           .replace("</p></div></div>", "</p></div></div></article>"))
    assert page.page_type is PageType.THREAD
    assert page.paragraphs == (_TEXTS[0],)
    assert [(r.author, r.parent) for r in page.responses] == [("crustmaker", None), ("ovenwatch", None)]



def test_a_name_heading_the_words_in_one_box_signs_them() -> None:
    """A date and the poster's link before the words, all in one box: the link signs the item (only
    a link after words in a sentence is a mention)."""
    item = ("<div class='comment'><div class='c-box'><time datetime='2020-09-2{n}T18:19:06+02:00'>2{n}.09.20 | 18:19</time>"
            " <a href='/user/{name}.html'>{name}</a> {text}</div></div>")
    names = ["Rezeptsammlerin", "Marianne1"]
    texts = ["I have sliced tomatoes across the core for years and never thought about the seeds falling out.",
             "Thank you, that trick with the knife saved my salad for the party on Saturday evening."]
    items = "".join(item.format(n=n, name=name, text=text) for n, (name, text) in enumerate(zip(names, texts)))
    article = "".join(f"<p>{t}</p>" for t in _QUESTION)
    page = cleanpage.clean(f"<html><body><main><h1>Tomatoes</h1>{article}<div class='comments'>{items}</div></main></body></html>")
    assert [(r.author, r.text) for r in page.responses] == list(zip(names, texts))


_BYLINE = ("<p class='byline'>By <a href='/profile/sam-baker'>Sam Baker</a> "
           "<time datetime='2024-02-28'>Feb 28</time></p>")


@pytest.mark.parametrize("page_html", [
    # a news site whose author pages are "/profile/…" ("/people/…"): the byline link is no member's, in
    # an <article> ...
    _apart(_BYLINE).replace("<div class='question'>", "<article class='question'>").replace(
        "</div></div><div class='thread'>", "</div></article><div class='thread'>"),
    # ... or on a page that calls itself an article
    _apart(_BYLINE).replace("<html>", "<html><head><meta property='og:type' content='article'></head>"),
])
def test_an_article_whose_byline_links_a_profile_page_is_no_thread(page_html: str) -> None:
    assert "<article" in page_html or "og:type" in page_html
    page = cleanpage.clean(page_html)
    assert page.page_type is PageType.PAGE
    assert page.authors == ("Sam Baker",)
    assert all(s in page.body for s in _QUESTION)
    assert [r.author for r in page.responses] == ["ana_b", "crustmaker", "ovenwatch"]


def _typed(ld_type: str) -> str:
    """The plain-div article (no ``<article>``, no ``og:type``) whose byline links a profile page, with
    its JSON-LD typing the page as ``ld_type`` (wrapped in a ``@graph`` beside the site, as Yoast does)."""
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Baking Daily"},
        {"@type": ld_type, "headline": "Dense bread", "datePublished": "2024-02-28",
         "author": {"@type": "Person", "name": "Jane Morrow"}}]})
    byline = ("<p class='byline'>By <a href='/profile/jane-morrow'>Jane Morrow</a> "
              "<time datetime='2024-02-28'>Feb 28</time></p>")
    page = _apart(byline)
    assert "<article" not in page and "og:type" not in page
    return page.replace("<html><head>", f"<html><head><script type='application/ld+json'>{ld}</script>")


@pytest.mark.parametrize("ld_type", ["NewsArticle", "BlogPosting", "Report"])
def test_an_article_typed_so_in_its_json_ld_is_no_thread(ld_type: str) -> None:
    """The page's structured data types it as an article: the post-shaped branch with a profile-linked
    byline above the posts is its body, and the posts are its comments."""
    page = cleanpage.clean(_typed(ld_type))
    assert page.page_type is PageType.PAGE
    assert page.authors == ("Jane Morrow",)
    assert all(s in page.body for s in _QUESTION)
    assert [r.author for r in page.responses] == ["ana_b", "crustmaker", "ovenwatch"]


@pytest.mark.parametrize("ld_type", ["DiscussionForumPosting", "QAPage", "WebPage"])
def test_a_discussion_or_a_generic_page_type_leaves_the_thread(ld_type: str) -> None:
    """A forum post or a Q&A page is a thread's own type, and a generic ``WebPage`` (every page of a
    CMS) says nothing: the branch standing apart still opens the thread."""
    page = cleanpage.clean(_typed(ld_type))
    assert page.page_type is PageType.THREAD
    assert page.authors == ("Jane Morrow",)
    assert [r.author for r in page.responses] == ["ana_b", "crustmaker", "ovenwatch"]


def test_an_answers_comment_list_of_two_leaves_the_answers_threaded() -> None:
    """Two comments or more under an answer are a section the cues read on their own: they stay the
    answer's replies, and the answers stay responses (they went into the body, the last one lost)."""
    comment = ("<li class='comment-item'><span class='comment-copy'>{text}</span> – <a href='/members/{name}.0/'>"
               "{name}</a> <time datetime='2024-03-0{n}T08:02:00'>Mar {n}, 2024</time></li>")
    comments = "".join(comment.format(text=text, name=name, n=n) for n, (name, text) in enumerate([
        ("sourdough_sam", "Twenty minutes less did it: the crumb is open now and the crust stays crisp."),
        ("ana_b", "Same here, a cooler proof overnight in the fridge gave me the best loaf so far."),
    ], start=5))
    head = "<a href='/users/41/sourdough_sam'>sourdough_sam</a> <time datetime='2024-02-28'>Feb 28</time>"
    page = cleanpage.clean(_apart(head).replace(
        f"{_TEXTS[1]}</p></div>", f"{_TEXTS[1]}</p></div><ul class='comment-list'>{comments}</ul>"))
    assert page.page_type is PageType.THREAD
    assert all(s in page.body for s in _QUESTION) and not any(t in page.body for t in _TEXTS)
    assert [(r.author, r.parent) for r in page.responses] == [
        ("ana_b", None), ("crustmaker", None), ("sourdough_sam", 1), ("ana_b", 1), ("ovenwatch", None)]


def test_a_reader_s_own_closing_dash_stays_when_the_name_is_in_a_header() -> None:
    """Only the dash that leads to a signature under the words leaves them; a post signed in its
    header above keeps its words as written."""
    page = cleanpage.clean(_thread().replace(f"{_TEXTS[1]}</p>", f"{_TEXTS[1]} And then –</p>"))
    assert [r.text for r in page.responses if r.author == "crustmaker"] == [f"{_TEXTS[1]} And then –"]


_PANEL_POST = """<div class="blockpost"><h2><a href="viewtopic.php?pid={n}#p{n}">2024-03-0{n} 10:1{n}:00</a></h2>
<div class="postleft"><dl><dt><strong>{name}</strong></dt><dd class="usertitle"><strong>Member</strong></dd>
<dd><span>Registered: 2019-0{n}-11</span></dd><dd><span>Posts: 4{n}</span></dd></dl></div>
<div class="postright"><div class="postmsg"><p>{text}</p></div></div></div>"""


def _panel_thread(stats: bool = True) -> str:
    posts = "".join(
        _PANEL_POST.format(name=name, n=n + 1, text=text)
        for n, (name, text) in enumerate(zip(["ana_b", "Crust Maker", "ovenwatch"], _TEXTS))
    )
    if not stats:
        posts = posts.replace("Registered:", "Favourite loaf:").replace("Posts:", "Ovens:")
    return (
        "<html><head><title>Dense bread - Baking forum</title></head><body><h1>Dense bread</h1>"
        f"<div id='posts'>{posts}</div></body></html>"
    )


def test_a_poster_panel_without_profile_links_names_each_post_s_poster() -> None:
    page = cleanpage.clean(_panel_thread())
    assert page.page_type is PageType.THREAD
    assert page.authors == ("ana_b",)
    assert page.paragraphs == (_TEXTS[0],)
    assert [(r.author, r.text) for r in page.responses] == [("Crust Maker", _TEXTS[1]), ("ovenwatch", _TEXTS[2])]
    # the post's date from its permalink, never the poster's join date in the panel
    assert [r.published.isoformat() if r.published else None for r in page.responses] == [
        "2024-03-02T10:12:00", "2024-03-03T10:13:00"
    ]
    assert "Registered" not in page.body and "Posts:" not in page.body


def test_a_definition_list_without_member_lines_names_no_poster() -> None:
    page = cleanpage.clean(_panel_thread(stats=False))
    assert page.page_type is PageType.PAGE
    assert page.responses == ()



_QA_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "qa-answers-section" / "input.html"


def test_a_question_apart_above_the_answers_the_cues_read_opens_a_thread() -> None:
    page = cleanpage.clean(_QA_PAGE.read_bytes())
    assert page.page_type is PageType.THREAD
    assert page.authors == ("fennel",)  # who asked, not who commented on the question first
    assert [r.author for r in page.responses if r.parent is None] == ["griddle_gran", "fennel", "griddle_gran", "onion_jam"]


def test_an_article_above_the_list_the_cues_read_is_no_thread() -> None:
    html = _QA_PAGE.read_text(encoding="utf-8").replace('content="website"', 'content="article"')
    page = cleanpage.clean(html)
    assert page.page_type is PageType.PAGE
    assert len(page.responses) == 5


_BIOS = [
    "Jane Smith leads the newsroom's data team and has covered local government since 2012, with a focus on budgets.",
    "Omar Haddad edits the weekend magazine and writes about food, farming and the people who keep the markets running.",
    "Lena Fischer is our transport correspondent; before joining she spent eight years as an engineer on the railway.",
    "Tom Okafor covers schools and universities and hosts the weekly education podcast, which he started in his first year.",
]


@pytest.mark.parametrize("stat", ["Joined: March 201{n}", "Member since 201{n}"])
def test_a_staff_directory_with_join_dates_is_no_thread(stat: str) -> None:
    """A member's panel names a poster, but when they joined is no post's date: a page of people
    (a staff directory, a club's board) whose only year is a join date has no posts (review12)."""
    people = "".join(
        f"<div class='person'><dl><dt>{' '.join(bio.split()[:2])}</dt><dd>{stat.format(n=n)}</dd></dl><p>{bio}</p></div>"
        for n, bio in enumerate(_BIOS)
    )
    page = cleanpage.clean(f"<html><head><title>Our team</title></head><body><main><h1>Meet the team</h1>{people}</main></body></html>")
    assert page.page_type is PageType.PAGE
    assert page.responses == ()
    assert all(bio in page.paragraphs for bio in _BIOS)


_STORY = [
    "The city council voted on Tuesday to approve a new budget for the public library system, ending months of debate.",
    "Under the plan, branches in the northern districts will open on Sundays for the first time since 2009, it said.",
    "Librarians had warned that staff shortages left several branches closed for days at a time this winter.",
]
_READERS = [("Ann", "Sunday opening is long overdue, well done to the staff at Northside."),
            ("Bob", "What about the roads? They have not been fixed in years."),
            ("Cleo", "My kids love the reading club, I hope there are more events now.")]


@pytest.mark.parametrize("heading", ["<h3>3 Comments</h3>", "<h3>Kommentare</h3>"])
def test_a_story_signed_by_a_profile_link_above_its_comments_is_no_thread(heading: str) -> None:
    """A news story or blog post whose byline links to the writer's profile ("/people/jane-doe") and
    whose page does not say og:type article is post-shaped above the comment list, as a question is
    above its answers; but a list that calls itself comments is an article's, not answers (review12)."""
    comments = "".join(
        f"<li class='comment'><div class='comment-author'><b class='fn'>{name}</b></div><time datetime='2026-03-0{n + 2}'>"
        f"March {n + 2}, 2026</time><div class='comment-content'><p>{text}</p></div></li>"
        for n, (name, text) in enumerate(_READERS))
    page = cleanpage.clean(
        "<html><head><title>Library budget approved</title></head><body><main><div class='story'><h1>Library budget approved</h1>"
        "<div class='byline'>By <a href='/people/jane-doe'>Jane Doe</a> <span class='date'>March 1, 2026</span></div>"
        + "".join(f"<p>{p}</p>" for p in _STORY)
        + f"</div><div id='comments' class='comments-area'>{heading}<ol class='comment-list'>{comments}</ol></div></main></body></html>")
    assert page.page_type is PageType.PAGE
    assert page.paragraphs == tuple(_STORY) and len(page.responses) == 3


_ASKED = """<html><head><title>Why is my starter grey? - Baking Q&amp;A</title></head><body>
<h1>Why is my starter grey?</h1>
<div id="mainbar"><div class="question"><div class="postcell">
<div class="prose"><p>My rye starter has turned grey on top and smells sharp two days after every feed.</p>
<p>Should I throw it away and start again, or can it be saved with a few feeds?</p>
<p>The same thing was asked by <a href="/users/9/crumb">crumb</a> in an earlier thread about starters that sit too long.</p></div>
<div class="post-footer"><div class="menu"><a href="/q/5">Share</a> <a href="/posts/5/edit">Improve this question</a></div>
<div class="post-signature"><div class="action">asked <span class="relativetime">2024-03-02</span></div>
<a href="/users/7/rye_ann">rye_ann</a> <span class="reputation-score">1,204</span></div></div>
</div></div>
<div id="answers"><h2>2 Answers</h2>{answers}</div></div></body></html>"""

_ANSWER = """<div class="answer"><div class="prose"><p>{text}</p></div>
<div class="post-signature"><div class="action">answered <span class="relativetime">{date}</span></div>
<a href="/users/{n}/{name}">{name}</a> <span class="reputation-score">88</span></div></div>"""


def _asked() -> str:
    answers = "".join(
        _ANSWER.format(text=text, date=f"2024-03-0{n + 3}", n=n + 10, name=name)
        for n, (name, text) in enumerate(zip(["crustmaker", "ovenwatch"], _TEXTS[1:]))
    )
    return _ASKED.replace("{answers}", answers)


def test_the_signature_of_a_question_standing_apart_is_its_chrome() -> None:
    page = cleanpage.clean(_asked())
    assert page.page_type is PageType.THREAD
    assert page.authors == ("rye_ann",)
    assert len(page.paragraphs) == 3 and "1,204" not in page.body and "asked 2024" not in page.body
    signature = [r for r in page.removed if r.reason == "comment-chrome" and r.score is None]
    chrome = " | ".join(r.text for r in signature)
    assert "asked 2024-03-02" in chrome and "rye_ann 1,204" in chrome and "Improve this question" in chrome


def test_a_member_named_inside_the_question_prose_is_no_signature() -> None:
    from cleanpage.pipeline.html.threads import signatures

    root = lxml_html.fromstring(_asked())
    question = root.find(".//div[@class='question']")
    marked = signatures(question, set(), load_rules().comments)
    texts = [" ".join(el.text_content().split()) for el in marked]
    assert len(texts) == 1
    assert "rye_ann" in texts[0] and "1,204" in texts[0] and "crumb" not in texts[0]
    assert signatures(None, set(), load_rules().comments) == ()


def test_an_undated_name_block_is_no_signature() -> None:
    from cleanpage.pipeline.html.threads import signatures

    root = lxml_html.fromstring(_asked().replace("2024-03-02", "yesterday").replace('class="relativetime"', ""))
    question = root.find(".//div[@class='question']")
    assert signatures(question, set(), load_rules().comments) == ()


def test_a_hidden_copy_of_the_opening_post_is_no_article_above_the_posts() -> None:
    copy = f"<div class='hidden'><p>{_TEXTS[0]}</p><p>{_TEXTS[0]}</p><p>{_TEXTS[0]}</p></div>"
    page = cleanpage.clean(_thread(copy))
    assert page.page_type is PageType.THREAD
    assert page.paragraphs == (_TEXTS[0],)
    assert [r.author for r in page.responses] == ["crustmaker", "ovenwatch"]


def test_a_hidden_article_of_its_own_still_counts_as_prose_above_the_posts() -> None:
    own = ("Bakers have argued for years about how long a loaf should proof before it goes into a hot oven. "
           "We baked forty loaves over two weeks, changing only the final proof, and weighed every one.")
    more = ("The loaves proofed for an hour rose highest; those left overnight spread and baked dense and flat, "
            "and the tasters in the shop could tell the two apart every time.")
    page = cleanpage.clean(_thread(f"<div class='hidden'><p>{own}</p><p>{more}</p></div>"))
    assert page.page_type is PageType.PAGE


_SUMMARY = "".join(
    f"<p>{s}</p>"
    for s in [
        "The discussion is about dense bread. Participants explore proofing times, oven temperatures and flour.",
        "One participant recommends a shorter final proof; another suggests checking the oven with a thermometer.",
        "Participants agree that an overnight proof often leaves the dough without strength by baking time.",
    ]
)


def test_a_closed_summary_box_above_the_posts_is_no_article() -> None:
    """A thread's generated summary (or a TL;DR, a collapsed notice) folded in a closed ``<details>``
    above the posts is a click away: the posts still open the thread."""
    box = f"<details><summary>Click for summary</summary><div>{_SUMMARY}</div></details>"
    page = cleanpage.clean(_thread(box))
    assert page.page_type is PageType.THREAD
    assert page.paragraphs == (_TEXTS[0],)
    assert [r.author for r in page.responses] == ["crustmaker", "ovenwatch"]
    assert "Participants" not in page.body


def test_an_open_details_box_above_the_posts_is_still_an_article() -> None:
    """Shown open, the box's prose is the page's own, read as an article above its discussion."""
    page = cleanpage.clean(_thread(f"<details open><summary>Overview</summary><div>{_SUMMARY}</div></details>"))
    assert page.page_type is PageType.PAGE


def test_prose_after_posts_in_a_form_is_not_read_as_prose_before_them() -> None:
    posts = "".join(
        _POST.format(name=name, n=n, date=f"March {n + 1}, 2024 10:0{n}", text=text)
        for n, (name, text) in enumerate(zip(["ana_b", "crustmaker", "ovenwatch"], _TEXTS))
    )
    blurbs = "".join(
        f"<p>{s}</p>"
        for s in [
            "Free baking sessions every month where our volunteers walk you through mixing, shaping and proofing.",
            "Meet other bakers near you: swap starters and flours, share an oven, and visit each other's kitchens.",
            "Borrow heritage grain from the members' library and return twice as much at the end of the year.",
        ]
    )
    page = cleanpage.clean(
        "<html><head><title>Dense bread - Baking forum</title></head><body><main><h1>Dense bread</h1>"
        f"<form action='/moderate' method='post'>{posts}</form></main><div class='cards'>{blurbs}</div></body></html>"
    )
    assert page.page_type is PageType.THREAD
    assert page.paragraphs == (_TEXTS[0],)
    assert [r.author for r in page.responses] == ["crustmaker", "ovenwatch"]


@pytest.mark.parametrize("question", [
    # the question's code beside its signature in one wrapper
    ("<div class='question'><div class='prose'><p>My rye starter has turned grey on top and smells sharp after every"
    " feed. What now?</p><div class='w'><pre>day 1: 100g rye\nday 2: grey</pre>{sig}</div></div></div>"),
    # a one-line question and its code, with the signature, in one wrapper: no prose anywhere
    ("<div class='question'><div class='inner'><p>Grey starter after feeding: safe to use?</p>"
    "<pre>rye 100g\nwater 100g</pre>{sig}</div></div>"),
])
def test_a_signature_never_takes_the_question_s_own_text_or_code(question: str) -> None:
    from cleanpage.pipeline.html.threads import signatures

    sig = ("<div class='post-signature'><div class='action'>asked <span class='relativetime'>2024-03-02</span></div> "
           "<a href='/users/7/rye_ann'>rye_ann</a> <span class='reputation-score'>1,204</span></div>")
    root = lxml_html.fromstring(f"<html><body>{question.format(sig=sig)}</body></html>")
    marked = signatures(root.find(".//div[@class='question']"), set(), load_rules().comments)
    texts = [" ".join(el.text_content().split()) for el in marked]
    assert texts == ["asked 2024-03-02 rye_ann 1,204"]


def test_class_values_naming_someone_are_counted_once_the_page_holds_an_author_word() -> None:
    """The cheap count before the thread search: the page's class words are asked about all at once,
    then each class value that holds an author word counts as often as it occurs."""
    from cleanpage.pipeline.html.threads import _named_by_words

    cues = load_rules().comments
    assert _named_by_words(["post-body", "nav  main", "post-body", ""], True, cues) == 0
    assert _named_by_words(["post author", "post-body", "post author", "Comment-Author x"], True, cues) == 3
    assert _named_by_words(["author", "main"], False, cues) == 1
