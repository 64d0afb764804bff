"""Tests of inputs and outputs, as in ``src/cleanpage/io``."""
