"""Which columns of an archive the audit reads, and the names its results give them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from netiquette.core import CATEGORIES, ConfigError, InputError

#: The id column used when none is named and the archive has it.
DEFAULT_ID = "id"
#: The time column used when none is named: the first of these the archive has.
DEFAULT_TIMES = ("created_at", "timestamp", "time", "date")
#: The derived group (the ISO week of the time), always a column of the results.
WEEK = "week"
#: The results' per-category score columns, in the categories' order.
SCORE_COLUMNS = tuple(f"score_{category}" for category in CATEGORIES)
#: Columns of the results that a group column may not be named after.
RESERVED = frozenset(
    {
        "row",
        "id",
        "time",
        "week",
        "lang",
        "words",
        "score",
        "passed",
        "suggestions",
        "text",
        "error",
        *SCORE_COLUMNS,
    }
)


@dataclass(frozen=True)
class Columns:
    """The archive's columns for each role. ``group_by`` holds the group columns as the
    user named them (``week`` among them is derived from the time, not read)."""

    text: str = "text"
    id: str | None = None
    time: str | None = None
    lang: str | None = None
    group_by: tuple[str, ...] = ()

    @property
    def groups(self) -> tuple[str, ...]:
        """The group columns read from the archive (``week`` is derived)."""
        return tuple(g for g in self.group_by if g != WEEK)

    def source_columns(self) -> list[str]:
        """The archive columns read, each once, in a fixed order."""
        named = [self.text, self.id, *self.groups, self.time, self.lang]
        return list(dict.fromkeys(c for c in named if c is not None))

    def resolve(self, available: Sequence[str], where: str) -> Columns:
        """These columns with the defaults filled in from ``available`` (the
        archive's columns). A named column that is missing is an InputError; a group
        column named like a results column is a ConfigError."""
        _check_groups(self.group_by)
        have = set(available)
        chosen = self
        if chosen.id is None and DEFAULT_ID in have:
            chosen = replace(chosen, id=DEFAULT_ID)
        if chosen.time is None:
            found = next((c for c in DEFAULT_TIMES if c in have), None)
            chosen = replace(chosen, time=found)
        roles = [("text", chosen.text), ("id", chosen.id), ("time", chosen.time)]
        roles += [("lang", chosen.lang)] + [("group", g) for g in chosen.groups]
        for role, name in roles:
            if name is not None and name not in have:
                shown = ", ".join(list(available)[:20]) or "none"
                flag = "--group-by" if role == "group" else f"--{role}-column"
                raise InputError(f"{where}: no column '{name}' ({flag}); the archive has: {shown}")
        if WEEK in chosen.group_by and chosen.time is None:
            raise ConfigError(
                f"--group-by week needs a time column: {where} has none of "
                f"{', '.join(DEFAULT_TIMES)} (name one with --time-column)"
            )
        return chosen


def _check_groups(group_by: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in group_by:
        if not name:
            raise ConfigError("--group-by: an empty column name")
        if name in seen:
            raise ConfigError(f"--group-by: '{name}' is named twice")
        seen.add(name)
        if name != WEEK and (name in RESERVED or _is_rule_id(name)):
            raise ConfigError(
                f"--group-by: '{name}' is the name of a results column; rename it in the "
                "archive or leave it out"
            )


def _is_rule_id(name: str) -> bool:
    return len(name) == 5 and name.startswith("NQ") and name[2:].isdigit()


def split_names(value: str | None) -> tuple[str, ...]:
    """``agent,channel,week`` -> ("agent", "channel", "week") (a name may hold spaces)."""
    if not value:
        return ()
    return tuple(v.strip() for v in value.split(",") if v.strip())
