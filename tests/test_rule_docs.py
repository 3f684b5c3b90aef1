"""Every rule's documented examples: the "Example" raises the rule, the "Use instead"
does not.

A rule's docstring (its page in docs/rules/) shows a reply under "## Example" and a
better one under "## Use instead", each in a fenced code block. For every registered
rule and every language it runs in (``registry.languages``) in which its docstring
gives an example, the example must raise the rule and its fix must not, checked with
``netiquette.Linter(lang, select=[rule_id])``. The language of a block is named after
its opening fence (```` ```tr ````) or else detected from its words
(``netiquette.lang.detect``); a section may hold one block per language.

The LanguageTool rules (``needs_service``) cannot run here: the recorded server of
tests/test_grammar.py answers only the texts it has recordings of, and recording the
documented examples needs a real LanguageTool server. Their cases are skipped, with the
reason in the test id.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import netiquette
from helpers import EXAMPLES_ALSO_SELECT, RULES, reply_and_context
from netiquette.lang import codes, detect
from netiquette.registry import all_rules, languages
from netiquette.rule import Rule

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("Example", "Use instead")
#: Settings a rule needs to run at all; template paths are relative to the repository.
CONFIG: dict[str, dict[str, Any]] = {"NQ502": {"templates": ["data/examples/templates"]}}
#: Why the examples of a rule that needs a service are not checked here.
SERVICE_REASON = "needs a {service} server, and no recording covers its examples"
#: Rules checked today: the count may grow, never silently drop.
MIN_CHECKED = 26

_FENCE = re.compile(r"^```([\w-]*)[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def _section(doc: str, heading: str) -> str:
    """The text under ``## heading`` up to the next heading ("" when there is none)."""
    parts = re.split(rf"^## {re.escape(heading)}[ \t]*$", doc, maxsplit=1, flags=re.MULTILINE)
    if len(parts) < 2:
        return ""
    return re.split(r"^## ", parts[1], maxsplit=1, flags=re.MULTILINE)[0]


def examples(cls: type[Rule]) -> dict[str, dict[str, tuple[str, ...]]]:
    """The documented texts of a rule: language -> section -> texts."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for heading in SECTIONS:
        for info, body in _FENCE.findall(_section(cls.documentation(), heading)):
            text = body.strip()
            lang = info if info in codes() else detect(text)
            by_section = found.setdefault(lang, {section: () for section in SECTIONS})
            by_section[heading] += (text,)
    return found


def _service(cls: type[Rule]) -> str | None:
    service = getattr(cls, "needs_service", None)
    return str(service) if service else None


def _cases() -> list[Any]:
    cases = []
    for rule_id, cls in all_rules().items():
        documented = examples(cls)
        for lang in languages(cls):
            if lang not in documented:
                continue
            name = f"{rule_id}-{cls.name}-{lang}"
            service = _service(cls)
            if service:
                reason = SERVICE_REASON.format(service=service)
                cases.append(
                    pytest.param(
                        rule_id,
                        lang,
                        id=f"{name}-skipped-{reason.replace(' ', '-').replace(',', '')}",
                        marks=pytest.mark.skip(reason=f"{cls.name} {reason}"),
                    )
                )
            else:
                cases.append(pytest.param(rule_id, lang, id=name))
    return cases


CASES = _cases()


@cache
def _linter(rule_id: str, lang: str) -> netiquette.Linter:
    settings = dict(CONFIG.get(rule_id, {}))
    if "templates" in settings:
        settings["templates"] = [str(ROOT / path) for path in settings["templates"]]
    selected = [rule_id, *EXAMPLES_ALSO_SELECT.get(rule_id, [])]
    return netiquette.Linter(lang, select=selected, config=settings)


def _found(rule_id: str, lang: str, text: str) -> list[netiquette.Suggestion]:
    """The rule's suggestions for ``text``; fails when the rule did not run."""
    cls = all_rules()[rule_id]
    reply, context = reply_and_context(text)
    report = _linter(rule_id, lang).check(reply, context=context)
    skipped = report.skipped.get(cls.category)
    assert skipped is None, f"{cls.name} did not run in '{lang}': {skipped}"
    return [s for s in report.suggestions if s.rule_id == rule_id]


@pytest.mark.parametrize(("rule_id", "lang"), CASES)
def test_documented_example_raises_the_rule_and_its_fix_does_not(rule_id: str, lang: str) -> None:
    cls = all_rules()[rule_id]
    documented = examples(cls)[lang]
    assert documented["Example"] and documented["Use instead"], f"{cls.name} in '{lang}'"
    for text in documented["Example"]:
        found = _found(rule_id, lang, text)
        assert found, f"{cls.name}: its example in '{lang}' does not raise {rule_id}:\n{text}"
        if "templates" in CONFIG.get(rule_id, {}):
            # The example must copy one of the configured templates, not just any text.
            assert found[0].data.get("template_id"), found[0].to_dict()
    for text in documented["Use instead"]:
        found = _found(rule_id, lang, text)
        assert not found, (
            f"{cls.name}: its 'use instead' in '{lang}' raises {rule_id} at "
            f"{[s.match for s in found]}:\n{text}"
        )


def test_every_rule_documents_a_pair_in_a_language_it_runs_in() -> None:
    problems = []
    assert len(all_rules()) == RULES
    for rule_id, cls in all_rules().items():
        documented = examples(cls)
        runs = languages(cls)
        if not documented:
            problems.append(f"{rule_id}: no fenced block under '## Example' / '## Use instead'")
        for lang, by_section in documented.items():
            if lang not in runs:
                problems.append(f"{rule_id}: an example in '{lang}', where it does not run {runs}")
            for heading in SECTIONS:
                if not by_section[heading]:
                    problems.append(f"{rule_id}: no '## {heading}' block in '{lang}'")
    assert not problems, "\n".join(problems)


def test_every_rule_is_checked_or_skipped_for_a_service() -> None:
    """The loop cannot check nothing: every rule that needs no service has a case."""
    rules = all_rules()
    assert len(rules) == RULES
    checked = {case.values[0] for case in CASES if not case.marks}
    skipped = {rule_id for rule_id, cls in rules.items() if _service(cls)}
    assert skipped == {"NQ601", "NQ602", "NQ603"}
    assert checked == set(rules) - skipped
    assert len(checked) >= MIN_CHECKED


class _TwoLanguages(Rule):
    """A rule documented in two languages (not registered).

    ## Example
    ```
    Please see the attached file for the details of your order.
    ```
    ```tr
    Pls dosyaya bak.
    ```

    ## Use instead
    ```
    I have attached the invoice for your order.
    ```

    ## Settings and data
    ```
    not an example
    ```
    """


def test_blocks_are_read_per_section_and_language() -> None:
    assert examples(_TwoLanguages) == {
        "en": {
            "Example": ("Please see the attached file for the details of your order.",),
            "Use instead": ("I have attached the invoice for your order.",),
        },
        "tr": {"Example": ("Pls dosyaya bak.",), "Use instead": ()},
    }
