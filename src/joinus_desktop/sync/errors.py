"""Sync errors carry a ``kind``, so one presenter can word them for a person."""

from __future__ import annotations

from typing import Literal

Kind = Literal["network", "auth", "revoked", "clock", "resync", "server", "rejected",
               "not_enrolled", "protocol", "insecure"]


class SyncError(Exception):
    def __init__(self, kind: Kind, message: str, *, code: str | None = None,
                 status: int | None = None, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.code = code
        self.status = status
        self.message = message
        self.retry_after_s = retry_after_s  # from a 429's Retry-After header

    @property
    def wait_minutes(self) -> int:
        """Whole minutes to wait before trying again (at least 1)."""
        return max(1, -(-(self.retry_after_s or 60) // 60))

    @property
    def retryable(self) -> bool:
        """Worth trying again by itself (with back-off), without a person acting."""
        return self.kind in ("network", "server")


class ResyncRequired(SyncError):
    def __init__(self, message: str) -> None:
        super().__init__("resync", message, code="resync_required", status=409)
