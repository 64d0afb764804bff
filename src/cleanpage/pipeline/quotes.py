"""A reply's quotes of earlier posts: the earlier post's words, kept once, where they were written.

Forum software quotes the post a reply answers inside the reply (``blockquote`` with "Jane said:",
"Jane wrote:", a collapsed box with "Click to expand..."). Those words are already the earlier post's
(or the opening post's) text; in the reply they are a copy, not the replier's words, and a thread read
with them says every quoted sentence twice. So a reply's paragraph that is a copy of earlier words
(long enough not to be a coincidence) is left out of it, with the attribution line just above it
("Jane said:"), which is the quote's chrome. A reply that would keep nothing keeps its text as it
was: it is nobody else's then.

Boards write the attribution line in other shapes than "Jane said:" ("Originally Posted by jane",
"jane wrote: ↑" with its jump-to-post arrow, "jane wrote: <the quoted post's date>", a "Quote" label
over the box); the caller passes the rule tables' test for those (``comments.toml``
``quote_attribution_patterns``), read only right above a copy: a line of that shape anywhere else is
the replier's own. Left behind, such a line says the reply quotes someone and shows no quote.
"""

from __future__ import annotations

from collections.abc import Callable

from cleanpage.result import Response
from cleanpage.rules import CommentCues
from cleanpage.rules.comments import CHROME_MAX_CHARS
from cleanpage.rules.normalise import collapse

__all__ = ["board_attribution", "without_quotes"]

#: a paragraph shorter than this may repeat earlier words by chance ("Thanks!", "Same here.")
_MIN_QUOTE_CHARS = 40
#: an attribution line above a quote is short and ends in a colon ("Jane said:", "Jane wrote:")
_ATTRIBUTION_MAX_WORDS = 8
#: a quote box may carry two such lines (a "Quote" label and "Originally Posted by jane")
_ATTRIBUTION_MAX_LINES = 2


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def board_attribution(cues: CommentCues) -> Callable[[str], bool]:
    """The test of a line for the shape of a quote's header no colon ends ("Originally Posted by jane",
    "jane wrote: ↑"; ``comments.toml`` ``quote_attribution_patterns``), for :func:`without_quotes`."""
    patterns = cues.quote_attribution_patterns

    def shaped(line: str) -> bool:
        flat = collapse(line)
        return 0 < len(flat) <= CHROME_MAX_CHARS and any(p.fullmatch(flat) for p in patterns)

    return shaped


def _attribution(paragraph: str, shaped: Callable[[str], bool] | None) -> bool:
    if paragraph.rstrip().endswith(":") and len(paragraph.split()) <= _ATTRIBUTION_MAX_WORDS:
        return True
    return shaped is not None and shaped(paragraph)


def _own_words(paragraphs: list[str], earlier: str,
               shaped: Callable[[str], bool] | None = None) -> tuple[list[str], list[str]]:
    """The paragraphs that are the replier's own, and the copies of earlier words left out.

    A copy is the longest run of paragraphs, from where it starts, whose words read together are
    earlier words: a quote of a post written with line breaks comes as several short paragraphs
    ("Hello,", "a) Car rental English"), each too short to count alone, the run long enough."""
    flat = [_flat(p) for p in paragraphs]
    kept: list[str] = []
    copies: list[str] = []
    start = 0
    while start < len(paragraphs):
        run, end = flat[start], start + 1
        if run not in earlier:
            kept.append(paragraphs[start])
            start += 1
            continue
        while end < len(paragraphs) and f"{run} {flat[end]}" in earlier:
            run = f"{run} {flat[end]}"
            end += 1
        if len(run) < _MIN_QUOTE_CHARS:
            kept.append(paragraphs[start])
            start += 1
            continue
        # the line right above the copy in either shape; a second one only in a board's shape (a
        # "Quote" label): a short line of the replier's own that ends in a colon stays
        for n in range(_ATTRIBUTION_MAX_LINES):
            if not kept or not (_attribution(kept[-1], shaped) if n == 0 else shaped is not None and shaped(kept[-1])):
                break
            kept.pop()
        copies.extend(paragraphs[start:end])
        start = end
    return kept, copies


def without_quotes(responses: tuple[Response, ...], opening: tuple[str, ...],
                   attribution: Callable[[str], bool] | None = None,
                   ) -> tuple[tuple[Response, ...], tuple[str, ...]]:
    """The responses, each without the paragraphs that copy the opening post or an earlier response
    (in page order), and without the attribution line above such a copy (a short line ending in a
    colon, or one ``attribution`` accepts); and the copies left out, in page order, so that the page
    records each as removed (nothing leaves it unrecorded)."""
    earlier = " ".join(_flat(p) for p in opening)
    out: list[Response] = []
    quoted: list[str] = []
    for response in responses:
        kept, copies = _own_words(response.text.split("\n\n"), earlier, attribution)
        if kept:
            quoted.extend(copies)
        text = "\n\n".join(kept) if kept else response.text
        out.append(response if text == response.text else
                   Response(text=text, author=response.author, published=response.published, parent=response.parent))
        earlier += " " + _flat(response.text)
    return tuple(out), tuple(quoted)
