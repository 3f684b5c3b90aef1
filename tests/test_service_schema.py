"""Property-based tests of the HTTP API from the OpenAPI document it serves
(schemathesis): whatever a client sends that the document allows or not, the service
never fails with a 5xx, answers only documented status codes and content types, and
its answers match the documented schemas."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
pytest.importorskip("schemathesis")

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from netiquette.service.app import create_app
from netiquette.service.options import ServiceOptions

APP = create_app(ServiceOptions(config="", time_limit=30))
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@SCHEMA.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_keeps_its_document(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate(checks=CHECKS)
