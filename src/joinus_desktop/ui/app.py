"""Start the GUI: application, translations, unlock (or first run), main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from ..paths import APP_AUTHOR, resolve_data_dir
from ..store.store import Store
from ..store.vault import VaultPaths
from .compat import guard_singletons
from .first_run import FirstRunDialog
from .i18n import DEFAULT_LANGUAGE, set_language
from .main_window import MainWindow
from .style import apply_style
from .tasks import wait_for_idle
from .unlock import UnlockWindow

log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    guard_singletons()  # see compat: a binding bug would otherwise abort at exit
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Join Us Desktop")
    app.setApplicationDisplayName("Join Us")
    app.setOrganizationName(APP_AUTHOR)
    app.setOrganizationDomain("joinus.nl")
    apply_style(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


class Session:
    """Holds the open store and the windows for one run of the app."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.store: Store | None = None
        self.unlock: UnlockWindow | None = None
        self.main: MainWindow | None = None

    def start(self) -> bool:
        """Show the first window; False when the user cancelled the first run."""
        if not VaultPaths(self.data_dir).exists():
            dialog = FirstRunDialog(self.data_dir)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.store is None:
                return False
            self.open_main(dialog.store)
            return True
        self.unlock = UnlockWindow(self.data_dir)
        self.unlock.unlocked.connect(self.open_main)
        self.unlock.show()
        return True

    def open_main(self, store: Store) -> None:
        self.store = store
        self.main = MainWindow(store)
        self.main.show()
        if self.unlock is not None:
            self.unlock.close()

    def shutdown(self) -> None:
        wait_for_idle()
        if self.store is not None and not self.store.vault.is_locked:
            self.store.lock()


def run(data_dir: str | None) -> int:
    """The GUI's entry point (``joinus-desktop`` without a command); returns the exit status."""
    app = make_app()
    set_language(DEFAULT_LANGUAGE)
    session = Session(resolve_data_dir(data_dir))
    try:
        if not session.start():
            return 0
        return app.exec()
    finally:
        session.shutdown()
