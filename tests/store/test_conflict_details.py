"""A conflict in a social worker's words: which record, which field, who wrote what, when.

The conflicts arrive as a pull would bring them (``apply_page``), the way the
server makes them; names come from the vault as a sync keeps them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from joinus_desktop.domain.hlc import Stamp
from joinus_desktop.domain.ids import uuid7
from joinus_desktop.store.conflict_details import describe_open, stamp_when
from joinus_desktop.store.members import save_members
from joinus_desktop.store.store import Store
from joinus_desktop.sync.protocol import PulledChange

ANNA, BRAM, ME = "0197a000-0000-7000-8000-00000000000a", "0197a000-0000-7000-8000-00000000000b", \
    "0197a000-0000-7000-8000-00000000000c"
NOW = dt.datetime(2026, 5, 14, 16, 30)
_cursor = itertools.count(1)


def at(day: int, hour: int, minute: int, node: str = "laptop-anna") -> str:
    """A stamp at a local wall-clock time in May 2026."""
    ms = int(dt.datetime(2026, 5, day, hour, minute).timestamp() * 1000)
    return str(Stamp(ms, 0, node))


def pull_conflict(store: Store, team: str, record_id: str, field: str, **values: Any) -> None:
    conflict = {"entity": "observation", "record_id": record_id, "field": field,
                "resolved": False, **values}
    stamp = str(Stamp(int(NOW.timestamp() * 1000), 0, "server"))
    store.sync.apply_page([PulledChange(next(_cursor), "change", team, "conflict", uuid7(),
                                        conflict, stamp, "server")],
                          cursor=next(_cursor), epoch="e")


@pytest.fixture
def sam(store: Store, team: dict) -> dict[str, str]:
    store.sync.set(user_id=ME)
    save_members(store, {"members": [{"id": ANNA, "name": "Anna de Vries", "team_ids": []},
                                     {"id": ME, "name": "Mij", "team_ids": []}]})
    young = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-01-12")
    meeting = store.meetings.add(team_id=team["id"], date="2026-05-12",
                                 place="Buurthuis De Pijp")
    obs = store.observations.add(team_id=team["id"], youngster_id=young.record["id"],
                                 meeting_id=meeting.record["id"], date="2026-05-12",
                                 behaviour="Zat in de hoek met zijn telefoon.",
                                 context="Tijdens het spel")
    return {"team": team["id"], "observation": obs.record["id"]}


def test_a_field_conflict_names_the_record_the_field_and_both_authors(
        store: Store, sam: dict[str, str]) -> None:
    obs = sam["observation"]
    saved = store.observations.update(obs, behaviour="Mijn versie")
    mine = saved.record["versions"]["behaviour"]
    pull_conflict(store, sam["team"], obs, "behaviour", value="Anna's versie",
                  stamp=at(13, 9, 5), author=ANNA, winner_value="Mijn versie",
                  winner_stamp=mine, winner_author=ME)
    [nl] = describe_open(store, sam["team"], "nl", now=NOW)
    assert nl.title == "Observatie van Sam, bijeenkomst 12 mei 2026, Buurthuis De Pijp"
    assert nl.field == "Wat je zag"
    assert (nl.other.who, nl.other.when) == ("Anna de Vries", "gisteren om 09:05")
    assert nl.other.byline == "Anna de Vries · gisteren om 09:05"
    assert nl.kept.who == "jij" and nl.kept.mine and nl.kept.byline.startswith("Jij · ")
    assert (nl.kept.shown, nl.other.shown) == ("Mijn versie", "Anna's versie")
    assert not nl.is_delete
    [en] = describe_open(store, sam["team"], "en", now=NOW)
    assert en.title == "Observation of Sam, meeting 12 May 2026, Buurthuis De Pijp"
    assert (en.field, en.other.when, en.kept.who) == ("What you observed",
                                                        "yesterday at 09:05", "you")


def test_an_author_the_laptop_does_not_know_is_a_colleague_never_an_id(
        store: Store, sam: dict[str, str]) -> None:
    # An observation a colleague wrote, pulled; then a conflict from before
    # winner_author existed, whose losing side is by someone the laptop never heard of.
    record_id, kept = uuid7(), at(2, 12, 0, "laptop-y")
    young = store.records.get("observation", sam["observation"])["youngster_id"]
    store.sync.apply_page([PulledChange(
        next(_cursor), "change", sam["team"], "observation", record_id,
        {"youngster_id": young, "date": "2026-05-02", "behaviour": "Binnen",
         "suspected_cause": "unknown", "tags": []}, kept, BRAM)],
        cursor=next(_cursor), epoch="e")
    pull_conflict(store, sam["team"], record_id, "behaviour", value="Buiten",
                  stamp=at(2, 11, 0, "laptop-x"), author=BRAM, winner_value="Binnen",
                  winner_stamp=kept)
    [item] = describe_open(store, sam["team"], "nl", now=NOW)
    assert item.other.who == "een collega (onbekend)" and not item.other.known
    assert item.kept.who == "een collega (onbekend)"
    assert item.other.byline == "Een collega (onbekend) · 2 mei 2026 om 11:00"
    assert item.title == "Observatie van Sam, 2 mei 2026"  # no meeting: the date
    assert BRAM not in repr([item.title, item.field, item.kept, item.other])


def test_a_delete_conflict_holds_the_text_deleting_would_lose(
        store: Store, sam: dict[str, str]) -> None:
    obs = sam["observation"]
    # Anna's edit lost against a newer delete (made on this laptop): the record is a
    # tombstone here, and still holds its text.
    deleted = store.observations.delete(obs).record["versions"]["deleted"]
    pull_conflict(store, sam["team"], obs, "deleted", value=False, stamp=at(13, 10, 0),
                  author=ANNA, winner_value=True, winner_stamp=deleted, winner_author=ME)
    [item] = describe_open(store, sam["team"], "nl", now=NOW)
    assert item.is_delete and item.delete_side == "kept" and item.record_deleted
    assert item.title == ("Observatie van Sam, bijeenkomst 12 mei 2026, Buurthuis De Pijp "
                          "(verwijderd)")
    assert item.edit.who == "Anna de Vries" and item.delete.who == "jij"
    assert item.at_stake == (("Wat je zag", "Zat in de hoek met zijn telefoon."),
                             ("Context", "Tijdens het spel"))


def test_a_delete_that_lost_names_the_deleter(store: Store, sam: dict[str, str]) -> None:
    obs = sam["observation"]
    edited = store.observations.update(obs, behaviour="Bewerkt").record["versions"][
        "behaviour"]
    pull_conflict(store, sam["team"], obs, "deleted", value=True, stamp=at(12, 20, 15),
                  author=ANNA, winner_value=False, winner_stamp=edited, winner_author=ME)
    [item] = describe_open(store, sam["team"], "en", now=NOW)
    assert item.delete_side == "other" and not item.record_deleted
    assert (item.delete.who, item.delete.when) == ("Anna de Vries", "12 May 2026 at 20:15")
    assert item.edit.mine
    assert ("What you observed", "Bewerkt") in item.at_stake


def test_a_stamp_that_is_not_one_reads_as_an_unknown_time() -> None:
    assert stamp_when("nonsense", "nl") == "op een onbekend moment"
    assert stamp_when(None, "en") == "at an unknown time"


def test_a_very_long_name_is_shortened_where_it_is_shown(store: Store,
                                                         sam: dict[str, str]) -> None:
    save_members(store, {"members": [{"id": BRAM, "name": "Bram " + "x" * 150}]})
    pull_conflict(store, sam["team"], sam["observation"], "context", value="Buiten",
                  stamp=at(2, 11, 0, "laptop-x"), author=BRAM, winner_value="Binnen",
                  winner_stamp=at(2, 12, 0, "laptop-y"))
    [item] = describe_open(store, sam["team"], "nl", now=NOW)
    assert item.other.who.startswith("Bram xxx") and item.other.who.endswith("…")
    assert len(item.other.who) == 40
