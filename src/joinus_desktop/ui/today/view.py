"""The Today screen: the next and last meeting, questionnaires due, active challenges."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...store.store import Store
from .. import style
from ..i18n import current_language, plural
from ..questionnaire import request_questionnaire
from ..reports.privacy_card import PrivacyCard
from ..tasks import QueryOp
from ..widgets import Card, escape, format_date, page_title
from .snapshot import MeetingLine, TodaySnapshot, load_today

QUESTIONNAIRE_LINK = "questionnaire:"  # + youngster id, in the due rows' links
YOUNGSTERS_LINK = "youngsters:"  # the "and N more" lines: the Youngsters screen has them all
# Rows per list: a group has ~15 youngsters, so this rarely cuts; a large vault would
# otherwise lay out hundreds of rich-text rows (seconds) on every visit.
MAX_ROWS = 8


def long_date(iso: str) -> str:
    return format_date(iso, long=True)


class TodayView(QWidget):
    loaded = Signal()
    youngsters_requested = Signal()  # an "and N more" line was clicked

    def __init__(self, store: Store, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._team_id = team_id
        self.snapshot: TodaySnapshot | None = None

        self.header = page_title(self.tr("Today"))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        self.next_card = Card(self.tr("Next meeting"))
        self.next_text = self._rich_label(self.next_card)
        self.last_card = Card(self.tr("Last meeting"))
        self.last_text = self._rich_label(self.last_card)
        self.due_card = Card(self.tr("Questionnaires due"))
        self.due_text = self._rich_label(self.due_card)
        self.due_text.setAccessibleName(self.tr("Questionnaires due"))
        # Each row links to the questionnaire (entry; hand-over is offered in the form).
        self.due_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.due_text.setOpenExternalLinks(False)
        self.due_text.linkActivated.connect(self._link_activated)
        self.challenges_card = Card(self.tr("Active challenges"))
        self.challenges_text = self._rich_label(self.challenges_card)
        self.challenges_text.setAccessibleName(self.tr("Active challenges"))
        self.challenges_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)
        self.challenges_text.setOpenExternalLinks(False)
        self.challenges_text.linkActivated.connect(self._link_activated)

        grid = QGridLayout()
        grid.setSpacing(16)
        grid.addWidget(self.next_card, 0, 0)
        grid.addWidget(self.last_card, 0, 1)
        grid.addWidget(self.due_card, 1, 0)
        grid.addWidget(self.challenges_card, 1, 1)
        # Consent not recorded and youngsters due for erasure; hidden when there are none.
        self.privacy_card = PrivacyCard(store, team_id)
        grid.addWidget(self.privacy_card, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setAlignment(Qt.AlignmentFlag.AlignTop)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(12)
        inner.addWidget(self.header)
        inner.addWidget(self.subtitle)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    @staticmethod
    def _rich_label(card: Card) -> QLabel:
        label = QLabel(card)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        card.body.addWidget(label, 1)
        return label

    def reload(self) -> None:
        store, team_id, lang = self._store, self._team_id, current_language()
        QueryOp(parent=self, op=lambda: load_today(store, team_id, lang),
                success=self._show).run_in_background()
        self.privacy_card.reload()

    def _meeting_html(self, meeting: MeetingLine | None, empty: str, past: bool) -> str:
        if meeting is None:
            return f"<span style='color:{style.MUTED}'>{escape(empty)}</span>"
        html = f"<span style='font-size:15px;font-weight:600'>{escape(long_date(meeting.date))}" \
               f"</span><br>{escape(meeting.place)}"
        if past:
            html += "<br><span style='color:%s'>%s</span>" % (
                style.MUTED, escape(plural(self.tr("%n youngster(s) present", "",
                                                   meeting.present), meeting.present)))
        return html

    def _due_row(self, youngster_id: str, alias: str, moment: str, state_html: str) -> str:
        fill_in = self.tr("Fill in\u2026")
        link = (f"<a href='{QUESTIONNAIRE_LINK}{escape(youngster_id)}' "
                f"style='color:{style.ACCENT};text-decoration:none'>{escape(fill_in)}</a>")
        return (f"<tr><td style='padding:3px 16px 3px 0'><b>{escape(alias)}</b></td>"
                f"<td style='padding:3px 16px 3px 0'>{escape(moment)}</td>"
                f"<td style='padding:3px 16px 3px 0'>{state_html}</td>"
                f"<td style='padding:3px 0'>{link}</td></tr>")

    def _link_activated(self, href: str) -> None:
        if href.startswith(QUESTIONNAIRE_LINK):
            self.start_questionnaire(href[len(QUESTIONNAIRE_LINK):])
        elif href == YOUNGSTERS_LINK:
            self.youngsters_requested.emit()

    def _more_html(self, hidden: int) -> str:
        """The line under a capped list; it leads to the Youngsters screen."""
        if hidden <= 0:
            return ""
        text = plural(self.tr("and %n more\u2026", "", hidden), hidden)
        return (f"<p style='margin:4px 0 0 0'><a href='{YOUNGSTERS_LINK}' "
                f"style='color:{style.ACCENT};text-decoration:none'>{escape(text)}</a></p>")

    def start_questionnaire(self, youngster_id: str) -> QWidget | None:
        """The entry form for the youngster; Today refreshes once it is saved."""
        return request_questionnaire(self, self._store, youngster_id,
                                     saved=lambda _: self.reload())

    def _show(self, snap: TodaySnapshot) -> None:
        self.snapshot = snap
        self.subtitle.setText(f"{snap.team_name} · {long_date(snap.today)}")
        self.next_text.setText(self._meeting_html(
            snap.next_meeting, self.tr("No meeting planned yet."), past=False))
        self.last_text.setText(self._meeting_html(
            snap.last_meeting, self.tr("No meeting recorded yet."), past=True))
        html = ""
        if snap.due:
            rows = []
            for d in snap.due[:MAX_ROWS]:
                state = (f"<span style='color:{style.WARNING};font-weight:600'>"
                         f"{escape(self.tr('overdue'))}</span>" if d.overdue
                         else f"<span style='color:{style.MUTED}'>{escape(self.tr('due'))}</span>")
                rows.append(self._due_row(d.youngster_id, d.alias, d.moment_label, state))
            html += "<table>" + "".join(rows) + "</table>" + self._more_html(
                len(snap.due) - MAX_ROWS)
        else:
            html += (f"<p style='margin:0'>"
                     f"{escape(self.tr('Nobody needs a questionnaire right now.'))}</p>")
        if snap.upcoming:
            html += (f"<p style='margin:10px 0 2px 0;color:{style.MUTED};font-weight:600'>"
                     f"{escape(self.tr('Coming up'))}</p>")
            rows = [self._due_row(d.youngster_id, d.alias, d.moment_label,
                                  f"<span style='color:{style.MUTED}'>" + escape(plural(
                                      self.tr("in %n meeting(s)", "", d.meetings_until_due),
                                      d.meetings_until_due)) + "</span>")
                    for d in snap.upcoming[:MAX_ROWS]]
            html += "<table>" + "".join(rows) + "</table>" + self._more_html(
                len(snap.upcoming) - MAX_ROWS)
        self.due_text.setText(html)
        if snap.challenges:
            rows = []
            for c in snap.challenges[:MAX_ROWS]:
                attempts = plural(self.tr("%n attempt(s)", "", c.attempts), c.attempts)
                rows.append(f"<tr><td style='padding:3px 12px 3px 0;white-space:nowrap'>"
                            f"<b>{escape(c.alias)}</b></td><td style='padding:3px 0'>"
                            f"{escape(c.title)}<br><span style='color:{style.MUTED}'>"
                            f"{escape(c.works_on)} · {escape(attempts)}</span></td></tr>")
            self.challenges_text.setText("<table>" + "".join(rows) + "</table>"
                                         + self._more_html(len(snap.challenges) - MAX_ROWS))
        else:
            self.challenges_text.setText(f"<span style='color:{style.MUTED}'>"
                                         f"{escape(self.tr('No active challenges.'))}</span>")
        self.loaded.emit()
