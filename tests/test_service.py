"""The HTTP service through httpx's ASGI transport: answers, limits, errors, security."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import netiquette
from helpers import RULES
from netiquette import Linter
from netiquette.service.app import create_app
from netiquette.service.options import ServiceOptions

ROOT = Path(__file__).resolve().parent.parent
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
RUDE = "Hi Sam, u should have read the FAQ!!! This is a shit product."
CLEAN = "Hi Sam,\n\nYour refund was issued today.\n\nKind regards,\nAna"
TURKISH = "Merhaba Ayşe Hanım, siparişiniz yarın teslim edilecek. Saygılarımızla, Elif"

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _client(options: ServiceOptions) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(options)
    async with app.router.lifespan_context(app):
        app.state.service.ready.wait(60)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    options = ServiceOptions(
        config="", template_sets={"billing": [str(ROOT / "data" / "examples" / "templates")]}
    )
    async for made in _client(options):
        yield made


async def test_check_answers_the_report_of_the_api_and_the_schema(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post("/v1/check", json={"text": RUDE, "lang": "en"})
    assert answer.status_code == 200
    report = answer.json()
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(report)
    assert report == Linter("en", config={}).check(RUDE).to_dict()
    assert {s["rule_id"] for s in report["suggestions"]} >= {"NQ201", "NQ303", "NQ102"}
    assert not report["passed"]


async def test_check_takes_options_and_context(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/v1/check",
        json={"text": TURKISH, "select": ["tone"], "ignore": ["NQ117"], "message_lang": "en"},
    )
    report = answer.json()
    assert answer.status_code == 200 and report["lang"] == "tr"
    assert all(s["category"] == "tone" for s in report["suggestions"])
    upset = "This is the third time my order is late and nobody answers!"
    plain = "Your order ships on Monday.\n\nKind regards,\nAna"
    answer = await client.post(
        "/v1/check", json={"text": plain, "context": {"customer_message": upset}}
    )
    assert "NQ119" in [s["rule_id"] for s in answer.json()["suggestions"]]


async def test_template_sets_are_named_by_id(client: httpx.AsyncClient) -> None:
    template = (ROOT / "data" / "examples" / "templates" / "refund-approved.txt").read_text("utf-8")
    found = await client.post("/v1/check", json={"text": template, "templates": "billing"})
    assert "NQ502" in [s["rule_id"] for s in found.json()["suggestions"]]
    unknown = await client.post("/v1/check", json={"text": "Hi", "templates": "../../etc"})
    assert unknown.status_code == 422
    assert "unknown template set '../../etc' (known: billing)" in unknown.json()["message"]


async def test_check_many_keeps_the_order(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/v1/check-many", json={"items": [{"text": CLEAN}, {"text": RUDE}, {"text": TURKISH}]}
    )
    reports = answer.json()["reports"]
    assert [r["passed"] for r in reports] == [True, False, True]
    assert [r["lang"] for r in reports] == ["en", "en", "tr"]
    too_many = await client.post("/v1/check-many", json={"items": [{"text": "Hi"}] * 101})
    assert too_many.status_code == 422 and "at most 100 items" in too_many.json()["message"]


async def test_rules_health_and_readiness(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/v1/rules")).json()
    assert len(listed) == RULES and listed[0]["id"] == "NQ101"
    assert listed == [info.listing() for info in netiquette.rules()]  # as `rules --format json`
    turkish = (await client.get("/v1/rules", params={"message_lang": "tr"})).json()
    assert turkish[0]["summary"] != listed[0]["summary"]
    assert (await client.get("/healthz")).json()["status"] == "ok"
    assert (await client.get("/readyz")).json()["status"] == "ok"


async def test_readiness_waits_for_the_rules() -> None:
    app = create_app(ServiceOptions(config=""))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/healthz")).status_code == 200
        loading = await client.get("/readyz")  # the lifespan (warm-up) has not run
        assert (loading.status_code, loading.json()["status"]) == (503, "loading")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"text": 3}, "body.text: Input should be a valid string"),
        ({"txt": "Hi"}, "body.text: Field required"),
        ({"text": "Hi", "colour": "red"}, "body.colour: Extra inputs are not permitted"),
        ({"text": "Hi", "lang": "fr"}, "unknown language 'fr' (known: auto, en, tr)"),
        ({"text": "Hi", "select": ["NQ999"]}, "unknown rule 'NQ999'"),
        ({"text": "Hi", "message_lang": "xx"}, "message_lang"),
        ({"text": "x" * 200_001}, "the limit is 200,000 (max_chars)"),
        ('{"text": "Hi \\ud800"}', "lone surrogate"),
    ],
)
async def test_bad_input_is_a_422_with_a_message(
    client: httpx.AsyncClient, body: dict[str, Any] | str, message: str
) -> None:
    if isinstance(body, str):  # JSON that Python cannot encode: sent as it is written
        headers = {"Content-Type": "application/json"}
        answer = await client.post("/v1/check", content=body, headers=headers)
    else:
        answer = await client.post("/v1/check", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == "invalid_request"
    assert message in answer.json()["message"]
    assert "Traceback" not in answer.text and "x" * 100 not in answer.text


async def test_bodies_over_the_limit_are_refused_before_parsing() -> None:
    async for client in _client(ServiceOptions(config="", max_body_bytes=2_000)):
        big = {"text": "word " * 1_000}
        answer = await client.post("/v1/check", json=big)
        assert answer.status_code == 413
        assert answer.json() == {
            "error": "too_large",
            "message": "the request body is larger than 2,000 bytes",
        }

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted
            for _ in range(10):
                yield b'{"text": "' + b"a" * 500

        streamed = await client.post("/v1/check", content=chunks())
        assert streamed.status_code == 413
        fine = await client.post("/v1/check", json={"text": CLEAN})
        assert fine.status_code == 200


async def test_a_check_over_the_time_limit_is_a_503() -> None:
    async for client in _client(ServiceOptions(config="", time_limit=0.001)):
        answer = await client.post("/v1/check", json={"text": "Hello there. " * 10_000})
        assert answer.status_code == 503
        assert answer.json()["error"] == "time_limit"


async def test_a_token_guards_the_api_but_not_the_health_checks(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETIQUETTE_TOKEN", "s3cret")
    refused = await client.post("/v1/check", json={"text": CLEAN})
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    wrong = await client.get("/v1/rules", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    right = await client.post(
        "/v1/check", json={"text": CLEAN}, headers={"Authorization": "Bearer s3cret"}
    )
    assert right.status_code == 200
    assert (await client.get("/healthz")).status_code == 200


async def test_cors_lets_only_the_configured_origin_in() -> None:
    origin = "https://acme.zendesk.com"
    async for client in _client(ServiceOptions(config="", cors_origins=[origin])):
        asked = {"Origin": origin, "Access-Control-Request-Method": "POST"}
        allowed = await client.options("/v1/check", headers=asked)
        assert allowed.headers["access-control-allow-origin"] == origin
        other = await client.options(
            "/v1/check", headers={**asked, "Origin": "https://evil.example"}
        )
        assert "access-control-allow-origin" not in other.headers


async def test_a_failure_never_reaches_the_client_as_a_trace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Linter, "check", broken)
    # The server logs the exception after answering; the client sees only the answer.
    transport = httpx.ASGITransport(
        app=create_app(ServiceOptions(config="")), raise_app_exceptions=False
    )
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        answer = await client.post("/v1/check", json={"text": "Hi there"})
    assert answer.status_code == 500
    assert answer.json()["error"] == "internal_error"
    assert "secret internals" not in answer.text and "Traceback" not in answer.text


async def test_the_access_log_has_no_reply_text(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="netiquette.access"):
        await client.post("/v1/check", json={"text": "Secret customer detail 4111"})
    [line] = [json.loads(r.getMessage()) for r in caplog.records if r.name == "netiquette.access"]
    assert (line["method"], line["path"], line["status"]) == ("POST", "/v1/check", 200)
    assert "4111" not in json.dumps(line)


async def test_the_openapi_report_matches_docs_report_schema(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    components = document["components"]["schemas"]
    for name, schema in (
        ("Report", REPORT_SCHEMA),
        ("Suggestion", REPORT_SCHEMA["$defs"]["suggestion"]),
    ):
        served = components[name]
        assert set(served["properties"]) == set(schema["properties"]), name
        assert set(served["required"]) == set(schema["required"]), name
        assert served.get("additionalProperties") is False, name
    check = document["paths"]["/v1/check"]["post"]["responses"]
    assert check["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Report")
    assert {"401", "413", "422", "503"} <= set(check)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--template-set", "billing"], "write ID=PATH"),
        (["--template-set", "../x=macros"], "the id must be letters"),
        (["--template-set", "billing=/nonexistent/macros"], "/nonexistent/macros"),
        (["--cors-origin", "https://acme.zendesk.com/app"], "no path"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--port", "70000"], "--port 70000"),
    ],
)
def test_serve_refuses_bad_options_before_listening(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from netiquette.cli import main

    assert main(["serve", "--no-config", *args]) == 2
    assert error in capsys.readouterr().err
