"""HTML metadata: title, authors, published date and language from the tree — or ``None`` rather than a guess.

Takes the parsed tree (and the page's URL); gives an :class:`HtmlMeta`. One module per source
(:mod:`.jsonld`, :mod:`.head`, :mod:`.visible`, :mod:`.htmldate_source`, the URL through
:mod:`.site` and :func:`cleanpage.pipeline.shared.dates.date_from_url`), where an element sits
(:mod:`.places`), and the choice per field (:mod:`.title`, :mod:`.authors`, :mod:`.dates`), made
in :mod:`.arbiter`.
"""

from __future__ import annotations

from .arbiter import HtmlMeta, read_metadata
from .site import strip_site_suffix

__all__ = ["HtmlMeta", "read_metadata", "strip_site_suffix"]
