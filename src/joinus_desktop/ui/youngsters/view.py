"""The Youngsters screen: a searchable, filterable list and one youngster's detail."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store import privacy
from ...store.store import Store
from ..i18n import current_language
from ..questionnaire import request_questionnaire
from ..reports.access_dialog import AccessDialog
from ..reports.consent_marker import ConsentMarkerProxy
from ..reports.youngster_dialog import YoungsterReportDialog
from ..tasks import QueryOp
from .detail import YoungsterDetailPane, load_detail
from .dialogs import ExitDialog, YoungsterDialog
from .model import (
    DUE_FILTER,
    ID_ROLE,
    OVERDUE_FILTER,
    YoungstersFilterProxy,
    YoungstersTableModel,
)
from .rows import YoungsterRow, load_youngster_rows, status_choices

LEFT_MIN_WIDTH = 560  # the list's side at least; more when the columns need it


class YoungstersView(QWidget):
    loaded = Signal()  # the list arrived (tests and the status bar listen)
    detail_shown = Signal(str)  # youngster id

    def __init__(self, store: Store, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._team_id = team_id
        self._team_means: dict | None = None  # cached per list load, see reload
        lang = current_language()

        title = QLabel(self.tr("Youngsters"))
        title.setObjectName("PageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setAccessibleName(self.tr("Search youngsters by name"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("All statuses"), "")
        for key, label in status_choices(lang):
            self.status.addItem(label, key)
        # Not statuses, but what the worker looks for most: who needs a questionnaire.
        self.status.addItem(self.tr("Questionnaire due"), DUE_FILTER)
        self.status.addItem(self.tr("Questionnaire overdue"), OVERDUE_FILTER)
        self.count = QLabel()
        self.count.setObjectName("Muted")

        self.model = YoungstersTableModel(parent=self)
        self.proxy = YoungstersFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # A warning marker on youngsters without recorded consent (ui/reports).
        self.consent = ConsentMarkerProxy(ID_ROLE, self)
        self.consent.setSourceModel(self.proxy)
        self.table = QTableView()
        self.table.setModel(self.consent)
        self.table.setAccessibleName(self.tr("Youngsters"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(YoungstersTableModel.ALIAS, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(YoungstersTableModel.NEXT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(32)

        self.detail = YoungsterDetailPane(store, self)
        self.detail.edit_requested.connect(self.open_edit)
        self.detail.exit_requested.connect(self.open_exit)
        self.detail.report_requested.connect(self.open_report)
        self.detail.access_requested.connect(self.open_access)
        self.detail.questionnaire_requested.connect(
            lambda hand_over: self.start_questionnaire(hand_over=hand_over))
        self.detail.challenges.changed.connect(self.refresh)
        self.add_button = QPushButton(self.tr("Add youngster"))
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self.open_add)
        self.dialog: QDialog | None = None

        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.search, 2)
        tools.addWidget(self.status, 1)
        tools.addWidget(self.add_button)
        left = QWidget()
        left.setMinimumWidth(LEFT_MIN_WIDTH)  # widened to the columns' needs, see _fit_table
        self.left = left
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        # The table keeps its width (every header readable, in Dutch too); the detail
        # pane, whose chart scales, takes what is left and any extra.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        # Wide enough for every column at 1366×768; the chart takes the rest.
        splitter.setSizes([590, 530])
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.setTabOrder(self.search, self.status)
        self.setTabOrder(self.status, self.table)
        self.search.textChanged.connect(self._filter_changed)
        self.status.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    # -- loading -----------------------------------------------------------

    def reload(self) -> None:
        store, team_id, lang = self._store, self._team_id, current_language()
        # Every reload (a change, a sync, a questionnaire) reads the group means again.
        self._team_means = None
        QueryOp(parent=self, op=lambda: load_youngster_rows(store, team_id, lang),
                success=self._rows_loaded).run_in_background()

    def _rows_loaded(self, rows: list[YoungsterRow]) -> None:
        selected = self.detail.youngster_id
        self.model.set_rows(rows)
        self._fit_table()
        self._update_count()
        self._load_consent()
        if selected:
            self.select_youngster(selected)
        self.loaded.emit()

    def _fit_table(self) -> None:
        """Make room for every column: the wider of its header and its contents."""
        header = self.table.horizontalHeader()
        columns = range(self.model.columnCount())
        needed = (sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c))
                      for c in columns)
                  + 2 * self.table.frameWidth()
                  + self.table.verticalScrollBar().sizeHint().width())
        if needed > self.left.minimumWidth():
            self.left.setMinimumWidth(needed)

    def _filter_changed(self) -> None:
        # Each setter refilters only when its own value changed: a keystroke filters once.
        self.proxy.set_search(self.search.text())
        self.proxy.set_status(self.status.currentData() or "")
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%1 of %2 youngsters").replace("%1", str(shown))
                           .replace("%2", str(total)))

    # -- selection ---------------------------------------------------------

    def visible_aliases(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def select_youngster(self, youngster_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ID_ROLE) == youngster_id:
                self.table.selectRow(r)
                return True
        return False

    def _selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        youngster_id = rows[0].data(ID_ROLE)
        store = self._store

        def show(detail: object) -> None:
            # A quicker click may have chosen someone else meanwhile.
            current = self.table.selectionModel().selectedRows()
            if current and current[0].data(ID_ROLE) == youngster_id:
                if self._team_means is None:
                    self._team_means = detail.team_means  # type: ignore[attr-defined]
                self.detail.show_detail(detail)  # type: ignore[arg-type]
                self.detail_shown.emit(youngster_id)

        lang, means = current_language(), self._team_means  # the team's, same for all
        QueryOp(parent=self, op=lambda: load_detail(store, youngster_id, lang,
                                                    team_means=means),
                success=show).run_in_background()

    # -- changes -----------------------------------------------------------

    def refresh(self) -> None:
        """After a change: the list again; re-selecting the youngster reloads the detail."""
        self.reload()

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._dialog_saved)  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_saved(self, saved: object) -> None:
        youngster_id = saved.id  # type: ignore[attr-defined]
        store, team_id, lang = self._store, self._team_id, current_language()

        def rows_loaded(rows: list[YoungsterRow]) -> None:
            self._rows_loaded(rows)  # re-selects, which reloads the detail
            if self.detail.youngster_id != youngster_id:
                self.select_youngster(youngster_id)

        QueryOp(parent=self, op=lambda: load_youngster_rows(store, team_id, lang),
                success=rows_loaded).run()

    def open_add(self) -> YoungsterDialog:
        return self._open(YoungsterDialog(self._store, self._team_id, parent=self))  # type: ignore[return-value]

    def open_edit(self) -> YoungsterDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        return self._open(YoungsterDialog(self._store, self._team_id, detail.youngster,  # type: ignore[return-value]
                                          parent=self))

    def open_exit(self) -> ExitDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        dialog = ExitDialog(self._store, detail.youngster, list(detail.challenges), parent=self)
        dialog.questionnaire_requested.connect(
            lambda youngster_id: self.start_questionnaire(youngster_id))
        return self._open(dialog)  # type: ignore[return-value]

    def start_questionnaire(self, youngster_id: str | None = None, *,
                            hand_over: bool = False) -> QWidget | None:
        """The entry form (returned) or hand-over mode for the youngster (by default the
        one shown); the list and the detail refresh once it is saved."""
        youngster_id = youngster_id or self.detail.youngster_id
        if not youngster_id:
            return None
        return request_questionnaire(self, self._store, youngster_id, hand_over=hand_over,
                                     saved=lambda _: self.refresh())

    # -- consent flags, reports and exports ------------------------------------

    def _load_consent(self) -> None:
        store, team_id = self._store, self._team_id
        none = self.tr("No consent recorded")
        guardian = self.tr("Under 16 at intake: no consent of a parent or guardian recorded")
        QueryOp(parent=self, op=lambda: privacy.consent_flags(store, team_id),
                success=lambda flags: self.consent.set_flags(
                    {f.youngster_id: none if f.reason == "none" else guardian
                     for f in flags})).run()

    def open_report(self) -> YoungsterReportDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        dialog = YoungsterReportDialog(self._store, detail.youngster["id"],
                                       detail.youngster["alias"], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_access(self) -> AccessDialog | None:
        detail = self.detail.detail
        if detail is None:
            return None
        dialog = AccessDialog(self._store, detail.youngster["id"], detail.youngster["alias"],
                              self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
