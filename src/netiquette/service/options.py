"""What ``netiquette serve`` is told: where to listen, limits, origins, template sets.

The options travel to uvicorn's worker processes as JSON in one environment variable
(data, never code), so every worker builds the same application.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field

from netiquette.core import ConfigError

#: The environment variable that carries the options to worker processes.
OPTIONS_VARIABLE = "NETIQUETTE_SERVE_OPTIONS"
#: The environment variable whose value, when set, every /v1 request must present as
#: ``Authorization: Bearer <token>``.
TOKEN_VARIABLE = "NETIQUETTE_TOKEN"
_SET_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


@dataclass(frozen=True)
class ServiceOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    #: A .netiquette.toml or pyproject.toml; None finds one upwards from the folder the
    #: service starts in, "" reads none.
    config: str | None = None
    #: Template sets by id: each is a list of template paths (a folder, a file, an export).
    template_sets: dict[str, list[str]] = field(default_factory=dict)
    cors_origins: list[str] = field(default_factory=list)
    #: Largest request body accepted (413 above it).
    max_body_bytes: int = 1_000_000
    #: Most replies in one /v1/check-many request.
    max_batch: int = 100
    #: Seconds a request may take before it is answered 503.
    time_limit: float = 10.0
    #: Write the reply text into the access log (off: the log has no customer data).
    log_text: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str) -> ServiceOptions:
        return cls(**json.loads(raw))

    @classmethod
    def from_environment(cls) -> ServiceOptions:
        raw = os.environ.get(OPTIONS_VARIABLE)
        return cls() if not raw else cls.from_json(raw)


def parse_template_set(value: str) -> tuple[str, str]:
    """``ID=PATH`` of ``--template-set``: the set's id and one of its paths."""
    set_id, sep, path = value.partition("=")
    if not sep or not path:
        raise ConfigError(f"--template-set {value!r}: write ID=PATH (e.g. billing=macros/billing)")
    if not _SET_ID.fullmatch(set_id):
        raise ConfigError(
            f"--template-set {value!r}: the id must be letters, digits, '.', '_' or '-' "
            "(at most 64)"
        )
    return set_id, path


def check_options(options: ServiceOptions) -> ServiceOptions:
    """The options, or a ConfigError for one out of range."""
    if not 0 <= options.port <= 65535:
        raise ConfigError(f"--port {options.port}: must be 0-65535")
    if options.workers < 1:
        raise ConfigError("--workers must be at least 1")
    if options.max_body_bytes < 1_000:
        raise ConfigError("--max-body-bytes must be at least 1000")
    if options.time_limit <= 0:
        raise ConfigError("--time-limit must be more than 0 seconds")
    for origin in options.cors_origins:
        if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
            raise ConfigError(
                f"--cors-origin {origin!r}: an origin is scheme://host[:port], no path"
            )
    return options
