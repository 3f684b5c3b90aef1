"""The Linter: rules built once per language, then applied to any number of texts."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from netiquette import config as config_module
from netiquette import parallel, scoring
from netiquette.core import CATEGORIES, Finding, FixSafety, InputError, RuleUnavailable
from netiquette.fixing import FixResult, apply_fixes
from netiquette.lang import AUTO, check_language, codes
from netiquette.lang import detection as langid
from netiquette.lang import get as get_language
from netiquette.metrics import measure
from netiquette.registry import all_rules
from netiquette.report import Report, Suggestion
from netiquette.rule import Rule, RuleContext
from netiquette.selection import expand, selected_ids
from netiquette.text.document import Document
from netiquette.text.escape import lone_surrogate
from netiquette.text.suppressions import Waiver


class Linter:
    """Checks replies. Build once, then call :meth:`check` from any number of threads."""

    def __init__(
        self,
        lang: str | None = None,
        *,
        templates: Any = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        config: config_module.Settings | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    ) -> None:
        settings = config_module.resolve(config)
        overrides: dict[str, Any] = {}
        if lang is not None:
            overrides["lang"] = lang
        if select is not None:
            overrides["select"] = tuple(_as_list(select, "select"))
        if ignore is not None:
            overrides["ignore"] = tuple(settings.ignore) + tuple(_as_list(ignore, "ignore"))
        self.settings = settings.with_overrides(**overrides)
        self.lang = check_language(self.settings.lang)
        self._rule_classes = all_rules()
        self._selected = selected_ids(
            self._rule_classes, self.settings.select, self.settings.ignore
        )
        self._severity = {
            rule_id: level
            for key, level in self.settings.severity.items()
            for rule_id in expand([key], self._rule_classes, "severity")
        }
        self._templates = self._load_templates(templates)
        self._built: dict[str, tuple[list[Rule], dict[str, str]]] = {}
        self._build_lock = threading.Lock()
        #: Linters for the files that per-path overrides match, by the overrides' indexes.
        self._by_overrides: dict[tuple[int, ...], Linter] = {}
        #: Linters for replies in another language (:meth:`for_language`).
        self._by_language: dict[str, Linter] = {}

    def for_path(self, path: str | os.PathLike[str] | None) -> Linter:
        """The linter for the file ``path``: this one, or one with the settings of the
        per-path overrides (``[[tool.netiquette.overrides]]``) that match it, built once
        for each set of overrides and sharing this one's templates."""
        overrides = self.settings.overrides
        if not overrides or path is None or os.fspath(path) == "-":
            return self
        key = tuple(i for i, override in enumerate(overrides) if override.matches(path))
        if not key:
            return self
        return self._sibling(self._by_overrides, key, lambda: self.settings.for_path(path))

    def for_language(self, lang: str) -> Linter:
        """The linter for replies known to be in ``lang`` (a code, or ``auto``): this
        one when it already checks in ``lang``, else one with these settings in that
        language, built once and sharing this one's templates. An unknown code is an
        UnsupportedLanguageError."""
        code = check_language(lang)
        if code == self.lang:
            return self
        return self._sibling(
            self._by_language, code, lambda: self.settings.with_overrides(lang=code)
        )

    def _sibling(
        self, cache: dict[Any, Linter], key: Any, settings: Callable[[], config_module.Settings]
    ) -> Linter:
        """The linter of ``cache[key]``, built once (with ``settings()`` and this
        linter's templates) by the first thread that asks."""
        found = cache.get(key)
        if found is None:
            with self._build_lock:
                found = cache.get(key)
                if found is None:
                    found = Linter(config=settings(), templates=self._templates)
                    cache[key] = found
        return found

    def _load_templates(self, templates: Any) -> Any:
        sources = templates if templates is not None else (self.settings.templates or None)
        if sources is None:
            return None
        from netiquette import templates as templates_package

        return templates_package.load(
            sources,
            lang=self.lang,
            format=self.settings.templates_format,
            index=self.settings.templates_index,
        )

    @property
    def templates(self) -> Any:
        """The templates replies are compared with (a TemplateSet), or None."""
        return self._templates

    @property
    def rule_ids(self) -> list[str]:
        """Ids of the rules this linter applies."""
        return sorted(self._selected)

    def _rules(self, lang: str) -> tuple[list[Rule], dict[str, str]]:
        built = self._built.get(lang)
        if built is not None:
            return built
        with self._build_lock:
            built = self._built.get(lang)
            if built is None:
                built = self._build(lang)
                self._built[lang] = built
        return built

    def _build(self, lang: str) -> tuple[list[Rule], dict[str, str]]:
        """The selected rules that can run in ``lang``, built, and the reasons for the
        categories that cannot be checked. A rule that defers to others is built after
        them and gets those that run."""
        message_lang = self.settings.message_lang
        context = RuleContext(
            lang=lang,
            settings=self.settings,
            message_lang="" if message_lang == AUTO else message_lang,
            templates=self._templates,
        )
        built: dict[str, Rule] = {}
        skipped: dict[str, str] = {}
        other_languages: dict[str, type[Rule]] = {}
        chosen = [self._rule_classes[rule_id] for rule_id in sorted(self._selected)]
        for cls in sorted(chosen, key=lambda c: bool(c.defers_to)):
            if not cls.runs_in(lang):
                other_languages.setdefault(cls.category, cls)
                continue
            reason = cls.unavailable_reason(context)
            if reason:
                skipped.setdefault(cls.category, reason)
                continue
            deferred = tuple(built[name] for name in cls.defers_to if name in built)
            built[cls.name] = cls(replace(context, deferred=deferred) if deferred else context)
        rules = sorted(built.values(), key=lambda rule: rule.id)
        running = {rule.category for rule in rules}
        skipped = {c: r for c, r in skipped.items() if c not in running}
        for category, cls in other_languages.items():
            if category not in running and category not in skipped:
                skipped[category] = cls.language_reason(lang)
        if "grammar" not in running and "grammar" not in skipped:
            skipped["grammar"] = "grammar rules are not selected"
        return rules, skipped

    def warm_up(self) -> Linter:
        """Build the rules and load lazy resources now rather than on the first check
        (for every language when the language is chosen per text)."""
        for code in codes():
            if self.lang in (AUTO, code):
                self.check(get_language(code).warm_up)
        if self.lang == AUTO:
            langid.warm_up()
        return self

    def check(
        self,
        text: str,
        *,
        path: str | None = None,
        context: Mapping[str, str] | None = None,
    ) -> Report:
        """Check one reply and return its Report.

        ``context`` tells what the reply answers: ``{"customer_message": ...}``, the
        customer's message, lets the rules that need it run (empathy, mirrored
        insults, the customer's name in the greeting). ``path`` names the file the
        reply came from: it is shown in the report, and the per-path overrides of the
        settings that match it apply (:meth:`for_path`)."""
        if path is not None and self.settings.overrides:
            chosen = self.for_path(path)
            if chosen is not self:
                return chosen.check(text, path=path, context=context)
        self._check_text(text, "text")
        customer = _customer_message(context)
        if customer is not None:
            self._check_text(customer, "customer_message")
        lang = langid.detect(text) if self.lang == AUTO else self.lang
        rules, skipped = self._rules(lang)
        categories = [c for c in CATEGORIES if c not in skipped]
        if not text.strip():
            scores = scoring.category_scores((), categories)
            return Report(
                text, lang, (), scores, 100, True, {"words": 0, "sentences": 0}, dict(skipped), path
            )
        doc = Document(text, lang, Document(customer, lang) if customer else None)
        skipped = dict(skipped)
        found: list[Suggestion] = []
        reviewers = [rule for rule in rules if rule.reviews_suppressions]
        for rule in rules:
            if rule.reviews_suppressions:
                continue
            try:
                findings = list(rule.check(doc))
            except RuleUnavailable as exc:
                skipped.setdefault(rule.category, str(exc))
                continue
            if not rule.sees_placeholders and doc.placeholders:
                findings = [f for f in findings if not doc.in_placeholder(f.start, f.end)]
            found.extend(self._suggestion(rule, f, doc) for f in findings)
        suggestions, used = self._filter(found, doc)
        if reviewers and doc.suppressions is not None:
            running = [rule for rule in rules if rule.category not in skipped]
            suggestions = self._with_unused_waivers(suggestions, reviewers, running, doc, used)
        categories = [c for c in CATEGORIES if c not in skipped]
        scores = scoring.category_scores(suggestions, categories)
        score, passed = scoring.verdict(suggestions, self.settings.fail_under)
        return Report(
            text, lang, tuple(suggestions), scores, score, passed, measure(doc), skipped, path
        )

    def fix(
        self,
        text: str,
        *,
        path: str | None = None,
        context: Mapping[str, str] | None = None,
        unsafe: bool = False,
    ) -> FixResult:
        """Fix one reply: apply the replacements whose fix is safe (with ``unsafe``,
        the first replacement of every other suggestion too) and return the fixed
        text, the suggestions fixed and the report of the fixed text.

        A fix is never applied over a placeholder or protected text, nor when it
        creates a finding the reply did not have; fixing the result again changes
        nothing (netiquette.fixing)."""
        return apply_fixes(self, text, path=path, context=context, unsafe=unsafe)

    def _check_text(self, text: object, name: str) -> None:
        """An InputError unless ``text`` is a str that can be checked."""
        if not isinstance(text, str):
            raise InputError(f"{name} must be a str, got {type(text).__name__}")
        surrogate = lone_surrogate(text)
        if surrogate is not None:
            raise InputError(
                f"{name} holds a lone surrogate (U+{ord(text[surrogate]):04X}) at offset "
                f"{surrogate}: it is not valid Unicode text"
            )
        limit = self.settings.max_chars
        if len(text) > limit:
            raise InputError(
                f"{name} is {len(text):,} characters; the limit is {limit:,} (max_chars) "
                "(split it into replies)"
            )

    def check_many(self, texts: Sequence[str], *, processes: int = 1) -> list[Report]:
        """Check several replies; the reports come back in the same order.

        ``processes`` > 1 shares the work with forked worker processes (where the
        system can fork; not on Windows): this process checks the first replies, which
        builds the rules of their languages, then forks the workers, which inherit
        the linter as it is. At most one process per ``TEXTS_PER_PROCESS`` replies
        is used: for fewer, forking costs more than it saves. The reports are the
        same, in the same order, whatever the number of processes."""
        if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
            raise InputError(f"processes must be a whole number >= 1, got {processes!r}")
        return list(
            parallel.map_in_order(
                self.check, list(texts), processes, TEXTS_PER_PROCESS, TEXTS_PER_CHUNK
            )
        )

    def _suggestion(self, rule: Rule, finding: Finding, doc: Document) -> Suggestion:
        line, column = doc.line_column(finding.start)
        severity = self._severity.get(rule.id) or finding.severity or rule.severity
        match = doc.text[finding.start : finding.end]
        message = (finding.message or rule.default_message).replace("{match}", match)
        replacements = tuple(r for r in finding.replacements if r != match)
        return Suggestion(
            rule_id=rule.id,
            name=rule.name,
            category=rule.category,
            severity=severity,
            message=message,
            start=finding.start,
            end=finding.end,
            match=match,
            replacements=replacements,
            line=line,
            column=column,
            data=finding.data,
            fix_safety=_fix_safety(rule, finding, replacements),
        )

    def _filter(
        self, found: list[Suggestion], doc: Document
    ) -> tuple[list[Suggestion], set[Waiver]]:
        """Drop findings in protected text, suppressed ones and duplicates; sort by
        position. Also the waivers that silenced a finding."""
        silenced = doc.suppressions
        seen: set[tuple[str, int, int]] = set()
        used: set[Waiver] = set()
        kept = []
        for s in sorted(found, key=lambda s: (s.start, s.end, s.rule_id)):
            key = (s.rule_id, s.start, s.end)
            if key in seen:
                continue
            seen.add(key)
            if s.end > s.start and _in_protected_text(doc, s.start, s.end):
                continue
            if silenced:
                waiver = silenced.waiver_for(s.rule_id, s.line, doc.line_column(s.end)[0])
                if waiver is not None:
                    used.add(waiver)
                    continue
            kept.append(s)
        return kept, used

    def _with_unused_waivers(
        self,
        suggestions: list[Suggestion],
        reviewers: list[Rule],
        rules: list[Rule],
        doc: Document,
        used: set[Waiver],
    ) -> list[Suggestion]:
        """``suggestions`` with those of the rules that judge the suppressions
        (unused-suppression), added after the filter: they sit in comments, which are
        protected text. Only a suppression that names such a rule silences it (one
        that names none would silence the finding about itself)."""
        running = {rule.id for rule in rules}
        every_rule = self.settings.select is None
        silenced = doc.suppressions
        assert silenced is not None
        added = []
        for rule in reviewers:
            for finding in rule.check_waivers(doc, used, running, every_rule):
                first, last = (doc.line_column(at)[0] for at in (finding.start, finding.end))
                if not silenced.silences(rule.id, first, last, named=True):
                    added.append(self._suggestion(rule, finding, doc))
        if not added:
            return suggestions
        return sorted([*suggestions, *added], key=lambda s: (s.start, s.end, s.rule_id))


#: check_many: replies per process at least (fewer: forking costs more than it saves),
#: and replies handed to a worker at a time.
TEXTS_PER_PROCESS = 200
TEXTS_PER_CHUNK = 50

#: What ``check(context=...)`` may hold.
CONTEXT_KEYS = ("customer_message",)


def _customer_message(context: Mapping[str, str] | None) -> str | None:
    """The customer's message of a check's ``context`` (None when not given)."""
    if context is None:
        return None
    if not isinstance(context, Mapping):
        raise InputError(f"context must be a mapping, got {type(context).__name__}")
    unknown = [str(k) for k in context if k not in CONTEXT_KEYS]
    if unknown:
        raise InputError(
            f"unknown context key(s) {', '.join(unknown)} (known: {', '.join(CONTEXT_KEYS)})"
        )
    message = context.get("customer_message")
    if message is not None and not isinstance(message, str):
        raise InputError(f"customer_message must be a str, got {type(message).__name__}")
    return message or None


def _fix_safety(rule: Rule, finding: Finding, replacements: tuple[str, ...]) -> FixSafety | None:
    """A suggestion's fix safety: None without a replacement; "safe" only when the
    finding (or else its rule) is safe and there is one replacement to choose."""
    if not replacements:
        return None
    safety = finding.fix_safety or rule.fix_safety
    return "safe" if safety == "safe" and len(replacements) == 1 else "unsafe"


def _in_protected_text(doc: Document, start: int, end: int) -> bool:
    """Whether a finding overlaps protected text (a URL, a quoted line, code), except a
    word with protected text wholly inside it: ``fu<!-- -->ck`` is one word."""
    if not doc.is_protected(start, end):
        return False
    if doc.is_protected(start, start + 1) or doc.is_protected(end - 1, end):
        return True
    outside = doc.text[start:end]
    for span in doc.protected:
        if span.start < end and span.end > start:
            outside = outside.replace(doc.text[span.start : span.end], "")
    return any(c.isspace() for c in outside)


def _as_list(value: Iterable[str] | str, option: str) -> list[str]:
    if isinstance(value, str):
        return [v for v in value.replace(",", " ").split() if v]
    items = list(value)
    if not all(isinstance(v, str) for v in items):
        raise InputError(f"{option} must be rule ids as strings")
    return items
