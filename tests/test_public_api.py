"""The public surface is pinned: names, types and immutability that users rely on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import re

import pytest

import cleanpage
from cleanpage import Attribution, AttributionKind, InputKind, Options, Page, Removed, Response


def test_all_is_sorted_and_exported() -> None:
    assert cleanpage.__all__ == sorted(cleanpage.__all__)
    for name in cleanpage.__all__:
        assert hasattr(cleanpage, name)
    for name in ("clean", "clean_file", "Options", "Page", "Attribution", "AttributionKind", "Response",
                 "Removed", "InputKind", "CleanpageError"):
        assert name in cleanpage.__all__


def test_all_is_every_public_name_and_nothing_else() -> None:
    """A name the package exposes is promised; one it does not list must not be reachable by accident."""
    import types

    exposed = sorted(
        name for name, value in vars(cleanpage).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    )
    assert [n for n in cleanpage.__all__ if n != "__version__"] == exposed


def test_every_reason_is_documented_with_its_description() -> None:
    from pathlib import Path

    schema = (Path(__file__).resolve().parent.parent / "docs" / "schema.md").read_text(encoding="utf-8")
    section = schema.split("## `Removed(text, reason)`", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", section, flags=re.MULTILINE))
    assert rows == {reason.value: reason.description for reason in cleanpage.Reason}
    assert all(reason.description for reason in cleanpage.Reason)


def test_enums_serialise_as_strings() -> None:
    assert json.dumps(InputKind.HTML) == '"html"'
    assert {k.value for k in AttributionKind} == {"dateline", "credit", "contributor", "byline", "copyright"}


def test_values_are_frozen_and_picklable() -> None:
    page = Page(
        kind=InputKind.TEXT,
        title="T",
        paragraphs=("a", "b"),
        attribution=(Attribution(agency="AP", text="(AP)", kind=AttributionKind.CREDIT),),
        responses=(Response(text="hi", author="X", published=dt.date(2024, 1, 2), parent=None),),
        removed=(Removed(text="Search", reason=cleanpage.Reason.SEARCH_WIDGET),),
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.title = "other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(page)) == page
    assert page.body == "a\n\nb"
    assert Page.from_dict(json.loads(page.to_json())) == page


def test_options_are_frozen_and_validated() -> None:
    opts = Options(kind="text")  # type: ignore[arg-type]
    assert opts.kind.value == "text"
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.max_bytes = 3  # type: ignore[misc]
    with pytest.raises(ValueError):
        Options(max_bytes=0)


def test_options_object_is_accepted() -> None:
    page = cleanpage.clean("Title line\n\nA paragraph that is long enough to be prose, with words in it.",
                           options=Options(kind="text"))  # type: ignore[arg-type]
    assert page.kind is InputKind.TEXT


def test_errors_pickle_with_context() -> None:
    err = cleanpage.ReadError("cannot read", context="a.html")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cleanpage.ReadError and back.context == "a.html" and back.reason == "read-error"
