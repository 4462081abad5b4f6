"""The application icon comes from resources/icons, wherever resources live."""

from __future__ import annotations

from pathlib import Path

import pytest

from joinus_desktop.ui import app as app_module


def test_make_app_sets_the_window_icon(qapp) -> None:  # noqa: ANN001
    path = app_module.icon_path()
    assert path is not None and path.name == "joinus-256.png" and path.is_file()
    app = app_module.make_app([])
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()


def test_icon_found_in_the_resources_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "icons").mkdir()
    own = tmp_path / "icons" / "joinus-256.png"
    own.write_bytes(app_module.icon_path().read_bytes())  # type: ignore[union-attr]
    monkeypatch.setenv("JOINUS_RESOURCES_DIR", str(tmp_path))
    assert app_module.icon_path() == own


def test_icon_found_in_a_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    icons = tmp_path / "resources" / "icons"
    icons.mkdir(parents=True)
    (icons / "joinus-256.png").write_bytes(b"png")
    monkeypatch.delenv("JOINUS_RESOURCES_DIR", raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert app_module.icon_path() == icons / "joinus-256.png"
