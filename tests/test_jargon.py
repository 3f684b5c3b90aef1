"""Jargon rules (NQ301-NQ303): their data, how they share acronyms, and real replies."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

import netiquette
from helpers import agent_turns, cx_macros, freecodecamp_replies
from netiquette.checks.jargon.undefined_acronym import UndefinedAcronym
from netiquette.config import Settings
from netiquette.engines.phrases import PhraseList, parse_entry
from netiquette.lang import load
from netiquette.registry import all_rules
from netiquette.rule import Rule, RuleContext
from netiquette.text.document import Document
from netiquette.text.fold import fold

#: The phrase-list rules of jargon.yaml: how many entries each has, and how many of
#: them hold without a condition on their context.
PHRASE_RULES = {"support-jargon": (125, 88), "chat-speak": (72, 50)}
JARGON_IDS = ["NQ301", "NQ302", "NQ303"]


def _entries(rule: str) -> list[Any]:
    items = load("en", "jargon.yaml")[rule]
    assert len(items) == PHRASE_RULES[rule][0], f"jargon.yaml {rule}: entries"
    return [item if isinstance(item, dict) else {"phrase": item} for item in items]


def _found(text: str, *, select: list[str] | None = None, **options: Any) -> list[tuple[str, str]]:
    linter = netiquette.Linter("en", select=select or JARGON_IDS, **options)
    return [(s.rule_id, s.match) for s in linter.check(text).suggestions]


# -- data -------------------------------------------------------------------------------


def test_every_key_of_jargon_data_names_a_rule() -> None:
    names = {cls.name for cls in all_rules().values()}
    data = load("en", "jargon.yaml")
    assert set(data) <= names, set(data) - names
    assert set(PHRASE_RULES) | {"undefined-acronym"} <= set(data)


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_phrase_entries_are_unique_and_parse(rule: str) -> None:
    seen: set[tuple[Any, ...]] = set()
    for item in _entries(rule):
        assert isinstance(item.get("phrase", item.get("pattern")), str), item
        entry = parse_entry(item, "en", rule)  # raises on a bad key or condition
        conditions = ("preceded_by", "followed_by", "not_preceded_by", "not_followed_by")
        key = (fold(entry.phrase, "en"), *(str(item.get(k)) for k in conditions))
        assert key not in seen, f"{rule}: duplicate entry {entry.phrase!r}"
        seen.add(key)


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_replacements_differ_from_their_phrase_and_each_entry_says_why(rule: str) -> None:
    for item in _entries(rule):
        entry = parse_entry(item, "en", rule)
        message = entry.message_in("en")
        assert entry.replacements or message, f"{entry.phrase!r} has no fix and no message"
        for replacement in entry.replacements:
            assert fold(replacement, "en") != fold(entry.phrase, "en"), entry.phrase
            assert replacement.strip() == replacement and replacement, entry.phrase
        if message:
            assert message.endswith("."), entry.phrase


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_every_unconditional_phrase_is_found_in_a_sentence(rule: str) -> None:
    """Catches phrases the tokenizer splits so they are never tried ("b/c", "w/o")."""
    rule_id = next(i for i, cls in all_rules().items() if cls.name == rule)
    linter = netiquette.Linter("en", select=[rule_id])
    checked = 0
    for item in _entries(rule):
        if set(item) & {"preceded_by", "followed_by", "case"}:
            continue
        phrase = item["phrase"]
        text = f"So {phrase} here."
        matches = [s.match for s in linter.check(text).suggestions]
        assert phrase in [fold(m, "en") for m in matches], (phrase, matches)
        checked += 1
    assert checked == PHRASE_RULES[rule][1]


def test_acronym_lists_are_sorted_strings_without_duplicates() -> None:
    data = load("en", "acronyms.yaml")
    assert (len(data), sum(len(values) for values in data.values())) == (8, 412)
    for key, values in data.items():
        items = list(values)  # the keys of `expansions`
        assert all(isinstance(v, str) for v in items), f"acronyms.yaml {key}: not all strings"
        folded = [fold(v, "en") for v in items]
        assert len(folded) == len(set(folded)), f"acronyms.yaml {key}: duplicates"
        if key not in ("calendar", "regions"):  # these two follow the calendar and maps
            assert items == sorted(items), f"acronyms.yaml {key}: not sorted"
    settings = load("en", "jargon.yaml")["undefined-acronym"]
    lists = [values for values in settings.values() if isinstance(values, list)]
    assert (len(lists), sum(len(values) for values in lists)) == (10, 174)
    for key, values in settings.items():
        if isinstance(values, list):
            assert all(isinstance(v, str) for v in values), f"jargon.yaml {key}: not all strings"
            assert len(values) == len(set(values)), f"jargon.yaml {key}: duplicates"


def test_acronym_expansions_are_acronyms_with_plain_words() -> None:
    data = load("en", "acronyms.yaml")
    for core in ("pdf", "faq", "usb", "ok", "id", "url"):
        assert core in data["everyday"]
    assert len(data["expansions"]) == 78
    rule = UndefinedAcronym(RuleContext("en", Settings()))
    linter = netiquette.Linter("en", select=["NQ301"])
    for short, plain in data["expansions"].items():
        assert fold(plain, "en") != fold(short, "en") and plain.strip() == plain, short
        assert fold(short, "en") not in rule.known or fold(short, "en") in rule.claimed, short
        # Used undefined, it is read as an acronym and spelled out from the data.
        found = linter.check(f"Please check the {short} today.").suggestions
        assert [(s.match, s.replacements) for s in found] == [(short, (f"{plain} ({short})",))]


# -- NQ301 behaviour --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("short", "text", "defined"),
    [
        ("SLA", "our service level agreement", True),
        ("2FA", "turn on two-factor authentication", True),
        ("GDPR", "the general data protection regulation", True),
        # Two words before "(ABC)" introduce it even when their initials do not
        # spell it: a paraphrase or a translation of the long form.
        ("RMA", "the returns approval code", True),
        ("LHR", "London Heathrow", True),
        # After a number or a time it is a citation, not a definition.
        ("SLA", "it within 24 hours", False),
        ("API", "section 4", False),
    ],
)
def test_long_form_spells_the_acronym(short: str, text: str, defined: bool) -> None:
    """Words before "(ABC)" define ABC."""
    draft = f"Please read {text} ({short}) before you reply."
    assert _found(draft, select=["NQ301"]) == ([] if defined else [("NQ301", short)])


def test_only_the_first_undefined_use_is_flagged() -> None:
    text = "The API is down. We will fix the API today, and the API docs will say so."
    assert _found(text) == [("NQ301", "API")]


def test_a_later_definition_does_not_excuse_the_first_use() -> None:
    text = "Use the OTP we sent. A one-time passcode (OTP) expires after ten minutes."
    assert _found(text) == [("NQ301", "OTP")]


def test_support_jargon_acronyms_are_left_to_nq302_while_it_runs() -> None:
    text = "Your SLA promises a reply in 4 hours."
    assert _found(text) == [("NQ302", "SLA")]
    linter = netiquette.Linter("en", select=JARGON_IDS, ignore=["NQ302"])
    (only,) = linter.check(text).suggestions
    assert (only.rule_id, only.match) == ("NQ301", "SLA")
    assert only.replacements == ("service level agreement (SLA)",)


def test_chat_speak_acronyms_are_left_to_nq303() -> None:
    assert _found("Please reply ASAP, FYI the link expires.") == [
        ("NQ303", "ASAP"),
        ("NQ303", "FYI"),
    ]


def test_allow_words_silences_brand_names_and_phrases() -> None:
    text = "Thanks for shopping with ACME. Please reply asap."
    assert _found(text) == [("NQ301", "ACME"), ("NQ303", "asap")]
    assert _found(text, config={"allow_words": ["ACME", "asap"]}) == []


def test_acronym_the_customer_used_in_a_quote_is_not_flagged_later() -> None:
    text = "> My NAS will not connect.\nSorry about that: please restart the NAS first."
    assert _found(text) == []
    assert _found("Please restart the NAS first.") == [("NQ301", "NAS")]


def test_rules_keep_no_state_between_checks() -> None:
    linter = netiquette.Linter("en", select=JARGON_IDS)
    text = "The API is down, thx. Your SLA still applies."
    first = [s.to_dict() for s in linter.check(text).suggestions]
    linter.check("The API works now.")
    assert [s.to_dict() for s in linter.check(text).suggestions] == first


# -- engine fix that the jargon data needs ----------------------------------------------


def test_phrases_whose_first_word_the_tokenizer_splits_are_found() -> None:
    phrases = PhraseList.from_data(["b/c", "w/o", "i'm afraid", "don't worry", "e-mail us"], "en")
    doc = Document("I'm afraid so. Don't worry, b/c it works w/o it. E-mail us.", "en")
    assert [doc.text[m.start : m.end] for m in phrases.find(doc)] == [
        "I'm afraid",
        "Don't worry",
        "b/c",
        "w/o",
        "E-mail us",
    ]


# -- real replies (read in place from ../shared; skipped when absent) ---------------------


def test_abcd_agent_turns_have_no_jargon() -> None:
    linter = netiquette.Linter("en", select=JARGON_IDS)
    turns = agent_turns()
    assert len(turns) == 32
    assert [s.match for t in turns for s in linter.check(t).suggestions] == []


def test_freecodecamp_templates_flag_their_real_jargon() -> None:
    templates = [reply for _, reply in freecodecamp_replies()]
    assert len(templates) >= 15
    linter = netiquette.Linter("en", select=JARGON_IDS)
    found = [[(s.rule_id, s.match) for s in linter.check(t).suggestions] for t in templates]
    flat = [f for per_template in found for f in per_template]
    assert ("NQ301", "CI") in flat
    assert flat.count(("NQ301", "PR")) >= 4
    assert ("NQ302", "staging") in flat
    defines_pr = next(i for i, t in enumerate(templates) if "pull request (PR)" in t)
    assert ("NQ301", "PR") not in found[defines_pr]
    assert {rule for rule, _ in flat} <= {"NQ301", "NQ302"}  # no chat-speak there


def test_cx_macros_stay_clean() -> None:
    linter = netiquette.Linter("en", select=JARGON_IDS)
    quoted = [text for _, text in cx_macros()]
    assert len(quoted) >= 60
    assert [(s.rule_id, s.match) for t in quoted for s in linter.check(t).suggestions] == []


# -- speed ------------------------------------------------------------------------------


def _jargon_rules() -> list[Rule]:
    """The jargon rules, built as the Linter builds them: a rule after those it defers
    to, which it is handed (``RuleContext.deferred``)."""
    classes = sorted((all_rules()[i] for i in JARGON_IDS), key=lambda cls: bool(cls.defers_to))
    context = RuleContext("en", Settings())
    built: dict[str, Rule] = {}
    for cls in classes:
        deferred = tuple(built[name] for name in cls.defers_to if name in built)
        built[cls.name] = cls(replace(context, deferred=deferred))
    return list(built.values())


def test_jargon_rules_on_a_120_word_reply_flag_only_the_unexplained_terms() -> None:
    reply = (
        "Hi Maria,\n\nThanks for getting in touch, and I'm sorry your order arrived damaged. "
        "I've checked your account and arranged a replacement, which will ship today by UPS; "
        "you'll get a tracking link by e-mail within the hour. There's no need to send the "
        "broken item back, but if you'd like to, please print the RMA label from My Account "
        "and drop the parcel at any post office. Your refund of the delivery charge, £4.99, "
        "has already been approved, so you should see it on your statement in 3-5 working "
        "days, depending on your bank. If the SLA for your plan was missed, FYI we add a "
        "credit automatically. Let me know if there's anything else I can do.\n\nBest,\nTom"
    )
    netiquette.Linter("en", select=JARGON_IDS).warm_up()
    rules = _jargon_rules()
    assert sorted(rule.id for rule in rules) == JARGON_IDS
    doc = Document(reply, "en")
    found = sorted((rule.id, reply[f.start : f.end]) for rule in rules for f in rule.check(doc))
    # UPS, £4.99 and 3-5 are plain enough; the two acronyms and the chat-speak are not.
    assert found == [("NQ302", "RMA"), ("NQ302", "SLA"), ("NQ303", "FYI")]


def test_many_uses_of_an_acronym_cost_time_in_proportion() -> None:
    """Whether an acronym was explained is read once per reply, not once per use (each
    use once searched every earlier one: 8,000 uses took 16 s)."""
    import time

    linter = netiquette.Linter("en", select=["NQ302"])

    def seconds(uses: int) -> float:
        text = "Your SLA was missed. " * uses
        started = time.thread_time()  # CPU time: a busy machine does not count
        report = linter.check(text)
        assert len(report.suggestions) == uses
        return time.thread_time() - started

    seconds(100)
    small, large = seconds(1_000), seconds(8_000)
    assert large < small * 24  # eight times the input: far from 64 times the time
