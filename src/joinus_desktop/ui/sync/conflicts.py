"""Review what sync could not settle alone: conflicts, and changes the server refused.

A conflict shows both versions side by side: which record (the youngster, the
meeting), which field, who wrote each version and when; the social worker keeps
one or combines the text. A delete against an edit shows the text that deleting
would lose. The decision is an ordinary edit plus marking the conflict resolved,
so it syncs to the whole team. The wording is `store.conflict_details`, loaded on
the worker thread; this module only lays it out.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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

from ...store.conflict_details import ConflictDetails, Version, describe_open
from ...store.store import Store
from ..i18n import current_language
from ..tasks import QueryOp
from .not_stored import NotStoredCard, NotStoredItem, load_not_stored, refused_words


CARD_BUDGET_S = 0.008  # building cards per turn: half a frame, so the window stays fluid


@dataclass(frozen=True)
class ReviewData:
    conflicts: list[ConflictDetails]
    refused: list[dict[str, Any]]
    not_stored: list[NotStoredItem] = field(default_factory=list)  # pulled, left out


def load_review(store: Store, team_id: str, lang: str) -> ReviewData:
    """Runs on the worker thread: every lookup and every word, nothing of Qt."""
    return ReviewData(describe_open(store, team_id, lang), store.sync.quarantined(),
                      load_not_stored(store))


def _text(text: str, object_name: str | None = None) -> QLabel:
    """A label of text people typed or named: shown as written, never as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class ConflictCard(QFrame):
    resolve = Signal(str, object)  # conflict id, chosen value

    def __init__(self, item: ConflictDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.item = item
        self.conflict_id = item.conflict["id"]
        self.combined: QPlainTextEdit | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(_text(item.title, "CardTitle"))
        layout.addWidget(_text(item.field, "SectionTitle"))
        if item.is_delete:
            self._delete_choice(layout, item)
        else:
            self._two_versions(layout, item)

    def _column(self, grid: QGridLayout, column: int, heading: str, version: Version) -> None:
        grid.addWidget(_text(heading, "SectionTitle"), 0, column)
        grid.addWidget(_text(version.byline, "Muted"), 1, column)

    def _two_versions(self, layout: QVBoxLayout, item: ConflictDetails) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._column(grid, 0, self.tr("Kept now"), item.kept)
        self._column(grid, 1, self.tr("Other version"), item.other)
        grid.addWidget(_text(item.kept.shown, "ConflictValue"), 2, 0)
        grid.addWidget(_text(item.other.shown, "ConflictValue"), 2, 1)
        keep_current = QPushButton(self._keep_version(item.kept))
        keep_other = QPushButton(self._keep_version(item.other))
        keep_current.setAccessibleName(self.tr("Keep the value kept now"))
        keep_other.setAccessibleName(self.tr("Keep the other version"))
        keep_current.clicked.connect(lambda: self.resolve.emit(self.conflict_id, item.current))
        keep_other.clicked.connect(
            lambda: self.resolve.emit(self.conflict_id, item.conflict["value"]))
        grid.addWidget(keep_current, 3, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(keep_other, 3, 1, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(grid)
        if isinstance(item.current, str) and isinstance(item.conflict["value"], str):
            self.combined = QPlainTextEdit(f"{item.current}\n{item.conflict['value']}")
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

    def _keep_version(self, version: Version) -> str:
        if version.mine:
            return self.tr("Keep your version")
        if version.known:
            return self.tr("Keep %1's version").replace("%1", version.who)
        return self.tr("Keep this version")

    def _delete_choice(self, layout: QVBoxLayout, item: ConflictDetails) -> None:
        """Delete or keep the edit: the edit's text in full, since deleting loses it."""
        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        edit_kept = item.delete_side == "other"
        edited, gone = self.tr("Edited"), self.tr("Deleted")
        now = self.tr("%1 (as it is now)")
        self._column(grid, 0, now.replace("%1", edited) if edit_kept else edited, item.edit)
        self._column(grid, 1, gone if edit_kept else now.replace("%1", gone), item.delete)
        stake = QFrame()
        stake.setObjectName("ConflictValue")
        stake_layout = QVBoxLayout(stake)
        stake_layout.setContentsMargins(8, 6, 8, 6)
        for field_label, text in item.at_stake:
            stake_layout.addWidget(_text(field_label, "FormLabel"))
            stake_layout.addWidget(_text(text))
        if not item.at_stake:
            stake_layout.addWidget(_text(self.tr("(no text)"), "Muted"))
        grid.addWidget(stake, 2, 0)
        gone = _text(self.tr("If you delete, the text on the left is gone for everyone "
                             "in the group."), "ConflictValue")
        grid.addWidget(gone, 2, 1, Qt.AlignmentFlag.AlignTop)
        if item.edit.mine:
            keep_text = self.tr("Keep your edit")
        elif item.edit.known:
            keep_text = self.tr("Keep %1's edit").replace("%1", item.edit.who)
        else:
            keep_text = self.tr("Keep the edit")
        self.keep_edit = QPushButton(keep_text)
        self.delete_record = QPushButton(self.tr("Delete"))
        self.keep_edit.setAccessibleName(self.tr("Keep the edited text"))
        self.delete_record.setAccessibleName(self.tr("Delete this record"))
        self.keep_edit.clicked.connect(lambda: self.resolve.emit(self.conflict_id, False))
        self.delete_record.clicked.connect(lambda: self.resolve.emit(self.conflict_id, True))
        grid.addWidget(self.keep_edit, 3, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.delete_record, 3, 1, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(grid)


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
        self._queued: list[ConflictDetails] = []
        self._more = QTimer(self)  # builds the next few cards on the next turn
        self._more.setSingleShot(True)
        self._more.timeout.connect(self._add_cards)
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
        for refused in data.refused:
            self.body.addWidget(self._refused_row(refused))
        for item in data.not_stored:
            card = NotStoredCard(item, current_language())
            card.dismiss.connect(self._dismiss_not_stored)
            self.body.addWidget(card)
        self.body.addStretch(1)
        self._queued = list(data.conflicts)
        self._add_cards()

    def _add_cards(self) -> None:
        """Cards above the refused rows, a few per turn of the event loop: a card
        takes milliseconds to build, and a long list must not freeze the window."""
        started = time.monotonic()
        while self._queued:  # at least one card per turn, however slow
            card = ConflictCard(self._queued.pop(0))
            card.resolve.connect(self._resolve)
            self.body.insertWidget(len(self.cards), card)
            self.cards.append(card)
            if time.monotonic() - started >= CARD_BUDGET_S:
                break
        if self._queued:
            self._more.start(0)

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
