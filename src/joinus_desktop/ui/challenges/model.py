"""Qt models for a youngster's challenges and the attempts at one of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...domain import method
from ..widgets import format_date

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("Challenges", text)


class _RecordsModel(QAbstractTableModel):
    """A thin table over a list of store records (plain dicts)."""

    def __init__(self, rows: list[dict[str, Any]] | None = None, lang: str = "en",
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(rows or [])
        self.lang = lang

    def set_rows(self, rows: list[dict[str, Any]], lang: str) -> None:
        self.beginResetModel()
        self._rows, self.lang = list(rows), lang
        self.endResetModel()

    def row_at(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, record: dict[str, Any], col: int) -> str:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self.headers()
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(headers)):
            return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(record, index.column())
        if role == ID_ROLE:
            return record["id"]
        return None


class ChallengesModel(_RecordsModel):
    TITLE, WORKS_ON, STATUS, ATTEMPTS = range(4)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attempt_counts: dict[str, int] = {}

    def headers(self) -> list[str]:
        return [_tr("Challenge"), _tr("Works on"), _tr("Status"), _tr("Attempts")]

    def cell(self, c: dict[str, Any], col: int) -> str:
        if col == self.TITLE:
            return c["title"]
        if col == self.WORKS_ON:
            kind = {"missing_skill": _tr("Skill"), "negative_belief": _tr("Belief")}.get(
                c.get("works_on_kind") or "", "")
            return f"{kind}: {c.get('works_on') or ''}".strip(": ") if kind else \
                (c.get("works_on") or "")
        if col == self.STATUS:
            return method.term(method.CHALLENGE_STATUSES, c["status"], self.lang)
        return str(self.attempt_counts.get(c["id"], 0))


class AttemptsModel(_RecordsModel):
    DATE, OUTCOME, WHAT, FELT = range(4)

    def headers(self) -> list[str]:
        return [_tr("Date"), _tr("Outcome"), _tr("What happened"), _tr("How it felt")]

    def cell(self, a: dict[str, Any], col: int) -> str:
        if col == self.DATE:
            return format_date(a["date"])
        if col == self.OUTCOME:
            return method.term(method.ATTEMPT_OUTCOMES, a["outcome"], self.lang) \
                if a.get("outcome") else "\u2014"
        if col == self.WHAT:
            return a["what_happened"]
        return a.get("how_it_felt") or ""
