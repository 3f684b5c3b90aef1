"""Scores follow docs/scoring.md exactly."""

from __future__ import annotations

import netiquette
from netiquette.scoring import PENALTY


def test_points_per_severity_are_the_documented_ones() -> None:
    assert PENALTY == {"info": 2, "warning": 10, "error": 30}


def test_each_warning_costs_ten_points_in_its_category_and_overall() -> None:
    linter = netiquette.Linter("en", select=["NQ101"])
    # One word in capitals with an exclamation mark is a warning (alone it is info).
    one = linter.check("Please do NOT reply to this e-mail, Sam!")
    two = linter.check("Please DO NOT reply to this e-mail, Sam.")
    assert [s.severity for s in one.suggestions] == ["warning"]
    assert one.scores["tone"] == 90 and one.score == 90
    assert two.scores["tone"] == 80 and two.score == 80
    assert all(v == 100 for k, v in two.scores.items() if k != "tone")


def test_error_fails_the_gate_whatever_the_score() -> None:
    linter = netiquette.Linter(
        "en", select=["NQ101"], config={"severity": {"NQ101": "error"}, "fail_under": 0}
    )
    report = linter.check("Please do NOT reply.")
    assert report.score == 70 and not report.passed


def test_scores_never_go_below_zero() -> None:
    linter = netiquette.Linter("en", select=["NQ101"])
    report = linter.check("please do " + "NOT and " * 12 + "thanks.")
    assert len(report.suggestions) == 12
    assert report.score == 0 and min(report.scores.values()) == 0
