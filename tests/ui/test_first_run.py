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
        assert dialog.pages.currentIndex() == 2  # the offer to connect to the organisation
        dialog.later_button.click()
        assert dialog.result() == FirstRunDialog.DialogCode.Accepted
        assert dialog.store is created[0] and not dialog.connect_requested
    finally:
        created[0].lock()


def test_strength_feedback_language_and_saving_the_key(qtbot, tmp_path: Path,  # noqa: ANN001
                                                       monkeypatch) -> None:
    # The choice is remembered in QSettings: keep it out of the user's real settings,
    # and read Dutch from a .qm built for this test, not whatever lies in resources/.
    from PySide6.QtCore import QSettings

    from joinus_desktop.ui import i18n
    from tests.ui.test_translations import TS_FILE, _tool

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    _tool().run_lrelease(TS_FILE, tmp_path / "joinus_nl.qm", quiet=True)
    from joinus_desktop.store.passphrase_policy import rate

    assert not rate("kort").acceptable
    assert not rate("12345678").acceptable
    assert rate("paard batterij nietje correct").score == 4
    dialog = FirstRunDialog(tmp_path / "profile",
                            creator=lambda r, p: Store.create(r, p, argon2=FAST))
    qtbot.addWidget(dialog)
    dialog.first.setText("kort")
    assert "Too short" in dialog.strength.text()
    dialog.first.setText("paard batterij nietje correct")
    assert "Strong" in dialog.strength.text()
    # Choosing Dutch retranslates the dialog at once, and is remembered.
    from joinus_desktop.ui.settings.prefs import preferences

    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    assert dialog.create_button.text() == "Kluis aanmaken"
    assert preferences().language() == "nl"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.create_button.text() == "Create vault"

    dialog.second.setText("paard batterij nietje correct")
    dialog.create_vault()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    try:
        target = tmp_path / "key.txt"
        assert dialog.save_recovery_key(str(target))
        assert dialog.key_label.text() in target.read_text(encoding="utf-8")
        dialog.written.setChecked(True)
        dialog.continue_button.click()
        dialog.connect_button.click()
        assert dialog.connect_requested
        assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    finally:
        dialog.store.lock()
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
