"""Start the GUI: application, translations, unlock (or first run), main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from .. import resources
from ..paths import APP_AUTHOR, resolve_data_dir
from ..store.store import Store
from ..store.vault import VaultPaths
from .compat import guard_singletons
from .first_run import FirstRunDialog
from .i18n import set_language
from .lock import IdleWatcher, restore_drafts, save_drafts
from .settings.prefs import preferences
from .style import apply_style
from .tasks import QueryOp, wait_for_idle
from .unlock import UnlockWindow

# The main window, its screens, pyqtgraph/numpy, reports and the sync client are
# imported when the main window opens (Session.open_main), not before the unlock
# window shows: it needs only Qt and the store.
if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)


ICON_NAME = "joinus-256.png"


def icon_path() -> Path | None:
    """The application icon: same search order as the instrument packs
    ($JOINUS_RESOURCES_DIR/icons, the PyInstaller bundle, the source tree, package data)."""
    folder = resources.find_dir("icons", containing=ICON_NAME)
    return folder / ICON_NAME if folder else None


def make_app(argv: list[str] | None = None) -> QApplication:
    guard_singletons()  # see compat: a binding bug would otherwise abort at exit
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Join Us Desktop")
    app.setApplicationDisplayName("Join Us")
    app.setOrganizationName(APP_AUTHOR)
    app.setOrganizationDomain("joinus.nl")
    apply_style(app)  # type: ignore[arg-type]
    if (icon := icon_path()) is not None:
        app.setWindowIcon(QIcon(str(icon)))  # type: ignore[union-attr]
    else:
        log.warning("no %s found; the windows keep the default icon", ICON_NAME)
    return app  # type: ignore[return-value]


class Session:
    """Holds the open store and the windows for one run of the app.

    It also locks: after `IdleWatcher` reports inactivity (or on "Lock now") the
    main window's editors save their drafts, the window goes away, the store
    drops its key, and the unlock window shows. Unlocking builds a new main
    window on the new store, on the page that was showing (see ui/lock.py).
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.store: Store | None = None
        self.unlock: UnlockWindow | None = None
        self.main: MainWindow | None = None
        self.locked_store: Store | None = None  # the store the last lock closed (tests)
        self._page: int | None = None  # page to return to after unlocking
        self._geometry: QByteArray | None = None
        self.idle = IdleWatcher(preferences().lock_minutes())
        self.idle.idle.connect(self._idle)
        preferences().lock_minutes_changed.connect(self.idle.set_minutes)

    def start(self) -> bool:
        """Show the first window; False when the user cancelled the first run."""
        if not VaultPaths(self.data_dir).exists():
            dialog = FirstRunDialog(self.data_dir)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.store is None:
                return False
            self.open_main(dialog.store)
            if dialog.connect_requested and self.main is not None:
                self.main.connect_to_server()
            return True
        self._show_unlock()
        return True

    def _show_unlock(self, notice: str = "") -> None:
        self.unlock = UnlockWindow(self.data_dir)
        self.unlock.unlocked.connect(self.open_main)
        self.unlock.show_notice(notice)
        self.unlock.show()
        self.unlock.activateWindow()

    def open_main(self, store: Store) -> None:
        from .main_window import MainWindow  # lazily: see the imports above

        self.store = store
        self.main = MainWindow(store)
        self.main.lock_requested.connect(self.lock)
        if self._geometry is not None:
            self.main.restoreGeometry(self._geometry)
        self.main.show()
        if self._page is not None:
            self.main.go_to(self._page)
            restore_drafts(self.main)
            self._page = None
        if self.unlock is not None:
            self.unlock.close()
            self.unlock.deleteLater()
            self.unlock = None
        self.idle.start()

    def _idle(self) -> None:
        from .questionnaire import handover_active

        if handover_active():
            self.idle.start()  # the youngster's screen shows no data; leaving it needs the passphrase
            return
        minutes = preferences().lock_minutes()
        self.lock(QCoreApplication.translate(
            "Session", "Locked after %n minute(s) without use.", "", minutes).replace(
            "%n", str(minutes)).replace("(s)", "" if minutes == 1 else "s"))

    def lock(self, notice: str = "") -> None:
        """Hide all data, save drafts, drop the key; show the unlock window."""
        if self.main is None or self.store is None:
            return
        self.idle.stop()
        main, store = self.main, self.store
        self._page = main.current_page()
        self._geometry = main.saveGeometry()
        # Editors queue their drafts on the store worker; the lock below runs after them.
        save_drafts(main)
        self.main = self.store = None
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.hide()  # dialogs and message boxes with data too
        self.locked_store = store
        # Drop the key once the window is gone: until then its timers and late
        # results may still read the store. The worker runs the lock after the drafts.
        main.destroyed.connect(lambda: QueryOp(parent=None, op=store.lock).failure(
            lambda exc: log.error("locking failed: %s", type(exc).__name__)).run())
        main.close()
        main.deleteLater()
        self._show_unlock(notice or QCoreApplication.translate("Session", "Join Us is locked."))
        log.info("locked")

    def shutdown(self) -> None:
        self.idle.uninstall()
        # The windows go before the key: their late results must not find a locked store.
        for window in (self.main, self.unlock):
            if window is not None and shiboken6.isValid(window):
                window.close()
                shiboken6.delete(window)
        self.main = self.unlock = None
        wait_for_idle()
        if self.store is not None and not self.store.vault.is_locked:
            self.store.lock()


def run(data_dir: str | None) -> int:
    """The GUI's entry point (``joinus-desktop`` without a command); returns the exit status."""
    from ..logs import configure as configure_logging

    app = make_app()
    set_language(preferences().language())  # remembered in QSettings; not sensitive
    profile = resolve_data_dir(data_dir)
    configure_logging(profile)
    session = Session(profile)
    try:
        if not session.start():
            return 0
        return app.exec()
    finally:
        session.shutdown()
