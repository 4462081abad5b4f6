"""Random edits on three laptops, synced in random orders: all end equal, nothing lost.

"Nothing lost" means: every value a person typed is the final value, or was
overwritten by someone who had it on screen, or is kept in a conflict record.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from joinus_desktop.store.errors import NotFound
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import enroll
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.server_process import ServerProcess, run_admin
from tests.support.syncing import sync

from .conftest import content

_run = itertools.count()

laptop = st.integers(0, 2)
record = st.integers(0, 5)
words = st.sampled_from(["rood", "groen", "blauw", "geel", "paars", "oranje", "wit"])
operation = st.one_of(
    st.tuples(st.just("add"), laptop, words),
    st.tuples(st.just("edit"), laptop, record, st.sampled_from(["alias", "exit_note"]), words),
    st.tuples(st.just("delete"), laptop, record),
    st.tuples(st.just("sync"), laptop),
)


def three_laptops(server: ServerProcess, tmp: Path) -> tuple[list[Store], str]:
    run = next(_run)
    db = server.database_url
    team = run_admin(db, "create-team", f"Team {run}", "--municipality", "Utrecht",
                     in_process=True)["id"]
    stores = []
    for i in range(3):
        email = f"w{run}-{i}@example.org"
        run_admin(db, "create-user", email, "--name", f"W{i}", "--team", team, in_process=True)
        code = run_admin(db, "invite", email, in_process=True)["code"]
        store, _ = Store.create(tmp / f"run{run}-{i}", PASSPHRASE, argon2=FAST_ARGON2)
        enroll(store, server.url, code)
        sync(store)
        stores.append(store)
    return stores, team


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(operation, min_size=4, max_size=25))
def test_three_laptops_converge_and_lose_nothing(server, tmp_path: Path, ops) -> None:  # noqa: ANN001
    stores, team = three_laptops(server, tmp_path)
    ids: list[str] = []
    written: dict[tuple[str, str], set] = {}
    seen_overwritten: dict[tuple[str, str], set] = {}
    try:
        for op in ops:
            kind, who = op[0], stores[op[1]]
            if kind == "add":
                saved = who.youngsters.add(team_id=team, alias=op[2], intake_date="2026-01-10")
                ids.append(saved.id)
                written.setdefault((saved.id, "alias"), set()).add(op[2])
            elif kind == "sync":
                sync(who)
            elif op[2] < len(ids):
                record_id = ids[op[2]]
                try:
                    current = who.youngsters.get(record_id)
                except NotFound:
                    continue  # this laptop has not seen it, or it was deleted here
                field, value = ("deleted", True) if kind == "delete" else (op[3], op[4])
                seen_overwritten.setdefault((record_id, field), set()).add(current[field])
                written.setdefault((record_id, field), set()).add(value)
                who.records.update("youngster", record_id, {field: value})
        for store in [*stores, *stores]:  # two full rounds spread everything everywhere
            sync(store)
        first = content(stores[0], team)
        for store in stores[1:]:
            assert content(store, team) == first
        conflicts: dict[tuple[str, str], set] = {}
        for c in stores[0].records.find("conflict", "team_id = ?", (team,)):
            conflicts.setdefault((c["record_id"], c["field"]), set()).update(
                {c["value"], c["winner_value"]})
        for (record_id, field), values in written.items():
            final = first["youngster"][record_id][field]
            lost = values - {final} - seen_overwritten.get((record_id, field), set()) \
                - conflicts.get((record_id, field), set())
            assert not lost, f"{field} values {lost} vanished without a conflict record"
    finally:
        for store in stores:
            store.lock()
