"""First run: language, a passphrase (with strength feedback), the recovery key shown
once (write it down, save or print it), then an offer to connect to the organisation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..store.files import write_atomically
from ..store.store import Store
from ..store.passphrase_policy import Weakness, rate
from . import passphrase_words
from .errors import describe, log_error
from .i18n import language_combo, set_language
from .tasks import QueryOp

Creator = Callable[[Path, str], tuple[Store, str]]


class FirstRunDialog(QDialog):
    """Creates the vault. After `exec()` returns Accepted, `store` is open.

    Pages: 0 passphrase (with the language choice), 1 recovery key, 2 connect.
    ``connect_requested`` is True when the worker chose "Connect now": the main
    window then opens the enrolment dialog.
    """

    def __init__(self, data_dir: Path, *, creator: Creator = Store.create,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._creator = creator
        self.store: Store | None = None
        self.connect_requested = False
        self.setMinimumWidth(520)
        self.pages = QStackedWidget(self)

        # Page 0: language and passphrase twice.
        choose = QWidget()
        self.language = language_combo(self.tr("Language"))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.textChanged.connect(self._show_strength)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.first_label = QLabel()
        self.first_label.setBuddy(self.first)
        self.strength = QLabel()
        self.strength.setObjectName("Hint")
        self.strength.setWordWrap(True)
        self.second_label = QLabel()
        self.second_label.setBuddy(self.second)
        self.problem = QLabel()
        self.problem.setObjectName("ErrorText")
        self.problem.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.create_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.create_buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("Primary")
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        lay = QVBoxLayout(choose)
        lay.setSpacing(8)
        lay.addLayout(language_row)
        for w in (self.intro, self.first_label, self.first, self.strength, self.second_label,
                  self.second, self.problem, self.busy):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(self.create_buttons)
        self.create_buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self.create_vault)

        # Page 1: the recovery key, once.
        recovery = QWidget()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.key_label = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.4)
        mono.setWeight(QFont.Weight.DemiBold)
        self.key_label.setFont(mono)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setObjectName("Card")
        self.key_label.setMinimumHeight(64)
        self.save_key = QPushButton()
        self.save_key.clicked.connect(self.save_recovery_key)
        self.print_key = QPushButton()
        self.print_key.clicked.connect(self.print_recovery_key)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.save_key)
        keep_row.addWidget(self.print_key)
        keep_row.addStretch(1)
        self.written = QCheckBox()
        self.continue_buttons = QDialogButtonBox()
        self.continue_button = self.continue_buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("Primary")
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(lambda: self.pages.setCurrentIndex(2))
        lay2 = QVBoxLayout(recovery)
        lay2.setSpacing(12)
        lay2.addWidget(self.explain)
        lay2.addWidget(self.key_label)
        lay2.addLayout(keep_row)
        lay2.addWidget(self.written)
        lay2.addStretch(1)
        lay2.addWidget(self.continue_buttons)

        # Page 2: connecting to the organisation (optional, also possible later).
        connect = QWidget()
        self.connect_text = QLabel()
        self.connect_text.setWordWrap(True)
        self.connect_buttons = QDialogButtonBox()
        self.later_button = self.connect_buttons.addButton(
            "", QDialogButtonBox.ButtonRole.RejectRole)
        self.connect_button = self.connect_buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("Primary")
        self.later_button.clicked.connect(self.accept)
        self.connect_button.clicked.connect(self._connect_now)
        lay3 = QVBoxLayout(connect)
        lay3.addWidget(self.connect_text)
        lay3.addStretch(1)
        lay3.addWidget(self.connect_buttons)

        self.pages.addWidget(choose)
        self.pages.addWidget(recovery)
        self.pages.addWidget(connect)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(self.pages)
        self.retranslate()

    # -- language -------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Join Us — set up this laptop"))
        self.language_label.setText(self.tr("&Language"))
        self.intro.setText(self.tr(
            "Join Us keeps your group's notes encrypted on this laptop. Choose a passphrase: "
            "a few unrelated words are easy to remember and hard to guess."))
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.first_label.setText(self.tr("&New passphrase"))
        self.second_label.setText(self.tr("&Repeat it"))
        self.create_button.setText(self.tr("Create vault"))
        self.explain.setText(self.tr(
            "This is your recovery key. If you forget your passphrase, it is the only way "
            "to open your notes. Write it down on paper and keep it somewhere safe. "
            "It will not be shown again."))
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.save_key.setText(self.tr("Save as file…"))
        self.print_key.setText(self.tr("Print…"))
        self.written.setText(self.tr("I have written it down"))
        self.continue_button.setText(self.tr("Continue"))
        self.connect_text.setText(self.tr(
            "Does your organisation use a Join Us server? Then connect this laptop now with "
            "the address and code from your coordinator, so that your colleague sees the "
            "same group. You can also do this later, from the status bar."))
        self.later_button.setText(self.tr("Later"))
        self.connect_button.setText(self.tr("Connect now…"))
        self._show_strength(self.first.text())

    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        set_language(lang)
        from .settings.prefs import preferences

        preferences().set_language(lang)
        self.retranslate()  # at once; Qt's LanguageChange event arrives later

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- passphrase ---------------------------------------------------------

    def _show_strength(self, text: str) -> None:
        if not text:
            self.strength.clear()
            return
        rating = rate(text)
        shown = self.tr("Strength: %1").replace("%1", passphrase_words.strength_word(rating))
        if not rating.acceptable:
            shown += " — " + passphrase_words.reason(rating)
        self.strength.setText(shown)
        self.strength.setStyleSheet(f"color: {passphrase_words.strength_colour(rating)};")
        self._fit()

    def _fit(self) -> None:
        """Grow to show wrapped feedback whole: a dialog keeps its first height otherwise,
        and the reasons for a weak passphrase take two or three lines."""
        self.layout().activate()
        # The size hint is taken at a narrower width than the dialog has, so it errs on
        # the roomy side; height-for-width of the stacked pages errs on the short one.
        needed = self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def check(self) -> str | None:
        """What is wrong with the two passphrases, or None (the same rule as `init`)."""
        first, second = self.first.text(), self.second.text()
        rating = rate(first)
        if not rating.acceptable:
            # The strength line above already says why; here, what to do about it
            # (the rule's minimum length is said again: it is the plainest reason).
            if rating.weakness is Weakness.TOO_SHORT:
                return passphrase_words.problem(rating)
            return passphrase_words.hint()
        if first != second:
            return self.tr("The two passphrases are not the same.")
        return None

    def create_vault(self) -> None:
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            self._fit()
            return
        self.problem.clear()
        for w in (self.first, self.second, self.create_button, self.language):
            w.setEnabled(False)
        self.busy.show()
        root, passphrase, creator = self._data_dir, self.first.text(), self._creator

        def done() -> None:
            self.busy.hide()
            for w in (self.first, self.second, self.create_button, self.language):
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
        self._fit()

    # -- keeping the recovery key ---------------------------------------------

    def save_recovery_key(self, path: str | None = None) -> bool:
        """Write the key to a file the worker chooses (a USB stick, not this laptop)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the recovery key"), "join-us-recovery-key.txt",
                self.tr("Text files (*.txt)"))
        if not path:
            return False
        text = self.tr(
            "Join Us recovery key\n\n%1\n\nKeep this somewhere safe, away from the laptop. "
            "With it, anyone can open this laptop's Join Us vault.\n").replace(
            "%1", self.key_label.text())
        try:
            write_atomically(Path(path), text.encode("utf-8"))  # 0600, like every export
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), describe(exc))
            return False
        return True

    def print_recovery_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(self.tr("Join Us recovery key") + "\n\n" + self.key_label.text())
        document.print_(printer)

    # -- connecting -------------------------------------------------------------

    def _connect_now(self) -> None:
        self.connect_requested = True
        self.accept()

    def reject(self) -> None:
        if self.store is not None:
            if self.pages.currentIndex() == 2:
                self.accept()  # "not now" on the last page: the vault is ready
            return  # the vault exists now: the recovery key must be acknowledged
        super().reject()
