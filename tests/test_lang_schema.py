"""The schema of the language data: every file has one, and a bad file is refused
when it loads, with the file, the section (the rule) and the entry named."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.core import ConfigError
from netiquette.lang import available_files, codes, schema


def test_every_data_file_of_every_language_has_a_schema() -> None:
    files = [(code, name) for code in codes() for name in available_files(code)]
    assert len(files) == 24  # en 12, tr 12 (no grammar.yaml; messages.yaml)
    for code, name in files:
        assert name in schema.FILES or name in schema.TEXT_FILES, f"lang/{code}/{name}"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "tone.yaml",
            {"slang": [{"phrase": "gonna", "replacment": "going to"}]},
            r"lang/xx/tone\.yaml: slang\[0\] \('gonna'\): unknown key\(s\) replacment",
        ),
        (
            "tone.yaml",
            {"missing-courtesy": {"min_sentences": "three"}},
            r"tone\.yaml: missing-courtesy: min_sentences: expected a whole number",
        ),
        (
            "tone.yaml",
            {"negative-framing": {"phrases": [{"phrase": "we can't", "always": "yes"}]}},
            r"negative-framing: phrases\[0\] \(\"we can't\"\): always: expected true or false",
        ),
        (
            "tone.yaml",
            {"blames-customer": [{"phrase": "your fault", "case": "title"}]},
            r"blames-customer\[0\] \('your fault'\): case: expected one of lower, upper",
        ),
        ("tone.yaml", {"sarcasm": ["yeah right"]}, r"sarcasm: expected a mapping"),
        ("tone.yaml", {"no-such-rule": []}, r"unknown key\(s\) no-such-rule"),
        (
            "profanity.yaml",
            {"tiers": {"strong": {"profanity": [{"word": "x", "forms": 3}]}}},
            r"tiers: strong: profanity\[0\] \('x'\): forms: expected a list",
        ),
        ("language.yaml", {"name": "X"}, r"missing key\(s\) spacy, casing"),
        ("letter.yaml", {"greetings": "hi"}, r"letter\.yaml: greetings: expected a list"),
        ("notes.yaml", {}, r"no schema for a data file named 'notes\.yaml'"),
    ],
)
def test_bad_data_is_refused_with_its_place_named(name: str, data: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        schema.validate(data, name, f"lang/xx/{name}")


def test_good_data_passes() -> None:
    schema.validate(
        {
            "slang": ["ya know", {"phrase": "gonna", "replacement": "going to", "case": "lower"}],
            "negative-framing": {"phrases": [{"phrase": "we can't", "always": True}]},
        },
        "tone.yaml",
        "lang/xx/tone.yaml",
    )


def test_the_sections_read_without_parsing_are_the_keys_of_the_file() -> None:
    from netiquette.lang import load, sections

    checked = 0
    for code in codes():
        for name in available_files(code):
            if name.endswith(".yaml"):
                checked += 1
                assert sections(code, name) == set(load(code, name)), f"lang/{code}/{name}"
    assert checked == 22


def test_a_key_given_twice_in_language_data_is_an_error() -> None:
    """PyYAML keeps the last of two equal keys silently: an entry with two ``tr:``
    messages would show the second. The data loader refuses it, naming both lines."""
    import yaml

    from netiquette.lang.files import parse_yaml

    entry = "- phrase: x\n  message:\n    en: one\n    tr: iki\n    tr: üç\n"
    with pytest.raises(yaml.YAMLError, match="the key 'tr' is given twice") as caught:
        parse_yaml(entry)
    assert "line 5" in str(caught.value)
    assert parse_yaml(entry.replace("    tr: üç\n", "")) == [
        {"phrase": "x", "message": {"en": "one", "tr": "iki"}}
    ]
