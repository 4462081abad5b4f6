from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from joinus_desktop.store.errors import WrongPassphrase
from joinus_desktop.store.store import Store
from joinus_desktop.ui.i18n import requested_language
from joinus_desktop.ui.main_window import MainWindow
from joinus_desktop.ui.settings.export import ExportCard
from joinus_desktop.ui.settings.passphrase import PassphraseCard
from joinus_desktop.ui.settings.prefs import LANGUAGE_KEY, preferences

from .conftest import PASS


@pytest.fixture
def own_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings in a temporary folder, never the tester's own."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield tmp_path / "qs"
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def test_language_switch_is_applied_and_remembered(qtbot, demo_store: Store, own_settings) -> None:  # noqa: ANN001
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    window.go_to(MainWindow.SETTINGS)
    old = window.settings
    old.choose_language("nl")
    assert QSettings().value(LANGUAGE_KEY) == "nl" and preferences().language() == "nl"
    assert requested_language() == "nl"
    assert window.settings is not old  # rebuilt at once
    assert window.settings.language.currentData() == "nl"
    assert window.current_page() == MainWindow.SETTINGS
    window.settings.choose_language("en")
    assert preferences().language() == "en"
    assert window.nav.item(0).text() == "Today"


def test_lock_minutes_remembered(qtbot, demo_store: Store, own_settings) -> None:  # noqa: ANN001
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    changed: list[int] = []
    preferences().lock_minutes_changed.connect(changed.append)
    try:
        combo = window.settings.lock_minutes
        assert combo.currentData() == 10  # the default
        combo.setCurrentIndex(combo.findData(5))
    finally:
        preferences().lock_minutes_changed.disconnect(changed.append)
    assert preferences().lock_minutes() == 5 and changed == [5]


def test_change_passphrase(qtbot, demo_dir: Path, demo_store: Store) -> None:  # noqa: ANN001
    card = PassphraseCard(demo_store)
    qtbot.addWidget(card)
    card.show()
    new = "a brand new long passphrase"
    card.current.setText("wrong passphrase!")
    card.new.setText(new)
    card.repeat.setText("something else")
    assert not card.button.isEnabled() and "differ" in card.feedback.text()
    card.repeat.setText(new)
    assert card.button.isEnabled() and card.feedback.text() == "Strong."
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not right" in card.message.text(), timeout=10_000)
    card.current.setText(PASS)
    with qtbot.waitSignal(card.changed, timeout=10_000):
        qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert card.current.text() == card.new.text() == ""
    from joinus_desktop.ui import tasks

    tasks.wait_for_idle()
    demo_store.lock()
    with pytest.raises(WrongPassphrase):
        Store.open(demo_dir, PASS)
    Store.open(demo_dir, new).lock()


def test_export_needs_the_warning_confirmed(qtbot, demo_store: Store, tmp_path: Path) -> None:  # noqa: ANN001
    card = ExportCard(demo_store)
    qtbot.addWidget(card)
    card.show()
    target = tmp_path / "out.json"
    card.choose_path = lambda: target
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    box = card.warning_box
    assert box is not None and box.isVisible() and "NOT encrypted" in box.text()
    box.reject()  # Cancel / Esc
    qtbot.wait(100)
    assert not target.exists()

    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(card.exported, timeout=10_000):
        qtbot.mouseClick(card.confirm, Qt.MouseButton.LeftButton)
    data = json.loads(target.read_text(encoding="utf-8"))
    team_id = demo_store.teams.current()["id"]
    assert len(data["records"]["youngster"]) == len(demo_store.youngsters.list(team_id)) > 0
    assert "Exported" in card.message.text()
