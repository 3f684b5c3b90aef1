"""The pre-commit hooks end to end: the real `pre-commit try-repo` on a git repository
made by the test installs netiquette from this checkout into its own environment and
runs the hooks of .pre-commit-hooks.yaml, as a user's `repo:` entry would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
CLEAN_REPLY = "Hi Sam,\n\nYour refund was sent today. Let me know if anything is unclear.\n\nAlex\n"
TEMPLATE = (
    "Hi {{first_name}},\n\nYour order {{order_id}} has shipped and arrives within three days.\n"
)

pytestmark = [
    pytest.mark.skipif(not PRE_COMMIT.is_file(), reason="pre-commit is not installed"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def _repo(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    return folder


def _try_repo(repo: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    # The user's environment (pip's cache and index settings: the hook environment is
    # built from the same wheels as this one), with pre-commit's own store in tmp.
    env = {**os.environ, "PRE_COMMIT_HOME": str(home / "pre-commit")}
    env["PATH"] = f"{PRE_COMMIT.parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), hook, "--color", "never", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_reply_hook_blocks_profanity_and_passes_a_clean_reply(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path / "replies",
        {"reply.txt": CLEAN_REPLY, "angry.txt": "Hi Sam, this is a shit mess.\n"},
    )
    done = _try_repo(repo, tmp_path, "netiquette", "reply.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout and "Failed" not in done.stdout
    done = _try_repo(repo, tmp_path, "netiquette", "reply.txt", "angry.txt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "- hook id: netiquette" in done.stdout
    assert "angry.txt:1:19: NQ201 error" in done.stdout
    # The fix hook rewrites a reply with safe fixes, which fails the commit once.
    (repo / "casual.txt").write_text("Hi Sam,\n\nThx, your refund was sent today.\n\nAlex\n")
    subprocess.run(["git", "add", "casual.txt"], cwd=repo, check=True)
    done = _try_repo(repo, tmp_path, "netiquette-fix", "casual.txt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "files were modified by this hook" in done.stdout
    assert "Thanks, your refund" in (repo / "casual.txt").read_text(encoding="utf-8")


def test_the_template_hook_blocks_a_broken_placeholder(tmp_path: Path) -> None:
    broken = TEMPLATE.replace("{{first_name}}", "{{first_name}")
    repo = _repo(tmp_path / "macros", {"shipped.md": TEMPLATE, "broken.md": broken})
    done = _try_repo(repo, tmp_path, "netiquette-templates", "shipped.md", "broken.md")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "- hook id: netiquette-templates" in done.stdout
    assert "broken.md:1:" in done.stdout and "NQT101" in done.stdout
    assert "shipped.md:" not in done.stdout
