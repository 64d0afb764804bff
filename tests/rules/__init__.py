"""Tests of the rule tables, one module per table as in ``src/cleanpage/rules``."""
