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
from joinus_desktop.sync.engine import SyncEngine, enroll

from .results import record
from .server_launch import BenchServer

PASSPHRASE = "benchmark passphrase"
ARGON2 = Argon2Params(64 * 1024, 1, 1)
POUCHDB_PUSH_PER_S = 8_500
POUCHDB_PULL_PER_S = 13_000


def laptop(server: BenchServer, root: Path) -> Store:
    store, _ = Store.create(root, PASSPHRASE, argon2=ARGON2)
    enroll(store, server.url, server.invite_code("Bench team"))
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
    with tempfile.TemporaryDirectory(prefix="joinus-bench-sync-") as tmp:
        work = Path(tmp)
        server = BenchServer(f"sqlite:///{work / 'server.db'}", work / "server.log")
        try:
            a, b = laptop(server, work / "a"), laptop(server, work / "b")
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
            assert pulled.pulled >= changes and len(b.youngsters.list(team)) == len(youngsters)

            record("sync_push_changes_per_s", pushed.pushed / push_s, unit="changes/s",
                   note=f"{pushed.pushed} new records from laptop A to the server (SQLite), "
                        "batches of 500, loopback HTTP, real server process")
            record("sync_pull_changes_per_s", pulled.pulled / pull_s, unit="changes/s",
                   note=f"{pulled.pulled} changes from the server into laptop B, pages of 500")
            record("sync_push_vs_pouchdb_reference", pushed.pushed / push_s / POUCHDB_PUSH_PER_S,
                   unit="x", note="target >= 2 (PouchDB reference: 8,500 docs/s push)")
            record("sync_pull_vs_pouchdb_reference", pulled.pulled / pull_s / POUCHDB_PULL_PER_S,
                   unit="x", note="target >= 2 (PouchDB reference: 13,000 docs/s pull)")

            # One small edit's round trip: A edits, A syncs, B syncs, B sees it.
            trips = []
            for i in range(5 if args.quick else 20):
                start = time.perf_counter()
                a.youngsters.update(youngsters[0], alias=f"Rondje {i}")
                run(a)
                run(b)
                trips.append(time.perf_counter() - start)
                assert b.youngsters.get(youngsters[0])["alias"] == f"Rondje {i}"
            record("sync_small_edit_round_trip_ms", statistics.median(trips) * 1000, unit="ms",
                   note="one field edited on A until visible on B (A sync + B sync), median")
            a.lock()
            b.lock()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
