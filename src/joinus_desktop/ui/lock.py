"""Auto-lock: an application-wide idle watcher, and the draft protocol.

Locking hides every window that shows data, asks editors to save their unsaved
input, then drops the store's connections and key (``Store.lock``). Unlocking
opens a new Store, rebuilds the main window on it, returns to the page that was
showing, and lets editors restore their input. `app.Session` does the sequence.

The draft protocol (for any widget that holds unsaved input, e.g. the meeting
editor)::

    def save_draft(self) -> None:
        # Queue the input on the store worker; do not wait for it.
        payload = {"notes": self.notes.toPlainText()}
        QueryOp(parent=None, op=lambda: store.drafts.save(KEY, payload)).run()

    def restore_draft(self) -> None:
        # Called on the rebuilt window after unlocking (optional method).
        QueryOp(parent=self, op=lambda: store.drafts.load(KEY), success=self._fill).run()

Drafts live inside the vault (``store.drafts``), never in QSettings or a temp file.
`save_drafts` is called just before the lock; the store worker runs operations in
order, so every queued draft is written before the key is dropped. Use
``parent=None`` for the save: the window is deleted before the result arrives.
Discard the draft (``store.drafts.discard``) when the input is saved for real.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

# Input that means "someone is using the laptop". Mouse moves count: reading a
# page without typing is use too.
_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
}


class IdleWatcher(QObject):
    """Emits `idle` after ``interval`` without key, mouse or touch input, anywhere in the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        self._installed = False

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """Mostly for tests; keeps the watcher running when it was."""
        self.timer.setInterval(ms)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.timer.start()

    def stop(self) -> None:
        """Stop counting (while locked); the filter stays cheap and installed."""
        self.timer.stop()

    def uninstall(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart: the idle time counts from the last input
        return False


def _with_children(root: QWidget) -> list[QWidget]:
    return [root, *root.findChildren(QWidget)]


def save_drafts(root: QWidget) -> int:
    """Call ``save_draft()`` on ``root`` and every widget under it; returns how many."""
    count = 0
    for widget in _with_children(root):
        save = getattr(widget, "save_draft", None)
        if callable(save):
            try:
                save()
                count += 1
            except Exception as exc:  # noqa: BLE001 - one failing editor must not stop the lock
                log.error("save_draft failed in %s: %s", type(widget).__name__, type(exc).__name__)
    return count


def restore_drafts(root: QWidget) -> int:
    """Call ``restore_draft()`` where a widget has one; returns how many."""
    count = 0
    for widget in _with_children(root):
        restore = getattr(widget, "restore_draft", None)
        if callable(restore):
            try:
                restore()
                count += 1
            except Exception as exc:  # noqa: BLE001 - keep the window usable
                log.error("restore_draft failed in %s: %s", type(widget).__name__,
                          type(exc).__name__)
    return count
