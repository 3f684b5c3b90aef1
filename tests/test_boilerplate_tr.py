"""Turkish boilerplate: placeholders, template matching with Turkish case, filler."""

from __future__ import annotations

import netiquette
from netiquette.templates import TemplateSet
from netiquette.text import placeholders

TEMPLATE = (
    "Sayın {{ad}},\n\nİade talebinizi aldık ve onayladık. Tutar, ödeme yaptığınız karta "
    "3-7 iş günü içinde yansıyacaktır. Hâlâ görünmezse lütfen bize yazın.\n\n"
    "İyi günler dileriz."
)


def test_turkish_placeholders() -> None:
    text = "Merhaba [MÜŞTERİ ADI], <sipariş no> numaralı siparişiniz [PDF] olarak ekte."
    assert [p.name for p in placeholders.find(text, "tr")] == ["MÜŞTERİ ADI", "sipariş no"]


def test_template_matches_turkish_capitals_and_accents() -> None:
    templates = TemplateSet.from_texts({"iade": TEMPLATE}, lang="tr")
    shouted = (
        "SAYIN AYŞE YILDIZ,\n\nİADE TALEBİNİZİ ALDIK VE ONAYLADIK. TUTAR, ÖDEME "
        "YAPTIĞINIZ KARTA 3-7 İŞ GÜNÜ İÇİNDE YANSIYACAKTIR. HALA GÖRÜNMEZSE LÜTFEN "
        "BİZE YAZIN.\n\nİYİ GÜNLER DİLERİZ."
    )
    assert templates.similarity(shouted, "iade") == 100.0
    # English case folding would turn "I" into "i" and miss words with "ı".
    english = TemplateSet.from_texts({"iade": TEMPLATE}, lang="en")
    assert english.similarity(shouted, "iade") < templates.similarity(shouted, "iade")


def test_template_copy_rule_in_turkish() -> None:
    filled = TEMPLATE.replace("{{ad}}", "Ayşe Hanım")
    linter = netiquette.Linter("tr", select=["NQ502"], templates={"iade": TEMPLATE})
    found = linter.check(filled).suggestions
    assert [s.rule_id for s in found] == ["NQ502"]
    tailored = (
        "Sayın Ayşe Hanım,\n\nİade talebinizi onayladık: 349,90 TL tutarındaki su "
        "ısıtıcısının bedelini bugün Visa kartınıza iade ettik. Kargo firması ürünün 3 "
        "Mart'ta depomuza ulaştığını doğruladı.\n\nİyi günler dileriz."
    )
    assert not linter.check(tailored).suggestions


def test_generic_turkish_reply_with_bir() -> None:
    # "bir" is a number word to spaCy, but in "başka bir sorunuz" it is "a".
    text = (
        "Merhaba,\n\nAnlayışınız için teşekkür ederiz. Talebiniz ilgili birime "
        "iletilmiştir. Başka bir sorunuz olursa bize ulaşabilirsiniz.\n\nSaygılarımızla"
    )
    found = netiquette.Linter("tr", select=["NQ503"]).check(text).suggestions
    assert [s.rule_id for s in found] == ["NQ503"]
    answered = text.replace("iletilmiştir.", "iletilmiştir; faturanız cuma günü gelecek.")
    assert not netiquette.Linter("tr", select=["NQ503"]).check(answered).suggestions
