"""Hostile input: texts, names and configs written by strangers, and outputs that
cannot be written. Each case gets the project's own error and exit 2, never a
traceback, never a silent pass. (Growth in time is measured by
benchmarks/bench_linear.py and tests/test_pattern_growth.py; memory by
benchmarks/bench_memory.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import netiquette
from helpers import run_netiquette
from netiquette import ConfigError, InputError
from netiquette.cli import main
from netiquette.config import load_settings, read_config_file
from netiquette.text import markup, nlp
from netiquette.text.document import Document
from netiquette.text.escape import line_start, one_line

CLEAN = "Hi Ana,\n\nYour parcel arrives on Monday. Thank you for your patience.\n\nBest,\nBo\n"


# -- texts ---------------------------------------------------------------------------


def test_a_lone_surrogate_is_an_input_error(linter_en: netiquette.Linter) -> None:
    with pytest.raises(InputError, match=r"lone surrogate \(U\+D800\) at offset 3"):
        linter_en.check("Hi \ud800 there")


def test_long_runs_without_spaces_are_tokenised_in_pieces_with_exact_offsets() -> None:
    text = "Hi! " + "!" * 1000 + " and " + "{{" * 300 + " ok"
    assert len(nlp.tokenizable(text)) == len(text)
    tokens = Document(text, "en").tokens
    assert max(t.end - t.start for t in tokens) <= nlp.MAX_RUN
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens[-2:]] == ["{{", "ok"] or tokens[-1].text == "ok"


def test_a_word_up_to_the_longest_run_stays_one_token() -> None:
    word = "Çekoslovakyalılaştıramadıklarımızdanmışsınız"  # 44 letters
    assert [t.text for t in Document(f"Siz {word}.", "tr").tokens][1] == word


def test_a_long_url_is_still_protected(linter_en: netiquette.Linter) -> None:
    url = "https://example.com/track?" + "&".join(f"utm_X{i}=ASAP" for i in range(40))
    report = linter_en.check(f"Hi Ana, your parcel is on its way: {url} Best, Bo")
    assert not [s for s in report.suggestions if s.start >= 36]


def test_pathological_runs_check_with_valid_spans(linter_en: netiquette.Linter) -> None:
    for text in (
        "!" * 5000,
        "<!--" * 800,
        "```a\n" * 600,
        "<b " * 1500,
        "Order #" + "X" * 60 + "ABC",
    ):
        report = linter_en.check(text)
        assert all(text[s.start : s.end] == s.match for s in report.suggestions)


def test_the_pipeline_is_renewed_after_many_new_words(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Hi Ana, your order A-{} is on its way; ticket {} is closed."
    before = Document(text.format(0, 0), "en").tokens
    monkeypatch.setattr(nlp, "MAX_NEW_WORDS", 50)
    first = nlp.pipeline("en")
    for n in range(200):
        assert Document(text.format(n * 7919, n), "en").tokens
    assert nlp.pipeline("en") is not first
    assert Document(text.format(0, 0), "en").tokens == before


def test_comments_and_fences_are_found_as_a_lazy_pattern_would() -> None:
    text = "a <!-- one --> b <!-- two --> c <!-- open"
    assert [text[s:e] for s, e in markup.html_comments(text)] == ["<!-- one -->", "<!-- two -->"]
    fenced = "Run:\n```\nreset --all\n```\nthen\n```py\nx = 1\n```\n```never closed\n"
    assert [fenced[s:e] for s, e in markup.fenced_code(fenced)] == [
        "```\nreset --all\n```",
        "```py\nx = 1\n```",
    ]
    html = "<p>Hi</p><script>x<y</script><style>p{}</STYLE ><!-- c --><script>open"
    # an unclosed script is left as it is (script is no tag name of the prose)
    assert markup.strip_html(html).split() == ["Hi", "<script>open"]
    assert len(markup.blank_tags(html)) == len(html)


# -- selection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("select", "ignore", "message"),
    [(["tone"], ["tone"], "removes every selected rule"), ([",,,"], None, "unknown rule")],
)
def test_selecting_no_rule_is_a_config_error(
    select: list[str], ignore: list[str] | None, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        netiquette.Linter("en", select=select, ignore=ignore)


@pytest.mark.parametrize(
    "args", [["--select", "tone", "--ignore", "tone"], ["--select", ",,,"], ["--select", ""]]
)
def test_the_cli_refuses_to_run_no_rule(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(CLEAN, "utf-8")
    code = main(["check", str(tmp_path / "a.txt"), "--no-config", *args])
    assert code == 2
    assert "passed" not in capsys.readouterr().out


# -- names in output -------------------------------------------------------------------


def test_names_cannot_start_a_workflow_command_or_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "::error title=x::y.txt"
    (tmp_path / name).write_text("Hi, this is SHOUTING. Best, Bo\n", "utf-8")
    (tmp_path / "two\nlines\x1b[2J.txt").write_text("Hi, this is SHOUTING. Best, Bo\n", "utf-8")
    os.chdir(tmp_path)
    main(["check", ".", "--no-config"])
    lines = capsys.readouterr().out.splitlines()
    assert not [line for line in lines if line.startswith("::")]
    assert any(line.startswith("./::error title=x::y.txt:1:") for line in lines)
    assert any(line.startswith("two\\nlines\\x1b[2J.txt:1:") for line in lines)


def test_one_line_escapes_controls_and_invisible_marks() -> None:
    assert one_line("a\r\nb\u202e\u200bc\u2028") == "a\\r\\nb\\u202e\\u200bc\\u2028"
    assert one_line("Müşteri «İade»") == "Müşteri «İade»"
    assert line_start("::warning::x") == "./::warning::x"


# -- output that cannot be written ------------------------------------------------------


def _replies(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"r{n}.txt").write_text("Hi, this is SHOUTING and tbd lol. Best, Bo\n", "utf-8")
    return folder


def _check_in_shell(replies: Path, redirect: str) -> subprocess.CompletedProcess[str]:
    """``netiquette check`` on ``replies`` with its output redirected by a shell."""
    return subprocess.run(
        f"'{sys.executable}' -m netiquette check --no-config '{replies}' {redirect}",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    done = _check_in_shell(_replies(tmp_path / "replies", 200), "| head -1")
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_exit_2_with_a_message(tmp_path: Path) -> None:
    replies = _replies(tmp_path / "replies", 50)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "netiquette", "check", "--no-config", str(replies)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert "cannot write the report: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr


def test_closed_stdout_is_exit_2(tmp_path: Path) -> None:
    done = _check_in_shell(_replies(tmp_path / "replies", 1), ">&-")
    assert done.returncode == 2
    assert "standard output is closed" in done.stderr


# -- a project's config ----------------------------------------------------------------


def _project(tmp_path: Path, config: str) -> Path:
    project = tmp_path / "repo"
    (project / "templates").mkdir(parents=True)
    (project / "templates" / "t.txt").write_text("Thanks for your patience.", "utf-8")
    (project / ".netiquette.toml").write_text(config, "utf-8")
    return project / ".netiquette.toml"


@pytest.mark.parametrize(
    "config",
    [
        'templates = ["/"]',
        'templates = ["../outside"]',
        'templates = ["templates", "/etc"]',
        'templates-index = "/tmp/elsewhere.npz"',
        'templates-index = "../index.npz"',
    ],
)
def test_a_project_config_names_files_only_inside_the_project(tmp_path: Path, config: str) -> None:
    with pytest.raises(ConfigError, match="outside the project folder"):
        read_config_file(_project(tmp_path, config))


def test_a_symlink_out_of_the_project_is_outside(tmp_path: Path) -> None:
    path = _project(tmp_path, 'templates = ["linked"]')
    (tmp_path / "secret").mkdir()
    (path.parent / "linked").symlink_to(tmp_path / "secret")
    with pytest.raises(ConfigError, match="outside the project folder"):
        read_config_file(path)


def test_paths_inside_the_project_are_made_absolute(tmp_path: Path) -> None:
    path = _project(tmp_path, 'templates = ["templates"]\ntemplates-index = "cache/i.npz"')
    settings = read_config_file(path)
    assert settings.templates == (str(path.parent.resolve() / "templates"),)
    assert settings.templates_index == str(path.parent.resolve() / "cache" / "i.npz")


def test_a_project_config_cannot_send_drafts_to_a_server(tmp_path: Path) -> None:
    path = _project(tmp_path, 'languagetool_url = "http://attacker.example:8081"')
    with pytest.raises(ConfigError, match="NETIQUETTE_LANGUAGETOOL_URL"):
        read_config_file(path)
    done = run_netiquette("check", str(path.parent / "templates" / "t.txt"), cwd=path.parent)
    assert done.returncode == 2 and "not read from a project's config" in done.stderr


def test_the_server_comes_from_the_environment_or_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETIQUETTE_LANGUAGETOOL_URL", "http://localhost:8081")
    assert load_settings(use_files=False).languagetool_url == "http://localhost:8081"
    assert netiquette.Linter("en").settings.languagetool_url == "http://localhost:8081"
    monkeypatch.delenv("NETIQUETTE_LANGUAGETOOL_URL")
    home = tmp_path / "home"
    (home / "netiquette").mkdir(parents=True)
    (home / "netiquette" / "config.toml").write_text(
        'languagetool_url = "http://lt.internal:8010"\ntemplates = ["/srv/macros"]\n', "utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    project = _project(tmp_path, "fail-under = 80")
    settings = load_settings(start=project.parent)
    assert settings.languagetool_url == "http://lt.internal:8010"
    assert settings.templates == ("/srv/macros",)
    assert settings.fail_under == 80


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pyproject.toml", "tool = 5\n", "'tool' must be a table"),
        ("pyproject.toml", "[tool]\nnetiquette = 3\n", r"\[tool.netiquette\] must be a table"),
        (".netiquette.toml", "a = " + "[" * 100_000 + "]" * 100_000 + "\n", "invalid TOML"),
        (".netiquette.toml", "fail-under = 'x\n", "invalid TOML"),
    ],
)
def test_malformed_config_is_a_config_error_and_exit_2(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=message):
        read_config_file(path)
    (tmp_path / "a.txt").write_text(CLEAN, "utf-8")
    done = run_netiquette("check", "--config", str(path), "a.txt", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr


def test_the_size_limit_is_a_setting() -> None:
    text = "Thanks for your patience. " * 8000  # 208,000 characters
    with pytest.raises(InputError, match=r"limit is 200,000 \(max_chars\)"):
        netiquette.Linter("en").check(text)
    assert netiquette.Linter("en", config={"max_chars": 300_000}).check(text).passed
    with pytest.raises(ConfigError, match="max_chars"):
        netiquette.Linter("en", config={"max_chars": 5_000_000})


def test_phrase_stems_and_patterns_start_only_where_a_word_starts() -> None:
    """From every token inside one long run of letters, a stem or a pattern such as
    ``\\w+m[ae]y[ıi] unuttunuz`` would read the rest of the run: quadratic time."""
    import gc

    from netiquette.engines.phrases import PhraseList

    netiquette.Linter("tr").check("Merhaba, ödemeyi unuttunuz.")
    text = "Order #" + "X" * 3000 + "dikkatsizliğinizX" * 100 + " ABC"
    doc = Document(text, "tr")
    lists = [o for o in gc.get_objects() if isinstance(o, PhraseList) and o.lang == "tr"]
    assert lists
    for phrases in lists:
        for at, _ in phrases._candidates(doc):
            assert at == 0 or not text[at - 1].isalnum(), (at, text[at - 5 : at + 5])
