"""The source tree docs/pipeline.md draws is the one on disk: every module and folder of
``src/cleanpage`` has its line there, and the drawing names nothing that is gone."""

from __future__ import annotations

import re
from pathlib import Path

import cleanpage

ROOT = Path(cleanpage.__file__).parent
PIPELINE_MD = Path(__file__).resolve().parent.parent / "docs" / "pipeline.md"
#: one entry of the drawing: its depth (four columns a level) and its name
_ENTRY = re.compile(r"^((?:[│ ] {3})*)[├└]── (\S+)")


def _drawn() -> set[str]:
    text = PIPELINE_MD.read_text(encoding="utf-8")
    block = text.split("## The source tree", 1)[1].split("```", 2)[1]
    paths: set[str] = set()
    folders: list[str] = []
    for line in block.splitlines():
        match = _ENTRY.match(line)
        if not match:
            continue
        depth, name = len(match.group(1)) // 4, match.group(2)
        del folders[depth:]
        paths.add("/".join([*folders, name.rstrip("/")]))
        if name.endswith("/"):
            folders.append(name.rstrip("/"))
    return paths


def _on_disk() -> set[str]:
    found = {p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.py")}
    found |= {p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_dir() and p.name != "__pycache__"}
    found |= {f"{p.parent.relative_to(ROOT).as_posix()}/*.toml" for p in ROOT.rglob("*.toml")}
    # a package's __init__.py is drawn as its folder
    return {p for p in found if not (p.endswith("/__init__.py") and p.count("/") >= 1)}


def test_the_drawn_tree_is_the_tree_on_disk() -> None:
    drawn, disk = _drawn(), _on_disk()
    assert not disk - drawn, f"not in docs/pipeline.md's source tree: {sorted(disk - drawn)}"
    assert not drawn - disk, f"in docs/pipeline.md's source tree but gone: {sorted(drawn - disk)}"
