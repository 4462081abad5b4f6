"""Issue 12, finding 11: the unlock window shows the back-off as a countdown, with the
Open button disabled and the window live; a restarted window picks the wait up."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import Qt

from joinus_desktop.store.store import Store
from joinus_desktop.store.unlock_attempts import FREE_TRIES
from joinus_desktop.store.vault import VaultPaths
from joinus_desktop.ui.unlock import UnlockWindow

from .conftest import PASS


def _failures(root: Path, failures: int, seconds_ago: float) -> None:
    """The attempts file as an earlier run of the app left it."""
    VaultPaths(root).unlock_attempts.write_text(json.dumps(
        {"failures": failures, "last_failure": time.time() - seconds_ago}))


def test_a_new_window_counts_down_a_wait_left_by_an_earlier_run(qtbot, demo_dir: Path) -> None:  # noqa: ANN001
    _failures(demo_dir, FREE_TRIES + 2, seconds_ago=0.0)  # 4 seconds to wait
    window = UnlockWindow(demo_dir)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_button.isEnabled()
    assert window.wait_label.isVisible()
    assert window.wait_label.text() == "Too many wrong tries. You can try again in 4 s."
    assert window.passphrase.isEnabled()  # typing meanwhile is fine
    window.passphrase.setText(PASS)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)  # Return does not get around it
    assert not window.busy.isVisible()
    # The countdown moves while the event loop runs (a timer, no sleeping UI thread).
    qtbot.waitUntil(lambda: "in 3 s" in window.wait_label.text(), timeout=2_500)
    qtbot.waitUntil(lambda: window.open_button.isEnabled(), timeout=5_000)
    assert not window.wait_label.isVisible()

    opened: list[Store] = []
    window.unlocked.connect(opened.append)
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    opened[0].lock()
    assert not VaultPaths(demo_dir).unlock_attempts.exists()  # reset


def test_the_sixth_wrong_try_disables_open_and_counts_down(qtbot, demo_dir: Path) -> None:  # noqa: ANN001
    _failures(demo_dir, FREE_TRIES, seconds_ago=60.0)  # five wrong tries, a minute ago
    window = UnlockWindow(demo_dir)
    qtbot.addWidget(window)
    window.show()
    assert window.open_button.isEnabled() and not window.wait_label.isVisible()
    qtbot.keyClicks(window.passphrase, "not the passphrase")
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.message.isVisible(), timeout=10_000)
    assert "does not open" in window.message.text()
    assert window.wait_label.text() == "Too many wrong tries. You can try again in 2 s."
    assert not window.open_button.isEnabled()
    assert json.loads(VaultPaths(demo_dir).unlock_attempts.read_text())["failures"] == 6
    qtbot.waitUntil(lambda: window.open_button.isEnabled(), timeout=5_000)


def test_a_wait_the_store_reports_is_counted_down_too(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from joinus_desktop.store.errors import UnlockThrottled

    def throttled(root: Path, passphrase: str) -> Store:
        raise UnlockThrottled(3.0)  # e.g. another window failed meanwhile

    window = UnlockWindow(tmp_path, opener=throttled)
    qtbot.addWidget(window)
    window.show()
    window.passphrase.setText("whatever passphrase")
    window.try_unlock()
    qtbot.waitUntil(lambda: window.wait_label.isVisible(), timeout=5_000)
    assert "in 3 s" in window.wait_label.text() and not window.open_button.isEnabled()
    assert not window.message.isVisible()
