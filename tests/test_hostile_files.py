"""Files a stranger wrote: devices, pipes, links out of the repository, bombs and
malformed exports. Each gives the project's own error naming the file (and the line
where there is one), exit 2 from the CLI, no traceback, and never the file's text."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from helpers import run_netiquette
from netiquette import InputError, TemplateError
from netiquette.sources import read_file, read_limited
from netiquette.templates import TemplateWarning
from netiquette.templates import load as load_templates

REPLY = "Hi Ana,\n\nYour parcel arrives on Monday. Thank you for your patience.\n\nBest,\nBo\n"
SECRET = "root:x:0:0:the secret first line of a file outside the repository"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checkout with one good reply, and a secret file outside it."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET, "utf-8")
    checkout = tmp_path / "repo"
    checkout.mkdir()
    (checkout / "ok.txt").write_text(REPLY, "utf-8")
    return checkout


# -- devices, pipes, sizes ---------------------------------------------------------------


def test_a_link_to_dev_zero_is_refused_not_read_forever(repo: Path) -> None:
    (repo / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match=r"not a regular file \(a character device\)"):
        read_file(repo / "zero.txt")
    done = run_netiquette("check", "zero.txt", "--no-config", cwd=repo)
    assert done.returncode == 2 and "zero.txt: not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_fifo_is_refused_without_blocking(repo: Path) -> None:
    os.mkfifo(repo / "pipe.txt")
    with pytest.raises(InputError, match="a named pipe"):
        read_file(repo / "pipe.txt")
    done = run_netiquette("check", ".", "--no-config", cwd=repo)
    assert done.returncode == 2 and "pipe.txt: not a regular file" in done.stderr
    assert "1 text checked" in done.stdout  # ok.txt is still checked


def test_at_most_the_limit_plus_one_byte_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 1001)
    with pytest.raises(InputError, match="more than 1,000 bytes"):
        read_limited(big, 1000)
    assert read_limited(big, 1001) == b"a" * 1001


def test_a_template_link_to_dev_zero_is_a_template_error(tmp_path: Path) -> None:
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    with pytest.raises(TemplateError, match="not a regular file"):
        load_templates(str(tmp_path / "zero.csv"))


# -- symbolic links ----------------------------------------------------------------------


def test_links_out_of_a_checked_folder_are_not_followed(repo: Path) -> None:
    (repo / "leak.txt").symlink_to(repo.parent / "outside" / "secret.txt")
    (repo / "linked").symlink_to(repo.parent / "outside")
    done = run_netiquette("check", ".", "--format", "json", "--no-config", cwd=repo)
    assert "secret" not in done.stdout and SECRET not in done.stderr
    assert "leak.txt: a symbolic link out of" in done.stderr
    assert "linked: a symbolic link to a folder, not followed" in done.stderr
    assert done.returncode == 0
    followed = run_netiquette(
        "check", ".", "--format", "json", "--follow-symlinks", "--no-config", cwd=repo
    )
    assert followed.stdout.count('"path"') == 3  # ok, leak, linked/secret


def test_a_link_inside_the_folder_is_followed(repo: Path) -> None:
    (repo / "sub").mkdir()
    (repo / "sub" / "again.txt").symlink_to(repo / "ok.txt")
    done = run_netiquette("check", ".", "--format", "json", "--no-config", cwd=repo)
    assert done.stdout.count('"path"') == 2


def test_a_loop_of_links_ends(repo: Path) -> None:
    (repo / "sub").mkdir()
    (repo / "sub" / "up").symlink_to(repo)
    done = run_netiquette("check", ".", "--follow-symlinks", "--no-config", cwd=repo)
    assert done.returncode == 0 and "1 text checked" in done.stdout


def test_template_folders_skip_links_out_with_a_warning(repo: Path) -> None:
    (repo / "leak.md").symlink_to(repo.parent / "outside" / "secret.txt")
    with pytest.warns(TemplateWarning, match="leak.md: a symbolic link out of"):
        loaded = load_templates(str(repo))
    assert set(loaded.ids) == {"ok"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert set(load_templates(str(repo), follow_symlinks=True).ids) == {"ok", "leak"}
    done = run_netiquette("templates", "audit", ".", "--no-config", cwd=repo)
    assert "leak.md: a symbolic link out of" in done.stderr and SECRET not in done.stdout


# -- malformed and hostile template files -------------------------------------------------


def _problem(path: Path) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = load_templates([str(path)], on_error="collect")
    assert loaded.problems, "expected a problem"
    message = str(loaded.problems[0])
    assert str(path) in message
    return message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("big-id.json", '[{"id": ' + "7" * 5000 + ', "actions": []}]', "a number too long"),
        ("open.csv", 'id,body\n1,"Thanks for waiting\n', "a quoted cell is never closed"),
        ("wide.csv", "id,body\n1," + "a" * 140_000 + "\n", "longer than 131,072 characters"),
        (
            "bomb.md",
            "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n"
            "---\nHello.",
            "anchors and aliases",
        ),
        ("deep.md", "---\na: " + "[" * 50_000 + "\n---\nHello.", "front matter"),
        (
            "half.json",
            '[{"id": 1, "actions": [{"field": "comment_value", "value": "Hi \\ud800 there"}]}]',
            "lone surrogate",
        ),
        ("half.md", '---\nid: "a\\ud800"\n---\nHello there.', "lone surrogate"),
    ],
)
def test_malformed_template_files_name_the_problem(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    assert expected in _problem(path)
    done = run_netiquette("templates", "audit", str(path), "--no-config")
    assert done.returncode == 2 and expected in done.stderr
    assert "Traceback" not in done.stderr


def test_errors_never_echo_the_file(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text(SECRET + "\nbin:x:1:1::/:/bin/false\n", "utf-8")
    with pytest.raises(TemplateError) as caught:
        load_templates([str(secret)], format="csv")
    message = str(caught.value).replace(str(tmp_path), "")
    assert "secret" not in message and "root" not in message
    front = tmp_path / "t.md"
    front.write_text("---\ntags: {secret: root}\nid: [the, secret]\n---\nHello.", "utf-8")
    assert "secret" not in _problem(front).replace(str(tmp_path), "")


def test_an_export_record_of_the_wrong_shape_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text('{"macros": [{"id": 1, "title": "t", "actions": 5}]}', "utf-8")
    assert "'actions' must be a list" in _problem(path)


def test_stdin_is_read_up_to_the_limit_only() -> None:
    done = run_netiquette("check", "--no-config", "-", stdin="a" * 4_000_001)
    assert done.returncode == 2 and "<stdin>: more than 4,000,000 bytes" in done.stderr


def test_yaml_never_builds_python_objects(tmp_path: Path) -> None:
    import yaml

    from netiquette.lang.files import parse_yaml

    with pytest.raises(TypeError, match="not a safe YAML loader"):
        parse_yaml("a: 1", yaml.UnsafeLoader)
    marker = tmp_path / "ran"
    path = tmp_path / "t.md"
    path.write_text(
        f'---\nid: !!python/object/apply:os.system ["touch {marker}"]\n---\nHello there.', "utf-8"
    )
    assert "malformed front matter" in _problem(path)
    assert not marker.exists()
