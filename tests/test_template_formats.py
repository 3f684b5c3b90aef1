"""Template files in every format (netiquette.templates.formats) and their errors."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

import netiquette
from conftest import EXAMPLES
from helpers import freecodecamp_replies
from netiquette.cli import main
from netiquette.config import settings_from_mapping
from netiquette.errors import ConfigError, TemplateError
from netiquette.templates import load as load_templates
from netiquette.templates.formats import TemplateFileError, detect_format
from netiquette.text.markup import looks_like_html, strip_html

TEMPLATES = EXAMPLES / "templates"
ZENDESK = TEMPLATES / "zendesk-macros.json"
FRESHDESK = TEMPLATES / "freshdesk-canned.json"
HELPSCOUT = TEMPLATES / "helpscout-saved-replies.json"
CSV = TEMPLATES / "macros.csv"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- each format --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "titles", "first_words"),
    [
        (
            ZENDESK,
            {"360001001": "Shipping::Order shipped", "360001002": "Billing::Invoice copy"},
            {"360001001": "Hi {{ticket.requester.first_name}},\n\nGood news"},
        ),
        (
            FRESHDESK,
            {"8001": "Account locked after failed sign-ins", "8002": "Subscription cancelled"},
            {"8001": "Hi {{ticket.requester.name}},\n\nYour account was locked"},
        ),
        (
            HELPSCOUT,
            {"101": "Feature request logged", "102": "Data export ready"},
            {"101": "<p>Hi {%customer.firstName,fallback=there%},</p><p>Thanks"},
        ),
        (
            CSV,
            {"damaged-item": "Item arrived damaged", "address-change": "Change delivery address"},
            {"address-change": "Hi [NAME],\n\nI've updated the delivery address on order [ORDER]"},
        ),
    ],
)
def test_each_export_loads_ids_titles_and_bodies(
    path: Path, titles: dict[str, str], first_words: dict[str, str]
) -> None:
    loaded = load_templates(path)
    assert {t.id: t.title for t in loaded} == titles
    for template_id, start in first_words.items():
        assert loaded[template_id].text.startswith(start)
        assert loaded[template_id].source == str(path)
    assert not loaded.problems


def test_zendesk_macro_without_a_comment_is_not_a_template() -> None:
    loaded = load_templates(ZENDESK)
    assert "360001003" not in loaded  # it only sets a group and a priority
    assert loaded["360001001"].line == 4  # the line of its "id"


def test_html_bodies_keep_their_text_and_match_on_words() -> None:
    invoice = load_templates(ZENDESK)["360001002"]
    assert invoice.text.startswith("<p>Hi {{ticket.requester.first_name}},</p>")
    assert "p" not in invoice.words and "strong" not in invoice.words
    assert "from settings billing invoices at" in " ".join(w or "{}" for w in invoice.words)
    # Freshdesk: plain "content" wins over "content_html"; html alone is stripped.
    freshdesk = load_templates(FRESHDESK)
    assert "<div>" not in freshdesk["8001"].text
    assert freshdesk["8002"].text.startswith("<div>")
    assert "div" not in freshdesk["8002"].words and "rarr" not in freshdesk["8002"].words
    # Help Scout: the link's text stays, its address and the tags go.
    export = load_templates(HELPSCOUT)["102"].words
    assert "exports" in export and "href" not in export and "https" not in export


def test_strip_html_keeps_placeholders_that_look_like_tags() -> None:
    text = "<p>Hi <NAME>,</p><br/>Order <b>#1</b> &amp; more<!-- note --><style>p{}</style>"
    assert " ".join(strip_html(text).split()) == "Hi <NAME>, Order #1 & more"
    assert looks_like_html("<div>Hi</div>") and not looks_like_html("Hi <NAME>, thanks")


def test_front_matter_sets_id_title_lang_and_tags(tmp_path: Path) -> None:
    reset = load_templates(TEMPLATES / "password-reset.md")["password-reset"]
    assert (reset.title, reset.lang, reset.tags) == (
        "Password reset link",
        "en",
        ("account", "login"),
    )
    assert reset.text.startswith("Hi [Customer Name],") and reset.line == 7
    _write(
        tmp_path / "a.md",
        "---\nid: shipping/late\ntags: late, courier\n---\nYour **parcel** is late.",
    )
    _write(tmp_path / "b.md", "---\n---\nNo metadata here, id from the file name.")
    _write(tmp_path / "c.txt", "No front matter.\n---\nA rule, not front matter.")
    loaded = load_templates(tmp_path)
    assert loaded.ids == ["b", "c", "shipping/late"]
    assert loaded["shipping/late"].tags == ("late", "courier")
    assert loaded["shipping/late"].text == "Your **parcel** is late."  # Markdown kept
    assert loaded["c"].text.startswith("No front matter.\n---")


def test_zendesk_variants_list_values_bare_lists_and_one_macro(tmp_path: Path) -> None:
    macro = {
        "id": 7,
        "title": "Old export",
        "actions": [
            {"field": "comment_value", "value": ["channel:all", "Your order shipped today."]}
        ],
    }
    bare = _write(tmp_path / "bare.json", json.dumps([macro]))
    one = _write(tmp_path / "one.json", json.dumps({"macro": macro}))
    for path in (bare, one):
        loaded = load_templates(path)
        assert loaded.ids == ["7"] and loaded["7"].text == "Your order shipped today."


def test_csv_column_aliases_and_ids_from_row_numbers(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "replies.csv",
        'Name,Content\nThanks,"Thank you for your order, it ships today."\n\n'
        'Late,"Your parcel is running\ntwo days late."\n',
    )
    loaded = load_templates(path)
    assert loaded.ids == ["replies-1", "replies-2"]
    assert loaded["replies-2"].title == "Late" and loaded["replies-2"].line == 4


# -- detection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [(ZENDESK, "zendesk"), (FRESHDESK, "freshdesk"), (HELPSCOUT, "helpscout"), (CSV, "csv")],
)
def test_format_is_detected(path: Path, expected: str) -> None:
    assert detect_format(path, path.read_text(encoding="utf-8")) == expected


def test_detection_by_content_and_explicit_format(tmp_path: Path) -> None:
    # A JSON export saved without a suffix is recognised by its shape.
    saved = _write(tmp_path / "saved-replies", HELPSCOUT.read_text(encoding="utf-8"))
    assert load_templates(saved).ids == ["101", "102"]
    # A text template named .json is read as text only when told so.
    odd = _write(tmp_path / "note.json", '{"a": 1} is how the settings look, Maria.')
    with pytest.raises(TemplateFileError, match=r"note\.json:1:\d+: malformed JSON"):
        load_templates(odd)
    assert load_templates(odd, format="text").ids == ["note"]
    with pytest.raises(TemplateError, match="unknown template format 'xml'"):
        load_templates(odd, format="xml")


def test_unknown_formats_name_the_file(tmp_path: Path) -> None:
    other = _write(tmp_path / "export.json", '{"articles": [{"id": 1, "body": "Hi"}]}')
    with pytest.raises(TemplateFileError, match=r"export\.json:1: unknown template format"):
        load_templates(other)
    with pytest.raises(TemplateFileError, match=r"macros\.xml: unknown template format '\.xml'"):
        load_templates(_write(tmp_path / "macros.xml", "<macros><macro/></macros>"))


# -- errors -------------------------------------------------------------------------------


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    broken = _write(tmp_path / "macros.json", '{"macros": [\n  {"id": 1, "title": "A",}\n]}')
    with pytest.raises(TemplateFileError) as info:
        load_templates(broken)
    assert (info.value.path, info.value.line, info.value.column) == (str(broken), 2, 26)
    assert str(info.value).startswith(f"{broken}:2:26: malformed JSON")


def test_malformed_front_matter_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.md", "---\nid: ok\ntitle: [unclosed\n---\nHi there, Maria.")
    with pytest.raises(TemplateFileError, match=r"bad\.md:\d: malformed front matter"):
        load_templates(path)


def test_csv_without_a_body_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.csv", "id,title,comment\n1,A,Hello there\n")
    with pytest.raises(TemplateFileError, match=r"m\.csv:1: CSV header has no body column"):
        load_templates(path)


def test_duplicate_ids_name_both_places(tmp_path: Path) -> None:
    macros = json.loads(ZENDESK.read_text(encoding="utf-8"))
    macros["macros"][1]["id"] = 360001001
    path = _write(tmp_path / "dup.json", json.dumps(macros, indent=2))
    with pytest.raises(TemplateFileError) as info:
        load_templates(path)
    message = str(info.value)
    assert "two templates have the id '360001001'" in message
    assert f"{path}:4 and {path}:" in message and info.value.line not in (None, 4)
    # Across files: a front-matter id that an export already uses.
    copy = _write(tmp_path / "copy.md", "---\nid: damaged-item\n---\nAnother text for it.")
    with pytest.raises(TemplateError, match=rf"{re.escape(str(CSV))}:2 and {re.escape(str(copy))}"):
        load_templates([CSV, copy])


def test_collect_mode_skips_bad_files_and_loads_the_rest(tmp_path: Path) -> None:
    broken = _write(tmp_path / "broken.json", '{"macros": [')
    nobody = _write(tmp_path / "m.csv", "id,title\n1,A\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    _write(folder / "ok.txt", "Your parcel left our warehouse today.")
    _write(folder / "bad.md", "---\ntitle: [\n---\nBody")
    loaded = load_templates([ZENDESK, broken, nobody, folder, CSV, ZENDESK], on_error="collect")
    assert loaded.ids == ["360001001", "360001002", "address-change", "damaged-item", "ok"]
    problems = [str(p) for p in loaded.problems]
    assert len(problems) == 5
    assert problems[0].startswith(f"{broken}:1:13: malformed JSON")
    assert problems[1].startswith(f"{nobody}:1: CSV header has no body column")
    assert problems[2].startswith(f"{folder / 'bad.md'}:3: malformed front matter")
    assert problems[3].startswith(f"{ZENDESK}:4: two templates have the id '360001001'")
    with pytest.raises(ValueError, match="on_error"):
        load_templates(CSV, on_error="ignore")


def test_explicit_wrong_format_reports_each_record(tmp_path: Path) -> None:
    loaded = load_templates(ZENDESK, format="helpscout", on_error="collect")
    assert len(loaded) == 0
    assert str(loaded.problems[0]).startswith(f"{ZENDESK}: record #1: no 'text'")
    with pytest.raises(TemplateFileError, match="give the zendesk export file itself"):
        load_templates(TEMPLATES, format="zendesk")


# -- configuration and CLI ----------------------------------------------------------------


def test_templates_format_is_validated() -> None:
    assert settings_from_mapping({"templates-format": "Zendesk"}).templates_format == "zendesk"
    with pytest.raises(ConfigError, match="'templates_format' must be one of auto, text"):
        settings_from_mapping({"templates_format": "json"})


SHIPPED = (
    "Hi Maria,\n\nGood news: your order has left our warehouse and is on its way. You can "
    "follow the parcel with the tracking link in your shipping confirmation e-mail; it usually "
    "takes two to four business days to arrive.\n\nIf the tracking page hasn't changed for "
    "three days, reply to this e-mail and we'll chase the courier for you.\n\nBest,\nSam"
)
LOCKED = (
    "Hi Maria,\n\nYour account was locked for 30 minutes after several sign-in attempts with "
    "the wrong password. This protects your data if someone else is trying to get in.\n\nYou "
    "can sign in again after 30 minutes, or reset your password now from the sign-in page to "
    "unlock it straight away.\n\nRegards,\nSam"
)
EXPORT_READY = (
    "Hi Maria,\n\nYour data export is ready. You can download it from your exports page for "
    "the next seven days; after that the file is deleted for your security.\n\nSam"
)
OWN_ANSWER = (
    "Hi Maria,\n\nYour order #48213 left our Leeds warehouse this morning with DPD. The "
    "courier's page says Thursday before noon; if it misses that, tell me and I'll refund "
    "the express shipping you paid for.\n\nSam"
)


@pytest.mark.parametrize(
    ("export", "draft", "template_id"),
    [
        (ZENDESK, SHIPPED, "360001001"),
        (FRESHDESK, LOCKED, "8001"),
        (HELPSCOUT, EXPORT_READY, "102"),
    ],
)
def test_filled_in_copy_of_an_export_is_flagged(export: Path, draft: str, template_id: str) -> None:
    linter = netiquette.Linter("en", templates=export, select=["NQ502"])
    [suggestion] = linter.check(draft).suggestions
    assert suggestion.data["template_id"] == template_id
    assert suggestion.data["similarity"] >= 95
    assert not linter.check(OWN_ANSWER).suggestions
    # The same through the config key.
    by_config = netiquette.Linter(
        "en", config={"templates": [str(export)], "templates_format": "auto"}, select=["NQ502"]
    )
    assert by_config.check(draft).suggestions


def test_cli_templates_format_and_bad_template_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reply = _write(tmp_path / "reply.txt", LOCKED)
    saved = _write(tmp_path / "canned.export", FRESHDESK.read_text(encoding="utf-8"))
    args = ["check", "--no-config", "--lang", "en", "--select", "NQ502", "--format", "json"]
    code = main([*args, "--templates", str(saved), "--templates-format", "freshdesk", str(reply)])
    out = capsys.readouterr()
    assert code == 0 and '"template_id": "8001"' in out.out and not out.err  # a warning
    # A bad template file: named on stderr, the good ones still used, exit 2.
    broken = _write(tmp_path / "broken.json", '{"macros": [\n  {"id": 1,,}\n]}')
    code = main([*args, "--templates", str(broken), "--templates", str(FRESHDESK), str(reply)])
    out = capsys.readouterr()
    assert code == 2
    assert f"netiquette: error: {broken}:2:12: malformed JSON" in out.err
    assert '"template_id": "8001"' in out.out
    with pytest.raises(SystemExit) as exited:
        main([*args, "--templates-format", "xml", str(reply)])
    assert exited.value.code == 2


# -- real public canned responses -------------------------------------------------------


def test_freecodecamp_replies_as_csv_and_front_matter_files(tmp_path: Path) -> None:
    replies: dict[str, str] = {}
    for title, reply in freecodecamp_replies():
        replies.setdefault(title, reply)  # the first reply under each heading
    assert len(replies) >= 12
    import csv

    with (tmp_path / "fcc.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "body"])
        for n, (title, body) in enumerate(replies.items(), 1):
            writer.writerow([f"fcc-{n}", title, body])
    folder = tmp_path / "md"
    folder.mkdir()
    for n, (title, body) in enumerate(replies.items(), 1):
        _write(folder / f"{n}.md", f"---\nid: fcc-{n}\ntitle: {json.dumps(title)}\n---\n{body}")
    from_csv = load_templates(tmp_path / "fcc.csv")
    from_md = load_templates(folder)
    assert from_csv.ids == from_md.ids and len(from_csv) == len(replies)
    for template in from_csv:
        assert from_md[template.id].words == template.words
        assert from_md[template.id].title == template.title
    # A reply built from a template with the contributor's handle filled in is found.
    build_error = next(t for t in from_csv if t.title == "Build Error")
    draft = build_error.text.replace("@username", "@maria-k")
    linter = netiquette.Linter("en", templates=from_csv, select=["NQ502"])
    [suggestion] = linter.check(draft).suggestions
    assert suggestion.data["template_id"] == build_error.id


def test_thousand_zendesk_macros_load_with_their_lines(tmp_path: Path) -> None:
    base = json.loads(ZENDESK.read_text(encoding="utf-8"))["macros"][:2]
    macros = []
    for n in range(1000):
        macro = json.loads(json.dumps(base[n % 2]))
        macro["id"] = 1000 + n
        for action in macro["actions"]:
            if action["field"].startswith("comment_value"):
                action["value"] = action["value"].replace("Hi", f"Hi (case {n})", 1)
        macros.append(macro)
    path = _write(tmp_path / "macros.json", json.dumps({"macros": macros}, indent=2))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = load_templates(path)
    assert len(loaded) == 1000 and loaded["1999"].line is not None
