"""How scores follow from suggestions (documented in docs/scoring.md).

- Each category starts at 100 and loses a fixed number of points per suggestion:
  info 2, warning 10, error 30. It never goes below 0.
- The overall score is the weighted mean of the category scores, rounded (weights:
  tone 3, profanity 3, boilerplate 2, jargon 1, readability 1, grammar 1 when it ran).
- An error-level suggestion caps the overall score at 69.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from netiquette.report import Suggestion
from netiquette.rule import CATEGORIES

PENALTY = {"info": 2, "warning": 10, "error": 30}
WEIGHTS = {
    "tone": 3,
    "profanity": 3,
    "boilerplate": 2,
    "jargon": 1,
    "readability": 1,
    "grammar": 1,
}
ERROR_CAP = 69


def category_scores(
    suggestions: Iterable[Suggestion], categories: Iterable[str] = CATEGORIES
) -> dict[str, int]:
    """Score 0-100 for every category in ``categories``."""
    scores = dict.fromkeys(categories, 100)
    for suggestion in suggestions:
        if suggestion.category in scores:
            scores[suggestion.category] -= PENALTY[suggestion.severity]
    return {category: max(0, score) for category, score in scores.items()}


def overall_score(scores: Mapping[str, int], has_error: bool) -> int:
    total_weight = sum(WEIGHTS[c] for c in scores)
    if not total_weight:
        return 100
    mean = sum(WEIGHTS[c] * s for c, s in scores.items()) / total_weight
    score = int(mean + 0.5)
    return min(score, ERROR_CAP) if has_error else score
