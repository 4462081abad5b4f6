"""The ASGI application: routes, JSON error bodies for everything, the OpenAPI schema."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic.json_schema import models_json_schema
from starlette.exceptions import HTTPException as StarletteHTTPException

from joinus_desktop.sync.protocol import error_body

from . import __version__, scores
from .api import enroll, health, members, organisation, reports, sync
from .api.schemas import REQUEST_MODELS
from .config import ENV_DATABASE, database_url, enrol_limit
from .errors import ApiError, StorageUnavailable
from .logging_setup import log_unexpected
from .storage import Storage, open_storage

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

TITLE = "Join Us organisation server"
DESCRIPTION = ("Enrolment, two-way sync and programme reports for Join Us Desktop. "
               "Every error is `{\"error\": {\"code\", \"message\"}}`; see docs/protocol.md.")
_STATUS_CODES = {400: "invalid_request", 401: "unauthorized", 403: "forbidden",
                 404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}


class _ErrorShield:
    """Outermost layer: an exception that escaped everything becomes a JSON 500.

    Starlette re-raises after its own 500 handler ran (so servers can log it);
    here it stops, because uvicorn's log line would include the exception's
    message, which may quote data.
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if scope["type"] != "http":
                raise
            if not started:  # the 500 handler did not run (it would have answered)
                log_unexpected(exc, f"{scope.get('method')} {scope.get('path')}")
                await JSONResponse(error_body("internal_error", "Internal server error."),
                                   status_code=500)(scope, receive, send)


class JoinUsApp(FastAPI):
    def build_middleware_stack(self) -> Any:
        return _ErrorShield(super().build_middleware_stack())


def create_app(storage: Storage | None = None, *, database: str | None = None) -> JoinUsApp:
    """The app on ``storage`` (left open on shutdown), or on a database it opens itself."""
    owned = storage is None
    store = storage if storage is not None else open_storage(database_url(database))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        scores.registry()  # the instrument packs, read (and any missing one logged) at start
        yield
        if owned:
            store.close()

    app = JoinUsApp(title=TITLE, version=__version__, description=DESCRIPTION,
                    openapi_url="/openapi.json", docs_url=None, redoc_url=None,
                    lifespan=lifespan)
    app.state.storage = store
    app.state.enrol_limit = enrol_limit()
    for module in (enroll, sync, organisation, members, reports, health):
        app.include_router(module.router)
    _install_error_handlers(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def app_from_environment() -> JoinUsApp:
    """Factory for ``uvicorn --factory`` (each worker): the database from the environment."""
    app = create_app(database=os.environ.get(ENV_DATABASE))
    # Everything made at start-up lives as long as the process: moved out of the
    # collector's reach, so its passes during a push walk only the request's objects.
    gc.freeze()
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
        return JSONResponse(exc.body(), status_code=exc.status,
                            headers={**headers, **exc.headers} or None)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid')}" if where else "invalid request"
        return JSONResponse(error_body("invalid_request", message), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "invalid_request"
                                 if exc.status_code < 500 else "internal_error")
        message = {404: "No such endpoint.",
                   405: f"{request.method} is not allowed here."}.get(exc.status_code,
                                                                      str(exc.detail))
        return JSONResponse(error_body(code, message), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(StorageUnavailable)
    async def unavailable(request: Request, exc: StorageUnavailable) -> JSONResponse:
        return JSONResponse(error_body("unavailable", "The database cannot be reached; "
                                                      "try again later."),
                            status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log_unexpected(exc, f"{request.method} {request.url.path}")
        return JSONResponse(error_body("internal_error", "Internal server error."),
                            status_code=500)


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    _, defs = models_json_schema([(m, "validation") for m in REQUEST_MODELS],
                                 ref_template="#/components/schemas/{model}")
    components.update(defs.get("$defs", {}))
    # Validation errors answer 400 invalid_request here, never FastAPI's 422.
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            operation.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    app.openapi_schema = schema
    return schema
