"""Authors and date of a text dump, from byline-shaped lines above the body.

A dump has no ``<meta>``: the only statements are lines like "By Jane Doe" or "March 3, 2024"
between the headline and the first paragraph. Only that window is read, so a date quoted in the
article or a name in a comment is never taken for the page's own.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from cleanpage.authors import clean_authors
from cleanpage.dates import parse_date
from cleanpage.labels import Label, Labelled
from cleanpage.rules import Rules

__all__ = ["TextMeta", "text_metadata"]

_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+\S", re.I)
_DATEISH = re.compile(r"\d{1,4}[./\-]\d{1,2}|\b(?:19|20)\d{2}\b|\d{1,2}:\d{2}")


@dataclass(frozen=True, kw_only=True, slots=True)
class TextMeta:
    authors: tuple[str, ...]
    published: _dt.date | _dt.datetime | None


def text_metadata(labelled: tuple[Labelled, ...], rules: Rules) -> TextMeta:
    """Read the lines between the title (or the start) and the first body paragraph."""
    first_body = next((i for i, item in enumerate(labelled) if item.label is Label.BODY), len(labelled))
    title = next((i for i, item in enumerate(labelled) if item.label is Label.TITLE), -1)
    window = labelled[max(title + 1, first_body - 6):first_body]
    names: list[str] = []
    published = None
    for item in window:
        text = item.block.text
        if len(text) > 160:
            continue
        if _BYLINE.match(text):
            names.append(text)
        if published is None and _DATEISH.search(text):
            published = parse_date(re.sub(r"^(?:published|updated|veröffentlicht|publié|publicado)\s*:?\s*", "", text, flags=re.I))
    return TextMeta(authors=clean_authors(names, rules), published=published)
