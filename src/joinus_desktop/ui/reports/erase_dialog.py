"""Erasing a youngster whose retention period has passed: a strong confirmation first.

Before the confirmation, the dialog lists other records whose text names the
youngster's alias (another youngster's observation, an attempt, a challenge, a
meeting's notes): erasure does not touch those, so each has an "Edit" button.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import label
from ...store import mentions, privacy
from ...store.store import Store
from .. import style
from ..errors import describe
from ..i18n import current_language, plural
from ..tasks import QueryOp
from ..widgets import escape, format_date
from .mention_editor import MentionEditor


class EraseDialog(QDialog):
    """Names what goes, asks to type the alias, then erases on the store worker."""

    erased = Signal(str)  # youngster id

    def __init__(self, store: Store, youngster_id: str, alias: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.youngster_id = youngster_id
        self.alias = alias
        self.setWindowTitle(self.tr("Erase %1").replace("%1", alias))
        self.what = QLabel(self.tr("Counting the records…"))
        self.what.setWordWrap(True)
        self.confirm_text = QLineEdit()
        self.confirm_text.setAccessibleName(self.tr("Type the name to confirm"))
        self.confirm_text.setPlaceholderText(alias)
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton(self.tr("Erase for good"))
        self.erase_button.setEnabled(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        self.erase_button.clicked.connect(self.erase)
        self.confirm_text.textChanged.connect(self._update)
        self.mentions: list[mentions.Mention] = []
        self.mentions_title = QLabel(self.tr("Looking for %1 in other records…")
                                     .replace("%1", escape(alias)))
        self.mentions_title.setWordWrap(True)
        self.mention_rows = QVBoxLayout()
        self.mention_rows.setContentsMargins(0, 0, 0, 0)
        rows = QWidget()
        rows.setLayout(self.mention_rows)
        self.mention_area = QScrollArea()
        self.mention_area.setWidgetResizable(True)
        self.mention_area.setWidget(rows)
        self.mention_area.setMaximumHeight(280)
        self.mention_area.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(self.mentions_title)
        layout.addWidget(self.mention_area, 1)
        layout.addWidget(QLabel(self.tr("Type %1 to confirm:").replace("%1", alias)))
        layout.addWidget(self.confirm_text)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 300)
        QueryOp(parent=self, op=lambda: privacy.erasure_summary(store, youngster_id),
                success=self._show_summary).run()
        self.refresh_mentions()

    # -- mentions elsewhere ---------------------------------------------------------------
    def refresh_mentions(self) -> None:
        """Search the vault again (on the store worker: it reads every text once)."""
        store, youngster_id, alias = self._store, self.youngster_id, self.alias
        QueryOp(parent=self, op=lambda: mentions.find_mentions(store, youngster_id, alias),
                success=self._show_mentions).failure(
            lambda exc: self.mentions_title.setText(describe(exc))).run()

    def _show_mentions(self, found: list[mentions.Mention]) -> None:
        self.mentions = found
        while self.mention_rows.count():
            item = self.mention_rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not found:
            self.mentions_title.setText(self.tr("No other record names %1.")
                                        .replace("%1", escape(self.alias)))
            self.mention_area.hide()
            return
        self.mentions_title.setText(plural(self.tr(
            "<b>%n other record(s) name %1.</b> Erasing does not change them: edit them "
            "first if the name should go too (you can also erase without).", "",
            len(found)), len(found)).replace("%1", escape(self.alias)))
        for mention in found:
            self.mention_rows.addWidget(self._mention_row(mention))
        self.mention_rows.addStretch(1)
        self.mention_area.show()
        # Room for the list, but never taller than the screen (1280×720 included).
        screen = self.screen().availableGeometry().height() if self.screen() else 720
        self.resize(self.width(), min(max(self.height(), 540), screen - 60))

    def mention_heading(self, mention: mentions.Mention) -> str:
        kinds = {"observation": self.tr("Observation"), "meeting": self.tr("Meeting"),
                 "challenge": self.tr("Challenge"),
                 "challenge_attempt": self.tr("Challenge attempt"),
                 "youngster": self.tr("Exit note")}
        heading = kinds[mention.entity]
        if mention.owner_alias and mention.entity != "youngster":
            heading = self.tr("%1 of %2").replace("%1", heading).replace(
                "%2", mention.owner_alias)
        elif mention.owner_alias:
            heading = self.tr("Exit note of %1").replace("%1", mention.owner_alias)
        parts = [heading]
        if mention.date:
            parts.append(format_date(mention.date))
        parts.append(label(mention.field, current_language()))
        text = " · ".join(parts)
        return text + (" " + self.tr("(deleted)") if mention.deleted else "")

    def _mention_row(self, mention: mentions.Mention) -> QWidget:
        snippet, spans = mention.snippet()
        html, last = [], 0
        for start, end in spans:
            html.append(escape(snippet[last:start]))
            html.append(f'<span style="background:{style.WARNING_SOFT}; color:{style.WARNING};'
                        f' font-weight:600">{escape(snippet[start:end])}</span>')
            last = end
        html.append(escape(snippet[last:]))
        text = QLabel(f"<b>{escape(self.mention_heading(mention))}</b><br>{''.join(html)}")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        edit = QPushButton(self.tr("Edit"))
        edit.setAccessibleName(self.tr("Edit: %1").replace("%1", self.mention_heading(mention)))
        edit.clicked.connect(lambda _=False, m=mention: self.edit_mention(m))
        row = QFrame()
        row.setObjectName("MentionRow")
        # A thin line between mentions; the text keeps clear of the list's edge.
        row.setStyleSheet(f"#MentionRow {{ border-bottom: 1px solid {style.BORDER}; }}")
        box = QHBoxLayout(row)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(text, 1)
        box.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def edit_mention(self, mention: mentions.Mention) -> Any:
        """Open the editor; when saved, search again (the row goes once the name is out)."""
        editor = MentionEditor(self._store, mention, self.alias,
                               self.mention_heading(mention), self)
        editor.accepted.connect(self.refresh_mentions)
        editor.open()
        return editor

    def _show_summary(self, counts: dict[str, int]) -> None:
        kinds = [
            plural(self.tr("%n attendance record(s)", "", counts.get("attendance", 0)),
                   counts.get("attendance", 0)),
            plural(self.tr("%n observation(s)", "", counts.get("observation", 0)),
                   counts.get("observation", 0)),
            plural(self.tr("%n challenge(s)", "", counts.get("challenge", 0)),
                   counts.get("challenge", 0)),
            plural(self.tr("%n challenge attempt(s)", "", counts.get("challenge_attempt", 0)),
                   counts.get("challenge_attempt", 0)),
            plural(self.tr("%n questionnaire(s)", "", counts.get("questionnaire_response", 0)),
                   counts.get("questionnaire_response", 0)),
        ]
        self.what.setText(
            self.tr("This permanently deletes <b>%1</b> and every record about them on this "
                    "laptop: %2. The next sync erases them on the server and on every other "
                    "laptop too. This cannot be undone.")
            .replace("%1", escape(self.alias)).replace("%2", escape(", ".join(kinds))))

    def _update(self) -> None:
        self.erase_button.setEnabled(self.confirm_text.text().strip() == self.alias.strip())

    def erase(self) -> None:
        if self.confirm_text.text().strip() != self.alias.strip():
            return
        store, youngster_id = self._store, self.youngster_id
        self.erase_button.setEnabled(False)
        QueryOp(parent=self, op=lambda: store.erasure.erase_youngster(youngster_id),
                success=lambda _: self._done()).failure(
            lambda exc: self.message.setText(describe(exc))).run()

    def _done(self) -> None:
        self.erased.emit(self.youngster_id)
        self.accept()
