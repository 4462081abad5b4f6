"""The detail pane of one youngster: facts, and tabs for trajectory, challenges, timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import method
from ...domain.instruments import Instrument
from ...store.privacy import consent_problem
from ...store.store import Store
from ..challenges.section import ChallengesSection
from ..charts.trajectory import TrajectoryChart
from ..i18n import current_language
from ..tasks import QueryOp
from ..widgets import format_date
from .timeline import TimelineItem, TimelineModel, build_timeline


@dataclass(frozen=True)
class YoungsterDetail:
    """Everything the pane shows, read on the worker thread."""

    youngster: dict[str, Any]
    scores: list[dict[str, Any]]
    team_means: dict[str, dict[str, Any]]
    challenges: list[dict[str, Any]]
    instrument: Instrument
    age: int | None
    attempts: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)  # attended, newest first
    timeline: list[TimelineItem] = field(default_factory=list)


def load_detail(store: Store, youngster_id: str, lang: str = "en", *,
                timeline: bool = False,
                team_means: dict[str, dict[str, Any]] | None = None) -> YoungsterDetail:
    """The pane's data. The timeline only with ``timeline=True``: the pane reads it
    when its tab is first shown for the youngster (see `YoungsterDetailPane`).
    ``team_means``: the team's means when the caller has them already (they are the
    same for every youngster of the team, and the costliest query here)."""
    youngster = store.youngsters.get(youngster_id)
    attended = store.meetings.attended_by(youngster_id)  # indexed, newest first
    return YoungsterDetail(
        youngster=youngster,
        scores=store.questionnaires.youngster_scores(youngster_id),
        team_means=(team_means if team_means is not None
                    else store.questionnaires.team_means(youngster["team_id"])),
        challenges=store.challenges.for_youngster(youngster_id),
        instrument=store.instruments.default(),
        age=store.youngsters.age_at(youngster, store.today()),
        attempts=store.challenges.attempts_for_youngster(youngster_id),
        meetings=attended,
        timeline=build_timeline(store, youngster, lang) if timeline else [])


class YoungsterDetailPane(QWidget):
    edit_requested = Signal()
    exit_requested = Signal()
    report_requested = Signal()
    access_requested = Signal()
    questionnaire_requested = Signal(bool)  # True: hand the laptop over to the youngster
    timeline_loaded = Signal(str)  # youngster id, once the Timeline tab's rows arrived

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.youngster_id: str | None = None
        self.detail: YoungsterDetail | None = None
        self._timeline_for: str | None = None  # whose timeline the model holds (or loads)
        self.name = QLabel(self.tr("Choose a youngster"))
        self.name.setObjectName("DetailName")
        self.facts = QLabel()
        self.facts.setObjectName("Muted")
        self.facts.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit youngster"))
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.exit_button = QPushButton(self.tr("Exit programme\u2026"))
        self.exit_button.setAccessibleName(self.tr("Record leaving the programme"))
        self.exit_button.clicked.connect(self.exit_requested.emit)
        # Exports that leave the vault: a PDF for a conversation, and the right of access.
        self.report_button = QPushButton(self.tr("Report\u2026"))
        self.report_button.setObjectName("Link")
        self.report_button.setAccessibleName(self.tr("Make a PDF report of this youngster"))
        self.report_button.clicked.connect(self.report_requested.emit)
        self.access_button = QPushButton(self.tr("Export all data (right of access)\u2026"))
        self.access_button.setObjectName("Link")
        self.access_button.clicked.connect(self.access_requested.emit)
        self.questionnaire_button = QPushButton(self.tr("Questionnaire\u2026"))
        self.questionnaire_button.setAccessibleName(self.tr("Enter a questionnaire"))
        self.questionnaire_button.clicked.connect(
            lambda: self.questionnaire_requested.emit(False))
        self.hand_over_button = QPushButton(self.tr("Hand over to the youngster\u2026"))
        self.hand_over_button.setAccessibleName(
            self.tr("Hand the laptop over to the youngster for the questionnaire"))
        self.hand_over_button.clicked.connect(lambda: self.questionnaire_requested.emit(True))
        self.consent_flag = QLabel()
        self.consent_flag.setObjectName("FieldWarning")
        self.consent_flag.setWordWrap(True)

        self.chart = TrajectoryChart(self)
        self.chart.setMinimumHeight(260)
        self.challenges = ChallengesSection(store, self)
        self.timeline_model = TimelineModel(parent=self)
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.verticalHeader().hide()
        self.timeline.setShowGrid(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(False)
        header = self.timeline.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Youngster details"))
        self.tabs.addTab(self.chart, self.tr("Trajectory"))
        self.tabs.addTab(self.challenges, self.tr("Challenges"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.currentChanged.connect(self._tab_changed)

        card = QFrame(self)
        card.setObjectName("Card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 14, 16, 14)
        inner.setSpacing(6)
        header_row = QHBoxLayout()
        header_row.addWidget(self.name)
        header_row.addStretch(1)
        header_row.addWidget(self.edit_button)
        header_row.addWidget(self.exit_button)
        inner.addLayout(header_row)
        inner.addWidget(self.facts)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.questionnaire_button)
        actions.addWidget(self.hand_over_button)
        actions.addStretch(1)
        inner.addLayout(actions)
        inner.addWidget(self.consent_flag)
        links = QHBoxLayout()
        links.setSpacing(4)
        links.addWidget(self.report_button)
        links.addWidget(self.access_button)
        links.addStretch(1)
        inner.addLayout(links)
        inner.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.youngster_id = None
        self.detail = None
        self.name.setText(self.tr("Choose a youngster"))
        self.facts.setText(self.tr("Their trajectory, challenges and timeline appear here."))
        self.chart.clear()
        self.tabs.hide()
        self.edit_button.hide()
        self.exit_button.hide()
        self.report_button.hide()
        self.access_button.hide()
        self.questionnaire_button.hide()
        self.hand_over_button.hide()
        self.consent_flag.hide()

    def show_detail(self, detail: YoungsterDetail) -> None:
        lang = current_language()
        y = detail.youngster
        self.detail = detail
        self.youngster_id = y["id"]
        self.name.setText(y["alias"])
        parts = []
        if detail.age is not None:
            parts.append(self.tr("%1 years").replace("%1", str(detail.age)))
        parts.append(method.term(method.YOUNGSTER_STATUSES, y["status"], lang))
        parts.append(self.tr("intake %1").replace("%1", format_date(y["intake_date"])))
        if y.get("exit_date"):
            parts.append(self.tr("left %1").replace("%1", format_date(y["exit_date"])))
        self.facts.setText(" \u00b7 ".join(parts))
        self.tabs.show()
        self.edit_button.show()
        self.exit_button.show()
        self.exit_button.setEnabled(y["status"] != "exited")
        self.report_button.show()
        self.access_button.show()
        self.questionnaire_button.show()
        self.hand_over_button.show()
        problem = consent_problem(y)
        self.consent_flag.setText(
            self.tr("No consent recorded: record it with Edit.") if problem == "none" else
            self.tr("Under 16 at intake: no consent of a parent or guardian recorded.")
            if problem == "guardian" else "")
        self.consent_flag.setVisible(problem is not None)
        self.chart.set_data(instrument=detail.instrument, scores=detail.scores,
                            team_means=detail.team_means, lang=lang)
        self.challenges.set_data(y, list(detail.challenges), list(detail.attempts),
                                 list(detail.meetings))
        # The timeline reads four tables: only when its tab shows (now or later).
        if detail.timeline:
            self.timeline_model.set_items(list(detail.timeline))
            self._timeline_for = y["id"]
        else:
            if self._timeline_for != y["id"]:
                self.timeline_model.set_items([])  # no one else's rows meanwhile
            self._timeline_for = None  # stale: read again when the tab shows
            self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        if (self.tabs.widget(index) is not self.timeline or self.detail is None
                or self._timeline_for == self.youngster_id):
            return
        youngster, store, lang = dict(self.detail.youngster), self._store, current_language()
        self._timeline_for = youngster["id"]

        def show(items: list[TimelineItem]) -> None:
            if self._timeline_for == youngster["id"] and self.youngster_id == youngster["id"]:
                self.timeline_model.set_items(items)
                self.timeline_loaded.emit(youngster["id"])

        QueryOp(parent=self, op=lambda: build_timeline(store, youngster, lang),
                success=show).run_in_background()

