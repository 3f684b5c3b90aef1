"""Turkish readability: Ateşman, Bezirci-Yılmaz, thresholds and the seeds (Turkish
syllable counts: tests/test_readability.py)."""

from __future__ import annotations

import math

import pytest

import netiquette
from conftest import shared_path
from helpers import SEEDS
from netiquette.engines import readability
from netiquette.text.document import Document

MY_CATEGORIES = ("jargon", "readability", "boilerplate")


def test_atesman_published_example() -> None:
    # Ateşman (1997): 24 sentences, 332 words and 860 syllables score 58.65.
    assert round(readability.atesman(860, 332, 24), 2) == 58.65


def test_bezirci_yilmaz_by_hand() -> None:
    # 2 sentences, 20 words: 4 of 3 syllables, 2 of 4, 2 of 5, 1 of 7 (6+).
    by_syllables = [0, 5, 6, 4, 2, 2, 0, 1]
    expected = math.sqrt(10 * (0.84 * 2 + 1.5 * 1 + 3.5 * 1 + 26.25 * 0.5))
    assert readability.bezirci_yilmaz(20, 2, by_syllables) == pytest.approx(expected)
    # Words of one or two syllables do not weigh at all.
    assert readability.bezirci_yilmaz(8, 1, [0, 4, 4]) == 0.0


def test_turkish_formula_is_registered() -> None:
    assert readability.formula("tr") is readability.FORMULAS["atesman"]
    text = "Siparişiniz bugün kargoya verildi. Yarın adresinize teslim edilecek."
    figures = readability.scores(Document(text, "tr"))
    # 2 sentences, 8 words, 26 syllables.
    assert figures["reading_ease"] == round(readability.atesman(26, 8, 2), 1)
    assert figures["grade"] > 0


def test_turkish_report_metrics() -> None:
    report = netiquette.check(
        "Merhaba Ayşe Hanım, iadeniz bugün kartınıza yapıldı. Tutar üç iş günü içinde "
        "hesabınıza yansır. İyi günler dileriz.",
        lang="tr",
    )
    assert {"reading_ease", "grade"} <= set(report.metrics)
    assert report.metrics["reading_ease"] > 50


def test_plain_reply_reads_easier_than_bureaucratic_one() -> None:
    plain = "Ödemeniz alınamadı. Bankanız onay vermedi. Lütfen bankanızı arayın."
    formal = (
        "Ödemenizin gerçekleştirilememesinin, bankanızca uygulanan güvenlik "
        "doğrulamasının başarısızlıkla sonuçlanmasından kaynaklandığı belirlenmiştir."
    )
    easy = readability.scores(Document(plain, "tr"))
    hard = readability.scores(Document(formal, "tr"))
    assert easy["reading_ease"] > hard["reading_ease"]
    assert easy["grade"] < hard["grade"]


LONG = (
    "Merhaba, hesabınızı kontrol ettiğimizde ödemenin iki kez alındığını gördük çünkü ilk "
    "deneme bizim tarafımızda zaman aşımına uğradı ve bu yüzden muhasebe ekibimizden "
    "ikinci ödemenin iadesini istedik, tutar beş iş günü içinde yansır."
)


def test_turkish_sentence_limit_is_the_language_default() -> None:
    words = len(LONG.split())
    assert 28 < words <= 35
    found = netiquette.Linter("tr", select=["NQ402"]).check(LONG).suggestions
    assert [s.rule_id for s in found] == ["NQ402"]
    # English keeps its own default of 35 words.
    english = " ".join(["word"] * words) + "."
    assert not netiquette.Linter("en", select=["NQ402"]).check(english).suggestions


def test_explicit_setting_beats_the_language_default() -> None:
    linter = netiquette.Linter("tr", select=["NQ402"], config={"max_sentence_words": 40})
    assert not linter.check(LONG).suggestions


def test_wordy_phrase_replacement_keeps_capital() -> None:
    found = netiquette.Linter("tr", select=["NQ403"]).check("Mevcut durumda stokta yok.")
    assert [(s.match, s.replacements) for s in found.suggestions] == [
        ("Mevcut durumda", ("Şu an",))
    ]


@pytest.mark.parametrize("name", SEEDS)
def test_seeds_raise_no_warning_in_my_categories(name: str) -> None:
    text = shared_path("seeds", name).read_text(encoding="utf-8")
    report = netiquette.check(text, lang="tr")
    serious = [
        (s.rule_id, s.match)
        for s in report.suggestions
        if s.category in MY_CATEGORIES and s.severity in ("warning", "error")
    ]
    assert serious == []
    # Formal prose, but readable: medium on Ateşman's scale.
    assert 40 <= report.metrics["reading_ease"] <= 70
    assert not [s for s in report.suggestions if s.rule_id == "NQ401"]


FORMAL_REPLY = (
    "Talebinizi aldık ve konuyu ekibimizle birlikte dikkatlice değerlendirdik. Ürününüzün "
    "kargo sürecinde hasar gördüğü anlaşıldığından, yeni ürününüzü bugün öncelikli olarak "
    "kargoya verdik. Eski ürünü geri göndermeniz gerekmiyor. Kargo takip numaranız kayıtlı "
    "elektronik posta adresinize iletildi ve ürününüz iki gün içerisinde teslim edilecek. "
    "Ödemenizle ilgili herhangi bir değişiklik olmayacak ve faturanız hesabınızda otomatik "
    "olarak güncellenecek, güncellenmiş faturanızı dilediğiniz zaman uygulamamızdan "
    "indirebileceksiniz."
)


def test_an_explicit_setting_equal_to_the_english_default_is_kept() -> None:
    # Regression: max_grade = 14 for Turkish was read as "not set" (it equals the
    # English default) and replaced by the Turkish default of 20.
    report = netiquette.Linter("tr", select=["NQ401"]).check(FORMAL_REPLY)
    assert 14 < report.metrics["grade"] <= 20
    assert report.suggestions == ()
    strict = netiquette.Linter("tr", select=["NQ401"], config={"max_grade": 14})
    assert [s.rule_id for s in strict.check(FORMAL_REPLY).suggestions] == ["NQ401"]
    long_sentence = "Bu " + "uzun " * 30 + "bir cümledir."
    assert netiquette.Linter("tr", select=["NQ402"]).check(long_sentence).suggestions
    explicit = netiquette.Linter("tr", select=["NQ402"], config={"max_sentence_words": 35})
    assert explicit.check(long_sentence).suggestions == ()
