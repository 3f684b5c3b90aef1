"""Turkish profanity (NQ201/NQ202 with lang="tr"): inflections, ASCII spellings,
a large set of hard negatives, the seed documents and recall on the public Turkish lists
(read in place, never copied). Turkish disguises: tests/test_profanity.py.

The fixtures (tests/fixtures/tr/profanity.yaml, mild-profanity.yaml) hold reply-level
examples; these tests cover the matcher word by word.
"""

from __future__ import annotations

import re

import pytest

import netiquette
from conftest import EXAMPLES, shared_path
from helpers import SEEDS, found, ldnoobw
from netiquette.engines.profanity import ProfanityMatcher
from netiquette.text.fold import fold, upper

#: The language of the ``profanity_matcher`` and ``profanity_linter`` fixtures.
LANG = "tr"
ASCII = str.maketrans("şçğöüıâîûŞÇĞÖÜİ", "scgouiaiuSCGOUI")


def ascii_fold(text: str) -> str:
    """``text`` as typed on a keyboard without Turkish letters (case kept)."""
    return text.translate(ASCII)


# -- inflections and spellings ---------------------------------------------------------

STRONG = [
    "siktir", "siktirin", "siktirgit", "siktirip", "sikerim", "sikersin", "sikerler",
    "sikeyim", "siktiğim", "siktiğimin", "siktiğiminin", "amına", "amınakoyayım", "amk",
    "aq", "amq", "amcık", "amcığı", "amcıklar", "orospu", "orospular", "orospunun",
    "orospuya", "orospuyu", "orospuçocuğu", "piç", "piçler", "piçin", "göt", "götün",
    "götü", "götüne", "götünü", "götveren", "götverenler", "yavşak", "yavşaklar",
    "şerefsiz", "şerefsizler", "şerefsizlik", "pezevenk", "pezevengi", "kahpe",
    "kahpeler", "kaltak", "kaltağı", "taşak", "taşaklar", "taşağı", "yarrak", "yarak",
    "yarağı", "yarraklar", "bok", "boktan", "bombok", "sıçayım", "sıçtığım", "ibne",
    "ibneler", "oç", "hassiktir", "kevaşe", "sürtük", "fahişe",
]  # fmt: skip

MILD = ["kahrolası", "kahretsin", "lanet olsun", "geber"]  # fmt: skip
#: Insults of intelligence: matched by the profanity engine, reported as name-calling.
INSULTS = [
    "salak", "salaklar", "salaklık", "aptal", "aptallar", "aptalca", "gerizekalı",
    "gerizekalılar", "ahmak", "ahmaklık", "dangalak", "beyinsiz", "gerzek", "avanak",
]  # fmt: skip


@pytest.mark.parametrize("word", STRONG)
def test_strong_forms_in_every_spelling(profanity_matcher: ProfanityMatcher, word: str) -> None:
    for typed in {word, upper(word, "tr"), ascii_fold(word)}:
        text = f"Kargo firması {typed} dedi, özür dileriz."
        assert found(profanity_matcher, text, "tier") == [(typed, "strong")], typed
    capitalised = upper(word[0], "tr") + word[1:]
    assert found(profanity_matcher, f"{capitalised}, siparişiniz yolda.", "tier") == [
        (capitalised, "strong")
    ]


@pytest.mark.parametrize("word", MILD)
def test_mild_forms(profanity_matcher: ProfanityMatcher, word: str) -> None:
    for typed in {word, ascii_fold(word)}:
        text = f"Bu {typed} sistem yine çöktü."
        assert found(profanity_matcher, text, "tier") == [(typed, "mild")], typed


@pytest.mark.parametrize("word", INSULTS)
def test_insults_are_matched_as_insults_and_reported_as_name_calling(
    profanity_matcher: ProfanityMatcher, word: str
) -> None:
    for typed in {word, ascii_fold(word)}:
        text = f"Bu {typed} sistem yine çöktü."
        assert found(profanity_matcher, text, "category") == [(typed, "insult")], typed
    text = f"Kuryemiz {word} gibi davrandıysa özür dileriz."
    report = netiquette.Linter("tr", select=["NQ202", "NQ116"]).check(text)
    assert [(s.rule_id, s.match) for s in report.suggestions] == [("NQ116", word)]


def test_turkish_capitals_fold_before_lookup(profanity_matcher: ProfanityMatcher) -> None:
    # "İ" is an "i" and "I" a dotless "ı": "SİKTİR" is the swear word, "SIKI" is "sıkı".
    assert found(profanity_matcher, "SİKTİR GİT dedi.", "tier") == [("SİKTİR GİT", "strong")]
    assert found(profanity_matcher, "SIKI TAKİP, SIKINTI YOK, ŞİKAYETİNİZ ALINDI.", "tier") == []
    assert found(profanity_matcher, "AMINA koyayım", "tier") == [("AMINA", "strong")]


def test_ascii_spelling_is_not_reported_as_a_disguise(profanity_matcher: ProfanityMatcher) -> None:
    for text in ("şerefsiz", "serefsiz", "götünü", "gotunu"):
        hits = profanity_matcher.find(text, fold(text, "tr"))
        assert len(hits) == 1 and not hits[0].disguised, text
    hits = profanity_matcher.find("s1kt1r", "s1kt1r")
    assert hits[0].disguised


def test_abbreviations_in_capitals_are_initials(profanity_matcher: ProfanityMatcher) -> None:
    assert found(profanity_matcher, "mk bu ne. sg dedim.", "tier") == [
        ("mk", "strong"),
        ("sg", "strong"),
    ]
    assert (
        found(profanity_matcher, "MK serisi ve SG modeli stokta; Mk II yarın gelir.", "tier") == []
    )


def test_phrases_take_the_longest_span(profanity_matcher: ProfanityMatcher) -> None:
    assert found(profanity_matcher, "Siktir git dedi.", "tier") == [("Siktir git", "strong")]
    assert found(profanity_matcher, "lanet olsun, yine hata.", "tier") == [("lanet olsun", "mild")]
    assert found(profanity_matcher, "Geri zekalı kurye.", "tier") == [("Geri zekalı", "mild")]


# -- hard negatives ----------------------------------------------------------------------

HARD_NEGATIVE_TEXT = """
şikayet şikâyet şikayetiniz şikâyetiniz şikayetlerinizi şikayetçi şikayetçiyseniz
şikayetler şikayetinizi şikayetinize şikayetinizle şikayette sikayet sikayetiniz
sikayetlerinizi sikayetci sıkıntı sıkıntılı sıkıntınız sıkıntıyı sıkıntılar sikinti
sikintiniz sikintili sıkı sıkıca sıkıştı sıkışmış sıkıştırın sıkışan sıkça sık sıklıkla
sıkmak sıkmayın sıkın sıkılmak sıkıldınız sıkılmanızı sıkıcı sıktı sıktığınız sıkma
sikke sikkeler Sikkim sıkıyönetim sıcak sıcaklık sıçrama sıçradı sıçan götürmek götürün
götürdü götürülecek götürüldü götürme götürsün götürecektir götürü goturun goturulecek
goturmus goturdu ama amaç amacımız amacıyla amaçlı amortisman amir amirimiz amca amcam
amcanız ambalaj ambalajı ambar amblem ampul amper amin amen Amine Amina ameliyat amatör
amfi mal malı malınız malzeme malzemeler mallar ana anası anasayfa anahtar anahtarınız
analiz kasık kasıklık dikkat dikkatli memnun memnuniyet meme Allah Allah'a inşallah
maşallah emin emir emi emisyon kaka kakao piyasa piknik pikap pil Picasso boks bokser
bokböceği yarar yararlı yararlanın yaramıyor yaramaz yara yaralı yaralandı saksı
saksofon salata salam salamura salı salon teşekkür teşekkürler taş taşıma
taşınma taşıyıcı kalta orası orasını dalga dallanma geri geribildirim zekâ zeki lanetli
şike şikeyi şikeye sike sikeyi Sıla Gökhan Göktürk Gökçe Göksu Ahmet Amasya Amsterdam
Sikorsky ebe ebeveyn ibn İbni İbrahim gerçek sigara sigorta sg-102 SG-4 MK-7 mk2 sgk SGK
"""
HARD_NEGATIVES = HARD_NEGATIVE_TEXT.split()


def test_hard_negatives_are_not_flagged(profanity_matcher: ProfanityMatcher) -> None:
    words = HARD_NEGATIVES
    assert len(words) > 180
    flagged = [
        w
        for w in words
        if found(profanity_matcher, f"Sayın müşterimiz, {w} konusunda bilgi.", "tier")
    ]
    assert flagged == []
    text = " ".join(words)
    assert found(profanity_matcher, text, "tier") == []
    # Typed without Turkish letters, "sık" (often) is "sik": alone, it cannot be told
    # apart (known, documented); next to "sık"/"sorulan" it can.
    assert found(profanity_matcher, ascii_fold(text), "tier") == [("sik", "strong")]
    assert (
        found(profanity_matcher, ascii_fold("Sık sık sorulan sorular, en sık kullanılan"), "tier")
        == []
    )


HARD_NEGATIVE_SENTENCES = [
    "Sık sorulan sorular sayfamızda yanıtı bulabilirsiniz.",
    "Sik sorulan sorular sayfamizda yaniti bulabilirsiniz.",
    "Bu durum canimi sikti dediğinizi anlıyoruz; gecikmeyi telafi edeceğiz.",
    "Sik sik yaşanan bu sorun için özür dileriz.",
    "Amina Hanım'a ve Amini Bey'e bilgi verildi.",
    "Ürününüzü servise götürmeniz gerekmez; kuryemiz götürecektir.",
    "Paket, kapı sıkıştığı için teslim edilemedi.",
    "Cihazın vidalarını fazla sıkmayın.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVE_SENTENCES)
def test_hard_negative_sentences(profanity_matcher: ProfanityMatcher, text: str) -> None:
    assert found(profanity_matcher, text, "tier") == []


def test_seed_documents_raise_no_profanity(profanity_linter: netiquette.Linter) -> None:
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    assert len(seeds) >= len(SEEDS)
    for path in seeds:
        report = profanity_linter.check(path.read_text(encoding="utf-8"))
        assert [s.to_dict() for s in report.suggestions] == [], path.name


def test_turkish_example_replies(profanity_matcher: ProfanityMatcher) -> None:
    expected = {"needs-work-tr-sohbet.txt": [("amk", "strong")]}
    paths = sorted((EXAMPLES / "replies").glob("*-tr-*.txt"))
    assert len(paths) == 7
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert found(profanity_matcher, text, "tier") == expected.get(path.name, []), path.name


def test_linter_reports_turkish_profanity_with_severity(
    profanity_linter: netiquette.Linter,
) -> None:
    report = profanity_linter.check(
        "Sayın Ahmet Bey, bu boktan sistem yüzünden kahrolası bir hafta geçirdik."
    )
    pairs = [(s.rule_id, s.match, s.severity) for s in report.suggestions]
    assert pairs == [("NQ201", "boktan", "error"), ("NQ202", "kahrolası", "warning")]
    assert list(report.suggestions[0].replacements) == ["kötü"]


def test_lang_auto_picks_turkish_profanity() -> None:
    report = netiquette.check(
        "Merhaba, siparişiniz için teşekkür ederiz ama bu şerefsiz kargo yine gecikti."
    )
    assert [s.match for s in report.suggestions if s.rule_id == "NQ201"] == ["şerefsiz"]


def test_allow_and_deny_words_work_in_turkish() -> None:
    text = "Bu kahrolası sistem, gıcık bir hata verdi."
    allow = netiquette.Linter("tr", select=["NQ202"], config={"allow_words": ["kahrolası"]})
    assert [s.match for s in allow.check(text).suggestions] == []
    deny = netiquette.Linter("tr", select=["NQ201"], config={"deny_words": ["gıcık"]})
    assert [s.match for s in deny.check(text).suggestions] == ["gıcık"]


# -- recall on the public Turkish lists (read in place) ----------------------------------

# Words of the public lists that we decided not to flag: ordinary words, anatomy,
# ethnonyms, numbers, too short to tell. Recall is measured on the rest.
NOT_FLAGGED = re.compile(
    r"^(am|amı|amlar|çingene\w*|otuz birci\w*|siki|sike|sikin|sikilir sikilmez"
    r"|sıçmak)$"
)


def _inflect(word: str) -> str:
    vowels = [c for c in word if c in "aeıioöuü"]
    return word + ("ler" if vowels and vowels[-1] in "eiöü" else "lar")


def test_recall_on_ldnoobw_turkish(profanity_matcher: ProfanityMatcher) -> None:
    words = [fold(w, "tr") for w in ldnoobw("tr")]
    profane = [w for w in words if not NOT_FLAGGED.match(w)]
    assert len(profane) > 100

    def caught(word: str) -> bool:
        text = f"Kargo görevlisi {word} diye bağırdı."
        return bool(profanity_matcher.find(text, fold(text, "tr")))

    missed = [w for w in profane if not caught(w)]
    assert missed == []
    missed_ascii = [w for w in profane if not caught(ascii_fold(w))]
    assert len(missed_ascii) <= len(profane) * 0.05, missed_ascii
    inflected = [w for w in profane if " " not in w]
    missed_inflected = [w for w in inflected if not caught(_inflect(w))]
    assert len(missed_inflected) <= len(inflected) * 0.25, missed_inflected
