"""The ``Rules`` aggregate and its loader (``cleanpage.rules.tables``): cached, frozen, picklable;
strict validation of small tables; matching that stays cheap and bounded on hostile input; article
sentences that no table claims."""

from __future__ import annotations

import dataclasses
import pickle
import re
import time

import pytest

from cleanpage.rules import BoilerplateRule, Rules, RulesError, load_rules, parse_rules

from ._shared import AG_OK, ARTICLE_SENTENCES, BP_OK, CM_OK, RULES, ids


@pytest.mark.parametrize("text", ARTICLE_SENTENCES, ids=ids(ARTICLE_SENTENCES))
def test_article_sentences_are_not_boilerplate_credits_or_headings(text: str) -> None:
    rule = RULES.match_text(text)
    assert rule is None, rule and rule.name
    hit = RULES.match_credit(text)
    assert hit is None, hit and (hit.pattern.name, hit.match.group(0))
    assert RULES.comments.announced(text) is None


def test_load_rules_is_cached_frozen_and_hashable() -> None:
    rules = load_rules()
    assert rules is load_rules() is RULES
    assert isinstance(rules, Rules)
    assert {rules: 1}[rules] == 1  # hashable
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.boilerplate = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.boilerplate[0].name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.comments.section_tokens = frozenset()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.agencies[0].aliases = ()  # type: ignore[misc]
    assert isinstance(rules.boilerplate, tuple) and isinstance(rules.boilerplate[0], BoilerplateRule)
    assert isinstance(rules.boilerplate[0].phrases, frozenset)
    hash(rules.boilerplate[0])
    hash(rules.agencies[0])
    hash(rules.credit_patterns[0])


def test_rules_pickle_to_the_same_tables() -> None:
    copy = pickle.loads(pickle.dumps(RULES))
    assert copy is RULES  # same process: the cached object
    cues = pickle.loads(pickle.dumps(RULES.comments))
    assert cues.announced("3 Responses") == 3


def test_matching_is_deterministic() -> None:
    texts = ["Search", "(AP)", "3 Responses", "Popular Posts", "Some article sentence, not boilerplate."]
    first = [(RULES.match_text(t), RULES.match_credit(t) and RULES.match_credit(t).pattern, RULES.comments.announced(t))  # type: ignore[union-attr]
             for t in texts]
    second = [(RULES.match_text(t), RULES.match_credit(t) and RULES.match_credit(t).pattern, RULES.comments.announced(t))  # type: ignore[union-attr]
              for t in texts]
    assert first == second


def test_parse_rules_small_tables() -> None:
    rules = parse_rules(BP_OK, AG_OK, CM_OK)
    assert rules.match_text("search for") is not None
    assert rules.match_tokens(["ad-slot-7"]) is not None
    hit = rules.match_credit("(AP)")
    assert hit is not None and hit.agency is not None and hit.agency.name == "AP"
    assert rules.match_credit("(ap)") is None
    assert rules.comments.announced("One comment") == 1
    assert rules is not load_rules()


@pytest.mark.parametrize(
    ("which", "old", "new", "message"),
    [
        ("bp", 'phrases = ["Search"]', 'phrases = ["Search", ""]', "empty"),
        ("bp", 'phrases = ["Search"]', 'phrases = ["  "]', "empty"),
        ("bp", 'phrases = ["Search"]', 'phrases = ["..."]', "empty after normalisation"),
        ("bp", "patterns = ['search for:?']", "patterns = ['']", "empty"),
        ("bp", "patterns = ['search for:?']", "patterns = ['.*']", "matches the empty string"),
        ("bp", "patterns = ['search for:?']", "patterns = ['(?:x)?']", "matches the empty string"),
        ("bp", "patterns = ['search for:?']", "patterns = ['search (']", "invalid regex"),
        ("bp", "patterns = ['search for:?']", "patterns = ['(search) for']", "capturing"),
        ("bp", "patterns = ['search for:?']", "patterns = ['{nope} for']", "unknown placeholder"),
        ("bp", 'tokens = ["search-form", "ad-slot-*"]', 'tokens = [""]', "empty"),
        ("bp", 'tokens = ["search-form", "ad-slot-*"]', 'tokens = ["Search-Form"]', "lower case"),
        ("bp", 'tokens = ["search-form", "ad-slot-*"]', 'tokens = ["*"]', "too broad"),
        ("bp", 'role = "search"', 'role = "serach"', "unknown role"),
        ("bp", 'name = "search-widget"', 'name = "Search Widget"', "kebab-case"),
        ("bp", 'examples = ["Search", "Search for:"]', "examples = []", "needs examples"),
        ("bp", 'examples = ["Search", "Search for:"]', 'examples = ["Search"]\nexampels = ["x"]', "unknown key"),
        ("bp", "[[rule]]", "[[rule]]\nname = 1\n[[rule]]", "must be a non-empty string"),
        ("bp", 'barriers = ["related", "footer"]', 'barriers = ["related", "fotter"]', "unknown role(s) ['fotter']"),
        ("bp", 'list_headings = ["related"]', 'list_headings = []', "must not be empty"),
        ("bp", 'response_ends = ["comment-form"]', 'response_ends = ["Comment-Form"]', "lower case"),
        ("bp", "[text_roles]", "[text_roles]\nlists = []", "unknown key"),
        ("bp", 'role = "nav"', 'role = "navi"', "unknown container role 'navi'"),
        ("bp", 'reason = "navigation"', 'reason = "navigations"', "is not a cleanpage.Reason"),
        ("bp", 'examples = ["<nav><p>Home</p></nav>"]', "examples = []", "must not be empty"),
        ("ag", 'aliases = ["Reuters"]', 'aliases = ["Reuters", ""]', "empty"),
        ("ag", 'aliases = ["Reuters"]', 'aliases = ["Reuters", "associated press"]', "claimed by"),
        ("ag", 'aliases = ["Reuters"]', "aliases = []", "must not be empty"),
        ("ag", 'ambiguous = ["AP"]', 'ambiguous = ["APX"]', "not among the aliases"),
        ("ag", '''regex = \'\'\'\\(\\s*(?P<agency>{agency})\\s*\\)\'\'\'''', "regex = ''", "non-empty"),
        ("ag", '''regex = \'\'\'\\(\\s*(?P<agency>{agency})\\s*\\)\'\'\'''', "regex = '(?:x)?'", "empty string"),
        ("ag", 'kind = "credit"', 'kind = "headline"', "kind must be one of"),
        ("ag", 'examples = [{text = "(AP)", agency = "AP"}]', 'examples = [{text = "(AP)", agency = "XX"}]', "unknown agency"),
        ("cm", 'chrome_phrases = ["Reply"]', 'chrome_phrases = [""]', "empty"),
        ("cm", 'section_tokens = ["comments"]', 'section_tokens = ["comments", " "]', "empty"),
        ("cm", '"one" = 1', '"one" = 1\n"One" = 2', "means both"),
        ("cm", "regex = '''{count}\\s+comments?'''", "regex = '''comments'''", "needs {count}"),
        ("cm", "regex = '''{count}\\s+comments?'''", "regex = ''", "non-empty"),
        ("cm", "x", "x", "invalid TOML"),
    ],
)
def test_bad_tables_raise_rules_error(which: str, old: str, new: str, message: str) -> None:
    tables = {"bp": BP_OK, "ag": AG_OK, "cm": CM_OK}
    if which == "cm" and old == "x":
        tables["cm"] = "this is = = not toml"
    else:
        assert old in tables[which], old
        tables[which] = tables[which].replace(old, new, 1)
    with pytest.raises(RulesError, match=re.escape(message)):
        parse_rules(tables["bp"], tables["ag"], tables["cm"])


def test_rules_error_is_a_value_error() -> None:
    assert issubclass(RulesError, ValueError)
    with pytest.raises(TypeError):
        parse_rules(b"bytes", AG_OK, CM_OK)  # type: ignore[arg-type]


HOSTILE = [
    "a" * 5000,
    " " * 5000,
    "Share " * 60,
    "# " * 150,
    "#a " * 100,
    "1 " * 150,
    "Posted in " + "x, " * 90,
    "Home » " * 40,
    "(" * 300,
    "By " + "Jane Doe, " * 40 + "AP",
    "Reporting by " + "Jane Doe and " * 40,
    "Reporting by " + "Jane Doe, " * 40 + "; Editing by " + "A B and " * 30,
    "Jane de la " * 50 + "of Reuters contributed",
    "Jane Doe y " * 50 + "of Reuters contributed to this report.",
    "Associated Press writer " + "Jane Doe in Kyiv and " * 40,
    "© " * 150,
    "WASHINGTON " * 30 + "(AP) —",
    "3 Responses to “" + "x" * 280,
    "AFP/" * 100,
    "It ended. " + "(AFP " * 60,
    "Jane Doe, " * 60 + "contributed to this report.",
    "Mitarbeit: " + "Anna Meier in Berlin und " * 40,
    "\u2019" * 500,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_matching_hostile_input_is_bounded(text: str) -> None:
    start = time.perf_counter()
    for _ in range(5):
        RULES.match_text(text)
        RULES.match_credit(text)
        RULES.match_closing(text)
        RULES.comments.announced(text)
        RULES.comments.is_chrome(text)
        RULES.comments.author_line(text)
    assert time.perf_counter() - start < 0.5


def test_rules_with_metadata_cues_pickle() -> None:
    rules = load_rules()
    again = pickle.loads(pickle.dumps(rules))
    assert again.cues.lead.pattern == rules.cues.lead.pattern
