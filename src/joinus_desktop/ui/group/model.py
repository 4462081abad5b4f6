"""The group's mean scores per measurement moment, as a Qt table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain import schedule
from ...domain.instruments import Instrument
from ...store.store import Store

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GroupMeans:
    instrument: Instrument
    means: dict[str, dict[str, Any]]  # Questionnaires.team_means
    youngsters: int


@dataclass(frozen=True)
class MeetingAttendance:
    date: str
    place: str
    present: int
    expected: int  # youngsters in the programme on that date (intake .. exit)


@dataclass(frozen=True)
class DueRow:
    alias: str
    moment: str
    overdue: bool


def load_group_means(store: Store, team_id: str) -> GroupMeans:
    return GroupMeans(store.instruments.default(), store.questionnaires.team_means(team_id),
                      len(store.youngsters.list(team_id)))


def load_attendance(store: Store, team_id: str, limit: int = 12) -> list[MeetingAttendance]:
    """The latest meetings with how many youngsters came, of how many could have."""
    matrix = store.meetings.attendance_matrix(team_id)
    youngsters = store.youngsters.list(team_id)
    rows = []
    for meeting in store.meetings.list(team_id)[:limit]:
        day = meeting["date"]
        expected = sum(1 for y in youngsters if y["intake_date"] <= day
                       and (not y.get("exit_date") or y["exit_date"] >= day))
        rows.append(MeetingAttendance(day, meeting.get("place") or "",
                                      len(matrix.get(meeting["id"], ())), expected))
    return rows


def load_due(store: Store, team_id: str) -> list[DueRow]:
    aliases = {y["id"]: y["alias"] for y in store.youngsters.list(team_id)}
    return [DueRow(aliases.get(s.youngster_id, "?"), s.next_moment or "", s.overdue)
            for s in store.questionnaires.due(team_id) if s.youngster_id in aliases]


class GroupMeansModel(QAbstractTableModel):
    """Rows: moments; columns: moment, number of youngsters, one column per scale."""

    def __init__(self, *, scale_names: list[tuple[str, str]] | None = None,
                 means: dict[str, dict[str, Any]] | None = None, lang: str = "en",
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._scales = list(scale_names or [])  # (scale id, name)
        self._moments: list[str] = []
        self._means: dict[str, dict[str, Any]] = {}
        self._lang = lang
        if means:
            self._set(means)

    def _set(self, means: dict[str, dict[str, Any]]) -> None:
        self._means = dict(means)
        self._moments = schedule.sort_moments(means)

    def set_data(self, scale_names: list[tuple[str, str]], means: dict[str, dict[str, Any]],
                 lang: str) -> None:
        self.beginResetModel()
        self._scales = list(scale_names)
        self._lang = lang
        self._set(means)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._moments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self._scales)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Moment")
        if section == 1:
            return self.tr("Youngsters")
        if 2 <= section < 2 + len(self._scales):
            return self._scales[section - 2][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._moments)):
            return None
        moment = self._moments[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return schedule.moment_label(moment, self._lang)
            if col == 1:
                return str(self._means[moment]["n"])
            if 2 <= col < 2 + len(self._scales):
                value = self._means[moment]["means"].get(self._scales[col - 2][0])
                return "—" if value is None else f"{value:.2f}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
