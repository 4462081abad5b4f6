"""The command line, as administrators' scripts use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from joinus_desktop.cli import main

PASS = "een lange demo zin"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("JOINUS_DATA_DIR", str(data_dir))
    monkeypatch.setenv("JOINUS_PASSPHRASE", PASS)
    return data_dir


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "joinus_desktop", *args], capture_output=True,
                          text=True, env={**os.environ}, timeout=120)


def test_init_prints_recovery_key_once(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    key_line = [line.strip() for line in out.splitlines() if line.count("-") == 5][0]
    assert len(key_line) == 35
    assert (env / "vault.key").exists() and (env / "vault.db").exists()
    assert main(["init"]) == 1
    assert "already exists" in capsys.readouterr().err


def test_data_dir_option_overrides_env(env: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    assert main(["--data-dir", str(other), "init"]) == 0
    assert (other / "vault.key").exists() and not env.exists()


def test_demo_export_import_roundtrip(env: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--seed", "3"]) == 0
    assert "youngsters" in capsys.readouterr().out
    target = tmp_path / "out.json"
    assert main(["export", str(target)]) == 0
    captured = capsys.readouterr()
    assert "NOT encrypted" in captured.err
    data = json.loads(target.read_text())
    assert len(data["records"]["youngster"]) >= 10
    assert main(["export", str(target)]) == 1  # refuses to overwrite without --force
    assert "--force" in capsys.readouterr().err

    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "init"]) == 0
    assert main(["--data-dir", str(fresh), "import", str(target)]) == 0
    assert "added" in capsys.readouterr().out
    copy = tmp_path / "copy.json"
    assert main(["--data-dir", str(fresh), "export", str(copy)]) == 0
    assert json.loads(copy.read_text())["records"] == data["records"]


def test_change_passphrase_and_recover(env: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    recovery = [line.strip() for line in capsys.readouterr().out.splitlines()
                if line.count("-") == 5][0]
    monkeypatch.setenv("JOINUS_NEW_PASSPHRASE", "tweede lange zin")
    assert main(["change-passphrase"]) == 0
    assert main(["info"]) == 1
    assert capsys.readouterr().err.strip().endswith("Wrong passphrase.")

    monkeypatch.setenv("JOINUS_RECOVERY_KEY", recovery)
    monkeypatch.setenv("JOINUS_NEW_PASSPHRASE", "derde lange zin")
    assert main(["recover"]) == 0
    monkeypatch.setenv("JOINUS_PASSPHRASE", "derde lange zin")
    capsys.readouterr()
    assert main(["info"]) == 0
    assert json.loads(capsys.readouterr().out)["schema_version"] >= 2


def test_info_reports_cipher_version(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    capsys.readouterr()
    assert main(["info"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["cipher_version"].startswith("4.") and info["schema_version"] >= 2


@pytest.mark.parametrize("args, expected", [
    (["info"], "No vault found"),
    (["import", "missing.json"], "No vault found"),
])
def test_errors_are_one_line_without_traceback(env: Path, args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_wrong_passphrase_and_bad_import_file_in_a_subprocess(env: Path, tmp_path: Path) -> None:
    assert run("init").returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    result = run("import", str(bad))
    assert result.returncode == 1 and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr
    result = subprocess.run([sys.executable, "-m", "joinus_desktop", "info"],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "JOINUS_PASSPHRASE": "verkeerde zin"})
    assert result.returncode == 1 and result.stderr.strip() == \
        "joinus-desktop: error: Wrong passphrase."


def test_no_passphrase_without_terminal(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = subprocess.run([sys.executable, "-m", "joinus_desktop", "init"],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                            env={k: v for k, v in os.environ.items()
                                 if k != "JOINUS_PASSPHRASE"})
    assert result.returncode == 1 and "JOINUS_PASSPHRASE" in result.stderr
