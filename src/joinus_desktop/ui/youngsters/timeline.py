"""One youngster's history in one list: meetings, observations, attempts, questionnaires."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...domain import method, schedule
from ...store.store import Store
from ..widgets import format_date

Index = QModelIndex | QPersistentModelIndex
KINDS = ("meeting", "observation", "attempt", "questionnaire")
_RANK = {k: n for n, k in enumerate(KINDS)}  # same day: the meeting first, then what happened


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def kind_label(kind: str) -> str:
    return {"meeting": _tr("Meeting"), "observation": _tr("Observation"),
            "attempt": _tr("Challenge attempt"), "questionnaire": _tr("Questionnaire")}[kind]


@dataclass(frozen=True)
class TimelineItem:
    date: str
    kind: str  # one of KINDS
    text: str


def _short(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def build_timeline(store: Store, youngster: dict[str, Any], lang: str) -> list[TimelineItem]:
    """Every dated event of the youngster, newest first (runs on the worker thread)."""
    yid = youngster["id"]
    items: list[TimelineItem] = []
    for m in store.meetings.attended_by(yid):  # indexed: not the whole team's attendance
        items.append(TimelineItem(m["date"], "meeting",
                                  _short(m.get("place") or m.get("activities"))))
    for o in store.observations.for_youngster(yid):
        items.append(TimelineItem(o["date"], "observation", _short(o["behaviour"])))
    titles = {c["id"]: c["title"] for c in store.challenges.for_youngster(yid)}
    for a in store.challenges.attempts_for_youngster(yid):
        outcome = method.term(method.ATTEMPT_OUTCOMES, a["outcome"], lang) if a.get("outcome") \
            else ""
        text = f"{titles.get(a['challenge_id'], '')}: {a['what_happened']}"
        items.append(TimelineItem(a["date"], "attempt",
                                  _short(f"{text} ({outcome})" if outcome else text)))
    for r in store.questionnaires.for_youngster(yid):
        items.append(TimelineItem(r["date"], "questionnaire",
                                  schedule.moment_label(r["moment"], lang)))
    items.sort(key=lambda i: (i.date, -_RANK[i.kind]), reverse=True)
    return items


class TimelineModel(QAbstractTableModel):
    DATE, KIND, TEXT = range(3)

    def __init__(self, items: list[TimelineItem] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._items = list(items or [])

    def set_items(self, items: list[TimelineItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> TimelineItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 3):
            return [_tr("Date"), _tr("What"), _tr("Details")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item, col = self._items[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return [format_date(item.date), kind_label(item.kind), item.text][col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return item.text
        return None
