from __future__ import annotations

from pathlib import Path

from joinus_desktop.store.store import Store
from joinus_desktop.ui.first_run import FirstRunDialog

from .conftest import FAST


def test_first_run_checks_passphrase_then_shows_recovery_key(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    created: list[Store] = []

    def creator(root: Path, passphrase: str) -> tuple[Store, str]:
        store, key = Store.create(root, passphrase, argon2=FAST)
        created.append(store)
        return store, key

    dialog = FirstRunDialog(tmp_path / "profile", creator=creator)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog.create_vault()
    assert "at least 8 characters" in dialog.problem.text()
    dialog.first.setText("a long enough passphrase")
    dialog.second.setText("a long enough passphrase!")
    dialog.create_vault()
    assert "not the same" in dialog.problem.text()
    assert not created

    dialog.second.setText("a long enough passphrase")
    dialog.create_vault()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    try:
        assert len(dialog.key_label.text()) >= 20
        assert not dialog.continue_button.isEnabled()
        dialog.reject()  # cannot skip the recovery key once the vault exists
        assert dialog.isVisible()
        dialog.written.setChecked(True)
        assert dialog.continue_button.isEnabled()
        dialog.continue_button.click()
        assert dialog.result() == FirstRunDialog.DialogCode.Accepted
        assert dialog.store is created[0]
    finally:
        created[0].lock()
