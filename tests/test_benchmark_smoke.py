"""Smoke test: ``benchmarks/body.py`` runs end to end on two tiny datasets and writes its JSON.

One folder in the extraction-dev format (snippets, comments, metadata), one in the WCXB format
(gzipped pages, a whole gold text, page types incl. a forum and a page without gold text), and a
splits file that leaves one page out. Only the shape of the output is checked (engines, buckets,
figures numeric, fit-only lists); no score or timing is asserted: the benchmark measures, it is not
a test of quality. The word-F1 definition itself is pinned on hand-computed cases.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from numbers import Real
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "benchmarks" / "body.py"
sys.path.insert(0, str(REPO / "benchmarks"))
ENGINES = {"cleanpage", "trafilatura", "trafilatura-precision", "readability"}
SNIPPETS, WCXB = "snip-dev", "wcxb-mini"

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


def _write_dataset(root: Path) -> dict[str, str]:
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
    return {"library.html": "fit", "garden.html": "fit", "final.html": "check"}


def _forum_page() -> str:
    posts = "\n".join(
        f'<div class="post" id="post-{i}"><div class="author">member{i}</div>'
        f'<div class="message"><p>{text} {_FILLER}</p></div></div>'
        for i, text in enumerate(
            [
                "Has anyone fixed the rattle in the rear door of the estate?",
                "Mine was a loose bracket behind the trim panel.",
                "Thanks, tightening the bracket solved it for me too.",
            ],
            1,
        )
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rear door rattle - Car Forum</title></head>
<body><nav><a href="/">Forums</a> <a href="/new">New posts</a></nav>
<main><h1>Rear door rattle</h1><div class="thread">{posts}</div></main>
<footer><p>Forum rules and privacy policy</p></footer></body></html>
"""


def _write_wcxb(root: Path) -> dict[str, str]:
    """Four WCXB-format pages: two articles (one without gold text), a forum thread, a product page."""
    article = _page(
        "Bridge reopens after repairs",
        "Sam Lee",
        "2024-06-01",
        ["The bridge reopened on Monday.", "Traffic is light."],
        [],
    )
    pages = {
        "0001": (
            "article",
            article,
            "https://example.com/bridge",
            "The bridge reopened on Monday. " + _FILLER,
        ),
        "0002": ("forum", _forum_page(), "https://forum.example.com/t/rattle", "Has anyone fixed the rattle"),
        "0003": ("article", article.replace("Bridge", "Tunnel"), "https://example.com/tunnel", None),
        "0004": (
            "product",
            _page("Blue kettle", "Shop", "2023-01-01", ["A 1.7 litre kettle."], []),
            "https://shop.example/k",
            "A 1.7 litre kettle.",
        ),
    }
    (root / "html").mkdir(parents=True)
    evaldata = {}
    for key, (page_type, html, url, text) in pages.items():
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        evaldata[key] = {
            "file": f"{key}.html.gz",
            "url": url,
            "page_type": page_type,
            "domain": url.split("/")[2],
            "title": None if page_type == "forum" else html.split("<h1>")[1].split("</h1>")[0],
            "author": None,
            "date": "2024-06-01" if key == "0001" else None,
            "text": text,
            "with": [text.split(".")[0]] if text else ["The tunnel reopened"],
            "without": ["Most read", "Forum rules"],
        }
    (root / "evaldata.json").write_text(json.dumps(evaldata, indent=1), encoding="utf-8")
    # 0004 is left out of the splits file: it must come out as "unsplit", not "fit"
    return {"0001.html.gz": "fit", "0002.html.gz": "fit", "0003.html.gz": "check"}


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )


def _datasets(tmp_path: Path) -> tuple[Path, Path, Path]:
    snip, wcxb = tmp_path / SNIPPETS, tmp_path / WCXB
    splits = {SNIPPETS: _write_dataset(snip), WCXB: _write_wcxb(wcxb)}
    splits_path = tmp_path / "splits.json"
    splits_path.write_text(json.dumps(splits), encoding="utf-8")
    return snip, wcxb, splits_path


def _numeric(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def test_body_benchmark_runs_on_both_formats(tmp_path: Path) -> None:
    snip, wcxb, splits = _datasets(tmp_path)
    out = tmp_path / "out.json"
    proc = _run(
        tmp_path,
        "--data",
        str(snip),
        "--data",
        str(wcxb),
        "--splits",
        str(splits),
        "--json",
        str(out),
        "--worst",
        "5",
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    for heading in ("Main text.", "Main text per page type", "Reader comments", "Metadata", "Timing"):
        assert heading in proc.stdout, heading

    figures = json.loads(out.read_text(encoding="utf-8"))
    assert {k: v["pages"] for k, v in figures["meta"]["datasets"].items()} == {SNIPPETS: 3, WCXB: 4}
    assert len(figures["pages"]) == 7

    snip_fig = figures["datasets"][SNIPPETS]["splits"]
    assert set(snip_fig) == {"fit", "check", "all"}
    for name in ENGINES:
        row = snip_fig["all"]["body"][name]
        for key in ("precision", "recall", "f1", "accuracy", "median_ms", "total_s"):
            assert _numeric(row[key]), (name, key, row[key])
        assert row["snippets_with"] == 6 and row["snippets_without"] == 6
        assert snip_fig["fit"]["body"][name]["pages"] == 2 and snip_fig["check"]["body"][name]["pages"] == 1
    assert _numeric(snip_fig["all"]["body"]["cleanpage"]["time_ratio_to_trafilatura"])
    assert snip_fig["all"]["comments"]["cleanpage"]["snippets"] == 2
    assert snip_fig["all"]["comments"]["cleanpage"]["present"] == 2
    assert set(snip_fig["all"]["metadata"]) == {"cleanpage", "trafilatura-full", "htmldate"}
    assert snip_fig["all"]["metadata"]["cleanpage"]["title"]["pages"] == 3
    assert snip_fig["all"]["metadata"]["htmldate"]["date"]["pages"] == 3
    assert snip_fig["all"]["metadata"]["htmldate"]["title"]["pages"] == 0

    wcxb_fig = figures["datasets"][WCXB]
    assert set(wcxb_fig["splits"]) == {"fit", "check", "unsplit", "all"}
    assert wcxb_fig["splits"]["unsplit"]["pages"] == 1
    assert wcxb_fig["splits"]["all"]["pages_with_gold_text"] == 3  # 0003 has none
    for name in ENGINES:
        word = wcxb_fig["splits"]["all"]["word"][name]
        assert word["pages"] == 3 and all(_numeric(word[k]) for k in ("precision", "recall", "f1")), word
    assert set(wcxb_fig["types"]) == {"article", "forum", "product"}
    assert set(wcxb_fig["types"]["forum"]["all"]["forum_variants"]) == {
        "cleanpage-body-only",
        "trafilatura-text+comments",
    }

    by_key = {(p["dataset"], p["key"]): p for p in figures["pages"]}
    assert by_key[(WCXB, "0004")]["split"] == "unsplit"
    assert by_key[(WCXB, "0002")]["engines"]["cleanpage"]["scored_on"] == "page.body + responses"
    for page in figures["pages"]:
        assert ("output" in page) == (page["split"] != "check"), page["key"]
    assert "paragraphs" in by_key[(WCXB, "0001")]["output"]["cleanpage"]
    for ds, rows in figures["worst"]["pages"].items():  # --worst shows fit pages only
        assert all(by_key[(ds, row["key"])]["split"] == "fit" for row in rows), rows
    assert [r["engine"] for r in figures["rss"]] == ["cleanpage", "trafilatura"]
    assert all(_numeric(r.get("peak_rss_mib")) for r in figures["rss"]), figures["rss"]
    assert set(figures["timing"]) == {SNIPPETS, WCXB, "all"}


def test_split_option_runs_only_that_bucket(tmp_path: Path) -> None:
    snip, wcxb, splits = _datasets(tmp_path)
    out = tmp_path / "out.json"
    args = ["--data", str(snip), "--data", str(wcxb), "--splits", str(splits), "--split", "check"]
    proc = _run(tmp_path, *args, "--engines", "cleanpage,trafilatura", "--no-rss", "--json", str(out))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert {p["split"] for p in figures["pages"]} == {"check"}
    assert len(figures["pages"]) == 2


def test_word_f1_definition() -> None:
    from _scoring import has_gold_text, visible_text, word_prf, word_tokens

    assert word_tokens("Héllo, World_2 l'été 3.5") == ["héllo", "world_2", "l", "été", "3", "5"]
    score = word_prf("a b b c", "b b d")  # overlap 2 of 4 extracted, of 3 gold
    assert (score.precision, score.recall) == (0.5, 2 / 3)
    assert abs(score.f1 - 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3)) < 1e-12
    assert word_prf("", "a").f1 == 0.0 and word_prf(None, "a").f1 == 0.0
    assert not has_gold_text(None) and not has_gold_text("  ") and has_gold_text("x")
    page = b"<html><head><style>p{}</style></head><body><p>Nice &amp; <script>var a=1</script>warm</p></body></html>"
    assert visible_text(page) == "Nice & warm"


def test_gold_dates_and_which_pages_count() -> None:
    """Both benchmarks count a metadata field on the same pages: those whose gold can be scored."""
    import datetime as dt

    from _scoring import date_matches, has_gold, parse_gold_date

    assert parse_gold_date("2022-01.26") == dt.date(2022, 1, 26)
    assert parse_gold_date("2022-29-11") == dt.date(2022, 11, 29)  # year-day-month: the only reading
    assert parse_gold_date("2022-11-13") == dt.date(2022, 11, 13)
    assert parse_gold_date("2015-11") is None  # no day: nothing to compare a day with
    assert date_matches("2022-29-11", "2022-11-29")
    assert not has_gold("date", "2015-11") and has_gold("date", "2022-25-10")
    assert not has_gold("author", " ; ") and has_gold("author", "Jane Doe")
    assert not has_gold("title", "") and has_gold("title", "A")
