"""Tracked writes: validation, per-field versions, and the outbox in one transaction."""

from __future__ import annotations

import json

import pytest

from joinus_desktop.domain.hlc import Stamp
from joinus_desktop.store.errors import NotFound, ReadOnlyRecord, ValidationError
from joinus_desktop.store.records import field_version


def outbox(store) -> list[dict]:  # noqa: ANN001
    rows = store.db.query("SELECT * FROM outbox ORDER BY seq")
    for row in rows:
        row["fields"] = json.loads(row["fields"]) if row["fields"] else None
        row["base"] = json.loads(row["base"])
    return rows


def test_insert_records_the_new_record_in_the_outbox(store, team) -> None:  # noqa: ANN001
    saved = store.youngsters.add(team_id=team["id"], alias="Noor", intake_date="2026-03-01",
                                 birth_year=2011)
    entry = outbox(store)[-1]
    assert entry["entity"] == "youngster" and entry["record_id"] == saved.id
    assert entry["fields"] is None and entry["base"] == {}  # all fields, no earlier version
    record = store.youngsters.get(saved.id)
    assert field_version(record["versions"], "alias") == entry["stamp"]
    assert field_version(record["versions"], "deleted") == entry["stamp"]
    # The outbox holds no content: values are read from the record at push time.
    assert "Noor" not in json.dumps(entry)


def test_update_records_changed_fields_with_their_base(store, team) -> None:  # noqa: ANN001
    saved = store.youngsters.add(team_id=team["id"], alias="Noor", intake_date="2026-03-01")
    first_stamp = outbox(store)[-1]["stamp"]
    store.youngsters.update(saved.id, alias="Noortje", birth_year=2010, status="intake")
    entry = outbox(store)[-1]
    assert sorted(entry["fields"]) == ["alias", "birth_year"]  # status was unchanged
    assert entry["base"] == {"alias": first_stamp, "birth_year": first_stamp}
    assert Stamp.parse(entry["stamp"]) > Stamp.parse(first_stamp)
    record = store.youngsters.get(saved.id)
    assert record["versions"]["alias"] == entry["stamp"]
    assert field_version(record["versions"], "intake_date") == first_stamp


def test_an_update_that_changes_nothing_writes_nothing(store, team) -> None:  # noqa: ANN001
    saved = store.youngsters.add(team_id=team["id"], alias="Noor", intake_date="2026-03-01")
    before = store.pending_changes()
    store.youngsters.update(saved.id, alias="Noor")
    assert store.pending_changes() == before


def test_invalid_record_writes_nothing_and_names_the_field(store, team) -> None:  # noqa: ANN001
    before = store.pending_changes()
    with pytest.raises(ValidationError) as caught:
        store.youngsters.add(team_id=team["id"], alias="", intake_date="1 maart")
    fields = {p.field for p in caught.value.problems}
    assert fields == {"alias", "intake_date"}
    assert "Naam is verplicht." in [p.message("nl") for p in caught.value.problems]
    assert store.pending_changes() == before
    assert store.youngsters.list(team["id"]) == []


def test_warnings_do_not_block_saving(store, team) -> None:  # noqa: ANN001
    saved = store.youngsters.add(team_id=team["id"], alias="Old", intake_date="2026-03-01",
                                 birth_year=1990)
    assert [w.code for w in saved.warnings] == ["age_outside_programme"]
    assert store.youngsters.get(saved.id)["birth_year"] == 1990


def test_failed_transaction_leaves_neither_record_nor_outbox(store, team) -> None:  # noqa: ANN001
    before = store.pending_changes()
    with pytest.raises(RuntimeError):
        with store.db.write():
            store.youngsters.add(team_id=team["id"], alias="Ghost", intake_date="2026-03-01")
            raise RuntimeError("crash halfway")
    assert store.pending_changes() == before
    assert store.youngsters.list(team["id"]) == []


def test_immutable_and_system_fields_cannot_change(store, team) -> None:  # noqa: ANN001
    y1 = store.youngsters.add(team_id=team["id"], alias="A", intake_date="2026-03-01")
    y2 = store.youngsters.add(team_id=team["id"], alias="B", intake_date="2026-03-01")
    obs = store.observations.add(team_id=team["id"], youngster_id=y1.id, date="2026-03-01",
                                 behaviour="Lachte mee")
    with pytest.raises(ValidationError):
        store.observations.update(obs.id, youngster_id=y2.id)
    with pytest.raises(ValidationError):
        store.observations.update(obs.id, team_id=team["id"])
    with pytest.raises(ValidationError):
        store.observations.update(obs.id, colour="blue")


def test_delete_is_a_tombstone_that_syncs(store, team) -> None:  # noqa: ANN001
    saved = store.youngsters.add(team_id=team["id"], alias="Gone", intake_date="2026-03-01")
    store.youngsters.delete(saved.id)
    with pytest.raises(NotFound):
        store.youngsters.get(saved.id)
    assert store.records.get("youngster", saved.id, include_deleted=True)["deleted"] is True
    assert outbox(store)[-1]["fields"] == ["deleted"]


def test_questionnaire_responses_are_append_only(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-03-01")
    instrument = store.instruments.default()
    answers = {item.id: 2 for item in instrument.items}
    first = store.questionnaires.record(youngster_id=y.id, answers=answers, date="2026-03-01")
    with pytest.raises(ReadOnlyRecord):
        store.records.update("questionnaire_response", first.id, {"moment": "T1"})
    fixed = store.questionnaires.correct(first.id, answers={**answers,
                                                            instrument.items[0].id: 5})
    assert fixed.record["supersedes"] == first.id and fixed.record["moment"] == "T0"
    in_force = store.questionnaires.for_youngster(y.id)
    assert [r["id"] for r in in_force] == [fixed.id]
    assert len(store.questionnaires.for_youngster(y.id, include_superseded=True)) == 2


def test_scores_are_computed_not_taken_from_the_caller(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-03-01")
    instrument = store.instruments.default()
    answers = {item.id: (5 if item.reverse else 1) for item in instrument.items}
    saved = store.records.insert("questionnaire_response", {
        "youngster_id": y.id, "instrument_id": instrument.id,
        "instrument_version": instrument.version, "moment": "T0", "date": "2026-03-01",
        "answers": answers, "scores": {"loneliness": 4.9}}, team_id=team["id"])
    assert set(saved.record["scores"].values()) == {1.0}


def test_answers_off_the_scale_are_refused(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-03-01")
    instrument = store.instruments.default()
    answers = {item.id: 3 for item in instrument.items}
    answers[instrument.items[0].id] = 9
    with pytest.raises(ValidationError) as caught:
        store.questionnaires.record(youngster_id=y.id, answers=answers, date="2026-03-01")
    assert caught.value.problems[0].code == "answer_out_of_scale"


def test_attendance_ids_are_shared_between_devices(store, team) -> None:  # noqa: ANN001
    """Two laptops ticking the same youngster must write the same record id."""
    from joinus_desktop.store.meetings import attendance_id

    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-03-01")
    m = store.meetings.add(team_id=team["id"], date="2026-03-05")
    store.meetings.set_attendance(m.id, [y.id])
    assert store.meetings.attendance(m.id)[0]["id"] == attendance_id(m.id, y.id)
    store.meetings.set_attendance(m.id, [])
    assert store.meetings.attendee_ids(m.id) == set()
    assert len(store.meetings.attendance(m.id)) == 1  # absent is recorded, not deleted


def test_clock_survives_restart_and_never_goes_back(vault_dir, store, team) -> None:  # noqa: ANN001
    from joinus_desktop.store.store import Store
    from tests.conftest import PASSPHRASE

    store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-03-01")
    last = Stamp.parse(outbox(store)[-1]["stamp"])
    store.lock()
    reopened = Store.open(vault_dir, PASSPHRASE)
    try:
        # Pretend the wall clock was set back by an hour.
        reopened.clock._wall = lambda: last.physical_ms - 3_600_000  # type: ignore[method-assign]
        reopened.youngsters.add(team_id=team["id"], alias="Noor", intake_date="2026-03-01")
        assert Stamp.parse(outbox(reopened)[-1]["stamp"]) > last
    finally:
        reopened.lock()


def test_conflict_resolution_is_an_ordinary_edit(store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-03-01")
    obs = store.observations.add(team_id=team["id"], youngster_id=y.id, date="2026-03-01",
                                 behaviour="Versie A")
    # Conflicts arrive from the server; write one the way the sync engine will.
    from joinus_desktop.domain.ids import uuid7

    conflict_id = uuid7()
    with store.db.write() as db:
        db.execute(
            "INSERT INTO conflict (id, team_id, entity, record_id, field, value, stamp, author,"
            " winner_value, winner_stamp, resolved, deleted, versions) VALUES "
            "(?, ?, 'observation', ?, 'behaviour', ?, ?, 'x', ?, ?, 0, 0, '{}')",
            (conflict_id, team["id"], obs.id, json.dumps("Versie B"), store.clock.now(),
             json.dumps("Versie A"), store.clock.now()))
    assert [c["id"] for c in store.conflicts.open(team["id"])] == [conflict_id]
    store.conflicts.resolve(conflict_id, "Versie A en B")
    assert store.records.get("observation", obs.id)["behaviour"] == "Versie A en B"
    assert store.conflicts.open(team["id"]) == []
    assert outbox(store)[-1]["entity"] == "conflict"


def test_reads_reuse_one_connection_per_thread(store, team) -> None:  # noqa: ANN001
    """A thread that reads many times opens one connection, not one per read."""
    import threading

    def reads() -> None:
        for _ in range(20):
            store.youngsters.list(team["id"])

    before = len(store.db._readers)
    worker = threading.Thread(target=reads)
    worker.start()
    worker.join()
    reads()
    assert len(store.db._readers) - before <= 2


def test_insert_many_fills_in_missing_ids_and_refuses_spare_ones(store, team) -> None:  # noqa: ANN001
    from joinus_desktop.domain.ids import is_uuid, uuid7

    mine = uuid7()
    rows = [{"date": "2026-01-12"}] * 3
    saved = store.records.insert_many("meeting", rows, team_id=team["id"],
                                      record_ids=[None, mine, ""])
    assert saved[1].id == mine and all(is_uuid(s.id) for s in saved)
    assert len({s.id for s in saved}) == 3
    before = store.pending_changes()
    with pytest.raises(ValueError):
        store.records.insert_many("meeting", rows[:1], team_id=team["id"],
                                  record_ids=[uuid7(), uuid7()])
    assert store.pending_changes() == before  # no outbox entry without its record
