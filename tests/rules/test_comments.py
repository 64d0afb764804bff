"""``comments.toml``: count headings, chrome, class/id cues and word lists of reader responses
(``cleanpage.rules.comments``)."""

from __future__ import annotations

import re

import pytest

from cleanpage.pipeline.html.comment_header import is_member_stat
from cleanpage.pipeline.quotes import board_attribution
from cleanpage.rules import CommentCues, RulesError, parse_rules

from ._shared import AG_OK, BP_OK, CUES, RULES, html_element, ids

HEADING_EXAMPLES = list(RULES.comments.heading_examples)


@pytest.mark.parametrize(("text", "n"), HEADING_EXAMPLES, ids=ids([t for t, _ in HEADING_EXAMPLES]))
def test_every_heading_example_announces_its_count(text: str, n: int) -> None:
    assert RULES.comments.announced(text) == n


@pytest.mark.parametrize("text", RULES.comments.heading_counter_examples)
def test_heading_counter_examples_announce_nothing(text: str) -> None:
    assert RULES.comments.announced(text) is None


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # en
        ("3 Responses", 3), ("One thought on “Russian FM: US, NATO Directly Involved in Ukraine Conflict”", 1),
        ("2 thoughts on “X”", 2), ("Comments (4)", 4), ("4 Comments", 4), ("No Comments", 0),
        # de
        ("12 Kommentare", 12), ("Ein Kommentar", 1), ("Keine Kommentare", 0), ("Kommentare (7)", 7),
        ("3 Kommentare zu „Titel“", 3),
        # fr
        ("3 commentaires", 3), ("Un commentaire", 1), ("Deux réponses", 2), ("Aucun commentaire", 0),
        # es
        ("5 comentarios", 5), ("Un comentario", 1), ("Comentarios (3)", 3), ("Sin comentarios", 0),
        # it
        ("3 risposte", 3), ("Un commento", 1), ("Nessun commento", 0), ("Tre commenti", 3),
        # pt
        ("2 comentários", 2), ("Um comentário", 1),
        # nl
        ("7 reacties", 7), ("Eén reactie", 1), ("Geen reacties", 0),
        # pl, ru
        ("5 komentarzy", 5), ("Комментарии (5)", 5), ("Нет комментариев", 0),
        # decoration and spacing
        ("  3   Responses:  ", 3), ("35 Comments »", 35), ("1,234 Comments", 1234),
        # the headings of the fixture pages' threads
        ("One thought on “Why I switched back”", 1), ("2 Kommentare zu „Fernwärme wird ab April teurer“", 2),
        ("Une réponse", 1), ("5 комментариев", 5),
    ],
)
def test_announced_counts_in_many_languages(text: str, n: int) -> None:
    assert RULES.comments.announced(text) == n


@pytest.mark.parametrize(
    "text",
    [
        "Comments", "Kommentare", "Leave a Reply", "Three men were arrested.", "",
        "He made two comments on Tuesday.", "Einen Kommentar hinterlassen",
        "3 Responses " + "x" * 400,
        "He made 3 comments on the bill and 2 thoughts on the budget, none of them kind to the government.",
    ],
)
def test_announced_is_none_for_other_text(text: str) -> None:
    assert RULES.comments.announced(text) is None


def test_section_headings_with_and_without_count() -> None:
    cues = RULES.comments
    assert isinstance(cues, CommentCues)
    for text in ("Comments", "Kommentare", "Commentaires", "Comentarios", "Commenti", "Reacties", "Discussion",
                 "Reader comments", "Leserkommentare", "Responses", "3 Responses"):
        assert cues.is_section_heading(text), text
    assert not cues.is_section_heading("Russia’s foreign minister on Thursday")


@pytest.mark.parametrize(
    "text",
    ["Reply", "Antworten", "Répondre", "Responder", "Rispondi", "Like", "Report", "Melden", "says:", "sagt:",
     "dit :", "dice:", "Log in to Reply", "Permalink", "Edit", "Quote", "Upvote", "Downvote", "Loading...",
     "12 Likes", "Like (3)", "+5", "Reply ↓",
     # a forum post's number and link, its edit note, the poster's panel and menu
     "#1 | Link", "Last edited by jane on Sun Feb 22, 2026 2:08 am, edited 3 times in total.",
     "Last edited by jane (2024-08-03 11:02:20)", "Edited June 19, 2024 by jane", "Edited by jane (see edit history)",
     "Last edited:", "Last edited: Jul 5, 2024", "Zuletzt bearbeitet von Hans am 3. Mai 2024", "Join Date: Mar 2016",
     "Joined: Mon Jul 24, 2017 9:28 am", "Registered: 2012-09-03", "Posts: 1,981", "Messages: 12", "Offline",
     "Registered User", "Senior Member", "View Public Profile", "Find More Posts by jane",
     # a board's controls in brackets
     "[ zitieren ]", "[Quote]", "(Report)", "[ Reply ]"],
)
def test_comment_chrome(text: str) -> None:
    assert RULES.comments.is_chrome(text)


@pytest.mark.parametrize(
    "text",
    ["Edited the video and sent it to my friend.", "Edited by my friend, the text became much better.",
     "Registered for the course.", "Joined the club in 2019 and loved it", "Posts: the ones I liked best were yours"],
)
def test_sentences_about_editing_and_joining_are_not_chrome(text: str) -> None:
    assert not RULES.comments.is_chrome(text)


@pytest.mark.parametrize(
    "text",
    ["Registered: 2012-09-03", "Join Date: Mar 2016", "Joined: Mon Jul 24, 2017 9:28 am", "Posts: 1,981",
     "Messages: 12", "Mitglied seit: 12.03.2015", "Beiträge: 2.345"],
)
def test_a_poster_panel_s_member_lines_are_member_stats_and_chrome(text: str) -> None:
    assert is_member_stat(text, RULES.comments)
    assert RULES.comments.is_chrome(text)


@pytest.mark.parametrize(
    "text",
    ["Offline", "Senior Member", "#1 | Link", "Last edited by jane (2024-08-03 11:02:20)", "jane",
     "Registered for the course.", "Posts: the ones I liked best were yours"],
)
def test_other_chrome_and_words_are_no_member_stats(text: str) -> None:
    assert not is_member_stat(text, RULES.comments)


def test_comment_words_are_not_chrome() -> None:
    cues = RULES.comments
    assert not cues.is_chrome("Like duh! Muggers should complain about those who stop them and help their victims.")
    assert not cues.is_chrome("I agree with the minister.")
    assert not cues.is_chrome("(I agree with the minister.)")
    assert not cues.is_chrome("[sic]")
    # a control's word in brackets inside a sentence is the reader's, and a parenthetical stays words
    assert not cues.is_chrome("Read the (Report) before you vote, it says the opposite.")
    assert not cues.is_chrome("(Thanks)") and not cues.is_chrome("(see the second link)")
    assert "reply" in cues.chrome_phrases and "says" in cues.chrome_phrases  # normalised forms


def test_comment_tokens() -> None:
    cues = RULES.comments
    assert cues.is_section(["comments-area"]) and cues.is_section(["disqus_thread"])
    assert cues.is_section(["dsq-content-xyz"])  # wildcard "dsq-*"
    assert cues.is_comment(["comment", "even", "thread-even", "depth-1"])
    assert cues.is_comment(["li-comment-1234"]) and cues.is_comment(["depth-12"])  # "#" = digits
    assert cues.is_author(["comment-author"]) and cues.is_author(["fn"])
    assert cues.is_date(["comment-meta"]) and cues.is_date(["comment-date"])
    assert cues.is_chrome_element(["comment-reply-link"])
    # the comment FORM is boilerplate, never a section of responses
    for form in ("comment-respond", "respond", "comment-form", "commentform"):
        assert not cues.is_section([form]) and not cues.is_comment([form])
    assert not (cues.section_tokens & cues.comment_tokens)
    assert not (cues.chrome_tokens & (cues.comment_tokens | cues.section_tokens))
    assert not cues.is_section(["entry-content"])


def test_text_dump_comment_cues() -> None:
    cues = RULES.comments
    for text, author, date in cues.author_examples:
        found = cues.author_line(text)
        assert found is not None and found[0] == author, text
        if date is not None:
            assert found[1] == date
    for text in cues.author_counter_examples:
        assert cues.author_line(text) is None, text
    for text, author in cues.reply_examples:
        assert cues.reply_to(text) == author
    assert cues.reply_to("Muggers should complain about those who stop them.") is None


def test_comment_stem_cues() -> None:
    cues = RULES.comments
    for token in ("kb-comment", "commentscon", "kommentar-item", "mo-comment-card", "xenforo-comments-list"):
        assert cues.is_comment_like(token), token
    # the form, counters, links, widgets, taxonomy and parts of one comment are not comments
    for token in ("comment-form", "comment-respond", "comment-count", "comments-link", "recent-comments",
                  "recentcomments", "no-comments", "commentary", "category-kommentar", "comment-author-owen",
                  "comment-meta", "entry-content"):
        assert not cues.is_comment_like(token), token
    assert cues.is_text(["comment-content"]) and cues.is_text(["post-message"]) and cues.is_text(["kommentar-text"])
    assert cues.is_text(["c-comment-card__text"]) and not cues.is_text(["comment-body-wrapper"])
    assert cues.comment_stems == tuple(sorted(cues.comment_stems))
    assert "" not in cues.stem_stop_parts


def test_item_heading_cues() -> None:
    cues = RULES.comments
    assert cues.item_heading("#1 Kommentar von Naru-chan") == "Naru-chan"
    assert cues.item_heading("Comment by Jane Doe") == "Jane Doe"
    assert cues.item_heading("Commentaire de Marie") == "Marie"
    for text in ("Kommentare", "3 Responses", "The comment by the minister was misread by the press."):
        assert cues.item_heading(text) is None, text


def test_number_words_are_read_only_and_consistent() -> None:
    words = RULES.comments.number_words
    assert words["one"] == 1 and words["keine"] == 0 and words["deux"] == 2 and words["eén"] == 1
    with pytest.raises(TypeError):
        words["one"] = 2  # type: ignore[index]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('title_joins = ["to",', 'title_joins = ["To",', "lower case"),
        ('title_joins = ["to",', 'title_joins = ["to", "to",', "listed twice"),
        ('role_attributes = ["data-test-id",', 'role_attributes = ["data test id",', "name without spaces"),
        ('role_attributes = ["data-test-id",', 'role_attributes = ["Data-Role",', "lower-case name"),
        ('date_properties = ["dateCreated",', 'date_properties = ["date created",', "name without spaces"),
        ('text_parts = ["text",', 'text_parts = ["Text",', "lower case"),
    ],
)
def test_bad_comment_word_lists_are_rejected(old: str, new: str, message: str) -> None:
    from importlib import resources

    text = (resources.files("cleanpage.rules") / "comments.toml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(RulesError, match=re.escape(message)):
        parse_rules(BP_OK, AG_OK, text.replace(old, new, 1))


@pytest.mark.parametrize("join", RULES.comments.title_joins)
def test_every_title_join_reads_a_count_heading_before_the_title(join: str) -> None:
    from cleanpage.pipeline.text.cues import announces_responses

    assert announces_responses(f"3 Responses {join} Bridge closes on Tuesday", RULES)
    assert not announces_responses("3 Responses inside Bridge closes on Tuesday", RULES)


@pytest.mark.parametrize("attribute", RULES.comments.role_attributes)
def test_every_role_attribute_names_an_elements_role(attribute: str) -> None:
    from cleanpage.pipeline.html.responses import _tokens

    _, el = html_element(f"<html><body><div id='x' {attribute}='Comment'>Hi</div></body></html>")
    assert "comment" in _tokens(el, RULES.comments)
    _, el = html_element("<html><body><div id='x' data-other='Comment'>Hi</div></body></html>")
    assert "comment" not in _tokens(el, RULES.comments)


@pytest.mark.parametrize("prop", sorted(RULES.comments.date_properties))
def test_every_date_property_dates_a_comment(prop: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.html.comment_header import CommentDates as _Dates
    from cleanpage.pipeline.html.comment_header import Item, read_date

    _, el = html_element(f"<html><body><div id='x'><span itemprop='{prop}' content='2024-03-03'>then</span>"
                     "<p>Words.</p></div></body></html>")
    found, dated = read_date(Item(el, set()), RULES.comments, _Dates(None, None, CUES))
    assert found == _dt.date(2024, 3, 3) and len(dated) == 1


@pytest.mark.parametrize("part", sorted(RULES.comments.text_parts))
def test_every_text_part_marks_a_comments_own_words(part: str) -> None:
    assert RULES.comments.is_text([f"kommentar-{part}"])
    assert not RULES.comments.is_text([f"sidebar-{part}"])


@pytest.mark.parametrize(
    "text",
    ["Originally Posted by jane_doe", "Zitat von Hans", "Citation de Marie", "Cita de Ana", "Quote", "Zitat",
     "jane wrote: ↑", "Hans schrieb: ↑", "jane wrote: Sat Feb 24, 2024 12:41 pm", "Marie a écrit : 3 mars 2024 10:15"],
)
def test_a_boards_quote_header_without_an_ending_colon_is_a_quote_attribution(text: str) -> None:
    assert board_attribution(RULES.comments)(text)


@pytest.mark.parametrize(
    "text",
    ["I wrote this in 2019", "He said the talks had failed", "The quote of the day is from Seneca.",
     "Originally, I posted by mail.", "Jane said:"],
)
def test_sentences_and_colon_attributions_are_not_board_quote_headers(text: str) -> None:
    # "Jane said:" is an attribution by its colon (pipeline/quotes.py), not by these patterns
    assert not board_attribution(RULES.comments)(text)
