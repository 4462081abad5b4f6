"""Sync errors carry a ``kind``, so one presenter can word them for a person."""

from __future__ import annotations

from typing import Literal

Kind = Literal["network", "auth", "revoked", "clock", "resync", "server", "rejected",
               "not_enrolled", "protocol", "insecure"]


class SyncError(Exception):
    def __init__(self, kind: Kind, message: str, *, code: str | None = None,
                 status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.code = code
        self.status = status
        self.message = message

    @property
    def retryable(self) -> bool:
        """Worth trying again by itself (with back-off), without a person acting."""
        return self.kind in ("network", "server")


class ResyncRequired(SyncError):
    def __init__(self, message: str) -> None:
        super().__init__("resync", message, code="resync_required", status=409)
