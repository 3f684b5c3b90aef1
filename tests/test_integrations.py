"""The GitHub Action (action.yml) and the copy-paste configs of docs/integrations.md.

The action's lint step is a bash script; it is run here as the runner would run it,
with the inputs in environment variables, against this checkout's netiquette."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
DOC = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
CLEAN = "Hi Sam,\n\nYour refund was sent today.\n\nKind regards,\nAna\n"
PROFANE = "Hi Sam, this is a shit mess.\n"


def _steps() -> dict[str, dict[str, Any]]:
    return {step.get("id") or step.get("name") or step["uses"]: step for step in
            ACTION["runs"]["steps"]}  # fmt: skip


def test_the_action_is_composite_and_uses_only_declared_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    declared = set(ACTION["inputs"])
    used = set(re.findall(r"inputs\.([\w-]+)", (ROOT / "action.yml").read_text(encoding="utf-8")))
    assert used <= declared, used - declared
    assert {"command", "paths", "format", "args"} <= declared


def test_no_input_is_pasted_into_a_script() -> None:
    """``${{ inputs.x }}`` inside ``run:`` would let a value inject shell commands."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")


def _lint(tmp_path: Path, **inputs: str) -> tuple[int, str, str]:
    """Run the action's lint step in ``tmp_path``: exit code, stdout, $GITHUB_OUTPUT."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    step = _steps()["lint"]
    outputs = tmp_path / "github-output"
    outputs.write_text("", encoding="utf-8")
    env = {**os.environ, "GITHUB_OUTPUT": str(outputs)}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for name, value in step["env"].items():
        key = re.search(r"inputs\.([\w-]+)", value)
        assert key, value
        env[name] = inputs.get(key.group(1), str(ACTION["inputs"][key.group(1)]["default"]))
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True,
        text=True, check=False, timeout=300,
    )  # fmt: skip
    return done.returncode, done.stdout, outputs.read_text(encoding="utf-8")


@pytest.fixture
def replies(tmp_path: Path) -> Path:
    (tmp_path / "replies").mkdir()
    (tmp_path / "replies" / "ok.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_the_action_annotates_and_fails_on_profanity(replies: Path) -> None:
    code, out, outputs = _lint(replies, paths="replies", args="--no-config")
    assert (code, outputs) == (0, "exit-code=0\n")
    (replies / "replies" / "angry.md").write_text(PROFANE, encoding="utf-8")
    code, out, outputs = _lint(replies, paths="replies", args="--no-config --min-severity error")
    assert (code, outputs) == (1, "exit-code=1\n")
    assert out.startswith("::error file=replies/angry.md,line=1,col=19,")
    assert "title=NQ201" in out


def test_the_action_writes_sarif(replies: Path) -> None:
    (replies / "replies" / "angry.md").write_text(PROFANE, encoding="utf-8")
    code, _, _ = _lint(replies, paths="replies", format="sarif", args="--no-config")
    assert code == 1
    sarif = json.loads((replies / "netiquette.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert "NQ201" in [r["ruleId"] for r in sarif["runs"][0]["results"]]


def test_the_action_runs_the_template_audit(replies: Path) -> None:
    (replies / "macros").mkdir()
    (replies / "macros" / "broken.md").write_text("Hi {{first_name},\n\nDone.\n", "utf-8")
    code, out, _ = _lint(replies, command="audit", paths="macros", args="--no-config")
    assert code == 1
    assert "title=NQT101" in out


def test_the_action_refuses_what_it_does_not_know_and_runs_no_input(replies: Path) -> None:
    code, out, outputs = _lint(replies, command="rm -rf", paths="replies")
    assert code == 2 and "command must be check or audit" in out
    code, _, outputs = _lint(replies, paths="replies", args="$(touch pwned) `touch pwned2`")
    assert code == 2 and outputs == "exit-code=2\n"  # unknown arguments: a usage error
    assert not (replies / "pwned").exists() and not (replies / "pwned2").exists()
    code, _, _ = _lint(replies, paths="replies/*", args="--no-config")
    assert code == 2  # no file is named "replies/*": the pattern is not expanded


def _yaml_blocks() -> list[Any]:
    blocks = re.findall(r"^```yaml\n(.*?)^```$", DOC, re.MULTILINE | re.DOTALL)
    assert len(blocks) == 7
    return [yaml.safe_load(block) for block in blocks]


def test_every_config_in_the_docs_is_valid_yaml_using_real_names() -> None:
    hook_ids = {hook["id"] for hook in HOOKS}
    for config in _yaml_blocks():
        for repo in config.get("repos", []) if isinstance(config, dict) else []:
            assert {hook["id"] for hook in repo["hooks"]} <= hook_ids
        for job in (config.get("jobs") or {}).values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("<owner>/netiquette@"):
                    assert set(step.get("with", {})) <= set(ACTION["inputs"]), step
    gitlab = next(c for c in _yaml_blocks() if "netiquette" in c and "script" in c["netiquette"])
    for line in gitlab["netiquette"]["script"]:
        assert re.search(r"--format (gitlab|junit)\b", line), line
