"""netiquette templates audit: malformed placeholders, duplicates, tiny templates,
JSON shape, exit codes, helpdesk exports and the real public templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import netiquette
from conftest import EXAMPLES, shared_path
from helpers import run_cli
from netiquette.config import settings_from_mapping
from netiquette.templates import audit
from netiquette.templates.placeholder_checks import placeholder_findings


def _checker(lang: str = "en") -> netiquette.Linter:
    """The linter the audit runs on each template (as `netiquette templates audit`)."""
    return netiquette.Linter(lang, ignore=audit.IGNORED_RULES)


SHIPPED = (
    "Hi {{first_name}},\n\nThanks for reaching out about your order. It left our "
    "warehouse this morning and should arrive within three business days.\n\nBest,\nSam\n"
)


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys, "templates", "audit", "--no-config")


def ids_of(result: audit.AuditResult, template_id: str) -> list[str]:
    (item,) = [t for t in result.templates if t.id == template_id]
    return [f.rule_id for f in item.findings]


def findings(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.rule_id, f.match) for _, f in placeholder_findings(text, "en", known)]


# -- malformed placeholders ---------------------------------------------------------------


def test_unbalanced_braces_are_errors_with_a_fix() -> None:
    found = placeholder_findings("Hi {{ name },\nYour order {order_id}} shipped.", "en")
    assert [(f.rule_id, f.match, f.replacements) for _, f in found] == [
        ("NQT101", "{{ name }", ("{{ name }}",)),
        ("NQT101", "{order_id}}", ("{{order_id}}",)),
    ]
    assert all(f.severity == "error" for _, f in found)


def test_unclosed_and_unopened_double_braces() -> None:
    assert findings("Hi {{first_name\nThanks")[0][0] == "NQT101"
    assert findings("Hi first_name}}, thanks") == [("NQT101", "}}")]


def test_space_inside_a_variable_name() -> None:
    assert findings("Hi {{ first name }}, thanks.") == [("NQT102", "{{ first name }}")]
    (_, f), *_ = placeholder_findings("Hi ${first name}.", "en")
    assert f.replacements == ("${first_name}",)


def test_valid_placeholder_syntaxes_are_not_malformed() -> None:
    # Near misses: filters, fallbacks, block helpers, Liquid tags, triple mustache,
    # Help Scout, fill-in notes in single braces or brackets, JSON in a code sample.
    text = (
        'Hi {{ first_name | fallback: "there" }}, {{{signature}}} {{#if vip}}VIP{{/if}}\n'
        "{% if ticket.priority == 'high' %}Urgent{% endif %}\n"
        "{%customer.firstName,fallback=there%}\n"
        '{brief description of fix} [CUSTOMER NAME] <order number> {"error": {"code": 1}}\n'
        "Hi {{ticket.requester.first_name}}, {{ current_user.name }}"
    )
    assert findings(text) == []


def test_unknown_variables_only_when_a_list_is_given() -> None:
    text = "Hi {{ticket.requester.first_name}}, {{ agent.nam }} {%customer.firstName%} [NAME]"
    assert findings(text) == []
    known = ("ticket.*", "customer.firstName")
    assert findings(text, known) == [("NQT103", "{{ agent.nam }}")]


def test_known_variables_config_key() -> None:
    settings = settings_from_mapping({"known-variables": "first_name, ticket.*"})
    assert settings.known_variables == ("first_name", "ticket.*")


# -- the audit of a folder ----------------------------------------------------------------


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    return write(
        tmp_path / "templates",
        {
            "shipped.txt": SHIPPED,
            # Same text but case, punctuation, whitespace and placeholder syntax.
            "shipped-copy.md": SHIPPED.upper()
            .replace("{{FIRST_NAME}}", "[FIRST NAME]")
            .replace(",", "")
            .replace("\n\n", "\n"),
            # A near duplicate: one word changed.
            "shipped-edit.txt": SHIPPED.replace("this morning", "today"),
            "refund.txt": (
                "Hello {{ first name }},\n\nI have refunded the full amount to your card; "
                "banks usually show it within five working days.\n\nKind regards,\nAlex\n"
            ),
            "thanks.txt": "Thanks, {{first_name}}!\n",
            "blank.txt": "\n\n",
        },
    )


def test_audit_reports_every_kind(repo: Path) -> None:
    result = audit.audit([repo], checker=_checker(), lang="en")
    assert ids_of(result, "refund") == ["NQT102"]
    refund = next(t for t in result.templates if t.id == "refund")
    assert refund.findings[0].line == 1
    assert ids_of(result, "thanks") == ["NQT302"]
    assert ids_of(result, "blank") == ["NQT301"]
    assert ids_of(result, "shipped") == []  # NQ501 is not reported on templates
    assert result.duplicates == [("shipped", "shipped-copy")]
    assert result.tiny == ["thanks"]
    assert len(result.clusters) == 1
    cluster = result.clusters[0]
    assert cluster.ids == ("shipped", "shipped-copy", "shipped-edit")
    assert 90 <= cluster.max_similarity < 100
    assert result.failed


def test_similarity_threshold_controls_clusters(repo: Path) -> None:
    strict = audit.audit([repo], checker=_checker(), lang="en", similarity=99)
    assert strict.clusters == []
    assert strict.duplicates == [("shipped", "shipped-copy")]


def test_identical_rows_are_one_group_not_n_squared_pairs(tmp_path: Path) -> None:
    body = "Thanks for your patience; your refund of the full amount is on its way today."
    rows = "id,body\n" + "".join(f"t{n},{body}\n" for n in range(2_000))
    (tmp_path / "macros.csv").write_text(rows, "utf-8")
    result = audit.audit([tmp_path / "macros.csv"], checker=_checker(), lang="en")
    assert len(result.duplicates) == 1 and len(result.duplicates[0]) == 2_000
    assert result.clusters == []  # one set of trivial duplicates: listed there only


def test_a_cluster_lists_each_templates_closest_match_only(tmp_path: Path) -> None:
    # Same words, different variables: not trivial duplicates, so a cluster of 300 at
    # 100%, with one pair per template rather than 44,850.
    rows = "id,body\n" + "".join(
        f"t{n},Hi {{{{name_{n}}}}} thanks for your patience your refund is on its way today\n"
        for n in range(300)
    )
    (tmp_path / "macros.csv").write_text(rows, "utf-8")
    result = audit.audit([tmp_path / "macros.csv"], checker=_checker(), lang="en")
    [cluster] = result.clusters
    assert len(cluster.ids) == 300
    assert len(cluster.pairs) < 300 and cluster.max_similarity == 100


def test_linked_clusters_do_not_depend_on_pair_order() -> None:
    from netiquette.templates.duplicates import Linked

    pairs = [(0, 1, 91.0), (1, 2, 95.0), (3, 4, 92.0), (0, 2, 95.0)]
    results = []
    for order in (pairs, pairs[::-1]):
        linked = Linked(6)
        for a, b, s in order:
            linked.link(a, b, s)
        results.append((linked.groups(), linked.closest))
    assert results[0] == results[1]
    assert results[0][0] == [[0, 1, 2], [3, 4]]
    assert results[0][1][0] == (95.0, 2) and results[0][1][5] == (-1.0, -1)


def test_different_templates_are_not_clustered(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "t",
        {
            "a.txt": SHIPPED,
            "b.txt": "Hi {{first_name}},\n\nI have reset your password; use the link in "
            "the e-mail we just sent to choose a new one.\n\nBest,\nSam\n",
        },
    )
    result = audit.audit([folder], checker=_checker(), lang="en")
    assert result.clusters == [] and result.duplicates == [] and not result.failed


def test_other_rules_apply_to_the_text_around_placeholders(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "t",
        {"caps.txt": "Hi {{first_name}},\n\nYOU MUST RESTART THE ROUTER BEFORE CALLING US.\n"},
    )
    result = audit.audit([folder], checker=_checker(), lang="en")
    (item,) = result.templates
    assert [(f.rule_id, f.line) for f in item.findings] == [("NQ101", 3)]


# -- CLI: output and exit codes -----------------------------------------------------------


def test_cli_text_output_and_exit_1(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([str(repo), "--lang", "en"], capsys)
    assert code == 1
    assert f"{repo / 'refund.txt'}:1: refund: NQT102 " in out
    assert "near-duplicate cluster 1 (3 templates" in out
    assert "  shipped, shipped-copy" in out
    assert out.rstrip().endswith("1 tiny")


def test_cli_json_shape(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([str(repo), "--lang", "en", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert set(data) == {
        "schema_version",
        "summary",
        "templates",
        "clusters",
        "duplicates",
        "tiny",
        "errors",
    }
    assert data["summary"]["templates"] == 6
    assert data["duplicates"] == [["shipped", "shipped-copy"]]
    assert data["tiny"] == ["thanks"]
    (cluster,) = data["clusters"]
    assert set(cluster) == {"ids", "max_similarity", "pairs"}
    assert set(cluster["pairs"][0]) == {"a", "b", "similarity"}
    refund = next(t for t in data["templates"] if t["id"] == "refund")
    assert refund["passed"] is False
    assert refund["findings"][0]["rule_id"] == "NQT102"
    assert refund["findings"][0]["replacements"] == ["{{ first_name }}"]


def test_cli_clean_repository_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write(tmp_path / "t", {"a.txt": SHIPPED})
    code, out, _ = run([str(folder), "--lang", "en"], capsys)
    assert code == 0, out


def test_cli_unknown_variables_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write(tmp_path / "t", {"a.txt": SHIPPED})
    code, out, _ = run([str(folder), "--lang", "en", "--known-variables", "name"], capsys)
    assert code == 1
    assert "NQT103 'first_name' is not a known variable" in out


def test_cli_bad_file_exits_2_and_still_audits_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write(tmp_path / "t", {"a.txt": "Hi {{ name },\n" + SHIPPED})
    bad = tmp_path / "broken.json"
    bad.write_text('{"macros": [', encoding="utf-8")
    code, out, err = run([str(folder), str(bad), "--lang", "en"], capsys)
    assert code == 2
    assert "broken.json" in err
    assert "a: NQT101" in out


def test_cli_bad_similarity_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write(tmp_path / "t", {"a.txt": SHIPPED})
    code, _, err = run([str(folder), "--similarity", "0"], capsys)
    assert code == 2 and "--similarity" in err


def test_zendesk_export_is_audited(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "templates" / "zendesk-macros.json"
    code, out, _ = run([str(path), "--format", "json", "--known-variables", "ticket.*"], capsys)
    data = json.loads(out)
    assert data["summary"]["templates"] == 2
    titles = {t["title"] for t in data["templates"]}
    assert "Shipping::Order shipped" in titles
    unknown = {
        f["match"] for t in data["templates"] for f in t["findings"] if f["rule_id"] == "NQT103"
    }
    assert "{{current_user.first_name}}" in unknown
    assert code == 1


def test_bundled_examples_have_no_malformed_placeholders() -> None:
    folder = EXAMPLES / "templates"
    paths = [folder, *sorted(folder.glob("*.json")), *sorted(folder.glob("*.csv"))]
    result = audit.audit(paths, checker=_checker(), lang="en")
    assert not result.problems
    assert len(result.templates) == 12
    malformed = [
        (t.id, f.rule_id)
        for t in result.templates
        for f in t.findings
        if f.rule_id < "NQT2" and f.rule_id.startswith("NQT")
    ]
    assert malformed == []


def test_real_public_templates_in_place() -> None:
    folder = shared_path("data", "templates")
    result = audit.audit([folder], checker=_checker(), lang="en")
    assert not result.problems
    assert len(result.templates) >= 10
    # Real canned responses use {customer_name}-style fill-ins: none is malformed.
    malformed = [
        (t.id, f.match)
        for t in result.templates
        for f in t.findings
        if f.rule_id.startswith("NQT1")
    ]
    assert malformed == []
    assert result.tiny == []


def test_worker_processes_give_the_same_audit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Templates linted in forked workers (batch.map_in_order) give the same result,
    in the same order, as in one process."""
    import functools

    from netiquette import batch

    monkeypatch.setattr(batch, "MIN_FILES_PER_JOB", 3)
    monkeypatch.setattr(batch, "CHUNK_FILES", 2)
    folder = tmp_path / "macros"
    folder.mkdir()
    (folder / "broken.txt").write_text("Hi {{ first name }}, your order {order_id}} is late.")
    (folder / "copy.txt").write_text((folder / "broken.txt").read_text())
    paths = [folder, *sorted(p for p in (EXAMPLES / "templates").iterdir() if p.is_file())]
    one = audit.audit(paths, checker=_checker(), lang="en")
    two = audit.audit(
        paths,
        checker=_checker(),
        lang="en",
        map_records=functools.partial(batch.map_in_order, jobs=2),
    )
    assert len(one.templates) > 3 * 2
    assert two.to_dict() == one.to_dict()
