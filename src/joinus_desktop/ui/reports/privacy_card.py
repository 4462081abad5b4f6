"""A card for the privacy lifecycle: consent not recorded, youngsters due for erasure."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from ...store import privacy
from ...store.store import Store
from .. import style
from ..tasks import QueryOp
from ..widgets import Card, escape, format_date
from .erase_dialog import EraseDialog
from .flow import ExportFlow


@dataclass(frozen=True)
class PrivacySnapshot:
    consent: list[privacy.ConsentFlag] = field(default_factory=list)
    retention: list[privacy.RetentionDue] = field(default_factory=list)
    months: int = privacy.DEFAULT_RETENTION_MONTHS


def load_privacy(store: Store, team_id: str) -> PrivacySnapshot:
    return PrivacySnapshot(privacy.consent_flags(store, team_id),
                           privacy.retention_due(store, team_id), privacy.retention_months(store))


class PrivacyCard(Card):
    """``always``: show the card even with nothing to report (the Group screen)."""

    loaded = Signal()
    erased = Signal(str)

    def __init__(self, store: Store, team_id: str, *, always: bool = False,
                 research: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Privacy"), parent)
        self._store = store
        self._team_id = team_id
        self._always = always
        self.snapshot: PrivacySnapshot | None = None
        self.dialog: QDialog | None = None
        self.consent_text = QLabel()
        self.consent_text.setWordWrap(True)
        self.consent_text.setAccessibleName(self.tr("Consent not recorded"))
        self.retention_text = QLabel()
        self.retention_text.setWordWrap(True)
        self.retention_text.setTextFormat(Qt.TextFormat.RichText)
        self.retention_text.setAccessibleName(self.tr("Due for erasure"))
        self.retention_text.linkActivated.connect(self._link)
        self.body.addWidget(self.consent_text)
        self.body.addWidget(self.retention_text)
        self.research_button: QPushButton | None = None
        self.research_flow: ExportFlow | None = None
        self.research_message = QLabel()
        self.research_message.setWordWrap(True)
        self.research_message.setObjectName("Muted")
        self.research_message.hide()
        if research:
            self.research_button = QPushButton(self.tr("Export scores for research (CSV)…"))
            self.research_button.setToolTip(self.tr(
                "Pseudonymised questionnaire scores: no names, no notes."))
            self.research_button.clicked.connect(self.export_research)
            self.research_flow = ExportFlow(store, self)
            self.research_flow.written.connect(lambda p: self._research_done(p))
            self.research_flow.failed.connect(lambda t: self._research_done(None, t))
            self.body.addWidget(self.research_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.body.addWidget(self.research_message)
        self.setVisible(always)

    def reload(self) -> None:
        store, team_id = self._store, self._team_id
        QueryOp(parent=self, op=lambda: load_privacy(store, team_id), success=self._show).run()

    def _show(self, snap: PrivacySnapshot) -> None:
        self.snapshot = snap
        if snap.consent:
            names = ", ".join(f.alias for f in snap.consent)
            self.consent_text.setText(self.tr("No consent recorded: %1").replace("%1", names))
            self.consent_text.setToolTip(self.tr(
                "Record the youngster's consent (and a parent's under 16) with Edit."))
        else:
            self.consent_text.setText(self.tr("Consent is recorded for everyone."))
        self.consent_text.setVisible(bool(snap.consent) or self._always)
        if snap.retention:
            rows = "".join(
                f"<tr><td style='padding:2px 12px 2px 0'><b>{escape(d.alias)}</b></td>"
                f"<td style='padding:2px 12px 2px 0;color:{style.MUTED}'>"
                + escape(self.tr("left %1").replace("%1", format_date(d.exit_date)))
                + f"</td><td><a href='erase:{d.youngster_id}' style='color:{style.DANGER}'>"
                + escape(self.tr("Erase…")) + "</a></td></tr>" for d in snap.retention)
            self.retention_text.setText(
                "<p style='margin:0 0 4px 0'>" + escape(self.tr(
                    "For erasure: left the programme more than %1 months ago.")
                    .replace("%1", str(snap.months))) + f"</p><table>{rows}</table>")
        else:
            self.retention_text.setText(escape(self.tr("Nobody is due for erasure.")))
        self.retention_text.setVisible(bool(snap.retention) or self._always)
        self.setVisible(self._always or bool(snap.consent or snap.retention))
        self.loaded.emit()

    def _link(self, href: str) -> None:
        if href.startswith("erase:"):
            self.open_erase(href.split(":", 1)[1])

    def open_erase(self, youngster_id: str) -> EraseDialog | None:
        due = {d.youngster_id: d for d in (self.snapshot.retention if self.snapshot else [])}
        if youngster_id not in due:
            return None
        dialog = EraseDialog(self._store, youngster_id, due[youngster_id].alias, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.erased.connect(self._erased)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _erased(self, youngster_id: str) -> None:
        self.erased.emit(youngster_id)
        self.reload()

    def export_research(self) -> None:
        from ...reports.research import research_csv

        assert self.research_flow is not None
        store = self._store
        self.research_flow.start(
            suggested="joinus-research-scores.csv", file_filter=self.tr("CSV (*.csv)"),
            produce=lambda: research_csv(store), entity="questionnaire_response",
            record_id=None, kind="csv", what="research_scores")

    def _research_done(self, path: str | None, error: str = "") -> None:
        self.research_message.setText(
            self.tr("Saved to %1.").replace("%1", path) if path else error)
        self.research_message.show()
