from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from joinus_desktop.store.store import Store
from joinus_desktop.ui import main_window, tasks
from joinus_desktop.ui.app import Session
from joinus_desktop.ui.meetings.view import MeetingsView
from joinus_desktop.ui.tasks import QueryOp

from .conftest import PASS

DRAFT_KEY = "test:meeting-note"


class DraftMeetings(MeetingsView):
    """The meetings screen plus an input that follows the draft protocol (ui/lock.py)."""

    def __init__(self, store: Store, team_id: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(store, team_id, parent)
        self._draft_store = store
        self.draft = QLineEdit()
        self.layout().addWidget(self.draft)

    def save_draft(self) -> None:
        store, text = self._draft_store, self.draft.text()
        QueryOp(parent=None, op=lambda: store.drafts.save(DRAFT_KEY, {"text": text})).run()

    def restore_draft(self) -> None:
        store = self._draft_store
        QueryOp(parent=self, op=lambda: store.drafts.load(DRAFT_KEY),
                success=lambda d: self.draft.setText((d or {}).get("text", ""))).run()


@pytest.fixture
def own_settings(tmp_path: Path) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def _visible_text() -> str:
    parts: list[str] = []
    for w in QApplication.allWidgets():
        if not w.isVisible():
            continue
        for attr in ("text", "windowTitle", "toPlainText", "placeholderText", "toolTip"):
            value = getattr(w, attr, None)
            if callable(value):
                try:
                    parts.append(str(value()))
                except TypeError:
                    pass
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            try:
                columns = m.columnCount(QModelIndex())
            except TypeError:  # list models hide columnCount
                columns = 1
            parts += [str(m.index(r, c).data()) for r in range(m.rowCount(QModelIndex()))
                      for c in range(columns)]
    return "\n".join(parts)


def _unlock(qtbot, session: Session) -> None:  # noqa: ANN001
    assert session.unlock is not None
    session.unlock.passphrase.setText(PASS)
    session.unlock.try_unlock()
    qtbot.waitUntil(lambda: session.main is not None, timeout=10_000)


def test_auto_lock_hides_data_drops_key_and_restores_page_and_draft(
        qtbot, demo_dir: Path, monkeypatch, own_settings) -> None:  # noqa: ANN001
    monkeypatch.setattr(main_window, "MeetingsView", DraftMeetings)
    session = Session(demo_dir)
    try:
        assert session.start()
        _unlock(qtbot, session)
        main = session.main
        store = session.store
        team_id = store.teams.current()["id"]
        aliases = [y["alias"] for y in store.youngsters.list(team_id)]
        main.go_to(main.YOUNGSTERS)
        qtbot.waitUntil(lambda: main.youngsters.model.rowCount() > 0, timeout=10_000)
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, aliases)) + r")\b")
        assert pattern.search(_visible_text())  # the check below can see names

        main.go_to(main.MEETINGS)
        qtbot.keyClicks(main.meetings.draft, "half a sentence about the game")
        session.idle.set_interval_ms(300)
        qtbot.waitUntil(lambda: session.unlock is not None and session.unlock.isVisible(),
                        timeout=5_000)
        qtbot.waitUntil(lambda: store.vault.is_locked, timeout=5_000)
        assert session.main is None and session.locked_store is store
        assert not pattern.search(_visible_text())
        assert "Locked after" in session.unlock.notice.text()

        session.idle.set_minutes(10)
        _unlock(qtbot, session)
        again = session.main
        assert again is not main and session.store is not store
        assert again.current_page() == again.MEETINGS
        assert again.stack.currentWidget() is again.meetings
        qtbot.waitUntil(lambda: again.meetings.draft.text() == "half a sentence about the game",
                        timeout=5_000)
        assert session.idle.running
    finally:
        tasks.wait_for_idle()
        session.shutdown()


def test_lock_now_shortcut(qtbot, demo_dir: Path, own_settings) -> None:  # noqa: ANN001
    session = Session(demo_dir)
    try:
        session.start()
        _unlock(qtbot, session)
        main, store = session.main, session.store
        main.activateWindow()
        qtbot.waitUntil(main.isActiveWindow, timeout=5_000)
        qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: store.vault.is_locked, timeout=5_000)
        assert session.main is None and session.unlock.isVisible()
        assert not session.idle.running
    finally:
        tasks.wait_for_idle()
        session.shutdown()


def test_lock_with_the_meeting_editor_open_brings_it_back_with_the_typed_notes(
        qtbot, demo_dir: Path, own_settings) -> None:  # noqa: ANN001
    """The real meeting editor follows the draft protocol: after unlocking the worker
    is back in the editor, with what they typed."""
    session = Session(demo_dir)
    try:
        session.start()
        _unlock(qtbot, session)
        main, store = session.main, session.store
        main.go_to(main.MEETINGS)
        editor = main.meetings.open_editor(None)
        qtbot.waitUntil(lambda: editor.data is not None, timeout=10_000)
        editor.notes.setPlainText("Bijna vergeten: Noor deed voor het eerst mee")
        session.lock()
        qtbot.waitUntil(lambda: store.vault.is_locked, timeout=5_000)
        assert "Noor deed" not in _visible_text()
        _unlock(qtbot, session)
        again = session.main
        assert again.stack.currentWidget() is again.meetings
        qtbot.waitUntil(lambda: getattr(again.meetings, "editor", None) is not None
                        and again.meetings.editor.isVisible(), timeout=10_000)
        reopened = again.meetings.editor
        qtbot.waitUntil(lambda: "Noor deed" in reopened.notes.toPlainText(), timeout=10_000)
        reopened.close()
    finally:
        tasks.wait_for_idle()
        session.shutdown()
