"""Fixing: fix safety in the API and JSON, which fixes apply, idempotence, placeholders
and protected text, no new findings (netiquette.fixing); the ``fix`` command."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import jsonschema
import pytest

import netiquette
from netiquette.fixing import apply_fixes
from netiquette.report import Report, Suggestion

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
REPLIES = ROOT / "data" / "examples" / "replies"

EN_CHAT = (
    "Hi Sam,\n\nThx for ur msg!!! Please DO NOT worry: in order to speed things up, "
    "a majority of the team is on it. NEVER share your pw with anyone.\n\nBest,\nBo\n"
)
TR_CHAT = (
    "Merhaba Ayşe Hanım,\n\nTşk!! Siparişinizle ilgili olarak bilgi vermek isteriz. "
    "Kargonuz ASLA kaybolmaz, iade içerisinde işlenir.\n\nSaygılarımızla,\nDeniz\n"
)


@pytest.fixture(scope="module")
def en() -> netiquette.Linter:
    return netiquette.Linter("en")


@pytest.fixture(scope="module")
def tr() -> netiquette.Linter:
    return netiquette.Linter("tr")


def _safety(report: Report) -> dict[str, tuple[str, str | None]]:
    return {s.match: (s.rule_id, s.fix_safety) for s in report.suggestions}


# -- fix safety in the API and JSON ------------------------------------------------------


def test_fix_safety_per_rule_and_entry_in_english(en: netiquette.Linter) -> None:
    found = _safety(en.check(EN_CHAT))
    assert found["Thx"] == ("NQ303", "safe")
    assert found["msg"] == ("NQ303", "safe")
    assert found["ur"] == ("NQ303", "unsafe")  # your or you're
    assert found["!!!"] == ("NQ102", "safe")
    assert found["DO"] == ("NQ101", "safe")
    assert found["NEVER"] == ("NQ101", "safe")
    assert found["in order to"] == ("NQ403", "safe")
    assert found["a majority of"] == ("NQ403", "unsafe")  # "most the team": data says so


def test_fix_safety_per_rule_and_entry_in_turkish(tr: netiquette.Linter) -> None:
    found = _safety(tr.check(TR_CHAT))
    assert found["Tşk"] == ("NQ303", "safe")
    assert found["!!"] == ("NQ102", "safe")
    assert found["ASLA"] == ("NQ101", "safe")
    assert found["içerisinde"] == ("NQ403", "safe")
    # "Siparişinizle hakkında" would be wrong: the entry is marked unsafe in the data.
    assert found["ilgili olarak"] == ("NQ403", "unsafe")


def test_no_replacement_has_no_fix_safety_and_other_rules_are_unsafe(
    en: netiquette.Linter,
) -> None:
    report = en.check("hey, thx for ur msg lol. You should have read the FAQ.")
    by_match = {s.match: s for s in report.suggestions}
    assert by_match["lol"].replacements == () and by_match["lol"].fix_safety is None
    blames = by_match["You should have read"]
    assert blames.replacements and blames.fix_safety == "unsafe"


def test_a_shouted_sentence_is_an_unsafe_fix(en: netiquette.Linter) -> None:
    report = en.check("Hi Sam. YOUR ORDER FROM AMAZON HAS SHIPPED VIA UPS. Thanks, Kim")
    sentence = [s for s in report.suggestions if s.rule_id == "NQ101"]
    assert [s.fix_safety for s in sentence] == ["unsafe"]  # "via ups"


def test_fix_safety_is_in_the_json_report_and_the_rules(en: netiquette.Linter) -> None:
    data = json.loads(json.dumps(en.check(EN_CHAT).to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert all("fix_safety" in s for s in data["suggestions"])
    assert {s["match"]: s["fix_safety"] for s in data["suggestions"]}["ur"] == "unsafe"
    safe = {info.name for info in netiquette.rules() if info.fix_safety == "safe"}
    assert safe == {"shouting", "excessive-punctuation", "chat-speak", "wordy-phrase"}


def test_suggestion_can_still_be_built_without_fix_safety() -> None:
    s = Suggestion(
        "NQ102", "excessive-punctuation", "tone", "warning", "m", 0, 2, "!!", ("!",), 1, 1
    )
    assert s.fix_safety is None and s.to_dict()["fix_safety"] is None


# -- applying fixes ----------------------------------------------------------------------


def test_safe_fixes_only_by_default(en: netiquette.Linter) -> None:
    result = en.fix(EN_CHAT)
    assert result.text == (
        "Hi Sam,\n\nThanks for ur message! Please do not worry: to speed things up, "
        "a majority of the team is on it. Never share your password with anyone.\n\nBest,\nBo\n"
    )
    assert result.changed and result.original == EN_CHAT
    assert [s.match for s in result.applied] == [
        "Thx",
        "msg",
        "!!!",
        "DO",
        "NOT",
        "in order to",
        "NEVER",
        "pw",
    ]
    remaining = {s.match: s.fix_safety for s in result.report.suggestions}
    assert remaining == {"ur": "unsafe", "a majority of": "unsafe"}
    assert result.report.text == result.text


def test_unsafe_fixes_only_when_asked(en: netiquette.Linter) -> None:
    result = en.fix(EN_CHAT, unsafe=True)
    assert "Thanks for your message!" in result.text  # the first replacement
    assert "most the team" in result.text  # unsafe indeed
    assert [s.rule_id for s in result.report.suggestions] == []


def test_turkish_safe_fixes(tr: netiquette.Linter) -> None:
    result = tr.fix(TR_CHAT)
    assert result.text == (
        "Merhaba Ayşe Hanım,\n\nTeşekkürler! Siparişinizle ilgili olarak bilgi vermek isteriz. "
        "Kargonuz asla kaybolmaz, iade içinde işlenir.\n\nSaygılarımızla,\nDeniz\n"
    )
    assert tr.fix(TR_CHAT, unsafe=True).text.count("Siparişinizle hakkında") == 1


def test_package_level_fix() -> None:
    assert netiquette.fix("Thx for waiting!!!", lang="en").text == "Thanks for waiting!"
    assert netiquette.fix("pls wait", lang="en", select=["NQ102"]).text == "pls wait"
    assert "fix" in netiquette.__all__ and "FixResult" in netiquette.__all__


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # A phrase that is left out takes its space, and the next word its capital.
        (
            "Please be advised that your refund is ready.",
            "Your refund is ready.",
        ),
        (
            "Hello, I am writing to inform you that your order shipped.",
            "Hello, your order shipped.",
        ),
        ("We will ship it. Please be advised that iPhone cases ship later.", None),
        # A shouted word that starts a sentence keeps its capital.
        ("NEVER share your password.", "Never share your password."),
        ("Thx!!! We r on it.", "Thanks! We are on it."),
    ],
)
def test_the_case_and_spaces_of_a_fix_fit_the_text(
    en: netiquette.Linter, text: str, fixed: str | None
) -> None:
    result = en.fix(text)
    if fixed is None:
        assert result.text == "We will ship it. iPhone cases ship later."
    else:
        assert result.text == fixed


@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("path", sorted(REPLIES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixing_is_idempotent(path: Path, unsafe: bool) -> None:
    text = path.read_text(encoding="utf-8")
    once = netiquette.fix(text, unsafe=unsafe)
    twice = netiquette.fix(once.text, unsafe=unsafe)
    assert twice.text == once.text and twice.applied == ()
    assert not _new_findings(netiquette.check(text), once.report)


def _new_findings(before: Report, after: Report) -> list[str]:
    """Rules that report more after fixing than before."""
    count_before: dict[str, int] = {}
    for s in before.suggestions:
        count_before[s.rule_id] = count_before.get(s.rule_id, 0) + 1
    count_after: dict[str, int] = {}
    for s in after.suggestions:
        count_after[s.rule_id] = count_after.get(s.rule_id, 0) + 1
    return [r for r, n in count_after.items() if n > count_before.get(r, 0)]


def test_placeholders_and_protected_text_are_untouched(en: netiquette.Linter) -> None:
    text = (
        "Hi {{first_name}}!!! Dear [Customer Name], thx!!!\n"
        "> u r useless!!! pls fix it\n"
        "See https://example.com/pls/thx!!!/help and `pls --now!!`\n"
    )
    result = en.fix(text)
    assert result.text == (
        "Hi {{first_name}}! Dear [Customer Name], thanks!\n"
        "> u r useless!!! pls fix it\n"
        "See https://example.com/pls/thx!!!/help and `pls --now!!`\n"
    )


class _Fixed:
    """A checker that reports one given suggestion on the text it was made for."""

    def __init__(self, text: str, suggestion: Suggestion) -> None:
        self.text, self.suggestion = text, suggestion

    def check(
        self,
        text: str,
        *,
        path: str | None = None,
        context: Mapping[str, str] | None = None,
    ) -> Report:
        found = (self.suggestion,) if text == self.text else ()
        return Report(text, "en", found, {}, 100, True, {"words": 0, "sentences": 0})


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Hi {{first_name}}, thanks", 3, 17),  # a placeholder
        ("Hi {{first_name}}, thanks", 5, 9),  # inside one
        ("See https://example.com/a now", 8, 15),  # a URL
        ("Ok.\n> thx for nothing\nBye", 6, 9),  # a quoted line
    ],
)
def test_a_suggestion_over_a_placeholder_or_protected_text_is_never_applied(
    text: str, start: int, end: int
) -> None:
    """Even when a rule reported one: the fixer checks on its own."""
    s = Suggestion(
        "NQ303", "chat-speak", "jargon", "warning", "m", start, end, text[start:end], ("X",), 1, 1,
        fix_safety="safe",
    )  # fmt: skip
    result = apply_fixes(_Fixed(text, s), text)
    assert result.text == text and result.applied == ()


def test_a_fix_never_creates_a_new_finding() -> None:
    """ "asap" -> "as soon as possible" makes this sentence 13 words long: with a limit
    of 12, the long-sentence rule would flag it, so the fix is left out."""
    text = "Hi Ana,\n\nPlease send the receipt asap so we can refund you.\n\nBest,\nBo\n"
    strict = netiquette.Linter("en", config={"max_sentence_words": 12})
    assert [s.rule_id for s in strict.check(text).suggestions] == ["NQ303"]
    result = strict.fix(text)
    assert result.text == text and result.applied == ()
    assert [s.rule_id for s in result.report.suggestions] == ["NQ303"]
    # With room for it, the same fix is applied.
    roomy = netiquette.Linter("en", config={"max_sentence_words": 25})
    assert "as soon as possible" in roomy.fix(text).text


def test_fixes_that_create_nothing_are_kept_when_another_does() -> None:
    """One fix of a batch creates a finding: the others are still applied."""
    text = "Hi Ana,\n\nThx!!! Please send the receipt asap so we can refund you.\n\nBest,\nBo\n"
    strict = netiquette.Linter("en", config={"max_sentence_words": 12})
    result = strict.fix(text)
    assert result.text.startswith("Hi Ana,\n\nThanks! Please send the receipt asap so")
    assert [s.match for s in result.applied] == ["Thx", "!!!"]
