"""Sync throughput: laptop A → server → laptop B over loopback HTTP, real processes.

    python -m benchmarks.bench_sync [--quick]

Reference (issue 4): PouchDB replication through a CouchDB-protocol server on this
machine measured about 8,500 documents/s push and 13,000/s pull for 20,000 small
documents; the target is at least twice that.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from joinus_desktop.store.keyfile import Argon2Params
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import PUSH_BATCH, SyncEngine, enroll
from joinus_desktop.sync.protocol import DEFAULT_PULL_LIMIT

from .results import record
from .server_launch import BenchServer

PASSPHRASE = "benchmark passphrase"
ARGON2 = Argon2Params(64 * 1024, 1, 1)
POUCHDB_PUSH_PER_S = 8_500
POUCHDB_PULL_PER_S = 13_000


def laptop(server: BenchServer, root: Path, team: str = "Bench team") -> Store:
    store, _ = Store.create(root, PASSPHRASE, argon2=ARGON2)
    enroll(store, server.url, server.invite_code(team))
    run(store)
    return store


def run(store: Store):  # noqa: ANN201
    engine = SyncEngine(store)
    try:
        return engine.run()
    finally:
        engine.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    n = 5_000 if args.quick else 50_000
    rounds = 1 if args.quick else 5
    with tempfile.TemporaryDirectory(prefix="joinus-bench-sync-") as tmp:
        work = Path(tmp)
        server = BenchServer(f"sqlite:///{work / 'server.db'}", work / "server.log")
        try:
            # Each round a team of its own with two fresh laptops: the machine is shared
            # and noisy, so the median of the rounds is recorded, with the range.
            push_rates, pull_rates = [], []
            for round_no in range(rounds):
                a, b = (laptop(server, work / f"{name}{round_no}", f"Bench team {round_no}")
                        for name in "ab")
                push_rate, pull_rate = bulk_round(a, b, n)
                push_rates.append(push_rate)
                pull_rates.append(pull_rate)
                if round_no < rounds - 1:
                    a.lock()
                    b.lock()
            push = statistics.median(push_rates)
            pull = statistics.median(pull_rates)
            spread = (f"median of {rounds}: push {min(push_rates):,.0f}-{max(push_rates):,.0f},"
                      f" pull {min(pull_rates):,.0f}-{max(pull_rates):,.0f}")
            record("sync_push_changes_per_s", push, unit="changes/s",
                   note=f"{n} new records from laptop A to the server (SQLite), batches of "
                        f"{PUSH_BATCH}, loopback HTTP, real server process; {spread}")
            record("sync_pull_changes_per_s", pull, unit="changes/s",
                   note=f"{n} changes from the server into laptop B, pages of "
                        f"{DEFAULT_PULL_LIMIT}; {spread}")
            record("sync_push_vs_pouchdb_reference", push / POUCHDB_PUSH_PER_S,
                   unit="x", note="target >= 2 (PouchDB reference: 8,500 docs/s push)")
            record("sync_pull_vs_pouchdb_reference", pull / POUCHDB_PULL_PER_S,
                   unit="x", note="target >= 2 (PouchDB reference: 13,000 docs/s pull)")

            # One small edit's round trip: A edits, A syncs, B syncs, B sees it.
            youngster = a.youngsters.list(a.teams.current()["id"])[0]["id"]
            trips = []
            for i in range(5 if args.quick else 20):
                start = time.perf_counter()
                a.youngsters.update(youngster, alias=f"Rondje {i}")
                run(a)
                run(b)
                trips.append(time.perf_counter() - start)
                assert b.youngsters.get(youngster)["alias"] == f"Rondje {i}"
            record("sync_small_edit_round_trip_ms", statistics.median(trips) * 1000, unit="ms",
                   note="one field edited on A until visible on B (A sync + B sync), median")
            a.lock()
            b.lock()
        finally:
            server.stop()


def bulk_round(a: Store, b: Store, n: int) -> tuple[float, float]:
    """``n`` new records made on A, pushed, then pulled by B: (push/s, pull/s)."""
    team = a.teams.current()["id"]
    youngsters = [s.id for s in a.records.insert_many("youngster", [
        {"alias": f"Jongere {i}", "intake_date": "2026-01-10"}
        for i in range(n // 10)], team_id=team)]
    a.records.insert_many("observation", [
        {"youngster_id": youngsters[i % len(youngsters)], "date": "2026-03-05",
         "behaviour": f"Zat tijdens het spel in de hoek ({i})", "tags": ["peer_contact"]}
        for i in range(n - len(youngsters))], team_id=team)
    changes = a.pending_changes()
    start = time.perf_counter()
    pushed = run(a)
    push_s = time.perf_counter() - start
    start = time.perf_counter()
    pulled = run(b)
    pull_s = time.perf_counter() - start
    assert pushed.pushed == changes and pulled.pulled >= changes
    assert len(b.youngsters.list(team)) == len(youngsters)
    return pushed.pushed / push_s, pulled.pulled / pull_s


if __name__ == "__main__":
    main()
