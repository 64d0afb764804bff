"""The batch CLI against hostile names and broken outputs (issue 19): no input stops a batch, every
message names the file that failed, Ctrl-C ends with a summary."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleanpage
from cleanpage.io.cli import EXIT_INTERRUPTED, main
from cleanpage.io.names import escape_name, unescape_name
from cleanpage.io.outfile import scan_records
from tests._docs import small_html

SRC = Path(cleanpage.__file__).resolve().parent.parent


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


@pytest.mark.parametrize("name", [b"plain.html", b"caf\xc3\xa9.html", b"bytes:x.html", b"100%.html"])
def test_valid_names_round_trip(name: bytes) -> None:
    text = os.fsdecode(name)
    assert unescape_name(escape_name(text)) == name
    if not name.startswith(b"bytes:"):
        assert escape_name(text) == text  # ordinary ids never change


@pytest.mark.parametrize("name", [b"b\xff\xfe.html", b"\xc3", b"x%41\xe9.htm", b"bytes:\xff"])
def test_undecodable_names_are_escaped_reversibly(name: bytes) -> None:
    escaped = escape_name(os.fsdecode(name))
    assert escaped.startswith("bytes:") and escaped.encode("utf-8")  # valid UTF-8 text
    assert unescape_name(escaped) == name


def _bad_names(tmp_path: Path) -> tuple[Path, list[bytes]]:
    folder = tmp_path / "pages"
    folder.mkdir()
    names = [b"a.html", b"b\xff\xfe.html", b"c.html", b"d\xe9.txt"]
    for i, name in enumerate(names):
        with open(os.fsencode(folder) + b"/" + name, "wb") as handle:
            handle.write(small_html(i).encode() if i != 3 else b"")  # the last one fails: empty
    return folder, names


def test_a_file_name_that_is_not_utf8_neither_stops_the_batch_nor_resume(tmp_path: Path) -> None:
    folder, names = _bad_names(tmp_path)
    out, errors = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    args = [str(folder), "--out", str(out), "--errors", str(errors), "--jobs", "1", "--quiet"]
    assert main(args) == 1  # d\xe9.txt is empty: one failure, recorded
    records, failures = _lines(out), _lines(errors)
    assert [unescape_name(r["id"]) for r in records] == [os.fsencode(folder) + b"/" + n for n in names[:3]]
    assert [unescape_name(r["path"]) for r in records] == [unescape_name(r["id"]) for r in records]
    assert unescape_name(failures[0]["id"]) == os.fsencode(folder) + b"/" + names[3]
    assert main(args + ["--resume"]) == 1  # nothing done twice, nothing crashes
    assert len(_lines(out)) == 3 and len(_lines(errors)) == 1


def test_a_file_name_that_is_not_utf8_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, names = _bad_names(tmp_path)
    assert main([os.fsdecode(os.fsencode(folder) + b"/" + names[1])]) == 0
    record = json.loads(capsys.readouterr().out)
    assert unescape_name(record["path"]) == os.fsencode(folder) + b"/" + names[1]


def test_out_and_errors_may_not_be_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = _bad_names(tmp_path)
    for errors in (tmp_path / "x.jsonl", tmp_path / "." / "x.jsonl"):
        with pytest.raises(SystemExit) as exit_info:
            main([str(folder), "--out", str(tmp_path / "x.jsonl"), "--errors", str(errors), "--quiet"])
        assert exit_info.value.code == 2
        assert "same file" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()  # refused before anything was written


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_says_so_and_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = _bad_names(tmp_path)
    assert main([str(folder), "--out", "/dev/full", "--errors", str(tmp_path / "e.jsonl"), "--quiet",
                 "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "cannot write /dev/full: No space left on device" in err and "Invalid argument" not in err
    # only the error file fails: the message names the error file, not --out
    assert main([str(folder), "--out", str(tmp_path / "o.jsonl"), "--errors", "/dev/full", "--quiet",
                 "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "cannot write /dev/full: No space left on device" in err and "o.jsonl" not in err


def test_the_same_id_twice_is_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = _bad_names(tmp_path)
    page = str(folder / "a.html")
    out = tmp_path / "out.jsonl"
    assert main([page, page, str(folder / "c.html"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert len(_lines(out)) == 2
    assert "done 2, failed 0" in (err := capsys.readouterr().err)
    assert "1 inputs skipped as duplicates" in err


def test_lines_that_are_not_records_are_reported_and_moved_aside(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = _bad_names(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main([str(folder / "a.html"), str(folder / "c.html"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    good = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(good[0] + b"garbage that is not JSON\n" + b"[1, 2]\n" + good[1] + b'{"id": "x", "ti')
    scan = scan_records(out)
    assert scan.rejected == 2 and scan.partial_bytes == len(b'{"id": "x", "ti') and len(scan.ids) == 2
    assert out.read_bytes() == good[0] + good[1]  # only records left, in order
    assert (tmp_path / "out.jsonl.rejected").read_bytes() == b"garbage that is not JSON\n[1, 2]\n"
    out.write_bytes(good[0] + b"not a record\n")  # the garbage stood in for c.html's line
    assert main([str(folder / "a.html"), str(folder / "c.html"), "--out", str(out), "--jobs", "1", "--quiet",
                 "--resume"]) == 0
    err = capsys.readouterr().err
    assert "1 lines that are not records moved to" in err and "done 1" in err
    assert [r["id"] for r in _lines(out)] == [str(folder / "a.html"), str(folder / "c.html")]


def test_ctrl_c_prints_the_summary_and_exits_130(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04d}.html").write_text(small_html(i), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "cleanpage", str(folder), "--out", str(out), "--jobs", "2", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # a shell's background job inherits SIGINT ignored (a CI script's `… &`), and Python then installs no
    # KeyboardInterrupt handler: while the child starts, this process handles SIGINT, so the child (its
    # handlers reset by exec) meets the default disposition a terminal's Ctrl-C meets
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and run.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == EXIT_INTERRUPTED, err
    assert "Traceback" not in err and "interrupted: done" in err
    done = scan_records(out).ids
    assert 0 < len(done) < 400
    resumed = subprocess.run(command + ["--resume"], env=env, capture_output=True, text=True, timeout=120,
                             check=False)
    assert resumed.returncode == 0, resumed.stderr
    ids = [r["id"] for r in _lines(out)]
    assert sorted(ids) == sorted(str(p) for p in folder.iterdir())  # each exactly once
