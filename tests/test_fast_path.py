"""The fast path (``Options(use_trafilatura=False)``) reads its blocks with the model trained without the
engine's vote: a model is used only with the options its card was trained for (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleanpage
from cleanpage import Options, models
from cleanpage.io import cli
from cleanpage.models import BLOCK_MODEL, NO_ENGINE_MODEL, block_model_name, checked_block_model, load_forest
from tests import FIXTURES

FILLER = ("The council met on Tuesday evening to discuss the plan for the new library building, and several "
          "residents spoke in favour of the proposal while others asked about its cost.")
PAGE = f"""<html><head><title>Library plan backed</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Library plan backed</h1>
<p>{FILLER}</p><p>{FILLER} The vote was close.</p><p>{FILLER} Work starts in May.</p>
</article></main>
<footer><p>© 2024 Example Town News. All rights reserved.</p></footer></body></html>"""
FAST = Options(use_trafilatura=False)


def test_each_packaged_model_says_how_it_was_trained() -> None:
    assert block_model_name(True) == BLOCK_MODEL and block_model_name(False) == NO_ENGINE_MODEL
    assert load_forest(BLOCK_MODEL).card["engine"] is True
    assert load_forest(NO_ENGINE_MODEL).card["engine"] is False
    assert load_forest(NO_ENGINE_MODEL).features == load_forest(BLOCK_MODEL).features  # same columns, read apart


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def loader(name: str) -> models.Forest:
        asked.append(name)
        return load_forest(name)

    monkeypatch.setattr(models, "load_forest", loader)
    return asked


def test_the_fast_option_loads_the_no_engine_model(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _spy(monkeypatch)
    page = cleanpage.clean(PAGE, options=FAST)
    assert asked == [NO_ENGINE_MODEL]
    assert f"{FILLER} Work starts in May." in page.paragraphs
    assert "Home" not in page.paragraphs


def test_the_default_loads_the_engine_model(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _spy(monkeypatch)
    cleanpage.clean(PAGE)
    assert asked == [BLOCK_MODEL]


def test_the_rules_alone_load_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _spy(monkeypatch)
    cleanpage.clean(PAGE, options=Options(use_trafilatura=False, block_model=False))
    assert asked == []


def test_the_fast_path_is_deterministic() -> None:
    assert cleanpage.clean(PAGE, options=FAST).to_dict() == cleanpage.clean(PAGE, options=FAST).to_dict()


@pytest.mark.parametrize("engine,wrong", [(False, BLOCK_MODEL), (True, NO_ENGINE_MODEL)])
def test_a_model_whose_card_disagrees_is_refused(monkeypatch: pytest.MonkeyPatch, engine: bool, wrong: str) -> None:
    monkeypatch.setattr(models, "load_forest", lambda _name: load_forest(wrong))
    with pytest.raises(ValueError, match="card says engine="):
        cleanpage.clean(PAGE, options=Options(use_trafilatura=engine))


def test_a_card_that_does_not_say_is_refused() -> None:
    model = load_forest(BLOCK_MODEL)
    unsaid = models.Forest(**{**{f: getattr(model, f) for f in model.__dataclass_fields__}, "card": {}})
    with pytest.raises(ValueError, match="engine=None"):
        checked_block_model(unsaid, True)
    assert checked_block_model(model, True) is model


def test_the_cli_fast_flag_turns_the_engine_off(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[Options] = []

    def fake_clean_many(sources: Any, *, options: Options, **_kw: Any) -> Iterator[tuple[str, Any]]:
        seen.append(options)
        for ident, source, url in sources:
            yield ident, cleanpage.clean(Path(source).read_bytes(), url=url, options=options)

    monkeypatch.setattr(cli, "clean_many", fake_clean_many)
    html: Path = FIXTURES / "seed-html" / "input.html"
    assert cli.main(["--fast", str(html)]) == 0
    assert cli.main([str(html)]) == 0
    assert [o.use_trafilatura for o in seen] == [False, True]
    assert capsys.readouterr().out.count('"kind": "html"') == 2
