"""HTML in replies: tags are neither checked nor counted, and spans stay exact."""

from __future__ import annotations

import netiquette
from netiquette.templates import load as load_templates
from netiquette.text.markup import blank_tags, looks_like_html, strip_html

HTML = '<p>Hi Maria,</p><p>Please DO NOT reply.<BR></p><div class="note">Thanks, <b>Sam</b></div>'


def test_tags_are_blanked_in_place_and_placeholders_kept() -> None:
    blank = blank_tags(HTML + " <order number>")
    assert len(blank) == len(HTML) + len(" <order number>")
    assert "<" not in blank[: len(HTML)] and blank.endswith("<order number>")
    assert blank[blank.index("Maria") :].startswith("Maria,")
    assert looks_like_html(HTML) and not looks_like_html("Dear <NAME>, see <order number>")
    assert strip_html("<p>Fish &amp; chips</p>").strip() == "Fish & chips"


def test_rules_do_not_see_html_tags() -> None:
    report = netiquette.Linter("en").check(HTML + " Your <order number> ships today.")
    found = [(s.rule_id, s.match) for s in report.suggestions]
    assert ("NQ101", "DO") in found and ("NQ101", "NOT") in found
    assert ("NQ501", "<order number>") in found
    assert not [s for s in report.suggestions if "<" in s.match and s.rule_id != "NQ501"]
    for s in report.suggestions:
        assert report.text[s.start : s.end] == s.match


def test_an_html_copy_of_a_template_is_matched_with_a_span_into_the_html() -> None:
    template = (
        "Hi {{first_name}}, thanks for getting in touch. I've processed your refund and it "
        "should reach your account within 5-7 business days."
    )
    tset = load_templates({"refund": template})
    draft = (
        "<p>Hi Maria, thanks for getting in touch.</p><p>I've processed your refund and "
        "it should reach your account within <b>5-7 business days</b>.</p>"
    )
    match = tset.best_match(draft, score_cutoff=90)
    assert match is not None and match.template_id == "refund"
    assert draft[match.start :].startswith("Hi Maria")
    assert draft[: match.end].endswith("days</b>.") or draft[: match.end].endswith("days")
