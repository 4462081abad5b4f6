"""Reading a JSON request body within the size limit, and refusing what is not JSON."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from joinus_desktop.sync import wirejson
from joinus_desktop.sync.protocol import MAX_BODY_BYTES

from ..errors import ApiError


def _too_large() -> ApiError:
    return ApiError("body_too_large", f"The request body is larger than {MAX_BODY_BYTES} bytes.")


async def read_json(request: Request, *, limit: int = MAX_BODY_BYTES) -> Any:
    """The parsed body; 413 as soon as more than ``limit`` bytes arrived, 400 if not JSON.

    Content-Length is only a shortcut for an early no: the count while
    streaming is what holds (chunked bodies have no length at all).
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large()
    size = 0
    chunks: list[bytes] = []
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large()
        chunks.append(chunk)
    try:
        # Strict: invalid UTF-8, lone surrogates, NaN and infinities are all refused.
        data = wirejson.loads(b"".join(chunks))
    except ValueError as exc:
        raise ApiError("invalid_json", "The request body is not valid UTF-8 JSON.") from exc
    return data


def has_control_chars(text: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)
