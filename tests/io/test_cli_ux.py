"""The CLI's manners: --version, a piped page read without ``-``, a progress bar with a total and an ETA
only where a person watches (stderr a terminal, no --quiet), a byte bar for WARCs, one summary line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleanpage
from cleanpage.io.cli import main
from cleanpage.io.inputs import expand, survey
from tests import FIXTURES
from tests._docs import sample_warc, small_html

SEED = FIXTURES / "seed-text" / "input.txt"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Pipe(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(n):
        (folder / f"p{i}.html").write_text(small_html(i), encoding="utf-8")
    return folder


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cleanpage {cleanpage.__version__}"


def test_a_piped_page_is_read_without_dash(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Pipe(io.BytesIO(SEED.read_bytes())))
    assert main(["--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("Russian FM")


def test_no_inputs_on_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    class _TerminalIn(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", _TerminalIn())
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    assert "no INPUT" in capsys.readouterr().err


def test_the_bar_has_a_total_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, 3)
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert main([str(folder), "--out", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 0
    shown = err.getvalue()
    assert "3/3" in shown and "page" in shown
    assert shown.rstrip().splitlines()[-1].startswith("cleanpage: done 3, failed 0")


def test_warc_inputs_get_a_byte_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warc = sample_warc(tmp_path / "a.warc.gz")
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert main([str(warc), "--out", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 0
    size = os.path.getsize(warc)
    assert "B/" in err.getvalue()
    assert survey([str(warc)]).size == size and survey([str(warc)]).warc
    # the records' byte shares add up to what was read of the archive
    assert 0 < sum(doc.size for doc in expand([str(warc)], max_bytes=10**7)) <= size


@pytest.mark.parametrize("quiet", [True, False], ids=["quiet", "not-a-terminal"])
def test_no_bar_when_nobody_watches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: bool) -> None:
    folder = _folder(tmp_path, 2)
    err = _Terminal() if quiet else io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    argv = [str(folder), "--out", str(tmp_path / "out.jsonl"), "--jobs", "1"] + (["--quiet"] if quiet else [])
    assert main(argv) == 0
    assert err.getvalue().splitlines() == [line for line in err.getvalue().splitlines()
                                           if line.startswith("cleanpage: done 2")]


def test_several_inputs_to_stdout_end_with_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, 2)
    assert main([str(folder)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert captured.err.startswith("cleanpage: done 2, failed 0")
    assert main(["--quiet", str(folder)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("several", "expected"), [(True, 3), (False, 1)])
def test_a_folder_to_stdout_uses_every_core_one_file_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str],
                                                         several: bool, expected: int) -> None:
    from cleanpage.io import cli

    asked: list[int] = []
    real = cli.clean_many

    def spy(*args: object, workers: int, **kwargs: object):  # type: ignore[no-untyped-def]
        asked.append(workers)
        return real(*args, workers=1, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "clean_many", spy)
    monkeypatch.setattr(cli, "default_workers", lambda: 3)
    folder = _folder(tmp_path, 3)
    target = folder if several else next(p for p in sorted(folder.iterdir()) if p.is_file())
    assert main(["--quiet", str(target)]) == 0
    assert asked == [expected]
    outputs = capsys.readouterr().out.splitlines()
    # in input order whatever the pool does
    assert len(outputs) == (3 if several else 1)


def test_survey_counts_documents_and_bytes(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    plan = survey([str(folder), str(SEED)])
    assert (plan.documents, plan.warc) == (5, False)
    assert plan.size == sum(p.stat().st_size for p in folder.iterdir()) + SEED.stat().st_size


def test_piped_page_through_a_subprocess() -> None:
    done = subprocess.run([sys.executable, "-m", "cleanpage", "--format", "text"], input=SEED.read_bytes(),
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"Russian FM")
    version = subprocess.run([sys.executable, "-m", "cleanpage", "--version"], capture_output=True, text=True,
                             timeout=120, check=False)
    assert version.stdout.strip() == f"cleanpage {cleanpage.__version__}"


def test_json_of_one_piped_page_is_unchanged(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Pipe(io.BytesIO(SEED.read_bytes())))
    assert main([]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["path"] == "-"
    assert captured.err == ""
