"""Store benchmarks: the cost of validation, outbox, clock and encryption.

Every figure is a ratio against a baseline measured in the same run on the same
machine, so a busy, shared machine moves both sides alike.

    python -m benchmarks.bench_store [--quick]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from joinus_desktop.domain.ids import uuid7
from joinus_desktop.store.keyfile import Argon2Params
from joinus_desktop.store.store import Store

from .results import record

PASSPHRASE = "benchmark passphrase"
# The floor cost: key derivation is measured separately, not in every figure here.
ARGON2 = Argon2Params(64 * 1024, 1, 1)
COLUMNS = ("id", "team_id", "youngster_id", "meeting_id", "date", "behaviour", "context",
           "suspected_cause", "cause_detail", "tags", "deleted", "created_at", "updated_at",
           "updated_by", "versions")


def observation_rows(n: int, youngster_id: str, meeting_id: str) -> list[dict]:
    causes = ("missing_skill", "negative_belief", "unknown")
    return [{
        "youngster_id": youngster_id, "meeting_id": meeting_id, "date": "2026-03-05",
        "behaviour": f"Zat tijdens het spel {i} in de hoek op zijn telefoon en keek weg",
        "context": "Groepsspel na het eten; de groep was druk",
        "suspected_cause": causes[i % 3],
        "cause_detail": "Bang om uitgelachen te worden" if i % 3 != 2 else None,
        "tags": ["peer_contact", "social_skills"],
    } for i in range(n)]


def best_of(repeats: int, func) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_plain_insert(path: Path, rows: list[dict], team_id: str) -> float:
    """The baseline: one executemany of the same rows into plain SQLite, one transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    # The same table and indexes the vault has, so the ratio is what the store adds.
    conn.execute(f"CREATE TABLE observation ({', '.join(COLUMNS)}, PRIMARY KEY (id))")
    for column in ("team_id", "youngster_id", "meeting_id"):
        conn.execute(f"CREATE INDEX observation_{column} ON observation ({column})")
    params = [(uuid7(), team_id, r["youngster_id"], r["meeting_id"], r["date"], r["behaviour"],
               r["context"], r["suspected_cause"], r["cause_detail"], json.dumps(r["tags"]), 0,
               "t", "t", "me", "{}") for r in rows]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO observation VALUES ({', '.join('?' * len(COLUMNS))})", params)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def bench_bulk_write(workdir: Path, n: int, repeats: int) -> None:
    raw_times, store_times, single_times = [], [], []
    for attempt in range(repeats):
        root = workdir / f"bulk{attempt}"
        store, _ = Store.create(root, PASSPHRASE, argon2=ARGON2)
        with store:
            team = store.teams.create(name="Bench", municipality="Utrecht").id
            y = store.youngsters.add(team_id=team, alias="Sam", intake_date="2026-01-01").id
            m = store.meetings.add(team_id=team, date="2026-03-05").id
            rows = observation_rows(n, y, m)
            raw_times.append(raw_plain_insert(workdir / f"plain{attempt}.db", rows, team))
            start = time.perf_counter()
            store.observations.add_many(team_id=team, observations=rows)
            store_times.append(time.perf_counter() - start)
            assert store.pending_changes() >= n
            # The same rows one call at a time (still one transaction): the per-call path.
            start = time.perf_counter()
            with store.db.write():
                for row in rows[: n // 10]:
                    store.observations.add(team_id=team, **row)
            single_times.append((time.perf_counter() - start) * 10)
    raw, through_store, one_by_one = min(raw_times), min(store_times), min(single_times)
    # Where the time goes: the domain validation alone, on the same rows.
    from joinus_desktop.domain import entities

    checked = [{**entities.with_defaults("observation", row), "team_id": team} for row in rows]
    start = time.perf_counter()
    entities.validate_many("observation", checked)
    validation = time.perf_counter() - start
    record("store_bulk_validation_share", validation / through_store, unit="fraction",
           note="share of the bulk write spent in domain validation alone")
    record("store_bulk_observations_per_s", n / through_store, unit="records/s",
           note=f"{n} observations via Observations.add_many into the encrypted vault "
                "(validation, HLC, outbox, SQLCipher), one transaction")
    record("store_bulk_baseline_plain_executemany_per_s", n / raw, unit="records/s",
           note="the same rows, raw executemany into plain SQLite (WAL), one transaction")
    record("store_bulk_vs_plain_ratio", through_store / raw, unit="x slower",
           note="target <= 2.5")
    record("store_one_call_per_record_vs_plain_ratio", one_by_one / raw, unit="x slower",
           note="Observations.add per record inside one transaction, extrapolated from n/10")


def bench_single_edit(workdir: Path, edits: int) -> None:
    store, _ = Store.create(workdir / "edit", PASSPHRASE, argon2=ARGON2)
    with store:
        team = store.teams.create(name="Bench", municipality="Utrecht").id
        y = store.youngsters.add(team_id=team, alias="Sam", intake_date="2026-01-01").id
        obs = store.observations.add(team_id=team, youngster_id=y, date="2026-03-05",
                                     behaviour="start").id
        latencies = []
        for i in range(edits):
            start = time.perf_counter()
            store.observations.update(obs, behaviour=f"Zat in de hoek, versie {i}")
            latencies.append(time.perf_counter() - start)
    conn = sqlite3.connect(workdir / "edit-plain.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE observation (id PRIMARY KEY, behaviour)")
    conn.execute("INSERT INTO observation VALUES ('x', 'start')")
    plain = []
    for i in range(edits):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("UPDATE observation SET behaviour = ? WHERE id = 'x'", (f"v{i}",))
        conn.execute("COMMIT")
        plain.append(time.perf_counter() - start)
    conn.close()
    p50 = statistics.median(latencies)
    record("store_single_edit_p50_ms", p50 * 1000, unit="ms",
           note=f"one observation edit saved (own transaction), median of {edits}")
    record("store_single_edit_p99_ms", sorted(latencies)[int(edits * 0.99) - 1] * 1000,
           unit="ms")
    record("store_single_edit_vs_plain_update_ratio", p50 / statistics.median(plain),
           unit="x slower", note="vs one UPDATE + COMMIT on plain SQLite")


def bench_team_means(workdir: Path, size: str, repeats: int) -> None:
    from joinus_desktop.demo import fill_demo

    root = workdir / "large"
    store, _ = Store.create(root, PASSPHRASE, argon2=ARGON2)
    with store:
        start = time.perf_counter()
        summary = fill_demo(store, seed=7, size=size)  # type: ignore[arg-type]
        record(f"store_demo_{size}_fill_s", time.perf_counter() - start, unit="s",
               note=f"{summary.youngsters} youngsters, {summary.observations} observations")
        team = store.teams.current()["id"]
        encrypted = best_of(repeats, lambda: store.questionnaires.team_means(team))
        statuses = best_of(repeats, lambda: store.questionnaires.statuses(team))
        # Baseline: the same query on a plain copy of the same database.
        plain_path = workdir / "large-plain.db"
        store.db.writer.execute(f"ATTACH DATABASE '{plain_path}' AS plain KEY ''")
        store.db.writer.execute("SELECT sqlcipher_export('plain')")
        store.db.writer.execute("DETACH DATABASE plain")
        sql_means = _team_means_sql(store)
    conn = sqlite3.connect(plain_path)
    plain = best_of(repeats, lambda: conn.execute(sql_means, (team, "joinus-monitor")).fetchall())
    conn.close()
    plain_path.unlink()
    record(f"store_team_means_{size}_ms", encrypted * 1000, unit="ms",
           note="team mean per moment and scale (Questionnaires.team_means), best of "
                f"{repeats}")
    record(f"store_team_means_{size}_vs_plain_sql_ratio", encrypted / plain, unit="x",
           note="vs the same SQL on a plain SQLite copy of the same data")
    record(f"store_schedule_statuses_{size}_ms", statuses * 1000, unit="ms",
           note="every youngster's measurement status for the team")


def _team_means_sql(store: Store) -> str:
    """The SQL team_means runs, captured so the plain baseline runs the very same."""
    captured: list[str] = []
    original = store.db.query

    def spy(sql: str, params=()):  # noqa: ANN001, ANN202
        captured.append(sql)
        return original(sql, params)

    store.db.query = spy  # type: ignore[method-assign]
    try:
        store.questionnaires.team_means(store.teams.current()["id"])
    finally:
        store.db.query = original  # type: ignore[method-assign]
    return [sql for sql in captured if "avg(" in sql][0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="joinus-bench-") as tmp:
        workdir = Path(tmp)
        bench_bulk_write(workdir, 2_000 if args.quick else 10_000, 1 if args.quick else 5)
        bench_single_edit(workdir, 50 if args.quick else 300)
        bench_team_means(workdir, "small" if args.quick else "large", 3 if args.quick else 5)


if __name__ == "__main__":
    main()
