"""GET /healthz: the process is up and its database answers; the server's clock.

Clients read ``server_time_ms`` before they push, to refuse syncing with a
laptop clock far off (its stamps would win or lose every race unfairly).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from joinus_desktop.domain.hlc import wall_clock_ms

from .deps import storage_of
from .responses import errors
from .schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=None,
            responses={200: {"model": Health}, **errors("unavailable")})
def healthz(request: Request) -> JSONResponse:
    with storage_of(request).read() as tx:
        tx.head()
    return JSONResponse({"status": "ok", "server_time_ms": wall_clock_ms()})
