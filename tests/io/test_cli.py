"""The CLI through ``main(argv)``: JSON out, JSON Lines for several inputs, errors on stderr; then the CLI as a
batch job: folders, WARC, --out/--errors, --resume after a SIGKILL."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleanpage
from cleanpage.io.cli import main
from cleanpage.io.outfile import completed_ids
from tests import FIXTURES
from tests._docs import sample_warc, slow_html, small_html, small_text

SEED = FIXTURES / "seed-text" / "input.txt"
SEED_HTML = FIXTURES / "seed-html" / "input.html"


def test_one_input_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Russian FM: US, NATO Directly Involved in Ukraine Conflict"
    assert data["kind"] == "text"
    assert len(data["paragraphs"]) == 16
    assert data["path"] == str(SEED)


def test_several_inputs_print_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), str(SEED_HTML)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["kind"] for line in lines] == ["text", "html"]


def test_bad_input_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.html"
    assert main([str(missing), str(empty), str(SEED)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "missing.html" in captured.err and "read-error" in captured.err
    assert "empty.html" in captured.err and "empty-input" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("fmt,needle", [("text", "Russian FM"), ("markdown", "---\ntitle: \"Russian FM")])
def test_formats(fmt: str, needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", fmt, str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(needle)
    assert "Like duh" not in out.split("## Responses")[0]


def test_kind_option_forces_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--kind", "text", str(SEED_HTML)]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "text"


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(SEED.read_bytes()))
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["responses_announced"] == 3


def test_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "cleanpage", "--format", "text", str(SEED)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stdout.startswith("Russian FM")


# ---- the CLI as a batch job ---------------------------------------------------------------------

SRC = Path(cleanpage.__file__).resolve().parent.parent  # the cleanpage under test, installed or not


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_text(small_html(1), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(small_text(2), encoding="utf-8")
    (folder / "sub" / "c.htm").write_text(small_html(3), encoding="utf-8")
    (folder / "notes.md").write_text("# not a page\n", encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    return folder


def test_out_folder_warc_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    warc = sample_warc(tmp_path / "crawl.warc.gz")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status = main([str(folder), str(warc), str(tmp_path / "missing.html"), "--out", str(out),
                   "--errors", str(errors), "--jobs", "2", "--quiet"])
    assert status == 1
    records = _lines(out)
    paths = [r["path"] for r in records]
    assert paths[:3] == [str(folder / "a.html"), str(folder / "sub" / "b.txt"), str(folder / "sub" / "c.htm")]
    warc_records = [r for r in records if r["path"] == str(warc)]
    assert [r["url"] for r in warc_records] == ["http://example.org/a", "http://example.org/b",
                                                 "http://example.org/c"]
    assert all(r["id"].startswith("<urn:uuid:") for r in warc_records)
    failures = _lines(errors)
    assert {(f["id"], f["reason"]) for f in failures} == {
        (str(folder / "empty.html"), "empty-input"), (str(tmp_path / "missing.html"), "read-error")}
    assert all(set(f) >= {"id", "reason", "message"} for f in failures)
    err = capsys.readouterr().err
    assert "done 6, failed 2" in err and "pages/s" in err and "Traceback" not in err


def test_glob_and_default_error_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "res.jsonl"
    assert main([str(folder), "--out", str(out), "--glob", "*.txt", "--jobs", "1", "--quiet",
                 "--format", "text"]) == 0
    (record,) = _lines(out)
    assert record["path"].endswith("b.txt") and record["text"].startswith("Story number 2")
    assert (tmp_path / "res.errors.jsonl").read_text() == ""


def test_warc_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warc = sample_warc(tmp_path / "crawl.warc", gzip=False)
    assert main([str(warc)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["url"] for line in lines] == ["http://example.org/a", "http://example.org/b",
                                                           "http://example.org/c"]


def test_truncated_warc_keeps_what_it_can(tmp_path: Path) -> None:
    data = sample_warc(tmp_path / "full.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 7 // 10])
    out, errors = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    assert main([str(cut), "--out", str(out), "--errors", str(errors), "--quiet", "--jobs", "1"]) == 1
    assert [r["url"] for r in _lines(out)] == ["http://example.org/a", "http://example.org/b"]
    (failure,) = _lines(errors)
    assert failure["reason"] == "read-error" and "#offset=" in failure["id"]


def test_resume_truncates_a_partial_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a"}\n{"id": "b"}\n{"id": "c", "ti')
    assert completed_ids(out) == {"a", "b"}
    assert out.read_bytes() == b'{"id": "a"}\n{"id": "b"}\n'


def _ids_of(path: Path) -> list[str]:
    return [r["id"] for r in _lines(path)] if path.exists() else []


def test_kill_and_resume_loses_nothing(tmp_path: Path) -> None:
    """≥ 1,000 documents with bad bytes, a slow page, an unreadable file; SIGKILL mid-run; --resume."""
    folder = tmp_path / "docs"
    folder.mkdir()
    expected: set[str] = set()
    for i in range(1000):
        path = folder / f"{i:04d}.{'txt' if i % 3 == 0 else 'html'}"
        if i % 97 == 5:
            path.write_bytes(bytes(range(256)) * 8)  # binary: decode-error
        else:
            path.write_text(small_text(i) if i % 3 == 0 else small_html(i), encoding="utf-8")
        expected.add(str(path))
    slow = folder / "0500-slow.html"
    slow.write_text(slow_html(), encoding="utf-8")
    broken = folder / "0600-broken.html"
    broken.symlink_to(folder / "nowhere.html")  # listed, but unreadable: read-error
    expected |= {str(slow), str(broken)}
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    command = [sys.executable, "-m", "cleanpage", str(folder), "--out", str(out), "--errors", str(errors),
               "--jobs", "2", "--timeout", "1", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and first.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 300:
            break
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    with out.open("ab") as handle:  # as if the kill had landed in the middle of a line
        handle.write(b'{"id": "' + str(folder).encode() + b'/9999.ht')
    done_before = set(_ids_of(errors)) | set(completed_ids(out))
    assert 0 < len(done_before) < len(expected)
    second = subprocess.run(command + ["--resume"], env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert second.returncode == 1, second.stderr  # the injected failures
    assert "Traceback" not in second.stderr and "done" in second.stderr
    ids = _ids_of(out) + _ids_of(errors)
    assert sorted(ids) == sorted(expected)  # every input exactly once
    reasons = {r["id"]: r["reason"] for r in _lines(errors)}
    assert reasons[str(slow)] == "timeout"
    assert reasons[str(broken)] == "read-error"
    assert reasons[str(folder / "0005.html")] == "decode-error"


def test_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--out", str(tmp_path / "no" / "such" / "dir.jsonl"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err


def test_resume_without_out_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(SEED), "--resume"])
    assert exit_info.value.code == 2
