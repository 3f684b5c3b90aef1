"""netiquette over HTTP: ``netiquette serve`` (the ``server`` extra: FastAPI, uvicorn).

:func:`create_app` builds the ASGI application; :func:`serve` runs it with uvicorn.
"""

from __future__ import annotations

import os

from netiquette.service.options import OPTIONS_VARIABLE, ServiceOptions, check_options

__all__ = ["ServiceOptions", "serve"]


def serve(options: ServiceOptions) -> None:
    """Run the service with uvicorn until interrupted.

    The application is built here first, so a bad configuration or template set is a
    NetiquetteError before anything listens. With several workers, the options reach
    each worker process through the environment (JSON) and each builds the same
    application."""
    import uvicorn

    from netiquette.service.app import create_app

    check_options(options)
    _log_to_stderr()
    app = create_app(options)
    os.environ[OPTIONS_VARIABLE] = options.to_json()
    uvicorn.run(
        app if options.workers == 1 else "netiquette.service.app:create_app",
        factory=options.workers > 1,
        host=options.host,
        port=options.port,
        workers=options.workers,
        access_log=False,
        server_header=False,
        log_level="info",
    )


def _log_to_stderr() -> None:
    """The service's own log (one JSON line a request on netiquette.access, errors on
    netiquette.service) on stderr, beside uvicorn's."""
    import logging
    import sys

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("netiquette")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
