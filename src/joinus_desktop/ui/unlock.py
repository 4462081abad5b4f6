"""The unlock window: the passphrase opens the vault, off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..store.errors import StoreError, WrongPassphrase
from ..store.store import Store
from .errors import describe, log_error
from .tasks import QueryOp

Opener = Callable[[Path, str], Store]


class UnlockWindow(QWidget):
    """Asks for the passphrase; emits `unlocked` with the open store."""

    unlocked = Signal(object)  # Store

    def __init__(self, data_dir: Path, *, opener: Opener = Store.open,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnlockWindow")
        self._data_dir = data_dir
        self._opener = opener
        self.setWindowTitle(self.tr("Join Us — unlock"))
        self.resize(1366 // 2, 768 // 2 + 60)

        card = QFrame(self)
        card.setObjectName("Card")
        card.setFixedWidth(420)
        title = QLabel(self.tr("Join Us"), card)
        title.setObjectName("PageTitle")
        subtitle = QLabel(self.tr("Your group's notes are encrypted on this laptop. "
                                  "Enter your passphrase to open them."), card)
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)
        # A fixed width lets the wrapped label claim its full height inside the card.
        subtitle.setFixedWidth(420 - 2 * 28)
        subtitle.setMinimumHeight(subtitle.fontMetrics().lineSpacing() * 2 + 6)

        label = QLabel(self.tr("&Passphrase"), card)
        self.passphrase = QLineEdit(card)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setClearButtonEnabled(False)
        label.setBuddy(self.passphrase)
        self.message = QLabel(card)
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.hide()
        self.busy = QProgressBar(card)
        self.busy.setRange(0, 0)  # indeterminate: key derivation has no progress to report
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Opening the vault"))
        self.busy.setVisible(False)
        self.open_button = QPushButton(self.tr("Open"), card)
        self.open_button.setObjectName("Primary")
        self.open_button.setDefault(True)
        self.open_button.setAccessibleName(self.tr("Open the vault"))

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(8)
        inner.addWidget(label)
        inner.addWidget(self.passphrase)
        inner.addWidget(self.message)
        inner.addWidget(self.busy)
        inner.addSpacing(4)
        inner.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        folder = QLabel(self.tr("Vault: %1").replace("%1", str(data_dir)), self)
        folder.setObjectName("Muted")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        outer.addWidget(folder, 0, Qt.AlignmentFlag.AlignHCenter)

        self.setTabOrder(self.passphrase, self.open_button)
        self.open_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.passphrase.textEdited.connect(lambda _: self.message.hide())
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.open_button.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def try_unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_message(self.tr("Enter your passphrase."))
            return
        if not self.open_button.isEnabled():
            return  # already deriving the key
        self.message.hide()
        self._set_busy(True)
        data_dir, opener = self._data_dir, self._opener
        QueryOp(parent=self, op=lambda: opener(data_dir, passphrase),
                success=self._opened).failure(self._failed).finally_(
            lambda: self._set_busy(False)).run_in_background()

    def _opened(self, store: Store) -> None:
        self.passphrase.clear()
        self.unlocked.emit(store)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphrase):
            self.show_message(self.tr("That passphrase does not open this vault. "
                                      "Check Caps Lock and try again."))
            self.passphrase.selectAll()
        elif isinstance(exc, StoreError):
            self.show_message(describe(exc))
        else:
            log_error(exc)
            self.show_message(describe(exc))
        self.passphrase.setFocus()
