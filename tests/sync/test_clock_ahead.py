"""Issue 12, finding 2 on the laptop: the words say whose clock is wrong, and setting it
right is enough to get going again.

The server's rule (``clock_ahead``: a change or base stamp more than 5 minutes
ahead of the server's clock is refused) is played here by a scripted server on
loopback that answers exactly as that rule says; a poisoned entry from a real
server is in test_not_stored_sync.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from joinus_desktop.domain.hlc import MAX_DRIFT_MS, Stamp, wall_clock_ms
from joinus_desktop.domain.ids import uuid7
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, SyncReport
from joinus_desktop.sync.errors import SyncError
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.fake_server import FakeServer, Reply, Request

TEAM = uuid7()
EPOCH = "epoch-1"
YEAR_MS = 365 * 24 * 3600 * 1000


def ahead(stamp: str | None) -> bool:
    return stamp is not None and Stamp.parse(stamp).physical_ms > wall_clock_ms() + MAX_DRIFT_MS


class ClockRuleServer:
    """Answers pushes as the server's ``clock_ahead`` rule does; keeps what it applied."""

    def __init__(self, *, server_offset_ms: int = 0) -> None:
        self.offset = server_offset_ms
        self.applied: list[dict] = []

    def __call__(self, request: Request) -> Reply:
        now = wall_clock_ms() + self.offset
        if request.path == "/healthz":
            return Reply.of({"status": "ok", "server_time_ms": now})
        if request.path == "/api/v1/sync/push":
            body, results = request.json(), []
            for i, change in enumerate(body["changes"]):
                if ahead(change["stamp"]) or any(map(ahead, change["base"].values())):
                    results.append({"index": i, "id": change["id"], "outcome": "rejected",
                                    "code": "clock_ahead", "reason": "A stamp is more than 5 "
                                    "minutes ahead of the server's clock."})
                else:
                    self.applied.append(change)
                    results.append({"index": i, "id": change["id"], "outcome": "applied"})
            return Reply.of({"batch_id": body["batch_id"], "epoch": EPOCH, "results": results,
                             "server_time_ms": now})
        if request.path == "/api/v1/sync/pull":
            return Reply.of({"epoch": EPOCH, "cursor": 0, "has_more": False, "changes": [],
                             "server_time_ms": now})
        return Reply.of({})


@pytest.fixture
def laptop(tmp_path: Path):  # noqa: ANN201
    store, _ = Store.create(tmp_path / "laptop", PASSPHRASE, argon2=FAST_ARGON2)
    team = store.teams.create(name="Join Us Oost", municipality="Utrecht",
                              age_group="12-18").record["id"]
    store.sync.rehome_local_team(team, TEAM)
    yield store
    if not store.vault.is_locked:
        store.lock()


def sync(store: Store, url: str) -> SyncReport:
    store.sync.set(server_url=url, token="token", server_device_id="device", user_id="user",
                   epoch=EPOCH, teams=TEAM)
    engine = SyncEngine(store)
    try:
        return engine.run()
    finally:
        engine.close()


@pytest.mark.parametrize("offset_min, code, words", [
    (-60, "clock_ahead", "This laptop's clock is about 60 minutes ahead of the organisation "
                         "server's clock. Set this laptop's date and time correctly"),
    (60, "clock_behind", "This laptop's clock is about 60 minutes behind the organisation "
                         "server's clock. Set this laptop's date and time correctly"),
])
def test_the_laptop_says_its_own_clock_is_off_and_which_way(laptop: Store, offset_min: int,
                                                            code: str, words: str) -> None:
    with FakeServer(ClockRuleServer(server_offset_ms=offset_min * 60_000)) as fake:
        with pytest.raises(SyncError) as caught:
            sync(laptop, fake.url)
    assert caught.value.kind == "clock" and caught.value.code == code
    assert words in caught.value.message
    assert laptop.sync.get("last_error") == caught.value.message


def test_edits_made_while_the_clock_was_ahead_go_once_the_clock_is_right(laptop: Store) -> None:
    real_wall = laptop.clock._wall
    laptop.clock._wall = lambda: real_wall() + YEAR_MS  # the laptop's date was a year off
    y = laptop.youngsters.add(team_id=TEAM, alias="Sam", intake_date="2026-01-10").id
    laptop.clock._wall = real_wall  # …and is set right
    server = ClockRuleServer()
    with FakeServer(server) as fake:
        report = sync(laptop, fake.url)
        assert report.rejected >= 1
        refused = [r for r in laptop.sync.quarantined() if r["record_id"] == y]
        assert refused and {r["code"] for r in refused} == {"clock_ahead"}
        # Our hybrid clock stepped back: edits made now carry stamps of now, not next year.
        laptop.youngsters.update(y, exit_note="Vandaag")
        assert not ahead(laptop.youngsters.get(y)["versions"]["exit_note"])
        # "Try again" gives the refused change a stamp of now; the server takes it.
        for row in laptop.sync.quarantined():
            laptop.sync.retry_quarantined(row["seq"])
        report = sync(laptop, fake.url)
    assert report.rejected == 0 and laptop.sync.quarantined() == []
    assert laptop.pending_changes() == 0
    sent = [c for c in server.applied if c["id"] == y]
    assert {c["fields"].get("alias") for c in sent} >= {"Sam"}
    assert not any(ahead(c["stamp"]) for c in sent)
    assert not any(ahead(v) for v in laptop.youngsters.get(y)["versions"].values())


def test_a_new_edit_after_the_clock_is_right_goes_without_waiting_for_try_again(
        laptop: Store) -> None:
    server = ClockRuleServer()
    y = laptop.youngsters.add(team_id=TEAM, alias="Sam", intake_date="2026-01-10").id
    with FakeServer(server) as fake:
        sync(laptop, fake.url)  # the record reaches the server with a stamp of now
        real_wall = laptop.clock._wall
        laptop.clock._wall = lambda: real_wall() + YEAR_MS
        laptop.youngsters.update(y, alias="Sam (klok vooruit)")
        laptop.clock._wall = real_wall
        assert sync(laptop, fake.url).rejected == 1  # refused: clock_ahead
        laptop.youngsters.update(y, alias="Sam (klok goed)")
        report = sync(laptop, fake.url)
    assert report.rejected == 0 and laptop.pending_changes() == 0
    (last,) = [c for c in server.applied if c["fields"].get("alias") == "Sam (klok goed)"]
    assert not ahead(last["stamp"]) and last["base"] == {"alias": None}  # arbitrated
