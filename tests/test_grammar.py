"""The grammar rules (NQ601 grammar, NQ602 spelling, NQ603 style) against a LanguageTool
stand-in: a local HTTP server answering /v2/languages and /v2/check with the recorded
answers in tests/data/languagetool/. The fixture files cannot start a server, so the
grammar rules are covered here instead (see tests/test_rule_fixtures.py)."""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import netiquette
from netiquette.engines import languagetool as lt

DATA = Path(__file__).resolve().parent / "data" / "languagetool"
GRAMMAR_RULES = ("NQ601", "NQ602", "NQ603")


def _recordings() -> dict[str, dict[str, Any]]:
    out = {}
    paths = sorted(DATA.glob("check-*.json"))
    assert len(paths) == 4
    for path in paths:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        out[recorded["request"]["text"]] = recorded
    return out


def _recorded_text(name: str) -> str:
    return str(json.loads((DATA / f"check-{name}.json").read_text("utf-8"))["request"]["text"])


class FakeLanguageTool(ThreadingHTTPServer):
    """Answers like a LanguageTool server, from recordings; counts what it is asked."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)
        self.recordings = _recordings()
        self.languages = (DATA / "languages.json").read_bytes()
        self.checks: list[dict[str, str]] = []
        self.language_queries = 0
        self.fail_checks = False
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeLanguageTool

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = urllib.parse.urlparse(self.path).path
        if path == "/v2/languages":
            with self.server.lock:
                self.server.language_queries += 1
            self._send(200, self.server.languages)
        elif path == "/v2/healthcheck":
            self._send(200, b"OK", "text/plain")
        else:
            self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        if urllib.parse.urlparse(self.path).path != "/v2/check":
            self._send(404, b"not found", "text/plain")
            return
        length = int(self.headers.get("Content-Length", 0))
        form = {
            k: v[0]
            for k, v in urllib.parse.parse_qs(
                self.rfile.read(length).decode("utf-8"), keep_blank_values=True
            ).items()
        }
        with self.server.lock:
            self.server.checks.append(form)
        recorded = self.server.recordings.get(form.get("text", ""))
        if len(form.get("text", "")) > 20_000:
            self._send(413, b"Error: Your text exceeds the limit of 20000 characters", "text/plain")
        elif self.server.fail_checks:
            self._send(500, b"Error: internal error", "text/plain")
        elif recorded is None or form.get("language") != recorded["request"]["language"]:
            self._send(500, b"Error: no recording for this request", "text/plain")
        else:
            self._send(200, json.dumps(recorded["response"]).encode("utf-8"))


def start_fake(port: int = 0) -> FakeLanguageTool:
    server = FakeLanguageTool(("127.0.0.1", port))
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


def fake_java_main(args: list[str]) -> int:
    """A stand-in for `java`: `-version`, or `... HTTPServer -p PORT` serving recordings."""
    if "-version" in args:
        print('openjdk version "17.0.15" 2025-04-15', file=sys.stderr)
        return 0
    server = FakeLanguageTool(("127.0.0.1", int(args[args.index("-p") + 1])))
    server.serve_forever()
    return 0


@pytest.fixture(autouse=True)
def _fresh_backends(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(lt.LTP_PATH, raising=False)
    lt.close_all()
    yield
    lt.close_all()


@pytest.fixture
def languagetool() -> Iterator[FakeLanguageTool]:
    server = start_fake()
    yield server
    server.shutdown()
    server.server_close()


def _linter(url: str, select: tuple[str, ...] = ("grammar",)) -> netiquette.Linter:
    return netiquette.Linter("en", select=list(select), config={"languagetool_url": url})


def _found(report: netiquette.Report) -> list[tuple[str, str, tuple[str, ...]]]:
    for s in report.suggestions:
        assert report.text[s.start : s.end] == s.match
    return [(s.rule_id, s.match, s.replacements) for s in report.suggestions]


def test_grammar_spelling_and_style_from_a_server(languagetool: FakeLanguageTool) -> None:
    text = _recorded_text("refund-reply")
    report = _linter(languagetool.url).check(text)
    assert "grammar" not in report.skipped
    assert "grammar" in report.scores
    # Skipped: "Siobhan" (a name inside a sentence), "apologise" (British English) and
    # "fortnight" (a locale preference, not a mistake).
    assert _found(report) == [
        ("NQ601", "Your", ("You're",)),
        ("NQ601", "has", ("have",)),
        ("NQ601", "a", ("an",)),
        ("NQ602", "pateince", ("patience", "patients", "patient's")),
    ]
    by_match = {s.match: s for s in report.suggestions}
    assert by_match["a"].message.startswith("Use 'an' instead of ‘a’")  # <suggestion> tags
    assert by_match["has"].message == (
        "The pronoun ‘we’ must be used with a non-third-person form of a verb."
    )
    assert by_match["has"].severity == "warning"
    assert by_match["pateince"].data["languagetool_rule"] == "MORFOLOGIK_RULE_EN_US"
    assert report.scores["grammar"] < 100
    [request] = languagetool.checks
    assert request["language"] == "en-US"
    assert "WHITESPACE_RULE" in request["disabledRules"].split(",")


def test_offsets_after_emoji_are_python_offsets(languagetool: FakeLanguageTool) -> None:
    text = _recorded_text("emoji")
    report = _linter(languagetool.url).check(text)
    assert _found(report) == [
        ("NQ601", "it's", ("its",)),
        ("NQ602", "tomorow", ("tomorrow", "Tomorrow", "morrow")),
    ]
    assert report.suggestions[1].start == text.index("tomorow")


def test_style_hints_are_info(languagetool: FakeLanguageTool) -> None:
    report = _linter(languagetool.url).check(_recorded_text("style"))
    [hint] = report.suggestions
    assert (hint.rule_id, hint.severity, hint.match) == ("NQ603", "info", "We")
    assert hint.start == report.text.index("We have also")
    assert "Three successive sentences" in hint.message


def test_quotes_urls_and_placeholders_are_blanked_before_sending(
    languagetool: FakeLanguageTool,
) -> None:
    text = (
        "> i want my mony back now!!\nHi {{first_name}}, sorry for the wait. You can track "
        "the parcel at https://example.com/track?id=1 and it will arrive tomorow."
    )
    report = _linter(languagetool.url).check(text)
    # The server only knows the blanked text; the "Hi ," whitespace match falls inside
    # the placeholder and is dropped.
    assert "grammar" not in report.skipped
    assert [(r, m) for r, m, _ in _found(report) if r.startswith("NQ6")] == [("NQ602", "tomorow")]
    assert "mony" not in languagetool.checks[0]["text"]
    assert len(languagetool.checks[0]["text"]) == len(text)


def test_one_request_per_reply_for_all_grammar_rules(languagetool: FakeLanguageTool) -> None:
    linter = _linter(languagetool.url)
    assert set(GRAMMAR_RULES) <= set(linter.rule_ids)
    for name in ("refund-reply", "emoji", "style"):
        linter.check(_recorded_text(name))
    assert len(languagetool.checks) == 3
    assert languagetool.language_queries == 1  # one client, built once


def test_server_url_may_end_in_v2(languagetool: FakeLanguageTool) -> None:
    report = _linter(languagetool.url + "/v2/").check(_recorded_text("style"))
    assert [s.rule_id for s in report.suggestions] == ["NQ603"]


def test_shared_across_threads(languagetool: FakeLanguageTool) -> None:
    linter = _linter(languagetool.url)
    texts = [_recorded_text(n) for n in ("refund-reply", "emoji", "style")] * 4
    expected = [_found(linter.check(t)) for t in texts[:3]]
    results: list[Any] = [None] * len(texts)

    def run(i: int) -> None:
        results[i] = _found(linter.check(texts[i]))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected * 4
    assert languagetool.language_queries == 1


def test_nothing_configured_skips_grammar_without_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[Any] = []

    def no_connect(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise AssertionError(f"network use: {address}")

    monkeypatch.setattr(socket.socket, "connect", no_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", no_connect)
    report = netiquette.Linter("en").check("Your welcome, we has sent it tomorow.")
    assert "LanguageTool is not configured" in report.skipped["grammar"]
    assert "grammar" not in report.scores
    assert not [s for s in report.suggestions if s.category == "grammar"]
    assert attempts == []


def test_server_down_gives_a_skipped_report() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    linter = _linter(f"http://127.0.0.1:{port}")
    started = time.monotonic()
    report = linter.check("Your welcome, we has sent it.")
    assert time.monotonic() - started < 5
    assert "grammar" in report.skipped
    assert f"127.0.0.1:{port}" in report.skipped["grammar"]
    assert "grammar" not in report.scores
    assert report.score == 100


def test_failing_server_is_not_asked_again_at_once(
    languagetool: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    languagetool.fail_checks = True
    linter = _linter(languagetool.url)
    text = _recorded_text("style")
    first = linter.check(text)
    assert "HTTP 500" in first.skipped["grammar"]
    second = linter.check(text)
    assert second.skipped["grammar"] == first.skipped["grammar"]
    assert len(languagetool.checks) == 1  # the second reply did not wait on the server
    # Once RETRY_AFTER has passed, the next reply asks again.
    monkeypatch.setattr(lt, "RETRY_AFTER", 0.0)
    lt.close_all()
    linter = _linter(languagetool.url)
    assert "grammar" in linter.check(text).skipped
    languagetool.fail_checks = False
    report = linter.check(text)
    assert "grammar" not in report.skipped
    assert [s.rule_id for s in report.suggestions] == ["NQ603"]
    assert len(languagetool.checks) == 3


def test_a_text_the_server_refuses_does_not_stop_the_next(
    languagetool: FakeLanguageTool,
) -> None:
    linter = _linter(languagetool.url)
    refused = linter.check("Thank you for your message. " * 1000)
    assert "HTTP 413" in refused.skipped["grammar"]
    report = linter.check(_recorded_text("style"))
    assert "grammar" not in report.skipped
    assert len(languagetool.checks) == 2


def test_unparseable_answers_are_skipped_matches() -> None:
    payload = {
        "matches": [
            {"offset": 0, "length": 4, "message": "ok", "rule": {"id": "X"}},
            {"offset": "bad"},
            {"offset": 2, "length": 90, "rule": {}},
        ]
    }
    [match] = lt.parse_matches(payload, "Some text")
    assert (match.start, match.end, match.rule_id) == (0, 4, "X")
    with pytest.raises(lt.BackendUnavailable):
        lt.parse_matches({"error": "x"}, "Some text")


def test_utf16_offsets() -> None:
    """LanguageTool counts UTF-16 code units; matches come back as offsets into ``text``."""
    text = "a😀b 👍🏽 c"
    utf16 = text.encode("utf-16-le")
    assert len(utf16) // 2 == len(text) + 3

    def units(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    # One match on every character, as LanguageTool would give it.
    payload = {
        "matches": [
            {"offset": units(i), "length": units(i + 1) - units(i), "rule": {"id": f"R{i}"}}
            for i in range(len(text))
        ]
    }
    found = lt.parse_matches(payload, text)
    assert [(m.start, m.end, m.rule_id) for m in found] == [
        (i, i + 1, f"R{i}") for i in range(len(text))
    ]


def _install(root: Path, name: str = "LanguageTool-6.6", jar: bool = True) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    if jar:
        (folder / lt.SERVER_JAR).write_bytes(b"PK\x03\x04")
    return folder


def test_local_install_is_found_only_with_its_server_jar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(lt.LTP_PATH, str(tmp_path))
    linter = netiquette.Linter("en", select=["grammar"])
    assert "no LanguageTool install in LTP_PATH" in linter.check("Hello there.").skipped["grammar"]
    _install(tmp_path, "LanguageTool-6.5", jar=False)
    _install(tmp_path, "LanguageTool-latest-snapshot")
    assert lt.local_install() is None
    _install(tmp_path, "LanguageTool-6.4")
    folder = _install(tmp_path, "LanguageTool-6.10")
    assert lt.local_install() == (folder, "6.10")


def test_local_install_starts_a_server_and_downloads_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LTP_PATH with LanguageTool-6.6: language-tool-python starts `java ... HTTPServer`
    (here a stand-in serving the recordings) and never reaches its downloader."""
    import language_tool_python.download_lt as download_lt

    def no_download(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("language-tool-python tried to download LanguageTool")

    monkeypatch.setattr(download_lt.LocalLanguageTool, "_get_remote_zip", no_download)
    monkeypatch.setattr(download_lt, "http_get", no_download)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
        "from test_grammar import fake_java_main\n"
        "sys.exit(fake_java_main(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    java.chmod(java.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv(lt.LTP_PATH, str(tmp_path / "lt"))
    _install(tmp_path / "lt")
    linter = netiquette.Linter("en", select=["grammar"])
    report = linter.check(_recorded_text("emoji"))
    assert "grammar" not in report.skipped, report.skipped
    assert [s.match for s in report.suggestions] == ["it's", "tomorow"]


def test_a_word_cut_off_at_a_length_limit_is_no_spelling_mistake() -> None:
    from netiquette.checks.grammar.spelling import Spelling
    from netiquette.config import Settings
    from netiquette.engines.languagetool import LTMatch
    from netiquette.rule import RuleContext
    from netiquette.text.document import Document

    settings = Settings(languagetool_url="http://127.0.0.1:9")
    rule = Spelling(RuleContext(lang="en", settings=settings))
    text = "Your refund has been processed and should reach your acc... Also, refnud done."
    doc = Document(text, "en")

    def match(word: str) -> LTMatch:
        start = text.index(word)
        return LTMatch(start, start + len(word), "Possible spelling mistake", (), "M", "", "")

    assert not rule.accept(doc, match("acc"))
    assert rule.accept(doc, match("refnud"))
