"""The detail pane of one youngster: facts, trajectory chart, challenges."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain import method
from ...domain.instruments import Instrument
from ...store.store import Store
from ..charts.trajectory import TrajectoryChart
from ..i18n import current_language
from ..widgets import escape, format_date


@dataclass(frozen=True)
class YoungsterDetail:
    """Everything the pane shows, read on the worker thread."""

    youngster: dict[str, Any]
    scores: list[dict[str, Any]]
    team_means: dict[str, dict[str, Any]]
    challenges: list[dict[str, Any]]
    instrument: Instrument
    age: int | None


def load_detail(store: Store, youngster_id: str) -> YoungsterDetail:
    youngster = store.youngsters.get(youngster_id)
    return YoungsterDetail(
        youngster=youngster,
        scores=store.questionnaires.youngster_scores(youngster_id),
        team_means=store.questionnaires.team_means(youngster["team_id"]),
        challenges=store.challenges.for_youngster(youngster_id),
        instrument=store.instruments.default(),
        age=store.youngsters.age_at(youngster, store.today()))


class YoungsterDetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.youngster_id: str | None = None
        self.name = QLabel(self.tr("Choose a youngster"))
        self.name.setObjectName("DetailName")
        self.facts = QLabel()
        self.facts.setObjectName("Muted")
        self.facts.setWordWrap(True)
        self.chart = TrajectoryChart(self)
        self.chart.setMinimumHeight(300)
        self.challenges_title = QLabel(self.tr("Challenges"))
        self.challenges_title.setObjectName("CardTitle")
        self.challenges = QLabel()
        self.challenges.setWordWrap(True)
        self.challenges.setTextFormat(Qt.TextFormat.RichText)
        self.challenges.setAccessibleName(self.tr("Challenges"))

        card = QFrame(self)
        card.setObjectName("Card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 14, 16, 14)
        inner.setSpacing(6)
        header = QHBoxLayout()
        header.addWidget(self.name)
        header.addStretch(1)
        inner.addLayout(header)
        inner.addWidget(self.facts)
        inner.addWidget(self.chart, 1)
        inner.addSpacing(6)
        inner.addWidget(self.challenges_title)
        inner.addWidget(self.challenges)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.youngster_id = None
        self.name.setText(self.tr("Choose a youngster"))
        self.facts.setText(self.tr("Their trajectory and challenges appear here."))
        self.chart.clear()
        self.chart.hide()
        self.challenges_title.hide()
        self.challenges.hide()

    def show_detail(self, detail: YoungsterDetail) -> None:
        lang = current_language()
        y = detail.youngster
        self.youngster_id = y["id"]
        self.name.setText(y["alias"])
        parts = []
        if detail.age is not None:
            parts.append(self.tr("%1 years").replace("%1", str(detail.age)))
        parts.append(method.term(method.YOUNGSTER_STATUSES, y["status"], lang))
        parts.append(self.tr("intake %1").replace("%1", format_date(y["intake_date"])))
        if y.get("exit_date"):
            parts.append(self.tr("left %1").replace("%1", format_date(y["exit_date"])))
        self.facts.setText(" · ".join(parts))
        self.chart.show()
        self.chart.set_data(instrument=detail.instrument, scores=detail.scores,
                            team_means=detail.team_means, lang=lang)
        self.challenges_title.show()
        self.challenges.show()
        if detail.challenges:
            lines = []
            for c in detail.challenges:
                status = method.term(method.CHALLENGE_STATUSES, c["status"], lang)
                lines.append(f"<b>{escape(c['title'])}</b>"
                             f"<span style='color:#5f6b7a'> — {escape(status)}</span>")
            self.challenges.setText("<br>".join(lines))
        else:
            self.challenges.setText(self.tr("No challenges yet."))


