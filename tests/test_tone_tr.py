"""Turkish tone: the seed documents stay clean, the 'siz' rewrites, speed."""

from __future__ import annotations

import pytest

import netiquette
from conftest import shared_path
from helpers import SEEDS
from netiquette.checks.tone.informal_address import formal_imperatives, formal_personal

GOOD_REPLY = (
    "Sayın Ayşe Hanım, bize ulaştığınız için teşekkür ederiz. Siparişiniz 12 Mart "
    "tarihinde kargoya verilmiştir ve takip numaranız e-posta adresinize gönderilmiştir. "
    "Kargo firmasının yoğunluğu nedeniyle teslimat bir gün gecikebilir; bu durum için "
    "özür dileriz. Maalesef teslim tarihini öne alamıyoruz, ancak dilerseniz paketi "
    "size en yakın PTT şubesinden teslim alabilirsiniz. Bunun için kimliğinizle birlikte "
    "şubeye gitmeniz yeterlidir. Faturanız PDF olarak hesabınızdaki Siparişlerim "
    "sayfasında yer almaktadır ve tutar KDV dahildir. Başka bir sorunuz olursa bu "
    "e-postayı yanıtlayarak bize yazabilirsiniz. İyi günler dileriz. Saygılarımızla, "
    "Mehmet YILMAZ"
)
BAD_REPLY = (
    "Merhaba kanka, siparişin yolda!!! Adresi yanlış girdiniz, bu sizin hatanız. "
    "Daha önce de söylediğim gibi bu konuda yapabileceğimiz bir şey yok. Lütfen sakin "
    "olun ve bekle 😊"
)


@pytest.fixture(scope="module")
def tone_tr() -> netiquette.Linter:
    return netiquette.Linter("tr", select=["tone"])


@pytest.mark.parametrize("name", SEEDS)
def test_seed_documents_raise_no_tone_or_profanity_warning(name: str) -> None:
    text = shared_path("seeds", name).read_text(encoding="utf-8")
    report = netiquette.Linter("tr", select=["tone", "profanity"]).check(text)
    serious = [(s.rule_id, s.match) for s in report.suggestions if s.severity != "info"]
    assert not serious


def test_good_formal_reply_is_clean(tone_tr: netiquette.Linter) -> None:
    assert [(s.rule_id, s.match) for s in tone_tr.check(GOOD_REPLY).suggestions] == []


def test_bad_reply_gets_a_finding_from_every_tone_area(tone_tr: netiquette.Linter) -> None:
    found = {(s.rule_id, s.match) for s in tone_tr.check(BAD_REPLY).suggestions}
    assert found >= {
        ("NQ104", "kanka"),
        ("NQ115", "siparişin"),
        ("NQ102", "!!!"),
        ("NQ105", "sizin hatanız"),
        ("NQ106", "Daha önce de söylediğim gibi"),
        ("NQ107", "yapabileceğimiz bir şey yok"),
        ("NQ106", "Lütfen sakin olun"),
        ("NQ115", "bekle"),
        ("NQ103", "😊"),
    }


def test_auto_language_applies_the_turkish_tone_rules() -> None:
    report = netiquette.Linter("auto", select=["NQ115"]).check(
        "Merhaba, şifreni sıfırladık. Yeni şifreyle giriş yapabilirsin, sorun olursa yaz."
    )
    assert [s.match for s in report.suggestions] == ["yapabilirsin", "yaz"]


@pytest.mark.parametrize(
    ("informal", "formal"),
    [
        ("yapabilirsin", "yapabilirsiniz"),
        ("istiyorsun", "istiyorsunuz"),
        ("hesabın", "hesabınız"),
        ("kargon", "kargonuz"),
        ("görmüşsün", "görmüşsünüz"),
        ("Şifren", "Şifreniz"),
        ("İstersen", "İsterseniz"),
    ],
)
def test_formal_personal_follows_vowel_harmony(informal: str, formal: str) -> None:
    assert formal_personal(informal) == formal


@pytest.mark.parametrize(
    ("informal", "formal"),
    [
        ("bekle", ("bekleyin", "bekleyiniz")),
        ("bak", ("bakın", "bakınız")),
        ("gönder", ("gönderin", "gönderiniz")),
        ("kontrol et", ("kontrol edin", "kontrol ediniz")),
        ("git", ("gidin", "gidiniz")),
        ("unutma", ("unutmayın", "unutmayınız")),
        ("Tıkla", ("Tıklayın", "Tıklayınız")),
    ],
)
def test_formal_imperatives(informal: str, formal: tuple[str, str]) -> None:
    assert formal_imperatives(informal) == formal


def test_turkish_capitals_fold_the_turkish_way() -> None:
    linter = netiquette.Linter("tr", select=["NQ101"])
    report = linter.check("Kampanya kodunuzu KESİNLİKLE paylaşmayın.")
    assert [(s.match, s.replacements) for s in report.suggestions] == [
        ("KESİNLİKLE", ("kesinlikle",))
    ]


RUDE_REPLY = (
    "Bravo size, adresi yine yanlış girmişsiniz. Valla bu bizim işimiz değil, bu sizin "
    "sorununuz. Talebiniz ilgili birime iletilmiştir."
)


def test_rude_reply_gets_sarcasm_slang_aggressive_and_stalling_findings(
    tone_tr: netiquette.Linter,
) -> None:
    found = [(s.rule_id, s.match) for s in tone_tr.check(RUDE_REPLY).suggestions]
    for expected in [
        ("NQ109", "Bravo size"),
        ("NQ112", "Valla"),
        ("NQ113", "bu sizin sorununuz"),
        ("NQ111", "ilgili birime iletilmiştir"),
    ]:
        assert expected in found


@pytest.mark.parametrize(
    "when",
    [
        "Cuma'ya kadar",
        "15 Mart’ta",
        "2-3 iş günü içinde",
        "48 saat içinde",
        "saat 14.30'a kadar",
        "yarın öğleden sonra",
        "önümüzdeki pazartesi",
    ],
)
def test_a_stall_with_a_time_is_not_flagged(when: str) -> None:
    linter = netiquette.Linter("tr", select=["NQ111"])
    stall = "Talebiniz ilgili birime iletilmiştir, size dönüş yapılacaktır."
    assert [s.match for s in linter.check(stall).suggestions] == ["ilgili birime iletilmiştir"]
    concrete = f"Talebiniz ilgili birime iletilmiştir, {when} size dönüş yapılacaktır."
    assert linter.check(concrete).suggestions == ()


def test_long_reply_without_its_invitation_is_flagged() -> None:
    linter = netiquette.Linter("tr", select=["NQ114"])
    assert linter.check(GOOD_REPLY).suggestions == ()
    without = GOOD_REPLY.replace(
        "Başka bir sorunuz olursa bu e-postayı yanıtlayarak bize yazabilirsiniz. ", ""
    )
    assert [s.match for s in linter.check(without).suggestions] == ["Saygılarımızla, Mehmet YILMAZ"]
