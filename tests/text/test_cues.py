"""Text cues: the lines that announce responses and the comment cue of each line (chrome, author, date)."""

from __future__ import annotations

from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.text.cues import announces_responses, comment_cue
from cleanpage.rules import CommentCue, load_rules
from tests._prose import PARA_A


def test_response_heading_with_the_page_title() -> None:
    rules = load_rules()
    assert announces_responses("3 Responses to Bridge to close on Tuesday", rules)
    assert not announces_responses("3 responses to the survey were positive, the council said.", rules)


def test_comment_cues() -> None:
    rules = load_rules()

    def cue(text: str) -> CommentCue:
        return comment_cue(Block(index=0, text=text, tag="line"), rules)

    assert cue("Reply") is CommentCue.CHROME
    assert cue("1") is CommentCue.NONE  # a bare number is list numbering as often as a like counter
    assert cue("Jane Doe says:") is CommentCue.AUTHOR
    assert cue("22. Juli 2019 at 16:25") is CommentCue.DATE
    assert cue(PARA_A) is CommentCue.NONE
    # a str enum with the old values: NONE is falsy, the others compare equal to their words
    assert not CommentCue.NONE and CommentCue.CHROME == "chrome" and CommentCue.DATE.value == "date"



def test_a_count_heading_with_a_remark_announces_responses() -> None:
    rules = load_rules()
    assert announces_responses("{ 38 comments… read them below or add one }", rules)
    assert announces_responses("12 Kommentare | Kommentar schreiben", rules)
    assert not announces_responses("Share | Tweet | Mail", rules)
    assert not announces_responses("Readers left 38 comments on the first part, and we read them all.", rules)
