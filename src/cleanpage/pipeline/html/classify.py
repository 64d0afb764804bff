"""HTML classify: label every block, combining our rules with the engines' evidence.

Takes the blocks, the main-content engine's text and the page's title; gives every block its
:class:`Labelled` value, in order.

Evidence, strongest first:

1. the block sits in a reader-response section found by :mod:`cleanpage.pipeline.html.responses`;
2. a whole-block boilerplate phrase ("Close this search box.", "Leave a Reply") — never prose;
3. a boilerplate role on the block or an ancestor (class/id tokens such as ``share``/``related``,
   semantic containers such as ``nav``/``aside``/``footer``) — unless the main-content engine kept
   the block *and* it reads as prose, because sites do wrap articles in oddly named containers;
4. whether trafilatura's main text covers the block (aligned by normalised text);
5. with no engine output, the block's own prose features.

Then structure corrects the engine both ways: runs of short link-only blocks (and the heading
that introduces them) are link lists, "SEE ALSO: <link>" lines are inline teasers; and prose that
sits in the same container as the kept text but was dropped by the engine comes back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cleanpage.engines.trafilatura import EngineText
from cleanpage.models import Forest
from cleanpage.pipeline.blocks import Block, Label, Labelled, Reason, text_key
from cleanpage.pipeline.html.decide import decide
from cleanpage.pipeline.prose import is_prose
from cleanpage.rules import BoilerplateRule, Container, Rules
from cleanpage.rules.disclosure import DisclosureCues

__all__ = ["Coverage", "Evidence", "classify", "gather"]

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: "SEE ALSO: <headline link>", "LEE TAMBIÉN: …", "Mehr zum Thema: …" — a short label, a colon, a link
_TEASER = re.compile(r"^[^\W\d_][^:.!?]{0,40}:\s*\S")
#: captions and quotes of other pages are not article prose the engine forgot
_NOT_RECOVERED = frozenset({"figure", "figcaption", "hidden", "dialog", "noscript"})
#: a run of this many short link-only blocks is a link list, not article text
_LINK_RUN = 3
#: a skip link is a link: a block a skip-link class names but of mostly plain text is the element it jumps to
#: (``<main id="skip-to-content">``), the content itself
_SKIP_LINK_MIN_LINK_SHARE = 0.5


class Coverage:
    """Which blocks an engine's text covers: exact unit matches, long blocks found inside its
    text, or long blocks mostly made of its units (one block split in two by the engine).

    "Found inside its text" is a substring search; on a large page every block searching the whole
    text is quadratic, so past :data:`_INDEX_CHARS` a key of :data:`_MIN_INDEXED` characters or more
    is only searched in the units that share one of its sampled character grams (:class:`_GramIndex`):
    the same answer, since a key (letters and digits) never spans the separator of two units."""

    __slots__ = ("_found", "_index", "_joined", "_keys", "_units")

    def __init__(self, units: Iterable[str], known: Mapping[str, str] | None = None) -> None:
        # the engine's units are mostly our blocks' texts again: ``known`` keys (text -> text_key)
        # already made for the blocks are not made twice (on non-ASCII text a key is a regex pass)
        memo = known or {}
        keys = [memo.get(u) or text_key(u) for u in units]
        self._units = [k for k in keys if len(k) >= 10]
        self._keys = frozenset(keys)
        self._joined = "\x00".join(keys)
        self._index = _GramIndex(keys) if len(self._joined) > _INDEX_CHARS else None
        self._found: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self._joined)

    def covers(self, key: str) -> bool:
        if not key:
            return False
        if key in self._keys:
            return True
        if len(key) >= 12 and self.contains(key):
            return True
        if len(key) >= 80:
            inside = sum(len(u) for u in self._units if u in key)
            return inside >= 0.6 * len(key)
        return False

    def contains(self, key: str) -> bool:
        """The key occurs somewhere in the engine's text (weak evidence for short blocks)."""
        if not key:
            return False
        if key in self._keys:
            return True
        found = self._found.get(key)
        if found is None:
            if self._index is not None and len(key) >= _MIN_INDEXED:
                found = self._index.contains(key)
            else:
                found = key in self._joined
            self._found[key] = found
        return found


#: engine texts longer than this get a gram index for the substring searches of :class:`Coverage`
_INDEX_CHARS = 50_000
_GRAM = 8
#: a key this long holds a whole sampled gram of any unit it occurs in, whatever its offset
_MIN_INDEXED = 2 * _GRAM - 1


class _GramIndex:
    """Units by the character grams at every ``_GRAM``-th position: a key that occurs in a unit
    holds, at one of its first ``_GRAM`` offsets, a gram the unit was indexed by."""

    __slots__ = ("_by_gram", "_units")

    def __init__(self, units: list[str]) -> None:
        self._units = units
        by_gram: dict[str, list[int]] = {}
        for n, unit in enumerate(units):
            for start in range(0, len(unit) - _GRAM + 1, _GRAM):
                found = by_gram.setdefault(unit[start:start + _GRAM], [])
                if not found or found[-1] != n:
                    found.append(n)
        self._by_gram = by_gram

    def contains(self, key: str) -> bool:
        seen: set[int] = set()
        for offset in range(_GRAM):
            for n in self._by_gram.get(key[offset:offset + _GRAM], ()):
                if n not in seen:
                    seen.add(n)
                    if key in self._units[n]:
                        return True
        return False


def _container_reason(roles: frozenset[str], containers: tuple[Container, ...]) -> Reason | None:
    """The reason of the strongest semantic container (``rules.containers``) a block is inside."""
    for container in containers:
        if container.role in roles:
            if container.reason is Reason.PAGE_HEADER and ("article" in roles or "main" in roles):
                continue  # an article's own header holds its title, lead and byline
            return container.reason
    return None


def _kept_flags(keys: Sequence[str], coverage: Coverage) -> list[bool]:
    """Coverage per block (given by its key); a short block the engine merged into a neighbour's
    unit counts as kept when the engine's text contains it and a neighbour is kept."""
    kept = [coverage.covers(k) for k in keys]
    for i, key in enumerate(keys):
        if kept[i] or len(key) >= 12 or not coverage.contains(key):
            continue
        if (i > 0 and kept[i - 1]) or (i + 1 < len(kept) and kept[i + 1]):
            kept[i] = True
    return kept


def _is_linky(block: Block) -> bool:
    return block.link_share >= 0.7 and block.words <= 25


def _link_lists(out: list[Labelled]) -> None:
    """Body blocks in runs of short link-only blocks, and the heading just before such a run."""
    i = 0
    n = len(out)
    while i < n:
        if out[i].label is not Label.BODY or not _is_linky(out[i].block):
            i += 1
            continue
        j = i
        while j < n and out[j].label is Label.BODY and _is_linky(out[j].block):
            j += 1
        if j - i >= _LINK_RUN or (j - i >= 2 and i > 0 and out[i - 1].block.tag in _HEADINGS):
            start = i - 1 if i > 0 and out[i - 1].block.tag in _HEADINGS and out[i - 1].label is Label.BODY else i
            for k in range(start, j):
                out[k] = Labelled(block=out[k].block, label=Label.BOILERPLATE, reason=Reason.LINK_LIST)
        i = j


def _teasers(out: list[Labelled]) -> None:
    for k, item in enumerate(out):
        block = item.block
        if item.label is not Label.BODY or block.words > 30 or not _TEASER.match(block.text):
            continue
        label_part, rest = block.text.split(":", 1)
        rest = rest.strip()
        if (len(label_part.split()) <= 5 and not rest.startswith("//")
                and block.link_chars >= 0.8 * len(rest) and sum(c.isalpha() for c in label_part) >= 4):
            out[k] = Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.INLINE_TEASER)


def _captions(out: list[Labelled]) -> None:
    """Figure captions describe a picture, not the story (and carry photo credits)."""
    for k, item in enumerate(out):
        if item.label is Label.BODY and "figcaption" in item.block.roles:
            out[k] = Labelled(block=item.block, label=Label.BOILERPLATE, reason=Reason.CAPTION)


def _kickers(out: list[Labelled]) -> None:
    """Short labels above the headline (a section or tag name, "Exclusive") are not the story."""
    title_at = next((k for k, item in enumerate(out) if item.label is Label.TITLE), None)
    if title_at is None:
        return
    for k in range(max(0, title_at - 3), title_at):
        item = out[k]
        if item.label is Label.BODY and item.block.words <= 4 and not is_prose(item.block.text):
            out[k] = Labelled(block=item.block, label=Label.BOILERPLATE, reason=Reason.KICKER)


def _orphan_headings(out: list[Labelled]) -> None:
    """A heading belongs to what follows it: one under which no body text follows before the next
    heading (or the end) introduces furniture ("Related articles", "More on this topic")."""
    n = len(out)
    for k in range(n):
        item = out[k]
        # a lead paragraph set in a heading tag is not a heading
        if item.label is not Label.BODY or item.block.tag not in _HEADINGS or item.block.words > 12:
            continue
        j = k + 1
        while j < n and out[j].block.tag not in _HEADINGS and out[j].label is not Label.BODY:
            j += 1
        if j >= n or out[j].block.tag in _HEADINGS:
            out[k] = Labelled(block=item.block, label=Label.BOILERPLATE, reason=Reason.ORPHAN_HEADING)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the rules and the engine say about each block: the block model's input."""

    rule_labels: tuple[Labelled, ...]
    kept: tuple[bool, ...]  # the engine's text covers the block (no engine: the block is prose)
    contains: tuple[bool, ...]  # the engine's text contains the block somewhere (weak)
    keys: tuple[str, ...]  # each block's alignment key (:func:`text_key`)
    title_key: str
    list_heads: frozenset[Reason]  # reasons of the rules whose hit heads a list ("Related")


def gather(blocks: tuple[Block, ...], engine: EngineText | None, rules: Rules, *, title: str | None) -> Evidence:
    """The rule classifier's labels and the engine's coverage of every block."""
    # a page repeats a quarter of its block texts: each key is made once (and the engine's units,
    # nine in ten of them a block's text again, reuse the blocks' keys)
    key_of: dict[str, str] = {}
    keys = tuple(key_of.get(b.text) or key_of.setdefault(b.text, text_key(b.text)) for b in blocks)
    coverage = Coverage(engine.body, key_of) if engine is not None else Coverage(())
    kept = _kept_flags(keys, coverage) if coverage else [is_prose(b.text) for b in blocks]
    title_key = text_key(title) if title else ""
    return Evidence(rule_labels=_rule_labels(blocks, kept, rules, title_key), kept=tuple(kept),
                    contains=tuple(coverage.contains(k) for k in keys), keys=keys, title_key=title_key,
                    list_heads=_list_heads(rules))


def _list_heads(rules: Rules) -> frozenset[Reason]:
    memo = rules.memo("classify.list_heads")
    found: frozenset[Reason] | None = memo.get(None)
    if found is None:
        found = memo[None] = frozenset(r.name for r in rules.boilerplate if r.role in rules.text_roles.list_headings)
    return found


def classify(
    blocks: tuple[Block, ...],
    engine: EngineText | None,
    rules: Rules,
    *,
    title: str | None,
    model: Forest | None = None,
) -> tuple[Labelled, ...]:
    """A label for every block of an HTML page, in page order: the block model's decision over the
    rules' evidence (:mod:`.decide`), or the rules' own labels when no model is given."""
    evidence = gather(blocks, engine, rules, title=title)
    labelled = evidence.rule_labels if model is None else decide(blocks, evidence, model=model)
    return _styled_copies(labelled, rules.disclosure)


def _styled_copies(labelled: tuple[Labelled, ...], cues: DisclosureCues) -> tuple[Labelled, ...]:
    """A body block inside an element a stylesheet hides by its class (``div.hidden``, ``d-none``)
    whose text the body also holds where the page shows it is a copy (a post's text kept again for
    structured data, an answer's collapsed copy beside its expanded one): removed as ``hidden``, so
    the text is kept once. Decided on the final labels, after the block model: only a copy both
    kept is dropped, never text the body would otherwise lose.

    What the hidden element holds decides: when most of its blocks are shown elsewhere it is a
    copy, and each of them goes; otherwise it holds text of its own (an article a script un-hides,
    a tab), and only a block already shown before it goes (a collapsed answer's preview above its
    full text), so a teaser repeating an article's lead further down leaves the lead in place. The
    element is read as a run of consecutive hidden body blocks under the same hiding classes
    (:func:`_hidden_runs`)."""
    hiding = _hiding_tokens(labelled, cues)
    if not any(hiding):
        return labelled
    first_shown: dict[str, int] = {}
    for n, (item, hid) in enumerate(zip(labelled, hiding)):
        if item.label is Label.BODY and not hid:
            first_shown.setdefault(text_key(item.block.text), n)
    copies: set[int] = set()
    for run in _hidden_runs(labelled, hiding):
        shown = {i: first_shown.get(text_key(labelled[i].block.text)) for i in run}
        mostly = 2 * sum(at is not None for at in shown.values()) > len(run)
        copies.update(i for i, at in shown.items() if at is not None and (mostly or at < i))
    return tuple(
        Labelled(block=item.block, label=Label.BOILERPLATE, reason=Reason.HIDDEN) if n in copies else item
        for n, item in enumerate(labelled)
    )


def _hiding_tokens(labelled: tuple[Labelled, ...], cues: DisclosureCues) -> list[frozenset[str]]:
    """Each body block's class values a stylesheet hides with (empty for the others)."""
    # pages repeat a few token sets, and a few class values across them: each is asked once
    of_set: dict[frozenset[str], frozenset[str]] = {}
    by_class: dict[str, bool] = {}
    out: list[frozenset[str]] = []
    for item in labelled:
        tokens = item.block.tokens
        if item.label is not Label.BODY or not tokens:
            out.append(frozenset())
            continue
        known = of_set.get(tokens)
        if known is None:
            known = of_set[tokens] = frozenset(
                t for t in tokens if (by_class[t] if t in by_class else by_class.setdefault(t, cues.hides_class(t))))
        out.append(known)
    return out


def _hidden_runs(labelled: tuple[Labelled, ...], hiding: list[frozenset[str]]) -> list[list[int]]:
    """The hidden body blocks in runs: consecutive among the body blocks, under the same hiding
    classes. A run stands for the element that hides them; two hidden elements side by side with
    the same class read as one, which only keeps more."""
    runs: list[list[int]] = []
    last: frozenset[str] = frozenset()
    for n, (item, hid) in enumerate(zip(labelled, hiding)):
        if item.label is not Label.BODY:
            continue
        if hid and hid == last:
            runs[-1].append(n)
        elif hid:
            runs.append([n])
        last = hid
    return runs


def _rule_labels(blocks: tuple[Block, ...], kept: list[bool], rules: Rules, title_key: str) -> tuple[Labelled, ...]:
    """The rule classifier: each block on its own evidence (its response section, the page's
    headline, the rules, the engine), then the corrections structure makes across blocks."""
    title_done = False
    labeller = _Labeller(rules)
    out: list[Labelled] = []
    for block, keep in zip(blocks, kept):
        if "comments" in block.roles or "comment-item" in block.roles:
            out.append(_in_responses(block, rules))
        elif "post-signature" in block.roles:
            # the signature of a post standing apart (a question's "asked … by", reputation): its chrome
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.COMMENT_CHROME))
        elif "hidden" in block.roles:
            # text the page hides from readers is never its body, whatever the engine kept
            out.append(Labelled(block=block, label=Label.BOILERPLATE, reason=Reason.HIDDEN))
        elif not title_done and title_key and block.tag in ("h1", "h2") and text_key(block.text) == title_key:
            title_done = True
            out.append(Labelled(block=block, label=Label.TITLE))
        else:
            out.append(labeller.label(block, keep))
    _fallback(out)
    _link_lists(out)
    _teasers(out)
    _recover(out)
    _lead(out)
    _captions(out)
    _kickers(out)
    _orphan_headings(out)
    return tuple(out)


def _in_responses(block: Block, rules: Rules) -> Labelled:
    """A block of a reader-response section: boilerplate by a whole-block phrase, the section's
    heading, an item's text, or else the section's own chrome."""
    cues = rules.comments
    rule = rules.match_text(block.text)
    if rule is not None:
        return Labelled(block=block, label=Label.BOILERPLATE, reason=rule.name)
    if cues.is_section_heading(block.text):  # a count-announcing heading ("3 Responses") or a phrase one
        return Labelled(block=block, label=Label.RESPONSE_HEADER, reason=Reason.RESPONSES_HEADER)
    if "comment-item" in block.roles:
        return Labelled(block=block, label=Label.RESPONSE)
    token_rule = rules.match_tokens(block.tokens)
    reason = token_rule.name if token_rule is not None else Reason.COMMENT_SECTION
    return Labelled(block=block, label=Label.BOILERPLATE, reason=reason)


class _Labeller:
    """One block's label from the rules and the engine (evidence 2 to 5 of the module docstring).

    Blocks of one container share their token and role sets: each set is decided once per page."""

    __slots__ = ("containers", "rules", "token_rules")

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.token_rules: dict[frozenset[str], BoilerplateRule | None] = {}
        self.containers: dict[frozenset[str], Reason | None] = {}

    def label(self, block: Block, keep: bool) -> Labelled:
        text = block.text
        rule = self.rules.match_text(text)
        if rule is not None:
            return Labelled(block=block, label=Label.BOILERPLATE, reason=rule.name)
        if block.tokens in self.token_rules:
            token_rule = self.token_rules[block.tokens]
        else:
            token_rule = self.token_rules[block.tokens] = self.rules.match_tokens(block.tokens)
        if token_rule is not None and token_rule.name is Reason.SKIP_LINK and block.link_share < _SKIP_LINK_MIN_LINK_SHARE:
            token_rule = None
        # whether a kept block reads as prose only matters against a boilerplate token or a
        # container: asked only then (most kept text has neither, and it is the longest text)
        prose: bool | None = None
        if token_rule is not None:
            prose = keep and is_prose(text)
            if not prose:
                return Labelled(block=block, label=Label.BOILERPLATE, reason=token_rule.name)
        roles = block.roles
        if roles in self.containers:
            container = self.containers[roles]
        else:
            container = self.containers[roles] = _container_reason(roles, self.rules.containers)
        if container is not None and not keep:
            return Labelled(block=block, label=Label.BOILERPLATE, reason=container)
        if keep and (container is None or container is Reason.PAGE_HEADER
                     or (prose if prose is not None else is_prose(text))):
            return Labelled(block=block, label=Label.BODY)
        return Labelled(block=block, label=Label.BOILERPLATE, reason=container or Reason.OUTSIDE_MAIN_CONTENT)


def _fallback(out: list[Labelled]) -> None:
    """When the engine kept little of the page's prose, take the prose of the densest container.

    A page whose article sits in markup the engine does not recognise leaves the engine with a
    fragment; the container that holds most of the page's unremoved prose is the article then
    (the readability idea, on our blocks: no second parse, no second engine).
    """
    kept = sum(len(item.block.text) for item in out if item.label is Label.BODY)
    candidates = [
        k for k, item in enumerate(out)
        if item.label is Label.BOILERPLATE and item.reason is Reason.OUTSIDE_MAIN_CONTENT
        and item.block.link_share < 0.3 and item.block.words >= 6
    ]
    # cheap bound first: if the engine kept enough even against every candidate, nothing to do
    if kept >= 250 and kept >= 0.3 * (kept + sum(len(out[k].block.text) for k in candidates)):
        return
    prose_at = [k for k in candidates if is_prose(out[k].block.text)]
    if not prose_at:
        return
    loose = sum(len(out[k].block.text) for k in prose_at)
    if kept >= 250 and kept >= 0.3 * (kept + loose):
        return
    chars: Counter[int] = Counter()
    for k in prose_at:
        n = len(out[k].block.text)
        for node in out[k].block.path:
            chars[node] += n
    best = max(chars.values(), default=0)
    if best < 200:
        return
    # the deepest container that still holds most of the loose prose
    main = max(node for node, n in chars.items() if n >= 0.6 * best)
    for k in prose_at:
        if main in out[k].block.path:
            out[k] = Labelled(block=out[k].block, label=Label.BODY)


def _lead(out: list[Labelled]) -> None:
    """The lead paragraph between the headline and the article text.

    News templates set the lead (teaser, standfirst) apart from the text container, where
    engines that look for one dense container drop it. Prose directly under the title, before
    the first kept paragraph, with no furniture role, is the lead.
    """
    title_at = next((k for k, item in enumerate(out) if item.label is Label.TITLE), None)
    if title_at is None:
        title_at = next((k for k, item in enumerate(out) if item.block.tag == "h1"), None)
    first = next((k for k, item in enumerate(out) if item.label is Label.BODY), None)
    if title_at is None or first is None or not title_at < first <= title_at + 12:
        return
    for k in range(title_at + 1, first):
        item = out[k]
        block = item.block
        if (item.label is Label.BOILERPLATE and item.reason in (Reason.OUTSIDE_MAIN_CONTENT, Reason.PAGE_HEADER)
                and block.link_share < 0.3 and not block.roles & _NOT_RECOVERED and is_prose(block.text)):
            out[k] = Labelled(block=block, label=Label.BODY)


def _recover(out: list[Labelled]) -> None:
    """Prose the engine dropped from inside the container that holds the kept text.

    The main container is the innermost enclosing element that holds most of the kept body
    text; a prose block inside it that no rule, role or link list removed comes back. This
    repairs engines that drop a paragraph with an unusual wrapper, without letting sidebars in.
    """
    body_chars: Counter[int] = Counter()
    total = 0
    for item in out:
        if item.label is Label.BODY:
            n = len(item.block.text)
            total += n
            for node in item.block.path:
                body_chars[node] += n
    if not total:
        return
    # innermost container (deepest in document order) that holds >= 80% of the kept text
    main = None
    for node, chars in body_chars.items():
        if chars >= 0.8 * total and (main is None or node > main):
            main = node
    if main is None:
        return
    body_at = [k for k, item in enumerate(out) if item.label is Label.BODY]
    # only between the title (or the first kept block) and the last kept block: what follows an
    # article in its container is teasers of other articles, what precedes its title is a header
    first = body_at[0]
    title_at = next((k for k, item in enumerate(out) if item.label is Label.TITLE), None)
    if title_at is not None and title_at < first:
        first = title_at
    for k in range(first + 1, body_at[-1]):
        item = out[k]
        if item.label is not Label.BOILERPLATE or item.reason is not Reason.OUTSIDE_MAIN_CONTENT:
            continue
        block = item.block
        if (main in block.path and block.link_share < 0.3 and not block.roles & _NOT_RECOVERED
                and is_prose(block.text)):
            out[k] = Labelled(block=block, label=Label.BODY)
