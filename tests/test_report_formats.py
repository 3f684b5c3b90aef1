"""Report formats for CI: SARIF against the official schema, GitHub workflow commands,
GitLab Code Quality, reviewdog rdjson, JUnit and Checkstyle XML read back with an XML
parser, JSON Lines; and --output-file, --statistics, --min-severity, --exit-zero."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from helpers import run_cli, write_files
from netiquette.cli import main

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
REPLY = "Hi Sam,\nthis is a shit mess, u should have read the FAQ!!!\nRegards, Alex\n"
CLEAN = "Hi Sam,\n\nYour refund was sent today. Let me know if anything is unclear.\n\nAlex\n"


@pytest.fixture
def project(workdir: Path) -> Path:
    return write_files(workdir, {"replies/rude, draft.txt": REPLY, "replies/clean.txt": CLEAN})


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys, "check", "--no-config", "--lang", "en")


def test_sarif_is_valid_and_has_what_github_code_scanning_reads(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["replies", "--format", "sarif"], capsys)
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    [run_] = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert {r["ruleId"] for r in results} >= {"NQ201", "NQ303", "NQ102"}
    for result in results:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert (ROOT / rule["helpUri"]).is_file(), rule["helpUri"]
        assert rule["help"]["text"] and rule["shortDescription"]["text"]
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]["netiquette/v1"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "replies/rude, draft.txt"
        region = location["region"]
        line = REPLY.splitlines()[region["startLine"] - 1]
        matched = line[region["startColumn"] - 1 : region["endColumn"] - 1]
        assert matched and matched.lower() in result["message"]["text"].lower() + "u!!!"
    damn = next(r for r in results if r["ruleId"] == "NQ201")
    assert damn["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 11,
        "endLine": 2,
        "endColumn": 15,
    }
    chat = next(r for r in results if r["ruleId"] == "NQ303")
    change = chat["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "you"


def test_fingerprints_survive_lines_moving(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def prints() -> set[str]:
        _, out, _ = run(["replies/rude, draft.txt", "--format", "sarif"], capsys)
        results = json.loads(out)["runs"][0]["results"]
        return {r["partialFingerprints"]["netiquette/v1"] for r in results}

    before = prints()
    (project / "replies" / "rude, draft.txt").write_text("\n\n" + REPLY, encoding="utf-8")
    assert prints() == before


def test_github_workflow_commands_are_escaped(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["replies", "--format", "github"], capsys)
    assert code == 1
    lines = out.strip().splitlines()
    command = re.compile(
        r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),"
        r"endColumn=(\d+),title=(NQ\d{3}) [^,:]*::(.+)$"
    )
    assert lines and all(command.match(line) for line in lines), lines
    # The comma of the file name is escaped in the property, so it is one property.
    assert all("file=replies/rude%2C draft.txt," in line for line in lines)
    assert any(line.startswith("::warning ") and "title=NQ102" in line for line in lines)


def test_gitlab_code_quality(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["replies", "--format", "gitlab"], capsys)
    issues = json.loads(out)
    assert issues
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "replies/rude, draft.txt"
        assert issue["location"]["lines"]["begin"] == 2
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_rdjson_carries_replacements_as_suggestions(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["replies", "--format", "rdjson"], capsys)
    data = json.loads(out)
    assert data["source"]["name"] == "netiquette"
    chat = next(d for d in data["diagnostics"] if d["code"]["value"] == "NQ303")
    assert chat["severity"] == "WARNING"
    assert chat["suggestions"] == [{"range": chat["location"]["range"], "text": "you"}]
    assert chat["location"]["range"]["start"] == {"line": 2, "column": 22}
    assert chat["code"]["url"].startswith("docs/rules/NQ303")


def test_junit_and_checkstyle_parse_back(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["replies", "--format", "junit"], capsys)
    suites = ET.fromstring(out)
    [suite] = suites.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"replies/clean.txt", "replies/rude, draft.txt"}
    assert cases["replies/clean.txt"].find("failure") is None
    failure = cases["replies/rude, draft.txt"].find("failure")
    assert failure is not None and "NQ201" in (failure.text or "")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"

    _, out, _ = run(["replies", "--format", "checkstyle"], capsys)
    root = ET.fromstring(out)
    files = {node.get("name"): node for node in root.findall("file")}
    errors = files["replies/rude, draft.txt"].findall("error")
    assert {e.get("source") for e in errors} >= {"netiquette.NQ201.profanity"}
    assert all(e.get("severity") in ("error", "warning", "info") for e in errors)
    assert files["replies/clean.txt"].findall("error") == []


def test_json_lines_is_one_report_a_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["replies", "--format", "json-lines"], capsys)
    reports = [json.loads(line) for line in out.strip().splitlines()]
    assert len(reports) == 2 and all("suggestions" in r for r in reports)


def test_output_file_gets_the_report_and_the_terminal_gets_text(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["replies", "--format", "sarif", "--output-file", "report.sarif"], capsys)
    assert code == 1
    assert "NQ201 error" in out  # the text report
    log: dict[str, Any] = json.loads((project / "report.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    code, _, err = run(["replies", "--format", "json", "-o", "no/such/folder/r.json"], capsys)
    assert code == 2 and "--output-file" in err


def test_statistics_min_severity_and_exit_zero(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["replies", "--statistics", "-q"], capsys)
    assert code == 1
    counts = [line.split() for line in out.splitlines() if re.match(r"^\s+\d+\s+NQ\d{3}", line)]
    assert counts and all(int(c[0]) >= 1 for c in counts)
    assert [int(c[0]) for c in counts] == sorted((int(c[0]) for c in counts), reverse=True)
    _, out, _ = run(["replies", "--min-severity", "error"], capsys)
    assert " warning " not in out and " info " not in out
    code, _, _ = run(["replies", "--exit-zero"], capsys)
    assert code == 0


def test_github_escapes_percent_and_line_breaks_in_messages() -> None:
    import dataclasses

    from netiquette import Linter
    from netiquette.formatters import render

    report = Linter("en").check("Hi, this is shit.", path="a:b.txt")
    [first] = [s for s in report.suggestions if s.rule_id == "NQ201"]
    odd = dataclasses.replace(first, message="100% sure\nsecond line")
    report = dataclasses.replace(report, suggestions=(odd,))
    [line] = render("github", [report]).splitlines()
    assert line.startswith("::error file=a%3Ab.txt,")
    assert line.endswith("::100%25 sure%0Asecond line")


def test_the_template_audit_writes_the_ci_formats_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "macros").mkdir()
    (tmp_path / "macros" / "broken.md").write_text(
        "Hi {{first_name},\n\nYour order {{order_id}} has shipped.\n", encoding="utf-8"
    )
    (tmp_path / "macros" / "fine.md").write_text(
        "Hi {{first_name}},\n\nYour order {{order_id}} has shipped and arrives soon.\n",
        encoding="utf-8",
    )

    def audit(*args: str) -> tuple[int, str]:
        code = main(["templates", "audit", "--no-config", "macros", *args])
        return code, capsys.readouterr().out

    code, out = audit("--format", "sarif")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "NQT101"]
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["NQT101"]["name"] == "unbalanced-placeholder"
    assert rules["NQT101"]["helpUri"] == "docs/templates.md"
    assert rules["NQT101"]["defaultConfiguration"]["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "macros/broken.md"
    assert location["region"]["startLine"] == 1

    _, out = audit("--format", "github")
    assert out.startswith("::error file=macros/broken.md,line=1,")
    _, out = audit("--format", "junit")
    cases = {c.get("name"): c for c in ET.fromstring(out).iter("testcase")}
    assert len(cases) == 2
    assert sum(c.find("failure") is not None for c in cases.values()) == 1
    code, out = audit("--format", "gitlab", "-o", "quality.json", "--exit-zero")
    assert code == 0 and "NQT101" in out  # text on the terminal
    issues = json.loads((tmp_path / "quality.json").read_text(encoding="utf-8"))
    assert [i["check_name"] for i in issues] == ["NQT101"]
