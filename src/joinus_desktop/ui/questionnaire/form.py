"""The questionnaire as the social worker enters it: every item on one page."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import instruments as instr
from ...domain import schedule
from ...store.store import Store
from ..i18n import current_language
from ..tasks import QueryOp
from ..widgets import escape
from .items import ITEM_STYLE, ItemWidget, scores_html
from .ops import QuestionnaireContext, load_context, missing_items, save_response


class QuestionnaireDialog(QDialog):
    """Enter one youngster's answers; points out missing ones before saving."""

    saved = Signal(dict)  # scale id -> score
    loaded = Signal()
    hand_over_requested = Signal()

    def __init__(self, store: Store, youngster_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuestionnaireDialog")
        self.setStyleSheet(ITEM_STYLE)
        self._store = store
        self.youngster_id = youngster_id
        self.context: QuestionnaireContext | None = None
        self.items: list[ItemWidget] = []
        self.confirm_box: QMessageBox | None = None
        self.scores: dict[str, float | None] | None = None
        self.setWindowTitle(self.tr("Questionnaire"))
        self.resize(960, 700)

        self.title = QLabel(self.tr("Questionnaire"))
        self.title.setObjectName("PageTitle")
        self.moment = QComboBox()
        self.moment.setAccessibleName(self.tr("Measurement moment"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Date filled in"))
        self.date.setMaximumDate(QDate.currentDate())
        head = QFormLayout()
        head.addRow(self.tr("&Moment"), self.moment)
        head.addRow(self.tr("&Date"), self.date)

        self.item_box = QWidget()
        self.item_layout = QVBoxLayout(self.item_box)
        self.item_layout.setSpacing(8)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.item_box)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setAccessibleName(self.tr("Scale scores"))
        self.result.setWordWrap(True)
        self.result.hide()
        self.message = QLabel()
        self.message.setObjectName("Overdue")
        self.message.setWordWrap(True)
        self.message.hide()

        self.hand_over_button = QPushButton(self.tr("&Hand over to the youngster…"))
        self.hand_over_button.setAccessibleName(self.tr("Hand the laptop over to the youngster"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("Primary")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hand_over_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.clicked.connect(self.reject)
        self.hand_over_button.clicked.connect(self._hand_over)
        self.setTabOrder(self.moment, self.date)
        self.reload()

    def reload(self) -> None:
        store, youngster_id = self._store, self.youngster_id
        QueryOp(parent=self, op=lambda: load_context(store, youngster_id),
                success=self._show_context).run()

    def _show_context(self, context: QuestionnaireContext) -> None:
        self.context = context
        lang = current_language()
        self.title.setText(self.tr("Questionnaire — %1").replace("%1", context.alias))
        self.setWindowTitle(self.title.text())
        self.moment.clear()
        for moment in context.moments:
            label = schedule.moment_label(moment, lang)
            if moment == context.due_moment:
                label = self.tr("%1 (due)").replace("%1", label)
            self.moment.addItem(label, moment)
        self.moment.setCurrentIndex(context.moments.index(context.due_moment))
        self.date.setDate(QDate(context.today.year, context.today.month, context.today.day))
        instrument = context.instrument
        previous: QWidget = self.date
        for n, item in enumerate(instrument.items, start=1):
            widget = ItemWidget(item, n, instrument.answer_scale, lang)
            self.item_layout.addWidget(widget)
            self.items.append(widget)
            for button in widget.buttons.values():
                self.setTabOrder(previous, button)
                previous = button
        self.item_layout.addStretch(1)
        self.setTabOrder(previous, self.save_button)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def answers(self) -> dict[str, int | None]:
        return {w.item_id: w.value() for w in self.items}

    # -- saving ---------------------------------------------------------------

    def try_save(self) -> None:
        """Save, after pointing out unanswered items and asking to confirm."""
        if self.context is None or not self.save_button.isEnabled():
            return
        answers = self.answers()
        missing = set(missing_items(self.context.instrument, answers))
        for widget in self.items:
            widget.set_missing(widget.item_id in missing)
        if not missing:
            self._save(answers)
            return
        first = next(w for w in self.items if w.item_id in missing)
        self.scroll.ensureWidgetVisible(first)
        lang = current_language()
        problems = [p.message(lang) for p in instr.validate_answers(self.context.instrument, answers)
                    if not p.is_error]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Questions not answered"),
                          self.tr("%n question(s) are not answered; they are marked in orange.",
                                  "", len(missing)).replace("%n", str(len(missing))),
                          parent=self)
        box.setInformativeText("\n".join(problems[1:]) + ("\n\n" if problems[1:] else "")
                               + self.tr("Save anyway, or go back and fill them in?"))
        self.save_anyway = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.go_back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.go_back)
        box.setAccessibleName(self.tr("Questions not answered"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # open(), not exec(): an auto-lock must be able to close this window meanwhile.
        box.buttonClicked.connect(
            lambda b: self._save(self.answers()) if b is self.save_anyway else first.setFocus())
        self.confirm_box = box
        box.open()

    def _save(self, answers: dict[str, int | None]) -> None:
        assert self.context is not None
        self.save_button.setEnabled(False)
        store, youngster_id = self._store, self.youngster_id
        date = self.date.date().toString("yyyy-MM-dd")
        moment = self.moment.currentData()
        QueryOp(parent=self, op=lambda: save_response(store, youngster_id=youngster_id,
                                                      answers=answers, date=date, moment=moment),
                success=self._saved).failure(self._failed).run()

    def _saved(self, scores: dict[str, float | None]) -> None:
        assert self.context is not None
        self.scores = scores
        lang = current_language()
        self.scroll.hide()
        self.hand_over_button.hide()
        self.save_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setFocus()
        self.result.setText(
            f"<p><b>{escape(self.tr('Saved. The scores of this questionnaire:'))}</b></p>"
            + scores_html(self.context.instrument, scores, lang, self.tr("no score")))
        self.result.show()
        self.saved.emit(scores)

    def _failed(self, exc: BaseException) -> None:
        from ..errors import describe, log_error

        log_error(exc)
        self.message.setText(describe(exc))
        self.message.show()
        self.save_button.setEnabled(True)

    def _hand_over(self) -> None:
        self.hand_over_requested.emit()
        self.reject()
