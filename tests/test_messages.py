"""Messages in the reply's language: every rule says everything in every language.

The rules' own English (class attributes and docstrings) is the source; each other
language translates every text of every rule in lang/<iso>/messages.yaml, and every
entry message of its own data files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from helpers import EXAMPLES_ALSO_SELECT, reply_and_context, run_netiquette
from netiquette import ConfigError, Linter
from netiquette.lang import codes, load
from netiquette.lang.files import available_files
from netiquette.registry import all_rules, languages
from netiquette.rule import HEADINGS_KEY, SOURCE_LANGUAGE, translation

RULES = all_rules()
TRANSLATED = [code for code in codes() if code != SOURCE_LANGUAGE]
_NAMED = re.compile(r"\{(\w+)\}")


def _names(text: str) -> set[str]:
    return set(_NAMED.findall(text))


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_says_everything_in_every_language(rule_id: str, lang: str) -> None:
    cls = RULES[rule_id]
    for key in cls.message_keys():
        translated = translation(lang, rule_id, key)
        assert translated, f"lang/{lang}/messages.yaml: {rule_id} has no '{key}'"
        # The same values are filled in: a translation never drops the match or a figure.
        assert _names(translated) == _names(cls.source_text(key)), (rule_id, key)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_messages_files_name_only_rules_and_their_texts(lang: str) -> None:
    data = load(lang, "messages.yaml")
    assert set(data[HEADINGS_KEY]) == {"why", "example", "instead"}
    for rule_id, texts in data.items():
        if rule_id == HEADINGS_KEY:
            continue
        assert rule_id in RULES, f"lang/{lang}/messages.yaml names unknown rule {rule_id}"
        assert set(texts) <= set(RULES[rule_id].message_keys()), rule_id


def _entry_messages(data: Any) -> Iterator[Any]:
    if isinstance(data, dict):
        if "message" in data and ("phrase" in data or "pattern" in data):
            yield data["message"]
        for value in data.values():
            yield from _entry_messages(value)
    elif isinstance(data, list):
        for item in data:
            yield from _entry_messages(item)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_entry_messages_of_a_language_are_in_that_language_and_english(lang: str) -> None:
    seen = 0
    for name in available_files(lang):
        if not name.endswith(".yaml"):
            continue
        for message in _entry_messages(load(lang, name)):
            seen += 1
            assert isinstance(message, dict), f"lang/{lang}/{name}: {message!r} is English only"
            assert set(message) == {SOURCE_LANGUAGE, lang}, (name, message)
            assert _names(message[lang]) == _names(message[SOURCE_LANGUAGE]), (name, message)
    assert seen > 50


TURKISH_REPLY = "Merhaba, BU ÇOK ÖNEMLİ bir konu!!! Bir dahaki sefere formu eksiksiz doldurun."
ENGLISH_REPLY = "Hi Sam, THIS IS URGENT!!! You should have read the manual, thx."


def _messages(text: str, **options: Any) -> list[str]:
    return [s.message for s in Linter(**options).check(text).suggestions]


def test_a_turkish_reply_is_explained_in_turkish_by_default() -> None:
    messages = _messages(TURKISH_REPLY)
    assert len(messages) >= 3
    turkish = [m for m in messages if re.search(r"[çğıöşü]", m)]
    assert turkish == messages, messages


def test_message_lang_forces_one_language() -> None:
    english = _messages(TURKISH_REPLY, config={"message_lang": "en"})
    assert "Writing 'BU' in capitals reads as shouting; use normal case." in english
    turkish = _messages(ENGLISH_REPLY, lang="en", config={"message_lang": "tr"})
    assert len(turkish) >= 3
    assert all(re.search(r"[çğıöşü]", m) for m in turkish), turkish
    assert _messages(ENGLISH_REPLY, lang="en") == _messages(
        ENGLISH_REPLY, lang="en", config={"message_lang": "en"}
    )


def test_filled_in_values_survive_translation() -> None:
    long_sentence = " ".join(["kelime"] * 45) + "."
    found = Linter(lang="tr", select=["NQ402"]).check(long_sentence).suggestions
    assert len(found) == 1 and "45" in found[0].message
    assert "{" not in found[0].message


def test_an_unknown_message_language_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="message_lang"):
        Linter(config={"message_lang": "de"})


def test_the_cli_explains_in_the_chosen_language() -> None:
    turkish = run_netiquette("explain", "NQ101", "--message-lang", "tr")
    assert turkish.returncode == 0
    assert str(translation("tr", "NQ101", "summary")) in turkish.stdout
    assert "Why is this bad?" not in turkish.stdout
    english = run_netiquette("explain", "NQ101")
    assert RULES["NQ101"].summary() in english.stdout
    bad = run_netiquette("explain", "NQ101", "--message-lang", "xx")
    assert bad.returncode == 2 and "--message-lang" in bad.stderr


def test_the_cli_checks_with_the_chosen_message_language(tmp_path: Any) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(TURKISH_REPLY, encoding="utf-8")
    default = run_netiquette("check", str(reply))
    english = run_netiquette("check", str(reply), "--message-lang", "en")
    assert "reads as shouting" in english.stdout
    assert "reads as shouting" not in default.stdout


#: Rules whose translated example needs what a fixture cannot give here: templates or
#: a LanguageTool server.
_NEEDS_MORE = {"NQ502", "NQ601", "NQ602", "NQ603"}


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("rule_id", sorted(set(RULES) - _NEEDS_MORE))
def test_translated_examples_raise_the_rule_and_the_rewrite_does_not(
    rule_id: str, lang: str
) -> None:
    if lang not in languages(RULES[rule_id]):
        pytest.skip(f"{rule_id} does not run in {lang}")
    linter = Linter(lang, select=[rule_id, *EXAMPLES_ALSO_SELECT.get(rule_id, [])])
    example, context = reply_and_context(str(translation(lang, rule_id, "example")))
    assert [s for s in linter.check(example, context=context).suggestions], example
    instead, context = reply_and_context(str(translation(lang, rule_id, "instead")))
    assert not linter.check(instead, context=context).suggestions, instead
