"""Start a real `joinus-server` process on loopback for a benchmark, and enrol laptops."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BenchServer:
    def __init__(self, database_url: str, log: Path) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "joinus_server", "serve", "--host", "127.0.0.1", "--port",
             str(self.port), "--database", database_url], stdout=self._log,
            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the benchmark server did not start")

    def admin(self, *args: str) -> object:
        done = subprocess.run([sys.executable, "-m", "joinus_server", "admin", *args, "--json",
                               "--database", self.database_url], capture_output=True, text=True,
                              check=True)
        return json.loads(done.stdout)

    def invite_code(self, team: str) -> str:
        teams = self.admin("list-teams")
        match = [t for t in teams if t["name"] == team]  # type: ignore[union-attr]
        team_id = match[0]["id"] if match else self.admin(
            "create-team", team, "--municipality", "Utrecht")["id"]  # type: ignore[index]
        email = f"bench-{uuid.uuid4().hex[:8]}@example.org"
        self.admin("create-user", email, "--name", "Bench", "--team", team_id)
        return self.admin("invite", email)["code"]  # type: ignore[index]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()
