"""Consent flags in the youngsters list and on Today; retention due and erasure from the UI."""

from __future__ import annotations

from PySide6.QtCore import Qt

from joinus_desktop.store.store import Store
from joinus_desktop.ui.main_window import MainWindow
from joinus_desktop.ui.youngsters.model import ID_ROLE


def _window(qtbot, store: Store) -> MainWindow:  # noqa: ANN001
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.sync_service.stop()
    return window


def test_consent_flags_in_list_detail_and_today(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    team = demo_store.teams.current()["id"]
    first, second = demo_store.youngsters.list(team)[:2]
    demo_store.youngsters.update(first["id"], consent_date=None, consent_youngster=False)
    demo_store.youngsters.update(second["id"], consent_youngster=False)
    window = _window(qtbot, demo_store)
    card = window.today.privacy_card
    qtbot.waitUntil(lambda: card.snapshot is not None, timeout=10_000)
    assert card.isVisibleTo(window)
    text = card.consent_text.text()
    assert text.startswith("No consent recorded: ")
    assert first["alias"] in text and second["alias"] in text
    flagged_aliases = {first["alias"], second["alias"]}
    assert not any(y["alias"] in text for y in demo_store.youngsters.list(team)
                   if y["alias"] not in flagged_aliases)

    window.go_to(MainWindow.YOUNGSTERS)
    view = window.youngsters
    qtbot.waitUntil(lambda: view.consent.flagged() == {first["id"], second["id"]},
                    timeout=10_000)
    marked = set()
    for r in range(view.consent.rowCount()):
        index = view.consent.index(r, 0)
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            marked.add(index.data(ID_ROLE))
            assert index.data(Qt.ItemDataRole.ToolTipRole) == "No consent recorded"
    assert marked == {first["id"], second["id"]}
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        view.select_youngster(first["id"])
    assert view.detail.consent_flag.isVisibleTo(view)


def test_retention_due_listed_and_erased_from_today(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    team = demo_store.teams.current()["id"]
    exited = demo_store.youngsters.list(team, status="exited")
    assert exited
    demo_store.set_meta("retention_months", "1")  # the demo's exits are months ago
    window = _window(qtbot, demo_store)
    card = window.today.privacy_card
    qtbot.waitUntil(lambda: card.snapshot is not None, timeout=10_000)
    listed = {d.youngster_id for d in card.snapshot.retention}
    assert listed and listed <= {y["id"] for y in exited}
    target = card.snapshot.retention[0]
    assert target.alias in card.retention_text.text()
    card.retention_text.linkActivated.emit(f"erase:{target.youngster_id}")
    dialog = card.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: "observation" in dialog.what.text(), timeout=10_000)
    assert target.alias in dialog.what.text()
    assert not dialog.erase_button.isEnabled()
    dialog.confirm_text.setText("not the name")
    assert not dialog.erase_button.isEnabled()
    dialog.confirm_text.setText(target.alias)
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        dialog.erase_button.click()
    assert demo_store.erasure.is_erased(target.youngster_id)
    assert target.youngster_id not in {d.youngster_id for d in card.snapshot.retention}
    assert target.alias not in card.retention_text.text()
    assert [e["action"] for e in demo_store.audit.entries(record_id=target.youngster_id)] \
        == ["erase"]


def test_group_privacy_section_always_shows(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    window.go_to(MainWindow.GROUP)
    card = window.group.privacy_card
    qtbot.waitUntil(lambda: card.snapshot is not None, timeout=10_000)
    assert card.isVisibleTo(window)
    assert card.retention_text.text() == "Nobody is due for erasure."
