"""Turkish jargon: acronyms with suffixes, chat-speak and support jargon."""

from __future__ import annotations

import netiquette


def _found(rule: str, text: str) -> list[tuple[str, tuple[str, ...]]]:
    report = netiquette.Linter("tr", select=[rule]).check(text)
    return [(s.match, s.replacements) for s in report.suggestions]


def test_acronym_with_suffix_is_the_acronym() -> None:
    assert _found("NQ301", "Kararı BDDK'nın sitesinde görebilirsiniz.") == [
        ("BDDK", ("Bankacılık Düzenleme ve Denetleme Kurumu (BDDK)",))
    ]
    # The same acronym later, with another suffix, is not reported twice.
    assert len(_found("NQ301", "BTK'ya yazabilirsiniz. BTK'nın yanıtı gelir.")) == 1


def test_everyday_turkish_acronyms_with_suffixes() -> None:
    text = "KDV'li tutarı IBAN'a EFT ile gönderin; PTT'den kargolayın, SMS'le bildirelim."
    assert _found("NQ301", text) == []


def test_turkish_case_folding_of_acronyms() -> None:
    # "İ" folds to "i" in Turkish: İETT is a known name, not an undefined acronym.
    assert _found("NQ301", "Kartınızı İETT noktalarından doldurabilirsiniz.") == []


def test_definition_in_turkish() -> None:
    text = "Hizmet seviyesi taahhüdü (HST) kapsamında HST süresi iki gündür."
    assert _found("NQ301", text) == []
    assert _found("NQ301", "HST, yani hizmet seviyesi taahhüdü, iki gündür.") == []


def test_suffixed_jargon_has_no_wrong_replacement() -> None:
    found = _found("NQ302", "Ticket'ınızı güncelledik, SLA'ya göre yanıt vereceğiz.")
    assert found == [("Ticket'ınızı", ()), ("SLA'ya", ())]


def test_customer_term_may_be_used_back() -> None:
    text = "> SLA süresi neydi?\n\nMerhaba, SLA süresi iki iş günüdür."
    assert _found("NQ302", text) == []


def test_chat_speak_keeps_formal_abbreviations() -> None:
    text = "Sn. Ayşe Yılmaz, 15 dk. içinde vb. belgeleri SMS ile iletiyoruz. Tel: 0212 555 00 00"
    assert _found("NQ303", text) == []


def test_chat_speak_in_capitals_only_at_sentence_start() -> None:
    assert _found("NQ303", "Tşk, iyi günler.") == [("Tşk", ("Teşekkürler",))]
    assert _found("NQ303", "Bağışınız TSK Mehmetçik Vakfı'na ulaştı.") == []


def test_english_acronyms_unchanged() -> None:
    report = netiquette.Linter("en", select=["NQ301"]).check("Please turn on 2FA now.")
    assert [s.match for s in report.suggestions] == ["2FA"]


def test_surname_in_capitals_is_not_an_acronym() -> None:
    text = "Talebinizle Müşteri İlişkileri Müdürümüz Ayşe YILMAZ ilgilenecek."
    assert _found("NQ301", text) == []
    # Without a vowel it is still an acronym, even after a capitalised word.
    assert [m for m, _ in _found("NQ301", "Müdürümüz Ayşe BTK'ya yazacak.")] == ["BTK"]
