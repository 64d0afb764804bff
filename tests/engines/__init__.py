"""Tests of the third-party engine adapters, as in ``src/cleanpage/engines``."""
