"""Changing the passphrase: current, new twice, strength feedback; re-wrapped on the worker."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...store.errors import WrongPassphrase
from ...store.store import Store
from ...store.passphrase_policy import MIN_LENGTH, rate
from .. import passphrase_words
from ..errors import describe
from ..tasks import QueryOp
from ..widgets import Card, restyle


def change_passphrase(store: Store, current: str, new: str) -> None:
    """Worker side: check the current passphrase, then re-wrap the key."""
    if not store.vault.verify_passphrase(current):
        raise WrongPassphrase()
    store.vault.change_passphrase(new)


class PassphraseCard(Card):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Passphrase"), parent)
        self._store = store
        self.current = self._field(self.tr("Current passphrase"))
        self.new = self._field(self.tr("New passphrase"))
        self.repeat = self._field(self.tr("New passphrase again"))
        self.feedback = QLabel()
        self.feedback.setObjectName("Muted")
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(self.tr("Passphrase strength"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Passphrase message"))
        self.message.hide()
        self.button = QPushButton(self.tr("C&hange passphrase"))
        self.button.setEnabled(False)
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.addRow(self.tr("C&urrent"), self.current)
        form.addRow(self.tr("&New"), self.new)
        form.addRow(self.tr("&Repeat new"), self.repeat)
        form.addRow("", self.feedback)
        self.body.addLayout(form)
        self.body.addWidget(self.message)
        self.body.addWidget(self.button)
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._check)
        self.button.clicked.connect(self.submit)
        self.repeat.returnPressed.connect(self.submit)
        self._check()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _check(self) -> None:
        new, repeat = self.new.text(), self.repeat.text()
        rating = rate(new) if new else None
        if rating is None:
            self.feedback.setText(self.tr("At least %1 characters; a few unrelated words are "
                                          "easiest to remember.").replace("%1", str(MIN_LENGTH)))
        else:
            self.feedback.setText(passphrase_words.feedback(rating))
        if repeat and new != repeat:
            self.feedback.setText(self.tr("The two new passphrases differ."))
        self.button.setEnabled(bool(self.current.text()) and rating is not None
                               and rating.acceptable and new == repeat)

    def _say(self, text: str, error: bool) -> None:
        restyle(self.message, "ErrorText" if error else "Muted")
        self.message.setText(text)
        self.message.show()

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        store, current, new = self._store, self.current.text(), self.new.text()
        self.button.setEnabled(False)
        self._say(self.tr("Changing the passphrase…"), error=False)
        QueryOp(parent=self, op=lambda: change_passphrase(store, current, new),
                success=lambda _: self._done()).failure(self._failed).finally_(
            self._check).run()

    def _done(self) -> None:
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self._say(self.tr("The passphrase is changed. Use the new one from now on; "
                          "the recovery key still works."), error=False)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphrase):
            self._say(self.tr("The current passphrase is not right."), error=True)
            self.current.selectAll()
            self.current.setFocus()
        else:
            self._say(describe(exc), error=True)
