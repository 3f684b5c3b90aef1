"""Baselines: adopt the gate on a repository with findings, then fail only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli, write_files

#: Two warnings: a shouted word and chat-speak.
REPLY = "Hi Sam,\n\nPLEASE keep the receipt, u will need it for the return.\n\nKind regards,\nAna\n"
FINE = "Hi Sam,\n\nYour parcel left our warehouse today.\n\nKind regards,\nAna\n"


@pytest.fixture
def repo(workdir: Path) -> Path:
    return write_files(workdir, {"replies/return.txt": REPLY, "replies/shipped.txt": FINE})


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys)


def check(capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, list[str]]:
    """Exit code and the rule ids reported with the baseline, failing on any warning."""
    code, out, _ = run(
        ["check", "replies", "--baseline", "base.json", "--fail-under", "100", "--format", "json",
         "--select", "tone,jargon,profanity", *more],
        capsys,
    )  # fmt: skip
    return code, [s["rule_id"] for r in json.loads(out) for s in r["suggestions"]]


def write_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        ["check", "replies", "--write-baseline", "base.json", "--select", "tone,jargon,profanity"],
        capsys,
    )
    assert code == 0, err
    assert "recorded 2 findings in base.json" in err


def test_the_baseline_file_is_stable_json_one_finding_a_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    text = (repo / "base.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["netiquette_baseline"] == 1
    assert [(f["path"], f["rule"], f["match"]) for f in data["findings"]] == [
        ("replies/return.txt", "NQ101", "PLEASE"),
        ("replies/return.txt", "NQ303", "u"),
    ]
    lines = text.splitlines()
    assert sum('"fingerprint"' in line for line in lines) == 2  # one finding a line
    assert not any('"line"' in line for line in lines)  # no positions: diffs stay small
    write_baseline(capsys)
    assert (repo / "base.json").read_text(encoding="utf-8") == text  # same run, same bytes


def test_with_the_baseline_the_known_findings_pass(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "replies", "--baseline", "base.json"], capsys)
    assert code == 2 and "no such file" in err  # no baseline yet: a usage error
    write_baseline(capsys)
    code, found = check(capsys)
    assert (code, found) == (0, [])
    _, _, err = run(["check", "replies", "--baseline", "base.json"], capsys)
    assert "2 findings in the baseline not shown" in err


def test_a_finding_moved_by_inserted_lines_is_still_known(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    # Lines added above, and a paragraph added below: more than three words away.
    edited = REPLY.replace("return.\n\n", "return.\n\nThe label is attached below.\n\n")
    (repo / "replies" / "return.txt").write_text("\n\n\n" + edited, encoding="utf-8")
    assert check(capsys) == (0, [])


def test_a_new_finding_fails(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_baseline(capsys)
    (repo / "replies" / "shipped.txt").write_text(FINE + "\nThx!\n", encoding="utf-8")
    assert check(capsys) == (1, ["NQ303"])


def test_a_copy_of_a_known_finding_elsewhere_fails(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    # The same sentence twice in the file: the second copy is new.
    doubled = REPLY.replace(
        "\n\nKind", "\nPLEASE keep the receipt, u will need it for the return.\n\nKind"
    )
    (repo / "replies" / "return.txt").write_text(doubled, encoding="utf-8")
    assert check(capsys) == (1, ["NQ101", "NQ303"])
    # The same shouted word among other words, in another file: new as well.
    (repo / "replies" / "return.txt").write_text(REPLY, encoding="utf-8")
    (repo / "replies" / "shipped.txt").write_text(
        FINE.replace("today.", "today. PLEASE check it."), encoding="utf-8"
    )
    assert check(capsys) == (1, ["NQ101"])


def test_a_fixed_finding_reintroduced_after_the_baseline_shrank_is_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    fixed = REPLY.replace("PLEASE", "Please")
    (repo / "replies" / "return.txt").write_text(fixed, encoding="utf-8")
    assert check(capsys) == (0, [])
    write_baseline_code, _, err = run(
        ["check", "replies", "--write-baseline", "base.json", "--select", "tone,jargon,profanity"],
        capsys,
    )
    assert write_baseline_code == 0 and "recorded 1 findings" in err
    (repo / "replies" / "return.txt").write_text(REPLY, encoding="utf-8")
    assert check(capsys) == (1, ["NQ101"])


def test_the_baseline_works_from_another_working_folder(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_baseline(capsys)
    monkeypatch.chdir(repo / "replies")
    code, out, _ = run(
        ["check", ".", "--baseline", "../base.json", "--fail-under", "100",
         "--select", "tone,jargon,profanity"],
        capsys,
    )  # fmt: skip
    assert code == 0, out


def test_scores_are_those_of_the_findings_left(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_baseline(capsys)
    code, out, _ = run(
        ["check", "replies/return.txt", "--baseline", "base.json", "--format", "json"], capsys
    )
    report = json.loads(out)[0]
    assert report["score"] == 100 - 2 * len(report["suggestions"])  # only info left, if any
    assert report["passed"] and code == 0


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("{", "not valid JSON"),
        ("[]", "not a netiquette baseline"),
        ('{"netiquette_baseline": 2, "findings": []}', "not a netiquette baseline"),
        ('{"netiquette_baseline": 1, "findings": {}}', "'findings' must be a list"),
        ('{"netiquette_baseline": 1, "findings": [3]}', "finding 1: must be an object"),
        (
            '{"netiquette_baseline": 1, "findings": [{"path": "a", "rule": "NQ101", '
            '"fingerprint": "zz", "count": 1}]}',
            "16 hex digits",
        ),
        (
            '{"netiquette_baseline": 1, "findings": [{"path": "a", "rule": "NQ101", '
            '"fingerprint": "0123456789abcdef", "count": true}]}',
            "'count' must be a whole number",
        ),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str], content: str, error: str
) -> None:
    (repo / "base.json").write_text(content, encoding="utf-8")
    code, out, err = run(["check", "replies", "--baseline", "base.json"], capsys)
    assert code == 2
    assert error in err
    assert out == ""


def test_a_binary_baseline_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "base.json").write_bytes(b"\x00\x01\xff")
    code, _, err = run(["check", "replies", "--baseline", "base.json"], capsys)
    assert code == 2 and "binary" in err


def test_writing_the_baseline_replaces_a_link_instead_of_its_target(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = repo / "elsewhere.txt"
    outside.write_text("keep me", encoding="utf-8")
    (repo / "base.json").symlink_to(outside)
    write_baseline(capsys)
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (repo / "base.json").is_symlink()
    assert sorted(p.name for p in repo.iterdir()) == ["base.json", "elsewhere.txt", "replies"]


def test_a_baseline_that_cannot_be_written_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "replies", "--write-baseline", "missing/base.json"], capsys)
    assert code == 2
    assert "--write-baseline missing/base.json: No such file or directory" in err
    assert sorted(p.name for p in repo.iterdir()) == ["replies"]
