"""Exports that leave the vault: confirmed first, written, valid, and audited."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from joinus_desktop.store.store import Store
from joinus_desktop.ui.main_window import MainWindow
from joinus_desktop.ui.reports.flow import ExportFlow


def _window(qtbot, store: Store) -> MainWindow:  # noqa: ANN001
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.sync_service.stop()
    return window


def _youngsters(qtbot, window: MainWindow, alias: str):  # noqa: ANN001, ANN202
    window.go_to(MainWindow.YOUNGSTERS)
    view = window.youngsters
    qtbot.waitUntil(lambda: view.model.rowCount() == 12, timeout=10_000)
    team = window.team["id"]
    y = next(y for y in window.store.youngsters.list(team) if y["alias"] == alias)
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        assert view.select_youngster(y["id"])
    return view, y


def _choose(monkeypatch, path: Path) -> None:  # noqa: ANN001
    monkeypatch.setattr(ExportFlow, "choose_path", staticmethod(lambda *a: path))


def _exports(store: Store) -> list[dict]:
    return [dict(e, detail=json.loads(e["detail"])) for e in store.audit.entries()
            if e["action"] == "export"]


def test_pdf_report_only_after_confirmation_and_observations_when_ticked(
        qtbot, demo_store: Store, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_store)
    view, y = _youngsters(qtbot, window, demo_store.youngsters.list(
        demo_store.teams.current()["id"])[0]["alias"])
    behaviours = [o["behaviour"] for o in demo_store.observations.for_youngster(y["id"])]
    assert behaviours
    target = tmp_path / "report.pdf"
    _choose(monkeypatch, target)
    dialog = view.open_report()
    assert dialog.language.currentData() == "en"  # the UI language by default
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.flow.box is not None and dialog.flow.box.isVisible(),
                    timeout=10_000)
    assert not any(b in dialog.last_html for b in behaviours)
    dialog.flow.box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert not target.exists() and _exports(demo_store) == []  # nothing without confirmation

    dialog.observations.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.flow.box is not None and dialog.flow.box.isVisible(),
                    timeout=10_000)
    assert "Aanwezigheid" in dialog.last_html and "Uitdagingen" in dialog.last_html
    assert all(b.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
               in dialog.last_html for b in behaviours)
    assert "joinus-chart.png" in dialog.last_html
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        dialog.flow.confirm.click()
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000  # text plus the chart image
    (entry,) = _exports(demo_store)
    assert (entry["entity"], entry["record_id"]) == ("youngster", y["id"])
    assert entry["detail"] == {"kind": "pdf", "report": "youngster_report"}
    assert y["alias"] not in json.dumps(entry)  # the audit log holds no content


def test_right_of_access_json_and_pdf(qtbot, demo_store: Store, tmp_path: Path,  # noqa: ANN001
                                      monkeypatch) -> None:
    window = _window(qtbot, demo_store)
    team = demo_store.teams.current()["id"]
    alias = demo_store.youngsters.list(team)[1]["alias"]
    view, y = _youngsters(qtbot, window, alias)
    dialog = view.open_access()
    for kind in ("json", "pdf"):
        target = tmp_path / f"access.{kind}"
        _choose(monkeypatch, target)
        dialog.save(kind)
        assert not target.exists()
        with qtbot.waitSignal(dialog.written, timeout=20_000):
            dialog.flow.confirm.click()
        assert target.exists()
    data = json.loads((tmp_path / "access.json").read_text(encoding="utf-8"))
    assert data["youngster"]["id"] == y["id"]
    assert {r["id"] for r in data["observations"]} == {
        o["id"] for o in demo_store.observations.for_youngster(y["id"])}
    assert (tmp_path / "access.pdf").read_bytes().startswith(b"%PDF")
    kinds = sorted(e["detail"]["kind"] for e in _exports(demo_store))
    assert kinds == ["json", "pdf"]
    assert all(e["record_id"] == y["id"] for e in _exports(demo_store))


def test_research_csv_from_the_group_screen(qtbot, demo_store: Store, tmp_path: Path,  # noqa: ANN001
                                            monkeypatch) -> None:
    window = _window(qtbot, demo_store)
    window.go_to(MainWindow.GROUP)
    card = window.group.privacy_card
    written: list[bytes] = []
    for n in range(2):
        target = tmp_path / f"research{n}.csv"
        _choose(monkeypatch, target)
        card.research_button.click()
        with qtbot.waitSignal(card.research_flow.written, timeout=20_000):
            card.research_flow.confirm.click()
        written.append(target.read_bytes())
    assert written[0] == written[1]  # stable pseudonyms across exports
    for y in demo_store.records.find("youngster"):
        assert y["alias"].encode() not in written[0]
    for o in demo_store.records.find("observation"):
        assert o["behaviour"].encode() not in written[0]
    rows = list(csv.DictReader(io.StringIO(written[0].decode())))
    assert len(rows) == len(demo_store.records.find("questionnaire_response"))
    assert [e["detail"]["kind"] for e in _exports(demo_store)] == ["csv", "csv"]
