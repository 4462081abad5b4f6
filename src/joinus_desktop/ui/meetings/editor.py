"""The meeting editor: the meeting, who was there, and per attendee what happened.

Everything typed is kept as a draft in the vault as you type (debounced), so a
crash or an auto-lock loses nothing; one Save writes the whole meeting at once.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import Problem
from ...store.records import Saved
from ...store.store import Store
from .. import operations
from ..errors import show_error
from ..i18n import current_language
from ..tasks import QueryOp
from ..widgets import Card, FieldMessage, format_date
from .editor_data import EditorData, load_editor_data
from .entries import AttendeePanel
from .form import FormProblems, MeetingForm, Where, check_form

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 500
CHECK_DELAY_MS = 300


def _qdate(iso: str) -> QDate:
    d = dt.date.fromisoformat(iso[:10])
    return QDate(d.year, d.month, d.day)



# Marks, inside the vault, that the meeting editor was open when the app locked.
OPEN_EDITOR_KEY = "ui:meeting-editor-open"

class MeetingEditor(QDialog):
    """Opened by "New meeting" or "Edit"; `saved` carries the meeting id."""

    saved = Signal(str)
    ready = Signal()  # data loaded, the form is filled (tests wait for it)
    draft_saved = Signal()

    def __init__(self, store: Store, team_id: str, meeting_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._team_id = team_id
        self.meeting_id = meeting_id
        self.data: EditorData | None = None
        self._applying = False  # filling widgets from data is not typing
        self._save_tried = False  # errors show after the first Save, warnings at once
        self._saving = False
        self.panels: dict[str, AttendeePanel] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.setWindowTitle(self.tr("Edit meeting") if meeting_id else self.tr("New meeting"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(960, 620)
        self.resize(1240, 720)

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft_now)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check)

        self._build()
        self.setEnabled(False)  # until the data arrives
        QueryOp(parent=self, op=lambda: load_editor_data(store, team_id, meeting_id),
                success=self._loaded).run()

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self.windowTitle())
        self.title.setObjectName("PageTitle")
        self.draft_status = QLabel()
        self.draft_status.setObjectName("Muted")
        self.draft_status.setAccessibleName(self.tr("Draft status"))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.draft_status)

        self.banner = QFrame()
        self.banner.setObjectName("Banner")
        self.banner_text = QLabel(self.tr("Your unsaved changes from last time are back. "
                                          "Save them, or discard the draft to start over."))
        self.banner_text.setWordWrap(True)
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.discard_button.setAccessibleName(self.tr("Discard draft"))
        self.discard_button.clicked.connect(self.discard_draft)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(12, 6, 8, 6)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.discard_button)
        self.banner.hide()

        # Meeting facts.
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy" if current_language() == "nl" else "dd/MM/yyyy")
        self.date.setAccessibleName(self.tr("Date"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. Buurtcentrum De Dreef"))
        self.place.setAccessibleName(self.tr("Place"))
        self.activities = QPlainTextEdit()
        self.activities.setTabChangesFocus(True)
        self.activities.setPlaceholderText(self.tr("What did the group do?"))
        self.activities.setAccessibleName(self.tr("Activities"))
        self.activities.setFixedHeight(62)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("How did the meeting go as a whole?"))
        self.notes.setAccessibleName(self.tr("Meeting notes"))
        self.notes.setFixedHeight(104)  # the rest of the column goes to the attendance list
        self.meeting_messages = {f: FieldMessage() for f in ("date", "place", "activities",
                                                             "notes", "")}
        meeting = Card(self.tr("Meeting"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        for row, (text, widget, field) in enumerate((
                (self.tr("Date"), self.date, "date"), (self.tr("Place"), self.place, "place"))):
            label = QLabel(text)
            label.setObjectName("FormLabel")
            label.setBuddy(widget)
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(widget, row * 2, 1)
            grid.addWidget(self.meeting_messages[field], row * 2 + 1, 1)
        grid.setColumnStretch(1, 1)
        meeting.body.addLayout(grid)
        for text, widget, field in ((self.tr("Activities"), self.activities, "activities"),
                                    (self.tr("Notes"), self.notes, "notes")):
            label = QLabel(text)
            label.setObjectName("FormLabel")
            meeting.body.addWidget(label)
            meeting.body.addWidget(widget)
            meeting.body.addWidget(self.meeting_messages[field])
        meeting.body.addWidget(self.meeting_messages[""])

        # Attendance.
        attendance = Card(self.tr("Who was there?"))
        self.select_all = QCheckBox(self.tr("Select all"))
        self.select_all.setAccessibleName(self.tr("Select everyone"))
        self.select_all.clicked.connect(self._select_all_clicked)
        self.present_count = QLabel()
        self.present_count.setObjectName("Muted")
        top = QHBoxLayout()
        top.addWidget(self.select_all)
        top.addStretch(1)
        top.addWidget(self.present_count)
        attendance.body.addLayout(top)
        self.people_box = QVBoxLayout()
        self.people_box.setSpacing(2)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addLayout(self.people_box)
        people_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("Plain")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(people)
        attendance.body.addWidget(scroll, 1)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(meeting)
        left.addWidget(attendance, 1)
        left_box = QWidget()
        left_box.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        left_box.setFixedWidth(350)

        # Per attendee.
        self.per_person = Card(self.tr("Observations and challenges"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Attendees"))
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDocumentMode(False)
        self.empty = QLabel(self.tr("Tick who was present. For each of them you can then "
                                    "note what you observed and how their challenges went."))
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.per_person.body.addWidget(self.tabs, 1)
        self.per_person.body.addWidget(self.empty, 1)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(left_box)
        body.addWidget(self.per_person, 1)

        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.setToolTip(self.tr("Close without saving; your draft is kept (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save meeting"))
        self.save_button.setObjectName("Primary")
        self.save_button.setToolTip(self.tr("Save the meeting (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.save_error = FieldMessage()
        footer = QHBoxLayout()
        footer.addWidget(self.save_error)
        footer.addStretch(1)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addLayout(footer)

        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save)
        self.setTabOrder(self.date, self.place)
        self.setTabOrder(self.place, self.activities)
        self.setTabOrder(self.activities, self.notes)
        self.setTabOrder(self.notes, self.select_all)

        self.date.dateChanged.connect(self._changed)
        self.place.textChanged.connect(self._changed)
        self.activities.textChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)

    # -- filling ---------------------------------------------------------------

    def _loaded(self, data: EditorData) -> None:
        self.data = data
        for person in data.people:
            text = person.alias
            if person.status == "intake":
                text += " \u00b7 " + self.tr("intake")
            check = QCheckBox(text)
            check.setAccessibleName(self.tr("%1 was present").replace("%1", person.alias))
            check.toggled.connect(self._attendance_changed)
            self.checks[person.id] = check
            self.people_box.addWidget(check)
            panel = AttendeePanel(person.id, person.alias, data.challenges.get(person.id, []))
            panel.changed.connect(self._changed)
            self.panels[person.id] = panel
        form = data.stored
        if data.draft is not None:
            try:
                form = MeetingForm.from_payload(data.draft)
                self.banner.show()
            except (TypeError, ValueError, KeyError):
                # A draft from an older version of the form: the stored meeting wins.
                log.warning("draft of an older form ignored")
        self.apply(form)
        self.setEnabled(True)
        self.date.setFocus()
        if data.draft is not None:
            self.check()
        self.ready.emit()

    def apply(self, form: MeetingForm) -> None:
        """Fill every widget from ``form`` (without counting it as typing)."""
        self._applying = True
        try:
            self.date.setDate(_qdate(form.date))
            self.place.setText(form.place)
            self.activities.setPlainText(form.activities)
            self.notes.setPlainText(form.notes)
            present = set(form.present)
            for youngster_id, check in self.checks.items():
                check.setChecked(youngster_id in present)
            for youngster_id, panel in self.panels.items():
                panel.set_entries([o for o in form.observations if o.youngster_id == youngster_id],
                                  [a for a in form.attempts if a.youngster_id == youngster_id])
            if form.meeting_id:
                self.title.setText(self.tr("Meeting of %1").replace(
                    "%1", format_date(form.date, long=True)))
        finally:
            self._applying = False
        self._attendance_changed()

    def form(self) -> MeetingForm:
        """What the widgets hold now."""
        present = [y for y, check in self.checks.items() if check.isChecked()]
        observations, attempts = [], []
        for panel in self.panels.values():
            observations += [e.current() for e in panel.observations]
            attempts += [e.current() for e in panel.attempts]
        return MeetingForm(team_id=self._team_id, meeting_id=self.meeting_id,
                           date=self.date.date().toString("yyyy-MM-dd"),
                           place=self.place.text(), activities=self.activities.toPlainText(),
                           notes=self.notes.toPlainText(), present=present,
                           observations=observations, attempts=attempts)

    # -- attendance ------------------------------------------------------------

    def present_ids(self) -> list[str]:
        return [y for y, check in self.checks.items() if check.isChecked()]

    def _select_all_clicked(self) -> None:
        everyone = not all(c.isChecked() for c in self.checks.values())
        self._applying = True  # one change, not one per youngster
        try:
            for check in self.checks.values():
                check.setChecked(everyone)
        finally:
            self._applying = False
        self._attendance_changed()
        self._changed()

    def _attendance_changed(self, *_: object) -> None:
        if self._applying:
            return
        present = self.present_ids()
        total = len(self.checks)
        self.present_count.setText(self.tr("%1 of %2 present").replace("%1", str(len(present)))
                                   .replace("%2", str(total)))
        self.select_all.setCheckState(
            Qt.CheckState.Checked if present and len(present) == total else
            Qt.CheckState.PartiallyChecked if present else Qt.CheckState.Unchecked)
        current = self.tabs.currentWidget()
        self.tabs.blockSignals(True)
        self.tabs.clear()  # removes tabs only; the panels (and what they hold) live on
        for youngster_id in present:
            panel = self.panels[youngster_id]
            self.tabs.addTab(panel, panel.alias)
            self.tabs.setTabToolTip(self.tabs.count() - 1, self.tr(
                "Observations and challenge attempts of %1").replace("%1", panel.alias))
        if current is not None and self.tabs.indexOf(current) >= 0:
            self.tabs.setCurrentWidget(current)
        self.tabs.blockSignals(False)
        self.tabs.setVisible(bool(present))
        self.empty.setVisible(not present)
        self._changed()

    def panel(self, youngster_id: str) -> AttendeePanel:
        return self.panels[youngster_id]

    def show_panel(self, youngster_id: str) -> AttendeePanel:
        panel = self.panels[youngster_id]
        self.tabs.setCurrentWidget(panel)
        return panel

    # -- drafts and checks -----------------------------------------------------

    def _changed(self, *_: object) -> None:
        if self._applying or self.data is None or self._saving:
            return
        self.draft_timer.start()
        self.check_timer.start()
        self.draft_status.setText(self.tr("Unsaved changes"))

    def save_draft_now(self) -> None:
        """Write the draft into the vault (on the worker thread; ordered before any save)."""
        self.draft_timer.stop()
        if self.data is None:
            return
        form = self.form()
        op = operations.save_draft(parent=self, store=self._store, key=form.draft_key,
                                   payload=form.to_payload(),
                                   success=lambda _: self._draft_written())
        op.failure(lambda exc: log.warning("draft not saved: %s", type(exc).__name__)).run()

    def save_draft(self) -> None:
        """The auto-lock protocol (ui/lock.py): keep the input, and that this editor was
        open, so unlocking brings the worker back to it."""
        self.save_draft_now()
        operations.save_draft(parent=None, store=self._store, key=OPEN_EDITOR_KEY,
                              payload={"meeting_id": self.meeting_id}).run()

    def _draft_written(self) -> None:
        self.draft_status.setText(self.tr("Draft kept in the vault at %1").replace(
            "%1", QTime.currentTime().toString("HH:mm")))
        self.discard_button.setEnabled(True)
        self.draft_saved.emit()

    def discard_draft(self) -> None:
        """Forget what was typed since the last save and show the stored meeting again."""
        self.draft_timer.stop()
        if self.data is None:
            return
        stored = self.data.stored

        def done(_: object) -> None:
            self.banner.hide()
            self._save_tried = False
            self.apply(stored)
            self.draft_timer.stop()
            self.show_problems([])
            self.draft_status.setText(self.tr("Draft discarded"))

        operations.discard_draft(parent=self, store=self._store, key=stored.draft_key,
                                 success=done).run()

    def check(self) -> list[tuple[Where, Problem]]:
        """Show the domain's warnings (and, once Save was tried, its errors) by their fields."""
        problems = check_form(self.form(), today=self._store.today())
        shown = problems if self._save_tried else [(w, p) for w, p in problems if not p.is_error]
        self.show_problems(shown)
        return problems

    def show_problems(self, located: list[tuple[Where, Problem]]) -> None:
        lang = current_language()
        meeting: dict[str, list[Problem]] = {}
        per_entry: dict[str, list[Problem]] = {}
        for where, problem in located:
            if where[0] == "meeting":
                key = problem.field if problem.field in self.meeting_messages else ""
                meeting.setdefault(key, []).append(problem)
            else:
                per_entry.setdefault(where[1], []).append(problem)
        for field, message in self.meeting_messages.items():
            message.show_problems(meeting.get(field, []), lang)
        first_error: QWidget | None = None
        for youngster_id, panel in self.panels.items():
            for key, entry in panel.entries().items():
                entry.show_problems(per_entry.get(key, []), lang)
                if first_error is None and any(p.is_error for p in per_entry.get(key, [])):
                    first_error = entry.first_error_widget()
                    if self.tabs.indexOf(panel) >= 0:
                        self.tabs.setCurrentWidget(panel)
                    panel.ensureWidgetVisible(entry)
        errors = sum(p.is_error for _, p in located)
        if errors:
            self.save_error.show_text(self.tr("Not saved yet: please look at the fields marked "
                                              "in red."))
        else:
            self.save_error.clear_message()
        if first_error is not None and self._save_tried:
            first_error.setFocus()

    # -- saving and closing ----------------------------------------------------

    def save(self) -> None:
        if self.data is None or self._saving:
            return
        self._save_tried = True
        self.draft_timer.stop()
        self.check_timer.stop()
        form = self.form()
        problems = check_form(form, today=self._store.today())
        self.show_problems(problems)
        if any(p.is_error for _, p in problems):
            # Keep what was typed: the draft holds it even with errors in it.
            self.save_draft_now()
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.draft_status.setText(self.tr("Saving\u2026"))
        operations.save_meeting(parent=self, store=self._store, form=form,
                                success=self._saved).failure(self._save_failed).run()

    def _saved(self, saved: Saved) -> None:
        self._saving = False
        self.meeting_id = saved.id
        self.saved.emit(saved.id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.draft_status.setText("")
        if isinstance(exc, FormProblems):
            self.show_problems(exc.located)
        else:
            show_error(self, exc)
        self.save_draft_now()

    def reject(self) -> None:
        # Closing without saving keeps everything typed: flush a pending draft first.
        if self.draft_timer.isActive():
            self.save_draft_now()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.draft_timer.isActive():
            self.save_draft_now()
        super().closeEvent(event)
