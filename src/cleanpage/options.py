"""Options for one call of :func:`cleanpage.clean`, as a frozen value.

A frozen dataclass rather than keyword soup: it can be built once for a batch, pickled to
workers, varied with :func:`dataclasses.replace`, and never mutated mid-run.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["KindOption", "Options"]

#: 20 MiB: larger than any real article page we have seen (the dev set tops out near 3 MiB),
#: small enough that a runaway input fails fast with a clear error instead of eating memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class KindOption(str, enum.Enum):
    """How to read the source: sniff it, or force one path."""

    AUTO = "auto"
    HTML = "html"
    TEXT = "text"


@dataclass(frozen=True, kw_only=True, slots=True)
class Options:
    """Knobs of the pipeline. Defaults are what the benchmarks measure."""

    kind: KindOption = KindOption.AUTO
    #: Size limit in bytes (UTF-8 bytes for ``str`` input); past it :class:`TooLargeError`.
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Wall-clock limit in seconds for one document, or ``None``. Enforced by running the
    #: document in a worker process (see :mod:`cleanpage.io.batch`); ``clean`` honours it too.
    timeout: float | None = None
    #: Run trafilatura as the main-content engine (HTML). Off gives a faster, rules-only result.
    use_trafilatura: bool = True
    #: Decide body or not with the learned block model (HTML) over the rules' evidence. Off gives
    #: the rule classifier's labels alone.
    block_model: bool = True
    #: Keep the list of removed blocks (``Page.removed``). Off saves memory on huge batches.
    keep_removed: bool = True
    #: Detect the body's language (py3langid) when the page declares none. Off saves its ~1 s load.
    detect_language: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.kind, KindOption):
            object.__setattr__(self, "kind", KindOption(self.kind))
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError("timeout must be positive or None")
