"""`joinus-desktop enroll` after too many wrong codes: one clear message, in Dutch and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.server_process import ServerProcess

from .test_cli_sync import cli, invite


def test_enroll_says_to_wait_after_too_many_wrong_codes(server_factory: Any,
                                                         tmp_path: Path) -> None:
    server: ServerProcess = server_factory(
        f"sqlite:///{tmp_path / 'server.db'}",
        env={"JOINUS_SERVER_ENROL_MAX_FAILURES": "2", "JOINUS_SERVER_ENROL_WINDOW_S": "600"})
    laptop = tmp_path / "laptop"
    assert cli(laptop, "init").returncode == 0
    right = invite(server)
    for _ in range(2):
        result = cli(laptop, "enroll", "--server", server.url, "--code", "WRONG-CODE")
        assert result.returncode == 1 and "unknown, already used or expired" in result.stderr
    result = cli(laptop, "enroll", "--server", server.url, "--code", right)
    assert result.returncode == 1
    assert "Too many wrong enrolment codes" in result.stderr and "Wait 10 minutes" in result.stderr
    assert "te veel foute codes" in result.stderr and "Wacht 10 minuten" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Enrolled" not in result.stdout
