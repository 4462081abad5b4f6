"""Export everything to one unencrypted file, after a warning that must be confirmed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from ...store.exchange import export_file
from ...store.store import Store
from ..errors import describe
from ..tasks import QueryOp
from ..widgets import Card


class ExportCard(Card):
    exported = Signal(str)  # the path written

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export"), parent)
        self._store = store
        # Replaceable (tests): returns the chosen path, or None when cancelled.
        self.choose_path: Callable[[], Path | None] = self._ask_path
        self.warning_box: QMessageBox | None = None
        text = QLabel(self.tr("Writes all records of this laptop to one file, for a move to "
                              "another system. The file is not encrypted."))
        text.setWordWrap(True)
        text.setObjectName("Muted")
        self.button = QPushButton(self.tr("E&xport all data…"))
        self.button.setAccessibleName(self.tr("Export all data to a file"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Export message"))
        self.message.hide()
        self.body.addWidget(text)
        self.body.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.message)
        self.button.clicked.connect(self.start)

    def _ask_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to file"), QDir.home().filePath("joinus-export.json"),
            self.tr("Join Us export (*.json)"))
        return Path(name) if name else None

    def start(self) -> None:
        path = self.choose_path()
        if path is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The export leaves the vault"),
                          self.tr("This file is NOT encrypted. It holds personal data about "
                                  "minors: keep it on an encrypted drive, share it only through "
                                  "approved channels, and delete it when done."), parent=self)
        box.setInformativeText(self.tr("Write %1?").replace("%1", str(path)))
        self.confirm = box.addButton(self.tr("I understand, export"),
                                     QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAccessibleName(self.tr("Export warning"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self._export(path) if b is self.confirm else None)
        self.warning_box = box
        box.open()  # not exec(): an auto-lock may close the window meanwhile

    def _export(self, path: Path) -> None:
        store = self._store
        self.button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        self.message.show()
        QueryOp(parent=self, op=lambda: export_file(store, path),
                success=lambda counts: self._done(path, counts)).failure(
            lambda exc: self.message.setText(describe(exc))).finally_(
            lambda: self.button.setEnabled(True)).run()

    def _done(self, path: Path, counts: dict[str, int]) -> None:
        self.message.setText(self.tr("Exported %1 records to %2. Delete the file when done.")
                             .replace("%1", str(sum(counts.values()))).replace("%2", str(path)))
        self.exported.emit(str(path))
