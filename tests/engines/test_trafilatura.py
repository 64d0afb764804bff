"""The trafilatura adapter: the text it sees, and its cascade (precision first, the default run only when
precision keeps little)."""

from __future__ import annotations

import pytest

from cleanpage.pipeline.html.tree import drop_unread, parse_html


def test_the_engine_sees_the_same_text_without_scripts() -> None:
    from cleanpage.engines.trafilatura import run_trafilatura

    page = (
        "<html><body><article><h1>Title</h1>"
        + "".join(f"<p>Paragraph {i} has enough words to be kept as article text by the engine.</p>"
                  f"<script>window.ad{i} = {{}};</script>" for i in range(8))
        + "</article></body></html>"
    )
    plain = run_trafilatura(parse_html(page), None)
    root = parse_html(page)
    drop_unread(root)
    dropped = run_trafilatura(root, None)
    assert plain is not None and dropped is not None
    assert plain.body == dropped.body
    assert any("Paragraph 7" in unit for unit in dropped.body)


def test_the_default_cascade_runs_only_when_precision_keeps_little_and_never_loses_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleanpage.engines import trafilatura as engines

    calls: list[bool] = []

    def fake(root: object, url: object, *, precision: bool) -> engines.EngineText | None:
        calls.append(precision)
        if precision:
            return engines.EngineText(body=("A short caption only.",))
        return None  # the cascade found nothing at all

    monkeypatch.setattr(engines, "_extract", fake)
    found = engines.run_trafilatura(parse_html("<html><body><p>x</p></body></html>"), None)
    assert calls == [True, False]
    assert found is not None and found.body == ("A short caption only.",)

    calls.clear()
    monkeypatch.setattr(engines, "_extract", lambda root, url, *, precision: (
        calls.append(precision) or engines.EngineText(body=("Long text. " * 40,))))
    engines.run_trafilatura(parse_html("<html><body><p>x</p></body></html>"), None)
    assert calls == [True]
