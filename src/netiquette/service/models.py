"""The shapes of the HTTP API: requests, and the report as docs/report.schema.json
describes it (tests/test_service.py keeps the two in step)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from netiquette.lang import AUTO, codes

Category = Literal["tone", "profanity", "jargon", "readability", "boilerplate", "grammar"]
RuleKey = str


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Context(Strict):
    """What the reply answers."""

    customer_message: str | None = Field(
        None, description="the customer's message: turns on empathy, mirrored insults and "
        "the customer's name in the greeting"
    )  # fmt: skip


class Options(Strict):
    """How to check: the same for every reply of a request."""

    lang: str = Field(
        "auto",
        description="auto (chosen per text), en or tr",
        json_schema_extra={"enum": [AUTO, *codes()]},
    )
    templates: str | None = Field(
        None, description="id of a template set the service loaded at start"
    )
    select: list[RuleKey] | None = Field(
        None, max_length=100, description="only these rules: ids, names or categories"
    )
    ignore: list[RuleKey] | None = Field(
        None, max_length=100, description="skip these rules: ids, names or categories"
    )
    message_lang: str | None = Field(
        None,
        description="language of the messages: auto (the reply's), en or tr",
        json_schema_extra={"enum": [AUTO, *codes(), None]},
    )


class CheckRequest(Options):
    text: str = Field(description="the draft reply")
    context: Context | None = None


class Item(Strict):
    text: str
    context: Context | None = None


class CheckManyRequest(Options):
    items: list[Item] = Field(min_length=1, description="the drafts, checked in order")


class Suggestion(Strict):
    rule_id: str = Field(pattern=r"^NQ[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    category: Category
    severity: Literal["info", "warning", "error"]
    message: str = Field(min_length=1)
    start: int = Field(ge=0, description="character offset (Python str index) into text")
    end: int = Field(ge=0)
    match: str = Field(description="text[start:end]")
    replacements: list[str]
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    data: dict[str, Any] | None = Field(
        None, description="rule-specific details, e.g. template_id and similarity"
    )
    fix_safety: Literal["safe", "unsafe"] | None = Field(
        None,
        description="safe: the one replacement can be applied without changing the "
        "meaning (netiquette fix applies it); unsafe: a person should choose; null: no "
        "replacement",
    )


class Metrics(BaseModel):
    words: int = Field(ge=0)
    sentences: int = Field(ge=0)
    characters: int | None = Field(None, ge=0)
    words_per_sentence: float | None = None
    reading_ease: float | None = None
    grade: float | None = None


class Report(Strict):
    """One checked text, exactly as ``netiquette check --format json`` writes it."""

    schema_version: Literal["1.0"]
    path: str | None = Field(None, description="file the text came from (CLI only)")
    lang: str = Field(description="language the text was checked in (en, tr)")
    score: int = Field(ge=0, le=100)
    passed: bool = Field(description="no error-level suggestion and score >= fail_under")
    scores: dict[Category, int] = Field(description="per category score; grammar only when it ran")
    metrics: Metrics
    skipped: dict[str, str] = Field(description="categories that did not run, with the reason")
    suggestions: list[Suggestion]
    text: str


class Reports(Strict):
    reports: list[Report]


class Rule(Strict):
    id: str
    name: str
    category: Category
    severity: Literal["info", "warning", "error"]
    languages: list[str]
    fix_safety: Literal["safe", "unsafe"] = Field(
        description="whether netiquette fix applies the rule's replacements by default"
    )
    summary: str


class Problem(Strict):
    """Every error answer: what went wrong, in words a person can act on."""

    error: str = Field(description="a short code: invalid_request, too_large, unauthorized, ...")
    message: str
    details: list[dict[str, Any]] | None = None


class Status(Strict):
    status: Literal["ok", "loading"]
    version: str
