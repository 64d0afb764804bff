"""Forum quotes: a reply's copy of earlier words leaves the reply and is recorded once as removed."""

from __future__ import annotations

from pathlib import Path

import cleanpage
from cleanpage.pipeline.quotes import board_attribution, without_quotes
from cleanpage.result import Response
from cleanpage.rules import load_rules
from tests import FIXTURES

OPENING = ("The panel hangs about sixty centimetres above the tray and is on for twelve hours a day.",)


def test_a_copy_of_the_opening_post_and_its_attribution_line_leave_the_reply() -> None:
    reply = Response(text="Jane said:\n\n" + OPENING[0] + "\n\nLower it to fifteen centimetres.", author="Tom")
    (own,), quoted = without_quotes((reply,), OPENING)
    assert own.text == "Lower it to fifteen centimetres."
    assert own.author == "Tom"
    assert quoted == OPENING


def test_a_copy_of_an_earlier_reply_is_a_quote_too() -> None:
    first = Response(text="Potting them on deeper makes the stems root along their length, I find.")
    second = Response(text=first.text + "\n\nThanks, that worked.")
    (a, b), quoted = without_quotes((first, second), ())
    assert a == first
    assert b.text == "Thanks, that worked."
    assert quoted == (first.text,)


def test_short_repeats_and_replies_of_nothing_but_a_quote_stay() -> None:
    short = Response(text="Same here.\n\nThanks!")
    only_quote = Response(text=OPENING[0])
    out, quoted = without_quotes((Response(text="Same here."), short, only_quote), OPENING)
    assert out[1] == short  # under the length where a repeat may be chance
    assert out[2] == only_quote  # keeping nothing would lose the reply: it keeps its text
    assert quoted == ()


def test_the_page_records_each_copy_once_and_loses_no_words() -> None:
    page = cleanpage.clean((Path(FIXTURES) / "forum-quoted-replies" / "input.html").read_bytes())
    copies = [r.text for r in page.removed if r.reason is cleanpage.Reason.QUOTED]
    assert len(copies) == 2
    said = " ".join(" ".join([*page.paragraphs, *(r.text for r in page.responses)]).split())
    for copy in copies:
        # the words are still on the page exactly once, where they were written
        assert said.count(" ".join(copy.split())) == 1


def test_a_quote_of_a_post_written_with_line_breaks_is_one_copy_of_several_short_paragraphs() -> None:
    opening = ("Hello,", "which title reads better for a course?", "a) Car rental English", "b) English for car rental")
    reply = Response(text="Tom said:\n\nHello,\n\nwhich title reads better for a course?\n\na) Car rental English\n\n"
                          "b) English for car rental\n\nThe second one, I think.", author="Ann")
    (own,), quoted = without_quotes((reply,), opening)
    assert own.text == "The second one, I think." and own.author == "Ann"
    assert quoted == opening  # each short paragraph of the copy, recorded in page order


def test_short_paragraphs_that_happen_to_be_earlier_words_stay() -> None:
    opening = ("Thanks! That fixed it for me in the end, after a long week of trying.",)
    reply = Response(text="Thanks!\n\nGlad it worked, the same happened to me last spring.")
    (own,), quoted = without_quotes((reply,), opening)
    assert own == reply and quoted == ()


#: the rule tables' test for a board's quote header (comments.toml quote_attribution_patterns)
_board_shapes = board_attribution(load_rules().comments)


def test_an_attribution_line_no_colon_ends_leaves_with_the_copy_below_it() -> None:
    reply = Response(text="Originally Posted by Jane\n\n" + OPENING[0] + "\n\nLower it to fifteen centimetres.")
    (own,), quoted = without_quotes((reply,), OPENING, _board_shapes)
    assert own.text == "Lower it to fifteen centimetres."
    assert quoted == OPENING


def test_a_quote_box_label_and_its_attribution_both_leave() -> None:
    reply = Response(text="Lower it.\n\nQuote:\n\nJane wrote: ↑\n\n" + OPENING[0] + "\n\nThen wait a week.")
    (own,), _quoted = without_quotes((reply,), OPENING, _board_shapes)
    assert own.text == "Lower it.\n\nThen wait a week."


def test_the_repliers_own_colon_line_above_an_attribution_stays() -> None:
    reply = Response(text="Two things to check:\n\nJane said:\n\n" + OPENING[0] + "\n\nThen wait a week.")
    (own,), quoted = without_quotes((reply,), OPENING, _board_shapes)
    assert own.text == "Two things to check:\n\nThen wait a week."
    assert quoted == OPENING


def test_a_line_of_that_shape_over_the_repliers_own_words_stays() -> None:
    reply = Response(text="Originally Posted by Jane\n\nNo, that was Tom's idea, not hers: lower the panel first.")
    (own,), quoted = without_quotes((reply,), OPENING, _board_shapes)
    assert own == reply and quoted == ()


def test_board_quote_headers_leave_a_whole_thread_page() -> None:
    page = cleanpage.clean((Path(FIXTURES) / "forum-quote-headers" / "input.html").read_bytes())
    texts = [r.text for r in page.responses]
    assert len(texts) == 2
    assert not any("wrote:" in t or "Originally Posted by" in t for t in texts)
    assert texts[1] == "Done, and it doubles in six hours now. The smell has turned to yoghurt. Thank you!"
    copies = [r.text for r in page.removed if r.reason is cleanpage.Reason.QUOTED]
    assert len(copies) == 2
