"""The store's side of sync, without a server: batches, applying pages, quarantine."""

from __future__ import annotations

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import Stamp
from joinus_desktop.domain.ids import uuid7
from joinus_desktop.store.records import ALL_FIELDS
from joinus_desktop.sync.protocol import ChangeResult, PulledChange


def remote_stamp(store, offset_ms: int = 1000) -> str:  # noqa: ANN001
    return str(Stamp(Stamp.parse(store.clock.last).physical_ms + offset_ms, 0, "other"))


def test_new_record_goes_whole_then_later_edits_with_their_stamps(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-01-10").id
    store.youngsters.update(y, alias="Sammy")
    batch = store.sync.outbox_batch(100)
    changes = [c for c in batch.changes if c.id == y]
    assert len(changes) == 2
    whole, edit = changes
    assert whole.fields["intake_date"] == "2026-01-10" and whole.base == {}  # never confirmed
    assert edit.fields == {"alias": "Sammy"} and edit.base == {"alias": whole.stamp}
    assert edit.stamp > whole.stamp


def test_edits_of_a_synced_record_carry_their_base(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-01-10").id
    batch = store.sync.outbox_batch(100)
    store.sync.acknowledge(batch, [ChangeResult(i, c.id, "applied")
                                   for i, c in enumerate(batch.changes)])
    first = store.youngsters.get(y)["versions"]["*"]
    store.youngsters.update(y, alias="A")
    store.youngsters.update(y, alias="B", birth_year=2010)
    (change,) = store.sync.outbox_batch(100).changes
    assert change.fields == {"alias": "B", "birth_year": 2010}
    assert change.base == {"alias": first, "birth_year": first}  # the earliest unpushed base


def test_pulled_values_never_overwrite_an_unpushed_edit(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-01-10").id
    batch = store.sync.outbox_batch(100)
    store.sync.acknowledge(batch, [])
    store.youngsters.update(y, alias="Mijn bewerking")  # not pushed yet
    stamp = remote_stamp(store)
    result = store.sync.apply_page([PulledChange(
        1, "change", team["id"], "youngster", y, {"alias": "Van de server", "birth_year": 2009},
        {"alias": stamp, "birth_year": stamp}, "someone")], cursor=1, epoch="e1")
    record = store.youngsters.get(y)
    assert record["alias"] == "Mijn bewerking" and result.skipped_fields == 1
    assert record["birth_year"] == 2009 and record["versions"]["birth_year"] == stamp
    assert store.sync.cursor == 1 and store.sync.get("epoch") == "e1"
    assert store.clock.now() > stamp  # our next edit orders after what we saw


def test_pulled_new_record_and_purge(store, team) -> None:  # noqa: ANN001
    y, stamp = uuid7(), remote_stamp(store)
    store.sync.apply_page([PulledChange(
        5, "change", team["id"], "youngster", y,
        {"alias": "Noor", "intake_date": "2026-02-01", "status": "active", "deleted": False},
        stamp, "x")], cursor=5, epoch="e1")
    assert store.youngsters.get(y)["alias"] == "Noor"
    assert store.youngsters.get(y)["versions"]["alias"] == stamp
    assert store.pending_changes() == 1  # only the team: pulled records are not re-pushed
    store.sync.apply_page([PulledChange(6, "purge", team["id"], youngster_id=y)],
                          cursor=6, epoch="e1")
    assert store.youngsters.list(team["id"]) == [] and store.erasure.is_erased(y)
    # A late change for the erased youngster cannot bring it back.
    store.sync.apply_page([PulledChange(
        7, "change", team["id"], "youngster", y, {"alias": "Terug?"}, stamp, "x")],
        cursor=7, epoch="e1")
    assert store.youngsters.list(team["id"]) == []


def test_a_pulled_new_record_keeps_each_field_s_own_stamp(store, team) -> None:  # noqa: ANN001
    first, later = remote_stamp(store), remote_stamp(store, 2000)
    assert first < later
    spec = entities.entity("youngster")
    whole = {**dict.fromkeys(spec.synced_fields), "alias": "Noor", "intake_date": "2026-02-01",
             "status": "active", "consent_youngster": False, "consent_guardian": False,
             "deleted": False}
    # Every field, but one of them set by a later write: a stamp per field is kept.
    mixed, shared = uuid7(), uuid7()
    store.sync.apply_page([
        PulledChange(5, "change", team["id"], "youngster", mixed, whole,
                     {**dict.fromkeys(spec.synced_fields, first), "alias": later}, "x"),
        PulledChange(6, "change", team["id"], "youngster", shared, whole, first, "x"),
    ], cursor=6, epoch="e1")
    versions = store.youngsters.get(mixed)["versions"]
    assert ALL_FIELDS not in versions and versions["alias"] == later
    assert {versions[n] for n in spec.synced_fields if n != "alias"} == {first}
    # Every field from one write: that one stamp, once.
    assert store.youngsters.get(shared)["versions"] == {ALL_FIELDS: first}
    # A later page with an older stamp for a field leaves it as it is.
    store.sync.apply_page([PulledChange(
        7, "change", team["id"], "youngster", mixed, {"alias": "Noor B"}, first, "x")],
        cursor=7, epoch="e1")
    assert store.youngsters.get(mixed)["alias"] == "Noor"


def test_refused_change_is_quarantined_and_the_rest_flows(store, team) -> None:  # noqa: ANN001
    good = store.youngsters.add(team_id=team["id"], alias="Goed", intake_date="2026-01-10").id
    bad = store.youngsters.add(team_id=team["id"], alias="Fout", intake_date="2026-01-10").id
    batch = store.sync.outbox_batch(100)
    results = [ChangeResult(i, c.id, "rejected", "invalid_record", "Name is required.")
               if c.id == bad else ChangeResult(i, c.id, "applied")
               for i, c in enumerate(batch.changes)]
    assert store.sync.acknowledge(batch, results) == 1
    assert store.pending_changes() == 0
    (quarantined,) = store.sync.quarantined()
    assert quarantined["record_id"] == bad and quarantined["reason"] == "Name is required."
    assert store.youngsters.get(good)["alias"] == "Goed"
    store.sync.retry_quarantined(quarantined["seq"])
    assert store.sync.quarantined() == [] and store.pending_changes() == 1


def test_rehome_moves_local_work_into_the_server_team(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-01-10").id
    server_team = uuid7()
    store.sync.rehome_local_team(team["id"], server_team)
    assert store.youngsters.get(y)["team_id"] == server_team
    assert {c.team_id for c in store.sync.outbox_batch(100).changes} == {server_team}
    assert store.teams.list() == []


def test_a_page_larger_than_one_in_list_is_checked_in_runs() -> None:
    from joinus_desktop.store.database import chunked, placeholders

    ids = [str(i) for i in range(1_201)]
    runs = list(chunked(ids))
    assert [len(r) for r in runs] == [500, 500, 201] and sum(runs, []) == ids
    assert placeholders(3) == "?,?,?" and list(chunked([])) == []
