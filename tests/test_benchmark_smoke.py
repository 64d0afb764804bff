"""Smoke test: ``benchmarks/body.py`` runs end to end on a tiny dataset and writes its JSON.

Only the shape of the output is checked (engines present, figures numeric); no score or timing
is asserted: the benchmark measures, it is not a test of quality.
"""

from __future__ import annotations

import json
import subprocess
import sys
from numbers import Real
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "benchmarks" / "body.py"
ENGINES = {"cleanpage", "trafilatura", "trafilatura-precision", "readability"}

_FILLER = (
    "The council met on Tuesday evening to discuss the plan for the new library building. "
    "Several residents spoke in favour of the proposal, while others asked about the cost and the "
    "time it would take to finish the work before the next school year begins in September."
)


def _page(title: str, author: str, date: str, paragraphs: list[str], comments: list[str]) -> str:
    body = "\n".join(f"<p>{p} {_FILLER}</p>" for p in paragraphs)
    comment_items = "\n".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">Reader {i}</b> <time datetime="{date}T12:00:00">{date}</time></footer>'
        f'<div class="comment-content"><p>{c}</p></div><a class="comment-reply-link">Reply</a></article></li>'
        for i, c in enumerate(comments, 1)
    )
    comment_block = (
        f'<section id="comments"><h2>{len(comments)} Responses</h2><ol class="comment-list">{comment_items}</ol>'
        "<h3>Leave a Reply</h3><form><textarea></textarea><button>Post Comment</button></form></section>"
        if comments
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example Times</title>
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author}, {date}</p>
{body}
</article>
{comment_block}
</main>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens a new restaurant</a></li></ul></aside>
<footer><p>Subscribe to our newsletter today</p><p>Copyright 2024 Example Times</p></footer>
</body></html>
"""


def _write_dataset(root: Path) -> None:
    pages = {
        "https://example.org/news/library": (
            "library.html",
            _page(
                "Town approves new library",
                "Jane Doe",
                "2024-03-05",
                ["The town council approved the new library on Tuesday.", "Work will begin in May."],
                [],
            ),
            ["The town council approved the new library", "Work will begin in May."],
            ["Most read", "Subscribe to our newsletter"],
            [],
        ),
        "https://example.org/blog/garden": (
            "garden.html",
            _page(
                "Spring in the garden",
                "John Smith",
                "2023-04-12",
                ["The tulips came up early this year.", "We planted beans along the fence."],
                ["Lovely photos of the tulips, thank you!", "Which beans do you grow?"],
            ),
            ["The tulips came up early this year.", "We planted beans along the fence."],
            ["Leave a Reply", "Celebrity chef"],
            ["Lovely photos of the tulips", "Which beans do you grow?"],
        ),
        "https://example.org/sport/final": (
            "final.html",
            _page(
                "Home team wins the final",
                "Anna Meier",
                "2022-11-20",
                ["The home team won the final three to one.", "Fans celebrated until late at night."],
                [],
            ),
            ["won the final three to one", "Fans celebrated until late"],
            ["Copyright 2024 Example Times", "Home News Sport"],
            [],
        ),
    }
    (root / "html").mkdir(parents=True)
    evaldata = {}
    for url, (name, html, with_, without, comments) in pages.items():
        (root / "html" / name).write_bytes(html.encode("utf-8"))
        title = html.split("<h1>")[1].split("</h1>")[0]
        author = html.split('name="author" content="')[1].split('"')[0]
        date = html.split('published_time" content="')[1][:10]
        evaldata[url] = {
            "file": name,
            "with": with_,
            "without": without,
            "comments": comments,
            "title": title,
            "author": author,
            "date": date,
        }
    (root / "evaldata.json").write_text(json.dumps(evaldata, indent=1), encoding="utf-8")


def test_body_benchmark_runs_on_three_pages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _write_dataset(data)
    out = tmp_path / "out.json"

    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--data",
            str(data),
            "--limit",
            "3",
            "--json",
            str(out),
            "--worst",
            "2",
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    assert "Table 1." in proc.stdout

    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["meta"]["pages"] == 3
    assert set(figures["engines"]) >= ENGINES
    for name in ENGINES:
        row = figures["engines"][name]
        for key in ("precision", "recall", "f1", "accuracy", "median_ms", "total_s"):
            assert isinstance(row[key], Real) and not isinstance(row[key], bool), (name, key, row[key])
        assert 0.0 <= row["precision"] <= 1.0 and 0.0 <= row["recall"] <= 1.0
        assert row["snippets_with"] == 6 and row["snippets_without"] == 6
    assert isinstance(figures["engines"]["cleanpage"]["time_ratio_to_trafilatura"], Real)
    assert len(figures["pages"]) == 3
    assert set(figures["comments"]) >= {"cleanpage", "trafilatura-full"}
    assert figures["comments"]["cleanpage"]["snippets"] == 2
    assert set(figures["metadata"]) == {"cleanpage", "trafilatura-full"}
    assert figures["metadata"]["cleanpage"]["title"]["pages"] == 3
    assert [r["engine"] for r in figures["rss"]] == ["cleanpage", "trafilatura"]
    assert all(isinstance(r.get("peak_rss_mib"), Real) for r in figures["rss"]), figures["rss"]
