"""The "Report…" dialog: a PDF of one youngster for the exit conversation or a handover."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...reports.words import word
from ...reports.youngster import CHART_RESOURCE, YoungsterReport, chart_means, gather, report_html
from ...store.store import Store
from ..i18n import language_combo
from ..tasks import QueryOp
from ..widgets import restyle
from .chart_image import trajectory_png
from .flow import ExportFlow
from .pdf import html_to_pdf


def safe_name(alias: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in alias).strip("-") or "youngster"


class YoungsterReportDialog(QDialog):
    written = Signal(str)

    def __init__(self, store: Store, youngster_id: str, alias: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.youngster_id = youngster_id
        self.alias = alias
        self.last_html: str | None = None  # what was (or is about to be) printed
        self.setWindowTitle(self.tr("Report of %1").replace("%1", alias))
        self.language = language_combo(self.tr("Language of the report"))
        self.observations = QCheckBox(self.tr("Include observations"))
        self.observations.setToolTip(self.tr("Observations are detailed notes: include them "
                                             "only when the conversation needs them."))
        intro = QLabel(self.tr("A PDF with the period in the programme, attendance, challenges "
                               "and the trajectory, for the exit conversation or a handover."))
        intro.setWordWrap(True)
        intro.setObjectName("Muted")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Report message"))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.observations)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setObjectName("Primary")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.flow = ExportFlow(store, self)
        self.flow.written.connect(self._written)
        self.flow.failed.connect(self._failed)
        self.resize(460, 240)

    def lang(self) -> str:
        return self.language.currentData()

    def save(self) -> None:
        store, youngster_id = self._store, self.youngster_id
        include, lang = self.observations.isChecked(), self.lang()

        def prepare() -> tuple[YoungsterReport, str]:
            # On the worker: the text grows with the youngster's observations.
            report = gather(store, youngster_id, include_observations=include)
            return report, report_html(report, lang, chart=bool(report.scores))

        self.save_button.setEnabled(False)
        QueryOp(parent=self, op=prepare, success=lambda done: self._gathered(*done, lang)) \
            .finally_(lambda: self.save_button.setEnabled(True)).run()

    def _gathered(self, report: YoungsterReport, html: str, lang: str) -> None:
        images = {}
        if report.scores:  # the chart is a widget: rendered here, on the UI thread
            images[CHART_RESOURCE] = trajectory_png(
                instrument=report.instrument, scores=report.scores,
                team_means=chart_means(report), lang=lang,
                own_label=report.youngster["alias"])
        self.last_html = html
        title = f"{word('report_title', lang)} – {report.youngster['alias']}"
        self.flow.start(suggested=f"joinus-{safe_name(self.alias)}.pdf",
                        file_filter=self.tr("PDF (*.pdf)"),
                        produce=lambda: html_to_pdf(html, images, title=title),
                        entity="youngster", record_id=self.youngster_id, kind="pdf",
                        what="youngster_report")

    def _written(self, path: str) -> None:
        restyle(self.message, "")
        self.message.setText(self.tr("Saved to %1. The file is not encrypted: delete it "
                                     "when done.").replace("%1", path))
        self.written.emit(path)

    def _failed(self, text: str) -> None:
        restyle(self.message, "ErrorText")
        self.message.setText(text)


__all__ = ["YoungsterReportDialog"]
