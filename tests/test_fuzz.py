"""Fuzzing what strangers control, with a fixed set of examples (the long run with
fresh examples is benchmarks/fuzz.py): template files of every format and config files
give only the project's own errors. Reply texts are fuzzed in test_properties.py."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import CONFIG_TEXT, TEMPLATE_FILE
from netiquette import NetiquetteError
from netiquette.config import read_config_file
from netiquette.templates import load as load_templates

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(*TEMPLATE_FILE)
def test_template_files_give_only_our_errors(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes
) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))
    path = folder / f"t{suffix}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            templates = load_templates([str(path)], on_error="collect")
        except NetiquetteError:
            return
    for problem in templates.problems:
        assert str(path) in str(problem) or "t" + suffix in str(problem)


@FUZZ
@given(st.sampled_from([".netiquette.toml", "pyproject.toml"]), CONFIG_TEXT)
def test_config_files_give_only_our_errors(
    tmp_path_factory: pytest.TempPathFactory, name: str, text: str
) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))
    path = folder / name
    path.write_text(text, "utf-8", errors="surrogatepass")
    try:
        read_config_file(path)
    except NetiquetteError as exc:
        assert str(path) in str(exc)
