"""First run: choose a passphrase, then write down the recovery key (shown once)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..store.store import Store
from ..store.vault import MIN_PASSPHRASE_LENGTH
from .errors import describe, log_error
from .i18n import plural
from .tasks import QueryOp

Creator = Callable[[Path, str], tuple[Store, str]]


class FirstRunDialog(QDialog):
    """Creates the vault. After `exec()` returns Accepted, `store` is open."""

    def __init__(self, data_dir: Path, *, creator: Creator = Store.create,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._creator = creator
        self.store: Store | None = None
        self.setWindowTitle(self.tr("Join Us — set up this laptop"))
        self.setMinimumWidth(480)
        self.pages = QStackedWidget(self)

        # Page 1: passphrase twice.
        choose = QWidget()
        intro = QLabel(self.tr(
            "Join Us keeps your group's notes encrypted on this laptop. Choose a passphrase: "
            "a few unrelated words are easy to remember and hard to guess."))
        intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        first_label = QLabel(self.tr("&New passphrase"))
        first_label.setBuddy(self.first)
        second_label = QLabel(self.tr("&Repeat it"))
        second_label.setBuddy(self.second)
        self.problem = QLabel()
        self.problem.setObjectName("ErrorText")
        self.problem.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.create_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.create_buttons.addButton(
            self.tr("Create vault"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("Primary")
        lay = QVBoxLayout(choose)
        lay.setSpacing(8)
        for w in (intro, first_label, self.first, second_label, self.second, self.problem,
                  self.busy):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(self.create_buttons)
        self.create_buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self.create_vault)

        # Page 2: the recovery key, once.
        recovery = QWidget()
        explain = QLabel(self.tr(
            "This is your recovery key. If you forget your passphrase, it is the only way "
            "to open your notes. Write it down on paper and keep it somewhere safe. "
            "It will not be shown again."))
        explain.setWordWrap(True)
        self.key_label = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.4)
        mono.setWeight(QFont.Weight.DemiBold)
        self.key_label.setFont(mono)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setObjectName("Card")
        self.key_label.setMinimumHeight(64)
        self.written = QCheckBox(self.tr("I have written it down"))
        self.continue_buttons = QDialogButtonBox()
        self.continue_button = self.continue_buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("Primary")
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        lay2 = QVBoxLayout(recovery)
        lay2.setSpacing(12)
        for w in (explain, self.key_label, self.written):
            lay2.addWidget(w)
        lay2.addStretch(1)
        lay2.addWidget(self.continue_buttons)

        self.pages.addWidget(choose)
        self.pages.addWidget(recovery)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(self.pages)

    def check(self) -> str | None:
        """What is wrong with the two passphrases, or None."""
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE_LENGTH:
            return plural(self.tr("A passphrase needs at least %n characters.", "",
                                  MIN_PASSPHRASE_LENGTH), MIN_PASSPHRASE_LENGTH)
        if first != second:
            return self.tr("The two passphrases are not the same.")
        return None

    def create_vault(self) -> None:
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            return
        self.problem.clear()
        for w in (self.first, self.second, self.create_button):
            w.setEnabled(False)
        self.busy.show()
        root, passphrase, creator = self._data_dir, self.first.text(), self._creator

        def done() -> None:
            self.busy.hide()
            for w in (self.first, self.second, self.create_button):
                w.setEnabled(True)

        QueryOp(parent=self, op=lambda: creator(root, passphrase),
                success=self._created).failure(self._failed).finally_(done).run()

    def _created(self, result: tuple[Store, str]) -> None:
        self.store, key_text = result
        self.first.clear()
        self.second.clear()
        self.key_label.setText(key_text)
        self.pages.setCurrentIndex(1)
        self.written.setFocus()

    def _failed(self, exc: BaseException) -> None:
        log_error(exc)
        self.problem.setText(describe(exc))

    def reject(self) -> None:
        if self.store is not None:
            return  # the vault exists now: the recovery key must be acknowledged
        super().reject()
