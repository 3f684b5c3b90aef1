"""The text model: every view of a reply that rules, formulas and metrics share."""

from __future__ import annotations

import pytest

import netiquette
from netiquette.engines import readability
from netiquette.text.document import Document, SharedKey
from netiquette.text.spans import Span, SpanSet


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


GREETING_AND_LIST = (
    "Hi Sam,\n\n"
    "Here is what changes on your plan from Monday:\n"
    "- the monthly price goes down to 12 pounds\n"
    "- calls to landlines stay free\n"
    "- roaming in Europe is included\n"
    "- your contract end date stays the same\n\n"
    "Kind regards,\nJo"
)


def test_metrics_count_the_sentences_every_rule_and_formula_sees() -> None:
    # Regression: the metrics said 1 sentence (spaCy's) while the formula read 5.
    doc = Document(GREETING_AND_LIST, "en")
    texts = [GREETING_AND_LIST[s.start : s.end] for s in doc.sentences]
    assert texts == [
        "Hi Sam,",
        "Here is what changes on your plan from Monday:",
        "the monthly price goes down to 12 pounds",
        "calls to landlines stay free",
        "roaming in Europe is included",
        "your contract end date stays the same",
        "Kind regards,",
        "Jo",
    ]
    metrics = netiquette.check(GREETING_AND_LIST, lang="en").metrics
    assert metrics["sentences"] == len(doc.sentences) == 8
    assert metrics["words_per_sentence"] == round(metrics["words"] / 8, 1)
    # The formula reads the same sentences, leaving out those of one or two words.
    formula_lines = readability.formula_text(doc).splitlines()
    assert len(formula_lines) == sum(1 for s in doc.sentences if s.words >= 3) == 5


def test_statements_join_lines_without_a_full_stop() -> None:
    doc = Document(GREETING_AND_LIST, "en")
    # Nothing ends with a full stop: the whole reply is one statement.
    assert len(doc.statements) == 1
    doc = Document("Hi Sam,\nYour refund is on its way. It takes five days.\nBest,\nJo", "en")
    statements = [doc.text[s.start : s.end] for s in doc.statements]
    assert statements == [
        "Hi Sam,\nYour refund is on its way.",
        "It takes five days.",
        "Best,\nJo",
    ]


@pytest.mark.parametrize(
    ("text", "greeting", "sign_off", "body"),
    [
        (
            "Hi Maria,\n\nYour parcel left our warehouse today.\n\nKind regards,\nSam\nAcme",
            "Hi Maria,",
            "Kind regards,\nSam\nAcme",
            "Your parcel left our warehouse today.",
        ),
        (
            "Hello and thanks for writing in. Your refund is on its way. Best, Sam",
            "Hello",
            "Best, Sam",
            "and thanks for writing in. Your refund is on its way.",
        ),
        (
            "Sam,\nThe invoice is attached.\nAlex Lee\nAcme Support",
            "Sam,",
            None,
            "The invoice is attached.",
        ),
        (
            "Thanks! The invoice is attached and the refund is on its way.",
            None,
            None,
            "Thanks! The invoice is attached and the refund is on its way.",
        ),
        (
            "Merhaba Ayşe Hanım,\nSiparişiniz yarın kargoda olacak.\nİyi günler dileriz.",
            "Merhaba Ayşe Hanım,",
            "İyi günler dileriz.",
            "Siparişiniz yarın kargoda olacak.",
        ),
        (
            "> Kind regards,\n> Bob\nYour order ships today, as promised on the phone.",
            None,
            None,
            "Your order ships today, as promised on the phone.",
        ),
    ],
)
def test_greeting_body_and_sign_off(
    text: str, greeting: str | None, sign_off: str | None, body: str
) -> None:
    lang = "tr" if "Merhaba" in text else "en"
    doc = Document(text, lang)

    def part(span: Span | None) -> str | None:
        return None if span is None else text[span.start : span.end]

    assert part(doc.greeting) == greeting
    assert part(doc.sign_off) == sign_off
    assert part(doc.body) == body


def test_a_sign_off_needs_words_before_it_and_little_after_it() -> None:
    # "Thanks!" opening a reply is not its sign-off, and neither is a "Thanks." with a
    # paragraph after it.
    text = "Thanks.\n" + "We have checked the order and the courier has it now. " * 3
    assert Document(text, "en").sign_off is None


def test_line_and_column_of_offsets() -> None:
    text = "ab\ncd\n\nef"
    doc = Document(text, "en")
    assert [doc.line_column(i) for i in (0, 1, 2, 3, 6, 7, 9)] == [
        (1, 1),
        (1, 2),
        (1, 3),
        (2, 1),
        (3, 1),
        (4, 1),
        (4, 3),
    ]


def test_overlap_queries() -> None:
    spans = SpanSet([Span(10, 20), Span(15, 30), Span(40, 41)])
    assert [spans.overlaps(a, b) for a, b in [(0, 10), (0, 11), (30, 40), (29, 35), (41, 50)]] == [
        False,
        True,
        False,
        True,
        False,
    ]
    assert spans.overlaps(12, 12) and not spans.overlaps(10, 10)
    assert list(spans.gaps(0, 50)) == [Span(0, 10), Span(30, 40), Span(41, 50)]


def test_shared_results_are_computed_once_per_document() -> None:
    key: SharedKey[int] = SharedKey("calls")
    calls: list[str] = []

    def compute(doc: Document) -> int:
        calls.append(doc.text)
        return len(doc.text)

    doc = Document("Hello there", "en")
    assert doc.shared(key, compute) == doc.shared(key, compute) == 11
    assert Document("Hi", "en").shared(key, compute) == 2
    assert calls == ["Hello there", "Hi"]


@pytest.mark.parametrize(
    ("lang", "text", "labels"),
    [
        # Short quotations in every kind of quotation mark.
        ("en", 'Tap "Pair" and then “Forget This Device”.', ["Pair", "Forget This Device"]),
        ("en", "Choose 'Keep my plan' on the next page.", ["Keep my plan"]),
        ("tr", "«Kaydet» düğmesine, ardından „Tamam“ seçeneğine dokunun.", ["Kaydet", "Tamam"]),
        # An apostrophe inside or after a word is no quotation mark.
        ("en", "Don't worry, the customer's parcel is the courier's now.", []),
        ("tr", "PIN'inizi ve IBAN'ınızı kimseyle paylaşmayın.", []),
        # A quoted sentence is not a label; nor is a quotation across lines.
        ("en", 'You wrote "the charger stopped working after one week of normal use".', []),
        ("en", 'The box says "Model\nnumber".', []),
        # Menu paths: capitalised steps joined by ">" (or "&gt;" in HTML).
        ("en", "Open Settings > Privacy > Delete account.", ["Open Settings > Privacy > Delete"]),
        (
            "tr",
            "Gelişmiş &gt; Sistem &gt; Yazılım Güncelleme",
            ["Gelişmiş &gt; Sistem &gt; Yazılım Güncelleme"],
        ),
        # Comparisons and quoted lines are not menu paths.
        ("en", "If the total is > 50 the discount applies; a > b.", []),
        ("en", "> Settings > Privacy does not work\nTry again.", []),
    ],
)
def test_labels_are_short_quotations_and_menu_paths(
    lang: str, text: str, labels: list[str]
) -> None:
    doc = Document(text, lang)
    assert [text[s.start : s.end] for s in doc.labels] == labels
    for span in doc.labels:
        assert doc.in_label(span.start, span.end)
    assert not doc.in_label(len(text), len(text))
