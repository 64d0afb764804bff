"""A thread whose whole list of posts the class-word cues read as one comment section: its opening post is
the body, the rest are its replies (the shape search leaves the cues' sections alone, so the opening post
used to be read as the first reply and the page was no thread)."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

import cleanpage
from cleanpage import PageType
from cleanpage.pipeline.html.comment_header import CommentDates
from cleanpage.pipeline.html.comment_items import read_comment
from cleanpage.pipeline.html.threads import SectionRead, take_posts
from cleanpage.rules import load_rules

_POST = """<li class="entry"><div class="entry-head"><a href="/members/{name}.{n}/">{name}</a>
<span class="when">March {day}, 2024 10:0{n}</span></div><div class="entry-body"><p>{text}</p></div></li>"""

_TEXTS = [
    "What do you look at first when you choose a web host for a small shop? Is the servers' location important?",
    "Phone support that answers at night, and a clear price for the second year, not only for the first one.",
    "Uptime over the last year, then how fast the support answers a ticket about a broken mail server.",
]


def _page(heading: str = "") -> etree._Element:
    posts = "".join(
        _POST.format(name=name, n=n, day=n + 1, text=text)
        for n, (name, text) in enumerate(zip(["hostfan", "ali_1", "fullart"], _TEXTS))
    )
    return lxml_html.document_fromstring(
        "<html><head><title>Choosing a host - Hosting forum</title></head><body><h1>Choosing a host</h1>"
        f"<div class='postlist'>{heading}<ol class='posts'>{posts}</ol></div></body></html>"
    )


def _cues_read_the_list(root: etree._Element) -> tuple[list[SectionRead], CommentDates]:
    """The list as the cues read it: one section, every post an item, each read as a comment."""
    rules = load_rules()
    dates = CommentDates(None, "en", rules.cues)
    section = next(root.iter("ol"))
    items = set(section.iter("li"))
    read = [(el, r) for el in section.iter("li") if (r := read_comment(el, items, rules, dates)) is not None]
    assert len(read) == len(_TEXTS)
    return [(section, items, read)], dates


def test_a_list_of_posts_the_cues_read_whole_is_a_thread_opened_by_its_first_post() -> None:
    root = _page()
    read_of, dates = _cues_read_the_list(root)
    kept, (opening, opener, thread), posts, _chrome = take_posts(root, load_rules(), dates, read_of)
    assert thread and opening == (_TEXTS[0],) and opener == "hostfan"
    assert len(posts) == len(_TEXTS)
    assert [r.text for _section, _items, read in kept for _el, r in read] == _TEXTS[1:]


def test_a_list_headed_comments_stays_comments() -> None:
    """A story's comments under a photo, headed "3 Comments", are no thread even with no article text."""
    root = _page("<h2>3 Comments</h2>")
    read_of, dates = _cues_read_the_list(root)
    kept, (opening, _opener, thread), posts, _chrome = take_posts(root, load_rules(), dates, read_of)
    assert not thread and opening == () and posts == ()
    assert [r.text for _section, _items, read in kept for _el, r in read] == _TEXTS


def test_a_short_post_above_the_list_keeps_the_list_its_replies() -> None:
    """Any prose above the list (a short question, wrapped in whatever form) is what the list answers."""
    root = _page("<form class='usertext'><div class='md'><p>Which host do you use for a small shop, and why?</p></div></form>")
    read_of, dates = _cues_read_the_list(root)
    kept, (opening, _opener, _thread), _posts, _chrome = take_posts(root, load_rules(), dates, read_of)
    assert opening == ()
    assert [r.text for _section, _items, read in kept for _el, r in read] == _TEXTS


def _wp_comment(n: int, name: str, text: str) -> str:
    return (f"<li class='comment even depth-1' id='comment-{n}'><article class='comment-body'><footer class='comment-meta'>"
            f"<div class='comment-author vcard'><b class='fn'><a href='/author/{name}/'>{name}</a></b> "
            f"<span class='says'>says:</span></div><div class='comment-metadata'><a href='#comment-{n}'>"
            f"<time datetime='2024-03-0{n}T10:00'>March {n}, 2024 at 10:00 am</time></a></div></footer>"
            f"<div class='comment-content'><p>{text}</p></div></article></li>")


_REPLIES = [
    "What a lovely photo of the harbour, I walked there last weekend with my kids and the light was just like this.",
    "The old crane in the back was taken down last year, so this must be an older picture from the archive.",
    "Could you share which camera and lens you used? The colours of the water look very natural to me.",
]


@pytest.mark.parametrize("post", [
    "<figure><img src='harbour.jpg' alt=''><figcaption>Dawn.</figcaption></figure>",  # a photo post
    "<ul><li>Sunrise 6:12</li><li>Tide low</li><li>Wind calm</li></ul>",  # a post that is a list, no prose
])
def test_a_blog_post_s_comment_list_named_so_stays_its_comments(post: str) -> None:
    """A blog post with no prose of its own (a photo, a list) above "ol.comment-list" in "div#comments",
    no heading over the list: its readers' comments, not a thread opened by the first of them."""
    comments = "".join(_wp_comment(n + 1, name, text) for n, (name, text) in enumerate(zip(["ann", "bob", "cat"], _REPLIES)))
    page = cleanpage.clean(
        "<html><head><title>Harbour at dawn – My blog</title></head><body><header><a href='/'>My blog</a></header>"
        f"<main><h1>Harbour at dawn</h1>{post}<div id='comments' class='comments-area'><ol class='comment-list'>"
        f"{comments}</ol><div id='respond'><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>"
        "</main></body></html>")
    assert page.page_type is not PageType.THREAD
    assert [(r.author, r.text) for r in page.responses] == list(zip(["ann", "bob", "cat"], _REPLIES))
    assert not any(text in page.body for text in _REPLIES)
