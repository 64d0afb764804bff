"""Date candidates as rows: every day a source proposes for the publication, with its evidence.

The sources are each read by their own module (JSON-LD, the ``meta`` keys, ``itemprop`` dates, the
date line the reader is shown, the URL, htmldate, a date under the headline or written alone); the
hand order's pick (:func:`.arbiter._date`, which keeps the page's zone and never moves a bare UTC
instant onto another day) is one more source. Values on the same calendar day are one candidate,
whose value is the hand order's when it is among them (so its zone handling stands), else the first
source's. Its features say which sources state that day, how many agree, how far it lies from the
URL's date, whether it is the earliest or latest day stated, whether it carries a time and a zone.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field

from cleanpage.pipeline.shared.dates import local_day

#: every source a date can come from, in the order a candidate's value is taken from
SOURCES = ("hand", "ld_published", "meta_published", "meta_weak", "meta_other", "item", "shown", "labelled",
           "url", "url_slug", "htmldate", "numeric_line", "under_headline", "alone", "ld_modified",
           "meta_modified")

#: the sources that state a publication (not a change, not the hand order's own pick)
_STATED = tuple(s for s in SOURCES if s not in ("hand", "ld_modified", "meta_modified"))

#: feature names, in the order of a row (the model file stores them and is checked against them)
FEATURES = (
    *(f"src_{s}" for s in SOURCES),
    "n_stated", "n_stated_ge2", "url_agrees", "url_disagrees", "url_distance", "hand_distance",
    "earliest", "latest", "has_time", "has_zone", "only_modified",
)

Proposal = tuple[str, _dt.date | _dt.datetime]


@dataclass(slots=True)
class DateCandidate:
    """One calendar day, its value, and the sources that state it (its row is :func:`date_row`)."""

    day: _dt.date
    value: _dt.date | _dt.datetime
    sources: set[str] = field(default_factory=set)
    values: list[_dt.date | _dt.datetime] = field(default_factory=list)


def date_candidates(proposals: list[Proposal]) -> list[DateCandidate]:
    """Every distinct day the sources propose, the hand order's first, then in source order."""
    order = {s: i for i, s in enumerate(SOURCES)}
    found: dict[_dt.date, DateCandidate] = {}
    for source, value in sorted(proposals, key=lambda p: order[p[0]]):
        day = local_day(value)
        cand = found.setdefault(day, DateCandidate(day, value))
        cand.sources.add(source)
        cand.values.append(value)
    return list(found.values())


def _days(a: _dt.date | None, b: _dt.date) -> float:
    return math.log1p(abs((b - a).days)) / 5.0 if a is not None else 0.0


def date_row(cand: DateCandidate, all_days: list[_dt.date], url_day: _dt.date | None,
             hand_day: _dt.date | None) -> list[float]:
    """The candidate's features, in :data:`FEATURES` order."""
    stated = sum(s in cand.sources for s in _STATED)
    timed = [v for v in cand.values if isinstance(v, _dt.datetime)]
    return [
        *(float(s in cand.sources) for s in SOURCES),
        float(stated), float(stated >= 2),
        float(url_day is not None and cand.day == url_day), float(url_day is not None and cand.day != url_day),
        _days(url_day, cand.day), _days(hand_day, cand.day),
        float(cand.day == min(all_days)), float(cand.day == max(all_days)),
        float(bool(timed)), float(any(v.utcoffset() is not None for v in timed)),
        float(stated == 0 and "hand" not in cand.sources),
    ]


def date_rows(cands: list[DateCandidate], url_day: _dt.date | None) -> list[list[float]]:
    """Every candidate's row (the page's other days are part of each row's evidence)."""
    days = [c.day for c in cands]
    hand_day = next((c.day for c in cands if "hand" in c.sources), None)
    return [date_row(c, days, url_day, hand_day) for c in cands]
