from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from joinus_desktop.store.store import Store
from joinus_desktop.ui.questionnaire import open_hand_over
from joinus_desktop.ui.questionnaire.form import QuestionnaireDialog
from joinus_desktop.ui.questionnaire.ops import load_context

from .conftest import PASS


def _youngster(store: Store) -> dict:
    team_id = store.teams.current()["id"]
    return store.youngsters.list(team_id)[0]


def test_entry_points_out_missing_answers_then_saves_scores(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    youngster = _youngster(demo_store)
    before = len(demo_store.questionnaires.for_youngster(youngster["id"]))
    due = demo_store.questionnaires.status(youngster["id"]).next_moment
    dialog = QuestionnaireDialog(demo_store, youngster["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    instrument = demo_store.instruments.default()
    assert len(dialog.items) == len(instrument.items)
    assert youngster["alias"] in dialog.title.text()
    assert dialog.moment.currentData() == due
    # Radio buttons carry the answer scale's labels.
    assert dialog.items[0].buttons[1].text() == instrument.answer_scale.label(1, "en")

    for widget in dialog.items[:-2]:
        qtbot.mouseClick(widget.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    assert "2 question" in box.text()
    assert [w.is_marked_missing for w in dialog.items] == [False] * (len(dialog.items) - 2) + [True, True]
    qtbot.mouseClick(dialog.go_back, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert len(demo_store.questionnaires.for_youngster(youngster["id"])) == before

    qtbot.mouseClick(dialog.items[-2].buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.items[-1].buttons[5], Qt.MouseButton.LeftButton)
    assert not dialog.items[-1].is_marked_missing  # answering clears the mark
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    rows = demo_store.questionnaires.for_youngster(youngster["id"])
    assert len(rows) == before + 1
    saved = next(r for r in rows if r["moment"] == due and r["answers"] == dialog.answers())
    assert saved["scores"] == dialog.scores
    assert all(v is not None for v in saved["scores"].values())
    assert dialog.result.isVisible()
    assert instrument.scales[0].name.get("en") in dialog.result.text()


def test_save_anyway_keeps_missing_answers_as_none(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    youngster = _youngster(demo_store)
    dialog = QuestionnaireDialog(demo_store, youngster["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitSignal(dialog.loaded, timeout=10_000).wait()
    qtbot.mouseClick(dialog.items[0].buttons[3], Qt.MouseButton.LeftButton)
    dialog.try_save()
    assert dialog.confirm_box is not None
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_anyway, Qt.MouseButton.LeftButton)
    latest = demo_store.questionnaires.for_youngster(youngster["id"])
    assert any(r["answers"].get(dialog.items[0].item_id) == 3
               and r["answers"].get(dialog.items[1].item_id) is None for r in latest)


def _gone(window: QWidget) -> bool:
    return not shiboken6.isValid(window) or not window.isVisible()


def _force_close(window: QWidget) -> None:
    if shiboken6.isValid(window):
        window._may_close = True  # noqa: SLF001 - test cleanup after a failure
        window.close()
        window.deleteLater()


def _visible_text() -> str:
    parts = []
    for w in QApplication.allWidgets():
        if w.isVisible():
            for attr in ("text", "windowTitle", "toPlainText"):
                value = getattr(w, attr, None)
                if callable(value):
                    try:
                        parts.append(str(value()))
                    except TypeError:
                        pass
    return "\n".join(parts)


def test_hand_over_cannot_be_left_without_the_passphrase(qtbot, request, demo_store: Store) -> None:  # noqa: ANN001
    youngster = _youngster(demo_store)
    team_id = demo_store.teams.current()["id"]
    before = len(demo_store.questionnaires.for_youngster(youngster["id"]))
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    context = load_context(demo_store, youngster["id"])
    window = open_hand_over(parent, demo_store, context, full_screen=False)
    request.addfinalizer(lambda: _force_close(window))
    finished: list[object] = []
    window.finished.connect(finished.append)
    assert window.isVisible() and not parent.isVisible()
    # No names of any youngster, no navigation.
    text = _visible_text()
    assert not any(y["alias"] in text for y in demo_store.youngsters.list(team_id))

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                             Qt.KeyboardModifier.NoModifier))
    assert window.isVisible()
    window.close()  # what Alt+F4 and the close button do
    qtbot.wait(20)
    assert window.isVisible()
    assert window.pages.currentWidget() is window.auth_page
    qtbot.mouseClick(window.cancel_auth_button, Qt.MouseButton.LeftButton)

    # The youngster answers page by page.
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    for n, widget in enumerate(window.items):
        if n:  # leave the first one open
            qtbot.mouseClick(widget.buttons[2], Qt.MouseButton.LeftButton)
        if n % 3 == 2:
            assert "of 18" in window.progress_text.text()
            qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.end_page
    assert "Give the laptop back" in window.end_text.text()
    assert window.skipped_text.isVisible() and "1 question" in window.skipped_text.text()

    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.passphrase, "not the right one")
    qtbot.mouseClick(window.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.auth_message.isVisible, timeout=10_000)
    assert window.isVisible() and not finished and not parent.isVisible()
    assert len(demo_store.questionnaires.for_youngster(youngster["id"])) == before

    answers = window.answers()
    qtbot.keyClicks(window.passphrase, PASS)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert _gone(window) and parent.isVisible()
    assert isinstance(finished[0], dict)
    rows = demo_store.questionnaires.for_youngster(youngster["id"])
    assert len(rows) == before + 1
    assert any(r["answers"] == answers and r["moment"] == context.due_moment
               for r in rows)


def test_hand_over_stop_with_passphrase_saves_nothing(qtbot, request, demo_store: Store) -> None:  # noqa: ANN001
    youngster = _youngster(demo_store)
    before = len(demo_store.questionnaires.for_youngster(youngster["id"]))
    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_hand_over(parent, demo_store, load_context(demo_store, youngster["id"]),
                            full_screen=False)
    request.addfinalizer(lambda: _force_close(window))
    finished: list[object] = []
    window.finished.connect(finished.append)
    qtbot.mouseClick(window.worker_button, Qt.MouseButton.LeftButton)
    window.passphrase.setText(PASS)
    window.check_passphrase()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert finished == [None] and _gone(window)
    assert len(demo_store.questionnaires.for_youngster(youngster["id"])) == before
