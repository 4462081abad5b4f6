"""The unlock window: the passphrase opens the vault, off the UI thread."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..store.errors import StoreError, UnlockThrottled, WrongPassphrase, WrongRecoveryKey
from ..store.store import Store
from ..store.unlock_attempts import UnlockThrottle
from ..store.vault import VaultPaths
from ..store.passphrase_policy import rate
from . import passphrase_words
from .errors import describe, log_error
from .tasks import QueryOp

Opener = Callable[[Path, str], Store]


def recover_store(root: Path, recovery_text: str, new_passphrase: str) -> Store:
    """Worker side of \"Forgot passphrase?\": recovery key + new passphrase → open store."""
    from ..store.vault import Vault

    vault = Vault.recover(root, recovery_text, new_passphrase)
    try:
        return Store(vault)
    except BaseException:
        vault.lock()
        raise


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
        # The back-off after 5 wrong tries: a countdown, the Open button disabled meanwhile.
        self.wait_label = QLabel(card)
        self.wait_label.setObjectName("ErrorText")
        self.wait_label.setWordWrap(True)
        self.wait_label.setAccessibleName(self.tr("Wait before the next try"))
        self.wait_label.hide()
        self._throttle = UnlockThrottle(VaultPaths(data_dir).unlock_attempts)
        self._wait_until = 0.0  # time.monotonic() when the next try is allowed
        self._busy = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)  # the shown second changes on time, not up to 1 s late
        self._countdown.timeout.connect(self._tick)
        self.busy = QProgressBar(card)
        self.busy.setRange(0, 0)  # indeterminate: key derivation has no progress to report
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Opening the vault"))
        self.busy.setVisible(False)
        self.open_button = QPushButton(self.tr("Open"), card)
        self.open_button.setObjectName("Primary")
        self.open_button.setDefault(True)
        self.open_button.setAccessibleName(self.tr("Open the vault"))
        self.forgot_button = QPushButton(self.tr("&Forgot passphrase?"), card)
        self.forgot_button.setFlat(True)
        self.forgot_button.setAccessibleName(self.tr("Forgot passphrase? Use the recovery key"))
        self.notice = QLabel(card)
        self.notice.setObjectName("Muted")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.recovery = RecoveryPanel(card)
        self.recovery.hide()

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(8)
        inner.addWidget(self.notice)
        inner.addWidget(label)
        inner.addWidget(self.passphrase)
        inner.addWidget(self.message)
        inner.addWidget(self.wait_label)
        inner.addWidget(self.busy)
        inner.addSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.forgot_button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        inner.addLayout(row)
        inner.addWidget(self.recovery)
        self._passphrase_label = label
        folder = QLabel(self.tr("Vault: %1").replace("%1", str(data_dir)), self)
        self.folder_label = folder  # screenshots show a neutral folder instead
        folder.setObjectName("Muted")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        outer.addWidget(folder, 0, Qt.AlignmentFlag.AlignHCenter)

        self.setTabOrder(self.passphrase, self.open_button)
        self.setTabOrder(self.open_button, self.forgot_button)
        self.forgot_button.clicked.connect(lambda: self.show_recovery(True))
        self.recovery.cancel.clicked.connect(lambda: self.show_recovery(False))
        self.recovery.submitted.connect(self._recover)
        self.open_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.passphrase.textEdited.connect(lambda _: self.message.hide())
        self.passphrase.setFocus()
        self.start_wait(self._throttle.wait_s())  # the back-off survives a restart

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.passphrase.setEnabled(not busy)
        self.open_button.setEnabled(not busy and not self.waiting)
        self.busy.setVisible(busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- the back-off ------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        return self._countdown.isActive()

    def start_wait(self, seconds: float) -> None:
        """Count down ``seconds`` with the Open button disabled (a timer: the UI stays live)."""
        if seconds <= 0:
            return
        self._wait_until = time.monotonic() + seconds
        self.open_button.setEnabled(False)
        self._countdown.start()
        self._tick()

    def _tick(self) -> None:
        remaining = self._wait_until - time.monotonic()
        if remaining <= 0:
            self._countdown.stop()
            self.wait_label.hide()
            self.open_button.setEnabled(not self._busy)
            return
        self.wait_label.setText(passphrase_words.wait_message(math.ceil(remaining)))
        self.wait_label.show()

    def _wait_after_failure(self) -> None:
        try:
            self.start_wait(self._throttle.wait_s())
        except OSError:  # pragma: no cover - the store counted already; showing is extra
            pass

    # -- unlocking ---------------------------------------------------------------

    def try_unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_message(self.tr("Enter your passphrase."))
            return
        if self.waiting:
            return  # Return pressed during the countdown: the button is disabled, so is this
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
            self._wait_after_failure()
        elif isinstance(exc, UnlockThrottled):
            self.message.hide()
            self.start_wait(exc.wait_s)
        elif isinstance(exc, StoreError):
            self.show_message(describe(exc))
        else:
            log_error(exc)
            self.show_message(describe(exc))
        self.passphrase.setFocus()

    # -- locked again, and recovery ------------------------------------------

    def show_notice(self, text: str) -> None:
        """A calm line above the passphrase (e.g. "Locked after 10 minutes without use")."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_recovery(self, on: bool) -> None:
        self.message.hide()
        self.passphrase.setVisible(not on)
        self.open_button.setVisible(not on)
        self.forgot_button.setVisible(not on)
        self._passphrase_label.setVisible(not on)
        self.recovery.setVisible(on)
        if on:
            self.recovery.key.setFocus()
        else:
            self.passphrase.setFocus()

    def _recover(self, recovery_text: str, new_passphrase: str) -> None:
        root = self._data_dir
        self.recovery.set_busy(True)
        self.busy.setVisible(True)
        QueryOp(parent=self, op=lambda: recover_store(root, recovery_text, new_passphrase),
                success=self._recovered).failure(self._recovery_failed).finally_(
            lambda: (self.recovery.set_busy(False), self.busy.setVisible(False))).run()

    def _recovery_failed(self, exc: BaseException) -> None:
        self.recovery.show_message(describe(exc))
        if isinstance(exc, (WrongRecoveryKey, UnlockThrottled)):
            self._wait_after_failure()  # wrong recovery keys count in the same row

    def _recovered(self, store: Store) -> None:
        self.recovery.clear()
        self.unlocked.emit(store)


class RecoveryPanel(QWidget):
    """Recovery key + new passphrase twice; emits `submitted(key, new)` when they agree."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr("Enter the recovery key you wrote down when this laptop was set "
                               "up, and choose a new passphrase."), self)
        intro.setWordWrap(True)
        intro.setObjectName("Muted")
        self.key = QLineEdit(self)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXX-XXXX-…")
        self.new = QLineEdit(self)
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.setAccessibleName(self.tr("New passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("New passphrase again"))
        self.message = QLabel(self)
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.hide()
        self.cancel = QPushButton(self.tr("Back"), self)
        self.submit = QPushButton(self.tr("&Recover and open"), self)
        self.submit.setObjectName("Primary")
        form = QFormLayout()
        form.addRow(self.tr("Recovery &key"), self.key)
        form.addRow(self.tr("&New passphrase"), self.new)
        form.addRow(self.tr("&Repeat"), self.repeat)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.submit.clicked.connect(self._submit)
        self.repeat.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        key, new, repeat = self.key.text().strip(), self.new.text(), self.repeat.text()
        if not key:
            self.show_message(self.tr("Enter the recovery key."))
        elif not (rating := rate(new)).acceptable:
            self.show_message(passphrase_words.problem(rating))  # the rule of first run
        elif new != repeat:
            self.show_message(self.tr("The two new passphrases differ."))
        elif self.submit.isEnabled():
            self.message.hide()
            self.submitted.emit(key, new)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.key, self.new, self.repeat, self.submit, self.cancel):
            widget.setEnabled(not busy)

    def clear(self) -> None:
        for field in (self.key, self.new, self.repeat):
            field.clear()
