"""Tests of the text path, one module per stage as in ``src/cleanpage/pipeline/text``."""
