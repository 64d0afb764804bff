"""Options for one call of :func:`cleanpage.clean`, as a frozen value.

A frozen dataclass rather than keyword soup: it can be built once for a batch, pickled to
workers, varied with :func:`dataclasses.replace`, and never mutated mid-run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cleanpage.errors import OptionError
from cleanpage.result import InputKind

__all__ = ["Options"]

#: 20 MiB: larger than any real article page we have seen (the dev set tops out near 3 MiB),
#: small enough that a runaway input fails fast with a clear error instead of eating memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, kw_only=True, slots=True)
class Options:
    """Knobs of the pipeline. Defaults are what the benchmarks measure."""

    #: How to read the source: ``None`` (or ``"auto"``) sniffs it; ``InputKind.HTML``/``"html"`` or
    #: ``InputKind.TEXT``/``"text"`` force one path. The same enum the result's ``Page.kind`` reports.
    kind: InputKind | None = None
    #: Size limit in bytes (UTF-8 bytes for ``str`` input); past it :class:`TooLargeError`.
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Wall-clock limit in seconds for one document, or ``None``. Enforced by running the
    #: document in a worker process (see :mod:`cleanpage.io.batch`); ``clean`` honours it too.
    timeout: float | None = None
    #: Run trafilatura as the main-content engine (HTML). Off is the fast path: no engine call, and the
    #: block model trained without the engine's vote (``blocks-noengine.npz``) decides; figures in
    #: docs/benchmarks.md ("The engine decision").
    use_trafilatura: bool = True
    #: Decide body or not with the learned block model (HTML) over the rules' evidence. Off gives
    #: the rule classifier's labels alone.
    block_model: bool = True
    #: Keep the list of removed blocks (``Page.removed``). Off saves memory on huge batches.
    keep_removed: bool = True
    #: Detect the body's language (py3langid) when the page declares none. Off saves its ~1 s load.
    detect_language: bool = True

    def __post_init__(self) -> None:
        if self.kind is not None and not isinstance(self.kind, InputKind):
            try:
                object.__setattr__(self, "kind", None if self.kind == "auto" else InputKind(self.kind))
            except ValueError:
                choices = ", ".join(repr(k) for k in ("auto", *(k.value for k in InputKind)))
                raise OptionError(f"kind must be one of {choices}, not {self.kind!r}") from None
        check_positive("max_bytes", self.max_bytes, integer=True)
        if self.timeout is not None:
            check_positive("timeout", self.timeout)


def check_positive(name: str, value: object, *, integer: bool = False) -> None:
    """Raise :class:`OptionError` unless ``value`` is a positive finite number (an ``int`` if asked)."""
    kinds: tuple[type, ...] = (int,) if integer else (int, float)
    number = value if isinstance(value, kinds) and not isinstance(value, bool) else None
    if not isinstance(number, (int, float)) or not math.isfinite(number) or number <= 0:
        what = "a positive whole number" if integer else "a positive number of seconds"
        raise OptionError(f"{name} must be {what}, not {value!r}")
