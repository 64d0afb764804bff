"""The text-dump path: the same stages as ``html/``, read from line shape instead of markup."""
