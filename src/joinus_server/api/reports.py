"""GET /api/v1/reports/programme."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from .. import reports
from ..auth import Principal
from .deps import current_principal, storage_of
from .responses import errors
from .schemas import ProgrammeReport

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])


@router.get("/programme", response_model=None,
            responses={200: {"model": ProgrammeReport}, **errors("unauthorized")})
def programme(request: Request,
              principal: Principal = Depends(current_principal)) -> JSONResponse:
    """Mean scale scores per measurement moment; suppressed below 5 distinct youngsters."""
    return JSONResponse(reports.programme_report(storage_of(request), principal))
