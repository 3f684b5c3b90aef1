"""The HTTP service: FastAPI routes over one shared set of Linters.

Endpoints: ``POST /v1/check``, ``POST /v1/check-many``, ``GET /v1/rules``,
``GET /healthz`` (the process answers), ``GET /readyz`` (the rules and template sets
are loaded), the OpenAPI document at ``/openapi.json``, and the page at ``/``.

Safe by default: the body is limited before it is parsed (413), every check has a time
limit (503), bad input is a 422 with a message a person can act on, and no answer ever
carries a stack trace. Template sets are loaded at start and addressed by id, never
uploaded. With ``NETIQUETTE_TOKEN`` set, /v1 requests need ``Authorization: Bearer``.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import anyio
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from netiquette import __version__
from netiquette.config import Settings, load_settings, validate
from netiquette.core import ConfigError, InputError, NetiquetteError
from netiquette.lang import AUTO, codes
from netiquette.linter import Linter
from netiquette.registry import rules
from netiquette.report import Report
from netiquette.service import models
from netiquette.service.limits import AccessLog, BodyLimit, problem
from netiquette.service.options import TOKEN_VARIABLE, ServiceOptions

T = TypeVar("T")
#: Linters kept for the option combinations clients ask for (least recently used go).
MAX_LINTERS = 32
log = logging.getLogger("netiquette.service")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": models.Problem, "description": what}
    for code, what in (
        (400, "the body is not JSON"),
        (401, "the bearer token is missing or wrong (when NETIQUETTE_TOKEN is set)"),
        (413, "the request body is larger than the limit"),
        (422, "invalid request: unknown field, wrong type, unknown rule or language"),
        (503, "the check took longer than the time limit, or the service is still loading"),
    )
}


class Service:
    """What the routes share: settings, template sets and linters, built once."""

    def __init__(self, options: ServiceOptions) -> None:
        self.options = options
        use_files = options.config != ""
        self.settings: Settings = load_settings(
            options.config or None, start=Path.cwd(), use_files=use_files
        )
        self.template_sets = self._load_template_sets()
        self._linters: OrderedDict[tuple[Any, ...], Linter] = OrderedDict()
        self._lock = threading.Lock()
        self.ready = threading.Event()
        self.failure: str | None = None

    def _load_template_sets(self) -> dict[str, Any]:
        from netiquette import templates

        paths = dict(self.options.template_sets)
        if self.settings.templates and "default" not in paths:
            paths["default"] = list(self.settings.templates)
        return {
            set_id: templates.load(
                sources, lang=self.settings.lang, format=self.settings.templates_format
            )
            for set_id, sources in sorted(paths.items())
        }

    def warm_up(self) -> None:
        """Build the default linter's rules for every language (readyz waits for it)."""
        try:
            self.linter(models.Options()).warm_up()
        except Exception as exc:  # reported by readyz and the log
            self.failure = f"{type(exc).__name__}: {exc}"
            log.exception("netiquette: warm-up failed")
        finally:
            self.ready.set()

    def linter(self, options: models.Options) -> Linter:
        """The Linter for a request's options (a ConfigError for unknown ones)."""
        if options.lang != AUTO and options.lang not in codes():
            raise ConfigError(
                f"unknown language '{options.lang}' (known: auto, {', '.join(codes())})"
            )
        if options.templates is not None and options.templates not in self.template_sets:
            known = ", ".join(self.template_sets) or "none are loaded"
            raise ConfigError(f"unknown template set '{options.templates}' (known: {known})")
        key = (
            options.lang,
            options.templates,
            None if options.select is None else tuple(options.select),
            None if options.ignore is None else tuple(options.ignore),
            options.message_lang,
        )
        with self._lock:
            found = self._linters.get(key)
            if found is not None:
                self._linters.move_to_end(key)
                return found
        settings = self.settings
        if options.message_lang is not None:
            settings = settings.with_overrides(
                **validate({"message_lang": options.message_lang}, "message_lang")
            )
        built = Linter(
            options.lang,
            templates=self.template_sets.get(options.templates or "default"),
            select=options.select,
            ignore=options.ignore,
            config=settings,
        )
        with self._lock:
            self._linters[key] = built
            while len(self._linters) > MAX_LINTERS:
                self._linters.popitem(last=False)
        return built

    async def run(self, work: Callable[[], T]) -> T:
        """``work`` in a worker thread, at most ``time_limit`` seconds (then 503)."""
        with anyio.fail_after(self.options.time_limit):
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)


def create_app(options: ServiceOptions | None = None) -> FastAPI:
    """The application (uvicorn calls this in each worker, with the options of
    ``netiquette serve`` read from the environment)."""
    options = options or ServiceOptions.from_environment()
    service = Service(options)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=service.warm_up, name="netiquette-warm-up", daemon=True).start()
        yield

    app = FastAPI(
        title="netiquette",
        version=__version__,
        summary="Lint customer-service replies before they are sent.",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.service = service
    _add_error_handlers(app)
    _add_routes(app, service)
    app.mount("/", StaticFiles(directory=_static_folder(), html=True), name="page")
    if options.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=options.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=options.max_body_bytes)
    app.add_middleware(AccessLog)
    return app


def _static_folder() -> str:
    return str(resources.files("netiquette.service") / "static")


def _require_token(request: Request) -> None:
    expected = os.environ.get(TOKEN_VARIABLE)
    if not expected:
        return
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip(), expected):
        raise HTTPException(401, "send the service's token as 'Authorization: Bearer <token>'")


def _context(context: models.Context | None) -> dict[str, str] | None:
    if context is None or not context.customer_message:
        return None
    return {"customer_message": context.customer_message}


def _add_routes(app: FastAPI, service: Service) -> None:
    guarded = [Depends(_require_token)]

    @app.post("/v1/check", response_model=models.Report, responses=ERRORS, dependencies=guarded)
    async def check(request: models.CheckRequest) -> JSONResponse:
        """Check one draft reply; the answer is the report of `netiquette check --format json`."""
        linter = service.linter(request)
        if service.options.log_text:
            log.info("check text=%r", request.text)
        work = functools.partial(linter.check, request.text, context=_context(request.context))
        report: Report = await service.run(work)
        return JSONResponse(report.to_dict())

    @app.post(
        "/v1/check-many",
        response_model=models.Reports,
        responses=ERRORS,
        dependencies=guarded,
    )
    async def check_many(request: models.CheckManyRequest) -> JSONResponse:
        """Check several drafts with the same options; the reports come in their order."""
        limit = service.options.max_batch
        if len(request.items) > limit:
            raise InputError(f"at most {limit} items a request, got {len(request.items)}")
        linter = service.linter(request)

        def work() -> list[Report]:
            return [linter.check(i.text, context=_context(i.context)) for i in request.items]

        reports = await service.run(work)
        return JSONResponse({"reports": [r.to_dict() for r in reports]})

    @app.get("/v1/rules", response_model=list[models.Rule], responses=ERRORS, dependencies=guarded)
    async def list_rules(
        message_lang: str = Query("en", json_schema_extra={"enum": codes()}),
    ) -> list[dict[str, Any]]:
        """Every rule, as `netiquette rules --format json` lists it: id, name,
        category, severity, languages, fix safety and summary."""
        if message_lang not in codes():
            raise ConfigError(f"unknown message_lang '{message_lang}'")
        return [r.listing() for r in rules(message_lang)]

    @app.get("/healthz", response_model=models.Status)
    async def healthz() -> dict[str, str]:
        """The process answers."""
        return {"status": "ok", "version": __version__}

    @app.get("/readyz", response_model=models.Status, responses={503: ERRORS[503]})
    async def readyz() -> JSONResponse:
        """Ready once the rules and the template sets are loaded."""
        if not service.ready.is_set():
            return JSONResponse({"status": "loading", "version": __version__}, status_code=503)
        if service.failure:
            return problem(503, "not_ready", f"the rules could not be built: {service.failure}")
        return JSONResponse({"status": "ok", "version": __version__})


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]  # no "input": a reply is not echoed back
        first = details[0] if details else {"where": "body", "problem": "invalid"}
        message = f"{first['where']}: {first['problem']}"
        return problem(422, "invalid_request", message, details)

    @app.exception_handler(NetiquetteError)
    async def refused(request: Request, exc: NetiquetteError) -> JSONResponse:
        return problem(422, "invalid_request", str(exc))

    @app.exception_handler(TimeoutError)
    async def too_slow(request: Request, exc: TimeoutError) -> JSONResponse:
        limit = request.app.state.service.options.time_limit
        return problem(503, "time_limit", f"the check took longer than {limit:g} s")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        codes_ = {
            400: "invalid_json",
            401: "unauthorized",
            404: "not_found",
            405: "method_not_allowed",
        }
        response = problem(exc.status_code, codes_.get(exc.status_code, "http_error"), exc.detail)
        if exc.status_code == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(Exception)
    async def failed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("netiquette: request failed")
        return problem(500, "internal_error", "the service failed on this request (see its log)")
