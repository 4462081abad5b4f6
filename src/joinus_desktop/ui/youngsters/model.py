"""Qt models over `YoungsterRow` lists: the table and its search/status filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from .. import style
from ..i18n import plural
from ..widgets import format_date
from .rows import YoungsterRow

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the youngster id
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the status key, for filtering
SORT_ROLE = Qt.ItemDataRole.UserRole + 3



# Filter keys beside the statuses: youngsters whose questionnaire is due / overdue.
DUE_FILTER = "@due"
OVERDUE_FILTER = "@overdue"

class YoungstersTableModel(QAbstractTableModel):
    ALIAS, AGE, STATUS, INTAKE, NEXT = range(5)

    def __init__(self, rows: list[YoungsterRow] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._given: list[YoungsterRow] = list(rows or [])  # in the order they came
        self._rows: list[YoungsterRow] = list(self._given)  # in the shown order
        self._folded: list[str] = [r.alias.casefold() for r in self._rows]  # for the search
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Age"), self.tr("Status"), self.tr("Intake"),
                self.tr("Next questionnaire")]

    def set_rows(self, rows: list[YoungsterRow]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._sorted()
        self._folded = [r.alias.casefold() for r in self._rows]
        self.endResetModel()

    def folded_alias(self, row: int) -> str:
        return self._folded[row]

    def _sorted(self) -> list[YoungsterRow]:
        if self._sort is None or not 0 <= self._sort[0] < 5:
            return list(self._given)
        column, order = self._sort
        # Stable, from the order given (as QSortFilterProxyModel sorts): ties keep it.
        return sorted(self._given, key=lambda r: self._sort_key(r, column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, once per header click, in Python's C sort: the filter proxy
        above keeps this order, so a filter change never re-sorts through ``data()``."""
        self.layoutAboutToBeChanged.emit()
        old_rows, old = self._rows, self.persistentIndexList()
        self._sort = (column, order)
        self._rows = self._sorted()
        self._folded = [r.alias.casefold() for r in self._rows]
        after = {id(r): n for n, r in enumerate(self._rows)}
        moved = [after[id(r)] for r in old_rows]
        self.changePersistentIndexList(
            old, [self.index(moved[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    def row_at(self, row: int) -> YoungsterRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 5):
            return self.headers()[section]
        return None

    def _next_text(self, r: YoungsterRow) -> str:
        if not r.next_moment:
            return "—"
        if r.overdue:
            return self.tr("%1 — overdue").replace("%1", r.next_label)
        if r.due:
            return self.tr("%1 — due now").replace("%1", r.next_label)
        return r.next_label

    def _next_tip(self, r: YoungsterRow) -> str | None:
        if r.next_moment and not r.due and r.meetings_until_due:
            n = r.meetings_until_due
            return plural(self.tr("Due in %n meeting(s)", "", n), n)
        return None

    @staticmethod
    def _sort_key(r: YoungsterRow, col: int) -> Any:
        # Sort by meaning, not by text: ages as numbers, overdue before due.
        if col == YoungstersTableModel.AGE:
            return -1 if r.age is None else r.age
        if col == YoungstersTableModel.NEXT:
            rank = 0 if r.overdue else 1 if r.due else 2 if r.next_moment else 3
            return rank * 1000 + r.meetings_until_due
        if col == YoungstersTableModel.STATUS:
            return r.status_label.casefold()
        if col == YoungstersTableModel.INTAKE:
            return r.intake_date
        return r.alias.casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ALIAS:
                return r.alias
            if col == self.AGE:
                return "" if r.age is None else str(r.age)
            if col == self.STATUS:
                return r.status_label
            if col == self.INTAKE:
                return format_date(r.intake_date)
            if col == self.NEXT:
                return self._next_text(r)
        elif role == SORT_ROLE:
            return self._sort_key(r, col)
        elif role == ID_ROLE:
            return r.id
        elif role == STATUS_ROLE:
            return r.status
        elif role == Qt.ItemDataRole.ForegroundRole and col == self.NEXT and r.overdue:
            return QBrush(QColor(style.WARNING))
        elif role == Qt.ItemDataRole.FontRole and col == self.NEXT and (r.overdue or r.due):
            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.NEXT:
            return self._next_tip(r)
        elif role == Qt.ItemDataRole.AccessibleTextRole and col == self.NEXT:
            return self._next_text(r)
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == self.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class YoungstersFilterProxy(QSortFilterProxyModel):
    """Filters on a search text (the alias) and a status key ('' for all)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._status = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        search = text.strip().casefold()
        if search == self._search:
            return
        self.beginFilterChange()
        self._search = search
        self.endFilterChange()

    def set_status(self, status: str) -> None:
        if status == self._status:
            return
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The table model sorts itself (see `YoungstersTableModel.sort`); this proxy
        keeps its order, so filtering never compares rows."""
        model = self.sourceModel()
        if isinstance(model, YoungstersTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if isinstance(model, YoungstersTableModel):  # the rows directly: no index, no data()
            row = model.row_at(source_row)
            if self._status == DUE_FILTER:
                if not row.due:
                    return False
            elif self._status == OVERDUE_FILTER:
                if not row.overdue:
                    return False
            elif self._status and row.status != self._status:
                return False
            return not self._search or self._search in model.folded_alias(source_row)
        index = model.index(source_row, 0, source_parent)
        if self._status and model.data(index, STATUS_ROLE) != self._status:
            return False
        if self._search and self._search not in str(model.data(index)).casefold():
            return False
        return True
