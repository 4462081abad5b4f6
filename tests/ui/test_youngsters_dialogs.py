"""Add, edit and exit a youngster through the Youngsters screen; the timeline."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from joinus_desktop.store.store import Store
from joinus_desktop.ui.youngsters.detail import load_detail
from joinus_desktop.ui.youngsters.timeline import TimelineModel, build_timeline
from joinus_desktop.ui.youngsters.view import YoungstersView


def _view(qtbot, store: Store) -> YoungstersView:  # noqa: ANN001
    view = YoungstersView(store, store.teams.current()["id"])
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    return view


def _tick(qtbot, check: QCheckBox) -> None:  # noqa: ANN001
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def _select(qtbot, view: YoungstersView, youngster_id: str) -> None:  # noqa: ANN001
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        assert view.select_youngster(youngster_id)


def test_add_a_youngster_with_consent(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    view = _view(qtbot, demo_store)
    team_id = demo_store.teams.current()["id"]
    dialog = view.open_add()
    qtbot.keyClicks(dialog.alias, "Jip")
    this_year = demo_store.today().year
    dialog.birth_year.setValue(this_year - 14)
    assert not dialog.guardian_hint.isHidden()  # 14 at intake: a guardian consents too
    assert "parent or guardian" in dialog.guardian_hint.text()
    _tick(qtbot, dialog.consent_youngster)
    assert not dialog.guardian_hint.isHidden()
    _tick(qtbot, dialog.consent_guardian)
    assert dialog.guardian_hint.isHidden()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    added = demo_store.youngsters.list(team_id, search="Jip")
    assert len(added) == 1
    y = added[0]
    assert y["birth_year"] == this_year - 14 and y["status"] == "intake"
    assert y["consent_youngster"] and y["consent_guardian"] and y["consent_date"]
    assert "Jip" in view.visible_aliases()  # the list refreshed


def test_validation_error_next_to_the_name(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    view = _view(qtbot, demo_store)
    before = len(demo_store.youngsters.list(demo_store.teams.current()["id"]))
    dialog = view.open_add()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.messages["alias"].is_error, timeout=5_000)
    assert dialog.messages["alias"].text() == "Name is required."
    assert dialog.isVisible()
    assert len(demo_store.youngsters.list(demo_store.teams.current()["id"])) == before


def test_edit_then_exit_a_youngster(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    team_id = demo_store.teams.current()["id"]
    view = _view(qtbot, demo_store)
    target = demo_store.youngsters.list(team_id, status="active")[0]
    _select(qtbot, view, target["id"])
    dialog = view.open_edit()
    assert dialog.alias.text() == target["alias"]
    dialog.alias.clear()
    qtbot.keyClicks(dialog.alias, "Samira")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)  # shortcuts need an active window
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        qtbot.keyClick(dialog.alias, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.youngsters.get(target["id"])["alias"] == "Samira"
    assert view.detail.name.text() == "Samira"

    exit_dialog = view.open_exit()
    titles = [c["title"] for c in demo_store.challenges.for_youngster(target["id"])]
    assert all(t in exit_dialog.summary.text() for t in titles)
    assert "exit questionnaire is due" in exit_dialog.prompt.text()
    # No reason chosen: the domain's words appear next to the reason, nothing is saved.
    qtbot.mouseClick(exit_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: exit_dialog.messages["exit_reason"].is_error, timeout=5_000)
    assert exit_dialog.messages["exit_reason"].text() == "Please give the reason for leaving."
    assert demo_store.youngsters.get(target["id"])["status"] == "active"

    exit_dialog.reason.setCurrentIndex(exit_dialog.reason.findData("goals_met"))
    today = demo_store.today()
    exit_dialog.exit_date.setDate(QDate(today.year, today.month, today.day))
    qtbot.keyClicks(exit_dialog.note, "Heeft een vriendengroep gevonden")
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        qtbot.mouseClick(exit_dialog.save_button, Qt.MouseButton.LeftButton)
    y = demo_store.youngsters.get(target["id"])
    assert y["status"] == "exited" and y["exit_reason"] == "goals_met"
    assert y["exit_date"] == today.isoformat() and y["exit_note"].startswith("Heeft")
    assert not view.detail.exit_button.isEnabled()
    statuses = {s.youngster_id: s for s in demo_store.questionnaires.statuses(team_id)}
    assert statuses[target["id"]].next_moment == "exit"


def test_timeline_lists_everything_newest_first(qtbot, qtmodeltester, demo_store: Store) -> None:  # noqa: ANN001
    team_id = demo_store.teams.current()["id"]
    youngster = max(demo_store.youngsters.list(team_id),
                    key=lambda y: len(demo_store.challenges.attempts_for_youngster(y["id"])))
    items = build_timeline(demo_store, youngster, "en")
    dates = [i.date for i in items]
    assert dates == sorted(dates, reverse=True)
    kinds = {i.kind for i in items}
    assert kinds == {"meeting", "observation", "attempt", "questionnaire"}
    assert sum(i.kind == "meeting" for i in items) == len(
        demo_store.meetings.attended_dates(youngster["id"]))
    assert sum(i.kind == "observation" for i in items) == len(
        demo_store.observations.for_youngster(youngster["id"]))

    model = TimelineModel()
    qtmodeltester.check(model)
    model.set_items(items)
    qtmodeltester.check(model)

    view = _view(qtbot, demo_store)
    _select(qtbot, view, youngster["id"])
    shown = view.detail.timeline_model
    assert shown.rowCount() == 0  # read only once its tab shows
    with qtbot.waitSignal(view.detail.timeline_loaded, timeout=10_000):
        view.detail.tabs.setCurrentWidget(view.detail.timeline)
    assert shown.rowCount() == len(items)
    assert shown.index(0, TimelineModel.KIND).data() in {
        "Meeting", "Observation", "Challenge attempt", "Questionnaire"}
    assert [shown.item(r).date for r in range(shown.rowCount())] == dates
    detail = load_detail(demo_store, youngster["id"], "en", timeline=True)
    assert detail.timeline == items
    assert load_detail(demo_store, youngster["id"], "en").timeline == []
