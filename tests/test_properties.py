"""Property tests: any unicode input checks without crashing, with exact spans, in
English, Turkish (dotted and dotless i, ASCII capitals) and with lang="auto"."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import netiquette

LINTERS = {lang: netiquette.Linter(lang) for lang in ("en", "tr", "auto")}

WORDISH = st.sampled_from(
    [
        "Hi",
        "DUDE",
        "f*ck",
        "s.h.i.t",
        "{{name}}",
        "[NAME]",
        "<order>",
        "!!!",
        "???",
        "u",
        "thx",
        "ASAP",
        "SLA",
        "in order to",
        "unfortunately",
        "you should have",
        "İ",
        "ß",
        "ﬁ",
        "😀",
        ":)",
        "\n",
        "\n\n",
        "> quoted",
        "50%",
        "%NAME%",
        "${x}",
        "`code`",
        "e-mail",
        "https://example.com/A",
        "a@b.co",
        "Kind regards,",
        "\u200b",
        "\r\n",
        "\t",
        "'",
        "’",
    ]
)
#: Turkish words where folding changes length or case pairs differ from English:
#: "İ".lower() is two characters in Python, "I" folds to "ı" in Turkish.
TURKISH = st.sampled_from(
    [
        "İADE",
        "İade",
        "IŞIK",
        "ISTANBUL",
        "SİPARİŞİNİZ",
        "ıı",
        "İİİ",
        "Iİıi",
        "KARGO",
        "siparişin",
        "bekle",
        "Sayın",
        "Saygılarımızla,",
        "İyi günler dileriz.",
        "salak",
        "s*ktir",
        "amk",
        "{{ad}}",
        "[MÜŞTERİ ADI]",
        "KDV'li",
        "hâlâ",
        "kanka",
        "SLA'ya",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(WORDISH, st.text(max_size=8)), max_size=60).map(" ".join),
    st.lists(st.one_of(TURKISH, WORDISH), max_size=60).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(sorted(LINTERS)))
@example("%A%\xa0", "tr")  # a text whose only word is a placeholder: no words to map
def test_any_text_checks_with_exact_spans(text: str, lang: str) -> None:
    report = LINTERS[lang].check(text)
    for s in report.suggestions:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.match
        assert s.line >= 1 and s.column >= 1
        assert s.message
    assert 0 <= report.score <= 100
    assert all(0 <= v <= 100 for v in report.scores.values())
    report.to_dict()
