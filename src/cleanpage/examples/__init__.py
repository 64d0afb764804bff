"""Example pages shipped with cleanpage, for trying it out and for the notebook in ``docs/``.

Three pages written for cleanpage (no third-party text): a technical note whose body has headings,
nested lists, code, a quote and a table (``feature-detection.html``); a local news story with a
wire credit, a share bar, related posts and a threaded comment section (``harbour-news.html``); and
a plain-text dump with underlined and ``#`` headings, bullets and numbered steps (``beekeeping.txt``).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["paths"]

_HERE = Path(__file__).resolve().parent


def paths() -> list[Path]:
    """The example pages, sorted by name: files on disk wherever cleanpage is installed."""
    return sorted(p for p in _HERE.iterdir() if p.suffix in (".html", ".txt"))
