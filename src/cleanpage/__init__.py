"""cleanpage: saved web pages (HTML or plain-text dumps) in, clean typed records out.

>>> import cleanpage
>>> page = cleanpage.clean(open("page.html", "rb").read())   # doctest: +SKIP
>>> page.title, page.body, page.attribution, page.responses  # doctest: +SKIP
>>> for ident, outcome in cleanpage.clean_many(paths):       # doctest: +SKIP
...     ...                                                  # a Page or a CleanpageError, in input order
"""

import logging as _logging

from cleanpage.api import clean, clean_file, clean_url
from cleanpage.errors import (
    CleanpageError,
    DecodeError,
    EmptyInputError,
    FetchError,
    InputTypeError,
    InternalError,
    OptionError,
    ParseError,
    ReadError,
    Timeout,
    TooLargeError,
    WriteError,
)
from cleanpage.io.batch import clean_many
from cleanpage.io.records import to_records
from cleanpage.options import Options
from cleanpage.pipeline.blocks import Reason
from cleanpage.result import (
    Attribution,
    AttributionKind,
    Element,
    ElementKind,
    InputKind,
    Page,
    PageType,
    PageWarning,
    Removed,
    Response,
)

_logging.getLogger(__name__).addHandler(_logging.NullHandler())

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "AttributionKind",
    "CleanpageError",
    "DecodeError",
    "Element",
    "ElementKind",
    "EmptyInputError",
    "FetchError",
    "InputKind",
    "InputTypeError",
    "InternalError",
    "OptionError",
    "Options",
    "Page",
    "PageType",
    "PageWarning",
    "ParseError",
    "ReadError",
    "Reason",
    "Removed",
    "Response",
    "Timeout",
    "TooLargeError",
    "WriteError",
    "__version__",
    "clean",
    "clean_file",
    "clean_many",
    "clean_url",
    "to_records",
]
