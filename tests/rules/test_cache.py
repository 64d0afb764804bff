"""The on-disk cache of compiled rule tables (``cleanpage.rules._cache``): a value read back matches
exactly as the one built, regexes included; a damaged file or an unwritable folder is only a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanpage.rules import Rules, parse_rules
from cleanpage.rules._cache import cache_dir, cached

from ._shared import AG_OK, BP_OK, CM_OK

TEXTS = (BP_OK, AG_OK, CM_OK, None)


def _build() -> Rules:
    return parse_rules(BP_OK, AG_OK, CM_OK)


def _patterns(rules: Rules) -> list[tuple[str, int, int]]:
    return [(p.regex.pattern, p.regex.flags, p.regex.groups) for p in rules.credit_patterns]


def test_a_cached_value_is_rebuilt_from_disk_and_matches_the_same(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANPAGE_CACHE_DIR", str(tmp_path))
    built: list[Rules] = []
    first = cached(TEXTS, lambda: built.append(_build()) or built[-1], Rules)
    assert len(built) == 1 and len(list(tmp_path.glob("rules-*.pickle"))) == 1
    second = cached(TEXTS, lambda: built.append(_build()) or built[-1], Rules)
    assert len(built) == 1, "the second call must read the file, not build"
    assert second is not first and _patterns(second) == _patterns(first)
    for text in ("(AP)", "(Reuters)", "Search", "3 comments", "An ordinary sentence of the article."):
        a, b = first.match_credit(text), second.match_credit(text)
        assert (a and (a.pattern.name, a.match.span(), a.match.groupdict())) == \
               (b and (b.pattern.name, b.match.span(), b.match.groupdict()))
        assert first.match_text(text) == second.match_text(text)
        assert first.comments.announced(text) == second.comments.announced(text)
    assert second.memo("x") == {}


def test_other_texts_miss_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANPAGE_CACHE_DIR", str(tmp_path))
    cached(TEXTS, _build, Rules)
    cached((BP_OK + "\n", AG_OK, CM_OK, None), _build, Rules)
    assert len(list(tmp_path.glob("rules-*.pickle"))) == 2


def test_a_damaged_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANPAGE_CACHE_DIR", str(tmp_path))
    cached(TEXTS, _build, Rules)
    (path,) = tmp_path.glob("rules-*.pickle")
    path.write_bytes(b"not a pickle")
    assert _patterns(cached(TEXTS, _build, Rules)) == _patterns(_build())


def test_the_cache_can_be_turned_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANPAGE_CACHE_DIR", "off")
    assert cache_dir() is None
    assert isinstance(cached(TEXTS, _build, Rules), Rules)
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("CLEANPAGE_CACHE_DIR", str(blocker / "sub"))
    assert isinstance(cached(TEXTS, _build, Rules), Rules)
