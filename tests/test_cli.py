"""The CLI through ``main(argv)``: JSON out, JSON Lines for several inputs, errors on stderr."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleanpage.io.cli import main

SEED = Path(__file__).parent / "fixtures" / "seed-text" / "input.txt"
SEED_HTML = Path(__file__).parent / "fixtures" / "seed-html" / "input.html"


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


@pytest.mark.parametrize("fmt,needle", [("text", "Russian FM"), ("markdown", "# Russian FM")])
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
