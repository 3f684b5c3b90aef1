"""The page at / and the Zendesk sidebar app, in headless Chromium (Playwright).

A real ``netiquette serve`` runs in a subprocess on a free port. The Zendesk app is
served from a second origin by a small static server, with the ZAF SDK replaced by a
fake ``ZAFClient`` (``page.route``), and calls the service across origins
(``--cors-origin``).

Screenshots go to ``$NETIQUETTE_ARTIFACTS`` (else the test's tmp_path). With
``NETIQUETTE_DOCS_IMAGES=1`` the English test also writes docs/images/service-page.png.
"""

from __future__ import annotations

import functools
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Error,
    Page,
    Route,
    expect,
    sync_playwright,
)

from helpers import CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
if not CHROMIUM.exists():
    pytest.skip(NO_CHROMIUM, allow_module_level=True)
ZENDESK_ASSETS = ROOT / "integrations" / "zendesk" / "assets"
ZAF_SDK = "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"
RUDE = "Hi Sam, thx for waiting. The old version was a shit product, sorry!!!"
TURKISH = "Merhaba, sen bunu yapmalıydın!!! Bilginize, slm"
EXPECTED_FAILURE = re.compile(r"Failed to load resource: .* status of (401|422)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"netiquette serve exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    pytest.fail(f"netiquette serve was not ready in 60 s: {log.read_text(errors='replace')}")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def app_origin() -> Iterator[str]:
    """integrations/zendesk/assets/ served from its own origin, as Zendesk would."""
    handler = functools.partial(_Quiet, directory=str(ZENDESK_ASSETS))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def service(app_origin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `netiquette serve` on a free port, ready; its URL."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    env.pop("NETIQUETTE_TOKEN", None)
    command = [sys.executable, "-m", "netiquette", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--no-config", "--cors-origin", app_origin]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("NETIQUETTE_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _rewrite(route: Route, change: Callable[[dict[str, Any]], None]) -> None:
    """Fetch the real answer, let ``change`` edit a report, answer with it. A request
    the page cancelled meanwhile (a newer check replaced it) is left alone."""
    try:
        response = route.fetch()
        if not response.ok:
            route.fulfill(response=response)
            return
        report = response.json()
        change(report)
        route.fulfill(response=response, json=report)
    except Error as error:
        if "disposed" not in str(error) and "closed" not in str(error):
            raise


def _open(browser: Browser, locale: str, width: int = 1280) -> tuple[Page, list[str]]:
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def console(message: ConsoleMessage) -> None:
        # Answers the test itself makes 401 or 422 are logged by Chromium; not a fault.
        if message.type == "error" and not EXPECTED_FAILURE.search(message.text):
            problems.append(f"console: {message.text}")

    page.on("console", console)
    return page, problems


@pytest.fixture
def open_page(browser: Browser, service: str) -> Iterator[Callable[..., Page]]:
    """Opens the service's page (locale = the browser's language); fails the test on
    any JavaScript error."""
    opened: list[tuple[Page, list[str]]] = []

    def open_(locale: str = "en-US") -> Page:
        page, problems = _open(browser, locale)
        page.goto(f"{service}/")
        opened.append((page, problems))
        return page

    yield open_
    for page, problems in opened:
        page.context.close()
        assert problems == []


def _score(page: Page) -> int:
    return int(page.locator("#score-value").inner_text())


def test_an_english_reply_is_marked_scored_and_fixed(
    open_page: Callable[..., Page], artifacts: Path
) -> None:
    page = open_page("en-US")
    expect(page.locator("h1")).to_have_text("Check a reply")
    page.locator("#reply").press_sequentially(RUDE)
    profanity = page.locator('mark.nq-mark[data-rules~="NQ201"]')
    expect(profanity).to_have_text("shit")
    expect(profanity).to_have_class(re.compile(r"\bsev-error\b"))
    expect(page.locator('mark.nq-mark[data-rules~="NQ303"]')).to_have_text("thx")
    expect(page.locator("#verdict")).to_have_text("✗ Does not pass")
    expect(page.locator("#summary")).to_contain_text("Checked as English")
    before = _score(page)
    assert 0 <= before < 100
    expect(page.locator(".bar")).to_have_count(5)  # grammar is skipped without LanguageTool

    # Pointing at the mark (under the transparent textarea) shows its message.
    box = profanity.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#popover")).to_be_visible()
    expect(page.locator("#popover")).to_contain_text("'shit' is profanity")
    if os.environ.get("NETIQUETTE_DOCS_IMAGES") == "1":
        page.screenshot(path=str(ROOT / "docs" / "images" / "service-page.png"))
    page.mouse.move(5, 5)

    page.get_by_role("button", name="Apply “thanks”").click()
    expect(page.locator("#reply")).to_have_value(RUDE.replace("thx", "thanks"))
    expect(page.locator('mark.nq-mark[data-rules~="NQ303"]')).to_have_count(0)
    expect(page.locator("#score-value")).not_to_have_text(str(before))
    assert _score(page) > before
    page.screenshot(path=str(artifacts / "service-page-en.png"), full_page=True)


def test_a_turkish_reply_on_a_turkish_page(open_page: Callable[..., Page], artifacts: Path) -> None:
    page = open_page("tr-TR")  # the page's language follows navigator.language
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.locator("h1")).to_have_text("Yanıtı denetle")
    expect(page.locator("#reply-label")).to_have_text("Yanıt")
    page.locator("#reply-lang").select_option("tr")
    page.locator("#reply").fill(TURKISH)
    expect(page.locator('mark.nq-mark[data-rules~="NQ115"]').first).to_have_text("sen")
    expect(page.locator("#summary")).to_contain_text("Türkçe olarak denetlendi")
    expect(page.locator("#verdict")).to_have_text("✗ Geçmedi")
    expect(page.locator(".finding-item").first).to_contain_text("saygılı 'siz' biçimini")
    expect(page.locator(".bar-name").first).to_have_text("Üslup")
    # Turkish replacement shown as a suggestion: informal address is not a safe fix.
    expect(page.get_by_role("button", name="“siz” kullan")).to_have_attribute(
        "data-safety", "unsafe"
    )
    page.screenshot(path=str(artifacts / "service-page-tr.png"), full_page=True)

    # The page in English: its labels and the messages (message_lang) follow.
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Check a reply")
    expect(page.locator(".finding-item").first).to_contain_text("respectful 'siz' form")
    expect(page.locator("#summary")).to_contain_text("Checked as Turkish")


def test_the_keyboard_reaches_a_finding_and_applies_it(open_page: Callable[..., Page]) -> None:
    page = open_page("en-US")
    reply = page.locator("#reply")
    reply.fill("Thanks for waiting, u will get the refund today.")
    expect(page.locator('mark.nq-mark[data-rules~="NQ303"]')).to_have_text("u")
    reply.focus()
    page.keyboard.press("End")  # the caret is in no finding: no popover in the way
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.dataset.safety || ''")
        if focused == "safe":
            break
    else:
        pytest.fail("Tab never reached a safe replacement")
    expect(page.locator(":focus")).to_have_text("Apply “you”")
    page.keyboard.press("Enter")
    expect(reply).to_have_value("Thanks for waiting, you will get the refund today.")
    # The focus stays in the list (not lost to <body>) for the next finding.
    expect(page.locator("#findings-heading, #findings :focus").first).to_be_visible()
    assert page.evaluate("document.activeElement !== document.body")

    # A click (or tap) in a marked word opens its details; Tab reaches them, Enter applies.
    reply.fill("Thanks, thx for waiting.")
    mark = page.locator('mark.nq-mark[data-rules~="NQ303"]')
    expect(mark).to_have_text("thx")
    box = mark.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#popover")).to_contain_text("'thx' is chat-speak")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Apply “thanks”")
    page.keyboard.press("Enter")
    expect(reply).to_have_value("Thanks, thanks for waiting.")
    expect(page.locator("#popover")).to_be_hidden()


def test_replacements_without_fix_safety_are_suggestions(open_page: Callable[..., Page]) -> None:
    page = open_page("en-US")
    page.route("**/v1/check", _without_fix_safety)
    page.locator("#reply").fill(RUDE)
    button = page.get_by_role("button", name="Use “thanks”")
    expect(button).to_have_attribute("data-safety", "unsafe")
    expect(page.locator("[data-safety=safe]")).to_have_count(0)
    expect(page.locator(".finding-item").first).to_contain_text("may change the meaning")
    button.click()  # applied on purpose
    expect(page.locator("#reply")).to_have_value(RUDE.replace("thx", "thanks"))


def _without_fix_safety(route: Route) -> None:
    def strip(report: dict[str, Any]) -> None:
        for suggestion in report["suggestions"]:
            suggestion.pop("fix_safety", None)

    _rewrite(route, strip)


def test_hostile_text_stays_text(open_page: Callable[..., Page]) -> None:
    page = open_page("en-US")
    hostile = '<img src=x onerror="window.pwned=1"> u <b>bold</b> 😀 shit'
    page.locator("#reply").fill(hostile)
    expect(page.locator('mark.nq-mark[data-rules~="NQ201"]')).to_have_text("shit")
    assert page.locator("img, b").count() == 0
    assert page.evaluate("window.pwned") is None
    # The astral emoji before it (one code point, two UTF-16 units) did not shift it.
    expect(page.locator('mark.nq-mark[data-rules~="NQ103"]')).to_have_text("😀")


def test_a_token_is_asked_for_and_errors_are_shown(open_page: Callable[..., Page]) -> None:
    page = open_page("en-US")
    seen: list[str | None] = []

    def guarded(route: Route) -> None:  # the service with NETIQUETTE_TOKEN=s3cret
        given = route.request.headers.get("authorization")
        seen.append(given)
        if given != "Bearer s3cret":
            message = "send the service's token as 'Authorization: Bearer <token>'"
            body = {"error": "unauthorized", "message": message}
            route.fulfill(status=401, json=body)
        elif "x" * 50 in (route.request.post_data or ""):
            body = {"error": "invalid_request", "message": "text: the limit is 200,000"}
            route.fulfill(status=422, json=body)
        else:
            route.continue_()

    page.unroute("**/v1/check")
    page.route("**/v1/check", guarded)
    page.locator("#reply").fill(RUDE)
    expect(page.locator("#token-form")).to_be_visible()
    expect(page.locator("#token-message")).to_have_text(
        "send the service's token as 'Authorization: Bearer <token>'"
    )
    page.get_by_label("Token").fill("s3cret")
    page.get_by_role("button", name="Use token").click()
    expect(page.locator('mark.nq-mark[data-rules~="NQ201"]')).to_have_text("shit")
    assert seen[-1] == "Bearer s3cret"
    assert page.evaluate("sessionStorage.getItem('netiquette.token')") == "s3cret"
    expect(page.locator("#token-form")).to_be_hidden()

    page.locator("#reply").fill("x" * 60)
    expect(page.locator("#error")).to_have_text("text: the limit is 200,000")


FAKE_ZAF = """
(function () {
  var handlers = {};
  window.zaf = {
    draft: %(draft)s,
    invoked: [],
    requests: [],
    fire: function (name) { (handlers[name] || []).forEach(function (h) { h(); }); },
  };
  var client = {
    metadata: function () {
      return Promise.resolve({ settings: %(settings)s });
    },
    get: function (path) {
      var values = { "ticket.comment.text": window.zaf.draft, "currentUser.locale": "en-US" };
      var answer = {};
      answer[path] = values[path];
      return Promise.resolve(answer);
    },
    set: function (path, value) {
      if (path === "ticket.comment.text") window.zaf.draft = value;
      return Promise.resolve({});
    },
    on: function (name, handler) { (handlers[name] = handlers[name] || []).push(handler); },
    invoke: function (name, value) {
      window.zaf.invoked.push([name, value]);
      return Promise.resolve({});
    },
    request: function (options) {
      window.zaf.requests.push(options);
      return Promise.reject({ status: 0, statusText: "no proxy in this test" });
    },
  };
  window.ZAFClient = { init: function () { return client; } };
})();
"""


def test_the_zendesk_app_lists_the_draft_findings(
    browser: Browser, service: str, app_origin: str, artifacts: Path
) -> None:
    page, problems = _open(browser, "en-US", width=340)  # a sidebar's width
    settings = {"service_url": service, "call_directly": True}
    script = FAKE_ZAF % {"draft": json.dumps(RUDE), "settings": json.dumps(settings)}
    page.route(ZAF_SDK, lambda route: route.fulfill(body=script, content_type="text/javascript"))
    try:
        page.goto(f"{app_origin}/iframe.html")
        expect(page.locator('li[data-rule="NQ201"] .match')).to_have_text("“shit”")
        expect(page.locator("#summary")).to_contain_text("does not pass")
        invoked = page.evaluate("window.zaf.invoked")
        assert invoked and invoked[-1][0] == "resize"
        assert page.evaluate("window.zaf.requests") == []  # called directly, not proxied
        page.screenshot(path=str(artifacts / "zendesk-app.png"), full_page=True)

        # The agent edits the draft: the app checks it again.
        page.evaluate("window.zaf.draft = 'Hi Sam, u will get it today. Kind regards, Ana'")
        page.evaluate("window.zaf.fire('ticket.comment.text.changed')")
        expect(page.locator('li[data-rule="NQ201"]')).to_have_count(0)
        page.get_by_role("button", name="Apply “you”").click()
        expect(page.locator('li[data-rule="NQ303"]')).to_have_count(0)
        assert page.evaluate("window.zaf.draft") == (
            "Hi Sam, you will get it today. Kind regards, Ana"
        )
    finally:
        page.context.close()
    assert problems == []


def test_the_zendesk_app_goes_through_the_proxy_by_default(
    browser: Browser, service: str, app_origin: str
) -> None:
    page, _ = _open(browser, "en-US")
    settings = {"service_url": service + "/"}
    script = FAKE_ZAF % {"draft": json.dumps(RUDE), "settings": json.dumps(settings)}
    page.route(ZAF_SDK, lambda route: route.fulfill(body=script, content_type="text/javascript"))
    try:
        page.goto(f"{app_origin}/iframe.html")
        expect(page.locator("#error")).to_contain_text("no proxy in this test")
        [request] = page.evaluate("window.zaf.requests")
        assert request["url"] == f"{service}/v1/check"
        assert request["headers"] == {"Authorization": "Bearer {{setting.token}}"}
        assert (request["secure"], request["cors"], request["type"]) == (True, False, "POST")
        assert json.loads(request["data"]) == {"text": RUDE, "lang": "auto", "message_lang": "en"}
    finally:
        page.context.close()
