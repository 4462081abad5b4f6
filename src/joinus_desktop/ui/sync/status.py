"""The sync status area in the status bar: state in words, waiting changes, Sync now."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..i18n import plural
from .service import SyncService, describe_time

CLOCK_WORDS = ("clock_ahead", "clock_behind")  # SyncError codes of a laptop clock off

COLOURS = {"online": "#2e7d32", "syncing": "#1565c0", "offline": "#9e9e9e",
           "error": "#c62828", "revoked": "#c62828", "not_enrolled": "#9e9e9e",
           "idle": "#9e9e9e"}


class SyncStatusWidget(QWidget):
    connect_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.dot = QLabel("●")
        self.text = QLabel()
        self.text.setAccessibleName(self.tr("Sync status"))
        self.conflicts = QPushButton()
        self.conflicts.setFlat(True)
        self.conflicts.setObjectName("LinkButton")
        self.conflicts.clicked.connect(self.conflicts_requested)
        self.action = QPushButton()
        self.action.setObjectName("SmallButton")
        self.action.clicked.connect(self._act)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(8)
        layout.addWidget(self.dot)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.action)
        service.status_changed.connect(self.update_status)
        self.update_status()

    def _act(self) -> None:
        if self.service.status.enrolled:
            self.service.sync_now()
        else:
            self.connect_requested.emit()

    def _clock_words(self, code: str | None) -> str:
        """This laptop's clock is off: whose clock, which way, and what to do."""
        if code == "clock_ahead":
            return self.tr("This laptop's clock is ahead of the server's: set this laptop's "
                           "date and time correctly")
        return self.tr("This laptop's clock is behind the server's: set this laptop's date "
                       "and time correctly")

    def update_status(self) -> None:
        status = self.service.status
        self.dot.setStyleSheet(f"color: {COLOURS.get(status.state, '#9e9e9e')};")
        last = describe_time(status.last_success)
        words = {
            "not_enrolled": self.tr("Not connected to the organisation server"),
            "idle": self.tr("Connected"),
            "syncing": self.tr("Syncing…"),
            "online": self.tr("Online"),
            "offline": self.tr("Offline: the server cannot be reached"),
            "error": self.tr("Sync problem"),
            "revoked": self.tr("This laptop's access was revoked"),
        }
        parts = [words.get(status.state, status.state)]
        clock_off = status.state == "error" and status.error_code in CLOCK_WORDS
        if clock_off:  # what to do comes first; the last sync matters less (and is long)
            parts = [self._clock_words(status.error_code)]
        elif status.clock_ahead and status.state != "syncing":
            parts.append(self.tr("this laptop's clock was ahead: set its date and time "
                                 "correctly, then review"))
        if last and status.state != "not_enrolled" and not clock_off:
            parts.append(self.tr("last sync %1").replace("%1", last))
        if status.pending:
            parts.append(plural(self.tr("%n change(s) waiting", "", status.pending),
                                status.pending))
        if status.next_attempt_s and status.state in ("offline", "error"):
            parts.append(self.tr("next try in %1 s").replace("%1", str(status.next_attempt_s)))
        if status.org_key_refused:
            parts.append(self.tr("new organisation key refused"))
        self.text.setText(" · ".join(parts))
        error = status.last_error if status.state in ("error", "revoked", "offline") else None
        notes = [parts[0] if clock_off else error] if (clock_off or error) else []
        if status.org_key_refused:
            notes.append(self.tr(
                "The organisation server offers a new organisation key that is not signed "
                "by the key this laptop received at enrolment. This laptop refused it: your "
                "vault can still be recovered only with the organisation key it trusts, and "
                "your records keep syncing. Tell your coordinator."))
        self.text.setToolTip("\n\n".join(notes))
        problems = status.conflicts + status.refused
        self.conflicts.setVisible(problems > 0)
        self.conflicts.setText(plural(self.tr("%n item(s) to review", "", problems), problems))
        # From the last loaded status, never the store: the UI thread does no store reads.
        self.action.setText(self.tr("Sync now") if status.enrolled else self.tr("Connect…"))
        self.action.setEnabled(status.state not in ("syncing", "revoked"))
