"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..store.errors import NotFound
from ..store.store import Store
from .group.view import GroupView
from .i18n import set_language
from .meetings.view import MeetingsView
from .programme.view import ProgrammeView
from .settings.view import SettingsView
from .sync.conflicts import ReviewDialog
from .sync.enroll import EnrollDialog
from .sync.service import SyncService
from .sync.status import SyncStatusWidget
from .tasks import QueryOp
from .today.view import TodayView
from .widgets import page_title
from .youngsters.view import YoungstersView

log = logging.getLogger(__name__)

PENDING_REFRESH_MS = 30_000


class MainWindow(QMainWindow):
    TODAY, YOUNGSTERS, MEETINGS, GROUP, PROGRAMME, SETTINGS = range(6)
    closed = Signal()
    lock_requested = Signal()  # Ctrl+L or Settings' "Lock now"; app.Session locks
    questionnaire_saved = Signal(str)  # youngster id, after the screens were asked to refresh

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        try:
            self.team: dict | None = store.teams.current()
        except NotFound:
            self.team = None
        self.resize(1280, 760)
        self.setMinimumSize(QSize(1024, 640))
        if self.screen() is not None:
            # On a 1366×768 or 1280×720 laptop 760 pixels plus the title bar run off the
            # screen and hide the sync bar (and its "to review" button): fit the screen.
            room = self.screen().availableGeometry()
            self.resize(min(1280, room.width()), max(640, min(760, room.height() - 40)))

        self.nav = QListWidget()
        self.nav.setObjectName("NavList")
        self.nav.setFixedWidth(200)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.app_title = QLabel()
        self.app_title.setObjectName("AppTitle")
        self.team_label = QLabel()
        self.team_label.setObjectName("TeamName")
        self.team_label.setWordWrap(True)
        nav_panel = QFrame()
        nav_panel.setObjectName("NavPanel")
        nav_panel.setFixedWidth(200)
        nav_layout = QVBoxLayout(nav_panel)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.setSpacing(0)
        nav_layout.addWidget(self.app_title)
        nav_layout.addWidget(self.team_label)
        nav_layout.addWidget(self.nav, 1)

        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(nav_panel)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Sync runs in the background; the status area shows it and offers Sync now.
        self.sync_service = SyncService(store, self)
        self.sync_status = SyncStatusWidget(self.sync_service)
        self.sync_status.connect_requested.connect(self.connect_to_server)
        self.sync_status.conflicts_requested.connect(self.review_sync)
        self.sync_service.synced.connect(self.after_sync)
        self.statusBar().addWidget(self.sync_status, 1)
        self.statusBar().setSizeGripEnabled(False)

        self.shortcuts: list[QShortcut] = []
        for n in range(self.SETTINGS + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.go_to(n))
            self.shortcuts.append(shortcut)
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        self.lock_shortcut.activated.connect(self.lock_requested)
        self.nav.currentRowChanged.connect(self._page_changed)

        self.pending_timer = QTimer(self)
        self.pending_timer.setInterval(PENDING_REFRESH_MS)
        self.pending_timer.timeout.connect(self.refresh_pending)
        self.pending_timer.start()
        self.build()
        self.sync_service.start()

    # -- building (again on a language change) -------------------------------

    def build(self) -> None:
        """Create the navigation and the screens in the current language."""
        current = max(self.nav.currentRow(), 0)
        self.nav.blockSignals(True)
        self.nav.clear()
        while self.stack.count():
            page = self.stack.widget(0)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.setWindowTitle(self.tr("Join Us"))
        self.app_title.setText(self.tr("Join Us"))
        self.team_label.setText(self.team["name"] if self.team else "")
        names = [self.tr("Today"), self.tr("Youngsters"), self.tr("Meetings"),
                 self.tr("Group"), self.tr("Programme"), self.tr("Settings")]
        for n, name in enumerate(names):
            item = QListWidgetItem(name)
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", name).replace("%2", str(n + 1)))
            item.setSizeHint(QSize(180, 38))
            self.nav.addItem(item)
        self.nav.setAccessibleName(self.tr("Navigation"))
        if self.team is not None:
            team_id = self.team["id"]
            self.today = TodayView(self.store, team_id)
            self.today.youngsters_requested.connect(lambda: self.go_to(self.YOUNGSTERS))
            self.youngsters = YoungstersView(self.store, team_id)
            self.meetings = MeetingsView(self.store, team_id)
            self.group = GroupView(self.store, team_id)
            self.programme = ProgrammeView(self.store, team_id)
            pages: list[QWidget] = [self.today, self.youngsters, self.meetings, self.group,
                                    self.programme]
        else:
            pages = [self._no_team_page() for _ in range(self.SETTINGS)]
        self.settings = SettingsView(self.store)
        self.settings.language_chosen.connect(self.switch_language)
        self.settings.lock_requested.connect(self.lock_requested)
        pages.append(self.settings)
        for page in pages:
            self.stack.addWidget(page)
        self._loaded: set[int] = set()
        # Select the row with its signal blocked, then load the page once: the signal
        # alone would fire only when the row changes, the direct call alone twice.
        self.nav.setCurrentRow(current)
        self.nav.blockSignals(False)
        self._page_changed(current)
        self.refresh_pending()

    def _no_team_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(page_title(self.tr("No group yet"), self.tr(
            "This laptop does not hold a group yet. It arrives with the first sync "
            "with the organisation server.")))
        layout.addStretch(1)
        return page

    # -- navigation --------------------------------------------------------

    def go_to(self, page: int) -> None:
        self.nav.setCurrentRow(page)

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.stack.widget(row)
        # Screens load when first shown, so unlocking does not wait for all of them.
        # Today and Group summarise what other screens change: fresh on every visit.
        fresh = row in (self.TODAY, self.GROUP)
        if (fresh or row not in self._loaded) and hasattr(page, "reload"):
            self._loaded.add(row)
            page.reload()

    def refresh_pending(self) -> None:
        store = self.store
        QueryOp(parent=self, op=store.pending_changes, success=self._show_pending).failure(
            lambda exc: log.warning("pending count failed: %s", type(exc).__name__)).run()

    def _show_pending(self, count: int) -> None:
        if count:
            self.sync_service.local_change()  # local work waiting: sync soon (and re-read)
        else:
            self.sync_service.refresh_status()

    def switch_language(self, lang: str) -> None:
        set_language(lang)
        self.build()

    def current_page(self) -> int:
        return self.stack.currentIndex()

    def start_questionnaire(self, youngster_id: str, *, hand_over: bool = False
                            ) -> QWidget | None:
        """Entry form (returned), or hand-over mode for the youngster (see
        ui/questionnaire); once saved, the screens that show questionnaires refresh."""
        from .questionnaire import start_questionnaire

        return start_questionnaire(self, self.store, youngster_id, hand_over=hand_over,
                                   saved=lambda _: self._questionnaire_saved(youngster_id))

    def _questionnaire_saved(self, youngster_id: str) -> None:
        if self.team is not None:
            self.today.reload()
            self.youngsters.refresh()  # re-selects the youngster: the detail reloads
            # Group and Programme summarise the scores: fresh on their next visit.
            self._loaded -= {self.GROUP, self.PROGRAMME}
        self.questionnaire_saved.emit(youngster_id)

    # -- sync ----------------------------------------------------------------

    def connect_to_server(self) -> None:
        dialog = EnrollDialog(self.store, self)
        accepted = dialog.exec() == EnrollDialog.DialogCode.Accepted
        if accepted and not self.store.vault.is_locked:  # auto-lock may fire meanwhile
            self.sync_service.start()

    def review_sync(self) -> None:
        if self.team is None:
            return
        dialog = ReviewDialog(self.store, self.team["id"], self)
        dialog.resolved.connect(self.sync_service.local_change)
        dialog.exec()

    def after_sync(self) -> None:
        """Pulled changes arrived: show them (a new group on a first sync included)."""
        if self.team is None:
            try:
                self.team = self.store.teams.current()
            except NotFound:
                return
            self.build()
            return
        page = self.stack.currentWidget()
        if hasattr(page, "reload"):
            page.reload()
        self._loaded = {self.stack.currentIndex()}

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync_service.stop()
        self.pending_timer.stop()
        self.closed.emit()
        super().closeEvent(event)
