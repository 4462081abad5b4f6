"""Editing a text that names a youngster who is about to be erased.

One field of one record, with every occurrence of the alias highlighted, and a
quick way to replace them all (by default with "[name removed]").
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...store import mentions
from ...store.store import Store
from .. import style
from ..errors import describe
from ..tasks import QueryOp


class MentionEditor(QDialog):
    """Saves on the store worker; ``accept()`` once the new text is stored."""

    def __init__(self, store: Store, mention: mentions.Mention, alias: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.mention = mention
        self._matcher = mentions.alias_matcher(alias)
        self.setWindowTitle(self.tr("Edit the text"))
        heading = QLabel(title)
        heading.setWordWrap(True)
        self.editor = QPlainTextEdit(mention.text)
        self.editor.setAccessibleName(self.tr("Text"))
        self.editor.textChanged.connect(self._highlight)
        self.replacement = QLineEdit(self.tr("[name removed]"))
        self.replacement.setAccessibleName(self.tr("Replace the name with"))
        self.replace_button = QPushButton(self.tr("Replace the name"))
        self.replace_button.clicked.connect(self.replace_all)
        replace_row = QHBoxLayout()
        replace_row.addWidget(QLabel(self.tr("Replace the name with")))
        replace_row.addWidget(self.replacement, 1)
        replace_row.addWidget(self.replace_button)
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.editor, 1)
        layout.addLayout(replace_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        self._highlight()

    def _spans(self) -> tuple[tuple[int, int], ...]:
        if self._matcher is None:
            return ()
        return self._matcher.spans(self.editor.toPlainText())

    def _highlight(self) -> None:
        mark = QTextCharFormat()
        mark.setBackground(QColor(style.WARNING_SOFT))
        mark.setForeground(QColor(style.WARNING))
        selections = []
        for start, end in self._spans():
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor, selection.format = cursor, mark  # type: ignore[misc]
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        self.replace_button.setEnabled(bool(selections))

    def replace_all(self) -> None:
        text, new = self.editor.toPlainText(), self.replacement.text()
        for start, end in reversed(self._spans()):
            text = text[:start] + new + text[end:]
        # One edit on the document, so Ctrl+Z brings the name back in one step.
        cursor = QTextCursor(self.editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)

    def save(self) -> None:
        store, mention, text = self._store, self.mention, self.editor.toPlainText()
        self.buttons.setEnabled(False)
        QueryOp(parent=self, op=lambda: mentions.save_edit(store, mention, text),
                success=lambda _: self.accept()).failure(self._failed).finally_(
            lambda: self.buttons.setEnabled(True)).run()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(describe(error))
