"""TemplateIndex: the inverted-index candidate step finds what brute force finds."""

from __future__ import annotations

import pickle
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from netiquette.errors import TemplateError
from netiquette.templates import TemplateSet, normalize
from netiquette.templates import index as template_index
from netiquette.templates import load as load_templates
from netiquette.templates import matching as templates_module
from netiquette.templates.arrayfile import written_here
from netiquette.templates.index import TemplateIndex, fingerprint

SENTENCES = [
    "Thank you for contacting us about your order.",
    "I have issued a full refund to your original payment method.",
    "The refund should appear on your statement within five business days.",
    "Your package left our warehouse this morning and is on its way.",
    "You can track it with the link in your confirmation email.",
    "To reset your password, open the sign-in page and choose Forgot password.",
    "We have extended your subscription by one month at no cost.",
    "The replacement part ships from our partner in Rotterdam.",
    "Please reply with a photo of the damaged item so we can file a claim.",
    "Our billing team has corrected the duplicate charge on your invoice.",
    "Your account is now verified and every feature is unlocked.",
    "If the app still crashes, please send us the log file from Settings.",
]
FILLER = [
    "Let me know if anything else comes up.",
    "Best regards from the support team.",
    "Have a lovely weekend.",
    "We appreciate your patience while we looked into this.",
]


def _templates(count: int, seed: int = 4) -> dict[str, str]:
    rng = random.Random(seed)
    out = {}
    for i in range(count):
        body = rng.sample(SENTENCES, rng.randint(3, 6)) + rng.sample(FILLER, rng.randint(0, 2))
        if rng.random() < 0.5:
            body.insert(rng.randrange(len(body)), "Your order number is {{order_id}}.")
        out[f"t{i:04d}"] = "Hi {{first_name}},\n\n" + " ".join(body)
    return out


def _queries(texts: dict[str, str], count: int, seed: int = 9) -> list[str]:
    rng = random.Random(seed)
    ids = sorted(texts)
    out = []
    for n in range(count):
        text = texts[rng.choice(ids)].replace("{{first_name}}", "Maria")
        text = text.replace("{{order_id}}", "A-48213")
        words = text.split(" ")
        for _ in range(n % 4):
            words[rng.randrange(len(words))] = "really"
        if n % 5 == 0:  # a copy with a sentence of the agent's own
            words.append("I also checked the courier scan from Tuesday at the depot.")
        out.append(" ".join(words))
    out += ["Sure, I can help with that. " * 3, "The weather in Ankara was great today, thanks!"]
    return out


def _brute(tset: TemplateSet, text: str, cutoff: float, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        patch.setattr(templates_module, "INDEX_THRESHOLD", 10**9)
        return tset.best_match(text, score_cutoff=cutoff, min_words=8)


@pytest.fixture(scope="module")
def big() -> tuple[dict[str, str], TemplateSet]:
    texts = _templates(400)
    return texts, TemplateSet.from_texts(texts)


@pytest.mark.parametrize("cutoff", [90.0, 60.0])
def test_same_best_match_as_brute_force(
    big: tuple[dict[str, str], TemplateSet], cutoff: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts, tset = big
    assert len(tset) > templates_module.INDEX_THRESHOLD
    matched = 0
    for query in _queries(texts, 150):
        expected = _brute(tset, query, cutoff, monkeypatch)
        got = tset.best_match(query, score_cutoff=cutoff, min_words=8)
        assert got == expected, query
        matched += got is not None
    assert matched > 50  # the comparison covers real matches, not only misses


def test_index_prunes_candidates(big: tuple[dict[str, str], TemplateSet]) -> None:
    texts, tset = big
    query = _queries(texts, 1)[0]
    # The set's own encoding (codes are given in the order the templates were read).
    codes = tset._codes
    assert fingerprint([codes.add(t.words) for t in tset]) == tset.fingerprint
    encoded = codes.encode(normalize(query, "en").words)
    kept = tset.index.candidates(encoded, 40, cutoff=90.0)
    assert 0 < len(kept) < len(tset) // 2
    assert kept == sorted(kept)


def test_pickle_and_save_load_round_trip(
    big: tuple[dict[str, str], TemplateSet], tmp_path: Path
) -> None:
    texts, tset = big
    index = tset.build_index()
    query = _queries(texts, 3)[2]
    expected = tset.best_match(query, score_cutoff=90)
    clone = pickle.loads(pickle.dumps(index))
    assert clone.fingerprint == index.fingerprint and len(clone) == len(index)
    path = tmp_path / "templates.idx"
    index.save(path)
    fresh = TemplateSet.from_texts(texts)
    loaded = fresh.use_index(path)
    assert loaded.postings_size == index.postings_size
    assert fresh.best_match(query, score_cutoff=90) == expected
    # A pickled set carries its index along.
    assert pickle.loads(pickle.dumps(tset)).best_match(query, score_cutoff=90) == expected


def test_version_mismatch_and_bad_files(
    big: tuple[dict[str, str], TemplateSet], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, tset = big
    path = tmp_path / "old.idx"
    tset.build_index().save(path)
    saved = template_index.VERSION
    monkeypatch.setattr(template_index, "VERSION", saved + 1)
    with pytest.raises(TemplateError, match=f"version {saved} does not match"):
        TemplateIndex.load(path)
    monkeypatch.undo()
    junk = tmp_path / "junk.idx"
    junk.write_bytes(b"not a pickle")
    with pytest.raises(TemplateError, match="not a netiquette template index"):
        TemplateIndex.load(junk)
    with pytest.raises(TemplateError, match="cannot read"):
        TemplateIndex.load(tmp_path / "missing.idx")
    other = TemplateSet.from_texts(_templates(300, seed=8))
    with pytest.raises(TemplateError, match="other templates"):
        other.use_index(path)
    with pytest.raises(TemplateError, match="other templates"):
        other.use_index(tset.index)


def test_empty_set_and_empty_index() -> None:
    empty = TemplateSet.from_texts({})
    index = empty.build_index()
    assert len(index) == 0 and index.postings_size == 0
    assert index.candidates("abc", 1, cutoff=90.0) == []
    assert empty.best_match("Thank you for contacting us about your order today.") is None


def test_turkish_case_and_accents_through_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(2)
    base = [
        "Siparişiniz bugün kargoya verildi ve yarın elinizde olacak.",
        "İade işleminiz başlatıldı, tutar beş iş günü içinde hesabınıza geçer.",
        "Şifrenizi sıfırlamak için giriş sayfasındaki bağlantıyı kullanın.",
        "Hâlâ sorun yaşıyorsanız lütfen ekran görüntüsü gönderin.",
        "Aboneliğiniz bir ay ücretsiz uzatıldı.",
        "Faturadaki çift ödeme düzeltildi.",
        "Ürünün fotoğrafını gönderirseniz hasar kaydı açabiliriz.",
    ]
    texts = {
        f"tr{i:03d}": "Merhaba {{ad}},\n\n" + " ".join(rng.sample(base, rng.randint(3, 5)))
        for i in range(260)
    }
    tset = TemplateSet.from_texts(texts, lang="tr")
    target = texts["tr007"].replace("{{ad}}", "AYŞE")
    # Upper case (dotted İ) and the optional circumflex must not matter.
    query = target.replace("i", "İ").replace("ı", "I").upper().replace("HÂLÂ", "HALA")
    assert query != target
    got = tset.best_match(query, score_cutoff=90, min_words=8)
    assert got is not None and got.similarity >= 90
    assert got == _brute(tset, query, 90, monkeypatch)
    assert tset.similarity(query, got.template_id) == tset.similarity(query, "tr007")


class _Payload:
    """Unpickling this would create the file it names."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[Any, tuple[Path, str]]:
        return (Path.write_text, (self.target, "pwned"))


def test_an_index_file_is_never_unpickled(tmp_path: Path) -> None:
    target = tmp_path / "pwned.txt"
    hostile = tmp_path / "index.bin"
    hostile.write_bytes(pickle.dumps(_Payload(target)))
    with pytest.raises(TemplateError, match="not a netiquette template index"):
        TemplateIndex.load(hostile)
    assert not target.exists()


def _saved_arrays(tset: TemplateSet, folder: Path) -> dict[str, Any]:
    """The arrays of ``tset``'s index as :meth:`TemplateIndex.save` writes them."""
    path = folder / "good.idx"
    tset.build_index().save(path)
    with np.load(path, allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def test_inconsistent_arrays_are_refused(tmp_path: Path) -> None:
    tset = TemplateSet.from_texts(_templates(300, seed=3))
    arrays = _saved_arrays(tset, tmp_path)
    arrays["ids"] = arrays["ids"].copy()
    arrays["ids"][0] = len(tset) + 5  # a template that does not exist
    bad = tmp_path / "bad.idx"
    with open(bad, "wb") as handle:
        np.savez(handle, **arrays)
    with pytest.raises(TemplateError, match="inconsistent arrays"):
        TemplateIndex.load(bad)


def test_a_compressed_index_cannot_expand_into_gigabytes(tmp_path: Path) -> None:
    arrays = _saved_arrays(TemplateSet.from_texts(_templates(50, seed=3)), tmp_path)
    bomb = tmp_path / "bomb.idx"
    arrays["slots"] = np.zeros(50_000_000)  # 400 MB of zeros, a few hundred KB compressed
    with open(bomb, "wb") as handle:
        np.savez_compressed(handle, **arrays)
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(TemplateError, match="compressed arrays"):
        TemplateIndex.load(bomb)
    assert not written_here(bomb)  # the loader will not overwrite it


def test_a_file_that_is_not_an_index_is_not_overwritten(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes", encoding="utf-8")
    loaded = load_templates(_templates(10, seed=1), index=notes)
    assert notes.read_text(encoding="utf-8") == "my own notes"
    assert loaded.notes and "not overwriting" in loaded.notes[0]


def test_candidates_among_many_short_templates_are_exact() -> None:
    # Thousands of one- and two-word templates: the rare words' postings are counted
    # alone (not an array over the whole set); the result is the same bag-overlap rule.
    rng = random.Random(3)
    alphabet = [chr(0x10000 + n) for n in range(3_000)]
    encoded = ["".join(rng.choices(alphabet, k=rng.randint(1, 2))) for _ in range(4_000)]
    index = TemplateIndex(encoded)
    for draft in rng.sample(encoded, 50):
        for low, high in ((0, len(encoded)), (1_000, 3_000)):
            expected = [i for i in range(low, high) if set(draft) & set(encoded[i])]
            assert index.candidates(draft, 1, low, high) == expected


def test_template_words_are_the_words_of_normalize() -> None:
    """The loader's one-pass tokens (fold_text, template_tokens) give exactly the
    words of ``normalize``, the matcher's reference, on every code point and on texts
    built to hit the edges (placeholders next to apostrophes, "\\x01", İ, Σ)."""
    from netiquette.templates.words import fold_text, template_tokens
    from netiquette.text.fold import fold

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    rng = random.Random(3)
    alphabet = "ab'’ {}[]<>%@_$X*|İIıΣ\n\x01éNAME"
    texts = [every, "ΟΔΟΣ İstanbul", "a'XXXX b", "don'[NAME]'t", "x\x01y {{a}}\x01"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += list(_templates(300).values())
    for lang in ("en", "tr"):
        assert fold_text(every, lang) == fold(every, lang)
        for text in texts:
            want = ["\x01" if w is None else w for w in normalize(text, lang).words]
            assert template_tokens(text, lang) == want, text[:80]


def test_templates_are_kept_once(big: tuple[dict[str, str], TemplateSet]) -> None:
    """A set keeps the text it was given (no copy) and makes Template objects when
    asked, with the words normalize finds."""
    texts, tset = big
    template = tset["t0005"] if "t0005" in tset else next(iter(tset))
    assert template.text is texts[template.id]
    assert template.words == normalize(texts[template.id], "en").words


def _cache_arrays(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    import json

    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    return json.loads(str(arrays.pop("meta")[()])), arrays


def _write_cache(path: Path, meta: dict[str, Any], arrays: dict[str, Any]) -> None:
    import json

    with open(path, "wb") as handle:
        np.savez(handle, meta=np.array(json.dumps(meta)), **arrays)


def test_the_index_cache_round_trip_equals_a_fresh_build(tmp_path: Path) -> None:
    texts = _templates(400, seed=6)
    texts["blank"] = "{{first_name}}"  # skipped (with a warning) both ways
    cache_file = tmp_path / "templates.idx"
    with pytest.warns(Warning, match="blank"):
        built = load_templates(texts, index=cache_file)
    with pytest.warns(Warning, match="blank"):
        cached = load_templates(texts, index=cache_file)
    with pytest.warns(Warning, match="blank"):
        fresh = TemplateSet.from_texts(texts)
    assert not cached.notes and cache_file.is_file()
    for tset in (built, cached):
        assert tset._encoded == fresh._encoded and tset.ids == fresh.ids
        assert tset._codes.words() == fresh._codes.words()
        for name, array in fresh.index.arrays().items():
            assert np.array_equal(tset.index.arrays()[name], array), name
            assert tset.index.arrays()[name].dtype == array.dtype, name
        assert tset.index.fingerprint == fresh.fingerprint
    for query in _queries(texts, 60):
        assert cached.best_match(query, score_cutoff=90) == fresh.best_match(query, score_cutoff=90)
        assert cached.best_match(query, score_cutoff=60) == fresh.best_match(query, score_cutoff=60)
    # The cache file is also an index file of this set.
    assert TemplateIndex.load(cache_file, fingerprint=fresh.fingerprint).postings_size == (
        fresh.index.postings_size
    )


@pytest.mark.parametrize(
    "damage",
    ["old version", "other templates", "unknown code", "bad offsets", "posting counts", "extra"],
)
def test_a_stale_or_tampered_index_cache_is_rebuilt(tmp_path: Path, damage: str) -> None:
    texts = _templates(300, seed=7)
    cache_file = tmp_path / "templates.idx"
    load_templates(texts, index=cache_file)
    meta, arrays = _cache_arrays(cache_file)
    if damage == "old version":
        meta["version"] = template_index.VERSION - 1
    elif damage == "other templates":
        meta["records"] = "0" * 32
    elif damage == "unknown code":
        arrays["encoded"] = arrays["encoded"].copy()
        arrays["encoded"][5] = 0x100 + len(arrays["vocabulary_offsets"]) + 3
    elif damage == "bad offsets":
        arrays["encoded_offsets"] = arrays["encoded_offsets"][::-1].copy()
    elif damage == "posting counts":
        arrays["counts"] = arrays["counts"].copy()
        arrays["counts"][0] += 1
    else:
        arrays["surprise"] = np.zeros(3)
    _write_cache(cache_file, meta, arrays)
    damaged = cache_file.read_bytes()
    loaded = load_templates(texts, index=cache_file)
    assert loaded.notes and "rebuilding" in loaded.notes[0], loaded.notes
    assert cache_file.read_bytes() != damaged  # written again, and now it fits
    assert not load_templates(texts, index=cache_file).notes
    fresh = TemplateSet.from_texts(texts)
    assert loaded._encoded == fresh._encoded
    assert loaded.index.postings_size == fresh.index.postings_size


def test_a_truncated_index_cache_is_not_trusted(tmp_path: Path) -> None:
    texts = _templates(300, seed=7)
    cache_file = tmp_path / "templates.idx"
    load_templates(texts, index=cache_file)
    cache_file.write_bytes(cache_file.read_bytes()[:5000])
    loaded = load_templates(texts, index=cache_file)
    # No longer recognisable as a netiquette file: left alone, the set built afresh.
    assert loaded.notes and "not overwriting" in loaded.notes[0]
    assert loaded._encoded == TemplateSet.from_texts(texts)._encoded


def test_compressed_postings_equal_the_postings_of_each_word() -> None:
    rng = random.Random(5)
    alphabet = [chr(0x100 + n) for n in range(300)] + ["\x01"]
    encoded = ["".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(500)]
    encoded.append(chr(0x100) * 300)  # a count above 255: wider counts
    index = TemplateIndex(encoded)
    assert index.arrays()["counts"].dtype == np.uint16
    for word in [*rng.sample(alphabet, 40), chr(0x100), "\x02"]:
        ids, counts = index.postings(word)
        expected = [(i, text.count(word)) for i, text in enumerate(encoded) if word in text]
        assert list(zip(ids.tolist(), counts.tolist(), strict=True)) == expected
    assert index.postings_size == sum(len(set(text)) for text in encoded)


@pytest.mark.parametrize("budget", [0, 1, 8])
def test_candidates_keep_every_template_whose_bag_bound_reaches_the_cutoff(
    monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    """The rare-word prefix and the per-template reach never drop a template whose
    bound with its bag overlap (placeholders filled) reaches the cutoff, also when a
    few templates hold many placeholders and whatever the postings budget."""
    from collections import Counter

    monkeypatch.setattr(template_index, "POSTINGS_BUDGET", 0)
    monkeypatch.setattr(template_index, "POSTINGS_PER_TEMPLATE", budget)

    rng = random.Random(11)
    words = [chr(0x100 + n) for n in range(60)]
    encoded = []
    for n in range(900):
        text = rng.choices(words[: 10 + n % 50], k=rng.randint(15, 60))
        for _ in range(25 if n % 97 == 0 else rng.randint(0, 2)):
            text.insert(rng.randrange(len(text) + 1), "\x01")
        encoded.append("".join(text))
    encoded.sort(key=lambda t: len(t) - t.count("\x01"))
    index = TemplateIndex(encoded)
    for sample in [
        *rng.sample(encoded, 30),
        *("".join(rng.choices(words, k=50)) for _ in range(10)),
    ]:
        draft = sample.replace("\x01", words[3])
        bag = Counter(draft)
        for cutoff in (90.0, 70.0):
            got = set(index.candidates(draft, 1, cutoff=cutoff))
            for i, other in enumerate(encoded):
                common = sum(min(n, other.count(w)) for w, n in bag.items())
                bound = index.bounds(np.array([i]), np.array([min(common, len(draft))]), len(draft))
                if common >= 1 and bound[0] >= cutoff:
                    assert i in got, (i, cutoff)


def test_the_encoder_gives_the_codes_of_template_tokens() -> None:
    """TemplateEncoder (lines and chunks remembered) encodes as template_tokens does,
    word for word and code for code, on texts built to hit its edges."""
    from netiquette.templates.words import TemplateEncoder, WordCodes, template_tokens

    rng = random.Random(8)
    alphabet = "ab'’ {}[]<>%@_$X*|İIıΣ\n\n\r\t\x01\x1céNAME=!"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(4000)]
    texts += ["$order_id\n= 5", "Hi [NAME],\nthanks\n\nHi [NAME],", "a\u2028b {{x}}\x85c"]
    texts += list(_templates(300).values())
    for lang in ("en", "tr"):
        reference, codes = WordCodes(), WordCodes()
        encoder = TemplateEncoder(codes, lang)
        for text in texts:
            assert encoder.encode(text) == reference.add_tokens(template_tokens(text, lang)), text
        assert codes.words() == reference.words()
