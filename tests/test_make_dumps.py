"""benchmarks/make_dumps.py: the text dumps of the text-path benchmark have the shapes they claim.

Two small pages built in ``tmp_path`` (no dev data needed): one with the usual page furniture (head, script,
style, comment, nested blocks, inline markup, a table, a long paragraph, an unbreakable URL), one in
windows-1252 to check decoding. Plus a smoke run of ``benchmarks/text.py`` on them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import make_dumps

#: inscriptis is in the ``bench`` extra, not ``test``: it pins lxml below the release users get, and the
#: tests must run on the lxml a plain install brings. Without it its style is left out and its tests skip.
HAS_INSCRIPTIS = importlib.util.find_spec("inscriptis") is not None
STYLES = ("inscriptis", "blocks", "wrapped72") if HAS_INSCRIPTIS else ("blocks", "wrapped72")
needs_inscriptis = pytest.mark.skipif(not HAS_INSCRIPTIS, reason="inscriptis is a bench extra")

LONG = (
    "The council voted on Tuesday to rebuild the old bridge over the river, a project that has been "
    "discussed for more than twenty years and that will cost about forty million euros in total."
)
URL = "https://example.org/" + "a-very-long-path-segment-" * 4 + "end"

PAGE_ONE = f"""<!DOCTYPE html>
<html><head><title>Head title</title><style>.x {{ color: red }}</style>
<script>var hidden = "script text";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
  <h1>Bridge   to be <em>rebuilt</em></h1>
  <p>{LONG}</p>
  <div>Outer text<div>Inner block</div>tail text</div>
  <p>First line<br>second line</p>
  <p>Read it at <a href="{URL}">{URL}</a> today.</p>
  <!-- a comment that is not text -->
  <noscript>Enable JavaScript</noscript>
  <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
</article>
<footer>Copyright 2024</footer>
</body></html>
"""

PAGE_TWO = """<html><head><meta charset="windows-1252"><title>T</title></head>
<body><p>Die Gebühren für Straßenbahnen steigen im nächsten Jahr.</p><p>Zweiter Absatz.</p></body></html>
"""

EXPECTED_BLOCKS_ONE = [
    "Home",
    "News",
    "Bridge to be rebuilt",
    LONG,
    "Outer text",
    "Inner block",
    "tail text",
    "First line",
    "second line",
    f"Read it at {URL} today.",
    "Cell one",
    "Cell two",
    "Copyright 2024",
]


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "html").mkdir(parents=True)
    (data / "html" / "one.html").write_text(PAGE_ONE, encoding="utf-8")
    (data / "html" / "two.html").write_bytes(PAGE_TWO.encode("cp1252"))
    evaldata = {
        "https://example.org/one": {
            "file": "one.html",
            "with": ["Bridge to be rebuilt", "forty million euros"],
            "without": ["Copyright 2024", "Home"],
            "comments": [],
        },
        "https://example.org/two": {
            "file": "two.html",
            "with": ["Die Gebühren für Straßenbahnen"],
            "without": ["Nicht da"],
            "comments": ["Zweiter Absatz."],
        },
    }
    (data / "evaldata.json").write_text(json.dumps(evaldata, ensure_ascii=False), encoding="utf-8")
    return data


@pytest.fixture
def out_dir(data_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "dumps"
    assert make_dumps.main(["--data", str(data_dir), "--out", str(out), "--styles", ",".join(STYLES)]) == 0
    return out


def _read(out: Path, style: str, name: str) -> str:
    return (out / style / f"{name}.html.txt").read_text(encoding="utf-8")


def test_every_style_file_and_evaldata_copy(out_dir: Path) -> None:
    for style in STYLES:
        for name in ("one", "two"):
            assert (out_dir / style / f"{name}.html.txt").is_file(), (style, name)
    evaldata = json.loads((out_dir / "evaldata.json").read_text(encoding="utf-8"))
    assert [r["file"] for r in evaldata.values()] == ["one.html.txt", "two.html.txt"]
    assert evaldata["https://example.org/one"]["with"] == ["Bridge to be rebuilt", "forty million euros"]
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pages"] == 2 and manifest["failed"] == {}
    assert set(manifest["bytes"]) == set(STYLES)


def test_blocks_one_line_per_block_each_text_once(out_dir: Path) -> None:
    text = _read(out_dir, "blocks", "one")
    assert text.endswith("\n")
    assert text.splitlines() == EXPECTED_BLOCKS_ONE
    assert text.count("forty million euros") == 1
    assert text.count("Inner block") == 1
    for hidden in ("Head title", "script text", "color: red", "a comment", "Enable JavaScript"):
        assert hidden not in text


def test_wrapped72_width_and_blank_line_between_blocks(out_dir: Path) -> None:
    text = _read(out_dir, "wrapped72", "one")
    for line in text.splitlines():
        assert len(line) <= make_dumps.WRAP_WIDTH or " " not in line, line
    assert any(len(line) > make_dumps.WRAP_WIDTH for line in text.splitlines())  # the URL, kept whole
    paragraphs = text.rstrip("\n").split("\n\n")
    # each paragraph is one block, re-joined it gives the block line back (no hyphen breaks)
    assert [_norm(p) for p in paragraphs] == EXPECTED_BLOCKS_ONE
    long_para = paragraphs[EXPECTED_BLOCKS_ONE.index(LONG)]
    assert long_para.count("\n") >= 2  # actually wrapped
    assert "\n\n\n" not in text


@needs_inscriptis
def test_inscriptis_contains_the_text(out_dir: Path) -> None:
    text = _read(out_dir, "inscriptis", "one")
    flat = _norm(text)
    assert LONG in flat
    assert "Bridge to be rebuilt" in flat
    assert "script text" not in text and "color: red" not in text
    assert not any(line != line.rstrip() for line in text.splitlines())


def test_decoding_of_a_windows_1252_page(out_dir: Path) -> None:
    for style in STYLES:
        text = _read(out_dir, style, "two")
        assert "Die Gebühren für Straßenbahnen steigen" in _norm(text), style
    assert _read(out_dir, "blocks", "two").splitlines() == [
        "Die Gebühren für Straßenbahnen steigen im nächsten Jahr.",
        "Zweiter Absatz.",
    ]


def test_deterministic_and_limit(data_dir: Path, out_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    make_dumps.make_dumps(data_dir, again, styles=STYLES)
    for style in STYLES:
        for name in ("one", "two"):
            path = Path(style) / f"{name}.html.txt"
            assert (again / path).read_bytes() == (out_dir / path).read_bytes()
    limited = tmp_path / "limited"
    make_dumps.make_dumps(data_dir, limited, limit=1, styles=["blocks"])
    assert sorted(p.name for p in (limited / "blocks").iterdir()) == ["one.html.txt"]
    assert not (limited / "inscriptis").exists()


def test_bad_arguments(tmp_path: Path, data_dir: Path) -> None:
    assert make_dumps.main(["--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2
    assert make_dumps.main(["--data", str(data_dir), "--out", str(tmp_path / "o"), "--styles", "nope"]) == 2


def test_render_page_without_markup() -> None:
    assert make_dumps.render_page(b"   ") == {style: "" for style in make_dumps.STYLES}  # no renderer runs


def test_text_benchmark_smoke(out_dir: Path, tmp_path: Path) -> None:
    import text as text_bench

    report = tmp_path / "text.json"
    argv = ["--dumps", str(out_dir), "--engines", "trafilatura,whole dump", "--json", str(report)]
    assert text_bench.main(argv) == 0
    results = json.loads(report.read_text(encoding="utf-8"))["results"]
    assert set(results) == set(STYLES)
    for style, result in results.items():
        whole = result["engines"]["whole dump"]
        # the dump itself holds every with snippet (and both without snippets of page one)
        assert whole["counts"]["tp"] == 3 and whole["counts"]["fp"] == 2, style
        assert whole["comments"]["snippets"] == 1 and whole["comments"]["leaked"] == 1
        assert whole["comments_found"] is None
        assert result["engines"]["trafilatura"]["errors"] == 0


def test_noscript_fallback_dropped_but_a_misnested_page_kept() -> None:
    article = "word " * 300
    page = f"<html><body><noscript><div id=x></noscript><div><p>{article}</p></div><noscript>Enable JS</noscript>"
    lines = make_dumps.render_page(page.encode(), styles=("blocks",))["blocks"].splitlines()
    assert lines == [article.strip()]


def test_text_benchmark_gives_fit_and_check(data_dir: Path, out_dir: Path, tmp_path: Path) -> None:
    import text as text_bench

    splits = tmp_path / "splits.json"
    splits.write_text(json.dumps({data_dir.name: {"one.html": "fit", "two.html": "check"}}), encoding="utf-8")
    report = tmp_path / "text.json"
    argv = ["--dumps", str(out_dir), "--engines", "whole dump", "--styles", "blocks", "--splits", str(splits),
            "--data", str(data_dir), "--json", str(report)]
    assert text_bench.main(argv) == 0
    halves = json.loads(report.read_text(encoding="utf-8"))["results"]["blocks"]["splits"]["whole dump"]
    # page one holds two with and two without snippets, page two one with snippet and a comment
    assert (halves["fit"]["pages"], halves["fit"]["counts"]["tp"], halves["fit"]["counts"]["fp"]) == (1, 2, 2)
    assert (halves["check"]["pages"], halves["check"]["counts"]["tp"], halves["check"]["counts"]["fp"]) == (1, 1, 0)
    assert halves["check"]["comments"]["leaked"] == 1


def test_text_benchmark_without_a_splits_file_gives_all_pages_only(out_dir: Path, tmp_path: Path) -> None:
    import text as text_bench

    report = tmp_path / "text.json"
    argv = ["--dumps", str(out_dir), "--engines", "whole dump", "--styles", "blocks",
            "--splits", str(tmp_path / "none.json"), "--json", str(report)]
    assert text_bench.main(argv) == 0
    result = json.loads(report.read_text(encoding="utf-8"))["results"]["blocks"]
    assert result["splits"] == {"whole dump": {}} and result["engines"]["whole dump"]["pages"] == 2
