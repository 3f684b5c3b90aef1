"""The phrase engine: entry format and validation, syntax, the shared token index,
context conditions and what PhraseRule does with a match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.config import Settings
from netiquette.engines import phrase_index
from netiquette.engines.phrases import PhraseList, alternation, parse_entry
from netiquette.errors import ConfigError
from netiquette.rule import RuleContext
from netiquette.text.document import Document
from netiquette.text.phrase_syntax import WORD_END, expand, phrase_regex, search_regex


def _found(items: list[Any], text: str) -> list[str]:
    doc = Document(text, "en")
    return [text[m.start : m.end] for m in PhraseList.from_data(items, "en").find(doc)]


def _holds(item: dict[str, Any], text: str) -> list[str]:
    """The matches of one entry that its conditions let through."""
    doc = Document(text, "en")
    (entry,) = PhraseList.from_data([item], "en").entries
    assert entry.conditions is not None
    holds = entry.conditions.holds
    found = PhraseList([entry], "en").find(doc, lambda d, m: holds(d, m.start, m.end))
    return [text[m.start : m.end] for m in found]


# --- syntax ---------------------------------------------------------------------------


def test_optional_groups_in_a_row_take_their_own_spaces() -> None:
    regex = re.compile(phrase_regex("looking into this (for you|)( today| now|)", "en") + WORD_END)
    for text in ("looking into this", "looking into this for you", "looking into this today"):
        assert regex.fullmatch(text), text
    assert regex.fullmatch("looking into this for you now")
    assert not regex.fullmatch("looking into this for younow")


def test_an_optional_group_glued_to_a_word_is_an_error() -> None:
    with pytest.raises(ValueError, match="glued"):
        phrase_regex("we are (so|)sorry", "en")
    assert expand("we are (so |)sorry") == ["we are so sorry", "we are sorry"]


def test_search_regex_needs_whole_words_and_skips_hyphenated_ones() -> None:
    regex = re.compile(search_regex("(we|i) (sincerely |)apologi* for", "en"))
    assert regex.search("we apologise for the delay")
    assert regex.search("and i sincerely apologizing for it")
    assert not regex.search("swe apologise for")
    assert not regex.search("re-we apologise for")  # inside a hyphenated word


# --- entries and their validation -----------------------------------------------------


@pytest.mark.parametrize(
    ("item", "error"),
    [
        ({"phrase": "gonna", "replacment": "going to"}, "unknown key(s) replacment"),
        ({"phrase": "gonna", "pattern": "gon+a"}, "exactly one of 'phrase' or 'pattern'"),
        ({"phrase": "(gonna"}, "unbalanced"),
        ({"phrase": "you made (a|an) error", "replacement": "a{2}"}, "group it does not have"),
        ({"phrase": "gonna", "replacement": "a", "replacements": ["b"]}, "not both"),
        ({"phrase": "gonna", "severity": "fatal"}, "unknown severity"),
        ({"phrase": "gonna", "sentence_start": "yes"}, "'sentence_start' must be true or false"),
        ({"phrase": "gonna", "case": "title"}, "'case' must be one of lower, upper"),
        ({"phrase": "gonna", "followed_by": {"pattern": "("}}, "bad pattern in 'followed_by'"),
        ({"phrase": "gonna", "not_after": {"regex": "x"}}, "{pattern: REGEX}"),
        ({"phrase": "gonna", "not_followed_by": [1]}, "a list of phrases"),
        ({"phrase": "(you|)"}, "can be empty"),
    ],
)
def test_a_bad_entry_names_the_file_the_rule_and_the_entry(item: Any, error: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_entry(item, "en", "lang/en/tone.yaml: slang")
    message = str(raised.value)
    assert message.startswith("lang/en/tone.yaml: slang: entry "), message
    assert repr(item.get("phrase")) in message and error in message


def test_a_rule_may_read_keys_of_its_own() -> None:
    item = {"phrase": "rules are rules", "always": True}
    with pytest.raises(ConfigError, match="unknown key"):
        parse_entry(item, "en", "x")
    entry = parse_entry(item, "en", "x", frozenset({"always"}))
    assert entry.extra == {"always": True}


def test_a_list_must_be_a_list() -> None:
    with pytest.raises(ConfigError, match=re.escape("lang/en/x.yaml: rule: expected a list")):
        PhraseList.from_data({"phrase": "x"}, "en", "lang/en/x.yaml: rule")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="src: "):
        alternation(["(a|b"], "en", "src")


# --- finding phrases: the index -------------------------------------------------------


def test_first_words_the_tokenizer_changes_are_found_in_every_case() -> None:
    items = ["y'all", "gonna", "don't worry", "u", "cannot help"]
    text = "Y'all gonna love it. DON'T WORRY, y'all. I'll get back to u. We cannot help."
    assert _found(items, text) == ["Y'all", "gonna", "DON'T WORRY", "y'all", "u", "cannot help"]


def test_first_words_with_a_wildcard_are_found_by_their_stem() -> None:
    items = ["apologi* for", "hatanız*", "ok*"]
    text = "Apologizing for that. We apologise for it. Hatanızdan dolayı. Okay then."
    assert _found(items, text) == ["Apologizing for", "apologise for", "Hatanızdan", "Okay"]


def test_patterns_are_tried_at_every_token() -> None:
    assert _found([{"pattern": r"[a-z]{2}\d{3}"}], "Code: ab123, not abc1234.") == ["ab123"]


def test_phrases_are_whole_words_outside_quoted_lines() -> None:
    items = ["mail", "ya"]
    text = "> send mail ya\nSend an e-mail, ya-ya, or use Mail. ya"
    assert _found(items, text) == ["Mail", "ya"]


def test_the_longest_match_wins_and_ties_go_to_the_first_entry() -> None:
    items = [
        {"phrase": "as per", "message": "short"},
        {"phrase": "as per your request", "message": "long"},
        {"phrase": "(as|) per your request", "message": "tie"},
    ]
    doc = Document("Done as per your request, and as per policy.", "en")
    found = list(PhraseList.from_data(items, "en").find(doc))
    assert [(doc.text[m.start : m.end], m.entry.message_in("en")) for m in found] == [
        ("as per your request", "long"),
        ("as per", "short"),
    ]


def test_a_rejected_match_lets_a_shorter_one_count() -> None:
    phrases = PhraseList.from_data(["as per", "as per policy"], "en")
    doc = Document("As per policy, no.", "en")
    found = phrases.find(doc, lambda d, m: m.entry.phrase != "as per policy")
    assert [(m.start, m.end) for m in found] == [(0, 6)]


def test_find_all_first_and_windows() -> None:
    phrases = PhraseList.from_data(["anything else", "is there anything else"], "en")
    doc = Document("Is there anything else? Anything else at all?", "en")
    assert [doc.text[m.start : m.end] for m in phrases.find_all(doc)] == [
        "Is there anything else",
        "anything else",
        "Anything else",
    ]
    later = phrases.first(doc, 10)
    assert later is not None and (later.start, later.end) == (24, 37)
    assert phrases.first(doc, 0, 20) is None  # "Is there anything else" does not fit


def test_a_list_built_after_a_document_was_searched_still_finds_its_phrases() -> None:
    doc = Document("Kindly zorbulate the flange.", "en")
    assert list(PhraseList.from_data(["kindly"], "en").find(doc))
    shared = phrase_index.starts(doc)
    assert phrase_index.starts(doc) is shared  # one pass per document
    late = PhraseList.from_data(["zorbulate the flange"], "en")
    assert [doc.text[m.start : m.end] for m in late.find(doc)] == ["zorbulate the flange"]


# --- context conditions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("conditions", "text", "expected"),
    [
        ({"preceded_by": ["please", "kindly"]}, "Please revert. Do not revert it.", ["revert"]),
        ({"not_preceded_by": ["do not"]}, "Please revert. Do not revert it.", ["revert"]),
        ({"preceded_by": {"pattern": r"\bwill\s+\Z"}}, "I will revert. Revert.", ["revert"]),
        ({"followed_by": ["with", "to (me|us)"]}, "Revert to us. Revert it.", ["Revert"]),
        ({"not_followed_by": ","}, "Revert, then revert it.", ["revert"]),
        ({"followed_by": {"pattern": r"\A\s+asap"}}, "Revert asap, revert.", ["Revert"]),
        ({"after": ["if"]}, "If you revert it. You revert it.", ["revert"]),
        ({"not_after": ["if"]}, "If you revert it. You revert it.", ["revert"]),
        ({"not_after": ["if"]}, "If so. We revert it.", ["revert"]),  # another sentence
        ({"before": ["today"]}, "Revert today. Revert. Today.", ["Revert"]),
        ({"not_before": ["today"]}, "Revert today. Revert. Today.", ["Revert"]),
        ({"sentence_start": True}, 'Revert. "Revert". So revert.', ["Revert", "Revert"]),
        ({"clause_end": True}, "I revert, you revert it", ["revert"]),
        ({"case": "lower"}, "REVERT, Revert, revert", ["revert"]),
        ({"case": "upper"}, "REVERT, Revert, revert", ["REVERT"]),
    ],
)
def test_conditions(conditions: dict[str, Any], text: str, expected: list[str]) -> None:
    assert _holds({"phrase": "revert", **conditions}, text) == expected


def test_after_looks_back_40_characters_only() -> None:
    text = "If the parcel arrives on a weekday morning, please revert."
    assert _holds({"phrase": "revert", "not_after": ["if"]}, text) == ["revert"]


# --- what a PhraseRule does with a match ------------------------------------------------


@dataclass(frozen=True)
class _Context(RuleContext):
    items: Any = None

    def data(self, name: str) -> Any:
        return {"demo": self.items}


class _Demo(PhraseRule):
    """Demo."""

    id = "NQ999"
    name = "demo"
    category = "tone"
    severity = "info"
    message = "'{match}'"
    data_file = "demo.yaml"
    uses_allow_words = True
    mirrors_customer = True


def _findings(text: str, **settings: Any) -> list[tuple[str, tuple[str, ...], str | None]]:
    items = [
        {"phrase": "you made (a|an) (mistake|error)", "replacement": "there was {1} {2}"},
        {"phrase": "sla", "replacement": "our promised time", "message": "{match}"},
        {"phrase": "asap", "replacement": "as soon as possible"},
    ]
    rule = _Demo(_Context("en", Settings(**settings), items=items))
    doc = Document(text, "en")
    return [(text[f.start : f.end], f.replacements, f.message) for f in rule.check(doc)]


def test_replacements_fill_groups_and_follow_the_case_of_the_match() -> None:
    assert _findings("You made  an error. Then the SLA. SLA met. Asap!") == [
        ("You made  an error", ("There was an error",), None),
        ("SLA", ("our promised time",), "{match}"),
        ("SLA", ("Our promised time",), "{match}"),
        ("Asap", ("As soon as possible",), None),
    ]


def test_allowed_words_and_words_the_customer_used_are_not_flagged() -> None:
    assert [f[0] for f in _findings("> Is the SLA met?\nThe SLA is met asap.")] == ["asap"]
    assert _findings("The SLA is met asap.", allow_words=("asap",)) == [
        ("SLA", ("our promised time",), "{match}")
    ]


def test_a_pattern_runs_only_where_its_requires_and_first_words_allow() -> None:
    text = "It will be fixed when it's fixed. Nasıl kırdın?"
    doc = Document(text, "en")
    tautology = r"([a-z]{3,}?)(?:ed|) when it's \1(?:ed|)"
    found = PhraseList.from_data([{"pattern": tautology, "requires": " when "}], "en").find(doc)
    assert [text[m.start : m.end] for m in found] == ["fixed when it's fixed"]
    absent = {"pattern": tautology, "requires": "whenever"}
    assert list(PhraseList.from_data([absent], "en").find(doc)) == []
    # first_words: tried only at those words (here never at "fixed")
    only_at = {"pattern": tautology, "first_words": ["it"]}
    assert list(PhraseList.from_data([only_at], "en").find(doc)) == []
    question = {"pattern": r"nasıl \w+dın", "first_words": ["nasıl"]}
    found = PhraseList.from_data([question], "tr").find(Document(text, "tr"))
    assert [text[m.start : m.end] for m in found] == ["Nasıl kırdın"]


def test_requires_and_first_words_belong_to_patterns() -> None:
    with pytest.raises(ConfigError, match="'requires' and 'first_words'"):
        PhraseList.from_data([{"phrase": "as per", "requires": "per"}], "en")
