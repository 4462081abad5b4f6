"""Background sync: after edits and on a timer, with back-off, never on the UI thread.

The service owns no widgets. It runs :class:`SyncEngine` on the network worker
and reports a :class:`SyncStatus` by signal; the status area and the conflicts
view listen. A failure the server or network may recover from is retried with
growing back-off without waiting for the next edit (PowerSync's failure mode);
a revoked laptop stops syncing and says so, and its data stays usable.
"""

from __future__ import annotations

import calendar
import logging
import math
import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...store.store import Store
from ...store.sync_state import CLOCK_AHEAD
from ...sync.engine import SyncEngine, SyncReport
from ...sync.errors import SyncError
from ..tasks import QueryOp, network_pool

log = logging.getLogger(__name__)

PERIOD_MS = 5 * 60 * 1000  # a run every five minutes while online
AFTER_EDIT_MS = 15 * 1000  # and soon after local changes
BACKOFF_MS = (30_000, 60_000, 120_000, 300_000, 900_000)


@dataclass(frozen=True)
class SyncStatus:
    state: str  # not_enrolled | idle | syncing | online | offline | error | revoked
    pending: int = 0
    last_success: str | None = None
    last_error: str | None = None
    conflicts: int = 0
    refused: int = 0
    next_attempt_s: int | None = None
    enrolled: bool = False
    org_key_refused: bool = False  # the server offers an organisation key we do not trust
    error_code: str | None = None  # of the last failure: clock_ahead, clock_behind, …
    clock_ahead: int = 0  # own changes the server refused because our clock was ahead


def _load_status(store: Store, state: str, next_attempt_s: int | None,
                 error_code: str | None = None) -> SyncStatus:
    """Read the counts and last results (runs on a worker)."""
    from ...store.org_key_pin import refused_key

    team = store.meta("current_team")
    conflicts = len(store.conflicts.open(team)) if team else 0
    refused = store.sync.quarantined()
    return SyncStatus(state=state, pending=store.pending_changes(),
                      last_success=store.sync.get("last_success"),
                      last_error=store.sync.get("last_error"), conflicts=conflicts,
                      refused=len(refused) + len(store.sync.not_stored()),
                      next_attempt_s=next_attempt_s, enrolled=store.sync.enrolled,
                      error_code=error_code,
                      clock_ahead=sum(r["code"] == CLOCK_AHEAD for r in refused),
                      org_key_refused=refused_key(store) is not None)


class SyncService(QObject):
    status_changed = Signal()  # read .status: PySide's object signals mishandle refcounts
    synced = Signal()  # after a run that changed something locally

    def __init__(self, store: Store, parent: QObject | None = None, *,
                 period_ms: int = PERIOD_MS, after_edit_ms: int = AFTER_EDIT_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.status = SyncStatus("not_enrolled")
        self._running = False
        self._failures = 0
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise: the status shows its remaining time ("next try in 30 s"); a coarse
        # timer may fire (and report) up to 5 % late.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.sync_now)
        self._period_ms = period_ms
        self._after_edit_ms = after_edit_ms
        self.last_report: SyncReport | None = None

    @property
    def enrolled(self) -> bool:
        """From the last status loaded on the worker: the UI thread reads no store."""
        return self.status.enrolled

    def start(self) -> None:
        """Begin background syncing: a first run as soon as the status says enrolled."""
        self._stopped = False
        self._start_when_loaded = True
        self.refresh_status("idle")

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    def local_change(self) -> None:
        """Call after a local edit: sync soon, unless a run is already near."""
        # While backing off after failures, edits do not shorten the wait.
        if (self.enrolled and not self._stopped and self.status.state != "revoked"
                and not self._failures):
            remaining = self._timer.remainingTime() if self._timer.isActive() else -1
            if remaining < 0 or remaining > self._after_edit_ms:
                self._schedule(self._after_edit_ms)
        self.refresh_status()

    def sync_now(self) -> None:
        if self._running or self._stopped or not self.enrolled:
            return
        self._running = True
        self._timer.stop()
        self._set(replace(self.status, state="syncing"))
        store = self.store

        def run() -> SyncReport:
            engine = SyncEngine(store)
            try:
                return engine.run()
            finally:
                engine.close()

        QueryOp(parent=self, op=run, success=self._succeeded, pool=network_pool()) \
            .failure(self._failed).run()

    def refresh_status(self, state: str | None = None, *,
                       next_attempt_s: int | None = None, error_code: str | None = None
                       ) -> None:
        """Re-read the counts. A new ``state`` (with its retry time) is shown at once, so
        that a refresh queued after it (an edit, the pending timer) reads it too."""
        if state is not None:
            self._set(replace(self.status, state=state, next_attempt_s=next_attempt_s,
                              error_code=error_code))
        store, current, retry = self.store, self.status.state, self.status.next_attempt_s
        code = self.status.error_code
        if store.vault.is_locked:
            return
        QueryOp(parent=self, op=lambda: _load_status(store, current, retry, code),
                success=self._set).failure(
            lambda exc: log.warning("sync status failed: %s", type(exc).__name__)).run()

    def _succeeded(self, report: SyncReport) -> None:
        self._running = False
        self._failures = 0
        self.last_report = report
        self.refresh_status("online")
        if report.pulled or report.purges or report.conflicts:
            self.synced.emit()
        self._schedule(self._period_ms)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if isinstance(error, SyncError):
            if error.kind == "revoked":
                self.refresh_status("revoked")
                return  # no more attempts: a person must act
            state = "offline" if error.kind == "network" else "error"
            retry = error.retryable or error.kind in ("clock", "resync", "protocol")
        else:
            log.error("sync run failed unexpectedly: %s", type(error).__name__)
            state, retry = "error", True
        delay = BACKOFF_MS[min(self._failures, len(BACKOFF_MS) - 1)]
        self._failures += 1
        self.refresh_status(state, next_attempt_s=delay // 1000 if retry else None,
                            error_code=error.code if isinstance(error, SyncError) else None)
        if retry:
            self._schedule(delay)

    def _schedule(self, delay_ms: int) -> None:
        if not self._stopped:
            self._timer.start(max(0, delay_ms))

    def _set(self, status: SyncStatus) -> None:
        if status.state == "idle" and not status.enrolled:
            status = replace(status, state="not_enrolled")
        if status.state in ("offline", "error") and self._timer.isActive():
            # Backing off: the next try counts down with the timer that will make it.
            status = replace(status, next_attempt_s=max(
                1, math.ceil(self._timer.remainingTime() / 1000)))
        self.status = status
        self.status_changed.emit()
        if getattr(self, "_start_when_loaded", False) and status.enrolled:
            self._start_when_loaded = False
            self._schedule(0)


def describe_time(iso: str | None) -> str | None:
    """'14:02' today, else a short date, in local time; None when never."""
    if not iso:
        return None
    try:
        moment = time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return iso
    local = time.localtime(calendar.timegm(moment))
    if time.strftime("%Y-%m-%d", local) == time.strftime("%Y-%m-%d"):
        return time.strftime("%H:%M", local)
    return time.strftime("%d-%m %H:%M", local)
