"""Reliability: any input gives a Page or a CleanpageError, in bounded time, with no file or network
access while parsing; the page says which encoding was used and why.

Example counts come from the hypothesis profile in conftest.py ("ci": 200 when CI is set).
benchmarks/fuzz.py runs the same case families 10,000+ times.
"""

from __future__ import annotations

import codecs
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleanpage
from cleanpage import CleanpageError, Page
from tests import _fuzzcases
from tests._fuzzcases import mutated_fixture, random_html, random_text

#: Wall-clock bound for one document of these sizes (generous for slow CI machines).
LIMIT_S = 15.0
_fuzzcases.HUGE_SHARE = 0.0  # 10 MB text nodes: tests/html/test_parse_limits.py and benchmarks/fuzz.py
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _check(source: str | bytes) -> Page | CleanpageError:
    start = time.perf_counter()
    try:
        page = cleanpage.clean(source)
    except CleanpageError as exc:
        outcome: Page | CleanpageError = exc
    else:
        assert isinstance(page, Page)
        page.to_json()
        page._repr_html_()
        outcome = page
    assert time.perf_counter() - start < LIMIT_S
    return outcome


@FUZZ
@given(st.randoms(use_true_random=False), st.booleans())
def test_random_html(rng: object, as_bytes: bool) -> None:
    source = random_html(rng)  # type: ignore[arg-type]
    _check(source.encode("utf-8", "surrogatepass") if as_bytes else source)


@FUZZ
@given(st.randoms(use_true_random=False))
def test_random_text(rng: object) -> None:
    _check(random_text(rng))  # type: ignore[arg-type]


@FUZZ
@given(st.one_of(st.binary(max_size=4000), st.text(max_size=4000)))
def test_arbitrary_bytes_and_strings(source: bytes | str) -> None:
    _check(source)


@FUZZ
@given(st.randoms(use_true_random=False))
def test_mutated_fixture_pages(rng: object) -> None:
    _check(mutated_fixture(rng))  # type: ignore[arg-type]


# -- XML/HTML attacks --------------------------------------------------------------------------
ARTICLE = "<article><h1>Headline</h1>" + "<p>Plain article prose that is long enough to be kept as body text.</p>" * 3


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP server: any fetch of ``http://127.0.0.1:PORT/...`` while parsing would connect here."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.3)
    yield server
    server.close()


def _no_connection(server: socket.socket) -> None:
    with pytest.raises(socket.timeout):
        conn, _ = server.accept()
        conn.close()


def _attacks(secret: Path, port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}"
    return [
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body>'
        f"<p>&xxe;</p>{ARTICLE}</body></html>",
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret}"><!ENTITY net SYSTEM "{url}/entity">]>'
        f"<html><body><p>&xxe; &net;</p>{ARTICLE}</body></html>",
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/dtd"><html><body>{ARTICLE}</body></html>',
        f'<!DOCTYPE x SYSTEM "{url}/dtd" [<!ENTITY % p SYSTEM "{url}/param"> %p;]><html><body>{ARTICLE}</body></html>',
        f'<?xml-stylesheet href="{url}/style.xsl" type="text/xsl"?><html xmlns:xi="http://www.w3.org/2001/XInclude">'
        f'<body><xi:include href="{url}/inc" parse="text"/><xi:include href="{secret}" parse="text"/>{ARTICLE}</body></html>',
        f'<html><head><link rel="stylesheet" href="{url}/s.css"><base href="{url}/"></head><body>'
        f'<img src="{url}/i.png"><iframe src="{url}/f"></iframe>{ARTICLE}</body></html>',
        f'<html><body>{ARTICLE}</body></html><meta http-equiv="refresh" content="0; url={url}/go">'
        f'<script src="{url}/x.js"></script>',
        "<!DOCTYPE html [<!ENTITY a \"unterminated",
        "<!DOCTYPE><!DOCTYPE html><!DOCTYPE html [ ]]> <html><body>" + ARTICLE + "<!DOCTYPE html></body></html>",
    ]


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]><html><body><p>&lol9;</p>" + ARTICLE + "</body></html>"
)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_attacks_touch_no_file_or_network(tmp_path: Path, listener: socket.socket, as_bytes: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN-41", encoding="utf-8")
    for attack in _attacks(secret, listener.getsockname()[1]):
        outcome = _check(attack.encode("utf-8") if as_bytes else attack)
        if isinstance(outcome, Page):
            assert "TOP-SECRET-TOKEN-41" not in outcome.to_json()
    _no_connection(listener)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_billion_laughs_is_bounded(as_bytes: bool) -> None:
    outcome = _check(BILLION_LAUGHS.encode() if as_bytes else BILLION_LAUGHS)
    if isinstance(outcome, Page):
        assert len(outcome.to_json()) < 1_000_000
        assert "lollollol" not in outcome.body


def test_xml_declaration_with_encoding_in_a_str() -> None:
    source = ('<?xml version="1.0" encoding="ISO-8859-1"?><html><body><article><p>'
              + "Grüße aus Köln: a str that declares an encoding it no longer has. " * 5 + "</p></article></body></html>")
    page = cleanpage.clean(source)
    assert "Grüße aus Köln" in page.body
    assert (page.encoding, page.encoding_source) == (None, "str")


# -- encoding provenance -------------------------------------------------------------------------
def _doc(declared: str | None, text: str) -> str:
    meta = f'<meta charset="{declared}">' if declared else ""
    return (f"<html><head>{meta}<title>Test</title></head><body><article><p>"
            + (text + " ") * 12 + "</p></article></body></html>")


GERMAN = "Die Bürger äußerten sich über die Straßenbahn sehr zufrieden."
RUSSIAN = "Граждане высказались о трамвае очень довольные, сказал мэр города Москвы."


@pytest.mark.parametrize(
    "data,encoding,source",
    [
        (codecs.BOM_UTF8 + _doc("iso-8859-1", GERMAN).encode("utf-8"), "utf-8", "bom"),
        (codecs.BOM_UTF16_LE + _doc("iso-8859-1", GERMAN).encode("utf-16-le"), "utf-16", "bom"),
        (_doc("iso-8859-1", GERMAN).encode("utf-8"), "utf-8", "utf-8-valid"),
        (_doc("windows-1252", GERMAN).encode("cp1252"), "cp1252", "declared"),
        (_doc(None, "Plain ASCII words only, nothing else in this sentence."), "utf-8", "ascii"),
    ],
    ids=["bom-beats-meta", "utf16-bom", "valid-utf8-beats-meta", "declared", "ascii"],
)
def test_encoding_says_what_was_used(data: bytes | str, encoding: str, source: str) -> None:
    page = cleanpage.clean(data if isinstance(data, bytes) else data.encode("ascii"))
    assert (page.encoding, page.encoding_source) == (encoding, source)
    assert "Straßenbahn" in page.body or "ASCII" in page.body


def test_detection_when_nothing_is_declared() -> None:
    page = cleanpage.clean(_doc(None, RUSSIAN).encode("cp1251"))
    assert page.encoding_source == "detected"
    assert "Граждане высказались" in page.body


def test_wrong_declaration_falls_through_to_detection() -> None:
    page = cleanpage.clean(_doc("utf-8", RUSSIAN).encode("cp1251"))  # declares UTF-8, is not
    assert page.encoding_source in ("detected", "fallback")
    assert page.encoding_source == "fallback" or "Граждане" in page.body
