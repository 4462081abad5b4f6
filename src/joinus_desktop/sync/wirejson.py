"""JSON for the sync hot paths (orjson), shared by the desktop client and the server.

orjson encodes and decodes several times faster than the standard library, and
it refuses what the protocol refuses anyway: invalid UTF-8, lone surrogates,
NaN and infinities. One difference matters and is handled: orjson cannot encode
an integer beyond 64 bits or a string holding a lone surrogate, so ``dumps``
falls back to the standard library for such a value rather than failing a sync.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

DecodeError = orjson.JSONDecodeError  # a ValueError


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON."""
    try:
        return orjson.dumps(value)
    except TypeError:  # orjson.JSONEncodeError: a huge integer or a lone surrogate
        return json.dumps(value, separators=(",", ":")).encode("ascii")


def dumps_text(value: Any) -> str:
    return dumps(value).decode("utf-8")


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """Parsed JSON; raises :data:`DecodeError` (a ValueError) for anything not strict JSON."""
    return orjson.loads(data)
