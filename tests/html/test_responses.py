"""HTML responses: the sections find_responses finds, the count a section announces, the items it threads,
and each comment system's shape: small hand-built snippets (and :func:`cleanpage.clean` where the body
matters)."""

from __future__ import annotations

import datetime as _dt
import time

import cleanpage
from cleanpage.pipeline.html.responses import HtmlResponses, find_responses
from cleanpage.pipeline.html.tree import parse_html
from cleanpage.rules import load_rules

RULES = load_rules()


def _find(body: str, reference: _dt.datetime | None = None) -> HtmlResponses:
    return find_responses(parse_html(f"<html><body>{body}</body></html>"), RULES, reference)


def _texts(found: HtmlResponses) -> list[str]:
    return [r.text for r in found.responses]


def test_announced_count_read_from_the_section_even_when_fewer_items_are_on_the_page() -> None:
    found = _find(
        '<div id="comments"><h2>7 thoughts on “Title”</h2><ol class="comment-list">'
        '<li class="comment"><b class="fn">Ann</b><div class="comment-content"><p>Only one of seven is here.</p></div></li>'
        "</ol></div>"
    )
    assert found.announced == 7
    assert _texts(found) == ["Only one of seven is here."]


def test_announced_count_from_a_tab_above_the_list() -> None:
    found = _find(
        '<div id="disqus_thread"><ul class="nav"><li><span class="comment-count">4 comments</span></li></ul>'
        '<ul id="post-list"><li class="post"><div class="post-message"><p>Hello there.</p></div></li></ul></div>'
    )
    assert found.announced == 4


# ---- shapes ------------------------------------------------------------------------------------

WORDPRESS = """
<div id="comments" class="comments-area"><h2 class="comments-title">3 Responses</h2>
<ol class="comment-list">
 <li id="comment-1" class="comment even thread-even depth-1 parent">
  <article class="comment-body"><footer class="comment-meta">
   <div class="comment-author vcard"><img alt="Avatar" class="avatar"><b class="fn"><a href="#">Ann</a></b>
    <span class="says">says:</span></div>
   <div class="comment-metadata"><a href="#c1"><time datetime="2024-03-01T10:00:00+00:00">March 1, 2024</time></a></div>
  </footer><div class="comment-content"><p>First paragraph.</p><p>Second paragraph.</p></div>
  <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
  <ol class="children">
   <li id="comment-2" class="comment byuser comment-author-bob odd alt depth-2">
    <article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">
     <b class="fn">Bob</b> <span class="says">says:</span></div>
     <div class="comment-metadata"><time datetime="2024-03-01T11:00:00+00:00">March 1</time></div></footer>
    <div class="comment-content"><p>A reply to Ann.</p></div>
    <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article></li>
  </ol>
 </li>
 <li id="comment-3" class="comment even thread-odd depth-1">
  <article class="comment-body"><div class="comment-author vcard"><b class="fn">Cy</b></div>
  <div class="comment-content"><p>Top level again.</p></div></article></li>
</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
 <form class="comment-form"><p>Your email address will not be published.</p><textarea></textarea>
 <input type="submit" value="Post Comment"></form></div>
</div>
"""


def test_wordpress_nested_list() -> None:
    found = _find(WORDPRESS)
    assert found.announced == 3
    assert [(r.author, r.text, r.parent) for r in found.responses] == [
        ("Ann", "First paragraph.\n\nSecond paragraph.", None),
        ("Bob", "A reply to Ann.", 0),
        ("Cy", "Top level again.", None),
    ]


def test_chrome_is_not_part_of_the_text() -> None:
    for response in _find(WORDPRESS).responses:
        for chrome in ("Reply", "says:", "Avatar", "March 1", "Leave a Reply", "Post Comment"):
            assert chrome not in response.text


def test_the_comment_form_is_never_a_response() -> None:
    found = _find(
        '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
        '<h3 class="comment-reply-title">Leave a Reply</h3><form class="comment-form">'
        "<p>Your email address will not be published. Required fields are marked *</p>"
        '<label>Comment</label><textarea name="comment"></textarea></form></div></div>'
    )
    assert found.responses == ()


def test_comments_closed_gives_no_response() -> None:
    found = _find('<div id="comments" class="comments-area"><p class="no-comments">Comments are closed.</p></div>')
    assert found.responses == () and found.announced is None
    page = cleanpage.clean(
        "<html><body><article><h1>Title</h1><p>" + "The article has words. " * 20 + "</p></article>"
        '<div id="comments" class="comments-area"><p class="no-comments">Comments are closed.</p></div>'
        "</body></html>"
    )
    assert page.responses == () and "Comments are closed." not in page.body


def test_schema_org_microdata_comments() -> None:
    found = _find(
        '<section id="comments"><h2>Comments (2)</h2>'
        '<article class="comment" itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
        '<p class="submitted">Submitted by <span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">Dee</span></span> on <time itemprop="dateCreated" datetime="2024-04-09T13:02:00Z">'
        'Tue, 04/09/2024</time></p><h3><a class="permalink">Subject line</a></h3>'
        '<div itemprop="text"><p>The words of Dee.</p></div><ul class="links"><li class="comment-reply">'
        '<a href="#">Reply</a></li></ul>'
        '<div class="indented"><article class="comment" itemprop="comment" itemscope '
        'itemtype="https://schema.org/Comment"><span itemprop="author" itemscope><span itemprop="name">Eve</span>'
        '</span><time itemprop="dateCreated" datetime="2024-04-09T14:00:00Z">later</time>'
        '<div itemprop="text"><p>The words of Eve.</p></div></article></div></article></section>'
    )
    assert found.announced == 2
    assert [(r.author, r.text, r.parent) for r in found.responses] == [
        ("Dee", "The words of Dee.", None),
        ("Eve", "The words of Eve.", 0),
    ]
    assert found.responses[0].published == _dt.datetime(2024, 4, 9, 13, 2, tzinfo=_dt.timezone.utc)


def test_disqus_as_saved() -> None:
    found = _find(
        '<div id="disqus_thread"><ul id="post-list" class="post-list">'
        '<li class="post"><div class="post-content"><div class="avatar"><a class="user"><img alt="Avatar"></a></div>'
        '<header class="comment__header"><span class="post-byline"><span class="author"><a>Marta</a></span></span>'
        '<a class="time-ago" title="Sunday, March 3, 2024 10:12 AM">2 days ago</a></header>'
        '<div class="post-message"><p>We saw the same thing.</p></div>'
        '<footer class="comment__footer"><div class="voting"><span class="count">5</span></div>'
        '<span class="reply"><a>Reply</a></span><span class="comment__share"><a>Share ›</a></span></footer></div>'
        '<ul class="children"><li class="post"><div class="post-content"><header class="comment__header">'
        '<span class="post-byline"><span class="author"><a>Jonas</a></span> <span class="parent-link-container">'
        '<a class="parent-link">Marta</a></span></span></header><div class="post-message"><p>Nested reply.</p></div>'
        "</div></li></ul></li></ul></div>"
    )
    assert [(r.author, r.text, r.parent) for r in found.responses] == [
        ("Marta", "We saw the same thing.", None),
        ("Jonas", "Nested reply.", 0),
    ]


def test_blogger_comment_thread() -> None:
    found = _find(
        '<div class="comments" id="comments"><h4>2 comments:</h4><div class="comments-content">'
        '<div class="comment-thread toplevel-thread"><ol id="top-ra">'
        '<li class="comment" id="c1"><div class="avatar-image-container"><img></div><div class="comment-block">'
        '<div class="comment-header"><cite class="user"><a>Lia</a></cite><span class="datetime">'
        '<a>12 March 2024 at 10:15</a></span></div><p class="comment-content">Great post, I like your blog.</p>'
        '<span class="comment-actions"><a>Reply</a></span></div>'
        '<div class="comment-replies"><div class="comment-thread inline-thread"><ol>'
        '<li class="comment" id="c2"><div class="comment-block"><div class="comment-header"><cite class="user">'
        '<a>Author</a></cite></div><p class="comment-content">Thank you!</p></div></li></ol></div></div></li>'
        "</ol></div></div></div>"
    )
    assert _texts(found) == ["Great post, I like your blog.", "Thank you!"]
    assert found.responses[1].parent == 0
    assert found.responses[0].published == _dt.datetime(2024, 3, 12, 10, 15)


def test_drupal_comments_without_microdata() -> None:
    found = _find(
        '<section class="comment-wrapper"><h2>Comments</h2><article class="comment js-comment">'
        '<footer class="comment__meta"><p class="comment__author"><span class="username">Rob</span></p></footer>'
        '<div class="comment__content"><h3><a class="permalink">A subject</a></h3>'
        '<div class="field--name-comment-body"><p>Drupal comment text.</p></div></div></article>'
        '<article class="comment js-comment"><div class="comment__content">'
        '<div class="field--name-comment-body"><p>Another one.</p></div></div></article></section>'
    )
    assert _texts(found) == ["Drupal comment text.", "Another one."]
    assert found.responses[0].author == "Rob"


def test_discourse_crawler_posts_in_the_topic_item() -> None:
    page = cleanpage.clean(
        "<html><body><h1>Pi drops off Wi-Fi</h1>"
        '<div itemscope itemtype="http://schema.org/DiscussionForumPosting">'
        '<div id="post_1" class="topic-body crawler-post"><span itemprop="author" itemscope>'
        '<span itemprop="name">hannahp</span></span><div class="post" itemprop="articleBody">'
        "<p>" + "My Raspberry Pi drops off the network after a few hours of uptime. " * 3 + "</p></div></div>"
        '<div id="post_2" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body">'
        '<span itemprop="author" itemscope><span itemprop="name">mkessler</span></span>'
        '<time itemprop="datePublished" datetime="2024-03-01T15:05:41Z">March 1</time>'
        '<span itemprop="position">2</span><div class="post" itemprop="text"><p>Turn off power saving.</p></div>'
        "<span class='post-likes'>4 Likes</span></div></div></body></html>"
    )
    assert [(r.author, r.text) for r in page.responses] == [("mkessler", "Turn off power saving.")]
    assert "My Raspberry Pi drops off" in page.body  # the topic is the article, not a comment section


def test_generic_section_found_by_stem_in_any_language() -> None:
    found = _find(
        '<div class="kommentarModul"><div class="commentConWrap">'
        '<div class="commentsCon" id="6963"><div class="leftCon"><p class="commentName">Dominik</p>'
        '<p class="commentText">Du bist der Beste!</p></div></div>'
        '<div class="commentsCon" id="6962"><div class="leftCon"><p class="commentText">Super Idee.</p></div></div>'
        "</div></div>"
    )
    assert _texts(found) == ["Du bist der Beste!", "Super Idee."]


def test_heading_that_heads_one_comment() -> None:
    found = _find(
        '<div><h3>#1 Kommentar von Naru-chan</h3> 26. März 2004, 16:19 <p>Danke für dieses Kapitel</p></div>'
    )
    assert [(r.author, r.text) for r in found.responses] == [("Naru-chan", "Danke für dieses Kapitel")]


def test_a_theme_class_on_the_article_wrapper_is_no_comment_section() -> None:
    page = cleanpage.clean(
        '<html><body><div class="post category-kommentar"><h1>Meinung</h1><p>'
        + "Ein Kommentar ist eine Textsorte der Zeitung, und dieser hier ist lang genug. " * 4
        + '</p><section class="comments-area"><ol class="comment-list"><li class="comment"><b class="fn">Leo</b>'
        '<div class="comment-content"><p>Leserstimme hier.</p></div></li></ol></section></div></body></html>'
    )
    assert [r.text for r in page.responses] == ["Leserstimme hier."]
    assert "Textsorte" in page.body and "Leserstimme" not in page.body


def test_a_lone_short_notice_is_no_response() -> None:
    for notice in ("Derzeit noch keine Kommentare", "Sorry, no comments were found for this news.", "0 Kommentare"):
        found = _find(f'<div class="comments"><div class="comment-notice"><p>{notice}</p></div></div>')
        assert found.responses == (), notice


def test_a_post_container_with_a_comment_word_in_its_classes_keeps_its_article() -> None:
    page = cleanpage.clean(
        '<html><body><h1>Sesiona el Parlamento</h1><section class="post type-post tag-estallido-comentarios">'
        + "".join(f"<p>Paragraph {i} of the article tells the reader what happened in the session today.</p>" for i in range(30))
        + '<section id="comments"><ol class="commentlist"><li class="comment"><b class="fn">Ana</b>'
        '<div class="commenttext"><p>Un comentario de una lectora.</p></div></li>'
        '<li class="comment"><b class="fn">Luis</b><div class="commenttext"><p>Otro comentario.</p></div></li>'
        "</ol></section></section></body></html>"
    )
    assert [r.author for r in page.responses] == ["Ana", "Luis"]
    assert "Paragraph 3 of the article" in page.body


def test_recent_comments_widget_is_not_a_thread() -> None:
    found = _find(
        '<aside class="widget widget_recent_comments"><h2>Recent Comments</h2><ul id="recentcomments">'
        '<li class="recentcomments"><span class="comment-author-link">Lena</span> on <a href="#">A post</a></li>'
        "</ul></aside>"
    )
    assert found.responses == ()


def test_huge_thread_is_read_in_bounded_time() -> None:
    items = "".join(
        f'<li class="comment"><div class="comment-meta">{i % 28 + 1}. März 2019 um 11:{i % 60:02d} Uhr</div>'
        f'<div class="comment-content"><p>Comment number {i}.</p></div></li>'
        for i in range(3000)
    )
    started = time.perf_counter()
    found = _find(f'<ol class="comment-list">{items}</ol>')
    assert time.perf_counter() - started < 20
    assert 1000 <= len(found.responses) <= 3000


def test_the_id_prefilter_never_hides_a_comment_word() -> None:
    from lxml import etree

    from cleanpage.pipeline.html.responses import _Kinds

    rules = load_rules()
    cues = rules.comments
    words = [*cues.section_tokens, *cues.comment_tokens, *(f"my-{stem}-box" for stem in cues.comment_stems),
             "comment-123", "depth-2", "c42", "dsq-comment-abc", "main", "post-123", "header"]
    kinds = _Kinds(rules)
    for word in words:
        el = etree.Element("div", id=word)
        assert kinds.element(el) == kinds.strength((word,)), word
        el = etree.Element("div", {"data-role": word})
        expected = 2 if kinds.strength((word,)) else 0
        assert kinds.element(el) == expected, word


def test_a_short_post_above_its_no_responses_heading_is_not_a_comment() -> None:
    # an old blog theme: the post, its "No Response so far" heading and the form share one container
    html = (
        '<div id="header"><h1>My little blog</h1></div>'
        '<div id="content"><div class="post"><h2>Number two: Leo</h2>'
        "<p>It has been a while since we brought our second cat home from the shelter last summer.</p>"
        "<p>He was shy at first, but now he sleeps on the sofa all day and purrs when we come in.</p></div>"
        '<h2 id="comments">No Response so far »</h2>'
        '<form id="commentform"><label>Name (required)</label><textarea></textarea></form></div>'
    )
    found = _find(html)
    assert found.responses == ()
    page = cleanpage.clean(f"<html><body>{html}</body></html>")
    assert "brought our second cat home" in page.body
    assert "sleeps on the sofa" in page.body
