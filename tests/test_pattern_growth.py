"""No regular expression netiquette runs over text can take more than linear time.

Each pattern runs on adversarial strings of 1,000 and 8,000 characters (runs of its
own punctuation and literals, and of the usual suspects: tabs, "<!--", "```", capital
X's ...). Linear time grows 8x; the quadratic patterns this test was written against
grew 50-60x and the exponential one never finished. A pattern fails when it grows
more than 24x and takes over 2 ms at the larger size, in three measurements (a busy
machine can slow one).
"""

from __future__ import annotations

import re

import pytest

from pattern_growth import Found, all_patterns, worst_growth

PATTERNS = all_patterns()


def test_the_patterns_are_found_in_modules_and_in_rules() -> None:
    where = [p.where for p in PATTERNS]
    assert len(PATTERNS) > 80
    assert any(w.startswith("netiquette.text.placeholders.") for w in where)
    assert any(w.startswith("en:") for w in where) and any(w.startswith("tr:") for w in where)
    # used only with .match at one position, so timed that way
    assert any(not p.scanned for p in PATTERNS)


@pytest.mark.parametrize("found", PATTERNS, ids=[p.where for p in PATTERNS])
def test_pattern_time_grows_linearly(found: Found) -> None:
    ratio, unit, big = worst_growth(found, 1_000, 8_000)
    for _ in range(2):  # a busy machine can slow one run: a real quadratic fails each time
        if ratio <= 24:
            break
        ratio, unit, big = min((ratio, unit, big), worst_growth(found, 1_000, 8_000))
    assert ratio <= 24, f"{ratio:.0f}x from 1k to 8k of {unit!r} ({big * 1000:.0f} ms)"


def test_a_quadratic_pattern_is_caught() -> None:
    """The measure itself: a pattern that rescans the rest of the text from every
    position (quadratic under finditer) grows far beyond 24x; a linear one does not."""
    quadratic = Found("quadratic", re.compile(r"!*X"), scanned=True)
    linear = Found("linear", re.compile(r"!+X?"), scanned=True)
    assert worst_growth(quadratic, 1_000, 8_000)[0] > 24
    assert worst_growth(linear, 1_000, 8_000)[0] <= 24
