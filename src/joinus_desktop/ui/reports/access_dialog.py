"""Right of access: all data held on one youngster, as JSON and as a readable PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...reports import access
from ...store.store import Store
from ..i18n import language_combo
from .flow import ExportFlow
from .pdf import html_to_pdf
from .youngster_dialog import safe_name


class AccessDialog(QDialog):
    written = Signal(str)

    def __init__(self, store: Store, youngster_id: str, alias: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.youngster_id = youngster_id
        self.alias = alias
        self.setWindowTitle(self.tr("All data of %1 (right of access)").replace("%1", alias))
        intro = QLabel(self.tr(
            "Everything this laptop holds on %1: the youngster's record, attendance, "
            "observations, challenges and attempts, questionnaires with answers and scores, "
            "and the audit entries about them. JSON is complete and machine-readable; the "
            "PDF is a readable version.").replace("%1", alias))
        intro.setWordWrap(True)
        self.language = language_combo(self.tr("Language of the PDF"))
        form = QFormLayout()
        form.addRow(self.tr("Language of the PDF"), self.language)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.json_button = QPushButton(self.tr("Save JSON…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        for button in (self.json_button, self.pdf_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.json_button.clicked.connect(lambda: self.save("json"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.flow = ExportFlow(store, self)
        self.flow.written.connect(self._written)
        self.flow.failed.connect(self.message.setText)
        self.resize(520, 260)

    def save(self, kind: str) -> None:
        store, youngster_id, lang = self._store, self.youngster_id, self.language.currentData()
        if kind == "json":
            def produce() -> bytes:
                return access.access_json(access.gather(store, youngster_id))
            file_filter = self.tr("JSON (*.json)")
        else:
            def produce() -> bytes:
                return html_to_pdf(access.access_html(access.gather(store, youngster_id), lang))
            file_filter = self.tr("PDF (*.pdf)")
        self.flow.start(suggested=f"joinus-access-{safe_name(self.alias)}.{kind}",
                        file_filter=file_filter, produce=produce, entity="youngster",
                        record_id=youngster_id, kind=kind, what="right_of_access")

    def _written(self, path: str) -> None:
        self.message.setText(self.tr("Saved to %1. The file is not encrypted: hand it over "
                                     "securely and delete it when done.").replace("%1", path))
        self.written.emit(path)
