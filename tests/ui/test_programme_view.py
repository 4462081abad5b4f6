"""The Programme screen: the cached report offline, small figures hidden, a real fetch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from joinus_desktop.reports import programme
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, enroll
from joinus_desktop.ui.main_window import MainWindow
from joinus_desktop.ui.programme.model import ProgrammeModel
from joinus_desktop.ui.reports.flow import ExportFlow
from tests.support.server_process import ensure_team, run_admin, server_factory  # noqa: F401

REPORT = {"min_youngsters": 5, "teams_included": 9, "generated_at_ms": 1, "teams": [],
          "moments": [
              {"moment": "T0", "youngsters": 48, "responses": 50, "suppressed": False,
               "scales": {"loneliness": {"mean": 3.41, "youngsters": 48, "suppressed": False},
                          "self_confidence": {"mean": 2.6, "youngsters": 48,
                                              "suppressed": False},
                          "social_skills": {"mean": 2.9, "youngsters": 48,
                                            "suppressed": False}}},
              {"moment": "T1", "youngsters": 3, "responses": 3, "suppressed": True}]}


def _window(qtbot, store: Store) -> MainWindow:  # noqa: ANN001
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.sync_service.stop()
    return window


def test_offline_shows_cached_report_with_date_and_hides_small_figures(
        qtbot, demo_store: Store, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    programme.save_report(demo_store, REPORT)
    demo_store.set_meta(programme.FETCHED_KEY, "2026-11-12")
    window = _window(qtbot, demo_store)
    view = window.programme
    with qtbot.waitSignal(view.fetch_finished, timeout=10_000) as fetched:
        window.go_to(MainWindow.PROGRAMME)
    assert fetched.args == [False]  # not enrolled: nothing fetched
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    assert view.status.text().startswith("Report of 12 November 2026")
    model = view.model
    rows = {model.text(r, 0): r for r in view.data.rows}
    t0, t1 = rows["Intake"], rows["After 6 meetings"]
    assert model.text(t0, ProgrammeModel.YOUNGSTERS) == "48"
    assert model.text(t0, 3) == "3.41"
    assert model.text(t1, ProgrammeModel.YOUNGSTERS) == "fewer than 5 youngsters"
    assert model.text(t1, 3) == "–"
    team = demo_store.teams.current()["id"]
    own = demo_store.questionnaires.team_means(team)
    assert any(v["n"] < 5 for v in own.values()), "the demo should have a small moment"
    for row in view.data.rows:
        n = own.get(row.moment, {"n": 0})["n"]
        text = model.text(row, ProgrammeModel.OWN_YOUNGSTERS)
        if 0 < n < 5:
            assert text == "fewer than 5 youngsters" and row.own == {}
            assert model.text(row, 4) == "–"
        elif n:
            assert text == str(n) and model.text(row, 4) == f"{own[row.moment]['means']['loneliness']:.2f}"
    # The chart: the programme line only where it has a figure; the own group dashed.
    assert view.chart.point_count() == 3  # T0 only, three scales
    assert view.chart.mean_items

    # Export of the table: after confirmation, audited, same figures.
    target = tmp_path / "programme.csv"
    monkeypatch.setattr(ExportFlow, "choose_path", staticmethod(lambda *a: target))
    view.csv_button.click()
    assert not target.exists()
    with qtbot.waitSignal(view.flow.written, timeout=10_000):
        view.flow.confirm.click()
    table = target.read_text(encoding="utf-8-sig")
    assert "3.41" in table and "fewer than 5 youngsters" in table
    png = tmp_path / "programme.png"
    monkeypatch.setattr(ExportFlow, "choose_path", staticmethod(lambda *a: png))
    view.png_button.click()
    with qtbot.waitSignal(view.flow.written, timeout=10_000):
        view.flow.confirm.click()
    assert png.read_bytes().startswith(b"\x89PNG")
    kinds = [json.loads(e["detail"])["kind"] for e in demo_store.audit.entries()
             if e["action"] == "export"]
    assert sorted(kinds) == ["csv", "png"]


@pytest.fixture
def server(server_factory, tmp_path: Path):  # noqa: ANN001, ANN201, F811
    return server_factory(f"sqlite:///{tmp_path / 'server.db'}")


def test_fetch_from_a_real_server_is_cached_in_the_vault(qtbot, demo_store: Store,  # noqa: ANN001
                                                         server) -> None:
    team = ensure_team(server.database_url, "Join Us Oost", in_process=True)
    run_admin(server.database_url, "create-user", "w@example.org", "--name", "w",
              "--team", team, in_process=True)
    code = run_admin(server.database_url, "invite", "w@example.org", in_process=True)["code"]
    enroll(demo_store, server.url, code)
    engine = SyncEngine(demo_store)
    try:
        engine.run()
    finally:
        engine.close()
    window = _window(qtbot, demo_store)
    view = window.programme
    with qtbot.waitSignal(view.fetch_finished, timeout=30_000) as fetched:
        window.go_to(MainWindow.PROGRAMME)
    assert fetched.args == [True]
    qtbot.waitUntil(lambda: view.data is not None and view.data.has_report, timeout=10_000)
    cached, fetched_on = programme.cached_report(demo_store)
    assert cached is not None and fetched_on == demo_store.today().isoformat()
    assert view.status.text().startswith("Report of ")
    t0 = next(r for r in view.data.rows if r.moment == "T0")
    assert t0.youngsters == 12 and not t0.programme_suppressed
    own_t0 = demo_store.questionnaires.team_means(demo_store.teams.current()["id"])["T0"]
    # One group: the programme is this group, so the means agree.
    assert t0.programme["loneliness"] == pytest.approx(own_t0["means"]["loneliness"], abs=0.01)
