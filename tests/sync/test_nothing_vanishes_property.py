"""Nothing typed vanishes without a trace (issue 12): random offline edits and deletes on
three laptops with skewed clocks, synced in random orders through a real server.

The invariant, after everyone has synced twice (quiet):

* **Convergence.** The three laptops hold identical records of the team (live records
  and tombstones with their hidden copies alike) and identical conflict records, so
  identical open conflicts.
* **No unseen edit is erased.** Every edit is a value typed into one field of one
  record on one laptop (values are unique, so a value names its edit). An edit is
  *superseded* when a laptop that had held it (the author, or one that pulled it)
  later wrote the same field of that record, or deleted the record. Every edit that is
  not superseded is, on every laptop, one of:

  - the field's value of the live record;
  - the losing value of an open conflict on that field of that record;
  - the field's value in the deleted record's hidden copy, with an open conflict on
    ``deleted`` for the write that set it (losing value ``false`` at that field's
    stamp), so that "keep the record" shows exactly that value.

Then every open conflict is resolved as the conflict view offers (the value kept
now, the other version, or for text both combined), each on a random laptop that
syncs before and after, in random order. After everyone syncs twice, no conflict
is open and every laptop holds exactly the chosen values.

Run time: each example makes three vaults and a few dozen syncs against one server
process, 4 to 7 s; ``MAX_EXAMPLES`` (15) keeps the test near 80 s on a busy two-core
machine. Set it higher locally to search longer.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import wall_clock_ms
from joinus_desktop.store.errors import NotFound
from joinus_desktop.store.records import field_version
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import enroll
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.postgres import postgres_server, postgres_url  # noqa: F401
from tests.support.server_process import ServerProcess, run_admin
from tests.support.syncing import sync

from .conftest import content

_run = itertools.count()

MAX_EXAMPLES = 15
PG_EXAMPLES = 5
TEXT_FIELDS = ("alias", "exit_note")

laptop = st.integers(0, 2)
record = st.integers(0, 5)  # taken modulo the records there are
word = st.sampled_from(["rood", "groen", "blauw", "geel"])
edit = st.tuples(st.just("edit"), laptop, record, st.sampled_from(TEXT_FIELDS), word)
delete = st.tuples(st.just("delete"), laptop, record)
sync_op = st.tuples(st.just("sync"), laptop)
# Mostly edits and deletes between syncs: that is where they race.
operation = st.one_of(edit, edit, edit, delete, delete, sync_op, sync_op,
                      st.tuples(st.just("add"), laptop, word))
# Each laptop's clock is off by up to half a second: stamps need not follow the order
# in which people typed, as with real laptops (the server allows minutes).
skews = st.lists(st.integers(-500, 500), min_size=3, max_size=3)


def skew_clock(store: Store, offset_ms: int) -> None:
    store.clock._wall = lambda: wall_clock_ms() + offset_ms  # noqa: SLF001 (test only)


def held(store: Store, ids: list[str]) -> dict[tuple[str, str], Any]:
    """(record, field) → the value this laptop holds now, tombstones included."""
    out: dict[tuple[str, str], Any] = {}
    for record_id in ids:
        try:
            row = store.records.get("youngster", record_id, include_deleted=True)
        except NotFound:
            continue
        for name in TEXT_FIELDS:
            out[(record_id, name)] = row[name]
    return out


def open_conflicts(store: Store, team: str) -> list[dict[str, Any]]:
    """The open conflicts' synced fields (not this laptop's own bookkeeping)."""
    names = ("id", *entities.entity("conflict").synced_fields)
    return sorted(({n: c[n] for n in names} for c in store.conflicts.open(team)),
                  key=lambda c: c["id"])


def three_laptops_sharing(server: ServerProcess, tmp: Path, records: int
                          ) -> tuple[list[Store], str, list[str]]:
    """Three enrolled laptops of a new team that all hold ``records`` youngsters."""
    run = next(_run)
    db = server.database_url
    team = run_admin(db, "create-team", f"Team d{run}", "--municipality", "Utrecht",
                     in_process=True)["id"]
    stores: list[Store] = []
    ids: list[str] = []
    for i in range(3):
        email = f"d{run}-{i}@example.org"
        run_admin(db, "create-user", email, "--name", f"D{i}", "--team", team, in_process=True)
        code = run_admin(db, "invite", email, in_process=True)["code"]
        store, _ = Store.create(tmp / f"d{run}-{i}", PASSPHRASE, argon2=FAST_ARGON2)
        enroll(store, server.url, code)
        if i == 0:
            ids = [store.youngsters.add(team_id=team, alias=f"start-{run}-{n}",
                                        intake_date="2026-01-10").id for n in range(records)]
        sync(store)
        stores.append(store)
    return stores, team, ids


def present(store: Store, team: str, record_id: str, name: str, value: str) -> bool:
    """The edit ``value`` of ``name`` is visible on this laptop, or kept by an open conflict."""
    row = store.records.get("youngster", record_id, include_deleted=True)
    conflicts = [c for c in store.conflicts.open(team) if c["record_id"] == record_id]
    if not row["deleted"] and row[name] == value:
        return True
    if any(c["field"] == name and c["value"] == value for c in conflicts):
        return True
    stamp = field_version(row["versions"], name)
    return bool(row["deleted"] and row[name] == value and any(
        c["field"] == "deleted" and c["value"] is False and c["stamp"] == stamp
        for c in conflicts))


@pytest.fixture
def pg_server(server_factory, postgres_url: str) -> ServerProcess:  # noqa: ANN001, F811
    return server_factory(postgres_url)


_RUN = settings(deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
_OPS = {"ops": st.lists(operation, min_size=4, max_size=20), "skew": skews, "data": st.data()}


@pytest.mark.slow
@pytest.mark.timeout(1200)  # all examples run inside one test: more than the default 300 s
@settings(_RUN, max_examples=MAX_EXAMPLES)
@given(**_OPS)
def test_nothing_typed_vanishes_and_every_choice_reaches_every_laptop(
        server, tmp_path: Path, ops, skew, data) -> None:  # noqa: ANN001
    check_nothing_vanishes(server, tmp_path, ops, skew, data)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.timeout(1200)
@settings(_RUN, max_examples=PG_EXAMPLES)
@given(**_OPS)
def test_nothing_vanishes_on_postgresql(pg_server, tmp_path: Path, ops, skew, data
                                        ) -> None:  # noqa: ANN001
    """The same property with the server on PostgreSQL (fewer examples: the merge is the
    same code; what differs is the storage under it)."""
    check_nothing_vanishes(pg_server, tmp_path, ops, skew, data)


def check_nothing_vanishes(server: ServerProcess, tmp_path: Path, ops: list, skew: list[int],
                           data: st.DataObject) -> None:
    stores, team, ids = three_laptops_sharing(server, tmp_path, records=2)
    for store, offset in zip(stores, skew):
        skew_clock(store, offset)
    edits: dict[str, tuple[str, str]] = {}  # value → (record, field): values are unique
    for record_id in ids:
        alias = stores[0].youngsters.get(record_id)["alias"]
        edits[alias] = (record_id, "alias")
    seen: list[set[str]] = [set(), set(), set()]  # per laptop: the edits it has held
    superseded: set[str] = set()
    unique = itertools.count()

    def observe() -> None:
        for i, store in enumerate(stores):
            seen[i].update(v for v in held(store, ids).values() if v in edits)

    observe()
    try:
        for position, op in enumerate(ops):
            # The laptop counts from the op's position: even the simplest examples (all
            # zeros) pass from laptop to laptop, and so race.
            kind, who = op[0], (position + op[1]) % 3
            store = stores[who]
            if kind == "add":
                value = f"{op[2]}-{next(unique)}"
                saved = store.youngsters.add(team_id=team, alias=value, intake_date="2026-01-10")
                ids.append(saved.id)
                edits[value] = (saved.id, "alias")
            elif kind == "sync":
                sync(store)
            else:
                record_id = ids[op[2] % len(ids)]
                try:
                    store.youngsters.get(record_id)
                except NotFound:
                    continue  # not on this laptop yet, or deleted here: nothing to type into
                names = TEXT_FIELDS if kind == "delete" else (op[3],)
                superseded.update(v for v in seen[who] if edits[v][0] == record_id
                                  and edits[v][1] in names)
                if kind == "delete":
                    store.youngsters.delete(record_id)
                else:
                    value = f"{op[4]}-{next(unique)}"
                    store.youngsters.update(record_id, **{op[3]: value})
                    edits[value] = (record_id, op[3])
            observe()
        for store in [*stores, *stores]:  # two full rounds: quiet
            sync(store)

        first = content(stores[0], team)
        conflicts = open_conflicts(stores[0], team)
        for store in stores[1:]:
            assert content(store, team) == first
            assert open_conflicts(store, team) == conflicts
        event(f"open conflicts: {min(len(conflicts), 3)}{'+' if len(conflicts) >= 3 else ''}")
        event(f"delete conflicts: {sum(c['field'] == 'deleted' for c in conflicts) > 0}")
        for store in stores:
            for value, (record_id, name) in edits.items():
                if value not in superseded:
                    assert present(store, team, record_id, name, value), \
                        f"{name} edit {value!r} of {record_id} vanished without a trace"

        # Resolve every open conflict as the conflict view offers, on random laptops.
        expected: dict[tuple[str, str], Any] = {}
        order = data.draw(st.permutations(conflicts), label="resolution order")
        previous: Store | None = None
        for conflict in order:
            resolver = stores[data.draw(laptop, label="resolver")]
            if resolver is not previous:
                if previous is not None:
                    sync(previous)
                sync(resolver)
            previous = resolver
            record_id, name = conflict["record_id"], conflict["field"]
            row = resolver.records.get("youngster", record_id, include_deleted=True)
            offered = [row[name], conflict["value"]]
            if name != "deleted":
                offered.append(f"{row[name]} / {conflict['value']}")  # "combine both"
            chosen = data.draw(st.sampled_from(offered), label="chosen")
            resolver.conflicts.resolve(conflict["id"], chosen)
            expected[(record_id, name)] = chosen
            if name != "deleted" and row["deleted"] and (
                    chosen != row[name] or chosen == conflict["value"]):
                expected[(record_id, "deleted")] = False  # chosen text brings the record back
        for store in [*stores, *stores]:
            sync(store)
        first = content(stores[0], team)
        for store in stores:
            assert content(store, team) == first
            assert open_conflicts(store, team) == []
            for (record_id, name), value in expected.items():
                row = store.records.get("youngster", record_id, include_deleted=True)
                assert row[name] == value, (record_id, name)
    finally:
        for store in stores:
            store.lock()
