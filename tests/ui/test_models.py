"""Every model passes pytest-qt's model tester, empty and with demo data."""

from __future__ import annotations

from PySide6.QtCore import Qt

from joinus_desktop.store.store import Store
from joinus_desktop.ui.group.model import GroupMeansModel, load_group_means
from joinus_desktop.ui.meetings.model import MeetingsTableModel, load_meeting_rows
from joinus_desktop.ui.youngsters.model import YoungstersFilterProxy, YoungstersTableModel
from joinus_desktop.ui.youngsters.rows import load_youngster_rows


def test_youngsters_model_and_proxy(qtmodeltester, demo_store: Store) -> None:  # noqa: ANN001
    team_id = demo_store.teams.current()["id"]
    rows = load_youngster_rows(demo_store, team_id, "en")
    assert len(rows) == 12
    model = YoungstersTableModel()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 12 and model.columnCount() == 5
    assert {model.index(r, 0).data() for r in range(12)} == {r.alias for r in rows}

    proxy = YoungstersFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status("exited")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == sum(r.status == "exited" for r in rows)
    proxy.set_status("")
    proxy.set_search(rows[0].alias[:3])
    qtmodeltester.check(proxy)
    assert 1 <= proxy.rowCount() < 12


def test_meetings_model(qtmodeltester, demo_store: Store) -> None:  # noqa: ANN001
    rows = load_meeting_rows(demo_store, demo_store.teams.current()["id"])
    assert len(rows) == 20
    assert rows[0].date >= rows[-1].date  # newest first
    model = MeetingsTableModel()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    y, m, d = rows[0].date.split("-")
    assert model.index(0, MeetingsTableModel.DATE).data() == f"{d}/{m}/{y}"  # en-GB
    assert model.index(0, MeetingsTableModel.PRESENT).data() == str(rows[0].present)


def test_group_means_model(qtmodeltester, demo_store: Store) -> None:  # noqa: ANN001
    data = load_group_means(demo_store, demo_store.teams.current()["id"])
    model = GroupMeansModel()
    qtmodeltester.check(model)
    scales = [(s.id, s.name.get("en")) for s in data.instrument.scales]
    model.set_data(scales, data.means, "en")
    qtmodeltester.check(model)
    assert model.rowCount() == len(data.means)
    assert model.index(0, 0).data() == "Intake"
    t0 = data.means["T0"]
    assert model.index(0, 1).data() == str(t0["n"])
    assert model.index(0, 2).data() == f"{t0['means'][scales[0][0]]:.2f}"


def test_group_means_header_names_the_scales(demo_store: Store) -> None:
    from PySide6.QtCore import Qt

    data = load_group_means(demo_store, demo_store.teams.current()["id"])
    model = GroupMeansModel()
    model.set_data([(s.id, s.name.get("en")) for s in data.instrument.scales], data.means, "en")
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Loneliness"


def test_singleton_guard_keeps_none_alive(qapp) -> None:  # noqa: ANN001
    import sys

    from PySide6.QtCore import QStringListModel

    from joinus_desktop.ui.compat import guard_singletons, needs_singleton_guard

    assert guard_singletons() == needs_singleton_guard()
    model = QStringListModel(["a"] * 50)
    for _ in range(200):  # each call may lose a reference to None (PySide 6.12 bug)
        for r in range(50):
            assert model.index(r).data(Qt.ItemDataRole.UserRole) is None
    assert sys.getrefcount(None) > 1_000
