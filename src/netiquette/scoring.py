"""How scores follow from suggestions (documented in docs/scoring.md).

Every suggestion costs points by severity: info 2, warning 10, error 30.

- A category score is 100 minus the points of that category's suggestions.
- The overall score is 100 minus the points of all suggestions.
- No score goes below 0.

So a reply with one warning scores 90, with three warnings 70, and with one error 70
(and an error-level suggestion fails the gate whatever the score).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from netiquette.core import CATEGORIES, Category
from netiquette.report import Suggestion

PENALTY = {"info": 2, "warning": 10, "error": 30}


def category_scores(
    suggestions: Iterable[Suggestion], categories: Iterable[Category] = CATEGORIES
) -> dict[Category, int]:
    """Score 0-100 for every category in ``categories``."""
    scores = dict.fromkeys(categories, 100)
    for suggestion in suggestions:
        if suggestion.category in scores:
            scores[suggestion.category] -= PENALTY[suggestion.severity]
    return {category: max(0, score) for category, score in scores.items()}


def overall_score(suggestions: Sequence[Suggestion]) -> int:
    """100 minus the points of every suggestion, at least 0."""
    return max(0, 100 - sum(PENALTY[s.severity] for s in suggestions))


def verdict(suggestions: Sequence[Suggestion], fail_under: int) -> tuple[int, bool]:
    """The overall score and whether the text passes the gate: no error-level
    suggestion, and the score at least ``fail_under``."""
    score = overall_score(suggestions)
    has_error = any(s.severity == "error" for s in suggestions)
    return score, not has_error and score >= fail_under
