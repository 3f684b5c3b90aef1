"""Turkish profanity: recall on the public Turkish lists, false alarms, and speed.

Usage: python benchmarks/bench_profanity_tr.py [--quick]

Recall: every word of LDNOOBW tr.txt (CC BY 4.0) and turkce-kufur-karaliste.txt (CC BY-SA;
read in place from ../shared, never copied) is put in a sentence as written, with a
plural suffix, and typed without Turkish letters. Words we decided not to flag (ordinary
words, anatomy, ethnonyms, numbers: see NOT_PROFANITY) are counted apart.
False alarms: the hard negatives of tests/test_profanity_tr.py, the seed documents and
the Turkish example replies. Speed: NQ201 + NQ202 on 120-word Turkish replies.
Nothing here is asserted: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replies  # noqa: E402
from netiquette.config import Settings  # noqa: E402
from netiquette.engines.profanity import ProfanityMatcher, matcher_for  # noqa: E402
from netiquette.registry import all_rules  # noqa: E402
from netiquette.rule import RuleContext  # noqa: E402
from netiquette.text.document import Document  # noqa: E402
from netiquette.text.fold import fold  # noqa: E402

ASCII = str.maketrans("şçğöüıâîû", "scgouiaiu")

# What we do not count as profanity to flag in a support reply (our decision, see the
# header of lang/tr/profanity.yaml): ordinary or ambiguous words, body parts and
# medicine, ethnonyms, religion, numbers, mild rudeness left to the tone rules, English.
NOT_PROFANITY = re.compile(
    r"^(?:am|amı|amlar|ana\w*|anam\w*|anne\w*|baba\w*|bacı\w*|eben\w*|ecdad\w*|sülale\w*"
    r"|sulale\w*|slaleni|allah\w*|dinsiz|imansz|cenabet|mal|meme\w*|kaka|emi|ag|cim|cif"
    r"|çingene\w*|otuz ?bir\w*|osbir|penis|vajina\w*|dildo|porno|pipi\w*|düdük|hoşafı"
    r"|anal|ass|bitch|biting|bastard|boner|goddamn|idiot|idiyot"
    r"|pussy|whore|madafaka|sexs|sekis|öşex|sevişelim|sevgi koyarım|kafam girsin"
    r"|revizyonist|kayyum|tiyniyat|dönek|kaypak|yılışık|yilisik|hayvan herif|öküz|veled"
    r"|weled|oğlan\w*|basur|bızır|dalaksız|feriştah|ferre|krar|manyak|lavuk"
    r"|zibidi|dingil\w*|liboş|abaza\w*|azdı\w*|bosalmak|boşalmak|atmık|rahminde|osur\w*"
    r"|ossur\w*|patlak zar|laciye boyadım|attırdığım|attrrm|yalama|yalarım|yalarun"
    r"|toplarm|topsun|totoş|iserim|işerim|soku\w*|sokam|sokarı?m?|sokar\w*|sokay\w*"
    r"|sokiim|soktuğumunun|soxum|koyarm|koyayım|koyiim|koyiiym|koyim|koyum|koyyim|goyum"
    r"|goyiim|goyuyim|goyyim|siki|sike|sikin|sikil\w*|cikar|diktim|verdiimin|zviyetini"
    r"|zulliyetini|mezveleli|kukudaym|mincikliyim|monakkoluyum|yogurtlayam|yoğurtlayam"
    r"|zıkkımım|sie|sıecem|sittimin|sittir|cibil\w*|kafası[zs]\w*"
    r"|atkafası|auzlu|hassikome|malafat|malak|mudik|karhane|kappe|huur)$"
)


def _inflect(word: str) -> str:
    vowels = [c for c in word if c in "aeıioöuü"]
    return word + ("ler" if vowels and vowels[-1] in "eiöü" else "lar")


def _caught(matcher: ProfanityMatcher, word: str) -> bool:
    text = f"Kargo görevlisi {word} diye bağırdı."
    return bool(matcher.find(text, fold(text, "tr")))


def recall(matcher: ProfanityMatcher, path: Path, show: bool) -> None:
    words = [fold(w.strip(), "tr") for w in path.read_text(encoding="utf-8").splitlines()]
    words = list(dict.fromkeys(w for w in words if w))
    profane = [w for w in words if not NOT_PROFANITY.match(w)]
    other = [w for w in words if NOT_PROFANITY.match(w)]
    print(f"{path.name}: {len(words)} words, {len(profane)} profanity, {len(other)} not")
    for label, make in (
        ("as written", lambda w: w),
        ("+ plural suffix", _inflect),
        ("ASCII-typed", lambda w: w.translate(ASCII)),
    ):
        missed = [w for w in profane if not _caught(matcher, make(w))]
        rate = 1 - len(missed) / len(profane)
        print(f"  recall {label:16} {rate:7.1%}  ({len(profane) - len(missed)}/{len(profane)})")
        if show and missed:
            print("    missed:", ", ".join(missed))
    flagged = [w for w in other if _caught(matcher, w)]
    print(f"  not-profanity words flagged: {len(flagged)}/{len(other)} {flagged}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="50 replies instead of 200")
    parser.add_argument("--show", action="store_true", help="list the missed words")
    args = parser.parse_args()
    matcher = matcher_for("tr")

    for path in (
        SHARED / "data" / "profanity" / "ldnoobw" / "tr.txt",
        SHARED / "data" / "profanity" / "turkce-kufur-karaliste.txt",
    ):
        if path.exists():
            recall(matcher, path, args.show)

    from test_profanity_tr import HARD_NEGATIVE_SENTENCES, HARD_NEGATIVES

    texts = [f"Sayın müşterimiz, {w} konusunda bilgi." for w in HARD_NEGATIVES]
    texts += HARD_NEGATIVE_SENTENCES
    false = [t for t in texts if matcher.find(t, fold(t, "tr"))]
    print(f"hard negatives: {len(false)}/{len(texts)} flagged")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    seed_hits = sum(len(matcher.find(t, fold(t, "tr"))) for t in _read(seeds))
    print(f"seed documents: {len(seeds)}, findings {seed_hits}")

    count = 50 if args.quick else 200
    rng = random.Random(5)
    texts = replies(count, lang="tr", seed=5)
    inserts = ["siktir git", "amk", "s1kt1r", "orospu çocuğu", "salak", "a.m.k", "şerefsiz"]
    for i in range(0, count, 5):
        words = texts[i].split(" ")
        words.insert(rng.randrange(3, len(words)), rng.choice(inserts))
        texts[i] = " ".join(words)
    context = RuleContext(lang="tr", settings=Settings())
    rules = [all_rules()[rule_id](context) for rule_id in ("NQ201", "NQ202")]
    prose = {t: Document(t, "tr").prose_folded for t in texts}

    def best(fn: object, text: str) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            fn(text)  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times)

    ours = statistics.median(best(lambda t: matcher.find(t, prose[t]), t) for t in texts)

    def both(text: str) -> object:
        doc = Document(text, "tr")
        return [f for rule in rules for f in rule.check(doc)]

    doc_only = statistics.median(best(lambda t: Document(t, "tr").prose_folded, t) for t in texts)
    rules_s = statistics.median(best(both, t) for t in texts)
    words = statistics.mean(len(t.split()) for t in texts)
    flagged = sum(bool(matcher.find(t, prose[t])) for t in texts)
    print(f"{count} Turkish replies, {words:.0f} words; {flagged} flagged ({count // 5} seeded)")
    print(f"matcher.find                {ours * 1e6:8.1f} us per reply (median)")
    print(f"NQ201 + NQ202 on a new doc  {rules_s * 1e6:8.1f} us (Document {doc_only * 1e6:.1f} us)")
    return 0


def _read(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


if __name__ == "__main__":
    sys.exit(main())
