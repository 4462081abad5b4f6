"""The Settings screen (this slice): language, and facts about this laptop's vault."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...store.store import Store
from ..i18n import LANGUAGES, requested_language
from ..tasks import QueryOp
from ..widgets import Card, page_title

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}  # each in its own language


class SettingsView(QWidget):
    language_chosen = Signal(str)
    loaded = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(LANGUAGES.index(requested_language()))
        self.language.activated.connect(
            lambda i: self.language_chosen.emit(self.language.itemData(i)))
        self.language_note = QLabel()
        self.language_note.setObjectName("Muted")
        self.language_note.setWordWrap(True)

        general = Card(self.tr("General"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(24)
        form.addRow(self.tr("&Language"), self.language)
        general.body.addLayout(form)
        general.body.addWidget(self.language_note)

        vault = Card(self.tr("This laptop"))
        self.vault_form = QFormLayout()
        self.vault_form.setHorizontalSpacing(24)
        self.facts: dict[str, QLabel] = {}
        for key, label in (("folder", self.tr("Vault folder")),
                           ("cipher_version", self.tr("Encryption (SQLCipher)")),
                           ("schema_version", self.tr("Database version")),
                           ("device_id", self.tr("Device id")),
                           ("pending_changes", self.tr("Changes waiting to sync"))):
            value = QLabel("…")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.facts[key] = value
            self.vault_form.addRow(label, value)
        vault.body.addLayout(self.vault_form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(page_title(self.tr("Settings")))
        layout.addWidget(general)
        layout.addWidget(vault)
        layout.addStretch(1)

    def reload(self) -> None:
        store = self._store
        QueryOp(parent=self, op=store.diagnostics, success=self._loaded).run_in_background()

    def _loaded(self, facts: dict[str, object]) -> None:
        self.facts["folder"].setText(str(self._store.vault.paths.root))
        for key in ("cipher_version", "schema_version", "device_id", "pending_changes"):
            self.facts[key].setText(str(facts.get(key, "—")))
        self.loaded.emit()
