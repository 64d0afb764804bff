"""What the block model sees: one row of numbers per block of an HTML page.

The rules' own answers are features here, not verdicts: the label the rule classifier gave
(:mod:`.classify`), which rule table or container fired, whether trafilatura's text covers the
block; beside them the block's text statistics, its tag and containers, its neighbours, and the
page's own figures. A model trained on labelled pages (:mod:`cleanpage.learn`) weighs them; what
is certain (comment sections, the headline) stays a rule.

The class/id words the model looks at are not written here: the trainer chooses them from the
training pages and stores them in the model file (:class:`cleanpage.models.Forest`), so the
vocabulary is data that comes with the model it was chosen for.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason
from cleanpage.pipeline.html.kin import KIN_FEATURES, kin_columns
from cleanpage.pipeline.prose import ends_sentence, text_stats

__all__ = ["BASE_FEATURES", "KIN_FEATURES", "feature_names", "features", "kin_columns", "window_mean"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: tag groups, each a one-hot column
_TAGS: tuple[tuple[str, frozenset[str]], ...] = (
    ("tag_p", frozenset({"p"})),
    ("tag_div", frozenset({"div", "center", "section", "article", "main", "body"})),
    ("tag_li", frozenset({"li", "dt", "dd"})),
    ("tag_h1", frozenset({"h1"})),
    ("tag_h2", frozenset({"h2"})),
    ("tag_h3", frozenset({"h3", "h4", "h5", "h6"})),
    ("tag_cell", frozenset({"td", "th", "tr", "table", "caption"})),
    ("tag_quote", frozenset({"blockquote"})),
    ("tag_pre", frozenset({"pre"})),
    ("tag_caption", frozenset({"figcaption", "figure"})),
    ("tag_control", frozenset({"button", "label", "legend", "summary", "form", "fieldset"})),
)
#: a tag's group (its index in _TAGS; -1 for a tag in none): with the class/id words, a block's template
_TAG_GROUP: dict[str, int] = {tag: k for k, (_name, tags) in enumerate(_TAGS) for tag in tags}
#: container groups (semantic tags and ARIA roles around the block), each a 0/1 column
_ROLES: tuple[tuple[str, frozenset[str]], ...] = (
    ("in_nav", frozenset({"nav", "navigation", "menu", "menubar"})),
    ("in_aside", frozenset({"aside", "complementary"})),
    ("in_footer", frozenset({"footer", "contentinfo"})),
    ("in_header", frozenset({"header", "banner"})),
    ("in_form", frozenset({"form", "label", "button", "search"})),
    ("in_article", frozenset({"article"})),
    ("in_main", frozenset({"main"})),
    ("in_figure", frozenset({"figure", "figcaption"})),
    ("in_hidden", frozenset({"hidden", "collapsed", "noscript", "dialog"})),
    ("in_quote", frozenset({"blockquote"})),
    ("in_comments", frozenset({"comments", "comment-item", "schema-comment", "comment"})),
)
#: reasons the rule classifier gives, grouped by what kind of evidence they are
_STRUCTURAL = frozenset({Reason.LINK_LIST, Reason.INLINE_TEASER, Reason.KICKER, Reason.ORPHAN_HEADING})
_CONTAINERS = frozenset({Reason.HIDDEN, Reason.DIALOG, Reason.PAGE_FOOTER, Reason.PAGE_HEADER, Reason.SIDEBAR,
                         Reason.FORM, Reason.BUTTON, Reason.NOSCRIPT})
#: reasons that are not a rule table's phrase, pattern or class/id word
_NOT_TEXT_RULES = _CONTAINERS | _STRUCTURAL | {Reason.OUTSIDE_MAIN_CONTENT, Reason.CAPTION}


#: the columns every model gets, in order; the class/id word columns follow (one per word)
BASE_FEATURES: tuple[str, ...] = (
    "log_chars", "log_words", "link_share", "ends_sentence", "sentences", "stopword_share",
    "separator_share", "capital_share", "digit_share", "is_prose", "depth", "rel_index", "rel_chars",
    "engine_kept", "engine_contains",
    "rule_title", "rule_body", "rule_boilerplate", "rule_response", "rule_text_hit", "rule_container",
    "rule_outside", "rule_structural", "rule_caption",
    *(name for name, _ in _TAGS), *(name for name, _ in _ROLES),
    "prev_kept", "next_kept", "prev_prose", "next_prose", "prev_link", "next_link",
    "kept_window3", "kept_window10", "prose_window3",
    "in_engine_main", "in_dense", "parent_kept_share", "grand_kept_share", "parent_chars_share",
    "page_log_blocks", "page_kept_share", "page_log_chars",
    "is_title", "after_title", "title_distance", "repeats", "under_list_heading", "log_link_run",
)


def feature_names(words: Sequence[str], *, kin: bool = False) -> tuple[str, ...]:
    """Column names for a model that reads these class/id words (and the kin columns, if ``kin``)."""
    return (*BASE_FEATURES, *(KIN_FEATURES if kin else ()), *(f"token:{w}" for w in words))


#: the digit share is read on at most this many characters of a block
_HEAD = 600
_DIGIT = re.compile(r"\d")
#: the columns each row writes from its per-page memos (the text's, the rule answer's and the
#: place's), in the order the loop joins them; every other column is written a column at a time
_ROW_COLUMNS = (0, 1, *range(3, 10), *range(15, 15 + 9 + len(_TAGS) + len(_ROLES)))
#: where in :data:`_ROW_COLUMNS` the text's, the rule answer's and the place's columns are
_ROW_PARTS = ((0, 9), (9, 18), (18, len(_ROW_COLUMNS)))
# the row is joined positionally (the hot loop): its parts must sit where the names say
if (BASE_FEATURES[2] != "link_share" or BASE_FEATURES[10:15] != ("depth", "rel_index", "rel_chars", "engine_kept",
                                                                "engine_contains")
        or BASE_FEATURES.index("tag_p") != 24 or BASE_FEATURES.index("prev_kept") != 24 + len(_TAGS) + len(_ROLES)):
    raise ImportError("features: BASE_FEATURES and the row the loop writes disagree")


def _place(tag: str, roles: frozenset[str]) -> tuple[float, ...]:
    """The tag-group and container one-hots of a (tag, containers) pair."""
    return (*(float(tag in tags) for _name, tags in _TAGS), *(float(not roles.isdisjoint(g)) for _name, g in _ROLES))


#: rows converted to the matrix at once (bounds a huge page's memory, not a small page's speed)
_CHUNK_ROWS = 4096


def _word_columns(tokens: frozenset[str], column: dict[str, int]) -> list[int]:
    """The class/id word columns a block's tokens set (its row is 1.0 there, 0.0 elsewhere)."""
    return sorted(column[token] for token in column.keys() & tokens)


def _innermost_holding(held: Counter[int], total: float, share: float) -> int | None:
    """The deepest container (document-order position) holding ``share`` of the ``total`` chars,
    from the chars each container holds (``held``)."""
    if not total:
        return None
    best = None
    for node, chars in held.items():
        if chars >= share * total and (best is None or node > best):
            best = node
    return best


#: distinct block texts whose prose measures one page keeps
_MAX_MEMO = 20_000


def _text_columns(text: str) -> tuple[float, ...]:
    """The columns read from the block's text alone, in :data:`BASE_FEATURES` order (``link_share``,
    the second column, left out): log chars, log words, ends_sentence … is_prose."""
    stats = text_stats(text)
    # the digit share is read on the block's head: a long paragraph's share is settled by then
    head = text[:_HEAD] if len(text) > _HEAD else text
    return (math.log1p(len(text)), math.log1p(stats.words), float(stats.ends),
            float(min(stats.sentences, 10)), stats.stopword_share, stats.separator_share, stats.capital_share,
            len(_DIGIT.findall(head)) / len(head) if head else 0.0, float(stats.prose))


def _rule_columns(label: Label, reason: Reason | None) -> tuple[float, ...]:
    """The columns read from the rule classifier's label and reason: rule_title … rule_caption."""
    return (float(label is Label.TITLE), float(label is Label.BODY), float(label is Label.BOILERPLATE),
            float(label is Label.RESPONSE or label is Label.RESPONSE_HEADER),
            float(reason is not None and reason not in _NOT_TEXT_RULES),
            float(reason in _CONTAINERS), float(reason is Reason.OUTSIDE_MAIN_CONTENT),
            float(reason in _STRUCTURAL), float(reason is Reason.CAPTION))


def window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of ``values`` over ``[i - radius, i + radius]``, clipped at the ends (no block itself
    excluded); the block model's window columns and the stacked stage's are taken the same way."""
    n = len(values)
    sums = np.concatenate(([0.0], np.cumsum(values)))
    lo = np.clip(np.arange(n) - radius, 0, n)
    hi = np.clip(np.arange(n) + radius + 1, 0, n)
    mean: np.ndarray = (sums[hi] - sums[lo]) / np.maximum(hi - lo, 1)
    return mean


def features(
    blocks: Sequence[Block],
    kept: Sequence[bool],
    contains: Sequence[bool],
    rule_labels: Sequence[Labelled],
    words: Sequence[str],
    *,
    title_key: str,
    keys: Sequence[str],
    list_heads: frozenset[Reason] = frozenset(),
    kin: bool = False,
) -> np.ndarray:
    """The feature matrix (blocks × columns, float32) in :func:`feature_names` order.

    ``kept``/``contains`` are the engine's coverage of each block, ``rule_labels`` the rule
    classifier's answer for each, ``words`` the model's class/id vocabulary, ``keys`` each block's
    alignment key (:func:`~cleanpage.pipeline.blocks.text_key`) and ``title_key`` the headline's;
    ``list_heads`` the reasons of the rules whose hit heads a list ("Related", "Most read");
    ``kin``: the :data:`KIN_FEATURES` columns too, after the base ones.
    """
    n = len(blocks)
    first_word = len(BASE_FEATURES) + (len(KIN_FEATURES) if kin else 0)
    width = first_word + len(words)
    if not n:
        return np.zeros((0, width), dtype=np.float32)
    chars = np.array([len(b.text) for b in blocks], dtype=np.float64)
    total_chars = float(chars.sum()) or 1.0
    kept_a = np.array(kept, dtype=np.float64)
    link = np.array([b.link_share for b in blocks])
    column = {name: k for k, name in enumerate(BASE_FEATURES)}
    out = np.zeros((n, width), dtype=np.float32)
    word_at, word_in = _memoised_rows(blocks, rule_labels, words, out)
    _place_columns(out, column, chars, total_chars, link, kept_a, contains, blocks)
    _title_columns(out, column, _title_at(rule_labels, keys, title_key))
    out[:, column["repeats"]] = _repeats(keys)
    out[np.array(word_at, dtype=np.intp), first_word + np.array(word_in, dtype=np.intp)] = 1.0
    prose = out[:, column["is_prose"]].astype(np.float64)
    _neighbour_columns(out, column, kept_a, prose, link)
    _containers(blocks, chars, kept_a, prose, out, column)
    _lists(blocks, rule_labels, list_heads, out, column)
    if kin:
        out[:, len(BASE_FEATURES):first_word] = kin_columns(_kin_ids(blocks), chars, kept_a, prose)
    out[:, column["page_log_blocks"]] = math.log1p(n)
    out[:, column["page_kept_share"]] = float((chars * kept_a).sum()) / total_chars
    out[:, column["page_log_chars"]] = math.log1p(total_chars)
    return out


def _memoised_rows(blocks: Sequence[Block], rule_labels: Sequence[Labelled], words: Sequence[str],
                   out: np.ndarray) -> tuple[list[int], list[int]]:
    """Write the columns of :data:`_ROW_COLUMNS` (the text's, the rule answer's and the place's) into
    ``out``, and return the class/id word cells to set as (rows, word indices).

    This is the hot loop: a page repeats a quarter of its block texts ("Reply", "Share", a byline per
    teaser) and a few (tag, containers) pairs, class/id word sets and rule answers, so each is read
    once and memoised for the page (the texts up to a bound, so a huge page's memo stays small beside
    its blocks). A block's rule answer and place are a handful of distinct rows on any page: each
    block keeps only their numbers, and the columns are gathered from those rows at the end, in
    one numpy step each (building every block's whole row as a tuple cost more than reading its
    text). The text columns go into the matrix a chunk at a time: a huge page's rows as Python
    tuples of floats would hold several times the matrix.
    """
    n = len(blocks)
    text_columns: dict[str, tuple[float, ...]] = {}
    places: dict[tuple[str, frozenset[str]], int] = {}
    rule_columns: dict[tuple[Label, Reason | None], int] = {}
    word_columns: dict[frozenset[str], list[int]] = {}
    # the word columns are a sparse one-hot: written as (row, column) pairs, not as a list per row
    word_at: list[int] = []
    word_in: list[int] = []
    word_column = {w: k for k, w in enumerate(words)}
    text_at, rule_at, place_at = (np.array(_ROW_COLUMNS[a:b], dtype=np.intp) for a, b in _ROW_PARTS)
    rule_of: list[int] = []
    place_of: list[int] = []
    rows: list[tuple[float, ...]] = []
    for i, (block, item) in enumerate(zip(blocks, rule_labels)):
        text = block.text
        by_text = text_columns.get(text)
        if by_text is None:
            by_text = _text_columns(text)
            if len(text_columns) < _MAX_MEMO:
                text_columns[text] = by_text
        rule_key = (item.label, item.reason)
        by_rule = rule_columns.get(rule_key)
        if by_rule is None:
            by_rule = rule_columns[rule_key] = len(rule_columns)
        rule_of.append(by_rule)
        place_key = (block.tag, block.roles)
        place = places.get(place_key)
        if place is None:
            place = places[place_key] = len(places)
        place_of.append(place)
        set_words = word_columns.get(block.tokens)
        if set_words is None:
            set_words = word_columns[block.tokens] = _word_columns(block.tokens, word_column)
        if set_words:
            word_at.extend([i] * len(set_words))
            word_in.extend(set_words)
        rows.append(by_text)
        if len(rows) == _CHUNK_ROWS or i == n - 1:
            out[i + 1 - len(rows):i + 1, text_at] = np.array(rows, dtype=np.float32)
            rows.clear()
    if n:
        # the distinct rows in the order their keys were first met, then each block's row by number
        rule_rows = np.array([_rule_columns(label, reason) for label, reason in rule_columns], dtype=np.float32)
        place_rows = np.array([_place(tag, roles) for tag, roles in places], dtype=np.float32)
        out[:, rule_at] = rule_rows[np.array(rule_of, dtype=np.intp)]
        out[:, place_at] = place_rows[np.array(place_of, dtype=np.intp)]
    return word_at, word_in


def _title_at(rule_labels: Sequence[Labelled], keys: Sequence[str], title_key: str) -> int:
    """The headline block's index (-1 for none): the block the rules labelled the title, else the
    first block whose alignment key is the headline's (a page whose title the rules did not find)."""
    title_at = next((i for i, item in enumerate(rule_labels) if item.label is Label.TITLE), -1)
    if title_at < 0 and title_key:
        title_at = next((i for i, key in enumerate(keys) if key == title_key), -1)
    return title_at


def _title_columns(out: np.ndarray, column: dict[str, int], title_at: int) -> None:
    """Where a block sits relative to the headline (``title_at``, -1 for none): the body follows
    it, and the blocks just around it are its kicker, byline and dek; the distance is clipped at
    20 blocks either way, past which it says nothing more. A page without one keeps the zeros."""
    if title_at < 0:
        return
    index = np.arange(len(out))
    out[title_at, column["is_title"]] = 1.0
    out[:, column["after_title"]] = index > title_at
    out[:, column["title_distance"]] = np.clip(index - title_at, -20, 20)


def _repeats(keys: Sequence[str]) -> list[float]:
    """How often each block's text recurs on the page (capped at 10; 0 for a block with no key):
    a repeated line is a template's ("Reply", a teaser's byline), not the article's."""
    repeats = Counter(keys)
    return [float(min(repeats[key], 10) if key else 0) for key in keys]


def _neighbour_columns(out: np.ndarray, column: dict[str, int], kept: np.ndarray, prose: np.ndarray,
                       link: np.ndarray) -> None:
    """What the blocks around each one are: the engine's verdict, prose and link share of the
    previous and the next block, and the kept and prose shares of a window around it. A block's
    text alone rarely settles it; the run it sits in (an article's paragraphs, a menu's links) does."""
    out[:, column["prev_kept"]] = np.concatenate(([0.0], kept[:-1]))
    out[:, column["next_kept"]] = np.concatenate((kept[1:], [0.0]))
    out[:, column["prev_prose"]] = np.concatenate(([0.0], prose[:-1]))
    out[:, column["next_prose"]] = np.concatenate((prose[1:], [0.0]))
    out[:, column["prev_link"]] = np.concatenate(([0.0], link[:-1]))
    out[:, column["next_link"]] = np.concatenate((link[1:], [0.0]))
    out[:, column["kept_window3"]] = window_mean(kept, 3)
    out[:, column["kept_window10"]] = window_mean(kept, 10)
    out[:, column["prose_window3"]] = window_mean(prose, 3)


def _kin_ids(blocks: Sequence[Block]) -> np.ndarray:
    """Each block's kin group id for :func:`kin_columns`: one id per (tag group, class/id words)
    the page uses, in order of first use. Only a model trained with the kin reads them, so only
    such a call builds them."""
    kin_of: dict[tuple[int, frozenset[str]], int] = {}
    kin_ids = np.zeros(len(blocks), dtype=np.intp)
    for i, block in enumerate(blocks):
        kin_ids[i] = kin_of.setdefault((_TAG_GROUP.get(block.tag, -1), block.tokens), len(kin_of))
    return kin_ids


def _place_columns(out: np.ndarray, column: dict[str, int], chars: np.ndarray, total_chars: float, link: np.ndarray,
                   kept: np.ndarray, contains: Sequence[bool], blocks: Sequence[Block]) -> None:
    """The columns of where a block sits and what the engine said of it, a column at a time: its link
    share, depth, place in the page by index and by characters before it, the engine's two flags."""
    n = len(blocks)
    out[:, column["link_share"]] = link
    out[:, column["depth"]] = [block.depth for block in blocks]
    out[:, column["rel_index"]] = np.arange(n) / n
    before = np.concatenate(([0.0], np.cumsum(chars)[:-1]))
    out[:, column["rel_chars"]] = before / total_chars
    out[:, column["engine_kept"]] = kept
    out[:, column["engine_contains"]] = np.array(contains, dtype=np.float64)


def _containers(blocks: Sequence[Block], chars: np.ndarray, kept: np.ndarray, prose: np.ndarray,
                out: np.ndarray, column: dict[str, int]) -> None:
    """Where the block sits relative to the page's main containers.

    ``in_engine_main``: inside the innermost container holding 80 % of the engine's text;
    ``in_dense``: inside the innermost container holding 60 % of the page's prose (the readability
    idea, on our blocks); the kept share of the block's parent and grandparent, and the parent's
    share of the page's characters.
    """
    # the blocks of one element share its path: their chars are summed per path first, then each
    # distinct path is walked once (all its chars, the engine's, the prose's)
    by_path: dict[tuple[int, ...], list[int]] = {}
    kept_total = prose_total = 0.0
    for block, n, k, p in zip(blocks, chars.tolist(), kept.tolist(), prose.tolist()):
        size = int(n)
        if k:
            kept_total += n
        if p:
            prose_total += n
        sums = by_path.get(block.path)
        if sums is None:
            sums = by_path[block.path] = [0, 0, 0]
        sums[0] += size
        if k:
            sums[1] += size
        if p:
            sums[2] += size
    kept_chars: Counter[int] = Counter()
    all_chars: Counter[int] = Counter()
    prose_chars: Counter[int] = Counter()
    for path, (size, kept_size, prose_size) in by_path.items():
        for node in path:
            all_chars[node] += size
            if kept_size:
                kept_chars[node] += kept_size
            if prose_size:
                prose_chars[node] += prose_size
    engine_main = _innermost_holding(kept_chars, kept_total, 0.8)
    dense = _innermost_holding(prose_chars, prose_total, 0.6)
    total = float(chars.sum()) or 1.0
    # each distinct path's five values, then written a column at a time
    values: dict[tuple[int, ...], tuple[float, float, float, float, float]] = {}
    for path in by_path:
        parent = path[-1] if path else None
        grand = path[-2] if len(path) >= 2 else None
        values[path] = (
            float(engine_main is not None and engine_main in path),
            float(dense is not None and dense in path),
            kept_chars[parent] / (all_chars[parent] or 1) if parent is not None else 0.0,
            all_chars[parent] / total if parent is not None else 0.0,
            kept_chars[grand] / (all_chars[grand] or 1) if grand is not None else 0.0,
        )
    rows = np.array([values[block.path] for block in blocks], dtype=np.float64).reshape(len(blocks), 5)
    for k, name in enumerate(("in_engine_main", "in_dense", "parent_kept_share", "parent_chars_share",
                              "grand_kept_share")):
        out[:, column[name]] = rows[:, k]


def _lists(blocks: Sequence[Block], rule_labels: Sequence[Labelled], list_heads: frozenset[Reason],
           out: np.ndarray, column: dict[str, int]) -> None:
    """Lists the page does not mean as text: the short lines under a heading a rule names as a list
    heading ("Related", "À lire aussi"), and the length of the run of short link-only blocks a block
    is in (one linked line in a paragraph run is a reference; ten in a row are a menu)."""
    under = column["under_list_heading"]
    in_list = False
    # each block's words counted once for both passes (a split of every block's text)
    counts = [len(block.text.split()) for block in blocks]
    for i, (block, item, words) in enumerate(zip(blocks, rule_labels, counts)):
        if item.reason in list_heads and words <= 8 and block.tag != "li":
            in_list = True
            continue
        if (in_list and words <= 20 and block.tag not in _HEADINGS and item.label is not Label.TITLE
                and not ends_sentence(block.text)):
            out[i, under] = 1.0
        else:
            in_list = False
    runs = column["log_link_run"]
    start = 0
    n = len(blocks)
    for i in range(n + 1):
        linky = i < n and blocks[i].link_share >= 0.7 and counts[i] <= 25
        if linky:
            continue
        if i > start:
            out[start:i, runs] = math.log1p(i - start)
        start = i + 1
