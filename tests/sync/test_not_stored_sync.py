"""Issue 12, findings 1 and 2 on the laptop: a poisoned entry on the server no longer
stops every laptop of the team. Real server processes, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from joinus_desktop.domain.hlc import MAX_DRIFT_MS, Stamp, wall_clock_ms
from joinus_desktop.domain.ids import uuid7
from tests.support.postgres import postgres_server, postgres_url  # noqa: F401
from tests.support.server_process import ServerProcess

from .conftest import content
from .poison import future_stamp, store_on_server

HUGE = 2**63


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, server_factory, tmp_path: Path) -> ServerProcess:  # noqa: ANN001
    if request.param == "sqlite":
        return server_factory(f"sqlite:///{tmp_path / 'server.db'}")
    return server_factory(str(request.getfixturevalue("postgres_url")))


def poison(a, y: str) -> dict[str, str]:  # noqa: ANN001
    """Three entries issue 12 found stored on a server, between good ones."""
    url, team, author = a.server.database_url, a.team, a.store.sync.get("user_id")
    response, ahead = uuid7(), uuid7()
    store_on_server(url, entity="questionnaire_response", record_id=response, team_id=team,
                    youngster_id=y, author=author, values={
                        "youngster_id": y, "instrument_id": "rses", "instrument_version": HUGE,
                        "moment": "T0", "date": "2026-01-20", "answers": {"1": 2},
                        "scores": None, "supersedes": None, "deleted": False})
    store_on_server(url, entity="youngster", record_id=y, team_id=team, youngster_id=y,
                    author=author, values={"birth_year": HUGE})
    store_on_server(url, entity="youngster", record_id=ahead, team_id=team, youngster_id=ahead,
                    author=author, stamp=future_stamp(), values={
                        "alias": "Uit de toekomst", "birth_year": None,
                        "intake_date": "2026-01-10", "status": "intake", "exit_date": None,
                        "exit_reason": None, "exit_note": None, "consent_date": None,
                        "consent_youngster": False, "consent_guardian": False,
                        "deleted": False})
    return {"response": response, "ahead": ahead}


def test_a_poisoned_entry_is_kept_aside_and_the_rest_of_the_team_syncs(laptop_factory) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    y = a.store.youngsters.add(team_id=a.team, alias="Sam", intake_date="2026-01-10",
                               birth_year=2010).id
    a.store.observations.add(team_id=a.team, youngster_id=y, date="2026-01-12",
                             behaviour="Voor het gif")
    a.sync()
    bad = poison(a, y)
    after = a.store.observations.add(team_id=a.team, youngster_id=y, date="2026-01-13",
                                     behaviour="Na het gif").id
    a.sync()

    report = b.sync()  # before issue 12: OverflowError, on every sync, on every laptop
    assert report.not_stored == 3
    assert b.store.youngsters.get(y)["birth_year"] == 2010  # the bad value left out
    # The rest of the page applied.
    assert b.store.records.get("observation", after)["behaviour"] == "Na het gif"
    rows = b.store.sync.not_stored()
    assert {(r["entity"], r["record_id"], r["problems"][0]["code"]) for r in rows} == {
        ("questionnaire_response", bad["response"], "out_of_range"),
        ("youngster", y, "out_of_range"),
        ("youngster", bad["ahead"], "stamp_ahead")}
    # The year-ahead stamp is its sender's problem: not absorbed into this laptop's clock.
    assert Stamp.parse(b.store.clock.now()).physical_ms < wall_clock_ms() + MAX_DRIFT_MS

    # Not retried forever, nor blocking: the next runs pull nothing new and keep one row each.
    later = a.store.observations.add(team_id=a.team, youngster_id=y, date="2026-01-14",
                                     behaviour="Later").id
    a.sync()
    report = b.sync()
    assert report.not_stored == 0 and len(b.store.sync.not_stored()) == 3
    assert b.store.records.get("observation", later)["behaviour"] == "Later"

    # A laptop enrolled later gets the team too (its enrolment syncs at once).
    c = laptop_factory()
    assert c.store.records.get("observation", after)["behaviour"] == "Na het gif"
    assert len(c.store.sync.not_stored()) == 3
    assert content(b.store, b.team)["observation"] == content(c.store, c.team)["observation"]
