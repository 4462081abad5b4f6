"""One sync run: push the outbox, pull after the cursor, compare counts.

Blocking and Qt-free: the CLI calls it directly, the GUI from a worker thread.
Every step is resumable: the outbox is only trimmed after the server answered
(a retried batch id is a no-op there), and each pulled page is stored together
with its cursor, so an interruption anywhere repeats at most one step.
"""

from __future__ import annotations

import logging
import socket
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

from ..domain.hlc import MAX_DRIFT_MS, ClockError, Stamp, wall_clock_ms
from ..domain.ids import uuid7
from ..domain.retention import RETENTION_KEY, valid_months
from ..store.members import save_members
from ..store.store import Store
from ..store.sync_state import CLOCK_AHEAD, OutboxBatch
from .audit_upload import entries_for_upload
from .client import ServerClient, encode_push
from .errors import ResyncRequired, SyncError
from .gcpause import paused_gc
from .protocol import DEFAULT_PULL_LIMIT, ChangeResult, PushRequest

log = logging.getLogger(__name__)

PUSH_BATCH = 1000
AUDIT_BATCH = 500
MAX_ROUNDS = 10_000  # a safety stop, far beyond any real outbox


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    purges: int = 0
    erasures_reported: int = 0
    not_stored: int = 0  # pulled entries left out, in whole or in part (kept for review)
    resynced: bool = False
    count_mismatch: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    repaired: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        text = (f"pushed {self.pushed} change(s) ({self.conflicts} conflict(s), "
                f"{self.rejected} refused), pulled {self.pulled}")
        if self.not_stored:
            text += f" ({self.not_stored} could not be stored here)"
        if self.purges:
            text += f", erased {self.purges} youngster(s) as the organisation asked"
        if self.resynced:
            text += "; did a full resync"
        if self.count_mismatch:
            text += "; counts differed from the server's" + (
                " and were repaired" if self.repaired else " (not repaired)")
        return text


def laptop_clock_error(ahead_ms: int) -> SyncError:
    """This laptop's clock is off from the server's by ``ahead_ms`` (< 0: behind), in
    words that say whose clock it is and what to do. ``code``: clock_ahead/clock_behind."""
    minutes = max(1, round(abs(ahead_ms) / 60_000))
    if ahead_ms > 0:
        return SyncError("clock", f"This laptop's clock is about {minutes} minutes ahead of the "
                                  "organisation server's clock. Set this laptop's date and time "
                                  "correctly, then sync again.", code=CLOCK_AHEAD)
    return SyncError("clock", f"This laptop's clock is about {minutes} minutes behind the "
                              "organisation server's clock. Set this laptop's date and time "
                              "correctly, then sync again.", code="clock_behind")


def apply_organisation_settings(store: Store, settings: dict) -> str:
    """Keep the retention period, and wrap the vault to the organisation's key.

    The wrap lets the organisation restore access (offline, with its private key)
    when a worker loses both passphrase and recovery key; see org_recovery. Only a
    key the laptop pinned, or one reached from it by signed rotations, is used
    (org_key_pin): the server alone cannot redirect the wrap. Returns the outcome.
    """
    from ..store.org_key_pin import apply_server_key

    months = settings.get(RETENTION_KEY)
    if valid_months(months):
        store.set_meta(RETENTION_KEY, str(months))
    return apply_server_key(store, settings.get("organisation_public_key"),
                            settings.get("organisation_key_rotations"))


def enroll(store: Store, server_url: str, code: str, *, device_name: str | None = None) -> dict:
    """Trade a one-time code for a device token, kept only inside the vault."""
    with ServerClient(server_url) as client:
        answer = client.enroll(code.strip(), device_name or socket.gethostname()[:100])
    teams = answer.get("teams") or []
    local_teams = [t["id"] for t in store.teams.list()]
    store.sync.set(server_url=server_url, server_device_id=answer["device_id"],
                   token=answer["token"], user_id=answer["user"]["id"],
                   user_name=answer["user"].get("name"), cursor=0, epoch=answer.get("epoch"),
                   teams=",".join(t["id"] for t in teams), last_error=None)
    server_team_ids = {t["id"] for t in teams}
    # Work recorded before enrolment sits in a local team the server does not know.
    strays = [t for t in local_teams if t not in server_team_ids]
    if len(strays) == 1 and len(teams) == 1:
        store.sync.rehome_local_team(strays[0], teams[0]["id"])
    if teams:
        store.set_meta("current_team", teams[0]["id"])
    from ..store.org_key_pin import pin_at_enrolment

    pin_at_enrolment(store, answer.get("organisation_public_key"))  # trust on first use
    apply_organisation_settings(store, answer)
    return answer


def _count_mismatch(server: dict[str, dict[str, int]], local: dict[str, dict[str, int]]
                    ) -> dict[str, dict[str, tuple[int, int]]]:
    """team → entity → (ours, the server's) where they differ; conflicts are the
    server's own records and are not compared."""
    mismatch: dict[str, dict[str, tuple[int, int]]] = {}
    for team, counts in server.items():
        for entity_name, n in counts.items():
            mine = local.get(team, {}).get(entity_name, 0)
            if mine != n and entity_name != "conflict":
                mismatch.setdefault(team, {})[entity_name] = (mine, n)
    return mismatch


_ahead: ThreadPoolExecutor | None = None


def _worker_ahead() -> ThreadPoolExecutor:
    """Two long-lived threads that work a step ahead of the sync: one sends a push batch
    while the other reads the next outbox window, and the next pull page is fetched
    while the current one is applied, so the laptop's and the server's work overlap.

    Long-lived on purpose: the store keeps one read connection per thread, so a
    new thread per sync run would open (and keep) a new connection each time.
    """
    global _ahead
    if _ahead is None:
        _ahead = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sync-ahead")
    return _ahead


class SyncEngine:
    def __init__(self, store: Store, *, server_url: str | None = None,
                 push_batch: int = PUSH_BATCH, pull_limit: int = DEFAULT_PULL_LIMIT) -> None:
        self.store = store
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        token = store.sync.get("token")
        url = server_url or store.sync.get("server_url")
        if not token or not url:
            raise SyncError("not_enrolled", "This laptop is not connected to an organisation "
                                            "server yet (joinus-desktop enroll).")
        self.client = ServerClient(url, token)
        self._server_counts: dict[str, dict[str, int]] | None = None  # from the last page

    def close(self) -> None:
        self.client.close()

    def run(self) -> SyncReport:
        started = time.monotonic()
        report = SyncReport()
        try:
            server_ms = self._check_clock()
            if server_ms is not None:
                self._unstick_clock(server_ms)
            try:
                self._push(report)
                # Erasures before the pull, so nothing of an erased youngster comes back in.
                self._report_erasures(report)
                self._pull(report)
            except ResyncRequired:
                # The server lost what it had (restored from a backup) or can no longer
                # serve our cursor: never a silent gap, always a full round.
                self._resync(report)
            self._compare_counts(report)
            self._push_audit()
            self._apply_settings(self.client.settings())
            self._note_members()
        except SyncError as exc:
            self.store.sync.set(last_error=exc.message)
            raise
        except ClockError as exc:
            # Pulled stamps are judged by the server's clock (see SyncState.apply_page),
            # so this is no verdict on this laptop's clock.
            message = f"A time stamp could not be used ({exc})."
            self.store.sync.set(last_error=message)
            raise SyncError("clock", message) from None
        report.seconds = time.monotonic() - started
        self.store.sync.set(last_success=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                            last_error=None)
        log.info("sync done: %s", report.summary())
        return report

    def _report_erasures(self, report: SyncReport) -> None:
        """Erasures made on this laptop reach the server, which purges every device."""
        for row in self.store.erasure.unreported():
            self.client.erase(row["youngster_id"], row["team_id"])
            self.store.erasure.mark_reported(row["youngster_id"])
            report.erasures_reported += 1

    def _push_audit(self) -> None:
        """The device's audit log (ids and actions, never content) goes to the server."""
        device_id = self.store.sync.get("server_device_id") or ""
        while True:
            entries = self.store.audit.since(int(self.store.sync.get("audit_seq") or 0),
                                             limit=AUDIT_BATCH)
            if not entries:
                return
            self.client.push_audit(device_id, entries_for_upload(entries, wall_clock_ms()))
            self.store.sync.set(audit_seq=entries[-1]["seq"])

    def _apply_settings(self, settings: dict) -> None:
        apply_organisation_settings(self.store, settings)

    def _note_members(self) -> None:
        """Colleagues' names, so a conflict says who wrote it (see store.members)."""
        try:
            answer = self.client.members()
        except SyncError as exc:
            # A server from before /members (404), or a hiccup after the records synced:
            # names are a courtesy, the kept ones stay, and the sync itself succeeded.
            log.warning("colleagues' names not refreshed: %s", exc.message)
            return
        save_members(self.store, answer)

    def _check_clock(self, server_ms: int | None = None) -> int | None:
        """Refuse to sync with this laptop's clock far off the server's (our stamps would
        win or lose unfairly, and the server refuses stamps from the future), and say
        so: it is this laptop's clock, and it is ahead or behind. Returns the server's
        time, when it told it."""
        if server_ms is None:
            server_ms = self.client.health().get("server_time_ms")
        if not isinstance(server_ms, int) or isinstance(server_ms, bool):
            return None
        local = wall_clock_ms() - int((self.client.last_round_trip_ms or 0) / 2)
        if abs(local - server_ms) > MAX_DRIFT_MS:
            raise laptop_clock_error(local - server_ms)
        return server_ms

    def _unstick_clock(self, server_ms: int) -> None:
        """After this laptop's clock was ahead (it is right again: see _check_clock), its
        hybrid clock still stands where the wall clock was, and every edit would carry
        a stamp from the future, which the server refuses (``clock_ahead``). Step back
        to the server's time, staying past every stamp held here that is not from the
        future (see HybridClock.rewind)."""
        clock, limit = self.store.clock, server_ms + MAX_DRIFT_MS
        if Stamp.parse(clock.last).physical_ms <= limit:
            return
        newest = self.store.sync.newest_stamp_up_to(limit)
        clock.rewind(max(server_ms, Stamp.parse(newest).physical_ms + 1 if newest else 0))
        self.store.set_meta("hlc", clock.last)
        log.warning("this laptop's clock had been ahead; its stamps step back to server time")

    def _push(self, report: SyncReport) -> None:
        """Push the outbox window by window, keeping the laptop busy while the server works.

        While one batch is on the wire, the next window is read from the vault and the
        answer to the previous batch is recorded (its changes leave the outbox). A
        batch's answer is always recorded, even when a later batch fails.
        """
        device_id = self.store.sync.get("server_device_id") or ""
        ahead = _worker_ahead()
        upcoming = ahead.submit(self._window, device_id, 0)
        answered: tuple[OutboxBatch, list[ChangeResult]] | None = None
        try:
            for _ in range(MAX_ROUNDS):
                batch, request, body = upcoming.result()
                if not batch:
                    return
                upcoming = ahead.submit(self._window, device_id, max(batch.seqs))
                sending = ahead.submit(self.client.push, request, body) if request else None
                if answered is not None:
                    previous, answered = answered, None  # recorded once, even if it fails
                    self._acknowledge(report, *previous)
                if sending is None:
                    answered = (batch, [])
                    continue
                response = sending.result()
                self._check_clock(self.client.last_server_time_ms)
                self._note_epoch(response.epoch)
                answered = (batch, response.results)
            raise SyncError("protocol", "The outbox does not empty; stopping.")
        finally:
            if answered is not None:
                self._acknowledge(report, *answered)

    def _window(self, device_id: str, after_seq: int
                ) -> tuple[OutboxBatch, PushRequest | None, bytes | None]:
        """The next outbox window as a push, encoded here while the previous one is out:
        between two batches the server then waits only for the bytes to arrive."""
        batch = self.store.sync.outbox_batch(self.push_batch, after_seq=after_seq)
        if not batch.changes:
            return batch, None, None
        # A new id per attempt is fine: a batch answered is removed from the outbox
        # right after its answer, and one applied but whose answer got lost is re-sent
        # as a no-op (the server already holds those stamps).
        request = PushRequest(device_id, uuid7(), batch.changes)
        return batch, request, encode_push(request)

    def _acknowledge(self, report: SyncReport, batch: OutboxBatch,
                     results: list[ChangeResult]) -> None:
        report.rejected += self.store.sync.acknowledge(batch, results)
        report.pushed += len(batch.changes)
        report.applied += sum(r.outcome == "applied" for r in results)
        report.conflicts += sum(r.outcome == "conflict" for r in results)

    def _note_epoch(self, epoch: str) -> None:
        known = self.store.sync.get("epoch")
        if known and known != epoch:
            raise ResyncRequired("The organisation server was restored from a backup.")

    def _pull(self, report: SyncReport) -> None:
        """Pull page by page; the next page is fetched while this one is applied.

        Fetching ahead commits nothing here: the cursor moves only with an applied
        page, in its transaction, so a page fetched but never applied is simply
        fetched again by the next run. (On the server, asking past a purge confirms
        it: see below.)
        """
        fetcher = _worker_ahead()
        cursor = self.store.sync.cursor
        # Only the waiting happens ahead; parsing is CPU work and stays on this thread,
        # where it does not contend with the page being applied.
        upcoming: Future[httpx.Response] = fetcher.submit(
            self.client.fetch_pull, cursor, self.pull_limit, self.store.sync.get("epoch"))
        for _ in range(MAX_ROUNDS):
            raw = upcoming.result()
            with paused_gc():  # a page is thousands of acyclic objects: see gcpause.py
                page = self.client.read_pull(raw, cursor)
            self._check_clock(self.client.last_server_time_ms)
            # Asking for what follows a purge tells the server the purge was applied (it
            # records the erasure as done on this laptop), so a page holding one is
            # applied before the next is asked for.
            ahead = page.has_more and not any(c.kind == "purge" for c in page.changes)
            if ahead:
                upcoming = fetcher.submit(self.client.fetch_pull, page.cursor,
                                          self.pull_limit, page.epoch)
            with paused_gc():
                applied = self.store.sync.apply_page(page.changes, cursor=page.cursor,
                                                     epoch=page.epoch,
                                                     server_time_ms=page.server_time_ms)
            cursor = page.cursor
            if page.has_more and not ahead:
                upcoming = fetcher.submit(self.client.fetch_pull, cursor, self.pull_limit,
                                          page.epoch)
            report.pulled += applied.changes
            report.purges += applied.purges
            report.not_stored += applied.not_stored
            if page.counts is not None:
                self._server_counts = page.counts
            if not page.has_more:
                return
        raise SyncError("protocol", "The server keeps sending pages; stopping.")

    def _resync(self, report: SyncReport) -> None:
        """After a restore: re-send everything the server may have lost, then re-pull."""
        report.resynced = True
        self.store.sync.requeue_everything()
        self.store.sync.set(cursor=0, epoch=None)
        self._push(report)
        self._pull(report)

    def _compare_counts(self, report: SyncReport) -> None:
        server = self._server_counts
        if (server is None or self.store.pending_changes() or self.store.sync.quarantined()
                or self.store.sync.not_stored(include_dismissed=True)):
            return  # unpushed, refused or unstorable work makes counts differ legitimately
        mismatch = _count_mismatch(server, self.store.sync.local_counts())
        report.count_mismatch = mismatch
        if mismatch and not report.resynced:
            log.warning("record counts differ from the server's; repairing by a full resync")
            self._resync(report)
            # Repaired only if the counts now agree; otherwise say so (no resync loop).
            report.repaired = not _count_mismatch(self._server_counts or {},
                                                  self.store.sync.local_counts())
