"""The import layers of docs/development.md hold, and the check really catches a breach."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import netiquette

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(netiquette.__file__).resolve().parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def _lint_imports(site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_the_layers_hold(tmp_path: Path) -> None:
    done = _lint_imports(PACKAGE.parent, ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_an_engine_importing_the_linter_breaks_the_contract(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(PACKAGE, site / "netiquette", ignore=shutil.ignore_patterns("__pycache__"))
    engine = site / "netiquette" / "engines" / "syllables.py"
    engine.write_text(engine.read_text(encoding="utf-8") + "\nimport netiquette.linter\n", "utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    done = _lint_imports(site, tmp_path)
    assert done.returncode == 1
    assert "netiquette.engines is not allowed to import netiquette.linter" in done.stdout


def test_the_templates_package_loads_its_modules_on_first_use() -> None:
    code = (
        "import sys, netiquette.templates as t; "
        "assert 'rapidfuzz' not in sys.modules; "
        "assert t.TemplateSet.__module__ == 'netiquette.templates.matching'; "
        "assert 'rapidfuzz' in sys.modules; "
        "assert all(getattr(t, name, None) is not None for name in t.__all__); "
        "assert len(t.__all__) == 14"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
