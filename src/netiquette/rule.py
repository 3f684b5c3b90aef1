"""What a rule is: metadata, a docstring that documents it, and a ``check`` method.

A rule module defines one subclass of :class:`Rule` and decorates it with
:func:`register`. The linter builds each rule once per language with a
:class:`RuleContext` (language data, settings, templates, the rules it defers to) and
then calls ``check(document)`` for every reply; ``check`` yields :class:`Finding`
objects and only reads the document.

A rule's messages, summary and explanation are English in its class (``message``,
``fix_title``, ``extra_messages``, the docstring); other languages translate them in
``lang/<iso>/messages.yaml``. A rule says a message with :meth:`Rule.say`, in the
message language of its context (by default the reply's language).

Which languages a rule runs in follows from the data: a rule that names a data file
(``data_file``) runs in every language whose folder has that file, and, unless
``data_section`` is false, a section under the rule's name in it. A rule without data
runs in every language.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from netiquette.config import LANGUAGE_DEFAULTS, OPTIONS, Settings
from netiquette.core import Category, ConfigError, Finding, FixSafety, Severity
from netiquette.engines.phrases import PhraseList, alternation
from netiquette.lang import get as get_language
from netiquette.lang import has_file, load, sections
from netiquette.text.fold import fold

if TYPE_CHECKING:
    from netiquette.text import Document
    from netiquette.text.suppressions import Waiver

#: The language of the rules' own messages and docstrings.
SOURCE_LANGUAGE = "en"
#: What every rule says, translated in lang/<iso>/messages.yaml beside its own
#: ``extra_messages``: the summary line, why it matters, an example and what to write
#: instead (for ``netiquette explain``), its message and the title of its fix.
MESSAGE_KEYS = ("summary", "why", "example", "instead", "message", "fix_title")
#: The docstring section of each documentation key (sections start with "## ").
_DOC_SECTIONS = {"why": "Why is this bad?", "example": "Example", "instead": "Use instead"}
#: The entry of messages.yaml with the headings of a translated explanation.
HEADINGS_KEY = "documentation"


def translation(lang: str, rule_id: str, key: str) -> str | None:
    """What ``lang``'s messages.yaml gives for ``key`` of the rule ``rule_id``, or None."""
    if not has_file(lang, "messages.yaml"):
        return None
    found = load(lang, "messages.yaml").get(rule_id)
    return None if found is None else found.get(key)


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read while it is built: never while it checks."""

    lang: str
    settings: Settings
    #: The language findings are explained in; "" means the reply's (``lang``).
    message_lang: str = ""
    templates: Any = None  # a netiquette.templates.TemplateSet when configured
    #: The running rules this one defers to (its ``defers_to``), resolved by the Linter.
    deferred: tuple[Rule, ...] = ()

    def data(self, name: str) -> Any:
        """Parsed YAML or TXT data file ``name`` of this language."""
        return load(self.lang, name)

    def option(self, name: str) -> Any:
        """The setting ``name``; for a language-dependent setting left unset (None),
        the language's own value from its language.yaml."""
        if name not in OPTIONS:
            raise ConfigError(f"no setting named '{name}'")
        value = getattr(self.settings, name)
        if value is None and name in LANGUAGE_DEFAULTS:
            return get_language(self.lang).options[name]
        return value


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check``."""

    id: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    message: ClassVar[str]
    fix_title: ClassVar[str | None] = None
    #: "safe" when ``netiquette fix`` may apply the rule's replacements by default:
    #: a drop-in for the matched text that keeps its meaning and grammar wherever the
    #: rule finds it. A finding may say otherwise (``Finding.fix_safety``), and a
    #: suggestion with several replacements is never safe.
    fix_safety: ClassVar[FixSafety] = "unsafe"
    #: Messages besides ``message``, by name, in English (``say(name)``); a language's
    #: messages.yaml translates each under the same name.
    extra_messages: ClassVar[Mapping[str, str]] = {}
    #: The file of ``lang/<iso>/`` with the rule's data, or None (no data).
    data_file: ClassVar[str | None] = None
    #: Whether the data is the section under the rule's name (else the whole file).
    data_section: ClassVar[bool] = True
    #: The settings this rule reads (names of Settings fields), for the docs.
    options: ClassVar[tuple[str, ...]] = ()
    #: Names of rules whose findings take precedence over this rule's: the Linter
    #: passes those that run to ``RuleContext.deferred``.
    defers_to: ClassVar[tuple[str, ...]] = ()
    #: Findings inside placeholders are dropped unless the rule is about placeholders.
    sees_placeholders: ClassVar[bool] = False
    #: Judges the inline suppressions once the other rules ran: the linter calls its
    #: ``check_waivers`` (unused-suppression) rather than ``check``.
    reviews_suppressions: ClassVar[bool] = False

    def __init__(self, context: RuleContext) -> None:
        self.context = context
        #: The message of a finding that brings none, in the message language.
        self.default_message = self.say()

    @property
    def message_lang(self) -> str:
        """The language this rule's findings are explained in."""
        return self.context.message_lang or self.context.lang

    def say(self, key: str = "message", **values: object) -> str:
        """The message ``key`` in the message language, with ``{name}`` replaced by
        ``values`` (``{match}`` is left for the linter)."""
        text = self.text(key, self.message_lang)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    @classmethod
    def text(cls, key: str, lang: str) -> str:
        """The text ``key`` (one of MESSAGE_KEYS or ``extra_messages``) in ``lang``:
        the translation, or the English source where ``lang`` has none."""
        if lang != SOURCE_LANGUAGE:
            found = translation(lang, cls.id, key)
            if found is not None:
                return found
        return cls.source_text(key)

    @classmethod
    def source_text(cls, key: str) -> str:
        """The English text ``key``, from the class and its docstring."""
        if key == "message":
            return cls.message
        if key == "fix_title":
            return cls.fix_title or ""
        if key == "summary":
            return cls.summary()
        if key in _DOC_SECTIONS:
            return _doc_section(cls.documentation(), _DOC_SECTIONS[key])
        if key in cls.extra_messages:
            return cls.extra_messages[key]
        raise KeyError(f"rule {cls.id} has no message named {key!r}")

    @classmethod
    def message_keys(cls) -> tuple[str, ...]:
        """Every text a translation of this rule gives."""
        return (*MESSAGE_KEYS, *cls.extra_messages)

    @classmethod
    def documentation_in(cls, lang: str) -> str:
        """The rule's documentation in ``lang``: the docstring in English, elsewhere the
        translated summary, why it matters, an example and what to write instead."""
        if lang == SOURCE_LANGUAGE or translation(lang, cls.id, "summary") is None:
            return cls.documentation()
        headings = load(lang, "messages.yaml").get(HEADINGS_KEY) or {}
        parts = [cls.text("summary", lang)]
        for key, english in _DOC_SECTIONS.items():
            body = cls.text(key, lang).strip()
            if key != "why":
                body = f"```\n{body}\n```"
            parts.append(f"## {headings.get(key, english)}\n{body}")
        return "\n\n".join(parts)

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def check_waivers(
        self, doc: Document, used: Collection[Waiver], running: Collection[str], every_rule: bool
    ) -> Iterable[Finding]:
        """For a rule that ``reviews_suppressions``: its findings about the suppressions
        of ``doc``, told the waivers that silenced a finding (``used``), the ids of the
        rules that ran and whether every rule was selected. Other rules find nothing."""
        return ()

    @property
    def rule_data(self) -> Any:
        """The rule's data: the section under its name in ``data_file`` (or the whole
        file when ``data_section`` is false); {} for a rule without data."""
        if self.data_file is None:
            return {}
        return self._section(self.context.data(self.data_file))

    @property
    def data_source(self) -> str:
        """Where the rule's data is, for messages: "lang/tr/tone.yaml: informal-address"."""
        where = f"lang/{self.context.lang}/{self.data_file}"
        return f"{where}: {self.name}" if self.data_section else where

    def count_setting(self, key: str, default: int) -> int:
        """The whole number under ``key`` of the rule's data (at least 1), or
        ``default`` when the language does not set it (the schema checks its type)."""
        return max(int(self.rule_data.get(key, default)), 1)

    def phrase_list(self, key: str) -> PhraseList:
        """The phrase list under ``key`` of the rule's data (errors name file, rule, key)."""
        return PhraseList.from_data(
            self.rule_data.get(key), self.context.lang, f"{self.data_source}: {key}"
        )

    def folded_words(self, key: str) -> frozenset[str]:
        """The words listed under ``key`` of the rule's data, folded for its language."""
        return frozenset(fold(str(w), self.context.lang) for w in self.rule_data.get(key) or ())

    def phrase_pattern(self, key: str, *, before: str = "", after: str = "") -> re.Pattern[str]:
        """One pattern for the phrases under ``key`` of the rule's data, as whole words,
        with ``before`` and ``after`` around it (engines.phrases.alternation)."""
        return alternation(
            self.rule_data.get(key),
            self.context.lang,
            f"{self.data_source}: {key}",
            before=before,
            after=after,
        )

    @classmethod
    def data_of(cls, lang: str) -> Any:
        """The rule's data in ``lang`` (see :attr:`rule_data`); {} when there is none."""
        return {} if cls.data_file is None else cls._section(load(lang, cls.data_file))

    @classmethod
    def _section(cls, data: Any) -> Any:
        if not cls.data_section:
            return data
        found = data.get(cls.name) if isinstance(data, dict) else None
        return {} if found is None else found

    @classmethod
    def runs_in(cls, lang: str) -> bool:
        """Whether ``lang`` has the data this rule needs."""
        if cls.data_file is None:
            return True
        if not cls.data_section:
            return has_file(lang, cls.data_file)
        return cls.name in sections(lang, cls.data_file)

    def claimed_words(self) -> frozenset[str]:
        """Single words this rule reports with a better message than a rule that
        defers to it would (folded). None by default."""
        return frozenset()

    @classmethod
    def language_reason(cls, lang: str) -> str:
        """Why this rule's category is not checked in ``lang`` (it has no such rule)."""
        return f"no {cls.category} rules for language '{lang}'"

    @classmethod
    def unavailable_reason(cls, context: RuleContext) -> str | None:
        """Why this rule cannot run with ``context`` (e.g. no server configured), or None."""
        return None

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring."""
        return (inspect.getdoc(cls) or "").strip().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        """The whole docstring, dedented."""
        return inspect.getdoc(cls) or ""


def _doc_section(documentation: str, heading: str) -> str:
    """The body of the docstring section ``## heading`` (code fences removed)."""
    for section in documentation.split("\n## ")[1:]:
        title, _, body = section.partition("\n")
        if title.strip() == heading:
            lines = [line for line in body.strip().splitlines() if not line.startswith("```")]
            return "\n".join(lines).strip()
    return ""


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator that adds a rule to the registry (ids and names are unique)."""
    for other in _REGISTRY.values():
        if other is not cls and (other.id == cls.id or other.name == cls.name):
            raise RuntimeError(f"duplicate rule {cls.id} {cls.name} (clashes with {other.id})")
    if not cls.__doc__:
        raise RuntimeError(f"rule {cls.id} has no docstring")
    unknown = [name for name in cls.options if name not in OPTIONS]
    if unknown:
        raise RuntimeError(f"rule {cls.id} reads unknown settings {unknown}")
    _REGISTRY[cls.id] = cls
    return cls


def registered() -> dict[str, type[Rule]]:
    """The rules registered so far, by id (``netiquette.registry.all_rules`` imports
    every rule module first)."""
    return dict(_REGISTRY)
