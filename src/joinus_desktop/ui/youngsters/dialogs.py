"""Add / edit a youngster (with consent), and leaving the programme."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import entities, method
from ...domain.problems import Problem, Severity
from ...store.errors import ValidationError
from ...store.records import Saved
from ...store.store import Store
from .. import operations
from ..errors import show_error
from ..i18n import current_language
from ..widgets import FieldMessage, escape, format_date

GUARDIAN_AGE = 16  # below this age at intake a parent or guardian consents too


def date_edit(iso: str | None, name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy" if current_language() == "nl" else "dd/MM/yyyy")
    day = dt.date.fromisoformat(iso[:10]) if iso else dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.setAccessibleName(name)
    return edit


def iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


class FormDialog(QDialog):
    """A dialog of labelled fields with a message line under each, Save and Cancel."""

    saved = Signal(object)  # Saved

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(4)
        self.messages: dict[str, FieldMessage] = {}
        self.general = FieldMessage()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("Primary")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        title_label = QLabel(title)
        title_label.setObjectName("PageTitle")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(20, 16, 20, 14)
        self.layout_.setSpacing(10)
        self.layout_.addWidget(title_label)
        self.layout_.addLayout(self.form)
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.general)
        self.footer.addStretch(1)
        self.footer.addWidget(self.cancel_button)
        self.footer.addWidget(self.save_button)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if field:
            self.messages[field] = FieldMessage()
            column.addWidget(self.messages[field])
        self.form.addRow(label, box)

    def finish(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addLayout(self.footer)

    def show_problems(self, problems: list[Problem]) -> None:
        lang = current_language()
        by_field: dict[str, list[Problem]] = {}
        for p in problems:
            by_field.setdefault(p.field if p.field in self.messages else "", []).append(p)
        for field, message in self.messages.items():
            message.show_problems(by_field.get(field, []), lang)
        self.general.show_problems(by_field.get("", []), lang)

    def save(self) -> None:
        raise NotImplementedError

    def _saved(self, saved: Saved) -> None:
        self.saved.emit(saved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
        else:
            show_error(self, exc)


class YoungsterDialog(FormDialog):
    """Name, birth year, intake date, status and consent."""

    def __init__(self, store: Store, team_id: str, youngster: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit youngster") if youngster else self.tr("Add youngster"),
                         parent)
        self._store, self._team_id, self.youngster = store, team_id, youngster
        y = youngster or {}
        lang = current_language()
        this_year = store.today().year
        self.alias = QLineEdit(y.get("alias") or "")
        self.alias.setPlaceholderText(self.tr("First name or nickname"))
        self.alias.setAccessibleName(self.tr("Name"))
        self.birth_year = QSpinBox()
        self.birth_year.setRange(this_year - 40, this_year)
        self.birth_year.setSpecialValueText(self.tr("Unknown"))  # the minimum means unknown
        self.birth_year.setValue(y.get("birth_year") or self.birth_year.minimum())
        self.birth_year.setAccessibleName(self.tr("Birth year"))
        self.intake = date_edit(y.get("intake_date"), self.tr("Intake date"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for key in method.YOUNGSTER_STATUSES:
            if key != "exited" or y.get("status") == "exited":
                self.status.addItem(method.term(method.YOUNGSTER_STATUSES, key, lang), key)
        self.status.setCurrentIndex(max(self.status.findData(y.get("status") or "intake"), 0))
        self.status.setEnabled(y.get("status") != "exited")  # leaving has its own dialog
        self.consent_youngster = QCheckBox(self.tr("The youngster consented"))
        self.consent_youngster.setChecked(bool(y.get("consent_youngster")))
        self.consent_guardian = QCheckBox(self.tr("A parent or guardian consented"))
        self.consent_guardian.setChecked(bool(y.get("consent_guardian")))
        self.consent_date = date_edit(y.get("consent_date"), self.tr("Consent date"))
        self.guardian_hint = QLabel()
        self.guardian_hint.setObjectName("Hint")
        self.guardian_hint.setWordWrap(True)
        self.add_row(self.tr("Name"), self.alias, "alias")
        self.add_row(self.tr("Birth year"), self.birth_year, "birth_year")
        self.add_row(self.tr("Intake date"), self.intake, "intake_date")
        self.add_row(self.tr("Status"), self.status, "status")
        consent = QWidget()
        column = QVBoxLayout(consent)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.consent_youngster)
        column.addWidget(self.consent_guardian)
        column.addWidget(self.guardian_hint)
        self.add_row(self.tr("Consent"), consent, "consent_youngster")
        self.add_row(self.tr("Consent date"), self.consent_date, "consent_date")
        self.finish()
        self.resize(520, 480)
        for signal in (self.birth_year.valueChanged, self.intake.dateChanged,
                       self.consent_youngster.toggled, self.consent_guardian.toggled):
            signal.connect(self._update_hints)
        self._update_hints()

    def values(self) -> dict[str, Any]:
        year = self.birth_year.value()
        return {"alias": self.alias.text().strip(), "intake_date": iso(self.intake),
                "birth_year": None if year == self.birth_year.minimum() else year,
                "status": self.status.currentData()}

    def consent(self) -> dict[str, Any] | None:
        given = self.consent_youngster.isChecked() or self.consent_guardian.isChecked()
        if not given and not (self.youngster or {}).get("consent_date"):
            return None
        return {"consent_date": iso(self.consent_date),
                "youngster": self.consent_youngster.isChecked(),
                "guardian": self.consent_guardian.isChecked()}

    def age_at_intake(self) -> int | None:
        year = self.values()["birth_year"]
        return None if year is None else self.intake.date().year() - year

    def _update_hints(self, *_: object) -> None:
        given = self.consent_youngster.isChecked() or self.consent_guardian.isChecked()
        self.consent_date.setEnabled(given)
        age = self.age_at_intake()
        under = age is not None and age < GUARDIAN_AGE
        self.guardian_hint.setText(Problem("consent_guardian", "parental_consent_needed")
                                   .message(current_language()))
        self.guardian_hint.setVisible(under and not self.consent_guardian.isChecked())
        # The domain's warnings (age outside 12-25, intake far ahead) as you type.
        record = entities.with_defaults("youngster", {**(self.youngster or {}), **self.values()})
        problems = entities.validate("youngster", record, today=self._store.today())
        self.show_problems([p for p in problems if p.severity is Severity.WARNING])

    def save(self) -> None:
        self.save_button.setEnabled(False)
        if self.youngster:
            op = operations.update_youngster(
                parent=self, store=self._store, youngster_id=self.youngster["id"],
                values=self.values(), consent=self.consent(), success=self._saved)
        else:
            op = operations.add_youngster(parent=self, store=self._store,
                                          team_id=self._team_id, values=self.values(),
                                          consent=self.consent(), success=self._saved)
        op.failure(self._failed).run()


class ExitDialog(FormDialog):
    """Leaving the programme: date, reason, note; the challenges' state; the exit questionnaire."""

    questionnaire_requested = Signal(str)  # youngster id: leaving is saved, fill it in now

    def __init__(self, store: Store, youngster: dict[str, Any],
                 challenges: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("%1 leaves the programme").replace("%1", youngster["alias"]),
                         parent)
        self._store, self.youngster = store, youngster
        lang = current_language()
        self.exit_date = date_edit(None, self.tr("Exit date"))
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Reason for leaving"))
        self.reason.addItem(self.tr("Choose a reason\u2026"), "")
        for key in method.EXIT_REASONS:
            self.reason.addItem(method.term(method.EXIT_REASONS, key, lang), key)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Anything your colleague should know"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Challenges"))
        if challenges:
            lines = [f"<b>{escape(c['title'])}</b> \u2014 "
                     f"{escape(method.term(method.CHALLENGE_STATUSES, c['status'], lang))}"
                     for c in challenges]
            self.summary.setText("<br>".join(lines))
        else:
            self.summary.setText(self.tr("No challenges were recorded."))
        self.prompt = QLabel(self.tr(
            "After leaving, the exit questionnaire is due. Ask %1 to fill it in, "
            "preferably on the last meeting.").replace("%1", escape(youngster["alias"])))
        self.prompt.setObjectName("Hint")
        self.prompt.setWordWrap(True)
        self.questionnaire_button = QPushButton(
            self.tr("Record leaving and fill in the questionnaire\u2026"))
        self.questionnaire_button.setAccessibleName(
            self.tr("Record leaving, then open the exit questionnaire"))
        self.questionnaire_button.setAutoDefault(False)
        self.questionnaire_button.clicked.connect(self.save_then_questionnaire)
        self._questionnaire_next = False
        self.add_row(self.tr("Exit date"), self.exit_date, "exit_date")
        self.add_row(self.tr("Reason"), self.reason, "exit_reason")
        self.add_row(self.tr("Note"), self.note, "exit_note")
        self.add_row(self.tr("Challenges"), self.summary)
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt, 1)
        prompt_row.addWidget(self.questionnaire_button)
        self.layout_.addLayout(prompt_row)
        self.finish()
        self.save_button.setText(self.tr("Record leaving"))
        self.resize(560, 460)
        intake = format_date(youngster.get("intake_date"))
        self.exit_date.setToolTip(self.tr("Intake was on %1").replace("%1", intake))

    def save_then_questionnaire(self) -> None:
        """Record leaving; once saved, `questionnaire_requested` asks for the exit
        questionnaire (the dialog closes first)."""
        self._questionnaire_next = True
        self.save()

    def _saved(self, saved: Saved) -> None:
        super()._saved(saved)
        if self._questionnaire_next:
            self.questionnaire_requested.emit(self.youngster["id"])

    def _failed(self, exc: BaseException) -> None:
        self._questionnaire_next = False
        self.questionnaire_button.setEnabled(True)
        super()._failed(exc)

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.questionnaire_button.setEnabled(False)
        operations.exit_youngster(
            parent=self, store=self._store, youngster_id=self.youngster["id"],
            exit_date=iso(self.exit_date), reason=self.reason.currentData() or "",
            note=self.note.toPlainText().strip() or None,
            success=self._saved).failure(self._failed).run()
