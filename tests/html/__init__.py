"""Tests of the HTML path, one module per stage as in ``src/cleanpage/pipeline/html``."""
