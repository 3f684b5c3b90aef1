"""Tone rules: their data, the phrase machinery, and behaviour on real text."""

from __future__ import annotations

import csv
import re
from typing import Any

import pytest

import netiquette
from conftest import shared_path
from helpers import agent_turns
from netiquette.checks.tone import emoji_table
from netiquette.checks.tone.emoji import emoji_tables
from netiquette.engines.phrases import parse_entry
from netiquette.lang import load
from netiquette.registry import all_rules
from netiquette.text.fold import fold
from netiquette.text.phrase_syntax import WORD_END, expand, phrase_regex, word_alternation

TONE = load("en", "tone.yaml")
#: Rules whose data is a phrase list (directly or under "phrases"), and other lists of
#: phrases kept in the same file.
PHRASE_RULES = {
    "blames-customer": None,
    "condescending": None,
    "negative-framing": "phrases",
    "repeated-unfortunately": "phrases",
    "sarcasm": "phrases",
    "slang": None,
    "aggressive": None,
    "over-familiar-address": "words",
}
ENTRY_KEYS = {
    "phrase",
    "replacement",
    "replacements",
    "message",
    "severity",
    "note",
    "not_followed_by",
    "followed_by",
    "not_after",
    "sentence_start",
    "clause_end",
    "always",
}
#: How many entries the phrase lists of PHRASE_RULES hold, and the spellings they expand to.
ENTRIES, SPELLINGS = 306, 14908


def _items(rule: str) -> list[Any]:
    key = PHRASE_RULES[rule]
    data = TONE[rule]
    return list(data if key is None else data[key])


def _all_items() -> list[tuple[str, Any]]:
    """(rule, entry) for every phrase entry of the phrase lists of PHRASE_RULES (the
    few ``pattern`` entries are regular expressions: their fixtures test them)."""
    found = [
        (rule, item)
        for rule in PHRASE_RULES
        for item in _items(rule)
        if not (isinstance(item, dict) and "pattern" in item)
    ]
    assert len(found) == ENTRIES
    return found


def _phrase(item: Any) -> str:
    return str(item["phrase"] if isinstance(item, dict) else item)


@pytest.fixture(scope="module")
def tone_linter() -> netiquette.Linter:
    ids = [rule_id for rule_id, cls in all_rules().items() if cls.category == "tone"]
    return netiquette.Linter("en", select=ids)


# --- data -----------------------------------------------------------------------------


def test_every_section_names_a_tone_rule() -> None:
    names = {cls.name for cls in all_rules().values() if cls.category == "tone"}
    assert len(TONE) == 18
    assert set(TONE) <= names, set(TONE) - names


def test_no_phrase_in_two_rules_and_no_duplicates() -> None:
    owner: dict[str, str] = {}
    seen: dict[str, set[str]] = {rule: set() for rule in PHRASE_RULES}
    for rule, item in _all_items():
        for spelled in expand(_phrase(item)):
            key = spelled.lower().replace("’", "'")
            assert key not in seen[rule], f"{rule}: '{spelled}' twice"
            seen[rule].add(key)
            assert owner.setdefault(key, rule) == rule, f"'{spelled}' is in {owner[key]} and {rule}"
    assert len(owner) == SPELLINGS


def test_entries_use_known_keys_and_no_replacement_equals_its_phrase() -> None:
    for rule, item in _all_items():
        if isinstance(item, dict):
            assert set(item) <= ENTRY_KEYS, f"{rule}: unknown keys {set(item) - ENTRY_KEYS}"
        entry = parse_entry(item, "en", rule, frozenset({"always"}))
        for replacement in entry.replacements:
            if "{" not in replacement:
                for spelled in expand(entry.phrase):
                    assert replacement.lower() != spelled.lower(), (rule, item)


def test_spellings_are_well_formed() -> None:
    # "(we|i) (will|'ll)" would give "we 'll": contractions must be spelled inside a group.
    spellings = [
        (rule, spelled) for rule, item in _all_items() for spelled in expand(_phrase(item))
    ]
    assert len(spellings) == SPELLINGS
    for rule, spelled in spellings:
        assert " '" not in spelled and "  " not in spelled, (rule, spelled)
        assert spelled == spelled.strip(), (rule, spelled)


def test_each_phrase_regex_matches_all_its_spellings_whole() -> None:
    lists = [_phrase(item) for _, item in _all_items()]
    lists += [str(p) for p in TONE["negative-framing"]["alternatives"]]
    lists += [str(p) for p in TONE["stalling-reply"]["stalls"]]
    assert len(lists) == ENTRIES + 46 + 7  # and the alternatives and stalls
    for phrase in lists:
        regex = re.compile(phrase_regex(phrase, "en") + WORD_END)
        for spelled in expand(phrase):
            m = regex.match(spelled.lower())
            assert m is not None and m.end() == len(spelled), (phrase, spelled)


# --- the phrase machinery -------------------------------------------------------------


def test_expand_resolves_nested_and_optional_groups() -> None:
    assert expand("you (should have|should've) read") == [
        "you should have read",
        "you should've read",
    ]
    assert expand("(we (can't|cannot)|i'm unable to) help") == [
        "we can't help",
        "we cannot help",
        "i'm unable to help",
    ]
    assert expand("your (own |)fault") == ["your own fault", "your fault"]


@pytest.mark.parametrize(
    ("phrase", "text", "matched"),
    [
        ("yeah(,|) right", "yeah right.", "yeah right"),
        ("yeah(,|) right", "yeah, right.", "yeah, right"),
        ("your (own|) fault", "it's your fault", "your fault"),
        ("passed it (on|along|)", "i passed it.", "passed it"),
        ("passed it (on|along|)", "i passed it along.", "passed it along"),
        ("(please|) calm down", "calm down!", "calm down"),
        ("you( failed| have failed|'ve failed) to", "you’ve failed to pay", "you’ve failed to"),
    ],
)
def test_phrase_regex_spacing(phrase: str, text: str, matched: str) -> None:
    # Patterns run over folded text, where "’" is already "'".
    m = re.compile(phrase_regex(phrase, "en") + WORD_END).search(fold(text, "en"))
    assert m is not None and text[m.start() : m.end()] == matched


def test_word_alternation_needs_whole_words() -> None:
    regex = re.compile(word_alternation(["but", "(we|i) can"], "en"))
    assert regex.search("we can offer a credit")
    assert not regex.search("we can't do that")
    assert not regex.search("a butterfly")
    assert regex.search("fine, but later").group() == "but"  # type: ignore[union-attr]


def test_replacements_match_the_case_of_the_match(tone_linter: netiquette.Linter) -> None:
    def replacements(text: str, rule_id: str) -> list[tuple[str, ...]]:
        found = tone_linter.check(text).suggestions
        return [s.replacements for s in found if s.rule_id == rule_id]

    assert replacements("You should have read the guide.", "NQ105") == [("Next time, please read",)]
    assert replacements("The fee, as previously stated, is $5.", "NQ106") == [("to recap",)]


# --- behaviour ------------------------------------------------------------------------


def test_spans_are_exact_after_emoji_and_typographic_apostrophes(
    tone_linter: netiquette.Linter,
) -> None:
    text = "Hi 😊 — you shouldn’t have opened the box!!! Yeah, we’re gonna fix it, hun."
    report = tone_linter.check(text)
    found = {(s.rule_id, s.match) for s in report.suggestions}
    assert {
        ("NQ103", "😊"),
        ("NQ105", "you shouldn’t have"),
        ("NQ102", "!!!"),
        ("NQ112", "Yeah"),
        ("NQ112", "gonna"),
        ("NQ104", "hun"),
    } <= found
    for s in report.suggestions:
        assert text[s.start : s.end] == s.match


def test_quoted_customer_text_is_not_flagged(tone_linter: netiquette.Linter) -> None:
    text = (
        "> This is useless!!! Deal with it yourself, dude :(\n"
        "Hi Sam, I'm sorry about the trouble. I've sent a new code, which works for 24 hours."
    )
    assert tone_linter.check(text).suggestions == ()


def test_every_emoji_is_found_whole() -> None:
    """Every fully-qualified emoji in the emoji package is one finding covering all of it."""
    import emoji as emoji_data

    rule = netiquette.Linter("en", select=["NQ103"])
    excluded = set(TONE["emoji"]["not_emoji"])
    fully_qualified = emoji_data.STATUS["fully_qualified"]
    keys = [
        k
        for k, v in emoji_data.EMOJI_DATA.items()
        if v.get("status") == fully_qualified and k.rstrip("\ufe0f") not in excluded
    ]
    assert len(keys) > 3000
    missed = []
    for key in keys:
        text = f"Thanks {key} see you"
        found = [(s.start, s.end) for s in rule.check(text).suggestions]
        if found != [(7, 7 + len(key))]:
            missed.append(key)
    assert not missed, missed[:20]


def testemoji_table_matches_the_emoji_package() -> None:
    """The shipped table is the installed emoji package's data (regenerate it with
    `python -m netiquette.checks.tone.emoji` after upgrading the package)."""
    import emoji as emoji_data

    presentation, bases = emoji_tables()
    if emoji_data.__version__ == emoji_table.EMOJI_VERSION:
        assert (presentation, bases) == (emoji_table.PRESENTATION, emoji_table.BASES)
    else:  # another version may add emoji; everything in the table must still be emoji
        points = {p for a, b in bases for p in range(a, b + 1)}
        assert all(p in points for a, b in emoji_table.BASES for p in range(a, b + 1))


def test_negative_framing_looks_three_sentences_ahead(tone_linter: netiquette.Linter) -> None:
    def rules(text: str) -> list[str]:
        return [s.rule_id for s in tone_linter.check(text).suggestions if s.rule_id == "NQ107"]

    assert rules("We can't change the address. The parcel has left.") == ["NQ107"]
    assert rules("We can't change the address. You can ask the courier to hold it.") == []
    assert rules("We can't change the address. The parcel has left. You can ask the courier.") == []
    # four sentences later is too far to count as the alternative
    late = (
        "We can't change the address. The parcel has left. It is in Leeds. "
        "It arrives on Monday. You can ask the courier."
    )
    assert rules(late) == ["NQ107"]


# --- real text (shared data, read in place) -------------------------------------------


def test_abcd_agent_turns_raise_only_the_known_dead_end(tone_linter: netiquette.Linter) -> None:
    """32 real agent chat turns: the only tone warning is the 90-day refusal, which offers
    nothing in that turn (the agent offers escalation only in the next one)."""
    texts = agent_turns()
    assert len(texts) == 32
    warnings = [
        (s.rule_id, s.match)
        for text in texts
        for s in tone_linter.check(text).suggestions
        if s.severity != "info"
    ]
    assert warnings == [("NQ107", "we cannot")]


def test_rude_requests_get_more_tone_warnings_than_polite_ones(
    tone_linter: netiquette.Linter,
) -> None:
    """Sanity check on the Stanford Politeness Corpus (peer requests, not support replies):
    rude requests are flagged at least twice as often as polite ones."""
    path = shared_path("data", "politeness", "stack-exchange.annotated.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(r["Request"], r["Classification"]) for r in csv.DictReader(handle)]
    rude = [t for t, c in rows if c in ("Rude", "Very Rude")]
    polite = [t for t, c in rows if c in ("Polite", "Very Polite")][:1500]

    def share(texts: list[str]) -> float:
        flagged = sum(
            any(s.severity != "info" for s in tone_linter.check(t).suggestions) for t in texts
        )
        return flagged / len(texts)

    assert len(rude) > 400 and len(polite) == 1500
    assert share(rude) >= 2 * share(polite)
