"""The trafilatura adapter: the main text trafilatura keeps, as evidence for the HTML classifier.

Each engine is evidence, not the pipeline: it gets the already-parsed tree (trafilatura copies it,
so our tree stays intact), and what it returns is reduced to plain, ordered text units that the
classifier aligns back onto our blocks. Engines' failures are caught and logged here, so a bug in
a dependency costs one page some evidence, never the page itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import islice

from lxml import etree

from cleanpage.errors import CleanpageError
from cleanpage.pipeline.blocks import normalise_space

__all__ = ["ENGINE_MAX_CHARS", "EngineText", "engine_fits", "run_trafilatura"]

log = logging.getLogger(__name__)

@dataclass(frozen=True, kw_only=True, slots=True)
class EngineText:
    """What an engine kept as the main text: units, each a whitespace-normalised string."""

    body: tuple[str, ...]


def _units(tree: etree._Element | None) -> tuple[str, ...]:
    if tree is None:
        return ()
    units: list[str] = []
    for child in tree:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            for item in child.iter("item"):
                # nested lists: an item's own text without its sub-items (they come as items too)
                own = [item.text or ""]
                for sub in item:
                    if sub.tag != "list":
                        own.append("".join(sub.itertext()))
                    own.append(sub.tail or "")
                text = normalise_space("".join(own))
                if text:
                    units.append(text)
        elif tag == "table":
            # one unit per cell: our blocks are cells too, so alignment stays exact
            for cell in child.iter("cell"):
                text = normalise_space("".join(cell.itertext()))
                if text:
                    units.append(text)
        else:
            text = normalise_space("".join(child.itertext()))
            if text:
                units.append(text)
    return tuple(units)


#: a page longer than this (characters of decoded text) is not handed to trafilatura: its extraction
#: is super-linear in the page (1 MB 0.17 s, 20 MB 14 s on a quiet machine, 83x for 20x the text),
#: so past this size the page is classified without its vote and says so (``PageWarning.ENGINE_SKIPPED``).
#: Above the largest development page (5.3 MB), so no figure measured there depends on it.
ENGINE_MAX_CHARS = 6_000_000


#: tables nested deeper than this are not handed to trafilatura either: for each table its handler
#: gathers the elements of every table nested in it, cubic in the nesting (a 15 KB page of 1,800
#: unclosed ``<table>`` tags took 36 s). Real layouts nest a few deep (7 at most on the 2,165 dev pages).
ENGINE_MAX_TABLE_DEPTH = 16


def engine_fits(text: str, root: etree._Element | None = None) -> bool:
    """Whether a page is fit for the engine: short enough (see :data:`ENGINE_MAX_CHARS`) and, given its
    tree, with no table nested deeper than :data:`ENGINE_MAX_TABLE_DEPTH`."""
    return len(text) <= ENGINE_MAX_CHARS and (root is None or not _tables_too_deep(root))


def _tables_too_deep(root: etree._Element) -> bool:
    """Whether some table sits inside :data:`ENGINE_MAX_TABLE_DEPTH` others. Each table's ancestors are
    walked only until that many tables are met, and the first too-deep table in page order ends the
    search, so a page of ordinary tables costs a few ancestor steps per table."""
    limit = ENGINE_MAX_TABLE_DEPTH
    return any(
        next(islice(table.iterancestors("table"), limit - 1, None), None) is not None
        for table in root.iter("table")
    )


#: below this many characters trafilatura's default cascade would start its rescue stages (its own
#: ``min_extracted_size``): the precision pass found too little, and the default cascade runs
_RESCUE_BELOW = 250


def _extract(root: etree._Element, url: str | None, *, precision: bool) -> EngineText | None:
    from trafilatura import bare_extraction

    doc = bare_extraction(
        root,
        url=url,
        # comments off: trafilatura prunes comment containers from its copy with one XPath instead
        # of extracting them; our responses stage reads the comments
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        # not "python": that format also renders the body as text (xmltotxt, ~5 % of the call), which
        # nothing here reads; the body tree is the same either way (only that rendering depends on it)
        output_format="txt",
        with_metadata=False,
        # no readability/justext fallback inside trafilatura: the classifier's own fallback on our
        # blocks does that job without two more passes over the tree
        fast=True,
        favor_precision=precision,
    )
    if doc is None:
        return None
    return EngineText(body=_units(getattr(doc, "body", None)))


def run_trafilatura(root: etree._Element, url: str | None) -> EngineText | None:
    """trafilatura's main text on our tree, or ``None`` when it finds nothing.

    Precision first: the classifier adds back what a strict engine leaves out (prose inside the
    article's container, the lead, a densest-container fallback) and cannot easily take out what a
    lax one keeps, and precision mode skips trafilatura's rescue stages (a baseline pass and a
    recall retry over fresh copies of the tree), about a sixth of its time. When the precision pass
    keeps less than trafilatura's own rescue threshold, the default cascade runs (a few percent of
    pages).
    """
    try:
        found = _extract(root, url, precision=True)
        kept = sum(len(unit) for unit in found.body) if found is not None else 0
        if kept < _RESCUE_BELOW:
            rescued = _extract(root, url, precision=False)
            if rescued is not None and sum(len(unit) for unit in rescued.body) > kept:
                found = rescued  # the cascade's text, unless it found even less
    except CleanpageError:
        raise  # our own signals (a Timeout fired inside the engine) are not the engine's failures
    except Exception:
        log.warning("trafilatura failed on %s", url or "<page>", exc_info=True)
        return None
    return found
