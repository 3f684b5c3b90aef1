"""Fixing: fix safety in the API and JSON, which fixes apply, idempotence, placeholders
and protected text, no new findings (netiquette.fixing); the ``fix`` command."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import netiquette
from helpers import run_cli
from netiquette.cli import main
from netiquette.fixing import FixResult, apply_fixes
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


# -- the fix command ---------------------------------------------------------------------

CLEAN_AFTER = "Hi Ana,\n\nThx for waiting!!! Your parcel arrives on Monday.\n\nKind regards,\nBo\n"
FIXED_AFTER = "Hi Ana,\n\nThanks for waiting! Your parcel arrives on Monday.\n\nKind regards,\nBo\n"
UNFILLED = "Hi {{first_name}},\n\nThx for waiting!!! Your parcel arrives on Monday.\n\nBest,\nBo\n"
TR_REPLY = (
    "Merhaba Ayşe Hanım,\n\nTşk!! Kargonuz yarın teslim edilecek.\n\nSaygılarımızla,\nDeniz\n"
)
TR_FIXED = (
    "Merhaba Ayşe Hanım,\n\nTeşekkürler! Kargonuz yarın teslim edilecek."
    "\n\nSaygılarımızla,\nDeniz\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys)


def test_fix_writes_the_files_and_sums_up(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "en.txt").write_text(CLEAN_AFTER, "utf-8")
    (workdir / "tr.txt").write_text(TR_REPLY, "utf-8")
    code, out, err = run(["fix", "en.txt", "tr.txt"], capsys)
    assert (code, out) == (0, "")
    assert (workdir / "en.txt").read_text("utf-8") == FIXED_AFTER
    assert (workdir / "tr.txt").read_text("utf-8") == TR_FIXED
    assert err.strip().endswith("Fixed 4 problems in 2 files (0 remain)")
    # A second run changes nothing.
    code, _, err = run(["fix", "."], capsys)
    assert code == 0 and "Fixed 0 problems in 0 files (0 remain)" in err
    assert (workdir / "en.txt").read_text("utf-8") == FIXED_AFTER


def test_unsafe_fixes_need_the_option(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Hi Ana,\n\nThx for ur patience.\n\nKind regards,\nBo\n"
    (workdir / "a.txt").write_text(text, "utf-8")
    code, _, err = run(["fix", "a.txt"], capsys)
    assert code == 0 and "Fixed 1 problem in 1 file (1 remains)" in err
    assert "Thanks for ur patience." in (workdir / "a.txt").read_text("utf-8")
    code, _, err = run(["fix", "a.txt", "--unsafe-fixes"], capsys)
    assert code == 0 and "Fixed 1 problem in 1 file (0 remain)" in err
    assert "Thanks for your patience." in (workdir / "a.txt").read_text("utf-8")


def test_select_and_ignore_choose_the_fixes(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "a.txt").write_text(CLEAN_AFTER, "utf-8")
    assert run(["fix", "a.txt", "--select", "NQ102"], capsys)[0] == 0
    assert "Thx for waiting! Your" in (workdir / "a.txt").read_text("utf-8")
    (workdir / "b.txt").write_text(CLEAN_AFTER, "utf-8")
    assert run(["fix", "b.txt", "--ignore", "excessive-punctuation"], capsys)[0] == 0
    assert "Thanks for waiting!!! Your" in (workdir / "b.txt").read_text("utf-8")


def _patched(original: str, diff: str) -> str:
    """``original`` with the unified diff applied (a small patch, for the test)."""
    old = original.splitlines(keepends=True)
    lines: list[str] = []
    for line in diff.splitlines(keepends=True):
        if line.startswith("\\"):  # "\ No newline at end of file": of the line before
            lines[-1] = lines[-1].rstrip("\r\n")
        else:
            lines.append(line)
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    new: list[str] = []
    at = 0
    i = 2
    while i < len(lines):
        header = lines[i]
        assert header.startswith("@@ -"), header
        start = int(header.split()[1][1:].split(",")[0]) - 1
        new.extend(old[at:start])
        at = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            line = lines[i]
            if line[0] in " -":
                assert old[at] == line[1:], (old[at], line)
                at += 1
                if line[0] == " ":
                    new.append(line[1:])
            else:
                new.append(line[1:])
            i += 1
    new.extend(old[at:])
    return "".join(new)


def test_diff_prints_the_fixes_and_writes_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CLEAN_AFTER.rstrip("\n")  # no newline at the end
    (workdir / "a.txt").write_text(text, "utf-8")
    before = (workdir / "a.txt").stat()
    code, out, err = run(["fix", "--diff", "a.txt"], capsys)
    assert code == 1  # a file would change
    assert out.startswith("--- a.txt\n+++ a.txt\n@@ ")
    assert "-Thx for waiting!!! Your parcel arrives on Monday.\n" in out
    assert "+Thanks for waiting! Your parcel arrives on Monday.\n" in out
    assert _patched(text, out) == FIXED_AFTER.rstrip("\n")
    assert "Would fix 2 problems in 1 file (0 remain)" in err
    assert (workdir / "a.txt").read_text("utf-8") == text
    assert (workdir / "a.txt").stat().st_mtime_ns == before.st_mtime_ns
    assert run(["fix", "--diff", "--exit-zero", "a.txt"], capsys)[0] == 0
    (workdir / "a.txt").write_text(FIXED_AFTER, "utf-8")
    assert run(["fix", "--diff", "a.txt"], capsys)[:2] == (0, "")  # nothing to change


def test_crlf_and_bom_are_kept_byte_for_byte(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = b"\xef\xbb\xbf" + CLEAN_AFTER.replace("\n", "\r\n").encode()
    (workdir / "a.txt").write_bytes(original)
    mixed = "Merhaba Ayşe Hanım,\r\n\r\nTşk!! Kargonuz yarın\nteslim edilecek.\r\n\rDeniz"
    (workdir / "b.txt").write_bytes(mixed.encode())
    assert run(["fix", "a.txt", "b.txt"], capsys)[0] == 0
    expected = original.replace(b"Thx", b"Thanks").replace(b"!!!", b"!")
    assert (workdir / "a.txt").read_bytes() == expected
    fixed = mixed.replace("Tşk!!", "Teşekkürler!")
    assert (workdir / "b.txt").read_bytes() == fixed.encode()


def test_the_diff_of_a_crlf_file_keeps_its_line_endings(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CLEAN_AFTER.replace("\n", "\r\n")
    (workdir / "a.txt").write_bytes(text.encode())
    code, out, _ = run(["fix", "--diff", "a.txt"], capsys)
    assert code == 1
    assert "-Thx for waiting!!! Your parcel arrives on Monday.\r\n" in out
    assert _patched(text, out) == FIXED_AFTER.replace("\n", "\r\n")


def test_stdin_gives_the_fixed_text_on_stdout() -> None:
    original = b"\xef\xbb\xbfpls wait!!\r\nthx\r\n"
    done = subprocess.run(
        [sys.executable, "-m", "netiquette", "fix", "--lang", "en", "-"],
        input=original,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"\xef\xbb\xbfplease wait!\r\nthanks\r\n"
    assert b"Fixed 3 problems in 1 file (0 remain)" in done.stderr


def test_the_write_is_atomic_and_keeps_the_mode(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workdir / "a.txt"
    path.write_text(CLEAN_AFTER, "utf-8")
    path.chmod(0o640)
    inode = path.stat().st_ino
    assert run(["fix", "a.txt"], capsys)[0] == 0
    assert path.read_text("utf-8") == FIXED_AFTER
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # replaced, not written over
    assert sorted(p.name for p in workdir.iterdir()) == ["a.txt"]  # no temporary file


def test_a_failed_write_leaves_the_file_and_no_temporary_file(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "a.txt").write_text(CLEAN_AFTER, "utf-8")
    (workdir / "b.txt").write_text(TR_REPLY, "utf-8")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code, _, err = run(["fix", "a.txt", "b.txt"], capsys)
    assert code == 2
    assert "netiquette: error: a.txt: cannot write: No space left on device" in err
    assert (workdir / "a.txt").read_text("utf-8") == CLEAN_AFTER
    assert (workdir / "b.txt").read_text("utf-8") == TR_REPLY
    assert sorted(p.name for p in workdir.iterdir()) == ["a.txt", "b.txt"]


def test_a_read_only_folder_gives_exit_2_and_leaves_the_file(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = workdir / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text(CLEAN_AFTER, "utf-8")
    folder.chmod(0o555)
    if getattr(os, "geteuid", lambda: -1)() == 0:
        # root writes in a read-only folder anyway: fail as it fails for anyone else.
        def denied(*args: Any, **kwargs: Any) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", denied)
    try:
        code, _, err = run(["fix", "locked"], capsys)
    finally:
        folder.chmod(0o755)
    assert code == 2
    assert f"{Path('locked', 'a.txt')}: cannot write: Permission denied" in err
    assert (folder / "a.txt").read_text("utf-8") == CLEAN_AFTER
    assert [p.name for p in folder.iterdir()] == ["a.txt"]


def test_a_file_changed_while_it_is_fixed_is_not_written(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workdir / "a.txt"
    path.write_text(CLEAN_AFTER, "utf-8")
    real_fix = netiquette.Linter.fix

    def edited_meanwhile(self: netiquette.Linter, text: str, **options: Any) -> FixResult:
        path.write_text(CLEAN_AFTER + "P.S. one more line\n", "utf-8")
        return real_fix(self, text, **options)

    monkeypatch.setattr(netiquette.Linter, "fix", edited_meanwhile)
    code, _, err = run(["fix", "a.txt"], capsys)
    assert code == 2 and "changed while it was being fixed" in err
    assert path.read_text("utf-8").endswith("P.S. one more line\n")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_symbolic_links_are_never_written_through(
    workdir: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "target.txt"
    outside.write_text(CLEAN_AFTER, "utf-8")
    (workdir / "link.txt").symlink_to(outside)
    code, _, err = run(["fix", "link.txt"], capsys)
    assert code == 2 and "link.txt: a symbolic link" in err
    assert outside.read_text("utf-8") == CLEAN_AFTER
    # In a folder: a link out of it is not followed, one inside it is not fixed twice.
    folder = workdir / "replies"
    folder.mkdir()
    (folder / "real.txt").write_text(CLEAN_AFTER, "utf-8")
    (folder / "alias.txt").symlink_to(folder / "real.txt")
    (folder / "out.txt").symlink_to(outside)
    code, _, err = run(["fix", "replies"], capsys)
    assert code == 0, err
    assert "alias.txt: a symbolic link, not fixed" in err
    assert (folder / "real.txt").read_text("utf-8") == FIXED_AFTER
    assert (folder / "alias.txt").is_symlink() and (folder / "out.txt").is_symlink()
    assert outside.read_text("utf-8") == CLEAN_AFTER


def test_exit_1_when_a_fixed_text_still_fails_the_gate(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "a.txt").write_text(UNFILLED, "utf-8")
    code, _, err = run(["fix", "a.txt"], capsys)
    assert code == 1  # the placeholder is an error no fix can settle
    assert "Thanks for waiting!" in (workdir / "a.txt").read_text("utf-8")
    assert "Fixed 2 problems in 1 file (1 remains)" in err
    assert run(["fix", "a.txt", "--exit-zero"], capsys)[0] == 0


def test_exit_2_for_input_and_usage_errors_and_the_other_files_are_fixed(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "a.txt").write_text(CLEAN_AFTER, "utf-8")
    (workdir / "bin.txt").write_bytes(b"\x00\x01binary")
    code, _, err = run(["fix", "missing.txt", "bin.txt", "a.txt", "--exit-zero"], capsys)
    assert code == 2
    assert "missing.txt: no such file or directory" in err
    assert "bin.txt: binary file" in err
    assert (workdir / "a.txt").read_text("utf-8") == FIXED_AFTER
    assert run(["fix", "a.txt", "--select", "NQ999"], capsys)[0] == 2
    (workdir / "empty").mkdir()
    code, _, err = run(["fix", "empty"], capsys)
    assert code == 2 and "no .txt or .md files found" in err
    assert run(["fix", "a.txt", "--lang", "xx"], capsys)[0] == 2
    with pytest.raises(SystemExit) as exited:
        main(["fix", "a.txt", "--no-such-option"])
    assert exited.value.code == 2


def test_rules_json_gives_the_fix_safety(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--format", "json"], capsys)
    safety = {row["name"]: row["fix_safety"] for row in json.loads(out)}
    assert code == 0 and safety["chat-speak"] == "safe" and safety["blames-customer"] == "unsafe"


def test_fix_is_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["fix", "--help"])
    out = capsys.readouterr().out
    for option in ("--unsafe-fixes", "--diff", "--exit-zero", "--select", "--message-lang"):
        assert option in out
