"""The disclosure cues (``disclosure.toml``) as a table of :class:`Rules`: a custom table reaches
every reader (the blocks' panels, the styled-hidden copies), survives pickling and the disk cache,
and an invalid one is a :class:`RulesError` from :func:`parse_rules`."""

from __future__ import annotations

import pickle
from importlib.resources import files
from pathlib import Path

import pytest

from cleanpage import Options, Reason
from cleanpage.api import _clean_html
from cleanpage.pipeline.decode import decode
from cleanpage.pipeline.html.blocks import build_blocks
from cleanpage.pipeline.html.tree import parse_page
from cleanpage.rules import Rules, RulesError, load_rules, parse_rules, tables
from cleanpage.rules._cache import cached
from cleanpage.rules.disclosure import compile_disclosure
from cleanpage.rules.tables import parse_cached

from ._shared import AG_OK, BP_OK, CM_OK

PACKAGED = files("cleanpage.rules").joinpath("disclosure.toml").read_text(encoding="utf-8")
#: the packaged table with one more panel word and one more hiding class
CUSTOM = PACKAGED.replace("panel_words = [", 'panel_words = ["foldout", ', 1).replace(
    "hidden_classes = [", 'hidden_classes = ["js-off", ', 1)
FEES = "Tuition for home students is 9,250 pounds a year, and the university reviews the fee every spring."
LEAD = "The bridge on the old road will close for four months from March while its deck is rebuilt in concrete."
REST = "Drivers will be sent over the new bypass, which adds about ten minutes to a trip into the town centre."


def _tables(disclosure_toml: str | None) -> Rules:
    """The packaged tables with ``disclosure_toml`` in place of the packaged disclosure table."""
    folder = files("cleanpage.rules")
    bp, ag, cm, md = (folder.joinpath(n).read_text(encoding="utf-8")
                      for n in ("boilerplate.toml", "agencies.toml", "comments.toml", "metadata.toml"))
    return parse_cached(bp, ag, cm, md, disclosure_toml)


def test_the_packaged_tables_give_the_packaged_cues() -> None:
    packaged = compile_disclosure(PACKAGED)
    assert load_rules().disclosure == packaged
    assert parse_rules(BP_OK, AG_OK, CM_OK).disclosure == packaged
    assert "accordion" in packaged.panel_words and packaged.hides(frozenset({"d-none"}))


def test_a_custom_panel_word_makes_a_hidden_panel_collapsed() -> None:
    root, _ = parse_page(f"<html><body><div class='foldout' hidden><p>{FEES}</p></div></body></html>")
    roles = {b.text: b.roles for b in build_blocks(root, disclosure=load_rules().disclosure)}
    assert "hidden" in roles[FEES]
    roles = {b.text: b.roles for b in build_blocks(root, disclosure=_tables(CUSTOM).disclosure)}
    assert "collapsed" in roles[FEES] and "hidden" not in roles[FEES]


def test_a_custom_hiding_class_makes_a_styled_copy_go() -> None:
    page = (f"<html><body><main><h1>Bridge to close</h1><div class='js-off'><p>{LEAD}</p></div>"
            f"<div class='story'><p>{LEAD}</p><p>{REST}</p></div></main></body></html>")
    hidden = [[r.reason for r in _clean_html(decode(page, max_bytes=Options().max_bytes), None, Options(), rules).removed if r.text == LEAD]
              for rules in (load_rules(), _tables(CUSTOM))]
    assert Reason.HIDDEN not in hidden[0]
    assert hidden[1] == [Reason.HIDDEN]


def test_an_invalid_disclosure_table_is_a_rules_error() -> None:
    with pytest.raises(RulesError, match="disclosure.toml"):
        parse_rules(BP_OK, AG_OK, CM_OK, None, PACKAGED.replace("streamed_ids", "streamed_idz"))
    with pytest.raises(RulesError, match="disclosure.toml"):
        parse_rules(BP_OK, AG_OK, CM_OK, None, "[disclosure\n")


def test_custom_cues_survive_the_disk_cache_and_pickling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANPAGE_CACHE_DIR", str(tmp_path))
    texts = (BP_OK, AG_OK, CM_OK, None, CUSTOM)
    built = parse_rules(*texts)
    assert built.disclosure == compile_disclosure(CUSTOM) != compile_disclosure(PACKAGED)
    first = cached(texts, lambda: parse_rules(*texts), Rules)
    read = cached(texts, lambda: pytest.fail("the second call must read the file"), Rules)
    assert read is not first and read.disclosure == built.disclosure
    # another disclosure table is another file
    cached((*texts[:4], PACKAGED), lambda: parse_rules(*texts[:4], PACKAGED), Rules)
    assert len(list(tmp_path.glob("rules-*.pickle"))) == 2
    # a worker re-parses the sources (here without the per-process memo, which holds the packaged tables)
    monkeypatch.setattr(tables, "parse_cached", tables.parse_cached.__wrapped__)
    assert pickle.loads(pickle.dumps(built)).disclosure == built.disclosure
