"""POST /api/v1/sync/push and GET /api/v1/sync/pull."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from joinus_desktop.sync import protocol, wirejson
from joinus_desktop.sync.gcpause import paused_gc
from joinus_desktop.sync.protocol import ProtocolError, PushRequest

from .. import pull as pull_service
from .. import push as push_service
from ..pull import Shape
from ..auth import Principal
from ..errors import ApiError
from ..storage import Storage
from ..text import is_batch_id
from .body import read_json
from .deps import current_principal, storage_of
from .responses import errors, json_body
from .schemas import PullResponse, PushResponse

router = APIRouter(prefix="/api/v1/sync", tags=["sync"])
MAX_STAMP_LENGTH = 100


def parse_push(data: object, principal: Principal) -> PushRequest:
    """The protocol's own parser, plus the server's stricter spelling rules."""
    version = data.get("protocol", protocol.PROTOCOL_VERSION) if isinstance(data, dict) else None
    if version is not None and (type(version) is not int or version != protocol.PROTOCOL_VERSION):
        raise ApiError("invalid_request", f"push: this server speaks protocol "
                                          f"{protocol.PROTOCOL_VERSION}")
    try:
        request = PushRequest.from_wire(data)
    except ProtocolError as exc:
        raise ApiError(exc.code, exc.message) from exc
    if request.device_id != principal.device_id:
        raise ApiError("device_mismatch", "push: 'device_id' is not the device of this token")
    if not is_batch_id(request.batch_id):  # it is logged and stored: a fixed alphabet
        raise ApiError("invalid_request", "push: 'batch_id' must be 1 to 64 characters of "
                                          "A-Z, a-z, 0-9, '.', '_', ':' and '-'")
    # Ids and stamps are already checked by Change.from_wire, each in its one spelling;
    # the server also caps a stamp's length.
    stamps = {change.stamp for change in request.changes}
    stamps.update(s for change in request.changes if change.base
                  for s in change.base.values() if s is not None)
    if any(len(s) > MAX_STAMP_LENGTH for s in stamps):  # then say which change (rare)
        for i, change in enumerate(request.changes):
            if any(s is not None and len(s) > MAX_STAMP_LENGTH
                   for s in (change.stamp, *change.base.values())):
                raise ApiError("invalid_request", f"changes[{i}]: a stamp is too long")
    return request


def _push_without_gc(storage: Storage, principal: Principal,
                     request: PushRequest) -> dict[str, Any]:
    with paused_gc():
        return push_service.push(storage, principal, request)


@router.post("/push", response_model=None, openapi_extra=json_body("PushRequest"),
             responses={200: {"model": PushResponse},
                        **errors("invalid_json", "invalid_request", "unknown_entity",
                                 "unknown_field", "unauthorized", "device_mismatch",
                                 "body_too_large", "batch_too_large")})
async def push(request: Request,
               principal: Principal = Depends(current_principal)) -> Response:
    """Apply a batch of changes atomically; a retried batch_id returns the first answer."""
    body = await read_json(request)
    with paused_gc():  # a batch is thousands of acyclic objects: see sync/gcpause.py
        push_request = parse_push(body, principal)
    answer = await run_in_threadpool(_push_without_gc, storage_of(request), principal,
                                     push_request)
    return Response(wirejson.dumps(answer), media_type="application/json")


@router.get("/pull", response_model=None,
            responses={200: {"model": PullResponse},
                       **errors("invalid_request", "unauthorized", "resync_required")})
def pull(request: Request,
         cursor: int = Query(0, description="The cursor of the previous page (0 at first)."),
         limit: int = Query(protocol.DEFAULT_PULL_LIMIT, ge=1, le=protocol.MAX_PULL_LIMIT),
         epoch: str | None = Query(None, max_length=64,
                                   description="The epoch the cursor belongs to; another "
                                               "epoch answers resync_required."),
         shape: Shape = Query("fields", description=(
             "values: a change that one write set comes as its stamp and values; fields "
             "(the default, for clients from before that shape): a stamp per field.")),
         principal: Principal = Depends(current_principal)) -> Response:
    """The log entries of the device's teams after ``cursor``, in commit order."""
    return Response(pull_service.pull_json(storage_of(request), principal, cursor=cursor,
                                           limit=limit, epoch=epoch, shape=shape),
                    media_type="application/json")
