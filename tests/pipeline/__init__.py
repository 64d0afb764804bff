"""Tests of the stages both paths share, as in ``src/cleanpage/pipeline/*.py``."""
