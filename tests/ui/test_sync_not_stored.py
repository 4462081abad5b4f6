"""The review view lists what sync kept aside, in words: an entry from the server this
laptop could not store (through a real server), and this laptop's own change refused
because its clock was ahead (``clock_ahead``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from joinus_desktop.domain.ids import uuid7
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import enroll
from joinus_desktop.sync.protocol import ChangeResult
from joinus_desktop.ui.sync.conflicts import ReviewDialog
from joinus_desktop.ui.sync.not_stored import NotStoredCard
from joinus_desktop.ui.sync.service import SyncService
from joinus_desktop.ui.sync.status import SyncStatusWidget
from tests.support.server_process import ensure_team, run_admin, server_factory  # noqa: F401
from tests.support.syncing import sync
from tests.sync.poison import future_stamp, store_on_server


@pytest.fixture
def server(server_factory, tmp_path: Path):  # noqa: ANN001, ANN201, F811
    return server_factory(f"sqlite:///{tmp_path / 'server.db'}")


def enrolled(store: Store, server) -> None:  # noqa: ANN001
    team = ensure_team(server.database_url, "Join Us Oost", in_process=True)
    run_admin(server.database_url, "create-user", "a@example.org", "--name", "A", "--team",
              team, in_process=True)
    code = run_admin(server.database_url, "invite", "a@example.org", in_process=True)["code"]
    enroll(store, server.url, code)
    sync(store)


def texts(widget) -> str:  # noqa: ANN001
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_the_review_view_lists_an_entry_this_laptop_could_not_store(
        qtbot, demo_store: Store, server) -> None:  # noqa: ANN001
    enrolled(demo_store, server)
    team = demo_store.teams.current()["id"]
    sam = demo_store.youngsters.list(team)[0]
    response, ahead = uuid7(), uuid7()
    store_on_server(server.database_url, entity="questionnaire_response", record_id=response,
                    team_id=team, youngster_id=sam["id"], author="hostile", values={
                        "youngster_id": sam["id"], "instrument_id": "rses",
                        "instrument_version": 2**63, "moment": "T0", "date": "2026-01-20",
                        "answers": {"1": 2}, "scores": None, "supersedes": None,
                        "deleted": False})
    store_on_server(server.database_url, entity="meeting", record_id=ahead, team_id=team,
                    author="hostile", stamp=future_stamp(), values={
                        "date": "2026-01-20", "place": "Buurthuis", "activities": None,
                        "notes": None, "deleted": False})
    store_on_server(server.database_url, entity="youngster", record_id=sam["id"], team_id=team,
                    youngster_id=sam["id"], author="hostile", values={"birth_year": 2**63})
    sync(demo_store)

    dialog = ReviewDialog(demo_store, team)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.findChildren(NotStoredCard)) == 3, timeout=10_000)
    shown = texts(dialog)
    assert f"Not stored on this laptop: A questionnaire of {sam['alias']}" in shown
    assert "Questionnaire version: the number is too large to store." in shown
    assert "This is missing on this laptop. The rest of the sync went ahead as usual." in shown
    assert f"Not stored on this laptop: A youngster ({sam['alias']})" in shown
    assert ("Birth year: the number is too large to store." in shown
            and "The field named above keeps its previous value on this laptop." in shown)
    assert "Not stored on this laptop: A meeting" in shown
    assert "whose clock was far ahead" in shown and "This laptop's clock is not the problem" \
        in shown
    assert "Traceback" not in shown and "OverflowError" not in shown

    # Dismissed: off the list, for good (a later sync does not bring it back).
    card = dialog.findChildren(NotStoredCard)[0]
    (dismiss,) = [b for b in card.findChildren(QPushButton) if b.text() == "Dismiss"]
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dismiss.click()
    assert len(demo_store.sync.not_stored()) == 2
    sync(demo_store)
    assert len(demo_store.sync.not_stored()) == 2
    assert not dialog.intro.isVisible()  # the words about conflicts: none listed


def test_a_change_refused_for_a_clock_ahead_says_so_in_the_review_and_the_status(
        qtbot, demo_store: Store) -> None:  # noqa: ANN001
    team = demo_store.teams.current()["id"]
    batch = demo_store.sync.outbox_batch(5000)
    demo_store.sync.acknowledge(batch, [ChangeResult(i, c.id, "applied")
                                        for i, c in enumerate(batch.changes)])
    y = demo_store.youngsters.list(team)[0]["id"]
    demo_store.youngsters.update(y, exit_note="Gemaakt met de klok vooruit")
    batch = demo_store.sync.outbox_batch(5000)
    (change,) = batch.changes
    demo_store.sync.acknowledge(batch, [ChangeResult(
        0, change.id, "rejected", "clock_ahead", "A stamp is ahead of the server clock.")])

    dialog = ReviewDialog(demo_store, team)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "clock" in texts(dialog), timeout=10_000)
    assert ("This laptop's clock was ahead when this change was made, so the organisation "
            "server refused it. Set this laptop's date and time correctly, then choose Try "
            "again.") in texts(dialog)

    service = SyncService(demo_store)
    widget = SyncStatusWidget(service)
    qtbot.addWidget(widget)
    service.refresh_status("online")
    qtbot.waitUntil(lambda: service.status.clock_ahead == 1, timeout=10_000)
    assert "this laptop's clock was ahead: set its date and time correctly" in \
        widget.text.text()
    assert widget.conflicts.text() == "1 item to review"

    # A sync refused because this laptop's clock is ahead now: the status says whose.
    service._set(replace(service.status, state="error", error_code="clock_ahead"))
    assert widget.text.text().startswith("This laptop's clock is ahead of the server's: set "
                                         "this laptop's date and time correctly")
    service.stop()
