"""Export everything to one unencrypted file, after a warning that must be confirmed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from ...store.exchange import export_file
from ...store.store import Store
from ..errors import describe
from ..reports.flow import export_warning
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
        self.warning_box, self.confirm = export_warning(self, path, lambda: self._export(path))

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
