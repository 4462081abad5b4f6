"""`joinus-desktop enroll` and `sync` as scripts use them: summaries and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.postgres import free_port
from tests.support.server_process import ensure_team, run_admin

PASS = "een lange zin voor de test"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "JOINUS_PASSPHRASE": PASS})


def invite(server, team: str = "Join Us Oost") -> str:  # noqa: ANN001
    team_id = ensure_team(server.database_url, team)
    email = f"cli-{free_port()}@example.org"
    run_admin(server.database_url, "create-user", email, "--name", "CLI", "--team", team_id)
    return run_admin(server.database_url, "invite", email)["code"]


def test_enroll_demo_sync_and_a_second_laptop(server, tmp_path: Path) -> None:  # noqa: ANN001
    a, b = tmp_path / "a", tmp_path / "b"
    assert cli(a, "init").returncode == 0
    result = cli(a, "enroll", "--server", server.url, "--code", invite(server))
    assert result.returncode == 0, result.stderr
    assert "Enrolled" in result.stdout and "First sync" in result.stdout
    assert cli(a, "demo", "--seed", "4").returncode == 0  # lands in the enrolled team
    result = cli(a, "sync")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Synced: pushed") and "0 refused" in result.stdout

    assert cli(b, "init").returncode == 0
    assert cli(b, "enroll", "--server", server.url, "--code", invite(server)).returncode == 0
    export_a, export_b = tmp_path / "a.json", tmp_path / "b.json"
    assert cli(a, "export", str(export_a)).returncode == 0
    assert cli(b, "export", str(export_b)).returncode == 0
    import json

    records_a = json.loads(export_a.read_text())["records"]
    records_b = json.loads(export_b.read_text())["records"]
    assert len(records_a["youngster"]) >= 10 and records_a == records_b


def test_sync_errors_are_one_clear_line(server, tmp_path: Path) -> None:  # noqa: ANN001
    laptop = tmp_path / "laptop"
    assert cli(laptop, "init").returncode == 0
    result = cli(laptop, "sync")
    assert result.returncode == 1 and "not connected" in result.stderr

    assert cli(laptop, "enroll", "--server", server.url, "--code", invite(server)).returncode == 0
    unreachable = f"http://127.0.0.1:{free_port()}"
    result = cli(laptop, "sync", "--server", unreachable)
    assert result.returncode == 1 and "Cannot reach the organisation server" in result.stderr

    result = cli(laptop, "enroll", "--force", "--server", server.url, "--code", "WRONG-CODE")
    assert result.returncode == 1 and result.stderr.startswith("joinus-desktop: enrolment failed:")

    devices = run_admin(server.database_url, "list-devices")
    for device in devices:
        run_admin(server.database_url, "revoke-device", str(device["id"]))
    result = cli(laptop, "sync")
    assert result.returncode == 1 and "revoked" in result.stderr
    for result in (cli(laptop, "sync"), cli(laptop, "sync", "--server", unreachable)):
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
