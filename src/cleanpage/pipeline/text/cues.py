"""Cues in a dump that a comment thread is near: its heading and the chrome around each comment.

With no markup, a comment thread shows itself by the lines *between* the comments: "Reply",
"NAME says:", "NAME 17 September 2020 14:17", "22. Juli 2019 at 16:25". One such line may be a
byline; two close together after the article are a thread. The cue tables are the responses
rules (``rules/comments.toml``); this module only reads their shapes off text blocks.
"""

from __future__ import annotations

import re

from cleanpage.pipeline.blocks import Block
from cleanpage.pipeline.prose import ends_sentence, is_prose
from cleanpage.rules import CommentCue, Rules

__all__ = ["THREAD_WINDOW", "announces_responses", "comment_cue", "thread_start"]

#: a clock time or a year: the date part of a comment's header line
_WHEN = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b(?:19|20)\d{2}\b")
#: a count heading with a trailing remark: "{ 38 comments… read them below or add one }"
_BRACKETS = "{[(<)]}> "
_REMARK = re.compile(r"(?:(?<!\s)|(?=\S))(?:\s++[-–—]\s|\s*+(?:…|\.\.\.|[|,;·•]))")  # linear on any run
_LETTER = re.compile(r"[^\W\d_]")
#: what a commenter's name looks like: one to four words, no digits, no separators
_NAME = re.compile(r"[^\W\d_][\w.'’@-]*(?: [\w.'’@-]+){0,3}")
#: header lines are short; a comment's own words are not cues however they look
_CUE_MAX_WORDS = 12
#: two cues at most this many blocks apart make a thread
THREAD_WINDOW = 6
#: a comment's words follow its header within this many blocks, and have at least this many words
_WORDS_WITHIN, _COMMENT_MIN_WORDS = 4, 5


def announces_responses(text: str, rules: Rules) -> bool:
    """A response-section heading: "3 Responses", "Kommentare", "3 Responses to <title>", or a
    count heading with a remark after it ("{ 38 comments… read them below or add one }")."""
    cues = rules.comments
    if cues.is_section_heading(text):  # a count-announcing heading or a phrase one
        return True
    if len(text) > 250 or ends_sentence(text):
        return False
    match = cues.titled.match(text)  # "3 Responses to <page title>": the title unquoted
    if match is not None and cues.announced(match.group(1)) is not None:
        return True
    # the count first, then a remark after a separator: the count alone is the heading
    head = _REMARK.split(text.strip(_BRACKETS), maxsplit=1)[0]
    return head != text and len(head.split()) <= 4 and cues.announced(head) is not None


def comment_cue(block: Block, rules: Rules) -> CommentCue:
    """CHROME (Reply, Like), AUTHOR ("NAME says:"), DATE (a short line with a date or a clock
    time: a comment's header, or a byline) or NONE."""
    text = block.text
    if block.words > _CUE_MAX_WORDS:
        return CommentCue.NONE
    if rules.comments.is_chrome(text) and _LETTER.search(text):
        return CommentCue.CHROME  # a bare "1" is a like counter in a thread, and list numbering elsewhere
    author = rules.comments.author_line(text)
    if author is not None and _NAME.fullmatch(author[0]):
        return CommentCue.AUTHOR
    if _WHEN.search(text) and not is_prose(text) and not ends_sentence(text):
        return CommentCue.DATE
    return CommentCue.NONE


#: the cues that show a thread by themselves (a date line may be a byline)
_THREADISH = frozenset({CommentCue.CHROME, CommentCue.AUTHOR})


def thread_start(blocks: tuple[Block, ...], cues: list[CommentCue], after: int, *, strict: bool = False) -> int | None:
    """Where a comment thread begins after block ``after``: at its first header line, or right
    after ``after`` when the thread shows itself by chrome first (text above its "Reply").

    Two cues close together make a thread when one is a "Reply" or a "NAME says:"; dates alone
    need three in a row (a comment list shows a date on every comment). Either way the reader's
    words must follow the first cue: a lone "updated on" line above a share bar is no thread.
    ``strict`` (looking for a thread inside what seemed the article) wants three cues in a row,
    two of them a "Reply" or a "NAME says:", and a header line to start at.
    """
    hits = [i for i in range(after + 1, len(blocks)) if cues[i]]
    for k, (a, b) in enumerate(zip(hits, hits[1:])):
        if b - a > THREAD_WINDOW or not _words_follow(blocks, cues, a):
            continue
        kinds = (cues[a], cues[b])
        dated = k + 2 < len(hits) and hits[k + 2] - b <= THREAD_WINDOW and cues[hits[k + 2]] is CommentCue.DATE
        if CommentCue.CHROME not in kinds and CommentCue.AUTHOR not in kinds and (strict or not dated):
            continue
        if strict:
            # a byline and a comment counter are two cues too: a thread repeats, three at least
            third = hits[k + 2] if k + 2 < len(hits) else None
            if third is None or third - b > THREAD_WINDOW:
                continue
            if sum(1 for c in (cues[a], cues[b], cues[third]) if c in _THREADISH) < 2:
                continue
            return a if cues[a] is not CommentCue.CHROME else b if cues[b] is not CommentCue.CHROME else None
        if kinds == (CommentCue.DATE, CommentCue.AUTHOR):
            return b  # a dated line, then "NAME says:": the thread starts with the name
        return a if cues[a] is not CommentCue.CHROME else after + 1
    return None


def _words_follow(blocks: tuple[Block, ...], cues: list[CommentCue], at: int) -> bool:
    """A block of several words, not itself a cue, within a few blocks after ``at``."""
    for j in range(at + 1, min(len(blocks), at + 1 + _WORDS_WITHIN)):
        if not cues[j] and blocks[j].words >= _COMMENT_MIN_WORDS:
            return True
    return False
