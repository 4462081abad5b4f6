"""The challenges section of the youngster detail: list, status, attempts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import method
from ...store.store import Store
from .. import operations
from ..i18n import current_language
from .dialogs import AttemptDialog, ChallengeDialog
from .model import AttemptsModel, ChallengesModel


def _table(model: Any, name: str, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ChallengesSection(QWidget):
    changed = Signal()  # something was written: the detail reloads

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.youngster: dict[str, Any] | None = None
        self.attempts: list[dict[str, Any]] = []
        self.meetings: list[dict[str, Any]] = []
        self.model = ChallengesModel(parent=self)
        self.attempts_model = AttemptsModel(parent=self)
        self.table = _table(self.model, self.tr("Challenges"), ChallengesModel.TITLE)
        self.attempts_table = _table(self.attempts_model, self.tr("Attempts"),
                                     AttemptsModel.WHAT)
        self.add_button = QPushButton(self.tr("Add challenge"))
        self.add_button.clicked.connect(self.open_add_challenge)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status of the selected challenge"))
        for key in method.CHALLENGE_STATUSES:
            self.status.addItem(method.term(method.CHALLENGE_STATUSES, key,
                                            current_language()), key)
        self.status.activated.connect(self._status_chosen)  # by the user only
        self.attempt_button = QPushButton(self.tr("Add attempt"))
        self.attempt_button.clicked.connect(self.open_add_attempt)
        self.attempts_title = QLabel(self.tr("Attempts"))
        self.attempts_title.setObjectName("CardTitle")
        self.attempts_title.setWordWrap(True)  # a long challenge title must not widen the pane
        # "Add attempt" sits with the attempts: one row of every tool made the detail
        # pane too wide for the youngsters table beside it (in Dutch).
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addStretch(1)
        status_label = QLabel(self.tr("Status"))
        status_label.setBuddy(self.status)
        tools.addWidget(status_label)
        tools.addWidget(self.status)
        attempts_row = QHBoxLayout()
        attempts_row.addWidget(self.attempts_title, 1)
        attempts_row.addWidget(self.attempt_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(tools)
        layout.addWidget(self.table, 3)
        layout.addLayout(attempts_row)
        layout.addWidget(self.attempts_table, 2)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.dialog: ChallengeDialog | AttemptDialog | None = None
        self._selected()

    def set_data(self, youngster: dict[str, Any], challenges: list[dict[str, Any]],
                 attempts: list[dict[str, Any]], meetings: list[dict[str, Any]]) -> None:
        keep = self.selected()
        same = self.youngster is not None and youngster["id"] == self.youngster["id"]
        keep_id = keep["id"] if keep and same else None
        self.youngster, self.attempts, self.meetings = youngster, attempts, meetings
        counts: dict[str, int] = {}
        for a in attempts:
            counts[a["challenge_id"]] = counts.get(a["challenge_id"], 0) + 1
        self.model.attempt_counts = counts
        self.model.set_rows(challenges, current_language())
        ids = [c["id"] for c in challenges]
        if challenges:
            self.table.selectRow(ids.index(keep_id) if keep_id in ids else 0)
        self.add_button.setEnabled(youngster.get("status") != "exited")
        self._selected()

    def select(self, challenge_id: str) -> None:
        for r in range(self.model.rowCount()):
            if self.model.row_at(r)["id"] == challenge_id:
                self.table.selectRow(r)

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self) -> None:
        challenge = self.selected()
        self.status.setEnabled(challenge is not None)
        self.attempt_button.setEnabled(challenge is not None)
        if challenge is None:
            self.attempts_model.set_rows([], current_language())
            return
        self.status.setCurrentIndex(self.status.findData(challenge["status"]))
        self.attempts_title.setText(self.tr("Attempts at \u201c%1\u201d").replace(
            "%1", challenge["title"]))
        rows = [a for a in self.attempts if a["challenge_id"] == challenge["id"]]
        self.attempts_model.set_rows(sorted(rows, key=lambda a: a["date"], reverse=True),
                                     current_language())

    def _status_chosen(self) -> None:
        challenge = self.selected()
        status = self.status.currentData()
        if challenge is None or status == challenge["status"]:
            return
        operations.set_challenge_status(parent=self, store=self._store,
                                        challenge_id=challenge["id"], status=status,
                                        success=lambda _: self.changed.emit()).run()

    def open_add_challenge(self) -> ChallengeDialog | None:
        if self.youngster is None:
            return None
        dialog = ChallengeDialog(self._store, self.youngster, parent=self)
        return self._open(dialog)

    def open_add_attempt(self) -> AttemptDialog | None:
        challenge = self.selected()
        if challenge is None:
            return None
        return self._open(AttemptDialog(self._store, challenge, self.meetings, parent=self))

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _: self.changed.emit())
        self.dialog = dialog
        dialog.open()
        return dialog
