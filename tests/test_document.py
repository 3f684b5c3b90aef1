"""The text model: every view of a reply that rules, formulas and metrics share."""

from __future__ import annotations

from netiquette.text.document import Document


def _sentences(text: str) -> list[tuple[str, int]]:
    doc = Document(text, "en")
    return [(text[s.start : s.end], s.words) for s in doc.sentences]


def test_sentences_split_at_blank_lines_list_items_and_capitalised_lines() -> None:
    text = (
        "Hi Sam,\n\nHere is what to do next:\n- open the app\n* tap Billing\n"
        "2) choose a plan\nKind regards\nJo"
    )
    assert _sentences(text) == [
        ("Hi Sam,", 2),
        ("Here is what to do next:", 6),
        ("open the app", 3),
        ("tap Billing", 2),
        ("choose a plan", 3),
        ("Kind regards", 2),
        ("Jo", 1),
    ]


def test_a_hard_wrapped_sentence_stays_whole() -> None:
    text = "We sent the parcel on Monday and it\nshould reach you by Friday at the latest."
    assert _sentences(text) == [(text, 16)]


def test_quoted_lines_urls_and_placeholders_are_not_counted() -> None:
    text = (
        "> why is my order late again\nHi {{first_name}}, the tracking page is "
        "https://example.com/t/123 for your order."
    )
    assert _sentences(text) == [
        ("Hi {{first_name}}, the tracking page is https://example.com/t/123 for your order.", 8)
    ]


def test_reportable_keeps_the_longest_clean_stretch() -> None:
    text = "See https://example.com/a for the steps and the form you need to fill in today."
    doc = Document(text, "en")
    span = doc.reportable(0, len(text))
    assert span is not None
    assert text[span.start : span.end] == "for the steps and the form you need to fill in today."
    assert doc.reportable(4, 25) is None  # only the URL
