"""Every error cleanpage raises on purpose.

Callers (and batch jobs) can tell *why* a page produced no record by the class of the error,
never by a ``None``. The hierarchy::

    CleanpageError                 base; carries ``context`` (which input, which stage)
    ├── InputTypeError             source is neither ``str`` nor ``bytes`` (also a ``TypeError``)
    ├── EmptyInputError            nothing but whitespace / no text at all
    ├── DecodeError                bytes that are not text in any encoding we can trust (binary)
    ├── TooLargeError              input past ``Options.max_bytes``
    ├── ParseError                 the markup could not be turned into a tree at all
    ├── Timeout                    a document exceeded its time limit
    ├── ReadError                  a file or stream could not be read (missing, permission, WARC)
    ├── FetchError                 a URL gave no page: ``cause`` is status, timeout, too-large,
    │                              redirects or connection (``status`` the HTTP status, if any)
    ├── WriteError                 an output file could not be written (full disk, permission)
    ├── OptionError                an option out of range or unknown (also a ``ValueError``)
    └── InternalError              a bug: any other exception (or a dead worker) while cleaning one
                                   document in a batch, recorded instead of stopping the batch
"""

from __future__ import annotations

__all__ = [
    "CleanpageError",
    "DecodeError",
    "EmptyInputError",
    "FetchError",
    "InputTypeError",
    "InternalError",
    "OptionError",
    "ParseError",
    "ReadError",
    "Timeout",
    "TooLargeError",
    "WriteError",
]


class CleanpageError(Exception):
    """Base class: ``context`` says where (a path, a record id, a stage) when it is known."""

    def __init__(self, message: str, *, context: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:
        return f"{self.message} [{self.context}]" if self.context else self.message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # keyword-only ``context`` must survive pickling across process pools
        return (_rebuild, (type(self), self.message, self.context))

    @property
    def reason(self) -> str:
        """A short, stable machine name for error files (``decode-error``, ``timeout``...)."""
        return _REASONS.get(type(self), "error")


def _rebuild(cls: type[CleanpageError], message: str, context: str | None) -> CleanpageError:
    return cls(message, context=context)


class InputTypeError(CleanpageError, TypeError):
    """The source is not ``str`` or ``bytes``."""


class EmptyInputError(CleanpageError):
    """The source holds no text."""


class DecodeError(CleanpageError):
    """The bytes are binary or undecodable."""


class TooLargeError(CleanpageError):
    """The source is larger than the configured limit."""


class ParseError(CleanpageError):
    """The markup could not be parsed into a usable tree."""


class Timeout(CleanpageError):
    """A document took longer than its time limit."""


class ReadError(CleanpageError):
    """A file, stream or archive record could not be read."""


class FetchError(CleanpageError):
    """A URL could not be fetched: ``cause`` says why, ``status`` is the HTTP status when one came."""

    def __init__(self, message: str, *, cause: str = "connection", status: int | None = None,
                 context: str | None = None) -> None:
        super().__init__(message, context=context)
        self.cause = cause
        self.status = status

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild_fetch, (self.message, self.cause, self.status, self.context))


def _rebuild_fetch(message: str, cause: str, status: int | None, context: str | None) -> FetchError:
    return FetchError(message, cause=cause, status=status, context=context)


class WriteError(CleanpageError):
    """An output file could not be written; ``context`` is that file (never another one), ``message``
    the system's reason for the first failure (``No space left on device``)."""


class OptionError(CleanpageError, ValueError):
    """An option is unknown or out of range (``kind="bogus"``, ``timeout=0``, ``max_bytes=0``).
    Also a ``ValueError``, so code written against the plain ``ValueError`` of earlier versions still
    catches it."""


class InternalError(CleanpageError):
    """Anything unexpected while cleaning one document of a batch: an exception that is not a
    :class:`CleanpageError` (a bug in cleanpage or a library under it), or a worker process that died.

    Batch helpers turn such failures into this record so one document can never stop or lose a
    batch; ``message`` names the original exception type, never a traceback.
    """


_REASONS: dict[type[CleanpageError], str] = {
    InputTypeError: "input-type",
    EmptyInputError: "empty-input",
    DecodeError: "decode-error",
    TooLargeError: "too-large",
    ParseError: "parse-error",
    Timeout: "timeout",
    ReadError: "read-error",
    FetchError: "fetch-error",
    WriteError: "write-error",
    OptionError: "option-error",
    InternalError: "internal-error",
}
