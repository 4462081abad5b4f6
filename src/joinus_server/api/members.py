"""GET /api/v1/members: the names of the people in the caller's teams."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from .. import members
from ..auth import Principal
from .deps import current_principal, storage_of
from .responses import errors
from .schemas import MembersOut

router = APIRouter(prefix="/api/v1", tags=["organisation"])


@router.get("/members", response_model=None,
            responses={200: {"model": MembersOut}, **errors("unauthorized")})
def list_members(request: Request,
                 principal: Principal = Depends(current_principal)) -> JSONResponse:
    """Id and name of every member of the caller's teams (never of other teams)."""
    return JSONResponse(members.members_for(storage_of(request), principal))
