"""The Settings screen: language, auto-lock, passphrase, this laptop's vault, export."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...store.store import Store
from ..i18n import language_combo, requested_language
from ..tasks import QueryOp
from ..widgets import Card, page_title
from .export import ExportCard
from .passphrase import PassphraseCard
from .prefs import preferences

LOCK_CHOICES = (1, 2, 5, 10, 15, 20, 30, 60)


class SettingsView(QWidget):
    language_chosen = Signal(str)
    lock_requested = Signal()
    loaded = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        prefs = preferences()
        self.language = language_combo(self.tr("Language"), requested_language())
        self.language.activated.connect(lambda i: self.choose_language(self.language.itemData(i)))
        # A combo, not a spin box: the app's stylesheet draws combos well, and a few
        # sensible choices are quicker than typing a number.
        self.lock_minutes = QComboBox()
        self.lock_minutes.setAccessibleName(self.tr("Lock after minutes without use"))
        current = prefs.lock_minutes()
        for minutes in sorted({*LOCK_CHOICES, current}):
            self.lock_minutes.addItem(self.tr("%1 min").replace("%1", str(minutes)), minutes)
        self.lock_minutes.setCurrentIndex(self.lock_minutes.findData(current))
        self.lock_minutes.currentIndexChanged.connect(
            lambda i: prefs.set_lock_minutes(self.lock_minutes.itemData(i)))
        self.lock_button = QPushButton(self.tr("&Lock now"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)

        general = Card(self.tr("General"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(24)
        form.addRow(self.tr("La&nguage"), self.language)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.lock_minutes)
        lock_row.addStretch(1)
        lock_row.addWidget(self.lock_button)
        lock_label = QLabel(self.tr("Lock &after"))
        lock_label.setBuddy(self.lock_minutes)
        form.addRow(lock_label, lock_row)
        general.body.addLayout(form)
        note = QLabel(self.tr("Without use for this long, the app hides everything and asks "
                              "for the passphrase again. Unsaved input is kept."))
        note.setObjectName("Muted")
        note.setWordWrap(True)
        general.body.addWidget(note)

        self.passphrase_card = PassphraseCard(store)
        self.export_card = ExportCard(store)

        vault = Card(self.tr("This laptop"))
        self.vault_form = QFormLayout()
        self.vault_form.setHorizontalSpacing(24)
        self.facts: dict[str, QLabel] = {}
        for key, label in (("folder", self.tr("Data folder")),
                           ("cipher_version", self.tr("Encryption (SQLCipher)")),
                           ("schema_version", self.tr("Database version")),
                           ("device_id", self.tr("Device id")),
                           ("pending_changes", self.tr("Changes waiting to sync"))):
            value = QLabel("…")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            value.setWordWrap(key == "folder")
            self.facts[key] = value
            self.vault_form.addRow(label, value)
        self.open_folder = QPushButton(self.tr("&Open folder"))
        self.open_folder.setAccessibleName(self.tr("Open the data folder"))
        self.open_folder.clicked.connect(self._open_folder)
        vault.body.addLayout(self.vault_form)
        vault.body.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)

        for card in (general, vault, self.export_card, self.passphrase_card):
            card.body.addStretch(1)  # content at the top when a row is taller
        grid = QGridLayout()
        grid.setSpacing(16)
        grid.addWidget(general, 0, 0)
        grid.addWidget(self.passphrase_card, 1, 0)
        grid.addWidget(vault, 0, 1)
        grid.addWidget(self.export_card, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(page_title(self.tr("Settings")))
        layout.addLayout(grid, 1)

        for first, second in ((self.language, self.lock_minutes),
                              (self.lock_minutes, self.lock_button),
                              (self.lock_button, self.passphrase_card.current),
                              (self.passphrase_card.current, self.passphrase_card.new),
                              (self.passphrase_card.new, self.passphrase_card.repeat),
                              (self.passphrase_card.repeat, self.passphrase_card.button),
                              (self.passphrase_card.button, self.open_folder),
                              (self.open_folder, self.export_card.button)):
            self.setTabOrder(first, second)

    def choose_language(self, lang: str) -> None:
        """Remember the language (QSettings), then let the window apply it."""
        preferences().set_language(lang)
        self.language_chosen.emit(lang)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._store.vault.paths.root)))

    def reload(self) -> None:
        store = self._store
        QueryOp(parent=self, op=store.diagnostics, success=self._loaded).run_in_background()

    def _loaded(self, facts: dict[str, object]) -> None:
        self.facts["folder"].setText(str(self._store.vault.paths.root))
        for key in ("cipher_version", "schema_version", "device_id", "pending_changes"):
            self.facts[key].setText(str(facts.get(key, "—")))
        self.loaded.emit()
