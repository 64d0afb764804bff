"""The page's language: declared by the page, else detected from a long enough body with py3langid
(imported lazily), and ``language_source`` saying which; both survive to_dict/from_dict."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import cleanpage
from cleanpage import Options, Page
from cleanpage.engines.langid import MIN_CHARS, detect_language

ENGLISH = ("The council met on Tuesday evening to discuss the plan for the new library building, "
           "and several residents spoke in favour of the proposal. ")
FRENCH = ("Le conseil municipal s'est réuni mardi soir pour discuter du projet de nouvelle bibliothèque, "
          "et plusieurs habitants ont pris la parole en faveur de la proposition. ")
GERMAN = ("Der Gemeinderat traf sich am Dienstagabend, um den Plan für das neue Bibliotheksgebäude zu "
          "besprechen, und mehrere Anwohner sprachen sich für den Vorschlag aus. ")


@pytest.mark.parametrize(("text", "language"), [(ENGLISH * 2, "en"), (FRENCH * 2, "fr"), (GERMAN * 2, "de")],
                         ids=["en", "fr", "de"])
def test_detects_the_language_of_enough_text(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "Short headline only", ENGLISH[: MIN_CHARS - 1]],
                         ids=["empty", "blank", "short", "just-under"])
def test_too_little_text_is_not_guessed(text: str) -> None:
    assert detect_language(text) is None


def test_a_text_dump_gets_a_detected_language() -> None:
    page = cleanpage.clean(f"A plan for the library\n\n{FRENCH}\n\n{FRENCH}\n", kind="text")
    assert (page.language, page.language_source) == ("fr", "detected")
    (record,) = cleanpage.to_records([page])
    assert (record["language"], record["language_source"]) == ("fr", "detected")


def test_a_declared_language_wins_over_the_body() -> None:
    html = f'<html lang="de"><head><title>T</title></head><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>'
    page = cleanpage.clean(html)
    assert (page.language, page.language_source) == ("de", "declared")


def test_an_undeclared_html_page_is_detected() -> None:
    html = f"<html><head><title>T</title></head><body><article><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>"
    page = cleanpage.clean(html)
    assert (page.language, page.language_source) == ("de", "detected")


def test_a_short_body_has_no_language() -> None:
    page = cleanpage.clean("<html><body><p>Hello there.</p></body></html>")
    assert (page.language, page.language_source) == (None, None)


def test_detection_can_be_switched_off() -> None:
    page = cleanpage.clean(f"Title\n\n{ENGLISH}\n\n{ENGLISH}\n", kind="text", options=Options(detect_language=False))
    assert (page.language, page.language_source) == (None, None)


@pytest.mark.parametrize("source", ["declared", "detected", None])
def test_language_source_round_trips(source: str | None) -> None:
    page = Page(kind=cleanpage.InputKind.TEXT, paragraphs=("x",), language="en" if source else None,
                language_source=source)
    data = json.loads(page.to_json())
    assert data["language_source"] == source
    assert Page.from_dict(data) == page


def test_py3langid_is_loaded_only_when_needed() -> None:
    """Importing cleanpage does not import py3langid, and a page that declares its language never loads the
    model (trafilatura, once loaded, imports py3langid itself; the model is what costs)."""
    code = ("import sys, cleanpage; print('py3langid' in sys.modules); "
            "cleanpage.clean('<html lang=en><body><p>' + 'Words of a page. ' * 20 + '</p></body></html>'); "
            "import cleanpage.engines.langid as e; print(e._identifier is None)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
