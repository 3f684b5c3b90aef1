"""Configuration files: discovery, validation, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import netiquette
from netiquette.config import Settings, discover_config, read_config_file, settings_from_mapping
from netiquette.errors import ConfigError


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.netiquette]\nlang = "en"\nfail-under = 85\n'
        'ignore = ["NQ101"]\nallow-words = ["damn"]\n[tool.netiquette.severity]\nNQ101 = "info"\n',
        encoding="utf-8",
    )
    found = discover_config(tmp_path)
    assert found == tmp_path / "pyproject.toml"
    settings = read_config_file(found)
    assert settings.fail_under == 85
    assert settings.ignore == ("NQ101",)
    assert settings.allow_words == ("damn",)
    assert settings.severity == {"NQ101": "info"}


def test_dot_netiquette_toml_wins_and_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.netiquette]\nfail_under = 50\n", "utf-8")
    (tmp_path / ".netiquette.toml").write_text("fail_under = 60\n", "utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    found = discover_config(sub)
    assert found == tmp_path / ".netiquette.toml"
    assert read_config_file(found).fail_under == 60


def test_pyproject_without_our_table_is_not_a_config(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    # The search goes on upwards past a pyproject.toml without [tool.netiquette] ...
    assert discover_config(project) != project / "pyproject.toml"
    # ... and finds the next configuration above it.
    (tmp_path / ".netiquette.toml").write_text("fail_under = 50\n", "utf-8")
    assert discover_config(project) == tmp_path / ".netiquette.toml"


def test_relative_template_paths_resolve_against_the_config_file(tmp_path: Path) -> None:
    (tmp_path / ".netiquette.toml").write_text('templates = ["macros"]\n', "utf-8")
    settings = read_config_file(tmp_path / ".netiquette.toml")
    assert settings.templates == (str((tmp_path / "macros").resolve()),)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"fail_unde": 10}, "unknown key 'fail_unde'"),
        ({"fail_under": 120}, "between 0 and 100"),
        ({"fail_under": "high"}, "must be a number"),
        ({"severity": {"NQ101": "fatal"}}, "must be one of"),
        ({"select": 5}, "list of strings"),
        ({"languagetool_url": "localhost:8081"}, "http"),
        ({"max_sentence_words": 1}, "between"),
        ({"lang": 3}, "must be a string"),
    ],
)
def test_invalid_values_are_named(raw: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        settings_from_mapping(raw)


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / ".netiquette.toml"
    bad.write_text("fail_under = = 3\n", "utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        read_config_file(bad)
    with pytest.raises(ConfigError, match="not found"):
        read_config_file(tmp_path / "missing.toml")


def test_unknown_rule_in_severity_table() -> None:
    with pytest.raises(ConfigError, match="NQ000"):
        netiquette.Linter(config={"severity": {"NQ000": "error"}})


def test_settings_object_and_keyword_overrides() -> None:
    linter = netiquette.Linter(config=Settings(fail_under=10), select=["NQ101"])
    assert linter.settings.fail_under == 10
    assert linter.rule_ids == ["NQ101"]


def test_config_of_wrong_type() -> None:
    with pytest.raises(ConfigError):
        netiquette.Linter(config=42)  # type: ignore[arg-type]


def test_templates_index_path_resolves_against_the_config_file(tmp_path: Path) -> None:
    (tmp_path / ".netiquette.toml").write_text('templates_index = "cache/index.bin"\n', "utf-8")
    settings = read_config_file(tmp_path / ".netiquette.toml")
    assert settings.templates_index == str((tmp_path / "cache" / "index.bin").resolve())
    with pytest.raises(ConfigError, match="templates_index"):
        settings_from_mapping({"templates_index": 3})


def test_overrides_apply_per_path_with_gitignore_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from netiquette.cli import main

    (tmp_path / "pyproject.toml").write_text(
        """
[tool.netiquette]
ignore = ["NQ110"]

[[tool.netiquette.overrides]]
files = ["chat/**"]
ignore = ["emoji"]

[[tool.netiquette.overrides]]
files = ["tr/*.txt", "!tr/legacy.txt"]
lang = "tr"
""",
        encoding="utf-8",
    )
    for folder in ("chat", "email", "tr"):
        (tmp_path / folder).mkdir()
    (tmp_path / "chat" / "a.txt").write_text("Done, enjoy! 😊", encoding="utf-8")
    (tmp_path / "email" / "a.txt").write_text("Done, enjoy! 😊", encoding="utf-8")
    (tmp_path / "tr" / "a.txt").write_text("Thanks, done.", encoding="utf-8")
    (tmp_path / "tr" / "legacy.txt").write_text("Thanks, done.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "chat", "email", "tr", "--format", "json"]) == 0
    reports = {r["path"]: r for r in json.loads(capsys.readouterr().out)}
    emoji = {path: [s["rule_id"] for s in r["suggestions"]] for path, r in reports.items()}
    assert "NQ103" not in emoji[str(Path("chat") / "a.txt")]
    assert "NQ103" in emoji[str(Path("email") / "a.txt")]
    assert reports[str(Path("tr") / "a.txt")]["lang"] == "tr"
    assert reports[str(Path("tr") / "legacy.txt")]["lang"] == "en"  # "!" excludes it


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ("overrides = 3", "list of tables"),
        ('[[tool.netiquette.overrides]]\nignore = ["emoji"]', "'files'"),
        ('[[tool.netiquette.overrides]]\nfiles = ["a/*"]\ncolour = 1', "unknown key 'colour'"),
        ('[[tool.netiquette.overrides]]\nfiles = ["a/*"]\ntemplates = ["x"]', "per path"),
    ],
)
def test_bad_overrides_are_config_errors(tmp_path: Path, table: str, error: str) -> None:
    from netiquette.config import read_config_values

    text = table if table.startswith("[[") else "[tool.netiquette]\n" + table
    config = tmp_path / "pyproject.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=error):
        read_config_values(config)


def test_settings_go_to_other_machines_as_data_and_come_back_equal() -> None:
    """Settings sent to Spark's executors: JSON values that read back to the same
    settings through the configuration's own checks (never pickled code)."""
    import dataclasses
    import json

    from netiquette.config import Settings, settings_from_mapping

    chosen = Settings(
        lang="tr",
        select=("tone", "NQ201"),
        ignore=("NQ114",),
        severity={"NQ101": "error"},
        fail_under=80,
        templates=("macros",),
        templates_index="cache/index.bin",
        max_grade=14.0,
        allow_words=("hell",),
    )
    values = json.loads(json.dumps(chosen.to_values()))
    assert "max_sentence_words" not in values  # None: the language's default
    back = settings_from_mapping(values, "sent")
    assert dataclasses.replace(back, source=chosen.source) == chosen
    assert settings_from_mapping(Settings().to_values()) == Settings(source="config")
