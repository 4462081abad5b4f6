"""Review what sync could not settle alone: conflicts, and changes the server refused.

A conflict shows both values side by side (who, when); the social worker keeps
one or combines the text. The decision is an ordinary edit plus marking the
conflict resolved, so it syncs to the whole team.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.hlc import ClockError, Stamp
from ...domain.problems import label
from ...store.errors import NotFound
from ...store.store import Store
from ..i18n import current_language
from ..tasks import QueryOp
from .not_stored import NotStoredCard, NotStoredItem, load_not_stored, refused_words

ENTITY_NAMES = {"youngster": ("Youngster", "Jongere"), "meeting": ("Meeting", "Bijeenkomst"),
                "observation": ("Observation", "Observatie"),
                "challenge": ("Challenge", "Uitdaging"),
                "challenge_attempt": ("Challenge attempt", "Poging"),
                "attendance": ("Attendance", "Aanwezigheid")}


@dataclass(frozen=True)
class ConflictItem:
    conflict: dict[str, Any]
    what: str  # e.g. "Observation of Sam — What you observed"
    current: Any


@dataclass(frozen=True)
class ReviewData:
    conflicts: list[ConflictItem]
    refused: list[dict[str, Any]]
    not_stored: list[NotStoredItem] = field(default_factory=list)  # pulled, left out


def load_review(store: Store, team_id: str, lang: str) -> ReviewData:
    items = []
    for conflict in store.conflicts.open(team_id):
        try:
            record = store.records.get(conflict["entity"], conflict["record_id"],
                                       include_deleted=True)
        except (NotFound, KeyError):
            record = {}
        owner = record.get("alias") if conflict["entity"] == "youngster" else None
        if owner is None and record.get("youngster_id"):
            try:
                owner = store.youngsters.get(record["youngster_id"])["alias"]
            except NotFound:
                owner = None
        en, nl = ENTITY_NAMES.get(conflict["entity"], (conflict["entity"],) * 2)
        what = nl if lang == "nl" else en
        if owner and conflict["entity"] != "youngster":
            what += (" van " if lang == "nl" else " of ") + owner
        elif owner:
            what += f" {owner}"
        what += f" — {label(conflict['field'], lang)}"
        items.append(ConflictItem(conflict, what, record.get(conflict["field"])))
    return ReviewData(items, store.sync.quarantined(), load_not_stored(store))


def stamp_time(stamp: str | None) -> str:
    try:
        ms = Stamp.parse(stamp or "").physical_ms
    except ClockError:
        return "?"
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%d-%m-%Y %H:%M")


def shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


class ConflictCard(QFrame):
    resolve = Signal(str, object)  # conflict id, chosen value

    def __init__(self, item: ConflictItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        conflict = item.conflict
        self.conflict_id = conflict["id"]
        title = QLabel(item.what)
        title.setObjectName("CardTitle")
        grid = QGridLayout()
        kept = QLabel(shown(item.current))
        lost = QLabel(shown(conflict["value"]))
        for value_label in (kept, lost):
            value_label.setWordWrap(True)
            value_label.setObjectName("ConflictValue")
        grid.addWidget(QLabel(self.tr("Kept now (%1)").replace(
            "%1", stamp_time(conflict["winner_stamp"]))), 0, 0)
        grid.addWidget(QLabel(self.tr("Other version (%1, %2)").replace(
            "%1", str(conflict.get("author") or "?")).replace(
            "%2", stamp_time(conflict["stamp"]))), 0, 1)
        grid.addWidget(kept, 1, 0)
        grid.addWidget(lost, 1, 1)
        keep_current = QPushButton(self.tr("Keep this"))
        keep_other = QPushButton(self.tr("Keep this"))
        keep_current.setAccessibleName(self.tr("Keep the value kept now"))
        keep_other.setAccessibleName(self.tr("Keep the other version"))
        keep_current.clicked.connect(lambda: self.resolve.emit(self.conflict_id, item.current))
        keep_other.clicked.connect(
            lambda: self.resolve.emit(self.conflict_id, conflict["value"]))
        grid.addWidget(keep_current, 2, 0)
        grid.addWidget(keep_other, 2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        if isinstance(item.current, str) and isinstance(conflict["value"], str):
            self.combined = QPlainTextEdit(f"{item.current}\n{conflict['value']}")
            self.combined.setAccessibleName(self.tr("Combined text"))
            self.combined.setFixedHeight(70)
            combine = QPushButton(self.tr("Save combined text"))
            combine.clicked.connect(
                lambda: self.resolve.emit(self.conflict_id, self.combined.toPlainText()))
            row = QHBoxLayout()
            row.addWidget(self.combined, 1)
            row.addWidget(combine)
            layout.addWidget(QLabel(self.tr("Or combine both:")))
            layout.addLayout(row)


class ReviewDialog(QDialog):
    """Conflicts and refused changes of the current group."""

    resolved = Signal()

    def __init__(self, store: Store, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.team_id = team_id
        self.setWindowTitle(self.tr("Review sync results"))
        self.resize(860, 600)
        self.body = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "You and a colleague changed the same thing while offline. Nothing was lost: "
            "choose what stays, or combine both. Your choice reaches the whole group."))
        intro.setWordWrap(True)
        self.intro = intro  # about conflicts: hidden when only other items are listed
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.cards: list[ConflictCard] = []
        self.reload()

    def reload(self) -> None:
        store, team, lang = self.store, self.team_id, current_language()
        QueryOp(parent=self, op=lambda: load_review(store, team, lang),
                success=self._show).run()

    def _show(self, data: ReviewData) -> None:
        while self.body.count():
            widget = self.body.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.cards = []
        self.intro.setVisible(bool(data.conflicts) or not (data.refused or data.not_stored))
        if not data.conflicts and not data.refused and not data.not_stored:
            self.body.addWidget(QLabel(self.tr("Nothing to review.")))
        for item in data.conflicts:
            card = ConflictCard(item)
            card.resolve.connect(self._resolve)
            self.cards.append(card)
            self.body.addWidget(card)
        for refused in data.refused:
            self.body.addWidget(self._refused_row(refused))
        for item in data.not_stored:
            card = NotStoredCard(item, current_language())
            card.dismiss.connect(self._dismiss_not_stored)
            self.body.addWidget(card)
        self.body.addStretch(1)

    def _refused_row(self, refused: dict[str, Any]) -> QWidget:
        row = QFrame()
        row.setObjectName("Card")
        layout = QHBoxLayout(row)
        text = QLabel(refused_words(refused) or self.tr("Refused by the server: %1 (%2)").replace(
            "%1", refused["reason"] or refused["code"]).replace("%2", refused["entity"]))
        text.setWordWrap(True)
        retry = QPushButton(self.tr("Try again"))
        drop = QPushButton(self.tr("Remove"))
        seq = refused["seq"]
        store = self.store
        retry.clicked.connect(lambda: QueryOp(
            parent=self, op=lambda: store.sync.retry_quarantined(seq),
            success=lambda _: self._changed()).run())
        drop.clicked.connect(lambda: QueryOp(
            parent=self, op=lambda: store.sync.drop_quarantined(seq),
            success=lambda _: self._changed()).run())
        layout.addWidget(text, 1)
        layout.addWidget(retry)
        layout.addWidget(drop)
        return row

    def _dismiss_not_stored(self, seq: int) -> None:
        store = self.store
        QueryOp(parent=self, op=lambda: store.sync.dismiss_not_stored(seq),
                success=lambda _: self._changed()).run()

    def _resolve(self, conflict_id: str, value: Any) -> None:
        store = self.store
        QueryOp(parent=self, op=lambda: store.conflicts.resolve(conflict_id, value),
                success=lambda _: self._changed()).run()

    def _changed(self) -> None:
        self.resolved.emit()
        self.reload()
