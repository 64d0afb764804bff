"""Output formats with their metadata: json, jsonl, text, markdown (YAML front matter), html (escaped), on stdout
and in --out records, where every format keeps the page's metadata beside its rendering."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from cleanpage import Attribution, AttributionKind, InputKind, Page, Response
from cleanpage.io.cli import main
from cleanpage.io.render import article_html, front_matter, page_markdown_document
from tests import FIXTURES

SEED = FIXTURES / "seed-text" / "input.txt"
README_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"
EVIL = '<script>alert("x")</script>'
META = ("kind", "url", "title", "authors", "published", "language", "language_source", "attribution")


def _page() -> Page:
    return Page(
        kind=InputKind.HTML,
        title=f'Title: "quoted" {EVIL}\nsecond line',
        paragraphs=(f"First {EVIL}", "Second & last"),
        attribution=(Attribution(agency="AP", text="(AP) — it's: here", kind=AttributionKind.CREDIT),),
        authors=("Ann O'Neil", "Bob: Smith"),
        published=dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        responses=(Response(text=f"Great {EVIL}", author="Cy"), Response(text="Reply", author="Di", parent=0)),
        url='https://example.org/a?b=1&c="x"',
        language="en",
        language_source="declared",
    )


def _split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, _, rest = text[4:].partition("\n---\n")
    return yaml.safe_load(head), rest


def test_front_matter_is_yaml_with_the_metadata() -> None:
    page = _page()
    data, rest = _split_front_matter(page_markdown_document(page))
    assert data["title"] == page.title
    assert data["authors"] == list(page.authors)
    assert data["published"] == page.to_dict()["published"]
    assert data["url"] == page.url
    assert (data["language"], data["language_source"]) == ("en", "declared")
    assert data["attribution"] == [a.to_dict() for a in page.attribution]
    assert rest.lstrip().startswith("# Title")


def test_front_matter_of_a_bare_page_has_nulls() -> None:
    data = yaml.safe_load(front_matter(Page(kind=InputKind.TEXT)).strip("-\n"))
    assert data == {"title": None, "authors": [], "published": None, "url": None, "language": None,
                    "language_source": None, "attribution": []}


def test_article_html_is_escaped_and_well_formed() -> None:
    out = article_html(_page())
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.startswith("<!DOCTYPE html>") and '<html lang="en">' in out
    assert '<link rel="canonical" href="https://example.org/a?b=1&amp;c=&quot;x&quot;">' in out
    assert 'id="response-1"' in out and 'href="#response-1"' in out

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.seen.append(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    tags = Tags()
    tags.feed(out)
    assert "script" not in tags.seen and "style" not in tags.seen
    assert f"First {EVIL}" in tags.text


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "markdown", "html"])
def test_every_format_on_stdout(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", fmt, str(SEED)]) == 0
    out = capsys.readouterr().out
    if fmt in ("json", "jsonl"):
        assert json.loads(out)["title"].startswith("Russian FM")
    elif fmt == "markdown":
        data, _ = _split_front_matter(out)
        assert data["title"].startswith("Russian FM") and data["language"] == "en"
    elif fmt == "html":
        assert "<h1>Russian FM" in out
    else:
        assert out.startswith("Russian FM")


def test_jsonl_ignores_indent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "jsonl", "--indent", "2", str(SEED)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["--format", "json", "--indent", "2", str(SEED)]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 1


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "markdown", "html"])
def test_every_format_keeps_the_metadata_in_out_records(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["--format", fmt, "--out", str(out), "--jobs", "1", "--quiet", str(SEED)]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for key in ("id", "path", *META):
        assert key in record, key
    assert record["title"].startswith("Russian FM") and record["language"] == "en"
    if fmt not in ("json", "jsonl"):
        assert isinstance(record[fmt], str) and "Russian FM" in record[fmt]
        assert "paragraphs" not in record


def test_the_readme_command_through_a_subprocess() -> None:
    done = subprocess.run([sys.executable, "-m", "cleanpage", "--format", "markdown", str(README_EXAMPLE)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data, rest = _split_front_matter(done.stdout)
    assert data["title"] and "# " in rest


def test_markdown_names_the_agency_only_where_the_credit_does_not_show_it() -> None:
    page = Page(
        kind=InputKind.TEXT,
        title="Storm",
        paragraphs=("A storm hit the coast.",),
        attribution=(
            Attribution(agency="AP", text="(AP)", kind=AttributionKind.CREDIT),
            Attribution(agency="Reuters", text="Jane Roe contributed to this report.", kind=AttributionKind.CONTRIBUTOR),
        ),
    )
    text = page_markdown_document(page)
    assert "- credit: (AP)\n" in text
    assert "(AP) (AP)" not in text
    assert "- contributor: Jane Roe contributed to this report. (Reuters)" in text


def test_markdown_shows_an_agency_whose_name_is_only_inside_a_word_of_the_credit() -> None:
    """"AP" inside "CAPE" or "JAPAN" does not show the agency: it is named after the credit."""
    page = Page(
        kind=InputKind.TEXT,
        title="Storm",
        paragraphs=("A storm hit the coast.",),
        attribution=(
            Attribution(agency="AP", text="By Jane Doe, Associated Press, CAPE TOWN", kind=AttributionKind.BYLINE),
            Attribution(agency="dpa", agencies=("dpa", "AP"), text="TOKIO (dpa/AP) -", kind=AttributionKind.DATELINE),
        ),
    )
    text = page_markdown_document(page)
    assert "- byline: By Jane Doe, Associated Press, CAPE TOWN (AP)\n" in text
    assert "- dateline: TOKIO (dpa/AP) -\n" in text
