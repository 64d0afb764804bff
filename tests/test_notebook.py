"""docs/corpus-prep.ipynb runs top to bottom in a real kernel (nbclient), so it never rots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cleanpage

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_corpus_prep_notebook_executes(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = nbformat.read(DOCS / "corpus-prep.ipynb", as_version=4)
    # The kernel must import the cleanpage under test, installed or run from src/: pass its folder
    # on through the environment the kernel inherits (nothing is registered globally).
    package_root = str(Path(cleanpage.__file__).resolve().parent.parent)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(DOCS)}})
    client.execute()
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    page_view = next(h for h in html if "cleanpage-page" in h)
    assert "Harbour ferry returns after winter repairs" in page_view
    assert "<s>" in page_view  # removed blocks, struck through
    table = next(h for h in html if "<table" in h and "agencies" in h)
    assert "read-error" in table  # the missing page is a row, not an exception
    markdown = [out["data"]["text/markdown"] for out in outputs if "text/markdown" in out.get("data", {})]
    assert any("## Why not sniff the user agent" in m and "|---|" in m for m in markdown)
    assert any("image/png" in out.get("data", {}) for out in outputs)  # the plot


def test_corpus_prep_notebook_is_committed_with_its_outputs() -> None:
    """A reader on GitHub sees the results without running anything: every code cell has its output."""
    notebook = nbformat.read(DOCS / "corpus-prep.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs for cell in code)
    assert any("image/png" in out.get("data", {}) for cell in code for out in cell.outputs)
    assert "../tests" not in "".join(cell.source for cell in code)  # only what a pip install ships
