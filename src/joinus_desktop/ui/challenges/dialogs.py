"""Add a challenge; add an attempt at one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...domain import method
from ...store.store import Store
from .. import operations
from ..i18n import current_language
from ..widgets import format_date
from ..youngsters.dialogs import FormDialog, date_edit, iso


class ChallengeDialog(FormDialog):
    """Title, what it works on (a skill or a belief, in words), and its status."""

    def __init__(self, store: Store, youngster: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New challenge for %1").replace("%1", youngster["alias"]),
                         parent)
        self._store, self.youngster = store, youngster
        lang = current_language()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Join a game without being asked"))
        self.title_edit.setAccessibleName(self.tr("Challenge"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Works on"))
        self.kind.addItem(self.tr("A social skill"), "missing_skill")
        self.kind.addItem(self.tr("A negative belief"), "negative_belief")
        self.works_on = QLineEdit()
        self.works_on.setPlaceholderText(self.tr("Which skill or belief, in a few words"))
        self.works_on.setAccessibleName(self.tr("Which skill or belief"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for key in method.CHALLENGE_STATUSES:
            self.status.addItem(method.term(method.CHALLENGE_STATUSES, key, lang), key)
        self.status.setCurrentIndex(self.status.findData("active"))
        self.add_row(self.tr("Challenge"), self.title_edit, "title")
        self.add_row(self.tr("Works on"), self.kind, "works_on_kind")
        self.add_row("", self.works_on, "works_on")
        self.add_row(self.tr("Status"), self.status, "status")
        self.finish()
        self.resize(520, 340)

    def save(self) -> None:
        self.save_button.setEnabled(False)
        operations.add_challenge(
            parent=self, store=self._store, team_id=self.youngster["team_id"],
            youngster_id=self.youngster["id"], title=self.title_edit.text().strip(),
            works_on_kind=self.kind.currentData(),
            works_on=self.works_on.text().strip() or None, status=self.status.currentData(),
            success=self._saved).failure(self._failed).run()


class AttemptDialog(FormDialog):
    """Date, optionally the meeting, what happened, how it felt, outcome."""

    def __init__(self, store: Store, challenge: dict[str, Any],
                 meetings: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attempt: %1").replace("%1", challenge["title"]), parent)
        self._store, self.challenge = store, challenge
        lang = current_language()
        self.date = date_edit(None, self.tr("Date"))
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(self.tr("Meeting"))
        self.meeting.addItem(self.tr("Not at a meeting"), "")
        for m in meetings:  # newest first
            self.meeting.addItem(f"{format_date(m['date'])} \u2014 {m.get('place') or ''}",
                                 m["id"])
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self._meeting_dates = {m["id"]: m["date"] for m in meetings}
        self.what_happened = QPlainTextEdit()
        self.what_happened.setTabChangesFocus(True)
        self.what_happened.setFixedHeight(70)
        self.what_happened.setAccessibleName(self.tr("What happened"))
        self.how_it_felt = QLineEdit()
        self.how_it_felt.setAccessibleName(self.tr("How it felt"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.addItem("\u2014", "")
        for key in method.ATTEMPT_OUTCOMES:
            self.outcome.addItem(method.term(method.ATTEMPT_OUTCOMES, key, lang), key)
        self.add_row(self.tr("Date"), self.date, "date")
        self.add_row(self.tr("Meeting"), self.meeting, "meeting_id")
        self.add_row(self.tr("What happened"), self.what_happened, "what_happened")
        self.add_row(self.tr("How it felt"), self.how_it_felt, "how_it_felt")
        self.add_row(self.tr("Outcome"), self.outcome, "outcome")
        self.finish()
        self.resize(540, 400)

    def _meeting_chosen(self) -> None:
        # An attempt at a meeting happened on the meeting's day.
        date = self._meeting_dates.get(self.meeting.currentData() or "")
        if date:
            self.date.setDate(date_edit(date, "").date())

    def save(self) -> None:
        self.save_button.setEnabled(False)
        operations.add_attempt(
            parent=self, store=self._store, challenge_id=self.challenge["id"],
            date=iso(self.date), what_happened=self.what_happened.toPlainText().strip(),
            how_it_felt=self.how_it_felt.text().strip() or None,
            outcome=self.outcome.currentData() or None,
            meeting_id=self.meeting.currentData() or None,
            success=self._saved).failure(self._failed).run()
