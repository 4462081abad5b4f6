"""Erasing a youngster whose retention period has passed: a strong confirmation first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...store import privacy
from ...store.store import Store
from ..errors import describe
from ..i18n import plural
from ..tasks import QueryOp
from ..widgets import escape


class EraseDialog(QDialog):
    """Names what goes, asks to type the alias, then erases on the store worker."""

    erased = Signal(str)  # youngster id

    def __init__(self, store: Store, youngster_id: str, alias: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.youngster_id = youngster_id
        self.alias = alias
        self.setWindowTitle(self.tr("Erase %1").replace("%1", alias))
        self.what = QLabel(self.tr("Counting the records…"))
        self.what.setWordWrap(True)
        self.confirm_text = QLineEdit()
        self.confirm_text.setAccessibleName(self.tr("Type the name to confirm"))
        self.confirm_text.setPlaceholderText(alias)
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton(self.tr("Erase for good"))
        self.erase_button.setEnabled(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        self.erase_button.clicked.connect(self.erase)
        self.confirm_text.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(QLabel(self.tr("Type %1 to confirm:").replace("%1", alias)))
        layout.addWidget(self.confirm_text)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(480, 280)
        QueryOp(parent=self, op=lambda: privacy.erasure_summary(store, youngster_id),
                success=self._show_summary).run()

    def _show_summary(self, counts: dict[str, int]) -> None:
        kinds = [
            plural(self.tr("%n attendance record(s)", "", counts.get("attendance", 0)),
                   counts.get("attendance", 0)),
            plural(self.tr("%n observation(s)", "", counts.get("observation", 0)),
                   counts.get("observation", 0)),
            plural(self.tr("%n challenge(s)", "", counts.get("challenge", 0)),
                   counts.get("challenge", 0)),
            plural(self.tr("%n challenge attempt(s)", "", counts.get("challenge_attempt", 0)),
                   counts.get("challenge_attempt", 0)),
            plural(self.tr("%n questionnaire(s)", "", counts.get("questionnaire_response", 0)),
                   counts.get("questionnaire_response", 0)),
        ]
        self.what.setText(
            self.tr("This permanently deletes <b>%1</b> and every record about them on this "
                    "laptop: %2. The next sync erases them on the server and on every other "
                    "laptop too. This cannot be undone.")
            .replace("%1", escape(self.alias)).replace("%2", escape(", ".join(kinds))))

    def _update(self) -> None:
        self.erase_button.setEnabled(self.confirm_text.text().strip() == self.alias.strip())

    def erase(self) -> None:
        if self.confirm_text.text().strip() != self.alias.strip():
            return
        store, youngster_id = self._store, self.youngster_id
        self.erase_button.setEnabled(False)
        QueryOp(parent=self, op=lambda: store.erasure.erase_youngster(youngster_id),
                success=lambda _: self._done()).failure(
            lambda exc: self.message.setText(describe(exc))).run()

    def _done(self) -> None:
        self.erased.emit(self.youngster_id)
        self.accept()
