"""Where a questionnaire starts: Today's due rows, the youngster detail, leaving."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from joinus_desktop.store.store import Store
from joinus_desktop.ui.main_window import MainWindow
from joinus_desktop.ui.questionnaire import _open_handovers
from joinus_desktop.ui.questionnaire.form import QuestionnaireDialog
from joinus_desktop.ui.questionnaire.handover import HandOverWindow
from joinus_desktop.ui.today.view import QUESTIONNAIRE_LINK


def _window(qtbot, store: Store) -> MainWindow:  # noqa: ANN001
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.sync_service.stop()
    window.resize(1366, 768)
    window.show()
    return window


def _open_form(qtbot, window: MainWindow) -> QuestionnaireDialog:  # noqa: ANN001
    def found() -> list[QuestionnaireDialog]:
        return [d for d in window.findChildren(QuestionnaireDialog)
                if shiboken6.isValid(d) and d.isVisible()]

    qtbot.waitUntil(lambda: bool(found()), timeout=5_000)
    dialog = found()[0]
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=10_000)
    return dialog


def _fill_and_save(qtbot, window: MainWindow, dialog: QuestionnaireDialog) -> None:  # noqa: ANN001
    for item in dialog.items:
        qtbot.mouseClick(item.buttons[3], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.questionnaire_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _show_youngster(qtbot, window: MainWindow, youngster_id: str) -> None:  # noqa: ANN001
    window.go_to(MainWindow.YOUNGSTERS)
    view = window.youngsters
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        assert view.select_youngster(youngster_id)


def test_today_rows_open_the_questionnaire_and_refresh(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    today = window.today
    qtbot.waitUntil(lambda: today.snapshot is not None, timeout=10_000)
    lines = today.snapshot.due + today.snapshot.upcoming
    assert lines, "the demo group has questionnaires due or coming up"
    line = lines[0]
    href = QUESTIONNAIRE_LINK + line.youngster_id
    assert f"href='{href}'" in today.due_text.text()
    assert "Fill in" in today.due_text.text()
    today.due_text.linkActivated.emit(href)  # what a click on the row's link does
    dialog = _open_form(qtbot, window)
    assert dialog.youngster_id == line.youngster_id
    assert line.alias in dialog.title.text()
    assert dialog.hand_over_button.isVisible()  # the hand-over option inside the form
    before = today.snapshot
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        _fill_and_save(qtbot, window, dialog)
    assert today.snapshot is not before


def test_detail_questionnaire_button_opens_the_form_and_refreshes(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    youngster = demo_store.youngsters.list(demo_store.teams.current()["id"])[0]
    _show_youngster(qtbot, window, youngster["id"])
    detail = window.youngsters.detail
    scores_before = len(detail.detail.scores)
    assert detail.questionnaire_button.isVisible()
    qtbot.mouseClick(detail.questionnaire_button, Qt.MouseButton.LeftButton)
    dialog = _open_form(qtbot, window)
    assert dialog.youngster_id == youngster["id"]
    with qtbot.waitSignal(window.youngsters.detail_shown, timeout=10_000):
        _fill_and_save(qtbot, window, dialog)
    assert detail.youngster_id == youngster["id"]
    assert len(detail.detail.scores) >= scores_before
    assert len(demo_store.questionnaires.for_youngster(youngster["id"])) > 0


def test_detail_hand_over_button_starts_hand_over_mode(qtbot, request, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    youngster = demo_store.youngsters.list(demo_store.teams.current()["id"])[1]
    _show_youngster(qtbot, window, youngster["id"])

    def cleanup() -> None:
        for w in list(_open_handovers):
            if shiboken6.isValid(w):
                w._may_close = True  # noqa: SLF001 - test cleanup
                w.close()
                w.deleteLater()
        _open_handovers.clear()

    request.addfinalizer(cleanup)
    detail = window.youngsters.detail
    assert detail.hand_over_button.isVisible()
    qtbot.mouseClick(detail.hand_over_button, Qt.MouseButton.LeftButton)

    def shown() -> list[HandOverWindow]:
        return [w for w in _open_handovers if shiboken6.isValid(w) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    assert shown()[0].context.youngster_id == youngster["id"]
    assert not window.isVisible()  # the youngster sees the questionnaire alone


def test_exit_dialog_records_leaving_then_opens_the_exit_questionnaire(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    team_id = demo_store.teams.current()["id"]
    target = next(y for y in demo_store.youngsters.list(team_id) if y["status"] != "exited")
    _show_youngster(qtbot, window, target["id"])
    exit_dialog = window.youngsters.open_exit()
    assert exit_dialog.questionnaire_button.isVisible()
    exit_dialog.reason.setCurrentIndex(exit_dialog.reason.findData("goals_met"))
    qtbot.mouseClick(exit_dialog.questionnaire_button, Qt.MouseButton.LeftButton)
    dialog = _open_form(qtbot, window)
    assert demo_store.youngsters.get(target["id"])["status"] == "exited"  # saved first
    assert dialog.youngster_id == target["id"]
    assert dialog.moment.currentData() == "exit"
    dialog.reject()
    QApplication.processEvents()


def test_exit_dialog_with_a_problem_opens_no_questionnaire(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    team_id = demo_store.teams.current()["id"]
    target = next(y for y in demo_store.youngsters.list(team_id) if y["status"] != "exited")
    _show_youngster(qtbot, window, target["id"])
    exit_dialog = window.youngsters.open_exit()
    qtbot.mouseClick(exit_dialog.questionnaire_button, Qt.MouseButton.LeftButton)  # no reason
    qtbot.waitUntil(lambda: exit_dialog.messages["exit_reason"].is_error, timeout=5_000)
    assert exit_dialog.questionnaire_button.isEnabled()
    assert not [d for d in window.findChildren(QuestionnaireDialog) if d.isVisible()]
    assert demo_store.youngsters.get(target["id"])["status"] != "exited"
