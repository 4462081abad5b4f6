"""The Meetings screen: list, the selected meeting, and New / Edit (the editor)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store.store import Store
from ..i18n import plural
from ..tasks import QueryOp
from ..widgets import Card, escape, format_date, page_title
from .editor import OPEN_EDITOR_KEY, MeetingEditor
from .model import ID_ROLE, MeetingRow, MeetingsTableModel, load_meeting_rows


class MeetingsView(QWidget):
    loaded = Signal()
    editor_opened = Signal(object)  # the MeetingEditor (tests and screenshots drive it)

    def __init__(self, store: Store, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._team_id = team_id
        self.model = MeetingsTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Meetings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MeetingsTableModel.ACTIVITIES, QHeaderView.ResizeMode.Stretch)

        self.detail = Card(self.tr("Meeting"))
        self.detail_text = QLabel()
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_text.setAccessibleName(self.tr("Meeting details"))
        self.detail.body.addWidget(self.detail_text, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        self.new_button = QPushButton(self.tr("New meeting"))
        self.new_button.setObjectName("Primary")
        self.new_button.setToolTip(self.tr("Record a new meeting (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected meeting"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit_selected)
        header = QHBoxLayout()
        header.addWidget(page_title(self.tr("Meetings"),
                                    self.tr("Every meeting of the group, newest first.")), 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self.new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_shortcut.activated.connect(lambda: self.open_editor(None))
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.editor: MeetingEditor | None = None
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.table)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show(current.row()))
        self._show(-1)

    def reload(self) -> None:
        store, team_id = self._store, self._team_id
        QueryOp(parent=self, op=lambda: load_meeting_rows(store, team_id),
                success=self._loaded).run_in_background()

    def _loaded(self, rows: list[MeetingRow]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        row = next((n for n, r in enumerate(rows) if r.id == selected), 0)
        if rows:
            self.table.selectRow(row)
        self.edit_button.setEnabled(bool(rows))
        self.loaded.emit()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def edit_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id:
            self.open_editor(meeting_id)

    def restore_draft(self) -> None:
        """After unlocking: reopen the editor that was open at the lock (its own draft
        brings back what was typed)."""
        store = self._store

        def take() -> dict | None:
            marker = store.drafts.load(OPEN_EDITOR_KEY)
            if marker is not None:
                store.drafts.discard(OPEN_EDITOR_KEY)
            return marker

        QueryOp(parent=self, op=take,
                success=lambda marker: marker is not None
                and self.open_editor(marker.get("meeting_id"))).run()

    def open_editor(self, meeting_id: str | None) -> MeetingEditor:
        """Open the editor (window-modal, not a nested event loop)."""
        editor = MeetingEditor(self._store, self._team_id, meeting_id, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._editor_saved)
        self.editor = editor
        editor.open()
        self.editor_opened.emit(editor)
        return editor

    def _editor_saved(self, meeting_id: str) -> None:
        store, team_id = self._store, self._team_id

        def show(rows: list[MeetingRow]) -> None:
            self._loaded(rows)
            for n, r in enumerate(rows):
                if r.id == meeting_id:
                    self.table.selectRow(n)

        QueryOp(parent=self, op=lambda: load_meeting_rows(store, team_id),
                success=show).run()

    def _show(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.detail_text.setText(self.tr("Choose a meeting to see its notes."))
            return
        m = self.model.row_at(row)
        title = format_date(m.date, long=True)
        parts = [f"<p style='font-size:15px;font-weight:600;margin:0'>{escape(title)}</p>",
                 f"<p style='color:#5f6b7a;margin-top:2px'>{escape(m.place)}</p>"]
        if m.activities:
            parts.append(f"<p><b>{escape(self.tr('Activities'))}</b><br>{escape(m.activities)}</p>")
        if m.notes:
            parts.append(f"<p><b>{escape(self.tr('Notes'))}</b><br>{escape(m.notes)}</p>")
        present = plural(self.tr("Present (%n)", "", m.present), m.present)
        parts.append(f"<p><b>{escape(present)}</b><br>"
                     f"{escape(', '.join(m.attendees)) or '—'}</p>")
        self.detail_text.setText("".join(parts))
