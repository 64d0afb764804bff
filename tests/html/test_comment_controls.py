"""A comment's page controls are never its author: Drupal writes "Log in to post comments" (a link to
``/user/login?destination=…``, an address with a profile word in it) under every comment; the name in
the comment's header signs it, and a comment whose header names no one has no author."""

from __future__ import annotations

import pytest

import cleanpage
from cleanpage import PageType

_NAMES = ["marta_k", "Pete Holloway", "gardenfox"]
_TEXTS = [
    "I tried this recipe last weekend and the sauce came out far too thin; I had to reduce it for twenty minutes.",
    "Thanks for the write-up. The tip about toasting the spices first made a real difference in our kitchen.",
    "Has anyone made this with chicken thighs instead of breasts? I wonder whether the cooking time changes.",
]
_ARTICLE = [
    "This braise is our family's standard for cold evenings: a slow cook of beef shin in red wine with whole spices.",
    "Brown the meat well in batches, then soften the onions in the same pan before adding the wine and the stock.",
    "Leave it in a low oven for three hours, until the meat falls apart at the touch of a spoon, and season at the end.",
]
_LOGIN = "<a href='/user/login?destination=node/1%23comment-form'>Log in</a>"
_REGISTER = "<a href='/user/register?destination=node/1%23comment-form'>register</a>"
_LINKS = f"<div class='links'><ul class='links'><li>{_LOGIN} to post comments</li></ul></div>"

#: Drupal 7 (Bartik): an anonymous name in ``span.username``, the links list inside the content;
#: Drupal 6: a member's name linked to ``/user/N`` in "Submitted by …", the links list after the content
_SHAPES = {
    "username": ("<div class='comment clearfix'><div class='attribution'><div class='submitted'><p class='commenter-name'>"
                 "<span class='username' title='Not verified'>{name}</span></p><p class='comment-time'>{time}</p></div></div>"
                 "<div class='content'><p>{text}</p><ul class='links inline'><li class='comment_forbidden first last'><span>"
                 f"{_LOGIN} or {_REGISTER} to post comments</span></li></ul></div></div>"),
    "submitted-by": ("<div class='comment'><span class='submitted'>Submitted by <a href='/user/1{n}' title='View user profile.'>"
                     "{name}</a> on {time}</span><div class='content'><p>{text}</p></div>" f"{_LINKS}</div>"),
}


def _page(comment: str) -> str:
    comments = "".join(comment.format(n=n, name=name, text=text, time=f"Tue, 03/0{n + 1}/2015 - 10:1{n}")
                       for n, (name, text) in enumerate(zip(_NAMES, _TEXTS)))
    article = "".join(f"<p>{p}</p>" for p in _ARTICLE)
    return ("<html><head><title>Winter braise | Kitchen notes</title></head><body><div id='main'>"
            f"<h1 class='title'>Winter braise</h1><div class='node node-article'><div class='content'>{article}</div></div>"
            f"<div id='comments' class='comment-wrapper'><h2 class='title'>Comments</h2>{comments}</div></div></body></html>")


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_the_login_link_under_each_comment_is_no_author(shape: str) -> None:
    page = cleanpage.clean(_page(_SHAPES[shape]))
    assert page.page_type is PageType.PAGE
    assert [(r.author, r.text) for r in page.responses] == list(zip(_NAMES, _TEXTS))
    assert all(p in page.body for p in _ARTICLE)


def test_a_comment_that_names_no_one_has_no_author_not_its_login_link() -> None:
    """Only a date in the header, "Log in to post comments" after the words: the login link is the
    one link with a profile word in its address, and still names no one."""
    comment = f"<div class='comment'><span class='date'>{{time}}</span><div class='content'><p>{{text}}</p></div>{_LINKS}</div>"
    page = cleanpage.clean(_page(comment))
    assert [(r.author, r.text) for r in page.responses] == [(None, t) for t in _TEXTS]


def test_a_bracketed_control_in_a_comment_s_sentence_stays_words() -> None:
    """"[ Reply ]" on a line of its own is the control; "(Report)" inside a sentence is the reader's."""
    said = "Read the (Report) before you vote, {name}: it says the opposite of the headline on every count."
    comment = ("<div class='comment'><span class='submitted'>Submitted by <a href='/user/1{n}'>{name}</a> on {time}</span>"
               f"<div class='content'><p>{{text}}</p><p>{said}</p><p>[ Reply ]</p></div></div>")
    page = cleanpage.clean(_page(comment))
    expected = [(n, f"{t}\n\n{said.format(name=n)}") for n, t in zip(_NAMES, _TEXTS)]
    assert [(r.author, r.text) for r in page.responses] == expected
