"""Connecting this laptop to the organisation server with a one-time code."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...store.store import Store
from ...sync.engine import enroll
from ...sync import tls
from ...sync.errors import SyncError
from ..tasks import QueryOp, network_pool


class EnrollDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.answer: dict | None = None
        self.setWindowTitle(self.tr("Connect to the organisation server"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "Your coordinator gives you the server address and a one-time code. After "
            "connecting, this laptop shares your group's records with your colleague and "
            "the organisation, whenever it is online."))
        intro.setWordWrap(True)
        self.url = QLineEdit(store.sync.get("server_url") or "https://")
        self.url.setAccessibleName(self.tr("Server address"))
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Enrolment code"))
        self.code.setPlaceholderText(self.tr("e.g. K7M2-Q9XP"))
        self.message = QLabel()
        self.message.setObjectName("FieldError")
        self.message.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("Enrolment code"), self.code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url.startswith(("https://", "http://")) or not code:
            self.message.setText(self.tr("Fill in the server address and the code."))
            return
        if not tls.allowed(url):  # refused before the code is sent anywhere
            self.message.setText(self.tr(
                "Use the server's https:// address. With plain http:// the code and your "
                "records would travel unencrypted; that is allowed only to this computer "
                "itself (localhost)."))
            return
        self._busy(True)
        store = self.store
        QueryOp(parent=self, op=lambda: enroll(store, url, code), success=self._done,
                pool=network_pool()).failure(self._failed).finally_(
            lambda: self._busy(False)).run()

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.buttons.setEnabled(not busy)
        self.url.setEnabled(not busy)
        self.code.setEnabled(not busy)

    def _done(self, answer: dict) -> None:
        self.answer = answer
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SyncError) and error.code == "certificate":
            self.message.setText(self.tr(
                "The server's certificate is not trusted, so nothing was sent. If your "
                "organisation uses its own certificate authority, ask your IT department "
                "to set JOINUS_CA_BUNDLE (see the installation guide)."))
        elif isinstance(error, SyncError) and error.code == "too_many_attempts":
            self.message.setText(self.tr(
                "Too many wrong codes were tried from this network. Wait %n minute(s) and "
                "try again. If your code still does not work, ask your coordinator for a "
                "new one.", "", error.wait_minutes))
        elif isinstance(error, SyncError):
            self.message.setText(error.message)
        else:
            self.message.setText(self.tr("Connecting failed: %1").replace(
                "%1", type(error).__name__))
