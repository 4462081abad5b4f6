"""Rows and Qt model for the meetings list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...store.store import Store
from ..widgets import format_date

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class MeetingRow:
    id: str
    date: str
    place: str
    activities: str
    notes: str
    present: int
    attendees: tuple[str, ...]  # aliases, sorted


def load_meeting_rows(store: Store, team_id: str) -> list[MeetingRow]:
    """Meetings newest first, with who attended (one query for the whole team)."""
    aliases = {y["id"]: y["alias"] for y in store.youngsters.list(team_id)}
    matrix = store.meetings.attendance_matrix(team_id)
    rows = []
    for m in store.meetings.list(team_id):
        present = sorted((aliases[y] for y in matrix.get(m["id"], set()) if y in aliases),
                         key=str.casefold)
        rows.append(MeetingRow(m["id"], m["date"], m.get("place") or "",
                               m.get("activities") or "", m.get("notes") or "",
                               len(present), tuple(present)))
    return rows


class MeetingsTableModel(QAbstractTableModel):
    DATE, PLACE, ACTIVITIES, PRESENT = range(4)

    def __init__(self, rows: list[MeetingRow] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(rows or [])

    def set_rows(self, rows: list[MeetingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> MeetingRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 4):
            return [self.tr("Date"), self.tr("Place"), self.tr("Activities"),
                    self.tr("Present")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [format_date(r.date), r.place, r.activities, str(r.present)][col]
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.ToolTipRole and col == self.PRESENT:
            return ", ".join(r.attendees)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PRESENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
