"""The programme table: per moment, the programme's mean beside the own group's, per scale."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain import schedule
from ...reports.programme import MomentRow, ProgrammeData
from .. import style

Index = QModelIndex | QPersistentModelIndex


class ProgrammeModel(QAbstractTableModel):
    """Two rows per moment: the programme, and beneath it the own group.

    `text` answers by the logical (wide) columns, which the CSV export shares:
    moment, youngsters (programme, own group), then per scale programme and own group.
    """

    MOMENT, YOUNGSTERS, OWN_YOUNGSTERS = range(3)  # then per scale: programme, own group

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MomentRow] = []
        self._scales: list[tuple[str, str]] = []
        self._lang = "en"

    def set_data(self, data: ProgrammeData, lang: str) -> None:
        self.beginResetModel()
        self._rows = list(data.rows)
        self._scales = [(s.id, s.name.get(lang)) for s in data.instrument.scales]
        self._lang = lang
        self.endResetModel()

    def fewer(self) -> str:
        return self.tr("fewer than 5 youngsters")

    def headers(self) -> list[str]:
        """The logical columns (CSV)."""
        heads = [self.tr("Moment"), self.tr("Youngsters\nprogramme"),
                 self.tr("Youngsters\nown group")]
        for _, name in self._scales:
            heads += [self.tr("%1\nprogramme").replace("%1", name),
                      self.tr("%1\nown group").replace("%1", name)]
        return heads

    def display_headers(self) -> list[str]:
        return [self.tr("Moment"), self.tr("Youngsters"), *[name for _, name in self._scales]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 * len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self._scales)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            heads = self.display_headers()
            return heads[section] if 0 <= section < len(heads) else None
        return None

    def text(self, row: MomentRow, col: int) -> str:
        if col == self.MOMENT:
            return schedule.moment_label(row.moment, self._lang)
        if col == self.YOUNGSTERS:
            if row.youngsters is None:
                return "–"
            return self.fewer() if row.programme_small else str(row.youngsters)
        if col == self.OWN_YOUNGSTERS:
            if row.own_youngsters == 0:
                return "–"
            return self.fewer() if row.own_suppressed else str(row.own_youngsters)
        scale_id = self._scales[(col - 3) // 2][0]
        values = row.programme if (col - 3) % 2 == 0 else row.own
        value = values.get(scale_id)
        return "–" if value is None else f"{value:.2f}"

    def _logical(self, index: Index) -> tuple[MomentRow, bool, int]:
        row, own = self._rows[index.row() // 2], index.row() % 2 == 1
        col = index.column()
        if col == 0:
            return row, own, self.MOMENT
        if col == 1:
            return row, own, self.OWN_YOUNGSTERS if own else self.YOUNGSTERS
        return row, own, 3 + 2 * (col - 2) + (1 if own else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < 2 * len(self._rows):
            return None
        row, own, col = self._logical(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            if col == self.MOMENT and own:
                return "    " + self.tr("your group")
            text = self.text(row, col)
            # Under the "Youngsters" header the short form says the same, and fits.
            if text == self.fewer() and role == Qt.ItemDataRole.DisplayRole:
                return self.tr("fewer than 5")
            return text
        if role == Qt.ItemDataRole.ForegroundRole and (
                own or self.text(row, col) in ("–", self.fewer())):
            return QBrush(QColor(style.MUTED))
        if role == Qt.ItemDataRole.FontRole and col == self.MOMENT and not own:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.MOMENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
