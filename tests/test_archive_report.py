"""The HTML report of an archive's results (netiquette.archive.report).

The results are made here as ``netiquette archive`` makes them: ~60 real replies
(data/examples/replies/ and rude, profane, jargon-ridden ones in English and Turkish)
checked by a real Linter, with synthetic agents, channels and times, in the schema of
docs/archive.md (:func:`results_table`, a fixture of this module only). The page is
then opened in headless Chromium; its screenshot goes to ``$NETIQUETTE_ARTIFACTS`` (else
the test's tmp_path) and, with ``NETIQUETTE_DOCS_IMAGES=1``, to
docs/images/archive-report.png.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyarrow", reason="pyarrow is not installed")
pytest.importorskip("plotly", reason="plotly is not installed")

import pyarrow as pa
import pyarrow.parquet as pq

import netiquette
from conftest import EXAMPLES, ROOT
from helpers import CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM
from netiquette.archive import report_data, results
from netiquette.archive.report import figures, write_report
from netiquette.core import CATEGORIES, InputError
from netiquette.report import Report

GROUPS = ("agent", "channel")
AGENTS = ("ana", "bora", "cem", "deniz")
CHANNELS = ("email", "chat", "social")
HOSTILE = "Hi <script>window.pwned = 1</script> u r an idiot!!! thx & bye <b>now</b>"
HOSTILE_AGENT = '<img src=x onerror="window.pwned = 2">'
MORE_REPLIES = (
    "Hi Sam, thx for waiting. The old version was a shit product, sorry!!!",
    "YOU SHOULD HAVE READ THE MANUAL BEFORE ORDERING. This is not our fault.",
    "lol idk what u want me to do, just reboot it m8",
    "Per our SLA, the P1 RCA will be shared after the RMA is processed by T2.",
    "Dear customer, we apologize for any inconvenience caused. Your ticket has been "
    "escalated. Please do not reply to this email.",
    "Hi {{first_name}}, your order [ORDER_ID] has shipped. Regards, [AGENT_NAME]",
    "Obviously you didn't read our FAQ. As I already said, there is nothing we can do.",
    "What the hell is wrong with your account? Stop spamming us, idiot.",
    "Calm down, buddy. It's just a refund, no need to be so dramatic.",
    "Unfortunately we cannot help. Unfortunately the warehouse is closed. Unfortunately.",
    "Hi Priya, thanks for the photos. I've sent a replacement today; it arrives Friday. "
    "Kind regards, Tom",
    "Hello Mr Okafor, your refund of 42 EUR was issued this morning. Best wishes, Lena",
    "Hi Jo, the outage is fixed and your data is safe. Thanks for your patience! Mia",
    "Good morning Ms Silva, I have updated your billing address as asked. Kind regards, Ravi",
    "Hi Chen, the password link is valid for one hour; let me know if it does not arrive. "
    "Best, Kim",
    "Thank you for contacting support. Have a nice day.",
    "pls send screenshot asap, we r busy",
    "This damn printer issue is not on us. Contact the manufacturer.",
    "Hi Ada, I'm sorry the parcel was late. I've refunded the delivery fee. Thanks, Omar",
    "As per my previous email, kindly revert back with the needful at the earliest.",
    "Hi Lee, per the KB article, clear the CDN cache and re-auth via SSO. Cheers, Ann",
    "We regret to inform you that your request cannot be processed at this time.",
    "Hi Maria, the invoice is attached. Let me know if anything looks wrong. Best, Ken",
    "Sakin ol kardeşim, bu senin hatan. Kılavuzu okusaydın bu olmazdı!!!",
    "slm, tşk. bi bakıcam, tmm mı? amk sistemi yine çöktü",
    "Merhaba Ayşe Hanım, iadeniz bugün hesabınıza yatırıldı. İyi günler dileriz, Can",
    "Merhaba {{isim}}, [SIPARIS_NO] numaralı siparişiniz kargoya verildi.",
    "SİZE DAHA ÖNCE SÖYLEDİK, BU BİZİM SORUNUMUZ DEĞİL!!!",
    "Merhaba Emre Bey, şifre sıfırlama bağlantısını tekrar gönderdim. Saygılarımla, Elif",
    "Talebiniz ilgili birime iletilmiştir. Anlayışınız için teşekkür ederiz.",
    "Merhaba Zeynep Hanım, SLA kapsamında RMA süreciniz T2 ekibince yürütülüyor.",
    "Merhaba Burak Bey, kargonuz yarın teslim edilecek. Başka bir sorunuz olursa "
    "yazabilirsiniz. İyi günler, Deniz",
    "Ne yapalım yani, herkes bekliyor. Sen de bekle.",
    "Merhaba, faturanız ektedir. Saygılarımızla",
    "lan bu ne biçim soru, saçmalama",
    "Hi, ur refund is done. k thx bye",
    "Hi Tom, we've fixed the sync bug in version 4.2; please update the app. Thanks, Eva",
    "Your complaint has been noted.",
    "Hi Sara!!! Great news!!! Your order is here!!! 🎉🎉🎉",
    HOSTILE,
    "Dear valued customer, please be advised that we are looking into it.",
    "Hi Ali, sorry about the double charge; the second one was reversed today. Best, Noor",
    "Merhaba Selin Hanım, yaşadığınız sorun için üzgünüm; ücret iadesi bugün yapıldı. "
    "Saygılarımla, Kerem",
)
#: Replies that could not be checked, as the archive records them.
ERRORS = (("", "empty reply"), ("Hi \ufffd", "not valid text: a lone surrogate"))
RULE_IDS = tuple(sorted(info.id for info in netiquette.rules()))


def results_schema(groups: Sequence[str] = GROUPS) -> pa.Schema:
    """The schema ``netiquette archive`` writes, with ``groups`` and every rule."""
    return results.schema(RULE_IDS, groups)


def result_row(
    row: int,
    text: str,
    report: Report | None,
    groups: dict[str, str | None],
    time: dt.datetime | None,
    error: str | None = None,
) -> dict[str, Any]:
    """One row of the results: a report's figures, or an error and nulls."""
    iso = time.isocalendar() if time is not None else None
    record: dict[str, Any] = {
        "row": row,
        "id": f"T-{1000 + row}",
        **groups,
        "time": time,
        "week": f"{iso.year}-W{iso.week:02d}" if iso is not None else None,
        "lang": report.lang if report else "en",
        "words": int(report.metrics.get("words", 0)) if report else 0,
        "score": report.score if report else None,
        "passed": report.passed if report else False,
        "text": text,
        "error": error,
    }
    for category in CATEGORIES:
        record[f"score_{category}"] = report.scores.get(category) if report else None
    counts = Counter(s.rule_id for s in report.suggestions) if report else Counter()
    record.update((rule, counts[rule]) for rule in RULE_IDS)
    record["suggestions"] = [
        {
            "rule_id": s.rule_id,
            "name": s.name,
            "category": s.category,
            "severity": s.severity,
            "message": s.message,
            "start": s.start,
            "end": s.end,
            "match": s.match,
            "replacements": list(s.replacements),
        }
        for s in (report.suggestions if report else ())
    ]
    return record


def corpus() -> list[str]:
    examples = sorted((EXAMPLES / "replies").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in examples] + list(MORE_REPLIES)


@pytest.fixture(scope="module")
def checked() -> list[tuple[str, Report | None, str | None]]:
    """Every reply of the corpus with its report (or, for ERRORS, why not)."""
    linter = netiquette.Linter()
    out: list[tuple[str, Report | None, str | None]] = [
        (text, linter.check(text), None) for text in corpus()
    ]
    out[5:5] = [(text, None, why) for text, why in ERRORS]
    return out


@pytest.fixture(scope="module")
def records(checked: list[tuple[str, Report | None, str | None]]) -> list[dict[str, Any]]:
    """The rows: agents and channels in turn (one agent name hostile), a reply every
    ~19 hours from 5 January 2026 (seven ISO weeks), and two without a time."""
    start = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
    rows = []
    for i, (text, report, error) in enumerate(checked):
        agent = HOSTILE_AGENT if text == HOSTILE else AGENTS[i % len(AGENTS)]
        channel = None if i == 7 else CHANNELS[i % len(CHANNELS)]
        time = None if i in (3, 11) else start + dt.timedelta(hours=19 * i)
        groups = {"agent": agent, "channel": channel}
        rows.append(result_row(i, text, report, groups, time, error))
    return rows


@pytest.fixture(scope="module")
def table(records: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(records, schema=results_schema())


@pytest.fixture(scope="module")
def results_dir(table: pa.Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The table as `netiquette archive --out` writes it: parts of consecutive rows,
    several row groups each, the manifest, and the temporary file of a part being
    written."""
    folder = tmp_path_factory.mktemp("results") / "results.parquet"
    folder.mkdir()
    half = table.num_rows // 2
    pq.write_table(table.slice(0, half), folder / "part-00000.parquet", row_group_size=9)
    pq.write_table(table.slice(half), folder / "part-00001.parquet", row_group_size=9)
    (folder / "_netiquette.json").write_text('{"format": 1}\n', encoding="utf-8")
    (folder / "part-00002.parquet.tmp").write_bytes(b"PAR1 half written")  # a run going on
    return folder


@pytest.fixture(scope="module")
def page(table: pa.Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    write_report(table, out, title="Support replies, Q1 <2026>")
    return out


def test_the_corpus_is_realistic(records: list[dict[str, Any]]) -> None:
    assert len(records) >= 60
    assert {r["lang"] for r in records if r["error"] is None} == {"en", "tr"}
    assert sum(r["passed"] for r in records) >= 15
    assert sum(not r["passed"] for r in records) >= 15
    assert len({r["week"] for r in records if r["week"]}) == 7


def test_the_headline_figures(
    table: pa.Table, records: list[dict[str, Any]], results_dir: Path
) -> None:
    found = figures(table)
    scores = [r["score"] for r in records if r["score"] is not None]
    assert found.replies == len(records)
    assert found.errors == len(ERRORS)
    assert found.checked == len(scores) == len(records) - len(ERRORS)
    assert found.passed == sum(r["passed"] for r in records)
    assert found.mean_score == pytest.approx(sum(scores) / len(scores))
    assert found.without_week == 2
    # The Parquet directory, read by row group, gives the same figures.
    assert figures(results_dir) == found
    assert figures(results_dir / "part-00000.parquet").replies == table.num_rows // 2


def test_rule_counts_are_the_suggestions_counted(
    table: pa.Table, checked: list[tuple[str, Report | None, str | None]]
) -> None:
    reports = [report for _, report, _ in checked if report is not None]
    findings = Counter(s.rule_id for r in reports for s in r.suggestions)
    replies = Counter(rule for r in reports for rule in {s.rule_id for s in r.suggestions})
    found = figures(table).rules
    assert {rule.rule_id: rule.findings for rule in found} == dict(findings)
    assert {rule.rule_id: rule.replies for rule in found} == dict(replies)
    assert [rule.findings for rule in found] == sorted(findings.values(), reverse=True)
    names = {info.id: (info.name, info.category) for info in netiquette.rules()}
    assert all((rule.name, rule.category) == names[rule.rule_id] for rule in found)
    assert {"NQ201", "NQ303", "NQ501", "NQ101", "NQ115"} <= set(findings)


def test_the_worst_replies_are_the_lowest_scores(
    table: pa.Table, records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = sorted((r["score"], r["row"]) for r in records if r["score"] is not None)
    expected = expected[: report_data.WORST_REPLIES]
    worst = figures(table).worst
    assert [(w.score, w.row) for w in worst] == expected
    # Batches of 4 rows: the heap keeps the lowest across batches, ties by row.
    monkeypatch.setattr(report_data, "BATCH_ROWS", 4)
    assert figures(table).worst == worst
    by_row = {r["row"]: r for r in records}
    for reply in worst:
        record = by_row[reply.row]
        assert reply.text == record["text"]
        assert [f.rule_id for f in reply.findings] == [s["rule_id"] for s in record["suggestions"]]
        assert reply.groups == (("agent", record["agent"]), ("channel", record["channel"]))


def test_the_group_tables(table: pa.Table, records: list[dict[str, Any]]) -> None:
    found = dict(figures(table).groups)
    assert list(found) == list(GROUPS)
    for group in GROUPS:
        rows = found[group]
        assert {row.value for row in rows} == {r[group] for r in records}
        means = [row.mean_score for row in rows]
        assert means == sorted(means, key=lambda m: m if m is not None else 101.0)
        for row in rows:
            mine = [r for r in records if r[group] == row.value]
            scores = [r["score"] for r in mine if r["score"] is not None]
            assert row.replies == len(mine)
            assert row.passed == sum(r["passed"] for r in mine)
            assert row.mean_score == pytest.approx(sum(scores) / len(scores))
            counts = Counter({rule: sum(r[rule] for r in mine) for rule in RULE_IDS})
            (top, most), *_ = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            assert (row.top_rule, row.top_rule_findings) == (top if most else None, most)


def test_the_weekly_means(table: pa.Table, records: list[dict[str, Any]]) -> None:
    weekly = figures(table).weekly
    assert weekly.weeks == tuple(sorted({r["week"] for r in records if r["week"]}))
    for i, week in enumerate(weekly.weeks):
        mine = [r for r in records if r["week"] == week]
        assert weekly.replies[i] == len(mine)
        for category in CATEGORIES:
            scores = [r[f"score_{category}"] for r in mine]
            scores = [s for s in scores if s is not None]
            mean = sum(scores) / len(scores) if scores else None
            assert weekly.means[category][i] == pytest.approx(mean)


def test_only_the_worst_replies_text_is_read(
    results_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text and suggestions columns are read from the row groups of the worst
    replies only: never for every row."""
    read: list[tuple[int, tuple[str, ...]]] = []
    original = report_data.Results.read

    def spy(self: report_data.Results, piece: int, columns: Sequence[str]) -> Iterator[Any]:
        read.append((piece, tuple(columns)))
        return original(self, piece, columns)

    monkeypatch.setattr(report_data.Results, "read", spy)
    monkeypatch.setattr(report_data, "WORST_REPLIES", 3)
    found = figures(results_dir)
    with_text = [piece for piece, columns in read if "text" in columns]
    assert len(found.worst) == 3
    assert 1 <= len(with_text) <= 3
    assert len(with_text) < len([p for p, c in read if "text" not in c])
    assert all("text" not in columns for _, columns in read[: -len(with_text)])


class _Page(HTMLParser):
    """The tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()
        self.urls: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "action", "data")]
        if tag == "mark":
            self.marks.append(dict(attrs))


def test_the_page_is_escaped_and_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(text)
    # The hostile reply and agent are text, nothing else.
    assert "<script>window.pwned" not in text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in text
    assert "<img src=x" not in text and "&lt;img src=x onerror=" in text
    assert "<b>now</b>" not in text
    assert "Support replies, Q1 &lt;2026&gt;</h1>" in text
    assert parsed.tags["img"] == 0
    # plotly.js inline once, and nothing loaded from anywhere.
    assert text.count("window.PlotlyConfig") == 1
    assert parsed.tags["script"] >= 3
    assert not [url for url in parsed.urls if url.strip().lower().startswith(("http", "//"))]
    assert "Content-Security-Policy" in text
    # Headings, table headers and labelled charts.
    assert parsed.tags["h1"] == 1 and parsed.tags["h2"] >= 5
    assert parsed.tags["th"] >= 20 and parsed.tags["caption"] >= 3
    assert text.count('role="img" aria-label="') == 2
    # Each finding of the worst replies is marked, titled with its message.
    assert parsed.marks and all(m["title"] for m in parsed.marks)
    assert any("NQ201" in (m["data-rules"] or "") for m in parsed.marks)


def test_bad_results_are_input_errors(tmp_path: Path, table: pa.Table) -> None:
    out = tmp_path / "report.html"
    with pytest.raises(InputError, match="no such results"):
        write_report(tmp_path / "missing", out)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no Parquet files"):
        write_report(tmp_path / "empty", out)
    (tmp_path / "notes.parquet").write_text("not parquet", encoding="utf-8")
    with pytest.raises(InputError, match="not a Parquet results dataset"):
        write_report(tmp_path / "notes.parquet", out)
    with pytest.raises(InputError, match="no column 'suggestions'"):
        write_report(table.drop_columns(["suggestions"]), out)
    wrong = table.set_column(
        table.schema.get_field_index("score"), "score", table["score"].cast(pa.string())
    )
    with pytest.raises(InputError, match="column 'score' is string, expected integer"):
        write_report(wrong, out)
    with pytest.raises(InputError, match="is a directory"):
        write_report(table, tmp_path)
    assert not out.exists()


def test_the_report_replaces_a_link_and_never_follows_it(tmp_path: Path, table: pa.Table) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(target)
    write_report(table.slice(0, 10), link)
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_no_group_column_no_week_no_finding(tmp_path: Path) -> None:
    """Results with no group column, no time and only clean replies still make a page."""
    clean = "Hi Anna, your refund was issued today. Kind regards, Sam"
    row = result_row(0, clean, netiquette.check(clean), {}, None)
    out = tmp_path / "report.html"
    write_report(pa.Table.from_pylist([row], schema=results_schema(groups=())), out)
    text = out.read_text(encoding="utf-8")
    assert "No reply had a time" in text and "No rule found anything" in text
    assert "By agent" not in text and "window.PlotlyConfig" not in text


def test_pyarrow_and_plotly_are_imported_on_first_use() -> None:
    code = (
        "import sys, netiquette, netiquette.archive.report\n"
        "netiquette.Linter\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyarrow', 'plotly')))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("NETIQUETTE_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_page_in_chromium(page: Path, table: pa.Table, artifacts: Path) -> None:
    """The charts draw, the marks show, the hostile reply does not run, and the page
    asks for nothing outside its file."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    requests: list[str] = []
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            view = browser.new_page(viewport={"width": 1200, "height": 900})
            view.on("request", lambda request: requests.append(request.url))
            view.on("pageerror", lambda error: problems.append(str(error)))
            view.on(
                "console",
                lambda message: problems.append(message.text) if message.type == "error" else None,
            )
            view.goto(page.as_uri())
            expect = sync_api.expect
            expect(view.locator("h1")).to_have_text("Support replies, Q1 <2026>")
            for chart in ("#chart-1", "#chart-2"):
                expect(view.locator(f"{chart} .plotly .main-svg").first).to_be_visible()
            # A line for the overall score and each category checked (grammar needs LanguageTool)
            lines = 1 + sum(table[f"score_{c}"].null_count < table.num_rows for c in CATEGORIES)
            expect(view.locator("#chart-1 .scatterlayer .trace")).to_have_count(lines)
            expect(view.locator("#chart-2 .barlayer .point").first).to_be_visible()
            marks = view.locator("article.reply mark")
            expect(marks.first).to_be_visible()
            assert marks.count() >= 20
            expect(view.locator("article.reply h3").first).to_have_text("1. Score 0")
            hostile = view.locator("article.reply", has_text="window.pwned = 1")
            expect(hostile.locator(".reply-text")).to_contain_text("<script>window.pwned")
            assert view.evaluate("typeof window.pwned") == "undefined"
            view.screenshot(path=str(artifacts / "archive-report.png"), full_page=True)
            if os.environ.get("NETIQUETTE_DOCS_IMAGES") == "1":
                top = {"x": 0, "y": 0, "width": 1200, "height": 1450}  # summary, charts
                view.screenshot(
                    path=str(ROOT / "docs" / "images" / "archive-report.png"),
                    full_page=True,
                    clip=top,
                )
        finally:
            browser.close()
    assert problems == []
    assert requests == [page.as_uri()]
