"""The one way an export leaves the vault: choose a file, confirm a warning, write.

Nothing is written before the social worker confirms that the file leaves the
encrypted vault. The bytes are produced and written on the store worker, and the
export is recorded in the audit log (`reports.exports.write_export`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from ...reports.exports import write_export
from ...store.store import Store
from ..errors import describe
from ..tasks import QueryOp

# Replaceable in tests: (parent, suggested file name, filter) -> chosen path or None.
PathChooser = Callable[[QWidget, str, str], "Path | None"]


def ask_path(parent: QWidget, suggested: str, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ExportFlow", "Save export"),
        QDir.home().filePath(suggested), file_filter)
    return Path(name) if name else None


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportFlow", text)


def export_warning(parent: QWidget, path: Path,
                   on_confirm: Callable[[], None]) -> tuple[QMessageBox, QPushButton]:
    """The warning every export shows before a byte is written, opened (not exec():
    an auto-lock may close the window meanwhile). Returns the box and its confirm
    button; ``on_confirm`` runs only when that button is pressed."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("The export leaves the vault"),
                      _tr("This file is NOT encrypted. It holds personal data about "
                          "youngsters: keep it on an encrypted drive, share it only "
                          "through approved channels, and delete it when done."),
                      parent=parent)
    box.setInformativeText(_tr("Write %1?").replace("%1", str(path)))
    confirm = box.addButton(_tr("I understand, export"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAccessibleName(_tr("Export warning"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_confirm() if button is confirm else None)
    box.open()
    return box, confirm


class ExportFlow(QObject):
    """Ask, warn, write. ``written`` carries the path; ``failed`` the message."""

    written = Signal(str)
    failed = Signal(str)
    choose_path: PathChooser = staticmethod(ask_path)  # type: ignore[assignment]

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self._store = store
        self._widget = parent
        self.box: QMessageBox | None = None
        self.confirm: QPushButton | None = None

    def start(self, *, suggested: str, file_filter: str, produce: Callable[[], bytes],
              entity: str, record_id: str | None, kind: str, what: str) -> bool:
        """Returns False when no file was chosen. ``produce`` runs on the worker."""
        path = type(self).choose_path(self._widget, suggested, file_filter)
        if path is None:
            return False
        self.box, self.confirm = export_warning(self._widget, path, lambda: self._write(
            path, produce, entity, record_id, kind, what))
        self.box.finished.connect(self._box_closed)
        return True

    def _box_closed(self) -> None:
        self.box = None  # deleted on close

    def _write(self, path: Path, produce: Callable[[], bytes], entity: str,
               record_id: str | None, kind: str, what: str) -> None:
        store = self._store
        QueryOp(parent=self._widget,
                op=lambda: write_export(store, path, produce(), entity=entity,
                                        record_id=record_id, kind=kind, what=what),
                success=lambda p: self.written.emit(str(p))).failure(
            lambda exc: self.failed.emit(describe(exc))).run()
