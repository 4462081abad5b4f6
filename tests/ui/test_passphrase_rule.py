"""Issue 12, finding 11: the window applies the same passphrase rule as the store and CLI:
first run, Settings and recovery all refuse `12345678`, and say why."""

from __future__ import annotations

from pathlib import Path

from joinus_desktop.store.store import Store
from joinus_desktop.ui.first_run import FirstRunDialog
from joinus_desktop.ui.settings.passphrase import PassphraseCard
from joinus_desktop.ui.unlock import RecoveryPanel

from .conftest import FAST, PASS

WEAK = "12345678"


def test_first_run_refuses_a_common_password(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    created: list[object] = []
    dialog = FirstRunDialog(tmp_path / "profile",
                            creator=lambda r, p: created.append(p))  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first.setText(WEAK)
    dialog.second.setText(WEAK)
    assert "Too weak" in dialog.strength.text() and "common password" in dialog.strength.text()
    dialog.create_vault()
    assert "unrelated words" in dialog.problem.text()  # what to do instead
    dialog.first.clear()
    dialog.create_vault()
    assert "at least 8 characters" in dialog.problem.text()
    assert not created and dialog.pages.currentIndex() == 0


def test_settings_will_not_change_to_a_weak_passphrase(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    card = PassphraseCard(demo_store)
    qtbot.addWidget(card)
    card.current.setText(PASS)
    card.new.setText(WEAK)
    card.repeat.setText(WEAK)
    assert not card.button.isEnabled()
    assert "Too weak" in card.feedback.text()
    card.new.setText("joinus2026")
    card.repeat.setText("joinus2026")
    assert not card.button.isEnabled() and "this app" in card.feedback.text()


def test_recovery_refuses_a_weak_new_passphrase(qtbot) -> None:  # noqa: ANN001
    panel = RecoveryPanel()
    qtbot.addWidget(panel)
    submitted: list[tuple[str, str]] = []
    panel.submitted.connect(lambda key, new: submitted.append((key, new)))
    panel.key.setText("AAAA-BBBB")
    panel.new.setText(WEAK)
    panel.repeat.setText(WEAK)
    panel._submit()
    assert not submitted and "common password" in panel.message.text()
    panel.new.setText(PASS)
    panel.repeat.setText(PASS)
    panel._submit()
    assert submitted == [("AAAA-BBBB", PASS)]


def test_a_store_refusal_is_shown_in_words(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Should a weak passphrase reach the store anyway, its refusal is the same sentence."""
    dialog = FirstRunDialog(tmp_path / "profile",
                            creator=lambda r, p: Store.create(r, WEAK, argon2=FAST))
    qtbot.addWidget(dialog)
    dialog.first.setText(PASS)
    dialog.second.setText(PASS)
    dialog.create_vault()
    qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=10_000)
    assert "Too weak" in dialog.problem.text() and "common password" in dialog.problem.text()
