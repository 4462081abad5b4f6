"""``joinus-desktop --self-test`` unfrozen: passes here, and fails loudly when something is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    # The self-test must never touch a real profile, whatever the environment says.
    environ["JOINUS_DATA_DIR"] = str(tmp_path / "must-stay-empty")
    return subprocess.run([sys.executable, "-m", "joinus_desktop", "--self-test"],
                          check=False, capture_output=True, text=True, env=environ,
                          timeout=240, cwd=tmp_path)


def failed_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("self-test: FAILED")]


def test_self_test_passes(tmp_path: Path) -> None:
    result = self_test(tmp_path)
    assert result.returncode == 0, result.stderr
    assert not failed_lines(result)
    for check in ("version", "instruments", "sqlcipher", "sync-wire", "vault", "qt-platform",
                  "qt-app", "qt-resources", "translations", "main-window", "chart", "cleanup"):
        assert f"self-test: ok {check}:" in result.stdout, check
    assert "checks passed" in result.stdout.splitlines()[-1]
    assert not (tmp_path / "must-stay-empty").exists()


def test_missing_instrument_packs_fail_loudly(tmp_path: Path) -> None:
    (tmp_path / "resources" / "instruments").mkdir(parents=True)
    result = self_test(tmp_path, JOINUS_RESOURCES_DIR=str(tmp_path / "resources"))
    assert result.returncode == 1
    lines = failed_lines(result)
    assert lines[0].startswith("self-test: FAILED instruments: no instrument packs")
    assert "self-test: FAILED vault: not run, because instruments failed" in lines
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("platform", ["no-such-platform"])
def test_missing_qt_plugin_fails_loudly_instead_of_aborting(tmp_path: Path,
                                                            platform: str) -> None:
    result = self_test(tmp_path, QT_QPA_PLATFORM=platform)
    assert result.returncode == 1  # not Qt's abort (-6)
    lines = failed_lines(result)
    assert lines[0].startswith(f"self-test: FAILED qt-platform: Qt platform plugin '{platform}' "
                               "missing")
    assert "self-test: ok vault:" in result.stdout  # the checks without Qt still ran


def test_the_sync_wire_check_runs_orjson_itself(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import orjson

    from joinus_desktop.selftest import SelfTest

    check = SelfTest(tmp_path)
    assert check.check("sync-wire", check.sync_wire)
    # An orjson that reads back something else fails the check, even though the
    # big-integer message never reaches orjson.
    monkeypatch.setattr(orjson, "loads", lambda data: {"not": "the same"})
    assert not check.check("sync-wire", check.sync_wire)
    assert any("sync-wire" in line for line in check.failed)
