from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import netiquette
from netiquette.engines.profanity import ProfanityMatcher, matcher_for

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "data" / "examples"
#: The profanity rules: NQ201 (strong) and NQ202 (mild).
PROFANITY_RULES = ("NQ201", "NQ202")

# The suite draws the same examples on every run, so CI is reproducible; the fuzz
# benchmark (benchmarks/fuzz.py) draws fresh ones for as long as it is given.
settings.register_profile("suite", derandomize=True, database=None)
settings.load_profile("suite")


@pytest.fixture(autouse=True)
def _no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read the developer's own config or environment settings."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "no-user-config"))
    monkeypatch.delenv("NETIQUETTE_LANGUAGETOOL_URL", raising=False)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is the working folder of the test."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def linter_en() -> netiquette.Linter:
    return netiquette.Linter("en")


@pytest.fixture(scope="module")
def profanity_matcher(request: pytest.FixtureRequest) -> ProfanityMatcher:
    """The profanity matcher of the requesting module's language (its ``LANG``)."""
    return matcher_for(request.module.LANG)


@pytest.fixture(scope="module")
def profanity_linter(request: pytest.FixtureRequest) -> netiquette.Linter:
    """A linter of the profanity rules only, in the requesting module's ``LANG``."""
    return netiquette.Linter(request.module.LANG, select=list(PROFANITY_RULES))


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, or skip the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
