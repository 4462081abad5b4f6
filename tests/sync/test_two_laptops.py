"""Two laptops of one team and the organisation server converge; nothing typed is lost."""

from __future__ import annotations

import pytest

from joinus_desktop.store.store import Store
from joinus_desktop.sync.errors import SyncError
from tests.support.server_process import run_admin

from .conftest import content


def add_youngster(laptop, alias: str = "Sam") -> str:  # noqa: ANN001
    return laptop.store.youngsters.add(team_id=laptop.team, alias=alias,
                                       intake_date="2026-01-10", birth_year=2010).id


def test_enrol_pulls_the_team_and_work_flows_both_ways(laptop_factory) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    assert a.team == b.team and a.store.teams.current()["name"] == "Join Us Oost"
    y = add_youngster(a)
    m = a.store.meetings.add(team_id=a.team, date="2026-01-12", notes="Samen koken").id
    a.store.meetings.set_attendance(m, [y])
    report = a.sync()
    assert report.pushed >= 3 and report.rejected == 0
    assert a.store.pending_changes() == 0
    b.sync()
    assert b.store.youngsters.get(y)["alias"] == "Sam"
    assert b.store.meetings.attendee_ids(m) == {y}
    b.store.observations.add(team_id=b.team, youngster_id=y, date="2026-01-12",
                             behaviour="Hielp met afwassen")
    b.sync()
    a.sync()
    assert [o["behaviour"] for o in a.store.observations.for_youngster(y)] == \
        ["Hielp met afwassen"]
    assert content(a.store, a.team) == content(b.store, b.team)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_offline_edits_of_different_fields_merge(laptop_factory, order: str) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    y = add_youngster(a)
    a.sync(), b.sync()
    a.store.youngsters.update(y, alias="Sammy")
    b.store.youngsters.update(y, birth_year=2011)
    first, second = (a, b) if order == "ab" else (b, a)
    first.sync(), second.sync(), first.sync()
    for laptop in (a, b):
        record = laptop.store.youngsters.get(y)
        assert (record["alias"], record["birth_year"]) == ("Sammy", 2011)
        assert laptop.store.conflicts.open(laptop.team) == []
    assert content(a.store, a.team) == content(b.store, b.team)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_same_field_edited_offline_keeps_the_loser_as_conflict(laptop_factory,  # noqa: ANN001
                                                               order: str) -> None:
    a, b = laptop_factory(), laptop_factory()
    y = add_youngster(a)
    obs = a.store.observations.add(team_id=a.team, youngster_id=y, date="2026-01-12",
                                   behaviour="Zat in de hoek").id
    a.sync(), b.sync()
    a.store.observations.update(obs, behaviour="Zat in de hoek, versie A")
    b.store.observations.update(obs, behaviour="Zat in de hoek, versie B")
    first, second = (a, b) if order == "ab" else (b, a)
    first.sync(), second.sync(), first.sync()
    values = {laptop.store.records.get("observation", obs)["behaviour"] for laptop in (a, b)}
    assert len(values) == 1  # converged on one value
    for laptop in (a, b):
        conflicts = laptop.store.conflicts.open(laptop.team)
        assert len(conflicts) == 1
        both = {conflicts[0]["value"], conflicts[0]["winner_value"]}
        assert both == {"Zat in de hoek, versie A", "Zat in de hoek, versie B"}
    # Resolving by combining the text syncs to the other laptop.
    conflict = a.store.conflicts.open(a.team)[0]
    a.store.conflicts.resolve(conflict["id"], "Versie A en B samen")
    a.sync(), b.sync()
    assert b.store.records.get("observation", obs)["behaviour"] == "Versie A en B samen"
    assert b.store.conflicts.open(b.team) == []
    assert content(a.store, a.team) == content(b.store, b.team)


def test_delete_versus_edit_keeps_the_edited_text(laptop_factory) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    y = add_youngster(a)
    obs = a.store.observations.add(team_id=a.team, youngster_id=y, date="2026-01-12",
                                   behaviour="Eerste versie").id
    a.sync(), b.sync()
    a.store.observations.delete(obs)
    b.store.observations.update(obs, behaviour="Belangrijke aanvulling")
    a.sync(), b.sync(), a.sync()
    assert content(a.store, a.team) == content(b.store, b.team)
    texts = {c["value"] for c in a.store.conflicts.open(a.team)} | \
        {c["winner_value"] for c in a.store.conflicts.open(a.team)} | \
        {a.store.records.get("observation", obs, include_deleted=True)["behaviour"]}
    assert "Belangrijke aanvulling" in texts


def test_third_laptop_enrolled_later_receives_everything(laptop_factory) -> None:  # noqa: ANN001
    a = laptop_factory()
    ids = [add_youngster(a, f"Jongere {i}") for i in range(30)]
    a.store.youngsters.delete(ids[0])
    a.sync()
    c = laptop_factory()
    assert content(c.store, c.team) == content(a.store, a.team)
    assert len(c.store.youngsters.list(c.team)) == 29


def test_other_team_sees_nothing(laptop_factory) -> None:  # noqa: ANN001
    a = laptop_factory("Join Us Oost")
    other = laptop_factory("Join Us West")
    add_youngster(a)
    a.sync(), other.sync()
    assert other.store.youngsters.list(other.team) == []
    assert {t["name"] for t in other.store.teams.list()} == {"Join Us West"}


def test_erasure_reaches_every_laptop(laptop_factory) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    y = add_youngster(a, "Wis mij")
    keep = add_youngster(a, "Blijf")
    a.store.observations.add(team_id=a.team, youngster_id=y, date="2026-01-12",
                             behaviour="gevoelige notitie")
    a.sync(), b.sync()
    run_admin(a.server.database_url, "erase-youngster", y)
    a.sync(), b.sync()
    for laptop in (a, b):
        assert [r["alias"] for r in laptop.store.youngsters.list(laptop.team)] == ["Blijf"]
        assert laptop.store.observations.for_youngster(y) == []
        assert laptop.store.erasure.is_erased(y)
    # A laptop that edits the erased youngster offline cannot bring it back.
    assert keep


def test_revoked_laptop_is_told_and_keeps_working(laptop_factory) -> None:  # noqa: ANN001
    a = laptop_factory()
    y = add_youngster(a)
    a.sync()
    run_admin(a.server.database_url, "revoke-device", a.store.sync.get("server_device_id"))
    a.store.youngsters.update(y, alias="Lokaal bewerkt")
    with pytest.raises(SyncError) as caught:
        a.sync()
    assert caught.value.kind == "revoked"
    assert "revoked" in a.store.sync.get("last_error")
    assert a.store.youngsters.get(y)["alias"] == "Lokaal bewerkt"
    assert a.store.pending_changes() == 1  # kept for when the laptop is enrolled again


def test_work_done_before_enrolment_moves_into_the_team(laptop_factory, tmp_path) -> None:  # noqa: ANN001
    from joinus_desktop.demo import fill_demo
    from tests.conftest import FAST_ARGON2, PASSPHRASE

    store, _ = Store.create(tmp_path / "early", PASSPHRASE, argon2=FAST_ARGON2)
    summary = fill_demo(store, seed=2)
    a = laptop_factory(store=store)
    assert a.store.pending_changes() == 0
    b = laptop_factory()
    assert len(b.store.youngsters.list(b.team)) == summary.youngsters
    assert content(a.store, a.team) == content(b.store, b.team)


def test_server_restore_triggers_a_resync(laptop_factory) -> None:  # noqa: ANN001
    a = laptop_factory()
    y = add_youngster(a)
    a.sync()
    run_admin(a.server.database_url, "new-epoch")
    a.store.youngsters.update(y, alias="Na herstel")
    report = a.sync()
    assert report.resynced
    b = laptop_factory()
    assert b.store.youngsters.get(y)["alias"] == "Na herstel"


def test_a_losing_delete_comes_back_to_the_deleting_laptop(laptop_factory) -> None:  # noqa: ANN001
    """A deletes, B edits later (concurrently): the edit wins; A must not stay deleted."""
    a, b = laptop_factory(), laptop_factory()
    y = add_youngster(a)
    a.sync(), b.sync()
    a.store.youngsters.delete(y)
    b.store.youngsters.update(y, alias="Nog steeds hier")  # stamped after the delete
    b.sync()
    first = a.sync()
    second = a.sync()
    assert a.store.youngsters.get(y)["alias"] == "Nog steeds hier"
    b.sync()
    assert content(a.store, a.team) == content(b.store, b.team)
    assert not first.count_mismatch and not second.count_mismatch
    assert len(a.store.conflicts.open(a.team)) == 1  # the delete, kept for a person


def test_an_edit_pending_during_a_pull_that_loses_gets_the_winner(laptop_factory) -> None:  # noqa: ANN001
    """A types while a pull brings B's newer value; A's push then loses: A must end on B's."""
    a, b = laptop_factory(), laptop_factory()
    y = add_youngster(a)
    a.sync(), b.sync()
    a.store.youngsters.update(y, alias="A typed this first")  # pending on A
    b.store.youngsters.update(y, alias="B typed this later")  # greater stamp
    b.sync()
    # A pulls while its edit is still pending (the push happened before the edit).
    engine_pull_only(a)
    assert a.store.youngsters.get(y)["alias"] == "A typed this first"
    a.sync()  # A's edit is pushed, loses to B's newer one
    b.sync()
    assert a.store.youngsters.get(y)["alias"] == "B typed this later"
    assert content(a.store, a.team) == content(b.store, b.team)
    conflict = a.store.conflicts.open(a.team)[0]
    assert conflict["value"] == "A typed this first"


def engine_pull_only(laptop) -> None:  # noqa: ANN001
    from joinus_desktop.sync.engine import SyncEngine, SyncReport

    engine = SyncEngine(laptop.store)
    try:
        engine._pull(SyncReport())
    finally:
        engine.close()


def test_a_batch_bigger_than_the_servers_body_limit_goes_in_parts(laptop_factory) -> None:  # noqa: ANN001
    from joinus_desktop.sync.protocol import MAX_BODY_BYTES

    a, b = laptop_factory(), laptop_factory()
    # 150 meetings with the longest notes allowed, in a 3-byte UTF-8 character: ~9 MB
    # in one batch of 1000, over the server's 8 MiB limit.
    notes = "€" * 20_000
    ids = [s.id for s in a.store.records.insert_many(
        "meeting", [{"date": "2026-01-12", "notes": f"{i} {notes}"[:20_000]} for i in range(150)],
        team_id=a.team)]
    assert 150 * len(notes.encode()) > MAX_BODY_BYTES
    report = a.sync()
    assert report.pushed == 150 and report.applied == 150 and report.rejected == 0
    assert a.store.pending_changes() == 0
    b.sync()
    assert {m["id"] for m in b.store.meetings.list(b.team)} == set(ids)
    assert content(a.store, a.team) == content(b.store, b.team)


def test_a_window_holding_more_changes_than_the_server_takes_goes_in_parts(laptop_factory) -> None:  # noqa: ANN001
    """1000 outbox rows, one of them a new record edited since: 1001 changes."""
    a, b = laptop_factory(), laptop_factory()
    saved = a.store.records.insert_many("meeting", [{"date": "2026-01-12"}] * 1000,
                                        team_id=a.team)
    a.store.records.update("meeting", saved[0].id, {"place": "Buurthuis"})
    window = a.store.sync.outbox_batch(1000)
    assert len(window.seqs) == 1000 and len(window.changes) == 1001
    report = a.sync(push_batch=1000)
    assert report.rejected == 0 and a.store.pending_changes() == 0
    b.sync()
    assert len(b.store.meetings.list(b.team)) == 1000
    assert b.store.meetings.get(saved[0].id)["place"] == "Buurthuis"
