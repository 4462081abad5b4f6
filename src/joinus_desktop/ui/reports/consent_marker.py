"""A marker on youngsters without recorded consent, over any youngsters list model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle


class ConsentMarkerProxy(QIdentityProxyModel):
    """Adds a warning icon and tooltip to the name column of flagged youngsters.

    ``id_role`` is the source's role for the youngster id. An identity proxy keeps
    rows, sorting and selection of the source as they are.
    """

    def __init__(self, id_role: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._id_role = id_role
        self._flags: dict[str, str] = {}  # youngster id -> the words for the problem

    def set_flags(self, flags: dict[str, str]) -> None:
        self._flags = dict(flags)
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0))

    def flagged(self) -> set[str]:
        return set(self._flags)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0 and role in (
                Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleDescriptionRole):
            problem = self._flags.get(super().data(index, self._id_role))
            if problem:
                if role == Qt.ItemDataRole.DecorationRole:
                    return QApplication.style().standardIcon(
                        QStyle.StandardPixmap.SP_MessageBoxWarning)
                return problem
        return super().data(index, role)
