"""cleanpage's tests, laid out as ``src/cleanpage`` is.

=================  ==================================================================================
``html/``          the HTML path's stages (``pipeline/html/``): tree, blocks, classify, responses,
                   comment items, metadata
``text/``          the text path's stages (``pipeline/text/``): blocks, region, cues, classify, responses
``shared/``        what both paths use (``pipeline/shared/``): dates, names, patterns
``pipeline/``      the stages both paths share (``pipeline/*.py``): sniff, prose, attribute
``engines/``       the adapters of third-party engines (``engines/``)
``rules/``         the rule tables (``rules/``), one module per table
``io/``            inputs and outputs (``io/``): batch, CLI, Dask, limits, render, WARC
``golden/``        the fixture pages under ``fixtures/``: expected.json, checks.json, the seed page
``test_*.py``      the package as a whole: public API, imports, bad input, fuzz, benchmarks, notebook
=================  ==================================================================================

Helpers are modules of this package (``from tests._docs import small_html``); pytest puts the
repository root on ``sys.path`` (``tests`` is a package, so its test modules are ``tests.html.test_blocks``
and so on, and no folder here shadows a standard module such as ``html`` or ``io``).
"""

from __future__ import annotations

from pathlib import Path

#: the fixture pages, one folder per case (shared by the golden, I/O, fuzz and Dask tests)
FIXTURES = Path(__file__).parent / "fixtures"
