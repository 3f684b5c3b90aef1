"""Template loading (netiquette.templates) and near-copy matching (NQ502)."""

from __future__ import annotations

import random
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import netiquette
from conftest import EXAMPLES
from helpers import agent_turns, cx_macros, freecodecamp_replies
from netiquette.errors import TemplateError
from netiquette.lang import load
from netiquette.templates import TemplateSet, TemplateWarning, normalize
from netiquette.templates import load as load_templates
from netiquette.text.phrase_syntax import phrase_words
from netiquette.text.phrase_syntax import search_regex as phrase_pattern

TEMPLATES = EXAMPLES / "templates"
REFUND = (TEMPLATES / "refund-approved.txt").read_text(encoding="utf-8")
FILLED = (
    "Hi Maria,\n\nThanks for getting in touch. I've processed your refund and it should reach "
    "your account within 5-7 business days.\n\nIf anything doesn't look right, just reply to "
    "this message and I'll take another look.\n\nSam"
)


# -- loading ------------------------------------------------------------------------------


def test_folder_loads_recursively_with_relative_ids() -> None:
    templates = load_templates(TEMPLATES)
    assert templates.ids == [
        "billing/duplicate-charge",
        "delivery-delay",
        "password-reset",
        "refund-approved",
    ]
    assert templates["refund-approved"].text == REFUND
    assert templates["refund-approved"].slots == 3  # {{first_name}} {timeframe} {agent_name}
    assert templates["password-reset"].source == str(TEMPLATES / "password-reset.md")


def test_one_file_by_str_or_pathlike(tmp_path: Path) -> None:
    assert load_templates(str(TEMPLATES / "refund-approved.txt")).ids == ["refund-approved"]
    assert load_templates(TEMPLATES / "password-reset.md").ids == ["password-reset"]


def test_mapping_and_texts_and_mixed_lists() -> None:
    by_id = load_templates({"refund": REFUND, "other": "Your parcel left today, Sam."})
    assert by_id.ids == ["other", "refund"]
    texts = load_templates([REFUND, "Your parcel left our warehouse today."])
    assert texts.ids == ["template-1", "template-2"]
    mixed = load_templates([TEMPLATES / "delivery-delay.txt", "Your parcel left today."])
    assert mixed.ids == ["delivery-delay", "template-2"]


def test_hidden_files_and_other_suffixes_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Your order has shipped today.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Your refund is on its way.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 binary")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("Not a template at all.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not a template either.", encoding="utf-8")
    assert load_templates(tmp_path).ids == ["a", "b"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHi {{first_name}}, your order shipped.".encode())
    assert load_templates(path)["bom"].text.startswith("Hi ")


def test_missing_path_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(TemplateError, match="nope: template file or folder not found"):
        load_templates(str(missing))
    with pytest.raises(TemplateError, match="not found"):
        load_templates([str(missing)])
    with pytest.raises(TemplateError, match="not found"):
        load_templates(["templats/"])  # one word: a mistyped path, not a template
    with pytest.raises(TemplateError, match="my templates: template file or folder"):
        load_templates(["my templates/"])


def test_a_single_text_must_be_in_a_list() -> None:
    with pytest.raises(TemplateError, match="in a list or a mapping"):
        load_templates("Hi {{first_name}}, your refund is on its way.")


def test_binary_and_non_utf8_files_are_errors_naming_the_file(tmp_path: Path) -> None:
    binary = tmp_path / "logo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(TemplateError, match=r"logo\.txt: binary file"):
        load_templates(tmp_path)
    binary.unlink()
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Sehr geehrte Frau Müller".encode("latin-1"))
    with pytest.raises(TemplateError, match=r"latin\.txt: not UTF-8"):
        load_templates(latin)


def test_duplicate_ids_and_bad_types_are_errors(tmp_path: Path) -> None:
    (tmp_path / "refund-approved.txt").write_text("Another refund text here.", encoding="utf-8")
    with pytest.raises(TemplateError, match="two templates have the id 'refund-approved'"):
        load_templates([TEMPLATES, tmp_path])
    with pytest.raises(TemplateError, match="must be a string"):
        load_templates({"a": 3})
    with pytest.raises(TemplateError, match="must be a path or a text"):
        load_templates([3])  # type: ignore[list-item]
    with pytest.raises(TemplateError, match="templates must be"):
        load_templates(3)  # type: ignore[arg-type]


def test_blank_templates_and_empty_folders_warn(tmp_path: Path) -> None:
    with pytest.warns(TemplateWarning, match="no .txt, .md or .markdown templates"):
        assert len(load_templates(tmp_path)) == 0
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Your order has shipped today.", encoding="utf-8")
    with pytest.warns(TemplateWarning, match="'blank'.*is blank"):
        assert load_templates(tmp_path).ids == ["ok"]


def test_normalize_masks_placeholders_and_drops_punctuation() -> None:
    norm = normalize("Hi {{first_name}}, it's **DONE** — see [ORDER NUMBER]!", "en")
    assert norm.words == ("hi", None, "it's", "done", "see", None)
    assert norm.slots == 2 and norm.word_count == 4
    quoted = normalize("> my order is late\nHi Sam, sorry!", "en", drop_quoted=True)
    assert quoted.words == ("hi", "sam", "sorry")


# -- matching -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def examples() -> TemplateSet:
    return load_templates(TEMPLATES)


def test_filled_in_copy_is_a_full_match(examples: TemplateSet) -> None:
    match = examples.best_match(FILLED)
    assert match is not None
    assert match.template_id == "refund-approved"
    assert match.similarity == 100.0
    assert FILLED[match.start : match.end] == FILLED


def test_unfilled_copy_matches_too(examples: TemplateSet) -> None:
    match = examples.best_match(REFUND)
    assert match is not None and match.similarity == 100.0


def test_light_edits_stay_above_90_and_real_additions_fall_below(examples: TemplateSet) -> None:
    edited = FILLED.replace("doesn't look right", "looks wrong").replace("Thanks", "Thank you")
    light = examples.best_match(edited)
    assert light is not None and light.template_id == "refund-approved"
    assert 90 <= light.similarity < 100
    answer = FILLED.replace(
        "5-7 business days.",
        "5-7 business days. The refund is £34.99 for the blue kettle from order 48213, which "
        "reached our warehouse on 3 March, so you can throw the return label away.",
    )
    added = examples.best_match(answer)
    assert added is not None and added.similarity < 80
    assert examples.best_match(answer, score_cutoff=90) is None


def test_subset_is_not_a_copy_unlike_token_set_ratio(examples: TemplateSet) -> None:
    # Every word of this short reply is in the template; it is still not a copy of it.
    draft = "Hi Maria, I've processed your refund."
    match = examples.best_match(draft)
    assert match is None or match.similarity < 60


def test_unrelated_reply_does_not_match(examples: TemplateSet) -> None:
    draft = "Hello Tom, the router firmware update fixed the Wi-Fi drops on your floor."
    assert examples.best_match(draft, score_cutoff=50) is None


def test_min_words_and_quoted_lines(examples: TemplateSet) -> None:
    assert examples.best_match("Thanks for getting in touch.", min_words=8) is None
    quoted = "> " + FILLED.replace("\n", "\n> ") + "\n\nHi, the refund is done."
    match = examples.best_match(quoted)
    assert match is None or match.similarity < 50


def test_pruning_finds_the_same_best_match_as_brute_force() -> None:
    rng = random.Random(5)
    texts = [
        (TEMPLATES / name).read_text(encoding="utf-8")
        for name in (
            "refund-approved.txt",
            "delivery-delay.txt",
            "password-reset.md",
            "billing/duplicate-charge.txt",
        )
    ]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 20]
    templates = {f"t{i}": " ".join(rng.sample(sentences, rng.randint(2, 6))) for i in range(60)}
    tset = load_templates(templates)
    for _ in range(40):
        draft = " ".join(rng.sample(sentences, rng.randint(2, 6)))
        words = draft.split()
        words[rng.randrange(len(words))] = "Maria"
        draft = " ".join(words)
        cutoff = rng.choice([0, 50, 80, 90])
        got = tset.best_match(draft, score_cutoff=cutoff)
        best = max(tset.similarity(draft, template_id) for template_id in tset.ids)
        if best >= cutoff:
            assert got is not None and got.similarity == best
            assert tset.similarity(draft, got.template_id) == best
        else:
            assert got is None


def test_best_match_is_thread_safe(examples: TemplateSet) -> None:
    drafts = [FILLED, REFUND, "Hello Tom, the parcel left today.", FILLED.upper()] * 25
    expected = [examples.best_match(d) for d in drafts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(examples.best_match, drafts)) == expected


# -- NQ502 in the linter ------------------------------------------------------------------


def test_linter_reports_template_id_and_similarity() -> None:
    linter = netiquette.Linter("en", templates=TEMPLATES, select=["NQ502"])
    [suggestion] = linter.check(FILLED).suggestions
    assert suggestion.rule_id == "NQ502" and suggestion.severity == "warning"
    assert suggestion.data["template_id"] == "refund-approved"
    assert suggestion.data["similarity"] == 100.0
    assert suggestion.data["title"] is None  # a plain .txt template has no title
    assert 0 < suggestion.data["own_share"] < 0.3  # only the filled-in name is its own
    assert "100% match for the template 'refund-approved'" in suggestion.message
    assert "written for this customer" in suggestion.message


def test_own_share_grows_with_what_the_agent_adds() -> None:
    tset = load_templates(TEMPLATES)
    copied = tset.best_match(FILLED)
    longer = tset.best_match(
        FILLED + " The kettle from order 48213 reached our warehouse on 3 March, and the "
        "courier has confirmed the collection from your address in Leeds."
    )
    assert copied is not None and longer is not None
    assert longer.template_id == copied.template_id
    assert longer.own_share > copied.own_share + 0.3


def test_linter_accepts_a_loaded_set_and_config_paths(tmp_path: Path) -> None:
    tset = load_templates(TEMPLATES)
    linter = netiquette.Linter("en", templates=tset, select=["NQ502"])
    assert linter.check(FILLED).suggestions
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    config = tmp_path / ".netiquette.toml"
    config.write_text('templates = ["templates"]\n', encoding="utf-8")
    assert netiquette.Linter("en", config=config, select=["NQ502"]).check(FILLED).suggestions


def test_without_templates_nq502_does_not_run() -> None:
    report = netiquette.Linter("en", select=["boilerplate"]).check(FILLED)
    assert not [s for s in report.suggestions if s.rule_id == "NQ502"]
    assert "boilerplate" not in report.skipped  # NQ501 and NQ503 still run


def test_span_avoids_links_so_the_finding_is_kept() -> None:
    template = (
        "Hi {{first_name}}, you can reset your password at https://example.com/reset in a "
        "minute. The link in the e-mail works for 24 hours, so please use it today."
    )
    draft = template.replace("{{first_name}}", "Maria")
    linter = netiquette.Linter("en", templates={"reset": template}, select=["NQ502"])
    [suggestion] = linter.check(draft).suggestions
    assert "https://" not in suggestion.match
    assert suggestion.match == (
        "in a minute. The link in the e-mail works for 24 hours, so please use it today."
    )


# -- boilerplate.yaml and NQ503 ----------------------------------------------------------


def test_boilerplate_data_is_clean() -> None:
    data = load("en", "boilerplate.yaml")["generic-reply"]
    words = data["glue"]
    assert words == sorted(words) and len(words) == len(set(words))
    phrases = data["filler"]
    assert (len(words), len(phrases)) == (65, 55)
    assert len(phrases) == len(set(phrases))
    for phrase in phrases:
        regex = re.compile(phrase_pattern(phrase, "en"))
        # Every phrase matches its first alternatives written out, innermost group first.
        example = phrase
        while "(" in example:
            example = re.sub(r"\(([^()|]*)(?:\|[^()]*)?\)", r"\1", example)
        assert regex.search(" ".join(example.replace("*", "ize").split())), phrase


def test_phrase_pattern_alternatives() -> None:
    phrase = "(we|i) (sincerely |)apologi* for (any|the) delay (caused|)"
    regex = re.compile(phrase_pattern(phrase, "en"))
    assert regex.search("we apologise for the delay.")
    assert regex.search("i sincerely apologize for any delay caused")
    assert not regex.search("we apologize for the delayed parcel")
    assert phrase_words("(a|b c) d") == ["a", "b", "c", "d"]


def test_generic_reply_fires_only_on_the_canned_example_never_on_chat_turns() -> None:
    linter = netiquette.Linter("en", select=["NQ503"])
    examples = sorted((EXAMPLES / "replies").glob("*.txt"))
    assert len(examples) == 17
    fired = [p.name for p in examples if linter.check(p.read_text(encoding="utf-8")).suggestions]
    # The template left unedited: thanks, a stock apology, "will get back to you".
    assert fired == ["needs-work-template.txt"]
    turns = agent_turns()
    assert len(turns) >= 32
    for text in turns:
        assert not linter.check(text).suggestions, text


# -- real canned responses, read in place from ../shared/ (never copied) -----------------


def _cx_macros() -> dict[str, str]:
    """The cx-macros templates by id: the file's name and the template's number."""
    return {f"{name}-{n}": text for n, (name, text) in enumerate(cx_macros())}


def _fill(template: str, rng: random.Random) -> str:
    values = ["Maria", "Friday", "48213", "£12.50", "the billing team", "two days"]
    text = re.sub(r"\{[^{}\n]*\}", lambda _: rng.choice(values), template)
    words = text.split(" ")
    words[rng.randrange(len(words))] = "really"  # a light edit
    return " ".join(words)


def test_cx_macros_filled_in_and_lightly_edited_match_themselves() -> None:
    macros = _cx_macros()
    tset = load_templates(macros)
    rng = random.Random(1)
    checked = itself = 0
    for template_id, text in macros.items():
        if tset[template_id].word_count < 12:
            continue
        draft = _fill(text, rng)
        own = tset.similarity(draft, template_id)
        assert own >= 90, (template_id, own)
        match = tset.best_match(draft, score_cutoff=90, min_words=8)
        assert match is not None and match.similarity >= own
        checked += 1
        # The tone variations share most of their words, so a sibling may tie.
        itself += match.template_id == template_id
    assert checked >= 40
    assert itself >= checked - 3


def test_cx_macros_with_a_real_answer_added_do_not_match() -> None:
    macros = _cx_macros()
    tset = load_templates(macros)
    rng = random.Random(2)
    answer = (
        " I checked order 48213: the charge of £34.99 on 2 May was for the annual plan you "
        "switched to on 28 April, and the £29.99 monthly plan was refunded the same day, so "
        "both lines on your statement are correct and you will not be charged again until May."
    )
    checked = 0
    for template_id, text in macros.items():
        if not 12 <= tset[template_id].word_count <= 80:
            continue
        match = tset.best_match(_fill(text, rng) + answer, score_cutoff=90, min_words=8)
        assert match is None, (template_id, match)
        checked += 1
    assert checked >= 40


def test_freecodecamp_templates_match_their_filled_copies() -> None:
    blocks = [block for _, block in freecodecamp_replies()]
    assert len(blocks) >= 15
    templates = {f"fcc-{i}": block for i, block in enumerate(blocks)}
    tset = load_templates(templates)
    checked = 0
    for template_id, block in templates.items():
        draft = block.replace("@username", "@maria-dev").replace("<#number>", "#51234")
        match = tset.best_match(draft, score_cutoff=90, min_words=8)
        if tset[template_id].word_count >= 12:
            assert match is not None and match.similarity >= 90, template_id
            checked += 1
    assert checked >= 12


def test_message_names_the_template_title_when_the_export_has_one() -> None:
    export = TEMPLATES / "zendesk-macros.json"
    tset = load_templates(export)
    template = next(t for t in tset if t.title == "Shipping::Order shipped")
    draft = template.text.replace("{{ticket.requester.first_name}}", "Maria")
    [suggestion] = (
        netiquette.Linter("en", templates=tset, select=["NQ502"]).check(draft).suggestions
    )
    assert "'Shipping::Order shipped' (360001001)" in suggestion.message
    assert suggestion.data["title"] == "Shipping::Order shipped"


@pytest.mark.parametrize(
    ("syntax", "greeting"),
    [
        ("liquid", "Hi {{ ticket.requester.first_name }},"),
        (
            "liquid-if",
            "Hi{% if ticket.requester.first_name %} {{ticket.requester.first_name}}{% endif %},",
        ),
        ("intercom", 'Hi {{first_name | fallback: "there"}},'),
        ("helpscout", "Hi {%customer.firstName,fallback=there%},"),
        ("mustache", "Hi {{#customer}}{{name}}{{/customer}},"),
        ("square", "Hi [NAME],"),
        ("angle", "Hi <NAME>,"),
        ("percent", "Hi %NAME%,"),
        ("dollar", "Hi ${name},"),
    ],
)
def test_a_filled_in_copy_matches_whatever_the_placeholder_syntax(
    syntax: str, greeting: str
) -> None:
    body = (
        " thanks for contacting us about your order. Your refund has been processed today "
        "and should reach your account within five business days."
    )
    tset = load_templates({syntax: greeting + body})
    match = tset.best_match("Hi Maria," + body, score_cutoff=90)
    assert match is not None and match.template_id == syntax and match.similarity >= 95


def test_the_api_reads_and_writes_the_template_index_as_the_cli_does(tmp_path: Path) -> None:
    # Regression: Linter(config={"templates_index": ...}) never read or wrote the index.
    folder = tmp_path / "macros"
    shutil.copytree(TEMPLATES, folder)
    index = tmp_path / "cache" / "index.bin"
    index.parent.mkdir()
    config = {"templates": [str(folder)], "templates_index": str(index)}
    draft = "Hi Maria, thanks for getting in touch. I've processed your refund."
    netiquette.Linter("en", config=config, select=["NQ502"]).check(draft)
    assert index.is_file()  # written on the first build
    first = index.stat().st_mtime_ns
    netiquette.Linter("en", config=config, select=["NQ502"])
    assert index.stat().st_mtime_ns == first  # fits the templates: reused, not rewritten
    (folder / "extra.txt").write_text("Your parcel left our warehouse this morning.", "utf-8")
    loaded = load_templates(folder, index=index)
    assert loaded.notes and "rebuilding" in loaded.notes[0]
    assert index.stat().st_mtime_ns != first  # stale: rebuilt for the new templates
