"""clean() holds Python's cyclic garbage collector off while it cleans one page, and leaves it as it
found it: on after the page (also after a page that raises), off if the caller had turned it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import cleanpage
from cleanpage import EmptyInputError
from cleanpage.pipeline import attribute as attribute_stage

PAGE = ("<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1><p>The council "
        "approved the new bridge on Tuesday after a debate that lasted well into the night.</p></article>"
        "</body></html>")


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_during_a_page_and_on_after_it(collector_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = attribute_stage.attribute

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("cleanpage.api.attribute", spy)
    page = cleanpage.clean(PAGE)
    assert "council approved the new bridge" in page.body
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_back_on_after_a_page_that_raises(collector_on: None) -> None:
    with pytest.raises(EmptyInputError):
        cleanpage.clean("   ")
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        cleanpage.clean(PAGE)
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_the_same_page_with_and_without_the_collector(collector_on: None) -> None:
    on = cleanpage.clean(PAGE).to_dict()
    gc.disable()
    try:
        off = cleanpage.clean(PAGE).to_dict()
    finally:
        gc.enable()
    assert on == off
