"""FastAPI dependencies: the storage of this app, and the authenticated caller."""

from __future__ import annotations

from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..auth import Principal, authenticate
from ..storage import Storage

bearer = HTTPBearer(auto_error=False, scheme_name="deviceToken",
                    description="The device token returned by POST /api/v1/enroll.")


def storage_of(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


def current_principal(request: Request,
                      credentials: HTTPAuthorizationCredentials | None = Security(bearer),
                      ) -> Principal:
    """The device behind the bearer token (runs in the thread pool: it reads the database)."""
    return authenticate(storage_of(request), credentials.credentials if credentials else None)
