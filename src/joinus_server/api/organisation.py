"""Organisation settings, erasure requests, devices' audit logs and the retention report."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from joinus_desktop.domain.ids import is_uuid

from .. import erasure, organisation
from ..auth import Principal
from ..errors import ApiError
from .body import read_json
from .deps import current_principal, storage_of
from .responses import errors, json_body
from .schemas import AuditUploadResponse, EraseResponse, RetentionDueOut, SettingsOut

router = APIRouter(prefix="/api/v1", tags=["organisation"])


@router.get("/settings", response_model=None,
            responses={200: {"model": SettingsOut}, **errors("unauthorized")})
def settings(request: Request, principal: Principal = Depends(current_principal)) -> JSONResponse:
    """The organisation's retention period and public key (PEM, or null)."""
    return JSONResponse(organisation.settings(storage_of(request)))


def parse_erase(data: object) -> tuple[str, str]:
    if not isinstance(data, dict) or set(data) != {"youngster_id", "team_id"}:
        raise ApiError("invalid_request",
                       "erase: the body must be an object with exactly 'youngster_id' and "
                       "'team_id'")
    youngster_id, team_id = data["youngster_id"], data["team_id"]
    if not (is_uuid(youngster_id) and is_uuid(team_id)):
        raise ApiError("invalid_request",
                       "erase: 'youngster_id' and 'team_id' must be lowercase UUIDs")
    return youngster_id, team_id


@router.post("/erase", response_model=None, openapi_extra=json_body("EraseRequest"),
             responses={200: {"model": EraseResponse},
                        **errors("invalid_json", "invalid_request", "unauthorized",
                                 "forbidden_team", "body_too_large")})
async def erase(request: Request,
                principal: Principal = Depends(current_principal)) -> JSONResponse:
    """Erase a youngster of one of the caller's teams everywhere (idempotent)."""
    youngster_id, team_id = parse_erase(await read_json(request))
    answer = await run_in_threadpool(erasure.erase_for_device, storage_of(request), principal,
                                     youngster_id, team_id)
    return JSONResponse(answer)


@router.post("/audit", response_model=None, openapi_extra=json_body("AuditUploadRequest"),
             responses={200: {"model": AuditUploadResponse},
                        **errors("invalid_json", "invalid_request", "unauthorized",
                                 "device_mismatch", "body_too_large", "batch_too_large")})
async def audit(request: Request,
                principal: Principal = Depends(current_principal)) -> JSONResponse:
    """Store the device's audit entries (ids and actions only); idempotent per seq."""
    rows = organisation.parse_audit(await read_json(request), principal)
    stored = await run_in_threadpool(organisation.store_audit, storage_of(request), principal,
                                     rows)
    return JSONResponse({"stored": stored})


@router.get("/retention/due", response_model=None,
            responses={200: {"model": list[RetentionDueOut]}, **errors("unauthorized")})
def retention_due(request: Request,
                  principal: Principal = Depends(current_principal)) -> JSONResponse:
    """Exited youngsters of the caller's teams (coordinators: all) past the retention period."""
    return JSONResponse(organisation.retention_due_for(storage_of(request), principal))
