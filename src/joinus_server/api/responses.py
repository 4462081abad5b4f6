"""OpenAPI fragments shared by the routes."""

from __future__ import annotations

from typing import Any

from ..errors import HTTP_ERRORS
from .schemas import ErrorResponse


def errors(*codes: str) -> dict[int | str, dict[str, Any]]:
    """The documented error responses of an endpoint, one entry per HTTP status."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(HTTP_ERRORS[code][0], []).append(code)
    return {status: {"model": ErrorResponse,
                     "description": "Error codes: " + ", ".join(sorted(names))}
            for status, names in sorted(by_status.items())}


def json_body(model: str) -> dict[str, Any]:
    """``openapi_extra`` for an endpoint whose JSON body the handler parses itself."""
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}}}}
