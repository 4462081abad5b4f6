"""Hand-over mode: the youngster fills in the questionnaire on the worker's laptop.

The window shows the questionnaire and nothing else (no navigation, no names, no
data), in large type, a few items per page. It cannot be left with Esc, Alt+F4
or the close button: leaving, and saving at the end, need the social worker's
passphrase, checked on the store worker (`Vault.verify_passphrase` is slow).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...store.store import Store
from ..i18n import current_language
from ..tasks import QueryOp
from .items import ITEM_STYLE, ItemWidget
from .ops import QuestionnaireContext, missing_items, verify_and_save

ITEMS_PER_PAGE = 3
HANDOVER_STYLE = ITEM_STYLE + """
#HandOver { background: #f5f6f8; }
#HandOver QLabel, #HandOver QRadioButton { font-size: 19px; }
#HandOver #Intro { font-size: 30px; font-weight: 600; color: #1d6f7a; }
#HandOver #Big { font-size: 22px; }
#HandOver QPushButton { font-size: 19px; padding: 10px 30px; }
#HandOver QPushButton#WorkerButton { font-size: 13px; padding: 4px 12px; color: #5f6b7a; }
#HandOver QRadioButton::indicator { width: 22px; height: 22px; }
#HandOver QLineEdit { font-size: 19px; }
#HandOver QProgressBar { max-height: 8px; }
#HandOver #ErrorText { color: #b3261e; }
"""


class HandOverWindow(QWidget):
    """Full-screen questionnaire for the youngster; emits `finished` when the worker leaves.

    `finished` carries the scores when saved, or None when left without saving.
    """

    finished = Signal(object)

    def __init__(self, store: Store, context: QuestionnaireContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HandOver")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(HANDOVER_STYLE)
        self.setWindowTitle(self.tr("Questionnaire"))
        self._store = store
        self.context = context
        self._may_close = False
        self._checking = False
        self._save_on_leave = True
        lang = current_language()
        instrument = context.instrument

        self.pages = QStackedWidget()
        self.pages.addWidget(self._intro_page(len(instrument.items)))
        self.items: list[ItemWidget] = []
        self.item_pages: list[QWidget] = []
        for start in range(0, len(instrument.items), ITEMS_PER_PAGE):
            page = QWidget()
            column = QVBoxLayout(page)
            column.setSpacing(14)
            for n, item in enumerate(instrument.items[start:start + ITEMS_PER_PAGE], start + 1):
                widget = ItemWidget(item, n, instrument.answer_scale, lang, vertical=True)
                column.addWidget(widget)
                self.items.append(widget)
            column.addStretch(1)
            self.pages.addWidget(page)
            self.item_pages.append(page)
        self.end_page, self.end_text, self.skipped_text = self._end_page()
        self.pages.addWidget(self.end_page)
        self.auth_page = self._auth_page()
        self.pages.addWidget(self.auth_page)

        self.progress = QProgressBar()
        self.progress.setRange(0, len(self.items))
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress_text = QLabel()
        self.progress_text.setObjectName("Muted")
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.setObjectName("Primary")
        self.next_button.setAccessibleName(self.tr("Next"))
        self.worker_button = QPushButton(self.tr("Social worker: stop"))
        self.worker_button.setObjectName("WorkerButton")
        self.worker_button.setAccessibleName(self.tr("Stop the questionnaire (social worker)"))
        self.worker_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.progress_text)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        body = QWidget()
        body.setMaximumWidth(860)
        column = QVBoxLayout(body)
        column.addWidget(self.progress)
        column.addWidget(self.pages, 1)
        column.addLayout(nav)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 16)
        outer.addWidget(body, 1, Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(self.worker_button, 0, Qt.AlignmentFlag.AlignRight)

        self.back_button.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.pages.currentIndex() + 1))
        self.worker_button.clicked.connect(lambda: self.ask_passphrase(save=False))
        for widget in self.items:
            widget.group.idClicked.connect(lambda _: self._update())
        self.go(0)

    # -- pages --------------------------------------------------------------

    def _intro_page(self, count: int) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Hi! Thanks for filling this in."))
        title.setObjectName("Intro")
        title.setWordWrap(True)
        text = QLabel(self.tr(
            "These %1 questions are about how you feel with other people. There are no "
            "right or wrong answers: choose what fits you best right now. Take your time. "
            "You can go back to change an answer, and skip a question if you really "
            "don't want to answer it.").replace("%1", str(count)))
        text.setObjectName("Big")
        text.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addStretch(2)
        return page

    def _end_page(self) -> tuple[QWidget, QLabel, QLabel]:
        page = QWidget()
        title = QLabel(self.tr("Thank you! You're done."))
        title.setObjectName("Intro")
        text = QLabel(self.tr("Give the laptop back to your social worker."))
        text.setObjectName("Big")
        text.setWordWrap(True)
        skipped = QLabel()
        skipped.setWordWrap(True)
        self.first_skipped_button = QPushButton(self.tr("Go to the skipped questions"))
        self.first_skipped_button.clicked.connect(self._go_to_skipped)
        self.save_button = QPushButton(self.tr("Social worker: save the answers"))
        self.save_button.setAccessibleName(self.tr("Save the answers (social worker)"))
        self.save_button.clicked.connect(lambda: self.ask_passphrase(save=True))
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(skipped)
        layout.addWidget(self.first_skipped_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        return page, text, skipped

    def _auth_page(self) -> QWidget:
        page = QWidget()
        self.auth_title = QLabel()
        self.auth_title.setObjectName("Big")
        self.auth_title.setWordWrap(True)
        label = QLabel(self.tr("Social worker's &passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Social worker's passphrase"))
        label.setBuddy(self.passphrase)
        self.auth_message = QLabel()
        self.auth_message.setObjectName("ErrorText")
        self.auth_message.setWordWrap(True)
        self.auth_message.hide()
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.confirm_button.setObjectName("Primary")
        self.cancel_auth_button = QPushButton(self.tr("Back to the questionnaire"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_auth_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.auth_title)
        layout.addSpacing(12)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.auth_message)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.confirm_button.clicked.connect(self.check_passphrase)
        self.passphrase.returnPressed.connect(self.check_passphrase)
        self.cancel_auth_button.clicked.connect(lambda: self.go(self._return_to))
        self._return_to = 0
        return page

    # -- moving around --------------------------------------------------------

    def go(self, index: int) -> None:
        last = self.pages.indexOf(self.end_page)
        index = max(0, min(index, last))
        self.pages.setCurrentIndex(index)
        self._update()

    def _update(self) -> None:
        index = self.pages.currentIndex()
        last = self.pages.indexOf(self.end_page)
        on_auth = index == self.pages.indexOf(self.auth_page)
        answered = sum(1 for w in self.items if w.value() is not None)
        self.progress.setValue(answered)
        if 1 <= index < last:
            first = (index - 1) * ITEMS_PER_PAGE + 1
            upto = min(first + ITEMS_PER_PAGE - 1, len(self.items))
            self.progress_text.setText(self.tr("Questions %1–%2 of %3").replace(
                "%1", str(first)).replace("%2", str(upto)).replace("%3", str(len(self.items))))
        else:
            self.progress_text.setText("")
        self.back_button.setVisible(0 < index <= last)
        self.next_button.setVisible(index < last)
        self.next_button.setText(self.tr("Start →") if index == 0 else self.tr("Next →"))
        self.worker_button.setVisible(not on_auth)
        if index == last:
            skipped = missing_items(self.context.instrument,
                                    {w.item_id: w.value() for w in self.items})
            self.skipped_text.setText(self.tr(
                "You skipped %n question(s). You can go back to answer them; leaving them "
                "open is fine too.", "", len(skipped)).replace("%n", str(len(skipped))))
            self.skipped_text.setVisible(bool(skipped))
            self.first_skipped_button.setVisible(bool(skipped))

    def _go_to_skipped(self) -> None:
        for n, widget in enumerate(self.items):
            if widget.value() is None:
                self.go(1 + n // ITEMS_PER_PAGE)
                widget.set_missing(True)
                return

    def answers(self) -> dict[str, int | None]:
        return {w.item_id: w.value() for w in self.items}

    # -- the social worker's passphrase ---------------------------------------

    def ask_passphrase(self, *, save: bool) -> None:
        self._save_on_leave = save
        current = self.pages.currentIndex()
        if current != self.pages.indexOf(self.auth_page):
            self._return_to = current
        self.auth_title.setText(
            self.tr("Enter your passphrase to save the answers.") if save else
            self.tr("Enter your passphrase to stop. The answers given so far are NOT saved."))
        self.auth_message.hide()
        self.passphrase.clear()
        self.pages.setCurrentWidget(self.auth_page)
        self._update()
        self.back_button.hide()
        self.next_button.hide()
        self.passphrase.setFocus()

    def check_passphrase(self) -> None:
        passphrase = self.passphrase.text()
        if self._checking or not passphrase:
            return
        self._checking = True
        self.confirm_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        store, ctx = self._store, self.context
        answers = self.answers() if self._save_on_leave else None
        date, moment = ctx.today.isoformat(), ctx.due_moment
        QueryOp(parent=self, op=lambda: verify_and_save(
            store, passphrase, youngster_id=ctx.youngster_id, answers=answers, date=date,
            moment=moment), success=self._checked).failure(self._failed).finally_(
            self._done_checking).run()

    def _done_checking(self) -> None:
        self._checking = False
        self.confirm_button.setEnabled(True)
        self.passphrase.setEnabled(True)

    def _checked(self, scores: dict[str, float | None] | None) -> None:
        if scores is None:
            self.auth_message.setText(self.tr("That is not the passphrase of this laptop."))
            self.auth_message.show()
            self.passphrase.clear()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        self._may_close = True
        self.close()
        self.finished.emit(scores if self._save_on_leave else None)

    def _failed(self, exc: BaseException) -> None:
        from ..errors import describe, log_error

        log_error(exc)
        self.auth_message.setText(describe(exc))
        self.auth_message.show()

    # -- no way out without the passphrase ------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()  # Alt+F4 and the close button end here
            self.ask_passphrase(save=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # swallowed: Esc must not leave
            return
        super().keyPressEvent(event)
