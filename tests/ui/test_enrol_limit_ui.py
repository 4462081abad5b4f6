"""The connect dialog after too many wrong codes (429): it says to wait, in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from joinus_desktop.store.store import Store
from joinus_desktop.ui.sync.enroll import EnrollDialog
from tests.support.server_process import server_factory  # noqa: F401

from .test_sync_ui import invite


def test_the_dialog_says_to_wait_after_too_many_wrong_codes(
        qtbot: Any, demo_store: Store, server_factory: Any, tmp_path: Path) -> None:  # noqa: F811
    server = server_factory(f"sqlite:///{tmp_path / 'server.db'}",
                            env={"JOINUS_SERVER_ENROL_MAX_FAILURES": "1",
                                 "JOINUS_SERVER_ENROL_WINDOW_S": "120"})
    right = invite(server, "limit@example.org")
    dialog = EnrollDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.url.setText(server.url)
    for code, expected in (("WRONG-CODE", "unknown, already used or expired"),
                           (right, "Too many wrong codes were tried from this network. "
                                   "Wait 2 minute(s)")):
        dialog.message.setText("")
        dialog.code.setText(code)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=20_000)
        assert expected in dialog.message.text()
    assert dialog.answer is None
    assert "coordinator" in dialog.message.text()
