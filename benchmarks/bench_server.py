"""Server throughput and latency, on SQLite and on PostgreSQL, against a real server process.

    python benchmarks/bench_server.py [--quick] [--backend sqlite|postgres]

For each backend, in one run on one database:

* push throughput: one device pushes batches of 250 new records over HTTP;
* the baseline: the same number of rows (records + log entries, batches of 250)
  inserted straight into the same database through the server's own SQL, with
  no HTTP, JSON or merge; the ratio push/raw says what the server costs;
* pull throughput: another device pulls everything back (pages of 2000), against
  reading the same rows straight from the database;
* 100 simulated devices (two per team, 50 teams) syncing at once (asyncio +
  httpx): each pushes a batch of 20 changes then pulls; p50/p99 latency of a
  whole sync (push + pull) and of each request, and the number of errors.

PostgreSQL: set JOINUS_BENCH_POSTGRES_URL to use a running server (the database
is used as is, so give it an empty one), else a throw-away server is started
like the test suite does (initdb/pg_ctl, fsync off: the figures are best cases
for the database and the ratios are what to compare).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "src"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import httpx  # noqa: E402

from benchmarks.results import record  # noqa: E402
from joinus_desktop.domain.hlc import HybridClock  # noqa: E402
from joinus_desktop.domain.ids import uuid7  # noqa: E402
from joinus_server import admin  # noqa: E402
from joinus_server.config import sqlite_url  # noqa: E402
from joinus_server.records import FieldVersion, LogEntry, StoredRecord, encode_log_fields  # noqa: E402
from joinus_server.storage import Storage, open_storage  # noqa: E402

BATCH = 250
ACTOR = "admin:bench"
NOTES = ("Iedereen was er op tijd. Sam deed mee met het spel en lachte toen hij een fout "
         "maakte; Noor zat eerst in de hoek maar kwam bij de tweede ronde aan tafel. ") * 2


def meeting_fields(n: int) -> dict[str, Any]:
    return {"date": "2026-02-03", "place": "Buurthuis De Pijp", "activities": f"Round {n}",
            "notes": NOTES}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


class Bench:
    def __init__(self, backend: str, url: str, server_url: str, storage: Storage,
                 quick: bool) -> None:
        self.backend, self.url, self.server_url, self.storage = backend, url, server_url, storage
        self.quick = quick
        self.clock = HybridClock("bench")

    def key(self, name: str) -> str:
        return f"server_{self.backend}_{name}"

    def enrol(self, client: httpx.Client, email: str) -> dict[str, Any]:
        code = admin.invite(self.storage, email, actor=ACTOR)["code"]
        answer = client.post("/api/v1/enroll", json={"code": code, "device_name": "bench"})
        answer.raise_for_status()
        data = answer.json()
        return {"id": data["device_id"], "headers": {"Authorization": f"Bearer {data['token']}"},
                "team": data["teams"][0]["id"] if data["teams"] else None}

    # -- throughput ------------------------------------------------------------------
    def throughput(self) -> None:
        batches = 8 if self.quick else 40
        team = admin.create_team(self.storage, "Throughput", "Utrecht", actor=ACTOR)["id"]
        admin.create_user(self.storage, "pusher@example.org", "Pusher", [team], "social_worker",
                          actor=ACTOR)
        with httpx.Client(base_url=self.server_url, timeout=120) as client:
            pusher = self.enrol(client, "pusher@example.org")
            puller = self.enrol(client, "pusher@example.org")
            bodies = [{"device_id": pusher["id"], "batch_id": uuid.uuid4().hex, "changes": [
                {"entity": "meeting", "id": uuid7(), "team_id": team, "stamp": self.clock.now(),
                 "fields": meeting_fields(n), "base": {}} for n in range(BATCH)]}
                for _ in range(batches)]
            started = time.perf_counter()
            for body in bodies:
                answer = client.post("/api/v1/sync/push", json=body, headers=pusher["headers"])
                answer.raise_for_status()
            push_s = time.perf_counter() - started
            changes = batches * BATCH
            started = time.perf_counter()
            cursor, pulled = 0, 0
            while True:
                page = client.get("/api/v1/sync/pull", params={"cursor": cursor, "limit": 2000},
                                  headers=puller["headers"]).json()
                pulled += len(page["changes"])
                cursor = page["cursor"]
                if not page["has_more"]:
                    break
            pull_s = time.perf_counter() - started
        raw_insert_s, raw_select_s = self.raw_baseline(changes)
        push_rate, pull_rate = changes / push_s, pulled / pull_s
        insert_rate, select_rate = changes / raw_insert_s, changes / raw_select_s
        note = f"{changes} meetings in batches of {BATCH}, real server on loopback"
        record(self.key("push_changes_per_s"), push_rate, unit="changes/s", note=note)
        record(self.key("raw_insert_rows_per_s"), insert_rate, unit="rows/s",
               note="same rows (record + log entry) via the server's SQL, no HTTP/merge")
        record(self.key("push_vs_raw_insert_ratio"), push_rate / insert_rate, unit="ratio",
               note="push throughput / raw insert throughput")
        record(self.key("pull_changes_per_s"), pull_rate, unit="changes/s",
               note=f"{pulled} log entries in pages of 2000")
        record(self.key("raw_select_rows_per_s"), select_rate, unit="rows/s",
               note="the same log rows read straight from the database")
        record(self.key("pull_vs_raw_select_ratio"), pull_rate / select_rate, unit="ratio",
               note="pull throughput / raw read throughput")

    def raw_baseline(self, changes: int) -> tuple[float, float]:
        team = str(uuid.uuid4())
        with self.storage.read() as tx:
            head = tx.head()
        cursor = head + 10_000_000  # far past the server's log: no clash with real cursors
        started = time.perf_counter()
        for start in range(0, changes, BATCH):
            now = int(time.time() * 1000)
            records, entries = [], []
            for n in range(start, min(changes, start + BATCH)):
                stamp = self.clock.now()
                fields = {k: FieldVersion(v, stamp, "u") for k, v in meeting_fields(n).items()}
                records.append(StoredRecord(uuid7(), "meeting", team, None, fields, now, now,
                                            "u"))
                cursor += 1
                fields_json, shared = encode_log_fields(fields)
                entries.append(LogEntry(cursor, team, "change", "meeting", records[-1].id,
                                        None, "u", fields_json, stamp=shared))
            with self.storage.write() as tx:
                tx.put_records(records)
                tx.append_log(entries, now)
        insert_s = time.perf_counter() - started
        started = time.perf_counter()
        with self.storage.read() as tx:
            after = head + 10_000_000
            while True:
                rows = tx.log_after(after, [team], 2000)
                if not rows:
                    break
                after = rows[-1].cursor
        select_s = time.perf_counter() - started
        with self.storage.write() as tx:  # leave no trace in the log the server serves
            tx.execute("DELETE FROM log WHERE team_id = ?", (team,))
            tx.execute("DELETE FROM records WHERE team_id = ?", (team,))
        return insert_s, select_s

    # -- 100 devices at once ------------------------------------------------------------------
    def many_devices(self, devices: int = 100) -> None:
        rounds = 1 if self.quick else 3
        enrolled = []
        with httpx.Client(base_url=self.server_url, timeout=120) as client:
            for t in range(devices // 2):
                team = admin.create_team(self.storage, f"Load {t}", "Utrecht", actor=ACTOR)["id"]
                for w in range(2):
                    email = f"load-{t}-{w}@example.org"
                    admin.create_user(self.storage, email, "Load", [team], "social_worker",
                                      actor=ACTOR)
                    enrolled.append(self.enrol(client, email))
        syncs, pushes, pulls = asyncio.run(self._swarm(enrolled, rounds))
        note = f"{devices} devices, {rounds} sync(s) each (push 20 changes, then pull)"
        record(self.key("100dev_sync_p50_ms"), percentile(syncs.latencies, 50), unit="ms",
               note=note)
        record(self.key("100dev_sync_p99_ms"), percentile(syncs.latencies, 99), unit="ms",
               note=note)
        record(self.key("100dev_push_p50_ms"), percentile(pushes.latencies, 50), unit="ms")
        record(self.key("100dev_push_p99_ms"), percentile(pushes.latencies, 99), unit="ms")
        record(self.key("100dev_pull_p50_ms"), percentile(pulls.latencies, 50), unit="ms")
        record(self.key("100dev_pull_p99_ms"), percentile(pulls.latencies, 99), unit="ms")
        kinds = pushes.kinds + pulls.kinds
        record(self.key("100dev_errors"), syncs.errors + pushes.errors + pulls.errors,
               unit="count", note="non-200 answers or transport errors"
               + (f": {dict(kinds)}" if kinds else ""))

    async def _swarm(self, devices: list[dict[str, Any]],
                     rounds: int) -> tuple[_Latencies, _Latencies, _Latencies]:
        syncs, pushes, pulls = _Latencies(), _Latencies(), _Latencies()
        limits = httpx.Limits(max_connections=len(devices) + 10)
        async with httpx.AsyncClient(base_url=self.server_url, timeout=120,
                                     limits=limits) as client:
            async def device_sync(device: dict[str, Any], cursor: int) -> int:
                body = {"device_id": device["id"], "batch_id": uuid.uuid4().hex, "changes": [
                    {"entity": "meeting", "id": uuid7(), "team_id": device["team"],
                     "stamp": self.clock.now(), "fields": meeting_fields(n), "base": {}}
                    for n in range(20)]}
                began = time.perf_counter()
                ok = await pushes.time(client.post("/api/v1/sync/push", json=body,
                                                   headers=device["headers"]))
                while ok:
                    answer = await pulls.time(client.get(
                        "/api/v1/sync/pull", params={"cursor": cursor},
                        headers=device["headers"]))
                    if answer is None:
                        ok = False
                        break
                    page = answer.json()
                    cursor = page["cursor"]
                    if not page["has_more"]:
                        break
                if ok:
                    syncs.latencies.append((time.perf_counter() - began) * 1000)
                else:
                    syncs.errors += 1
                return cursor

            cursors = [0] * len(devices)
            for _ in range(rounds):
                cursors = list(await asyncio.gather(
                    *(device_sync(d, c) for d, c in zip(devices, cursors, strict=True))))
        return syncs, pushes, pulls


class _Latencies:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0
        self.kinds: Counter[str] = Counter()

    async def time(self, request: Any) -> Any:
        began = time.perf_counter()
        try:
            answer = await request
        except httpx.HTTPError as exc:
            self.errors += 1
            self.kinds[type(exc).__name__] += 1
            return None
        if answer.status_code != 200:
            self.errors += 1
            try:
                self.kinds[f"{answer.status_code} {answer.json()['error']['code']}"] += 1
            except (ValueError, KeyError, TypeError):
                self.kinds[str(answer.status_code)] += 1
            return None
        self.latencies.append((time.perf_counter() - began) * 1000)
        return answer


def run_backend(backend: str, url: str, quick: bool, workdir: Path) -> None:
    from tests.support.postgres import free_port
    from tests.support.server_process import ServerProcess

    storage = open_storage(url)
    server = ServerProcess(url, free_port(), workdir / f"server-{backend}.log",
                           ("--no-access-log", "--log-level", "warning"))
    server.start()
    try:
        bench = Bench(backend, url, server.url, storage, quick)
        bench.throughput()
        bench.many_devices()
    finally:
        server.stop()
        storage.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer batches and rounds")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], action="append",
                        help="only this backend (repeatable; default both)")
    args = parser.parse_args(argv)
    backends = args.backend or ["sqlite", "postgres"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="joinus-bench-") as tmp:
        workdir = Path(tmp)
        for backend in backends:
            if backend == "sqlite":
                run_backend("sqlite", sqlite_url(workdir / "bench.db"), args.quick, workdir)
                continue
            external = os.environ.get("JOINUS_BENCH_POSTGRES_URL")
            if external:
                run_backend("postgres", external, args.quick, workdir)
                continue
            from tests.support.postgres import start_postgres

            pg = start_postgres()
            try:
                run_backend("postgres", pg.create_database("joinus_bench"), args.quick, workdir)
            finally:
                pg.stop()
                if pg.base_dir is not None:
                    import shutil

                    shutil.rmtree(pg.base_dir, ignore_errors=True)
    print(f"bench_server: done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
