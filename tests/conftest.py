from __future__ import annotations

from pathlib import Path

import pytest

import netiquette

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "data" / "examples"


@pytest.fixture(scope="session")
def linter_en() -> netiquette.Linter:
    return netiquette.Linter("en")


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, or skip the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
