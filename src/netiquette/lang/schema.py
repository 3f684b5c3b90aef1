"""The schema of the language data files: closed keys and value types.

Every YAML file of ``lang/<iso>/`` is checked against its schema when it is loaded, so
a misspelt key, a number where a list belongs or an unknown key in a phrase entry is a
:class:`~netiquette.core.ConfigError` that names the file, the section (usually the
rule) and the entry, before any rule is built. The schemas say what may be there, not
what must be: a language leaves out the sections of rules it has no data for.

The phrase entry keys (:data:`PHRASE_ENTRY_KEYS`, :data:`CONDITION_KEYS`) are defined
here, for the data format, and read by the phrase engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from netiquette.core import FIX_SAFETIES, SEVERITIES, ConfigError

#: Context conditions of a phrase entry (engines/conditions.py).
CONTEXT_KEYS = (
    "preceded_by",
    "not_preceded_by",
    "followed_by",
    "not_followed_by",
    "after",
    "not_after",
    "before",
    "not_before",
)
CONDITION_KEYS = frozenset({*CONTEXT_KEYS, "sentence_start", "clause_end", "case"})
#: Keys every phrase entry may have (a rule may accept more: ``PhraseRule.entry_keys``).
PHRASE_ENTRY_KEYS = frozenset(
    {
        "phrase",
        "pattern",
        "replacement",
        "replacements",
        "message",
        "severity",
        "note",
        "source",
        "requires",
        "first_words",
        "fix_safety",
    }
    | CONDITION_KEYS
)
CASES = ("lower", "upper")


class Schema:
    """A check of one value; ``where`` names the place for the error message."""

    def check(self, value: Any, where: str) -> None:
        raise NotImplementedError

    @staticmethod
    def fail(where: str, message: str) -> ConfigError:
        return ConfigError(f"{where}: {message}")


class _Type(Schema):
    def __init__(self, kinds: tuple[type, ...], name: str) -> None:
        self.kinds = kinds
        self.name = name

    def check(self, value: Any, where: str) -> None:
        if isinstance(value, bool) and bool not in self.kinds:
            raise self.fail(where, f"expected {self.name}, got {value!r}")
        if not isinstance(value, self.kinds):
            raise self.fail(where, f"expected {self.name}, got {value!r}")


TEXT = _Type((str,), "text")
INT = _Type((int,), "a whole number")
NUMBER = _Type((int, float), "a number")
BOOL = _Type((bool,), "true or false")


class Choice(Schema):
    def __init__(self, *values: str) -> None:
        self.values = values

    def check(self, value: Any, where: str) -> None:
        if value not in self.values:
            raise self.fail(where, f"expected one of {', '.join(self.values)}, got {value!r}")


class ListOf(Schema):
    def __init__(self, item: Schema) -> None:
        self.item = item

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {value!r}")
        for i, item in enumerate(value):
            self.item.check(item, f"{where}[{i}]{_label(item)}")


class OneOf(Schema):
    """Any of ``options``; the error is the last option's."""

    def __init__(self, *options: Schema) -> None:
        self.options = options

    def check(self, value: Any, where: str) -> None:
        error: ConfigError | None = None
        for option in self.options:
            try:
                option.check(value, where)
                return
            except ConfigError as exc:
                error = exc
        assert error is not None
        raise error


class MapOf(Schema):
    """A mapping with free keys (written as text or as numbers) and typed values."""

    def __init__(self, value: Schema) -> None:
        self.value = value

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, Mapping):
            raise self.fail(where, f"expected a mapping, got {value!r}")
        for key, item in value.items():
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                raise self.fail(where, f"bad key {key!r}")
            self.value.check(item, f"{where}: {key}")


class Record(Schema):
    """A mapping with a closed set of keys, each with its own schema."""

    def __init__(self, fields: Mapping[str, Schema], required: Sequence[str] = ()) -> None:
        self.fields = dict(fields)
        self.required = tuple(required)

    def check(self, value: Any, where: str) -> None:
        if value is None:
            value = {}
        if not isinstance(value, Mapping):
            raise self.fail(where, f"expected a mapping, got {value!r}")
        unknown = [str(k) for k in value if k not in self.fields]
        if unknown:
            known = ", ".join(sorted(self.fields))
            raise self.fail(where, f"unknown key(s) {', '.join(unknown)} (known: {known})")
        missing = [k for k in self.required if k not in value]
        if missing:
            raise self.fail(where, f"missing key(s) {', '.join(missing)}")
        for key, item in value.items():
            self.fields[key].check(item, f"{where}: {key}")


def _label(item: Any) -> str:
    """`` ('the phrase')`` for an entry, so an error names it."""
    if isinstance(item, Mapping):
        for key in ("phrase", "pattern", "word"):
            if isinstance(item.get(key), str):
                return f" ({item[key]!r})"
    return ""


STRINGS = ListOf(TEXT)
_STRING_OR_STRINGS = OneOf(TEXT, STRINGS)
_CONDITION = OneOf(TEXT, ListOf(TEXT), Record({"pattern": TEXT}, required=("pattern",)))


def phrases(**own_keys: Schema) -> Schema:
    """A phrase list: phrases, or entries with the keys of the phrase engine and
    ``own_keys``, the keys the rule reads itself."""
    entry = Record(
        {
            "phrase": TEXT,
            "pattern": TEXT,
            "replacement": TEXT,
            "replacements": _STRING_OR_STRINGS,
            "message": OneOf(TEXT, MapOf(TEXT)),
            "severity": Choice(*SEVERITIES),
            "note": TEXT,
            "source": TEXT,
            "requires": _STRING_OR_STRINGS,
            "first_words": _STRING_OR_STRINGS,
            "fix_safety": Choice(*FIX_SAFETIES),
            **dict.fromkeys(CONTEXT_KEYS, _CONDITION),
            "sentence_start": BOOL,
            "clause_end": BOOL,
            "case": Choice(*CASES),
            **own_keys,
        }
    )
    return ListOf(OneOf(TEXT, entry))


PHRASES = phrases()

_PROFANITY_ENTRY_FIELDS: dict[str, Schema] = {
    "word": TEXT,
    "forms": _STRING_OR_STRINGS,
    "replacements": MapOf(_STRING_OR_STRINGS),
    "not_before": _STRING_OR_STRINGS,
    "not_after": _STRING_OR_STRINGS,
    "except": _STRING_OR_STRINGS,
    "name_when_capitalised": BOOL,
    "mask_first_letter": BOOL,
    "open_suffix": BOOL,
    "lower_only": BOOL,
    "dotless": BOOL,
    "note": TEXT,
}
_PROFANITY_NORMALISER_FIELDS: dict[str, Schema] = {
    "strip_accents": BOOL,
    "letter_map": MapOf(TEXT),
    "leet": MapOf(_STRING_OR_STRINGS),
    "masks": TEXT,
    "loose_masks": TEXT,
    "separators": TEXT,
    "min_visible_letters": INT,
    "min_visible_ratio": NUMBER,
    "min_digit_leet_length": INT,
}
#: Keys of an entry and of the normaliser of profanity.yaml (engines/profanity/).
PROFANITY_ENTRY_KEYS = frozenset(_PROFANITY_ENTRY_FIELDS)
PROFANITY_NORMALISER_KEYS = frozenset(_PROFANITY_NORMALISER_FIELDS)
_PROFANITY_ENTRY = OneOf(TEXT, Record(_PROFANITY_ENTRY_FIELDS, required=("word",)))
_PROFANITY_TIER = Record(
    {category: ListOf(_PROFANITY_ENTRY) for category in ("profanity", "slur", "sexual", "insult")}
)

#: The schema of each YAML data file, by file name.
FILES: dict[str, Schema] = {
    # Rule id -> key -> text: the rules' messages, summaries and explanations in this
    # language (the rules' own English is the source; tests/test_messages.py checks
    # that every rule has every key).
    "messages.yaml": MapOf(MapOf(TEXT)),
    "language.yaml": Record(
        {
            "name": TEXT,
            "spacy": TEXT,
            "casing": Choice("default", "turkic"),
            "detection": Record({"letters": TEXT, "fallback": BOOL, "words": ListOf(TEXT)}),
            "warm_up": TEXT,
            "readability": Record({"formula": TEXT}, required=("formula",)),
            "equivalent_letters": MapOf(TEXT),
            "options": Record(
                {"max_sentence_words": INT, "min_reading_ease": NUMBER, "max_grade": NUMBER},
                required=("max_sentence_words", "min_reading_ease", "max_grade"),
            ),
        },
        required=("name", "spacy", "casing", "warm_up", "readability", "options"),
    ),
    "acronyms.yaml": Record(
        {
            **dict.fromkeys(
                ("everyday", "names", "units", "currencies", "calendar", "time_zones", "regions"),
                STRINGS,
            ),
            "expansions": MapOf(TEXT),
        }
    ),
    "boilerplate.yaml": Record(
        {
            "template-copy": Record({"min_words": INT}),
            "generic-reply": Record(
                {
                    "min_filler": INT,
                    "max_words": INT,
                    "max_other_words": INT,
                    "filler": PHRASES,
                    "glue": STRINGS,
                }
            ),
        }
    ),
    "grammar.yaml": Record(
        {
            "languagetool": Record(
                {
                    "language": TEXT,
                    "disabled_rules": STRINGS,
                    "ignored_issue_types": STRINGS,
                    "max_replacements": INT,
                },
                required=("language",),
            ),
            "spelling": Record({"categories": STRINGS, "other_variant": TEXT}),
            "style": Record({"categories": STRINGS, "issue_types": STRINGS}),
        }
    ),
    "jargon.yaml": Record(
        {
            "undefined-acronym": Record(
                {
                    "max_length": INT,
                    "surnames_in_capitals": BOOL,
                    "definition_cues": STRINGS,
                    "vowels": TEXT,
                    "not_glosses": STRINGS,
                    "numbering_words": STRINGS,
                    "code_patterns": STRINGS,
                    "type_nouns": STRINGS,
                    "region_cues": STRINGS,
                    "code_cues": STRINGS,
                    "name_cues": STRINGS,
                    "other_rules_words": STRINGS,
                    "common_words": STRINGS,
                }
            ),
            "support-jargon": PHRASES,
            "chat-speak": PHRASES,
        }
    ),
    "letter.yaml": Record({"greetings": STRINGS, "sign_offs": STRINGS, "not_names": STRINGS}),
    "placeholders.yaml": Record(
        {
            "keywords": STRINGS,
            "not_placeholders": STRINGS,
            "mentions": STRINGS,
            "instructions": STRINGS,
        }
    ),
    "profanity.yaml": Record(
        {
            "normaliser": Record(_PROFANITY_NORMALISER_FIELDS),
            "tiers": Record({"strong": _PROFANITY_TIER, "mild": _PROFANITY_TIER}),
        },
        required=("tiers",),
    ),
    "readability.yaml": Record(
        {
            "syllables": Record(
                {
                    "dictionary": TEXT,
                    "vowels": TEXT,
                    "each_vowel": BOOL,
                    "subtract": STRINGS,
                    "add": STRINGS,
                }
            ),
            "hard-to-read": Record({"min_words": INT}),
            "wordy-phrase": PHRASES,
        }
    ),
    "shouting.yaml": Record(
        {
            "min_long_word": INT,
            "acronym_lists": STRINGS,
            "shouted_words": STRINGS,
            "acronyms": STRINGS,
            "surname_after_name": BOOL,
            "product_words": STRINGS,
            "acronym_before": MapOf(STRINGS),
            "keyword_before": STRINGS,
            "keyword_after": STRINGS,
        }
    ),
    "tone.yaml": Record(
        {
            "excessive-punctuation": Record({"min_dots": INT}),
            "emoji": Record(
                {
                    "emoticons": STRINGS,
                    "line_end_emoticons": STRINGS,
                    "text_symbols": STRINGS,
                    "not_emoji": STRINGS,
                }
            ),
            "over-familiar-address": Record(
                {
                    "words": PHRASES,
                    "address_only": STRINGS,
                    "strong": STRINGS,
                    "openers": STRINGS,
                    "not_sentence_start": STRINGS,
                    "interjections": STRINGS,
                }
            ),
            "blames-customer": PHRASES,
            "condescending": PHRASES,
            "negative-framing": Record(
                {
                    "phrases": phrases(always=BOOL),
                    "alternatives": PHRASES,
                    "after_only": STRINGS,
                    "not_alternatives": PHRASES,
                }
            ),
            "repeated-unfortunately": Record({"phrases": PHRASES}),
            "sarcasm": Record(
                {
                    "phrases": PHRASES,
                    "tags": STRINGS,
                    "praise": PHRASES,
                    "failures": PHRASES,
                    "alone": STRINGS,
                    "eye_rolls": STRINGS,
                }
            ),
            "missing-courtesy": Record({"min_sentences": INT, "courtesy": PHRASES}),
            "informal-address": Record(
                {
                    "endings": STRINGS,
                    "min_stem": INT,
                    "not_words": STRINGS,
                    "phrases": phrases(imperative=BOOL),
                }
            ),
            "stalling-reply": Record(
                {"stalls": PHRASES, "times": PHRASES, "time_units": STRINGS, "next_steps": PHRASES}
            ),
            "slang": PHRASES,
            "aggressive": PHRASES,
            "no-reply-invitation": Record({"min_sentences": INT, "invitations": PHRASES}),
            "name-calling": Record(
                {
                    "phrases": PHRASES,
                    "profanity": Choice("always", "addressed", "never"),
                    "addressed": STRINGS,
                    "imperatives": STRINGS,
                    "speakers": STRINGS,
                    "said_to": STRINGS,
                    "address_distance": INT,
                    "addressed_pattern": TEXT,
                }
            ),
            "missing-greeting": Record({"min_sentences": INT}),
            "missing-closing": Record({"min_sentences": INT, "closings": PHRASES}),
            "missing-empathy": Record({"problems": PHRASES, "acknowledgements": PHRASES}),
            "mirrored-insult": Record({"insults": PHRASES}),
        }
    ),
}
#: Plain-text files: one entry a line.
TEXT_FILES = frozenset({"stopwords.txt"})


def validate(data: Any, name: str, where: str) -> None:
    """Check the parsed file ``name`` against its schema; ConfigError names ``where``."""
    schema = FILES.get(name)
    if schema is None:
        known = ", ".join(sorted(FILES))
        raise ConfigError(f"{where}: no schema for a data file named '{name}' (known: {known})")
    schema.check(data, where)
