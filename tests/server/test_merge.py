"""Merge rules through the API, on both backends (design §5 "Merge, precisely")."""

from __future__ import annotations

from typing import Any

from joinus_server import admin

from .helpers import (
    ACTOR,
    Device,
    World,
    change,
    meeting,
    new_id,
    observation,
    response,
    snapshot,
    stamp,
    youngster,
)


def record_of(world: World, record_id: str) -> dict[str, Any]:
    with world.storage.read() as tx:
        stored = tx.get_records([record_id])[record_id]
    return {name: version.value for name, version in stored.fields.items()}


def stamps_of(world: World, record_id: str) -> dict[str, str]:
    with world.storage.read() as tx:
        stored = tx.get_records([record_id])[record_id]
    return {name: version.stamp for name, version in stored.fields.items()}


def conflicts(world: World) -> list[dict[str, Any]]:
    with world.storage.read() as tx:
        found = tx.records_of("conflict", [world.team_a, world.team_b])
    return [{name: v.value for name, v in r.fields.items()} | {"_id": r.id, "_team": r.team_id}
            for r in found]


def create_youngster(world: World, device: Device, **fields: Any) -> tuple[str, str]:
    """A youngster created by ``device`` at stamp 0; its id and creation stamp."""
    record_id, at = new_id(), stamp(0, "creator")
    answer = device.push([change("youngster", record_id, world.team_a, youngster(**fields),
                                 at=at)])
    assert answer["results"][0]["outcome"] == "applied", answer
    return record_id, at


def test_a_record_created_and_edited_in_one_batch(world: World) -> None:
    # The first change takes the new-record path, the second the general one, against
    # the record the first made (not yet written): both land, in order, as logged.
    record_id = new_id()
    answer = world.anna.push([
        change("youngster", record_id, world.team_a, youngster(), at=stamp(0, "anna")),
        change("youngster", record_id, world.team_a, {"alias": "Sammy"}, at=stamp(5, "anna"),
               base={"alias": stamp(0, "anna")})])
    assert [r["outcome"] for r in answer["results"]] == ["applied", "applied"]
    assert record_of(world, record_id) == {**youngster(), "alias": "Sammy"}
    assert stamps_of(world, record_id)["alias"] == stamp(5, "anna")
    assert stamps_of(world, record_id)["status"] == stamp(0, "anna")
    entries, _ = world.dirk.pull_all()
    mine = [e for e in entries if e.get("id") == record_id]
    assert [(e["stamp"], e["values"], e["author"]) for e in mine] == [
        (stamp(0, "anna"), youngster(), world.anna.user_id),
        (stamp(5, "anna"), {"alias": "Sammy"}, world.anna.user_id)]
    own, _ = world.anna.pull_all()  # both are anna's own: not sent back to her device
    assert all(e.get("id") != record_id for e in own)


def test_a_new_record_and_sequential_edits_apply(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    first = world.bram.push([change("youngster", record_id, world.team_a, {"alias": "Sammy"},
                                    at=stamp(10, "bram"), base={"alias": created})])
    second = world.anna.push([change("youngster", record_id, world.team_a, {"alias": "Samuel"},
                                     at=stamp(20, "anna"), base={"alias": stamp(10, "bram")})])
    assert first["results"] == [{"index": 0, "id": record_id, "outcome": "applied"}]
    assert second["results"][0]["outcome"] == "applied"
    assert record_of(world, record_id)["alias"] == "Samuel"
    assert stamps_of(world, record_id)["alias"] == stamp(20, "anna")
    assert conflicts(world) == []


def test_concurrent_edit_with_the_greater_stamp_wins_and_keeps_the_loser(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    world.bram.push([change("youngster", record_id, world.team_a, {"alias": "Bram's Sam"},
                            at=stamp(10, "bram"), base={"alias": created})])
    # Anna edited offline from the same base, later: her stamp is greater, so she wins.
    answer = world.anna.push([change("youngster", record_id, world.team_a,
                                     {"alias": "Anna's Sam"}, at=stamp(20, "anna"),
                                     base={"alias": created})])
    result = answer["results"][0]
    assert result["outcome"] == "conflict"
    assert "lost_fields" not in result  # nothing of Anna's change lost: it overwrote
    assert record_of(world, record_id)["alias"] == "Anna's Sam"
    [kept] = conflicts(world)
    assert kept["entity"] == "youngster" and kept["record_id"] == record_id
    assert kept["field"] == "alias" and kept["resolved"] is False
    assert (kept["value"], kept["stamp"], kept["author"]) == (
        "Bram's Sam", stamp(10, "bram"), world.bram.user_id)
    assert (kept["winner_value"], kept["winner_stamp"]) == ("Anna's Sam", stamp(20, "anna"))
    # Both authors by user id, so the conflict view can name both sides.
    assert kept["winner_author"] == world.anna.user_id
    assert kept["_team"] == world.team_a


def test_concurrent_edit_with_the_smaller_stamp_loses_and_is_kept(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    world.anna.push([change("youngster", record_id, world.team_a, {"alias": "Anna's Sam"},
                            at=stamp(20, "anna"), base={"alias": created})])
    answer = world.bram.push([change("youngster", record_id, world.team_a,
                                     {"alias": "Bram's Sam", "birth_year": 2010},
                                     at=stamp(10, "bram"),
                                     base={"alias": created, "birth_year": created})])
    result = answer["results"][0]
    assert result["outcome"] == "conflict" and result["lost_fields"] == ["alias"]
    stored = record_of(world, record_id)
    assert stored["alias"] == "Anna's Sam"
    assert stored["birth_year"] == 2010  # the field that did not race still applied
    [kept] = conflicts(world)
    assert (kept["value"], kept["author"], kept["winner_value"]) == (
        "Bram's Sam", world.bram.user_id, "Anna's Sam")
    # Bram is sent the winner back beside his own birth year: two stamps, one per field.
    entries, _ = world.bram.pull_all()
    [back] = [e for e in entries if e.get("id") == record_id and e["author"] == world.bram.user_id]
    assert "values" not in back and back["fields"] == {
        "alias": {"value": "Anna's Sam", "stamp": stamp(20, "anna")},
        "birth_year": {"value": 2010, "stamp": stamp(10, "bram")}}


def test_concurrent_edits_to_the_same_value_make_no_conflict(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    world.anna.push([change("youngster", record_id, world.team_a, {"status": "exited",
                            "exit_date": "2026-06-01", "exit_reason": "goals_met"},
                            at=stamp(20, "anna"), base={"status": created})])
    answer = world.bram.push([change("youngster", record_id, world.team_a, {"status": "exited"},
                                     at=stamp(10, "bram"), base={"status": created})])
    assert answer["results"][0]["outcome"] == "applied"
    assert conflicts(world) == []


def test_edits_of_different_fields_merge_without_conflict(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    a = world.anna.push([change("youngster", record_id, world.team_a, {"alias": "Sem"},
                                at=stamp(20, "anna"), base={"alias": created})])
    b = world.bram.push([change("youngster", record_id, world.team_a, {"birth_year": 2009},
                                at=stamp(10, "bram"), base={"birth_year": created})])
    assert [a["results"][0]["outcome"], b["results"][0]["outcome"]] == ["applied", "applied"]
    stored = record_of(world, record_id)
    assert (stored["alias"], stored["birth_year"]) == ("Sem", 2009)
    assert conflicts(world) == []


def test_delete_then_older_concurrent_edit_keeps_the_edited_text(world: World) -> None:
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                            at=stamp(30, "anna"), base={"deleted": None})])
    answer = world.bram.push([change("meeting", meeting_id, world.team_a,
                                     {"notes": "Bram's long notes"}, at=stamp(20, "bram"),
                                     base={"notes": created})])
    assert answer["results"][0] == {"index": 0, "id": meeting_id, "outcome": "conflict"}
    # The delete is newer: the record stays deleted. Bram's text is in the tombstone
    # (every device holds the same hidden copy), and his edit is an open conflict on
    # ``deleted``: "keep the record" brings the text back.
    stored = record_of(world, meeting_id)
    assert stored["deleted"] is True and stored["notes"] == "Bram's long notes"
    [kept] = conflicts(world)
    assert (kept["field"], kept["value"], kept["winner_value"], kept["author"],
            kept["stamp"]) == ("deleted", False, True, world.bram.user_id, stamp(20, "bram"))


def test_a_delete_says_what_it_saw_and_keeps_an_older_edit_it_did_not_see(
        world: World) -> None:
    """Finding 5: Bram's edit reaches the server first, Anna's later delete never saw it."""
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    world.bram.push([change("meeting", meeting_id, world.team_a, {"notes": "Bram's notes"},
                            at=stamp(20, "bram"), base={"notes": created})])
    seen = dict.fromkeys([*meeting(), "deleted"], created)  # Anna's copy: all at creation
    answer = world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                                     at=stamp(30, "anna"), base=seen)])
    assert answer["results"][0] == {"index": 0, "id": meeting_id, "outcome": "conflict"}
    stored = record_of(world, meeting_id)
    assert stored["deleted"] is True and stored["notes"] == "Bram's notes"
    [kept] = conflicts(world)
    assert (kept["field"], kept["value"], kept["winner_value"], kept["author"],
            kept["stamp"]) == ("deleted", False, True, world.bram.user_id, stamp(20, "bram"))
    # The same write sent again (its answer lost) keeps nothing twice.
    again = world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                                    at=stamp(30, "anna"), base=seen)])
    assert again["results"][0]["outcome"] == "applied"
    resent = world.bram.push([change("meeting", meeting_id, world.team_a,
                                     {"notes": "Bram's notes"}, at=stamp(20, "bram"),
                                     base={"notes": created})])
    assert resent["results"][0]["outcome"] == "applied"
    assert len(conflicts(world)) == 1


def test_a_delete_that_saw_the_edit_applies_without_conflict(world: World) -> None:
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    world.bram.push([change("meeting", meeting_id, world.team_a, {"notes": "Bram's notes"},
                            at=stamp(20, "bram"), base={"notes": created})])
    seen = {**dict.fromkeys([*meeting(), "deleted"], created), "notes": stamp(20, "bram")}
    answer = world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                                     at=stamp(30, "anna"), base=seen)])
    assert answer["results"][0]["outcome"] == "applied"
    assert record_of(world, meeting_id)["deleted"] is True
    assert conflicts(world) == []


def test_an_unseen_edit_stamped_after_the_delete_keeps_the_record(world: World) -> None:
    """Clocks apart: Bram's edit is stamped later though the delete saw nothing of it."""
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    world.bram.push([change("meeting", meeting_id, world.team_a, {"notes": "Bram's notes"},
                            at=stamp(40, "bram"), base={"notes": created})])
    seen = dict.fromkeys([*meeting(), "deleted"], created)
    answer = world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                                     at=stamp(30, "anna"), base=seen)])
    assert answer["results"][0]["lost_fields"] == ["deleted"]
    stored = record_of(world, meeting_id)
    assert stored["deleted"] is False and stored["notes"] == "Bram's notes"
    assert stamps_of(world, meeting_id)["deleted"] == stamp(40, "bram")
    [kept] = conflicts(world)
    assert (kept["field"], kept["value"], kept["winner_value"]) == ("deleted", True, False)


def test_a_delete_from_a_laptop_before_the_rule_still_applies(world: World) -> None:
    """A delete naming only the base of ``deleted``: a field stamped before it counts as seen."""
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    world.bram.push([change("meeting", meeting_id, world.team_a, {"notes": "Bram's notes"},
                            at=stamp(20, "bram"), base={"notes": created})])
    answer = world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                                     at=stamp(30, "anna"), base={"deleted": None})])
    assert answer["results"][0]["outcome"] == "applied"
    assert record_of(world, meeting_id)["deleted"] is True


def test_only_a_delete_may_name_fields_it_does_not_set_in_its_base(world: World) -> None:
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    edit = world.anna.client.post("/api/v1/sync/push", headers=world.anna.headers, json={
        "device_id": world.anna.device_id, "batch_id": "edit-with-extra-base",
        "changes": [change("meeting", meeting_id, world.team_a, {"notes": "x"},
                           at=stamp(10, "anna"), base={"notes": created, "place": created})]})
    assert edit.status_code == 400 and edit.json()["error"]["code"] == "invalid_request"
    unknown = world.anna.client.post("/api/v1/sync/push", headers=world.anna.headers, json={
        "device_id": world.anna.device_id, "batch_id": "delete-with-unknown-base",
        "changes": [change("meeting", meeting_id, world.team_a, {"deleted": True},
                           at=stamp(10, "anna"), base={"mood": created})]})
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == "invalid_request"
    assert record_of(world, meeting_id).get("deleted") is not True


def test_delete_then_newer_concurrent_edit_brings_the_record_back(world: World) -> None:
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                            at=stamp(20, "anna"), base={"deleted": None})])
    answer = world.bram.push([change("meeting", meeting_id, world.team_a,
                                     {"notes": "Still needed"}, at=stamp(30, "bram"),
                                     base={"notes": created})])
    assert answer["results"][0]["outcome"] == "conflict"
    stored = record_of(world, meeting_id)
    assert stored["deleted"] is False and stored["notes"] == "Still needed"
    [kept] = conflicts(world)
    assert (kept["field"], kept["value"], kept["winner_value"]) == ("deleted", True, False)
    assert kept["author"] == world.anna.user_id


def test_edit_then_older_concurrent_delete_loses(world: World) -> None:
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    world.bram.push([change("meeting", meeting_id, world.team_a, {"notes": "New notes"},
                            at=stamp(30, "bram"), base={"notes": created})])
    answer = world.anna.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                                     at=stamp(20, "anna"), base={"deleted": None})])
    assert answer["results"][0]["outcome"] == "conflict"
    assert answer["results"][0]["lost_fields"] == ["deleted"]
    assert record_of(world, meeting_id).get("deleted") is not True
    [kept] = conflicts(world)
    assert (kept["field"], kept["value"], kept["author"]) == ("deleted", True,
                                                             world.anna.user_id)


def test_a_delete_after_seeing_every_edit_applies(world: World) -> None:
    meeting_id, created = new_id(), stamp(0, "anna")
    world.anna.push([change("meeting", meeting_id, world.team_a, meeting(), at=created)])
    answer = world.bram.push([change("meeting", meeting_id, world.team_a, {"deleted": True},
                                     at=stamp(10, "bram"), base={"deleted": None})])
    assert answer["results"][0]["outcome"] == "applied"
    assert record_of(world, meeting_id)["deleted"] is True
    entries, last = world.carla.pull_all()
    assert meeting_id not in {e.get("id") for e in entries}  # team B never sees it
    assert last["counts"][world.carla.team_ids[0]]["meeting"] == 0


def test_a_retried_batch_applies_nothing_twice_and_gets_the_same_answer(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    world.bram.push([change("youngster", record_id, world.team_a, {"alias": "B"},
                            at=stamp(10, "bram"), base={"alias": created})])
    batch = [change("youngster", record_id, world.team_a, {"alias": "A"},
                    at=stamp(20, "anna"), base={"alias": created}),
             change("meeting", new_id(), world.team_a, meeting(), at=stamp(21, "anna"))]
    first = world.anna.push(batch, batch_id="batch-42")
    before = snapshot(world.storage)
    again = world.anna.push(batch, batch_id="batch-42")
    assert snapshot(world.storage) == before
    assert again["results"] == first["results"]
    assert [r["outcome"] for r in first["results"]] == ["conflict", "applied"]
    assert len(conflicts(world)) == 1
    # Batch ids are per device: the same id from another device is another batch.
    other = world.bram.push([change("meeting", new_id(), world.team_a, meeting(),
                                    at=stamp(22, "bram"))], batch_id="batch-42")
    assert other["results"][0]["outcome"] == "applied"


def test_one_rejected_change_does_not_block_the_rest_of_the_batch(world: World) -> None:
    good_1, bad, foreign, good_2 = new_id(), new_id(), new_id(), new_id()
    answer = world.anna.push([
        change("meeting", good_1, world.team_a, meeting(), at=stamp(1)),
        change("meeting", bad, world.team_a, meeting(date="not a date", place="x" * 500),
               at=stamp(2)),
        change("meeting", foreign, world.team_b, meeting(), at=stamp(3)),
        change("meeting", good_2, world.team_a, meeting(), at=stamp(4)),
    ])
    outcomes = [(r["outcome"], r.get("code")) for r in answer["results"]]
    assert outcomes == [("applied", None), ("rejected", "invalid_record"),
                        ("rejected", "forbidden_team"), ("applied", None)]
    reason = answer["results"][1]["reason"]
    assert "Date must be a date (YYYY-MM-DD)." in reason and "Place is too long" in reason
    with world.storage.read() as tx:
        assert set(tx.get_records([good_1, bad, foreign, good_2])) == {good_1, good_2}


def test_rejections_carry_stable_codes_and_store_nothing(world: World) -> None:
    yid, _ = create_youngster(world, world.anna)
    obs, resp = new_id(), new_id()
    world.anna.push([change("observation", obs, world.team_a, observation(yid), at=stamp(1)),
                     change("questionnaire_response", resp, world.team_a,
                            response(yid, "T0", {"loneliness": 2.0}), at=stamp(2))])
    admin.add_member(world.storage, "anna@example.org", [world.team_b], actor=ACTOR)
    before = snapshot(world.storage)
    other_youngster = new_id()
    answer = world.anna.push([
        change("observation", obs, world.team_a, {"youngster_id": other_youngster},
               at=stamp(3), base={"youngster_id": stamp(1)}),
        change("questionnaire_response", resp, world.team_a, {"moment": "T1"}, at=stamp(4),
               base={"moment": stamp(2)}),
        change("team", world.team_a, world.team_a, {"name": "Renamed"}, at=stamp(5)),
        change("meeting", obs, world.team_a, meeting(), at=stamp(6)),
        change("observation", obs, world.team_b, {"context": "moved"}, at=stamp(7)),
        change("observation", new_id(), world.team_a, observation(yid.upper()), at=stamp(8)),
    ])
    codes = [r.get("code") for r in answer["results"]]
    assert codes == ["immutable_field", "insert_only", "read_only", "entity_mismatch",
                     "team_mismatch", "invalid_record"]
    assert all(r["outcome"] == "rejected" and r["reason"] for r in answer["results"])
    after = snapshot(world.storage)
    assert after[:3] == before[:3]  # log and records untouched (only the batch is recorded)


def test_an_identical_resend_of_a_response_is_not_a_change(world: World) -> None:
    yid, _ = create_youngster(world, world.anna)
    resp = change("questionnaire_response", new_id(), world.team_a,
                  response(yid, "T0", {"loneliness": 2.0}), at=stamp(2))
    world.anna.push([resp])
    head = snapshot(world.storage)[0]
    again = world.anna.push([resp])  # e.g. re-sent after a restore, under a new batch id
    assert again["results"][0]["outcome"] == "applied"
    assert snapshot(world.storage)[0] == head


def test_the_log_entry_lists_only_changed_fields_with_stamps_and_author(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    world.bram.push([change("youngster", record_id, world.team_a,
                            {"alias": "Sam", "birth_year": 2012},  # alias unchanged
                            at=stamp(10, "bram"), base={"alias": created,
                                                        "birth_year": created})])
    entries, _ = world.dirk.pull_all()
    mine = [e for e in entries if e.get("id") == record_id]
    assert len(mine) == 2
    assert mine[0]["author"] == world.anna.user_id
    assert set(mine[0]["values"]) == set(youngster()) and mine[0]["stamp"] == created
    assert mine[1]["author"] == world.bram.user_id
    # alias was re-sent with the same value but a newer stamp: its version changed too.
    # One write set both, so they travel with its one stamp.
    assert (mine[1]["stamp"], mine[1]["values"]) == (stamp(10, "bram"),
                                                     {"alias": "Sam", "birth_year": 2012})
    assert all(e["kind"] == "change" and e["team_id"] == world.team_a for e in mine)


def test_conflicts_are_pulled_and_resolved_like_any_record(world: World) -> None:
    record_id, created = create_youngster(world, world.anna)
    world.anna.push([change("youngster", record_id, world.team_a, {"alias": "A"},
                            at=stamp(20, "anna"), base={"alias": created})])
    world.bram.push([change("youngster", record_id, world.team_a, {"alias": "B"},
                            at=stamp(10, "bram"), base={"alias": created})])
    entries, last = world.anna.pull_all()
    [pulled] = [e for e in entries if e["entity"] == "conflict"]
    assert pulled["author"] == "server" and pulled["values"]["value"] == "B"
    assert last["counts"][world.team_a]["conflict"] == 1
    resolved_at = pulled["stamp"]
    answer = world.anna.push([
        change("youngster", record_id, world.team_a, {"alias": "A and B"},
               at=stamp(40, "anna"), base={"alias": stamp(20, "anna")}),
        change("conflict", pulled["id"], world.team_a, {"resolved": True}, at=stamp(40, "anna"),
               base={"resolved": resolved_at})])
    assert [r["outcome"] for r in answer["results"]] == ["applied", "applied"]
    assert record_of(world, pulled["id"])["resolved"] is True
    # A device may not rewrite what lost: the conflict's content is immutable.
    rewrite = world.anna.push([change("conflict", pulled["id"], world.team_a, {"value": "X"},
                                      at=stamp(50, "anna"))])
    assert rewrite["results"][0]["code"] == "immutable_field"


def test_references_that_are_not_ids_are_rejected_without_touching_the_database(
        world: World) -> None:
    """NUL and other junk in reference fields must not reach SQL (PostgreSQL refuses NUL)."""
    answer = world.anna.push([
        change("observation", new_id(), world.team_a, observation("\u0000junk"), at=stamp(1)),
        change("conflict", new_id(), world.team_a,
               {"entity": "youngster", "record_id": "\u0000", "field": "alias"}, at=stamp(2)),
        change("meeting", new_id(), world.team_a, meeting(), at=stamp(3)),
    ])
    # (A device may not make a conflict record at all: read_only, before any SQL.)
    assert [(r["outcome"], r.get("code")) for r in answer["results"]] == [
        ("rejected", "invalid_record"), ("rejected", "read_only"), ("applied", None)]
