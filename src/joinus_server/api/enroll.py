"""POST /api/v1/enroll: a one-time code for a device token."""

from __future__ import annotations

import ipaddress

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .. import enrolment
from ..errors import ApiError
from ..text import has_unsafe_chars
from .body import read_json
from .deps import storage_of
from .responses import errors, json_body
from .schemas import EnrollResponse

router = APIRouter(prefix="/api/v1", tags=["devices"])


def parse_enroll(data: object) -> tuple[str, str]:
    if not isinstance(data, dict):
        raise ApiError("invalid_request", "enroll: the body must be a JSON object")
    code, name = data.get("code"), data.get("device_name")
    if not isinstance(code, str) or not 1 <= len(code) <= 64:
        raise ApiError("invalid_request", "enroll: 'code' must be a string of 1 to 64 characters")
    # Refused rather than cleaned: a name is shown to administrators as the device sent
    # it, and control or bidi characters could make their tables lie (see text.py).
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= 100 or has_unsafe_chars(name):
        raise ApiError("invalid_request",
                       "enroll: 'device_name' must be 1 to 100 printable characters, without "
                       "control or bidi characters")
    return code, name.strip()


def client_address(request: Request) -> str:
    """The address wrong codes are counted against.

    uvicorn (``proxy_headers``) has already put the ``X-Forwarded-For`` address here,
    but only for a connection from an address in ``$FORWARDED_ALLOW_IPS`` (default
    127.0.0.1, the reverse proxy); anyone else's header is ignored. An IPv6 client
    counts per /64, the block one subscriber usually gets.
    """
    host = request.client.host if request.client else ""
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return "unknown"  # not an IP address (a test client): one shared count
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


@router.post("/enroll", response_model=None, openapi_extra=json_body("EnrollRequest"),
             responses={200: {"model": EnrollResponse},
                        **errors("invalid_json", "invalid_request", "invalid_code",
                                 "too_many_attempts", "body_too_large")})
async def enroll(request: Request) -> JSONResponse:
    """Enrol a device with a one-time code; returns its id and bearer token (shown once).

    After too many wrong codes from one address: 429 ``too_many_attempts`` with
    ``Retry-After`` (seconds), even for a right code, until the window has passed.
    """
    code, name = parse_enroll(await read_json(request))
    max_failures, window_s = request.app.state.enrol_limit
    return JSONResponse(await run_in_threadpool(
        lambda: enrolment.enroll(storage_of(request), code, name,
                                 address=client_address(request),
                                 max_failures=max_failures, window_s=window_s)))
