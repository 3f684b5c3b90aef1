"""LanguageTool behind the grammar rules.

The rules run only when LanguageTool is configured: ``languagetool_url`` (a server's
base URL, e.g. ``http://localhost:8081``) or a local install found through the
``LTP_PATH`` environment variable (a folder holding ``LanguageTool-<version>/
languagetool-server.jar``). Nothing is ever downloaded: language-tool-python only
downloads LanguageTool when no install of the requested version is found, and a local
install is only used when that version is on disk.

One :class:`Backend` per server (or install) and language is shared by every rule,
linter and thread. It builds its language-tool-python client lazily, once, under a
lock: for a server the client checks ``/v2/languages`` (so a wrong URL or an unknown
language is reported clearly); for a local install it starts the Java server. Replies
are then sent to ``/v2/check`` directly, one request per reply for all the grammar
rules, with a short timeout, and the answer's offsets (UTF-16 code units, as Java
counts) are converted to Python string offsets. When the server fails, the rules raise
``RuleUnavailable`` (the report lists grammar as skipped) and the backend waits
``RETRY_AFTER`` seconds before it tries again, so a batch run does not stall on every
reply.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
import time
import urllib.parse
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Seconds to wait for LanguageTool (language-tool-python's own default is 300).
TIMEOUT = 10.0
#: Seconds to wait after a failure before asking the server again.
RETRY_AFTER = 30.0
LTP_PATH = "LTP_PATH"
SERVER_JAR = "languagetool-server.jar"
_INSTALL_DIR = re.compile(r"LanguageTool-(\d+\.\d+|\d{8})")
_SUGGESTION_TAG = re.compile(r"</?suggestion>")


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, with Python offsets into the checked text."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: str
    issue_type: str


def local_install(environ: Mapping[str, str] | None = None) -> tuple[Path, str] | None:
    """The newest ``LanguageTool-<version>`` folder under ``$LTP_PATH`` that really holds
    ``languagetool-server.jar``, and its version; None when there is none."""
    root = (os.environ if environ is None else environ).get(LTP_PATH)
    if not root:
        return None
    found: list[tuple[tuple[int, ...], Path, str]] = []
    try:
        folders = list(Path(root).glob("LanguageTool-*"))
    except OSError:
        return None
    for folder in folders:
        m = _INSTALL_DIR.fullmatch(folder.name)
        if m and (folder / SERVER_JAR).is_file():
            version = m.group(1)
            found.append((tuple(int(p) for p in version.split(".")), folder, version))
    if not found:
        return None
    _, folder, version = max(found)
    return folder, version


def language_code(data: Mapping[str, Any]) -> str | None:
    """LanguageTool's code for the language of ``data`` (grammar.yaml), e.g. en-US."""
    code = (data.get("languagetool") or {}).get("language")
    return str(code) if code else None


def unavailable_reason(url: str | None, data: Mapping[str, Any]) -> str | None:
    """Why LanguageTool cannot be used with this server URL (or none), or None."""
    if language_code(data) is None:
        return "LanguageTool has no model for this language"
    if url:
        return None
    if local_install() is not None:
        return None
    if os.environ.get(LTP_PATH):
        return (
            f"no LanguageTool install in LTP_PATH={os.environ[LTP_PATH]} "
            f"(expected LanguageTool-<version>/{SERVER_JAR})"
        )
    return (
        "LanguageTool is not configured (set NETIQUETTE_LANGUAGETOOL_URL or "
        "--languagetool-url, or LTP_PATH to a folder with a LanguageTool install)"
    )


class BackendUnavailable(Exception):
    """LanguageTool cannot answer now."""


def _utf16_converter(text: str) -> Any:
    """A function mapping UTF-16 offsets (LanguageTool's) to offsets in ``text``."""
    if not text or max(text) <= "\uffff":
        return lambda offset: offset
    # UTF-16 offsets of the characters outside the BMP (two code units each).
    astral: list[int] = []
    extra = 0
    for index, char in enumerate(text):
        if char > "\uffff":
            astral.append(index + extra)
            extra += 1

    def convert(offset: int) -> int:
        return offset - bisect_left(astral, offset)

    return convert


def parse_matches(payload: Any, text: str) -> list[LTMatch]:
    """LTMatches from a ``/v2/check`` JSON answer about ``text``; bad entries are skipped."""
    if not isinstance(payload, Mapping) or not isinstance(payload.get("matches"), list):
        raise BackendUnavailable("LanguageTool sent an answer without 'matches'")
    convert = _utf16_converter(text)
    out = []
    for raw in payload["matches"]:
        try:
            offset = int(raw["offset"])
            length = int(raw["length"])
            rule = raw.get("rule") or {}
            category = (rule.get("category") or {}).get("id") or ""
            replacements = tuple(
                str(r["value"]) for r in raw.get("replacements") or () if r.get("value")
            )
            message = _SUGGESTION_TAG.sub("'", str(raw.get("message") or "")).strip()
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        start = convert(offset)
        end = convert(offset + length)
        if not 0 <= start < end <= len(text):
            continue
        out.append(
            LTMatch(
                start,
                end,
                message,
                replacements,
                str(rule.get("id") or ""),
                str(category),
                str(rule.get("issueType") or ""),
            )
        )
    return out


class Backend:
    """One LanguageTool server (remote or local) for one language; thread-safe."""

    def __init__(
        self,
        language: str,
        url: str | None = None,
        install: tuple[Path, str] | None = None,
        disabled_rules: Sequence[str] = (),
    ) -> None:
        self.language = language
        self.url = url
        self.install = install
        self.disabled_rules = tuple(disabled_rules)
        self._lock = threading.Lock()
        self._client: Any = None
        self._check_url: str | None = None
        self._retry_at = 0.0
        self._failure = ""

    def _fail(self, reason: str) -> BackendUnavailable:
        with self._lock:
            self._retry_at = time.monotonic() + RETRY_AFTER
            self._failure = reason
            client, self._client, self._check_url = self._client, None, None
        if client is not None and self.url is None:
            _close(client)
        return BackendUnavailable(reason)

    def _endpoint(self) -> str:
        """The /v2/check URL, building the client on first use."""
        check_url = self._check_url
        if check_url is not None:
            return check_url
        with self._lock:
            if self._check_url is not None:
                return self._check_url
            if time.monotonic() < self._retry_at:
                raise BackendUnavailable(self._failure)
            try:
                client = _make_client(self.language, self.url, self.install)
            except BaseException as exc:  # SystemExit from a bad `java -version`, too
                if isinstance(exc, (KeyboardInterrupt, GeneratorExit)):
                    raise
                where = self.url or (str(self.install[0]) if self.install else "LanguageTool")
                self._retry_at = time.monotonic() + RETRY_AFTER
                self._failure = f"LanguageTool unavailable at {where}: {_describe(exc)}"
                raise BackendUnavailable(self._failure) from None
            self._client = client
            self._check_url = urllib.parse.urljoin(str(client.url), "check")
            return self._check_url

    def check(self, text: str) -> list[LTMatch]:
        """LanguageTool's matches for ``text``; raises BackendUnavailable."""
        import urllib.error  # with http.client, ssl and email: only once a server is used
        import urllib.request

        endpoint = self._endpoint()
        params = {"language": self.language, "text": text}
        if self.disabled_rules:
            params["disabledRules"] = ",".join(self.disabled_rules)
        request = urllib.request.Request(
            endpoint,
            data=urllib.parse.urlencode(params).encode("utf-8"),
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": "application/json",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            exc.close()  # the error holds the open response
            reason = f"LanguageTool at {endpoint} answered HTTP {exc.code}"
            if 400 <= exc.code < 500 and exc.code != 429:
                # About this text (too long, say): the next reply may be fine.
                raise BackendUnavailable(reason) from None
            raise self._fail(reason) from None
        except (OSError, ValueError) as exc:
            raise self._fail(f"LanguageTool unavailable at {endpoint}: {_describe(exc)}") from None
        try:
            return parse_matches(payload, text)
        except BackendUnavailable as exc:
            raise self._fail(str(exc)) from None

    def close(self) -> None:
        """Stop a local server started for this backend."""
        with self._lock:
            client, self._client, self._check_url = self._client, None, None
        if client is not None:
            _close(client)


def server_base(url: str) -> str:
    """The server's base URL, whether the setting ends in /v2 or not (the client adds
    v2/ itself)."""
    base = url.rstrip("/")
    if base.endswith("/v2"):
        base = base[: -len("/v2")]
    return base + "/"


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _close(client: Any) -> None:
    with contextlib.suppress(Exception):  # best effort at shutdown
        client.close()


def _make_client(language: str, url: str | None, install: tuple[Path, str] | None) -> Any:
    """A language-tool-python client that never downloads anything."""
    import language_tool_python

    class Client(language_tool_python.LanguageTool):
        _TIMEOUT = int(TIMEOUT)  # type: ignore[assignment]

        def _start_server_on_free_port(self) -> None:
            # The library tries every port from 8081 to 8999 when a start fails (a
            # broken install would take minutes); three attempts are enough.
            for attempt in range(3):
                try:
                    self._start_local_server()
                    return
                except language_tool_python.exceptions.ServerError:
                    if attempt == 2 or not self._available_ports:
                        raise
                    self._port = self._available_ports.pop()

    if url is not None:
        return Client(language, remote_server=server_base(url))
    if install is None:
        raise BackendUnavailable("LanguageTool is not configured")
    folder, version = install
    # The library looks for LanguageTool-<version> in $LTP_PATH and downloads it when
    # absent; the folder was found there, so check it is still the one it will use.
    if os.environ.get(LTP_PATH) is None or not (folder / SERVER_JAR).is_file():
        raise BackendUnavailable(f"LanguageTool install {folder} is gone")
    return Client(language, language_tool_download_version=version)


_backends: dict[tuple[Any, ...], Backend] = {}
_backends_lock = threading.Lock()


def backend_for(url: str | None, data: Mapping[str, Any]) -> Backend:
    """The shared Backend for a server URL (None: a local install) and language data."""
    spec = data.get("languagetool") or {}
    language = str(spec.get("language"))
    disabled = tuple(str(r) for r in spec.get("disabled_rules") or ())
    install = None if url else local_install()
    key = (language, url, install, disabled)
    with _backends_lock:
        backend = _backends.get(key)
        if backend is None:
            backend = Backend(language, url, install, disabled)
            _backends[key] = backend
    return backend


def close_all() -> None:
    """Stop local servers and forget every backend (tests; language-tool-python also
    stops its servers when the process exits)."""
    with _backends_lock:
        backends = list(_backends.values())
        _backends.clear()
    for backend in backends:
        backend.close()


def classify(match: LTMatch, data: Mapping[str, Any]) -> str | None:
    """Which grammar rule reports ``match``: "spelling", "style", "grammar", or None."""
    spec = data.get("languagetool") or {}
    if match.issue_type in (spec.get("ignored_issue_types") or ()):
        return None
    if match.category in ((data.get("spelling") or {}).get("categories") or ()):
        return "spelling"
    style = data.get("style") or {}
    if match.category in (style.get("categories") or ()) or match.issue_type in (
        style.get("issue_types") or ()
    ):
        return "style"
    return "grammar"
