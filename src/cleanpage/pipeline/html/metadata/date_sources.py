"""Every source's publication date for one page, as (source, value) proposals for the date arbiter.

Each value is read by the module that owns its source (:mod:`.jsonld`, :mod:`.head`, :mod:`.visible`,
:mod:`.dates`, :mod:`.htmldate_source`, the URL); nothing here chooses. A value is parsed as the
page wrote it: an offset is kept, never converted, so a bare UTC instant stays on its own day.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from lxml import etree

from cleanpage.pipeline.shared.dates import date_from_url, parse_date, parse_visible_date
from cleanpage.rules import Rules

from .date_candidates import Proposal
from .dates import _UNDER_HEADLINE_LINES, _date_under_headline, _shown_date, _written_alone
from .head import _first
from .htmldate_source import _htmldate
from .visible import _LOOSE_DATE

if TYPE_CHECKING:
    from .arbiter import _Sources


def _structured(src: _Sources, rules: Rules) -> list[Proposal]:
    """JSON-LD, the ``meta`` keys (a strong publication key, the others, a generic "date"), ``itemprop``."""
    markup = rules.cues.markup
    texts: list[tuple[str, str | None]] = [("ld_published", src.ld.published)]
    strong = [n for n in markup.published if n in src.meta and n not in markup.weak_published]
    weak = [n for n in markup.published if n in src.meta and n in markup.weak_published]
    texts.extend(("meta_published" if i == 0 else "meta_other", src.meta[n]) for i, n in enumerate(strong[:3]))
    texts.extend(("meta_weak", src.meta[n]) for n in weak[:1])
    texts.extend(("item", t) for t in src.scan.item_dates[:2])
    texts.extend((("ld_modified", src.ld.modified), ("meta_modified", _first(src.meta, markup.modified))))
    out: list[Proposal] = []
    for source, text in texts:
        value = parse_date(text) if text else None
        if value is not None:
            out.append((source, value))
    return out


def _visible(src: _Sources, rules: Rules) -> list[Proposal]:
    """The date line shown to the reader, a numeric date line, a date under the headline, one written alone."""
    cues, mf, lang = rules.cues, src.month_first, src.lang
    out: list[Proposal] = []
    shown, labelled = _shown_date(src.scan, cues, month_first=mf, lang=lang)
    if shown is not None:
        out.append(("labelled" if labelled else "shown", shown))
    numeric = next((t for t in src.scan.loose if _LOOSE_DATE.search(t)), None)
    line = parse_visible_date(numeric, cues=cues, month_first=mf, lang=lang) if numeric else None
    under = _date_under_headline(src.scan.after_h1[:_UNDER_HEADLINE_LINES], cues, month_first=mf, lang=lang)
    alone = _written_alone(src.scan, cues, month_first=mf, lang=lang)
    out.extend((s, v) for s, v in (("numeric_line", line), ("under_headline", under), ("alone", alone))
               if v is not None)
    return out


def date_proposals(root: etree._Element, src: _Sources, rules: Rules,
                   hand: _dt.date | _dt.datetime | None) -> list[Proposal]:
    """Every source's date, the hand order's pick first."""
    out: list[Proposal] = [("hand", hand)] if hand is not None else []
    out.extend(_structured(src, rules))
    out.extend(_visible(src, rules))
    for source, day in (("url", date_from_url(src.url, slugs=False, lang=src.lang)),
                        ("url_slug", date_from_url(src.url, lang=src.lang)),
                        ("htmldate", _htmldate(root, src.url, rules.cues.markup))):
        if day is not None:
            out.append((source, day))
    return out
