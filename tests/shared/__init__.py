"""Tests of what both paths share, as in ``src/cleanpage/pipeline/shared``."""
