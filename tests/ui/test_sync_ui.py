"""Sync in the window, against a real `joinus-server` process on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, enroll
from joinus_desktop.ui.main_window import MainWindow
from joinus_desktop.ui.sync.conflicts import ReviewDialog
from joinus_desktop.ui.sync.enroll import EnrollDialog
from tests.support.server_process import ensure_team, run_admin, server_factory  # noqa: F401

from .conftest import FAST, PASS


@pytest.fixture
def server(server_factory, tmp_path: Path):  # noqa: ANN001, ANN201, F811
    return server_factory(f"sqlite:///{tmp_path / 'server.db'}")


def invite(server, email: str) -> str:  # noqa: ANN001
    team = ensure_team(server.database_url, "Join Us Oost", in_process=True)
    run_admin(server.database_url, "create-user", email, "--name", email.split("@")[0],
              "--team", team, in_process=True)
    return run_admin(server.database_url, "invite", email, in_process=True)["code"]


def engine_sync(store: Store) -> None:
    engine = SyncEngine(store)
    try:
        engine.run()
    finally:
        engine.close()


def test_connect_from_the_window_then_background_sync(qtbot, demo_store: Store,  # noqa: ANN001
                                                      server, monkeypatch) -> None:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    monkeypatch.setattr(EnrollDialog, "exec", lambda self: self._run_for_test())

    def run_for_test(dialog: EnrollDialog) -> int:
        dialog.url.setText(server.url)
        dialog.code.setText(invite(server, "ui@example.org"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: dialog.answer is not None or bool(dialog.message.text()),
                        timeout=20_000)
        assert dialog.answer is not None, dialog.message.text()
        return EnrollDialog.DialogCode.Accepted

    monkeypatch.setattr(EnrollDialog, "_run_for_test", run_for_test, raising=False)
    window.sync_status.action.click()  # "Connect…"
    status = window.sync_status
    qtbot.waitUntil(lambda: window.sync_service.status.state == "online", timeout=60_000)
    qtbot.waitUntil(lambda: window.sync_service.status.pending == 0, timeout=10_000)
    assert "Online" in status.text.text() and "last sync" in status.text.text()
    assert status.action.text() == "Sync now"
    # The demo group moved into the server's team and reached the server.
    team = demo_store.teams.current()
    assert team["name"] == "Join Us Oost"
    assert len(demo_store.youngsters.list(team["id"])) == 12

    # A local edit is synced in the background, without pressing anything.
    window.sync_service._after_edit_ms = 100
    youngster = demo_store.youngsters.list(team["id"])[0]
    demo_store.youngsters.update(youngster["id"], alias="Bewerkt in het venster")
    window.refresh_pending()
    qtbot.waitUntil(lambda: demo_store.pending_changes() == 0, timeout=30_000)
    window.sync_service.stop()


def test_review_dialog_resolves_a_conflict(qtbot, demo_store: Store, server,  # noqa: ANN001
                                           tmp_path: Path) -> None:
    enroll(demo_store, server.url, invite(server, "a@example.org"))
    engine_sync(demo_store)
    other, _ = Store.create(tmp_path / "other", PASS, argon2=FAST)
    enroll(other, server.url, invite(server, "b@example.org"))
    engine_sync(other)
    team = demo_store.teams.current()["id"]
    obs = demo_store.observations.for_youngster(
        demo_store.youngsters.list(team)[0]["id"])[0]["id"]
    demo_store.observations.update(obs, behaviour="Versie van laptop A")
    other.observations.update(obs, behaviour="Versie van laptop B")
    engine_sync(demo_store), engine_sync(other), engine_sync(demo_store)

    dialog = ReviewDialog(demo_store, team)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=10_000)
    card = dialog.cards[0]
    card.combined.setPlainText("A en B samen")
    (save,) = [b for b in card.findChildren(QPushButton) if b.text() == "Save combined text"]
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        save.click()
    assert demo_store.records.get("observation", obs)["behaviour"] == "A en B samen"
    assert demo_store.conflicts.open(team) == []
    engine_sync(demo_store), engine_sync(other)
    assert other.records.get("observation", obs)["behaviour"] == "A en B samen"
    other.lock()


def test_an_unreachable_server_shows_offline_with_the_next_try(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    from joinus_desktop.ui import tasks
    from joinus_desktop.ui.sync.service import SyncService
    from joinus_desktop.ui.sync.status import SyncStatusWidget
    from tests.support.postgres import free_port

    demo_store.sync.set(server_url=f"http://127.0.0.1:{free_port()}", token="t",
                        server_device_id="d")  # enrolled, but nobody listens there
    service = SyncService(demo_store)
    widget = SyncStatusWidget(service)
    qtbot.addWidget(widget)
    service.start()  # reads the status, sees it enrolled, and syncs
    qtbot.waitUntil(lambda: service.status.state == "offline", timeout=20_000)
    tasks.wait_for_idle()  # the status read queued with the failure has landed too
    qtbot.wait(50)
    assert service.status.next_attempt_s == 30
    assert "next try in 30 s" in widget.text.text()
    service.refresh_status()  # a plain refresh (e.g. the pending-changes timer) keeps it
    tasks.wait_for_idle()
    qtbot.wait(50)
    assert service.status.state == "offline"
    assert service.status.next_attempt_s is not None and 1 <= service.status.next_attempt_s <= 30
    service.stop()


def test_a_refresh_queued_right_after_a_failure_does_not_bring_back_syncing(
        qtbot, demo_store: Store) -> None:  # noqa: ANN001
    from dataclasses import replace

    from joinus_desktop.sync.errors import SyncError
    from joinus_desktop.ui import tasks
    from joinus_desktop.ui.sync.service import SyncService

    demo_store.sync.set(server_url="http://127.0.0.1:9", token="t", server_device_id="d")
    service = SyncService(demo_store)
    service._set(replace(service.status, state="syncing", enrolled=True))
    service._failed(SyncError("network", "Cannot reach the organisation server."))
    service.refresh_status()  # an edit right then: queued before the failure's own read
    tasks.wait_for_idle()
    qtbot.wait(50)
    assert service.status.state == "offline"
    assert service.status.next_attempt_s is not None
    service.stop()


def invite_named(server, email: str, name: str) -> str:  # noqa: ANN001
    team = ensure_team(server.database_url, "Join Us Oost", in_process=True)
    run_admin(server.database_url, "create-user", email, "--name", name, "--team", team,
              in_process=True)
    return run_admin(server.database_url, "invite", email, in_process=True)["code"]


def card_texts(card: QWidget) -> list[str]:
    return [label.text() for label in card.findChildren(QLabel)]


def test_review_dialog_names_the_record_the_authors_and_what_a_delete_loses(
        qtbot, demo_store: Store, server, tmp_path: Path) -> None:  # noqa: ANN001
    """Finding 6 of issue 12: no user ids; the youngster, the meeting, names and times;
    a delete conflict shows the text at stake. In Dutch, as the app starts."""
    from joinus_desktop.store.conflict_details import long_date
    from joinus_desktop.ui.i18n import set_language

    enroll(demo_store, server.url, invite_named(server, "anna@example.org", "Anna de Vries"))
    engine_sync(demo_store)
    other, _ = Store.create(tmp_path / "other", PASS, argon2=FAST)
    enroll(other, server.url, invite_named(server, "bram@example.org", "Bram Jansen"))
    engine_sync(other)
    team = demo_store.teams.current()["id"]
    observations = [o for y in demo_store.youngsters.list(team)
                    for o in demo_store.observations.for_youngster(y["id"]) if o["meeting_id"]]
    edited, deleted = observations[0], observations[1]
    demo_store.observations.update(edited["id"], behaviour="Versie van Anna")
    other.observations.update(edited["id"], behaviour="Versie van Bram")
    # Anna deletes an observation; Bram, not knowing, then edits it.
    demo_store.observations.delete(deleted["id"])
    other.observations.update(deleted["id"], behaviour="Bram zag dat hij lachte.")
    engine_sync(demo_store), engine_sync(other), engine_sync(demo_store)
    bram_id = other.sync.get("user_id")
    anna_id = demo_store.sync.get("user_id")

    set_language("nl")
    try:
        dialog = ReviewDialog(demo_store, team)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: len(dialog.cards) == 2, timeout=10_000)
        by_record = {card.item.conflict["record_id"]: card for card in dialog.cards}
        field_card, delete_card = by_record[edited["id"]], by_record[deleted["id"]]

        meeting = demo_store.records.get("meeting", edited["meeting_id"])
        alias = demo_store.youngsters.get(edited["youngster_id"])["alias"]
        texts = card_texts(field_card)
        assert (f"Observatie van {alias}, bijeenkomst {long_date(meeting['date'], 'nl')}, "
                f"{meeting['place']}") in texts
        assert "Wat je zag" in texts
        assert any(t.startswith("Bram Jansen · vandaag om ") for t in texts), texts
        assert any(t.startswith("Jij · vandaag om ") for t in texts), texts
        assert {"Versie van Anna", "Versie van Bram"} <= set(texts)
        buttons = {b.text() for b in field_card.findChildren(QPushButton)}
        assert {"Jouw versie bewaren", "De versie van Bram Jansen bewaren"} <= buttons

        texts = card_texts(delete_card)
        assert "Bram zag dat hij lachte." in texts  # the text a delete would lose
        assert "Wat je zag" in texts
        assert any(t.startswith("Bram Jansen · vandaag om ") for t in texts), texts
        assert any(t.startswith("Jij · vandaag om ") for t in texts), texts
        buttons = {b.text() for b in delete_card.findChildren(QPushButton)}
        assert {"Verwijderen", "De bewerking van Bram Jansen bewaren"} <= buttons
        for card in dialog.cards:  # never a raw user id, nor a bare ✗/✓
            shown = " ".join(card_texts(card))
            assert bram_id not in shown and anna_id not in shown
            assert "✗" not in shown and "✓" not in shown
    finally:
        set_language("en")
        other.lock()


def test_many_conflicts_are_laid_out_a_few_per_turn(qtbot, monkeypatch) -> None:  # noqa: ANN001
    """Each card takes milliseconds: a long list is built across turns of the event loop,
    in order, above the refused changes, and no turn builds more than its budget allows."""
    from joinus_desktop.store.conflict_details import ConflictDetails, Version
    from joinus_desktop.ui.sync import conflicts

    version = Version("tekst", "tekst", "Anna", "vandaag om 10:00", False, True)
    items = [ConflictDetails({"id": f"c{i}", "value": "andere"}, f"Observatie {i}",
                             "Wat je zag", version, version, False) for i in range(40)]
    refused = [{"seq": 1, "reason": "Te lang", "code": "invalid_record", "entity": "meeting"}]
    monkeypatch.setattr(conflicts, "load_review",
                        lambda *_: conflicts.ReviewData(items, refused))
    monkeypatch.setattr(conflicts, "CARD_BUDGET_S", 0.0)  # one card per turn
    dialog = ReviewDialog(None, "team")  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.cards) >= 1, timeout=10_000)
    assert len(dialog.cards) < len(items)  # not all in the turn that showed the first
    qtbot.waitUntil(lambda: len(dialog.cards) == len(items), timeout=10_000)
    shown = [dialog.body.itemAt(i).widget() for i in range(dialog.body.count())]
    assert shown[:40] == dialog.cards
    assert [card.item.title for card in dialog.cards] == [f"Observatie {i}" for i in range(40)]
    assert "Te lang" in " ".join(card_texts(shown[40]))
