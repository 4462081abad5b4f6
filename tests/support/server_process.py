"""``joinus-server serve`` as a real separate process, plus admin and enrolment helpers.

``server_factory`` (function scope) starts servers and stops whatever is still
running at the end of the test::

    def test_sync(server_factory, postgres_url):
        server = server_factory(postgres_url)       # waits for /healthz
        device = enrol_device(server.url, postgres_url, teams=["Oost"])
        ...
        server.kill()                                # SIGKILL, mid-whatever
        server.start()                               # same port, same database

``run_admin(database_url, "create-team", ...)`` runs ``joinus-server admin … --json``
(as a subprocess by default) and returns the parsed JSON. ``enrol_device`` creates
missing teams, a user, an invite, and enrols over HTTP: it returns an
:class:`Enrolled` (device id, token, team ids).

Use from any test package: ``from tests.support.server_process import server_factory``
in its conftest.py (the helpers are plain functions: import them where needed).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from .postgres import free_port

STARTUP_TIMEOUT_S = 30.0


def _src_dir() -> Path:
    import joinus_server

    return Path(joinus_server.__file__).resolve().parent.parent


def subprocess_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a child Python that must import this checkout's packages."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_src_dir()), env.get("PYTHONPATH", "")) if p)
    env.pop("JOINUS_SERVER_DATABASE", None)  # the URL is always passed explicitly
    env.update(extra or {})
    return env


@dataclass
class ServerProcess:
    """One ``joinus-server serve`` process on 127.0.0.1 (restartable on the same port)."""

    database_url: str
    port: int
    log_path: Path
    extra_args: tuple[str, ...] = ()
    env: dict[str, str] | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def command(self) -> list[str]:
        return [sys.executable, "-m", "joinus_server", "serve", "--host", "127.0.0.1",
                "--port", str(self.port), "--database", self.database_url, *self.extra_args]

    def start(self, timeout: float = STARTUP_TIMEOUT_S) -> ServerProcess:
        if self.running:
            raise RuntimeError("the server is already running")
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                        env=subprocess_env(self.env), start_new_session=True)
        log.close()
        self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running:
                raise RuntimeError(f"joinus-server exited early:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"joinus-server did not answer /healthz in {timeout}s:\n"
                           f"{self.log_tail()}")

    def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM (a graceful shutdown), SIGKILL if it does not end in time."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        code = self.process.returncode
        self.process = None
        return code

    def kill(self) -> None:
        """SIGKILL: no shutdown at all, as in a crash or a pulled plug."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> ServerProcess:
        self.stop()
        return self.start()

    def log_tail(self, chars: int = 4000) -> str:
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-chars:]


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    """``start(database_url, *extra_args, env=None)``: a started server; all stopped at exit."""
    servers: list[ServerProcess] = []

    def start(database_url: str, *extra_args: str,
              env: dict[str, str] | None = None) -> ServerProcess:
        server = ServerProcess(database_url, free_port(),
                               tmp_path / f"server-{len(servers)}.log", tuple(extra_args), env)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


# -- admin commands ----------------------------------------------------------------------
@dataclass
class AdminResult:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_admin_raw(database_url: str, *args: str, in_process: bool = False) -> AdminResult:
    """``joinus-server admin ARGS --database URL``; nothing checked."""
    argv = ["admin", *args, "--database", database_url]
    if in_process:
        from joinus_server.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse errors
                code = int(exc.code or 0)
        return AdminResult(code, out.getvalue(), err.getvalue())
    done = subprocess.run([sys.executable, "-m", "joinus_server", *argv], capture_output=True,
                          text=True, env=subprocess_env(), timeout=60, check=False)
    return AdminResult(done.returncode, done.stdout, done.stderr)


def run_admin(database_url: str, *args: str, in_process: bool = False) -> Any:
    """``joinus-server admin ARGS --json``; the parsed JSON, or AssertionError with stderr."""
    result = run_admin_raw(database_url, *args, "--json", in_process=in_process)
    assert result.returncode == 0, f"admin {' '.join(args)} failed: {result.stderr.strip()}"
    return result.json()


@dataclass
class Enrolled:
    device_id: str
    token: str
    user_id: str
    email: str
    team_ids: list[str]
    epoch: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def ensure_team(database_url: str, name: str, *, municipality: str = "Utrecht",
                in_process: bool = False) -> str:
    """The id of the team with this name, created if missing."""
    for team in run_admin(database_url, "list-teams", in_process=in_process):
        if team["name"] == name:
            return str(team["id"])
    return str(run_admin(database_url, "create-team", name, "--municipality", municipality,
                         in_process=in_process)["id"])


def enrol_device(server: str | httpx.Client, database_url: str, *,
                 teams: Sequence[str] = ("Join Us Test",), email: str | None = None,
                 role: str = "social_worker", device_name: str = "Test laptop",
                 in_process: bool = False) -> Enrolled:
    """A new user in ``teams`` (created when missing) with one enrolled device.

    ``server`` is a base URL or an httpx client (a Starlette TestClient works too).
    Passing an existing ``email`` enrols another device of that user.
    """
    team_ids = [ensure_team(database_url, name, in_process=in_process) for name in teams]
    if email is None:
        email = f"user-{uuid.uuid4().hex[:10]}@example.org"
        team_args = [arg for team_id in team_ids for arg in ("--team", team_id)]
        run_admin(database_url, "create-user", email, "--name", "Test User", "--role", role,
                  *team_args, in_process=in_process)
    code = run_admin(database_url, "invite", email, in_process=in_process)["code"]
    body = {"code": code, "device_name": device_name}
    if isinstance(server, str):
        response = httpx.post(f"{server}/api/v1/enroll", json=body, timeout=30)
    else:
        response = server.post("/api/v1/enroll", json=body)
    assert response.status_code == 200, response.text
    data = response.json()
    return Enrolled(data["device_id"], data["token"], data["user"]["id"], email,
                    [t["id"] for t in data["teams"]], data["epoch"])
