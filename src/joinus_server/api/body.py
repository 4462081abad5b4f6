"""Reading a JSON request body within the size limit, and refusing what is not JSON."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from joinus_desktop.sync.protocol import MAX_BODY_BYTES

from ..errors import ApiError


def _too_large() -> ApiError:
    return ApiError("body_too_large", f"The request body is larger than {MAX_BODY_BYTES} bytes.")


def _not_finite(text: str) -> Any:
    raise ValueError(f"{text} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError("number out of range")
    return value


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
        data = json.loads(b"".join(chunks).decode("utf-8"), parse_constant=_not_finite,
                          parse_float=_finite_float)
        # Lone surrogates ("\ud800") parse, but cannot be stored or sent back as UTF-8.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError) as exc:
        raise ApiError("invalid_json", "The request body is not valid UTF-8 JSON.") from exc
    return data


def has_control_chars(text: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)
