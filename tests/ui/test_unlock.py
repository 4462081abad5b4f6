from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from joinus_desktop.store.errors import KeyFileDamaged
from joinus_desktop.store.store import Store
from joinus_desktop.ui.unlock import UnlockWindow

from .conftest import PASS


def test_wrong_then_right_passphrase(qtbot, demo_dir: Path) -> None:  # noqa: ANN001
    window = UnlockWindow(demo_dir)
    qtbot.addWidget(window)
    window.show()
    assert window.passphrase.echoMode() == window.passphrase.EchoMode.Password

    qtbot.keyClicks(window.passphrase, "not the passphrase")
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    # Controls are disabled while the key is derived on the worker.
    assert not window.open_button.isEnabled()
    assert not window.passphrase.isEnabled()
    assert window.busy.isVisible()
    qtbot.waitUntil(lambda: window.message.isVisible(), timeout=10_000)
    assert "does not open" in window.message.text()
    assert window.open_button.isEnabled() and window.isVisible()

    opened: list[Store] = []
    window.unlocked.connect(opened.append)
    window.passphrase.clear()
    qtbot.keyClicks(window.passphrase, PASS)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    store = opened[0]
    try:
        assert store.teams.current()["name"]
        assert window.passphrase.text() == ""  # the passphrase does not linger in the field
    finally:
        store.lock()


def test_other_vault_errors_show_their_message(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    def broken(root: Path, passphrase: str) -> Store:
        raise KeyFileDamaged("The key file is damaged. Restore vault.key from a backup.")

    window = UnlockWindow(tmp_path, opener=broken)
    qtbot.addWidget(window)
    window.show()
    window.passphrase.setText("whatever passphrase")
    window.try_unlock()
    qtbot.waitUntil(lambda: window.message.isVisible() and window.open_button.isEnabled(),
                    timeout=5_000)
    assert "Restore vault.key" in window.message.text()


def test_empty_passphrase_asks_for_one(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = UnlockWindow(tmp_path)
    qtbot.addWidget(window)
    window.try_unlock()
    assert window.message.text() == "Enter your passphrase."
    assert window.open_button.isEnabled()
