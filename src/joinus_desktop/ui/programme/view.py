"""The Programme screen: the mean of each scale per measurement moment across the
programme, from the server's report, beside the own group.

The report is fetched on the network worker and kept inside the vault; offline
(or before enrolment) the last report shows, with its date. A figure over fewer
than five youngsters is never shown, for the programme or the own group.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import schedule
from ...reports.programme import (
    NotEnrolled,
    ProgrammeData,
    fetch_report,
    load_programme,
    save_report,
    table_csv,
)
from ...store.store import Store
from ..charts.trajectory import TrajectoryChart
from ..errors import describe
from ..i18n import current_language, plural
from ..reports.flow import ExportFlow
from ..tasks import QueryOp, network_pool
from ..widgets import Card, page_title
from .model import ProgrammeModel

ROW_HEIGHT = 26


def report_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso[:10])
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


class ProgrammeView(QWidget):
    loaded = Signal()  # figures shown (from the cache or a fresh report)
    fetch_finished = Signal(bool)  # True: a fresh report arrived

    def __init__(self, store: Store, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._team_id = team_id
        self.data: ProgrammeData | None = None
        self.fetching = False
        self.offline_reason = ""
        self.model = ProgrammeModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Programme and own group mean scores per moment"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # Figures take the width they need; the moment's name takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Report date"))
        self.refresh_button = QPushButton(self.tr("Fetch latest report"))
        self.refresh_button.clicked.connect(self.fetch)
        self.png_button = QPushButton(self.tr("Export chart (PNG)…"))
        self.png_button.clicked.connect(self.export_png)
        self.csv_button = QPushButton(self.tr("Export table (CSV)…"))
        self.csv_button.clicked.connect(self.export_csv)
        self.message = QLabel()
        self.message.setObjectName("Muted")
        self.message.hide()
        tools = QHBoxLayout()
        tools.addWidget(self.status, 1)
        for button in (self.refresh_button, self.png_button, self.csv_button):
            tools.addWidget(button)

        table_card = Card(self.tr("Mean scores per measurement moment"))
        table_card.body.addWidget(self.table)
        self.note = QLabel(self.tr("A figure over fewer than 5 youngsters is never shown, nor "
                                   "one that would give away such a figure when your group's "
                                   "is subtracted (–), so no youngster can be recognised."))
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        table_card.body.addWidget(self.note)
        table_card.body.addStretch(1)
        self.chart = TrajectoryChart(self)
        self.chart.setMinimumHeight(250)
        chart_card = Card(self.tr("The programme over time, with your group"))
        chart_card.body.addWidget(self.chart, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(page_title(self.tr("Programme"), self.tr(
            "How youngsters across the Join Us programme score at each measurement moment, "
            "beside your own group.")))
        layout.addLayout(tools)
        layout.addWidget(self.message)
        # Side by side: the chart needs the height for its three scales.
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(table_card, 7)
        row.addWidget(chart_card, 5)
        layout.addLayout(row, 1)
        self.flow = ExportFlow(store, self)
        self.flow.written.connect(lambda p: self._say(self.tr("Saved to %1.").replace("%1", p)))
        self.flow.failed.connect(self._say)

    # -- loading -----------------------------------------------------------

    def reload(self) -> None:
        """The cached report at once; then a fresh one when the server answers."""
        self.show_cached()
        self.fetch()

    def show_cached(self) -> None:
        store, team_id = self._store, self._team_id
        QueryOp(parent=self, op=lambda: load_programme(store, team_id),
                success=self._show).run()

    def fetch(self) -> None:
        if self.fetching:
            return
        self.fetching = True
        self.refresh_button.setEnabled(False)
        store = self._store
        QueryOp(parent=self, op=lambda: fetch_report(store), success=self._fetched,
                pool=network_pool()).failure(self._fetch_failed).run()

    def _fetched(self, report: dict) -> None:
        store, team_id = self._store, self._team_id

        def save_and_load() -> ProgrammeData:
            save_report(store, report)
            return load_programme(store, team_id)

        def done(data: ProgrammeData) -> None:
            self.offline_reason = ""
            self._end_fetch()
            self._show(data)
            self.fetch_finished.emit(True)

        QueryOp(parent=self, op=save_and_load, success=done).failure(
            lambda exc: (self._end_fetch(), self._say(describe(exc)))).run()

    def _fetch_failed(self, exc: BaseException) -> None:
        self._end_fetch()
        self.offline_reason = ("not_enrolled" if isinstance(exc, NotEnrolled) else "offline")
        if self.data is not None:
            self._update_status(self.data)
        self.fetch_finished.emit(False)

    def _end_fetch(self) -> None:
        self.fetching = False
        self.refresh_button.setEnabled(True)

    # -- showing -----------------------------------------------------------

    def _update_status(self, data: ProgrammeData) -> None:
        if data.fetched:
            text = self.tr("Report of %1").replace("%1", report_date(data.fetched))
            if data.teams_included:
                text += " · " + plural(self.tr("%n group(s)", "", data.teams_included),
                                       data.teams_included)
            if self.offline_reason == "offline":
                text += " · " + self.tr("the server cannot be reached now; this is the last "
                                        "report fetched")
            elif self.offline_reason == "not_enrolled":
                text += " · " + self.tr("this laptop is not connected to the organisation "
                                        "server; this is the last report fetched")
        elif self.offline_reason == "not_enrolled":
            text = self.tr("No programme report yet: it arrives once this laptop is connected "
                           "to the organisation server. Your own group is shown meanwhile.")
        else:
            text = self.tr("No programme report yet. Your own group is shown meanwhile.")
        self.status.setText(text)

    def _show(self, data: ProgrammeData) -> None:
        self.data = data
        lang = current_language()
        self.model.set_data(data, lang)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + ROW_HEIGHT * max(self.model.rowCount(), 1) + 6)
        self._update_status(data)
        programme = [{"moment": r.moment, "date": plural(self.tr("%n youngster(s)", "",
                                                                  r.youngsters or 0),
                                                          r.youngsters or 0),
                      "scores": r.programme} for r in data.rows
                     if not r.programme_suppressed and r.programme]
        own = {r.moment: {"n": r.own_youngsters, "means": r.own} for r in data.rows if r.own}
        if programme:
            self.chart.set_data(instrument=data.instrument, scores=programme, team_means=own,
                                lang=lang, own_label=self.tr("Programme"))
        else:  # no report yet: the own group alone, as the Group screen draws it
            points = [{"moment": m, "date": "", "scores": v["means"]} for m, v in own.items()]
            self.chart.set_data(instrument=data.instrument, scores=points, team_means={},
                                lang=lang, own_label=self.tr("Your group"))
        self.loaded.emit()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- export ------------------------------------------------------------

    def export_png(self) -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.chart.grab().save(buffer, "PNG")  # a widget: grabbed here, on the UI thread
        buffer.close()
        png = bytes(data.data())
        self.flow.start(suggested="joinus-programme.png", file_filter=self.tr("PNG image (*.png)"),
                        produce=lambda: png, entity="programme_report", record_id=None,
                        kind="png", what="programme_chart")

    def export_csv(self) -> None:
        if self.data is None:
            return
        model, data, lang = self.model, self.data, current_language()
        headers = [h.replace("\n", " ") for h in model.headers()]
        fewer = model.fewer()
        self.flow.start(suggested="joinus-programme.csv", file_filter=self.tr("CSV (*.csv)"),
                        produce=lambda: table_csv(
                            data, headers=headers, fewer=fewer,
                            moment_label=lambda m: schedule.moment_label(m, lang)),
                        entity="programme_report", record_id=None, kind="csv",
                        what="programme_table")
