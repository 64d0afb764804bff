"""The HTML path: one parse (:mod:`.tree`), then the stages on that tree and its blocks."""
