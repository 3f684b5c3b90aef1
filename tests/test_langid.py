"""lang="auto": English or Turkish per text."""

from __future__ import annotations

from pathlib import Path

import pytest

import netiquette
from netiquette.cli import main
from netiquette.lang import detection as langid


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hi Sam, your order ships today. Kind regards, Ana", "en"),
        ("Merhaba Ayşe Hanım, siparişiniz yarın kargoya verilecek. İyi günler dileriz.", "tr"),
        ("Sayin musterimiz, talebiniz icin tesekkur ederiz; en kisa surede donus yapacagiz.", "tr"),
        ("İADE TALEBİNİZ ONAYLANDI, TEŞEKKÜR EDERİZ.", "tr"),
        ("Thanks for your patience. The kargo tracking number is in your account.", "en"),
        ("Merhaba, the order is on its way ve yarın size ulaşacak, teşekkürler.", "tr"),
        ("OK", "en"),
        ("", "en"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert langid.detect(text) == lang


def test_auto_is_the_default_and_the_report_says_which_language() -> None:
    linter = netiquette.Linter()
    assert linter.settings.lang == "auto"
    assert linter.check("Merhaba, siparişiniz kargoya verildi. Teşekkürler!").lang == "tr"
    assert linter.check("Hello, your parcel has shipped. Thanks!").lang == "en"
    assert netiquette.check("Siparişiniz için teşekkür ederiz.").lang == "tr"


def test_explicit_language_overrides_detection() -> None:
    report = netiquette.Linter("en").check("Merhaba, siparişiniz kargoya verildi.")
    assert report.lang == "en"


def test_cli_lang_overrides_auto(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "tr.txt"
    path.write_text("Merhaba, siparişiniz kargoya verildi. Teşekkürler!", "utf-8")
    assert main(["check", str(path), "--format", "json"]) == 0
    assert '"lang": "tr"' in capsys.readouterr().out
    assert main(["check", str(path), "--format", "json", "--lang", "en"]) == 0
    assert '"lang": "en"' in capsys.readouterr().out


def test_turkish_report_says_why_grammar_did_not_run() -> None:
    report = netiquette.Linter("tr").check("Merhaba, siparişiniz yarın kargoya verilecek.")
    assert "grammar" not in report.scores
    assert "LanguageTool has no language 'tr'" in report.skipped["grammar"]


DATA = Path(__file__).resolve().parent / "data" / "langid"


def _labelled(name: str) -> list[tuple[str, str]]:
    """(text, language) of a short-text set: sections named en* are English."""
    import yaml

    data = yaml.safe_load((DATA / name).read_text("utf-8"))
    return [
        (t, "en" if key.startswith("en") else "tr") for key, texts in data.items() for t in texts
    ]


@pytest.mark.parametrize("name", ["short.yaml", "held_out.yaml"])
def test_short_support_texts_are_told_apart(name: str) -> None:
    items = _labelled(name)
    wrong = [(text, lang) for text, lang in items if langid.detect(text) != lang]
    assert len(items) >= 80
    assert len(wrong) / len(items) <= 0.02, wrong


@pytest.mark.parametrize(
    "text",
    ["iade talebiniz alindi", "kargo nerede kaldi", "tmm abi hallederiz", "siparisim gelmedi"],
)
def test_turkish_typed_without_its_letters_is_turkish(text: str) -> None:
    assert langid.detect(text) == "tr"
    assert netiquette.check(text).lang == "tr"


def test_the_cues_decide_when_they_can_and_the_model_only_on_ties() -> None:
    assert langid.scores("thx, your refund is done") == {"en": 3, "tr": 0}
    assert langid.detect("thx, your refund is done") == "en"
    assert langid.scores("iade talebiniz alindi") == {"en": 0, "tr": 0}  # the model decides
    assert langid.detect("12345 !!!") == "en"  # no letters: the fallback
