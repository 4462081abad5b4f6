from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from joinus_desktop.store.store import Store
from joinus_desktop.ui.main_window import MainWindow


def _window(qtbot, store: Store) -> MainWindow:  # noqa: ANN001
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)  # shortcuts need an active window
    return window


def test_today_shows_meetings_and_challenges(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    qtbot.waitUntil(lambda: window.today.snapshot is not None, timeout=10_000)
    snap = window.today.snapshot
    team_id = demo_store.teams.current()["id"]
    assert snap.last_meeting is not None
    assert snap.last_meeting.date == max(m["date"] for m in demo_store.meetings.list(team_id))
    active = demo_store.challenges.active(team_id)
    assert len(snap.challenges) == len(active) > 0
    assert active[0]["title"].split()[0] in window.today.challenges_text.text()
    # Questionnaires coming up are real schedule data, named with English moment labels.
    statuses = demo_store.questionnaires.statuses(team_id)
    soon = [s for s in statuses if s.next_moment and not s.due and 0 < s.meetings_until_due <= 2]
    assert len(snap.upcoming) == len(soon) > 0  # the demo's schedule always has some
    assert snap.upcoming[0].moment_label.startswith(("After", "Intake", "Exit"))
    assert snap.upcoming[0].alias in window.today.due_text.text()
    text = window.sync_status.text
    qtbot.waitUntil(lambda: "waiting" in text.text(), timeout=5_000)
    assert "Not connected to the organisation server" in text.text()
    assert f"{demo_store.pending_changes()} changes waiting" in text.text()
    assert window.sync_status.action.text() == "Connect…"


def test_youngsters_list_search_and_chart(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.youngsters
    view = window.youngsters
    qtbot.waitUntil(lambda: view.model.rowCount() == 12, timeout=10_000)
    team_id = demo_store.teams.current()["id"]
    aliases = sorted((y["alias"] for y in demo_store.youngsters.list(team_id)), key=str.casefold)
    assert sorted(view.visible_aliases(), key=str.casefold) == aliases

    target = aliases[3]
    qtbot.keyClicks(view.search, target.lower())
    assert target in view.visible_aliases()
    assert all(target.lower() in a.lower() for a in view.visible_aliases())
    assert len(view.visible_aliases()) < 12
    assert "of 12" in view.count.text()
    view.search.clear()
    assert len(view.visible_aliases()) == 12

    # Someone with at least two questionnaires gets a line with points.
    with_scores = next(y for y in demo_store.youngsters.list(team_id)
                       if len(demo_store.questionnaires.youngster_scores(y["id"])) >= 2)
    expected = sum(1 for s in demo_store.questionnaires.youngster_scores(with_scores["id"])
                   for v in s["scores"].values() if v is not None)
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        assert view.select_youngster(with_scores["id"])
    assert view.detail.name.text() == with_scores["alias"]
    chart = view.detail.chart
    assert len(chart.plots) == 3
    assert chart.point_count() == expected
    assert chart.band_items  # the instrument has cut-off bands for some scales
    assert chart.mean_items  # the group mean is drawn as a reference


def test_status_filter(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    window.go_to(MainWindow.YOUNGSTERS)
    view = window.youngsters
    qtbot.waitUntil(lambda: view.model.rowCount() == 12, timeout=10_000)
    team_id = demo_store.teams.current()["id"]
    exited = {y["alias"] for y in demo_store.youngsters.list(team_id, status="exited")}
    view.status.setCurrentIndex(view.status.findData("exited"))
    assert set(view.visible_aliases()) == exited


def test_meetings_group_and_settings_pages(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    team_id = demo_store.teams.current()["id"]
    window.go_to(MainWindow.MEETINGS)
    qtbot.waitUntil(lambda: window.meetings.model.rowCount() == 20, timeout=10_000)
    latest = demo_store.meetings.list(team_id)[0]
    assert (latest.get("place") or "") in window.meetings.detail_text.text()
    window.go_to(MainWindow.GROUP)
    qtbot.waitUntil(lambda: window.group.model.rowCount() > 0, timeout=10_000)
    assert window.group.model.rowCount() == len(demo_store.questionnaires.team_means(team_id))
    window.go_to(MainWindow.SETTINGS)
    qtbot.waitUntil(lambda: window.settings.facts["device_id"].text() == demo_store.device_id,
                    timeout=10_000)


def test_navigation_shortcuts_and_accessible_names(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    for n in range(5):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{n + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == n
        assert window.nav.currentRow() == n
    assert window.youngsters.search.accessibleName()
    assert window.youngsters.status.accessibleName()
    assert window.youngsters.table.accessibleName()


def test_language_switch_rebuilds_in_dutch_terms(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    from joinus_desktop.ui import i18n

    window = _window(qtbot, demo_store)
    window.switch_language("nl")
    # Without a joinus_nl.qm the UI stays English throughout (no mixed screens).
    expected = "nl" if (i18n.translations_dir() / "joinus_nl.qm").exists() else "en"
    assert i18n.current_language() == expected
    assert i18n.requested_language() == "nl"
    assert window.stack.count() == 6  # Today, Youngsters, Meetings, Group, Programme, Settings
    window.switch_language("en")
    assert window.nav.item(0).text() == "Today"


def test_chart_export_png(qtbot, demo_store: Store, tmp_path: Path) -> None:  # noqa: ANN001
    from joinus_desktop.ui.charts.trajectory import TrajectoryChart

    team_id = demo_store.teams.current()["id"]
    youngster = demo_store.youngsters.list(team_id)[0]
    chart = TrajectoryChart()
    qtbot.addWidget(chart)
    chart.set_data(instrument=demo_store.instruments.default(),
                   scores=demo_store.questionnaires.youngster_scores(youngster["id"]),
                   team_means=demo_store.questionnaires.team_means(team_id), lang="en")
    assert chart.point_count() > 0
    path = chart.export_png(tmp_path / "chart.png")
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 5_000


def test_group_shows_attendance_per_meeting_and_who_is_due(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    team = demo_store.teams.current()["id"]
    # Someone due for sure, whatever the calendar: a new intake without a T0 questionnaire.
    demo_store.youngsters.add(team_id=team, alias="Zojuist binnen",
                              intake_date=str(demo_store.today()))
    window = _window(qtbot, demo_store)
    window.go_to(window.GROUP)
    latest = demo_store.meetings.list(team)[0]
    present = len(demo_store.meetings.attendee_ids(latest["id"]))
    qtbot.waitUntil(lambda: "</table>" in window.group.attendance.text(), timeout=10_000)
    assert f"{present}/" in window.group.attendance.text()
    qtbot.waitUntil(lambda: "Zojuist binnen" in window.group.due.text(), timeout=10_000)
    for status in demo_store.questionnaires.due(team):
        assert demo_store.youngsters.get(status.youngster_id)["alias"] in window.group.due.text()


def test_youngsters_filter_by_questionnaire_due(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    from joinus_desktop.ui.youngsters.model import DUE_FILTER, ID_ROLE

    window = _window(qtbot, demo_store)
    window.go_to(window.YOUNGSTERS)
    view = window.youngsters
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    team = demo_store.teams.current()["id"]
    # Make one youngster due for sure: a new intake without a T0 questionnaire.
    new = demo_store.youngsters.add(team_id=team, alias="Zojuist binnen",
                                    intake_date=str(demo_store.today())).id
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 13, timeout=10_000)
    view.status.setCurrentIndex(view.status.findData(DUE_FILTER))
    due_ids = {s.youngster_id for s in demo_store.questionnaires.due(team)}
    shown = {view.proxy.index(r, 0).data(ID_ROLE) for r in range(view.proxy.rowCount())}
    assert new in due_ids and shown == due_ids
