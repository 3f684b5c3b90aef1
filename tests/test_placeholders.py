"""The placeholder engine (engines/placeholders.py) and NQ501 on real canned responses."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netiquette
from helpers import cx_macros, freecodecamp_text
from netiquette.lang import load
from netiquette.text.placeholders import find


def found(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find(text, "en")]


@pytest.mark.parametrize(
    ("text", "expected", "syntax"),
    [
        ("Hi {{first_name}},", "{{first_name}}", "double-brace"),
        ("Hi {{ ticket.requester.name }}!", "{{ ticket.requester.name }}", "double-brace"),
        ("Hi {{{first_name}}},", "{{{first_name}}}", "double-brace"),
        (
            "Hi {{ first_name | fallback: 'there' }},",
            "{{ first_name | fallback: 'there' }}",
            "double-brace",
        ),
        ("{% if vip %}Free returns.", "{% if vip %}", "liquid"),
        (
            "Hi {%customer.firstName,fallback=there%},",
            "{%customer.firstName,fallback=there%}",
            "liquid",
        ),
        ("Hi ${name},", "${name}", "dollar-brace"),
        ("Dear {!Contact.FirstName},", "{!Contact.FirstName}", "salesforce"),
        ("Hi *|FNAME|*,", "*|FNAME|*", "mailchimp"),
        ("Dear {name},", "{name}", "single-brace"),
        ("I'll update you by {timeframe}.", "{timeframe}", "single-brace"),
        ("I've {brief description of fix}, and", "{brief description of fix}", "single-brace"),
        ("Status: {High / Medium / Low}", "{High / Medium / Low}", "single-brace"),
        ("within {X–Y hours/days}", "{X–Y hours/days}", "single-brace"),
        ("Hello {0}, welcome back.", "{0}", "single-brace"),
        ("Hello %NAME%,", "%NAME%", "percent"),
        ("Hello %first_name%,", "%first_name%", "percent"),
        ("Dear [CUSTOMER NAME],", "[CUSTOMER NAME]", "square"),
        ("Dear [Customer Name],", "[Customer Name]", "square"),
        ("Dear [Customer's name],", "[Customer's name]", "square"),
        ("It ships on [insert date].", "[insert date]", "square"),
        ("Hi [first_name],", "[first_name]", "square"),
        ("Best, [Your Name]", "[Your Name]", "square"),
        ("Hi [[first_name]],", "[[first_name]]", "double-square"),
        ("Your <order number> shipped.", "<order number>", "angle"),
        ("Hi <NAME>,", "<NAME>", "angle"),
        ("Hi <first_name>,", "<first_name>", "angle"),
        ("Sent to <Address> today.", "<Address>", "angle"),
        ("Same as PR <#number>.", "<#number>", "angle"),
        ("Hi <<FIRST_NAME>>,", "<<FIRST_NAME>>", "double-angle"),
        ("Hi «FirstName»,", "«FirstName»", "guillemet"),
        ("Order XXXX has shipped.", "XXXX", "x-run"),
        ("Duplicate of issue #XXXXX.", "XXXXX", "x-run"),
        ("Call XXX-XXX-XXXX today.", "XXX-XXX-XXXX", "x-run"),
        ("Your reference is ______ today.", "______", "blank"),
        ("Hey @username, thanks!", "@username", "mention"),
    ],
)
def test_every_syntax_is_found(text: str, expected: str, syntax: str) -> None:
    placeholders = find(text, "en")
    assert [text[p.start : p.end] for p in placeholders] == [expected]
    assert placeholders[0].syntax == syntax


@pytest.mark.parametrize(
    "text",
    [
        "The refund (see below) was issued today.",
        "As noted in the manual [1], restart the router.",
        'You wrote "adress" [sic], so I checked both.',
        "Your e-mail [name redacted] was forwarded.",
        "[EXTERNAL EMAIL] Re: your order",
        "Re: [Order #48213] your parcel",
        "[PDF] Invoice March",
        "<b>Bold</b> text and a line<br/>break and <br> and </p>",
        "<details><summary>More</summary></details>",
        "Address block: <address>1 Main St</address> <time>9 am</time>",
        "Open <https://example.com/help> or write to <help@example.com>.",
        "Save 50% off shoes, 20% more points, 100%!",
        'Error: {"code": 404, "message": "not found"}',
        "CSS such as {color: red} or a pattern like \\d{3} or {1, 2, 3}.",
        'Ruby: "#{name}" and maths: the set {x} or {r}.',
        "You can [click here](https://example.com/orders) or see [the guide][1].",
        "[1]: https://example.com/guide",
        "![order screenshot](shot.png)",
        "Checklist: [x] reset [ ] update [X] done",
        "We <3 our customers, and >_< happens.",
        "If the amount < 50 and the order date > today, it is free.",
        "Card XXXX-XXXX-XXXX-4242 and XXXX XXXX XXXX 4242 were charged.",
        "The XXL and XXXL sizes are back.",
        "Open %APPDATA%\\Acme or C:\\Users\\%USERNAME%\\Documents.",
        "Press <Enter>, then <Ctrl>+<C>.",
        "Write to support@username.com or @acme on Twitter.",
        "Signature line:\n__________\nSam",
        "The __init__ file and a snake_case_name.",
        "[url]https://example.com[/url] and [b]bold[/b]",
        "[image: order-confirmation.png]",
        "Cloudflare shows [email protected] for hidden addresses.",
        "A list: [Name: Sam] and $form['id'] in code.",
    ],
)
def test_ordinary_brackets_are_not_placeholders(text: str) -> None:
    assert found(text) == []


def test_placeholders_inside_rejected_brackets_are_still_found() -> None:
    assert found("<b>{{first_name}}</b>") == ["{{first_name}}"]
    assert found("[see {{ticket.id}}](https://x.example)") == ["{{ticket.id}}"]


def test_spans_are_sorted_and_do_not_overlap() -> None:
    text = "Hi {{first_name}} [CUSTOMER NAME] <order number> {timeframe} %NAME% XXXX"
    spans = [(p.start, p.end) for p in find(text, "en")]
    assert len(spans) == 6
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "{",
                    "}",
                    "{{",
                    "}}",
                    "[",
                    "]",
                    "<",
                    ">",
                    "%",
                    "$",
                    "X",
                    "XXX",
                    "_",
                    "____",
                    "@",
                    "«",
                    "»",
                    "*|",
                    "|*",
                    "name",
                    "NAME",
                    "order number",
                    " ",
                    "\n",
                    "1",
                    "https://a.example",
                    "(",
                    ")",
                    "!",
                    "#",
                    ":",
                    '"',
                    "'",
                ]
            ),
            st.text(max_size=5),
        ),
        max_size=40,
    ).map("".join)
)
def test_find_never_returns_bad_spans(text: str) -> None:
    last_end = 0
    for p in find(text, "en"):
        assert last_end <= p.start < p.end <= len(text)
        last_end = p.end


def test_placeholder_data_is_clean() -> None:
    data = load("en", "placeholders.yaml")
    counts = {"keywords": 60, "not_placeholders": 36, "mentions": 9}
    assert {key: len(data[key]) for key in counts} == counts
    for key in counts:
        words = data[key]
        assert words == sorted(words), f"{key} is not sorted"
        assert len(words) == len(set(words)), f"{key} has duplicates"
        assert all(w == w.lower().strip() and w for w in words), key
    assert not set(data["keywords"]) & set(data["not_placeholders"])


def test_other_rules_do_not_flag_inside_placeholders() -> None:
    text = "Dear [CUSTOMER NAME], your parcel left today."
    # NQ101 flags "CUSTOMER NAME" in capitals anywhere else ...
    bare = text.replace("[", "").replace("]", "")
    shouted = netiquette.Linter("en", select=["NQ101"]).check(bare)
    assert [s.rule_id for s in shouted.suggestions] == ["NQ101"]
    # ... but inside a placeholder only NQ501 speaks.
    report = netiquette.Linter("en", select=["NQ101", "NQ501"]).check(text)
    assert [s.rule_id for s in report.suggestions] == ["NQ501"]
    errors = [s for s in report.suggestions if s.rule_id == "NQ501"]
    assert [s.match for s in errors] == ["[CUSTOMER NAME]"]
    assert errors[0].severity == "error"
    assert "[CUSTOMER NAME]" in errors[0].message
    assert errors[0].data == {"syntax": "square", "name": "CUSTOMER NAME"}
    assert not report.passed


# -- real canned responses, read in place from ../shared/ (never copied) -----------------


def test_cx_macros_placeholders_are_all_found_and_nothing_else() -> None:
    blocks = [block for _, block in cx_macros()]
    assert len(blocks) >= 60
    with_placeholders = 0
    for block in blocks:
        expected = re.findall(r"\{[^{}\n]*\}", block)
        with_placeholders += bool(expected)
        assert found(block) == expected, block
    assert with_placeholders >= 40


def test_cx_macros_used_as_drafts_are_flagged_by_nq501() -> None:
    linter = netiquette.Linter("en", select=["NQ501"])
    blocks = cx_macros()
    assert len(blocks) >= 60
    for name, block in blocks:
        report = linter.check(block)
        matches = [s.match for s in report.suggestions]
        assert matches == re.findall(r"\{[^{}\n]*\}", block), (name, block)


def test_freecodecamp_reply_templates() -> None:
    assert found(freecodecamp_text()) == ["@username"] * 5 + [
        "<#number>",
        "@username",
        "XXXXXX",
        "XXXXX",
    ]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}[]<>%«»@_$*X|!#-./\\:a1é \n")), max_size=40))
def test_triggers_are_every_place_a_placeholder_can_start(text: str) -> None:
    """``find`` tries its patterns only at trigger characters; trying them at every
    character finds the same placeholders, so no trigger is missing."""
    from netiquette.text import placeholders

    everywhere = re.compile(r"(?s).")
    expected = find(text, "en")
    saved = placeholders._TRIGGER
    placeholders._TRIGGER = everywhere
    try:
        assert placeholders.find(text, "en") == expected
    finally:
        placeholders._TRIGGER = saved
