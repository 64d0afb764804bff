"""The parts of a link's address that the rules name: a member's profile ("/u/jane"), an account page
("/user/login?destination=…"). Shared by the comment cues and the comment header reader."""

from __future__ import annotations

import re

__all__ = ["has_path_part"]

_SEPARATORS = re.compile(r"[/?&=#]+")


def has_path_part(href: str, words: frozenset[str]) -> bool:
    """One of the address's parts (between slashes, or a query's key or value) is one of ``words``;
    a script's name counts without its extension ("profile.php", "wp-login.php")."""
    parts = _SEPARATORS.split(href.lower())
    return any(part in words or part.rsplit(".", 1)[0] in words for part in parts if part)
