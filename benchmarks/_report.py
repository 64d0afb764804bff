"""The printed tables of ``body.py``: one block per dataset folder, then timing and memory.

Every quality table has one row per engine and bucket (``fit``, ``check``, ``unsplit`` when there
is one, ``all``), so that fit and check can never be read apart. Only the figures computed by
``_aggregate.py`` are printed here; nothing is scored.
"""

from __future__ import annotations

from typing import Any

from _aggregate import FORUM_BODY_ONLY, FORUM_WITH_COMMENTS
from _datasets import ALL, CHECK, FIT, FORUM, SPLITS, Dataset
from _engines import AUX, CANDIDATE, ENGINES, FAST, HTMLDATE, LABELS, REFERENCE


def _f(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _buckets(splits: dict[str, Any]) -> list[str]:
    """The buckets to print: those with pages, then ``all`` when there are two or more."""
    present = [s for s in SPLITS if s in splits]
    return present + ([ALL] if len(present) > 1 else [])


def _rule(header: str) -> None:
    print(header)
    print("-" * len(header))


# -- main text ------------------------------------------------------------------------------------


def print_main_table(d: Dataset, fig: dict[str, Any], names: list[str]) -> None:
    """Snippet P/R/F1 (and word P/R/F1 on a folder with gold text) per engine and bucket."""
    splits = fig["splits"]
    word = d.has_gold_text
    print(
        f"\n[{d.name}] Main text. Snippets: whitespace-normalised substring match, counts summed over pages"
        + (
            "; word = lower-cased \\w+ tokens, P/R/F1 per page, mean over pages with a gold text."
            if word
            else "."
        )
    )
    print("trafilatura engines with include_comments=False. errors = exc (raised/timed out) + empty output.")
    header = f"{'engine':<24}{'split':<9}{'pages':>6}"
    header += f"{'wP':>7}{'wR':>7}{'wF1':>7}  " if word else ""
    header += f"{'prec':>7}{'recall':>7}{'F1':>7}{'acc':>7}{'TP':>7}{'FP':>6}{'FN':>6}{'errors':>8}{'exc':>5}{'empty':>6}"
    _rule(header)
    for name in [n for n in names if n in ENGINES]:
        for i, split in enumerate(_buckets(splits)):
            b, w = splits[split]["body"][name], splits[split]["word"][name]
            row = f"{LABELS[name] if i == 0 else '':<24}{split:<9}{b['pages']:>6}"
            row += f"{_f(w['precision']):>7}{_f(w['recall']):>7}{_f(w['f1']):>7}  " if word else ""
            row += (
                f"{_f(b['precision']):>7}{_f(b['recall']):>7}{_f(b['f1']):>7}{_f(b['accuracy']):>7}"
                f"{b['tp']:>7}{b['fp']:>6}{b['fn']:>6}{b['errors']:>8}{b['exceptions']:>5}{b['empty']:>6}"
            )
            print(row)
    first = next(n for n in names if n in ENGINES)
    counts = "; ".join(
        f"{s} {splits[s]['body'][first]['snippets_with']}/{splits[s]['body'][first]['snippets_without']}"
        for s in _buckets(splits)
    )
    print(f"snippets with/without: {counts}")
    if word:
        gold = "; ".join(
            f"{s} {splits[s]['pages_with_gold_text']} of {splits[s]['pages']}" for s in _buckets(splits)
        )
        print(f"word scores over the pages with a gold text: {gold} (a null/empty gold text is left out)")
    if fig.get("missing_files"):
        print(
            f"{len(fig['missing_files'])} pages skipped, file not readable: {', '.join(fig['missing_files'][:5])}"
        )


def _type_cells(fig: dict[str, Any], name: str, split: str, full: bool) -> str:
    if split not in fig:
        return f"{'':>6}{'-':>7}" + (f"{'-':>7}{'-':>7}{'-':>7}" if full else f"{'-':>7}")
    b, w = fig[split]["body"][name], fig[split]["word"][name]
    cells = f"{fig[split]['pages']:>6}{_f(w['f1']):>7}"
    return cells + (
        f"{_f(b['precision']):>7}{_f(b['recall']):>7}{_f(b['f1']):>7}" if full else f"{_f(b['f1']):>7}"
    )


def print_type_table(d: Dataset, fig: dict[str, Any], names: list[str]) -> None:
    """Per page type: mean word F1 and snippet P/R/F1, fit | check | all."""
    types: dict[str, Any] = {**fig["types"], ALL: fig["splits"]}
    print(
        f"\n[{d.name}] Main text per page type: wF1 = mean word F1 (pages with a gold text), "
        "sP/sR/sF1 = snippet precision/recall/F1."
    )
    full, short = f"{'pages':>6}{'wF1':>7}{'sP':>7}{'sR':>7}{'sF1':>7}", f"{'pages':>6}{'wF1':>7}{'sF1':>7}"
    print(f"{'':<39}|{' fit':<34} |{' check':<34} |{' all'}")
    header = f"{'type':<15}{'engine':<24}|{full} |{full} |{short}"
    _rule(header)
    for page_type, splits in types.items():
        for i, name in enumerate(n for n in names if n in ENGINES):
            print(
                f"{page_type if i == 0 else '':<15}{LABELS[name]:<24}|{_type_cells(splits, name, FIT, True)} "
                f"|{_type_cells(splits, name, CHECK, True)} |{_type_cells(splits, name, ALL, False)}"
            )
    if FORUM in fig["types"]:
        print_forum_lines(fig["types"][FORUM])


def print_forum_lines(splits: dict[str, Any]) -> None:
    """The forum rule, and the two info scorings beside the main rows."""
    print(
        "forum: cleanpage is scored on page.body + its responses' texts (joined by a blank line), because the "
        "benchmark counts every post as main content;"
    )
    print("       trafilatura rows are its default body (include_comments=False).")
    for variant, label in (
        (FORUM_BODY_ONLY, "cleanpage page.body only"),
        (FORUM_WITH_COMMENTS, "trafilatura include_comments=True, text+comments"),
    ):
        cells = []
        for split in _buckets(splits):
            v = splits[split]["forum_variants"].get(variant)
            if v:
                cells.append(
                    f"{split} wF1 {_f(v['word']['f1'])} sP {_f(v['precision'])} sR {_f(v['recall'])} sF1 {_f(v['f1'])}"
                )
        if cells:
            print(f"(info) forum, {label}: " + " | ".join(cells))


# -- comments and metadata ------------------------------------------------------------------------


def _comment_rows(names: list[str]) -> list[tuple[str, str, str]]:
    rows = [(n, LABELS[n], "responses / page.body") for n in (CANDIDATE, FAST) if n in names]
    if AUX in names:
        rows.append((AUX, "trafilatura", "include_comments=True: comments / text"))
    rows += [
        (n, LABELS[n], "body only (no comment output)")
        for n in names
        if n in ENGINES and n not in (CANDIDATE, FAST)
    ]
    return rows


def print_comment_table(d: Dataset, fig: dict[str, Any], names: list[str]) -> None:
    """Comment snippets found and leaked, over all and over those present on the page."""
    splits = fig["splits"]
    rows = _comment_rows(names)
    if not rows or not splits[ALL]["comments"][rows[0][0]]["pages"]:
        return
    c_all = splits[ALL]["comments"][rows[0][0]]
    print(
        f"\n[{d.name}] Reader comments: {c_all['pages']} pages with a non-empty 'comments' list, "
        f"{c_all['snippets']} snippets, {c_all['present']} of them present on the saved page."
    )
    print(
        "found = in the engine's comment text; leaked = in its body. present = the whitespace-normalised snippet is "
        "in the page's visible text"
    )
    print(
        "(lxml text_content() without script/style, whitespace-normalised); the others are loaded by JavaScript."
    )
    header = (
        f"{'engine':<23}{'comment text / body':<40}{'split':<8}{'pages':>6}{'snips':>6}{'found':>6}{'recall':>7}"
        f"{'leaked':>7}{'leak':>6} | {'present':>7}{'found':>6}{'recall':>7}{'leaked':>7}{'leak':>6}"
    )
    _rule(header)
    for name, label, where in rows:
        for i, split in enumerate(_buckets(splits)):
            c = splits[split]["comments"][name]
            found = "-" if c["found"] is None else str(c["found"])
            found_p = "-" if c["found_present"] is None else str(c["found_present"])
            print(
                f"{label if i == 0 else '':<23}{where if i == 0 else '':<40}{split:<8}{c['pages']:>6}{c['snippets']:>6}"
                f"{found:>6}{_f(c['recall']):>7}{c['leaked']:>7}{_f(c['leak_rate']):>6} | {c['present']:>7}"
                f"{found_p:>6}{_f(c['recall_present']):>7}{c['leaked_present']:>7}{_f(c['leak_rate_present']):>6}"
            )
    for name, label, _ in rows:
        c = splits[ALL]["comments"][name]
        if c["comment_text_on_those_pages"] is not None and c["pages_annotated_without_comments"]:
            print(
                f"(info) {label}: comment text returned on {c['comment_text_on_those_pages']} of "
                f"{c['pages_annotated_without_comments']} pages annotated with an empty 'comments' list (all splits)"
            )


def _meta_cell(m: dict[str, Any] | None) -> str:
    if not m or not m["pages"]:
        return f"{'-':>24}{'-':>6}"
    acc = f"{_f(m['accuracy'])} ({m['correct']}/{m['pages']})"
    return f"{acc:>24}{m['wrong']:>6}"


def print_meta_table(d: Dataset, fig: dict[str, Any]) -> None:
    """Title/author/date accuracy and wrong answers per engine and bucket."""
    splits = fig["splits"]
    engines = [
        (n, label)
        for n, label in (
            (CANDIDATE, "cleanpage"),
            (FAST, LABELS[FAST]),
            (AUX, "trafilatura bare_extraction(with_metadata)"),
            (HTMLDATE, "htmldate find_date (date only)"),
        )
        if n in splits[ALL]["metadata"]
    ]
    if not engines:
        return
    print(
        f"\n[{d.name}] Metadata, pages with a gold value that can be scored (a date: one with its day)."
        " title = equal after whitespace/case normalisation;"
    )
    print(
        "author = every gold name contained (case-insensitive) in the joined authors; date = same calendar day."
    )
    print(
        "acc = correct/pages; wrong = an answer was given and it does not match (no answer is a miss, not wrong)."
    )
    fields = ("title", "author", "date")
    header = f"{'engine':<44}{'split':<8}" + "".join(
        f"{f + ' acc (ok/pages)':>24}{'wrong':>6}" for f in fields
    )
    _rule(header)
    for name, label in engines:
        for i, split in enumerate(_buckets(splits)):
            m = splits[split]["metadata"].get(name, {})
            cells = "".join(_meta_cell(m.get(f)) for f in fields)
            print(f"{label if i == 0 else '':<44}{split:<8}{cells}")


# -- worst pages ----------------------------------------------------------------------------------


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _side(side: dict[str, Any]) -> str:
    state = f" [error: {side['error']}]" if side["error"] else (" [empty output]" if side["empty"] else "")
    w = side.get("word")
    word = f"wP {w['precision']:.2f} wR {w['recall']:.2f} wF1 {w['f1']:.2f} " if w else ""
    return f"{word}TP {side['tp']} FP {side['fp']}{state}"


def print_worst(d: Dataset, rows: list[dict[str, Any]], candidate: str, k: int) -> None:
    """The fit pages where the candidate loses most against trafilatura, with what went wrong."""
    metric = "its word F1 minus trafilatura's" if d.has_gold_text else "its TP−FP minus trafilatura's"
    print(f"\n[{d.name}] Worst {k} fit pages for {LABELS[candidate]} against trafilatura (delta = {metric}):")
    if not rows:
        print("  none: no fit page where it scores below trafilatura.")
        return
    if len(rows) < k:
        print(f"  only {len(rows)} fit pages where it scores below trafilatura.")
    for i, row in enumerate(rows, 1):
        kind = f" [{row['page_type']}]" if row["page_type"] else ""
        delta = f"{row['delta']:+.3f}" if d.has_gold_text else f"{row['delta']:+d}"
        print(f"{i:>3}. delta {delta}{kind}  {row['url'] or row['key']}  ({row['file']})")
        print(f"     {LABELS[candidate]} {_side(row['candidate'])}   trafilatura {_side(row['trafilatura'])}")
        for m in row["missed"]:
            print(
                f"     missed: {_short(m['snippet'])!r}  (trafilatura: {'found' if m['trafilatura_found'] else 'missed too'})"
            )
        for m in row["leaked"]:
            print(
                f"     leaked: {_short(m['snippet'])!r}  (trafilatura: {'leaked too' if m['trafilatura_leaked'] else 'kept out'})"
            )


def print_dataset(
    d: Dataset,
    fig: dict[str, Any],
    names: list[str],
    worst: list[dict[str, Any]] | None,
    candidate: str | None,
    k: int,
) -> None:
    """Every table of one folder."""
    print(f"\n===== {d.name} =====")
    if not fig["splits"][ALL]["pages"]:
        print("no page could be read")
        return
    if any(n in ENGINES for n in names):  # htmldate alone has no main text
        print_main_table(d, fig, names)
        if "types" in fig:
            print_type_table(d, fig, names)
    print_comment_table(d, fig, names)
    print_meta_table(d, fig)
    if worst is not None and candidate:
        print_worst(d, worst, candidate, k)


# -- timing and memory ----------------------------------------------------------------------------


def print_timing(timing: dict[str, Any], names: list[str]) -> None:
    """Median ms, total s and the ratio to trafilatura, per folder and over all folders."""
    groups = [g for g in timing if g != ALL] if len(timing) == 2 else list(timing)  # one folder: no "all"
    print(
        "\nTiming: the engine call only, engines interleaved per page (rotating start); "
        "x traf = total time / trafilatura's total on the same pages, same run."
    )
    print((f"{'':<46}" + "".join(f"| {g:<30} " for g in groups)).rstrip())
    header = (
        f"{'engine':<46}" + f"| {'pages':>6}{'med ms':>9}{'total s':>9}{'x traf':>7} " * len(groups)
    ).rstrip()
    _rule(header)
    for name in names:
        label = LABELS[name] + (" (info)" if name not in ENGINES else "")
        cells = ""
        for g in groups:
            t = timing[g][name]
            ratio = _f(t["time_ratio_to_trafilatura"], 2)
            cells += f"| {t['pages']:>6}{t['median_ms']:>9.1f}{t['total_s']:>9.1f}{ratio:>7} "
        print(f"{label:<46}{cells}".rstrip())
    errors = {
        LABELS[n]: f"{timing[ALL][n]['exceptions']} exc ({timing[ALL][n]['timeouts']} timeouts)"
        for n in names
        if timing[ALL][n]["exceptions"]
    }
    if errors:
        print(
            "calls that raised or timed out, all folders: " + ", ".join(f"{k} {v}" for k, v in errors.items())
        )
    if REFERENCE not in names:
        print("(no trafilatura in this run: no ratios)")


def print_rss(rss: list[dict[str, Any]], n_pages: int) -> None:
    """Peak memory of one engine alone, per child process."""
    if not rss:
        return
    source = next((r["source"] for r in rss if "source" in r), "?")
    print(
        f"\nPeak memory (RSS): a separate child process runs one engine alone, sequentially, over the same "
        f"{n_pages} pages; its peak RSS ({source})."
    )
    for r in rss:
        label = LABELS.get(r["engine"], r["engine"])
        if "error" in r:
            print(f"  {label:<24} failed: {r['error']}")
            continue
        print(
            f"  {label:<24} peak {r['peak_rss_mib']:>7.1f} MiB   (after imports + warm-up on page 1: "
            f"{r['peak_rss_after_warmup_mib']:.1f} MiB; {r['pages']} pages, {r['errors']} errors)"
        )
