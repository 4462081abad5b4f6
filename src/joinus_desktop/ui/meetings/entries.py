"""Quick entry for one attendee: observations and challenge attempts of this meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import method
from ...domain.problems import Problem
from ..i18n import current_language
from ..widgets import FieldMessage
from .editor_data import ChallengeChoice
from .form import AttemptInput, ObservationInput


def _text_box(placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setFixedHeight(18 * lines + 18)
    return box


def _form_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("FormLabel")
    return label


class _Entry(QFrame):
    changed = Signal()
    remove_requested = Signal(object)  # the entry

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Entry")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 8, 12, 10)
        self.layout_.setSpacing(4)
        header = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setObjectName("SectionTitle")
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName("Link")
        self.remove.setAccessibleName(self.tr("Remove %1").replace("%1", title))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.remove)
        self.layout_.addLayout(header)
        self.messages: dict[str, FieldMessage] = {}
        self.other = FieldMessage()  # problems of fields this entry does not show

    def _message(self, field: str) -> FieldMessage:
        message = FieldMessage()
        self.messages[field] = message
        return message

    def show_problems(self, problems: list[Problem], lang: str) -> None:
        by_field: dict[str, list[Problem]] = {}
        for p in problems:
            by_field.setdefault(p.field if p.field in self.messages else "", []).append(p)
        for field, message in self.messages.items():
            message.show_problems(by_field.get(field, []), lang)
        self.other.show_problems(by_field.get("", []), lang)

    def first_error_widget(self) -> QWidget | None:
        return None


class ObservationEntry(_Entry):
    """What was observed, context, suspected cause (with detail), method tags."""

    def __init__(self, value: ObservationInput, alias: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Observation"), parent)
        self.value = value
        lang = current_language()
        self.behaviour = _text_box(self.tr("What did you see? e.g. \u201crefused to join the "
                                           "game, went to the corner with his phone\u201d"), 2)
        self.behaviour.setAccessibleName(self.tr("What you observed of %1").replace("%1", alias))
        self.context = QLineEdit()
        self.context.setPlaceholderText(self.tr("Context: during which activity, with whom?"))
        self.context.setAccessibleName(self.tr("Context"))
        self.causes = QButtonGroup(self)
        cause_row = QHBoxLayout()
        cause_row.setSpacing(14)
        cause_row.addWidget(_form_label(self.tr("Suspected cause")))
        self.cause_buttons: dict[str, QRadioButton] = {}
        for key in ("missing_skill", "negative_belief", "unknown"):
            button = QRadioButton(method.term(method.SUSPECTED_CAUSES, key, lang))
            self.causes.addButton(button)
            self.cause_buttons[key] = button
            cause_row.addWidget(button)
        cause_row.addStretch(1)
        self.cause_detail = QLineEdit()
        self.cause_detail.setAccessibleName(self.tr("Skill or belief"))
        self.tag_buttons: dict[str, QPushButton] = {}
        tags = QGridLayout()
        tags.setHorizontalSpacing(6)
        tags.setVerticalSpacing(4)
        for row, (name, vocab) in enumerate(((self.tr("Foundation"), method.FOUNDATION_TAGS),
                                             (self.tr("Aims"), method.AIM_TAGS))):
            tags.addWidget(_form_label(name), row, 0)
            line = QHBoxLayout()
            line.setSpacing(6)
            for key in vocab:
                chip = QPushButton(method.term(vocab, key, lang))
                chip.setObjectName("Chip")
                chip.setCheckable(True)
                chip.setAccessibleName(self.tr("Method tag %1").replace(
                    "%1", method.term(vocab, key, lang)))
                chip.toggled.connect(self._emit)
                self.tag_buttons[key] = chip
                line.addWidget(chip)
            line.addStretch(1)
            tags.addLayout(line, row, 1)
        tags.setColumnStretch(1, 1)

        add = self.layout_.addWidget
        add(self.behaviour)
        add(self._message("behaviour"))
        add(self.context)
        add(self._message("context"))
        self.layout_.addLayout(cause_row)
        add(self.cause_detail)
        add(self._message("cause_detail"))
        self.layout_.addLayout(tags)
        add(self._message("tags"))
        add(self.other)

        self.set_value(value)
        self.behaviour.textChanged.connect(self._emit)
        self.context.textChanged.connect(self._emit)
        self.cause_detail.textChanged.connect(self._emit)
        self.causes.buttonToggled.connect(lambda *_: (self._cause_changed(), self._emit()))

    def set_value(self, value: ObservationInput) -> None:
        self.value = value
        self.behaviour.setPlainText(value.behaviour)
        self.context.setText(value.context)
        unknown = self.cause_buttons["unknown"]
        self.cause_buttons.get(value.suspected_cause, unknown).setChecked(True)
        self.cause_detail.setText(value.cause_detail)
        for key, chip in self.tag_buttons.items():
            chip.setChecked(key in value.tags)
        self._cause_changed()

    def cause(self) -> str:
        return next((k for k, b in self.cause_buttons.items() if b.isChecked()), "unknown")

    def _cause_changed(self) -> None:
        cause = self.cause()
        # Only a skill or a belief has a detail to name.
        self.cause_detail.setVisible(cause != "unknown")
        self.cause_detail.setPlaceholderText(
            self.tr("Which skill? e.g. \u201cjoining in a conversation\u201d")
            if cause == "missing_skill" else
            self.tr("Which belief? e.g. \u201cothers will laugh if I make a mistake\u201d"))

    def _emit(self, *_: object) -> None:
        self.changed.emit()

    def current(self) -> ObservationInput:
        v = self.value
        return ObservationInput(
            youngster_id=v.youngster_id, behaviour=self.behaviour.toPlainText(),
            context=self.context.text(), suspected_cause=self.cause(),
            cause_detail=self.cause_detail.text(),
            tags=[k for k, chip in self.tag_buttons.items() if chip.isChecked()],
            id=v.id, key=v.key)

    def first_error_widget(self) -> QWidget | None:
        widgets = {"behaviour": self.behaviour, "context": self.context,
                   "cause_detail": self.cause_detail}
        return next((widgets.get(f) for f, m in self.messages.items() if m.is_error), None)


class AttemptEntry(_Entry):
    """One try at one of the youngster's active challenges."""

    def __init__(self, value: AttemptInput, choices: list[ChallengeChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Challenge attempt"), parent)
        self.value = value
        lang = current_language()
        self.challenge = QComboBox()
        self.challenge.setAccessibleName(self.tr("Challenge"))
        self.challenge.addItem(self.tr("Choose a challenge\u2026"), "")
        for c in choices:
            self.challenge.addItem(c.title, c.id)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.addItem(self.tr("Outcome\u2026"), "")
        for key in method.ATTEMPT_OUTCOMES:
            self.outcome.addItem(method.term(method.ATTEMPT_OUTCOMES, key, lang), key)
        self.what_happened = _text_box(self.tr("What happened?"), 2)
        self.what_happened.setAccessibleName(self.tr("What happened"))
        self.how_it_felt = QLineEdit()
        self.how_it_felt.setPlaceholderText(self.tr("How did it feel for them?"))
        self.how_it_felt.setAccessibleName(self.tr("How it felt"))
        top = QHBoxLayout()
        top.addWidget(self.challenge, 3)
        top.addWidget(self.outcome, 1)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self._message("challenge_id"))
        self.layout_.addWidget(self.what_happened)
        self.layout_.addWidget(self._message("what_happened"))
        self.layout_.addWidget(self.how_it_felt)
        self.layout_.addWidget(self._message("how_it_felt"))
        self.layout_.addWidget(self.other)
        self.set_value(value)
        self.challenge.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.outcome.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.what_happened.textChanged.connect(self.changed.emit)
        self.how_it_felt.textChanged.connect(lambda *_: self.changed.emit())

    def set_value(self, value: AttemptInput) -> None:
        self.value = value
        self.challenge.setCurrentIndex(max(self.challenge.findData(value.challenge_id), 0))
        self.outcome.setCurrentIndex(max(self.outcome.findData(value.outcome), 0))
        self.what_happened.setPlainText(value.what_happened)
        self.how_it_felt.setText(value.how_it_felt)

    def current(self) -> AttemptInput:
        v = self.value
        return AttemptInput(youngster_id=v.youngster_id,
                            challenge_id=self.challenge.currentData() or "",
                            what_happened=self.what_happened.toPlainText(),
                            how_it_felt=self.how_it_felt.text(),
                            outcome=self.outcome.currentData() or "", id=v.id, key=v.key)

    def first_error_widget(self) -> QWidget | None:
        widgets = {"challenge_id": self.challenge, "what_happened": self.what_happened}
        return next((widgets.get(f) for f, m in self.messages.items() if m.is_error), None)


class AttendeePanel(QScrollArea):
    """The observations and challenge attempts of one attendee at this meeting."""

    changed = Signal()

    def __init__(self, youngster_id: str, alias: str, choices: list[ChallengeChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.youngster_id = youngster_id
        self.alias = alias
        self.choices = choices
        self.setObjectName("Plain")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.observations: list[ObservationEntry] = []
        self.attempts: list[AttemptEntry] = []
        self.obs_box = QVBoxLayout()
        self.obs_box.setSpacing(8)
        self.att_box = QVBoxLayout()
        self.att_box.setSpacing(8)
        self.add_observation_button = QPushButton(self.tr("+ Add observation"))
        self.add_observation_button.setAccessibleName(
            self.tr("Add an observation of %1").replace("%1", alias))
        self.add_observation_button.clicked.connect(lambda: self._new_observation(focus=True))
        self.add_attempt_button = QPushButton(self.tr("+ Add challenge attempt"))
        self.add_attempt_button.setAccessibleName(
            self.tr("Add a challenge attempt of %1").replace("%1", alias))
        self.add_attempt_button.clicked.connect(lambda: self._new_attempt(focus=True))
        no_challenges = QLabel(self.tr("%1 has no active challenges. Add one in the "
                                       "youngster's details.").replace("%1", alias))
        no_challenges.setObjectName("Muted")
        no_challenges.setWordWrap(True)
        self.add_attempt_button.setEnabled(bool(choices))

        title = QLabel(self.tr("Observations"))
        title.setObjectName("SectionTitle")
        layout.addWidget(title)
        layout.addLayout(self.obs_box)
        layout.addWidget(self.add_observation_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        title = QLabel(self.tr("Challenge attempts"))
        title.setObjectName("SectionTitle")
        layout.addWidget(title)
        layout.addLayout(self.att_box)
        if not choices:
            layout.addWidget(no_challenges)
        layout.addWidget(self.add_attempt_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(body)

    def set_entries(self, observations: list[ObservationInput],
                    attempts: list[AttemptInput]) -> None:
        for entry in [*self.observations, *self.attempts]:
            entry.setParent(None)
            entry.deleteLater()
        self.observations, self.attempts = [], []
        for value in observations:
            self._add_observation(value)
        for value in attempts:
            self._add_attempt(value)
        if not self.observations:
            # Quick entry: one empty observation is ready to type in; blank ones are not saved.
            self._add_observation(ObservationInput(youngster_id=self.youngster_id))

    def _add_observation(self, value: ObservationInput) -> ObservationEntry:
        entry = ObservationEntry(value, self.alias)
        entry.changed.connect(self.changed.emit)
        entry.remove_requested.connect(self._remove)
        self.observations.append(entry)
        self.obs_box.addWidget(entry)
        return entry

    def _add_attempt(self, value: AttemptInput) -> AttemptEntry:
        entry = AttemptEntry(value, self.choices)
        entry.changed.connect(self.changed.emit)
        entry.remove_requested.connect(self._remove)
        self.attempts.append(entry)
        self.att_box.addWidget(entry)
        return entry

    def _new_observation(self, *, focus: bool) -> ObservationEntry:
        entry = self._add_observation(ObservationInput(youngster_id=self.youngster_id))
        if focus:
            entry.behaviour.setFocus()
        self.changed.emit()
        return entry

    def _new_attempt(self, *, focus: bool) -> AttemptEntry:
        entry = self._add_attempt(AttemptInput(youngster_id=self.youngster_id))
        if focus:
            entry.challenge.setFocus()
        self.changed.emit()
        return entry

    def add_attempt(self) -> AttemptEntry:
        return self._new_attempt(focus=True)

    def _remove(self, entry: QWidget) -> None:
        if entry in self.observations:
            self.observations.remove(entry)  # type: ignore[arg-type]
        if entry in self.attempts:
            self.attempts.remove(entry)  # type: ignore[arg-type]
        entry.setParent(None)
        entry.deleteLater()
        self.changed.emit()

    def entries(self) -> dict[str, _Entry]:
        """Every entry by its form key (to place problems)."""
        return {e.value.key: e for e in [*self.observations, *self.attempts]}
