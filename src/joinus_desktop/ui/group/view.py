"""The Group screen (read-only in this slice): mean scores per measurement moment."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import schedule
from ...store.store import Store
from ..charts.trajectory import TrajectoryChart
from ..i18n import current_language, plural
from ..reports.privacy_card import PrivacyCard
from ..tasks import QueryOp
from ..widgets import Card, page_title
from .model import (
    DueRow,
    GroupMeans,
    GroupMeansModel,
    MeetingAttendance,
    load_attendance,
    load_due,
    load_group_means,
)

ATTENDANCE_ROWS = 8


class GroupView(QWidget):
    loaded = Signal()

    def __init__(self, store: Store, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._team_id = team_id
        self.model = GroupMeansModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Group mean scores per moment"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        # Every column as wide as its header (long in Dutch: "Sociale vaardigheden"),
        # the last one takes what is left; the table asks for that width (see _loaded).
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setHighlightSections(False)
        card = Card(self.tr("Mean scores per measurement moment"))
        self.note = QLabel()
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        card.body.addWidget(self.table)
        card.body.addWidget(self.note)
        card.body.addStretch(1)
        self.chart = TrajectoryChart(self)
        self.chart.setMinimumHeight(260)
        chart_card = Card(self.tr("The group over time"))
        chart_card.body.addWidget(self.chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.tr("Group"), self.tr(
            "How the group as a whole is doing: each youngster's latest questionnaire "
            "per moment counts once.")))
        # Side by side: the table needs few rows, the chart needs height for three scales.
        row = QHBoxLayout()
        row.setSpacing(16)
        # Privacy (retention, consent) and the pseudonymised research export under the table.
        self.privacy_card = PrivacyCard(store, team_id, always=True, research=True)
        # Attendance per meeting and who is due, side by side under the means.
        self.attendance = QLabel()
        self.attendance.setTextFormat(Qt.TextFormat.RichText)
        self.attendance.setAccessibleName(self.tr("Attendance per meeting"))
        attendance_card = Card(self.tr("Attendance per meeting"))
        attendance_card.body.addWidget(self.attendance)
        self.due = QLabel()
        self.due.setTextFormat(Qt.TextFormat.RichText)
        self.due.setWordWrap(True)
        self.due.setAccessibleName(self.tr("Questionnaires due"))
        due_card = Card(self.tr("Questionnaires due"))
        due_card.body.addWidget(self.due)
        due_card.body.addStretch(1)
        small = QHBoxLayout()
        small.setSpacing(12)
        small.addWidget(attendance_card, 3)
        small.addWidget(due_card, 2)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(card, 1)
        left.addLayout(small)
        left.addWidget(self.privacy_card)
        row.addLayout(left, 5)
        row.addWidget(chart_card, 5)
        layout.addLayout(row, 1)

    def reload(self) -> None:
        store, team_id = self._store, self._team_id
        QueryOp(parent=self, op=lambda: load_group_means(store, team_id),
                success=self._loaded).run_in_background()
        QueryOp(parent=self, op=lambda: (load_attendance(store, team_id, ATTENDANCE_ROWS),
                                         load_due(store, team_id)),
                success=self._show_attendance_and_due).run_in_background()
        self.privacy_card.reload()

    def _show_attendance_and_due(self, data: tuple[list[MeetingAttendance], list[DueRow]]
                                 ) -> None:
        meetings, due = data
        locale = QLocale(current_language())
        if meetings:
            def day(iso: str) -> str:
                return locale.toString(QDate.fromString(iso, "yyyy-MM-dd"),
                                       QLocale.FormatType.ShortFormat)

            rows = "".join(
                f"<tr><td>{escape(day(m.date))}</td>"
                f"<td style='padding-left:12px'>{escape(m.place)}</td>"
                f"<td style='padding-left:12px' align='right'>{m.present}/{m.expected}</td>"
                "</tr>" for m in meetings)
            self.attendance.setText(f"<table>{rows}</table>")
        else:
            self.attendance.setText(self.tr("No meetings recorded yet."))
        if due:
            lang = current_language()
            self.due.setText("<br>".join(
                f"<b>{escape(d.alias)}</b> · {escape(schedule.moment_label(d.moment, lang))}"
                + (f" · <span style='color:#c62828'>{escape(self.tr('overdue'))}</span>"
                   if d.overdue else "") for d in due))
        else:
            self.due.setText(self.tr("Nobody needs a questionnaire right now."))

    def _loaded(self, data: GroupMeans) -> None:
        lang = current_language()
        scales = [(s.id, s.name.get(lang)) for s in data.instrument.scales]
        self.model.set_data(scales, data.means, lang)
        # Rows are few (one per moment): size the table to them, give the rest to the chart.
        rows = self.model.rowCount()
        header = self.table.horizontalHeader()
        needed = sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c))
                     for c in range(self.model.columnCount()))
        self.table.setMinimumWidth(needed + 2 * self.table.frameWidth() + 4)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + 32 * max(rows, 1) + 6)
        points = [{"moment": m, "date": plural(self.tr("%n youngster(s)", "", v["n"]), v["n"]),
                   "scores": v["means"]}
                  for m, v in data.means.items()]
        self.chart.set_data(instrument=data.instrument, scores=points, team_means={},
                            lang=lang, own_label=self.tr("Group mean"))
        self.note.setText(self.tr("%1 youngsters in the group. Scores run from %2 to %3.")
                          .replace("%1", str(data.youngsters))
                          .replace("%2", str(data.instrument.answer_scale.min))
                          .replace("%3", str(data.instrument.answer_scale.max)))
        self.loaded.emit()
