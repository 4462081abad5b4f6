"""A real PostgreSQL server for the test session, and a fresh database per test.

``postgres_server`` (session scope) runs ``initdb`` and ``pg_ctl`` in a temporary
directory, listening only on 127.0.0.1 on a free port, with durability turned
off for speed (``fsync=off``). As root it runs them as the ``postgres`` user,
because initdb refuses root. ``postgres_url`` (function scope) creates an empty
database for one test and drops it afterwards.

Missing PostgreSQL binaries FAIL the tests that need them (CI installs
PostgreSQL; a skipped storage test would look like a pass). Point
``JOINUS_TEST_PG_BIN`` at a ``bin`` directory to choose binaries, or set
``JOINUS_TEST_POSTGRES_URL`` to use an already running server instead.

Use from any test package: ``from tests.support.postgres import postgres_server,
postgres_url`` in its conftest.py (or list ``"tests.support.postgres"`` in
``pytest_plugins`` of the root tests/conftest.py).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ENV_BIN = "JOINUS_TEST_PG_BIN"
ENV_URL = "JOINUS_TEST_POSTGRES_URL"
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
    "shared_buffers": "64MB",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_pg_bin() -> Path | None:
    """The directory holding initdb and pg_ctl, or None."""
    candidates: list[str] = []
    if os.environ.get(ENV_BIN):
        candidates.append(os.environ[ENV_BIN])
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda p: int(Path(p).parent.name)
                         if Path(p).parent.name.isdigit() else 0, reverse=True)
    candidates += ["/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin"]
    for candidate in candidates:
        path = Path(candidate)
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            return path
    return None


@dataclass
class PostgresServer:
    """A running PostgreSQL server; ``url(db)`` connects as the superuser ``postgres``."""

    port: int
    host: str = "127.0.0.1"
    base_dir: Path | None = None  # None for an external server (JOINUS_TEST_POSTGRES_URL)
    bin_dir: Path | None = None
    run_as: str | None = None
    external_url: str | None = None
    _databases: list[str] = field(default_factory=list)

    def url(self, database: str = "postgres") -> str:
        if self.external_url:
            base = self.external_url.rsplit("/", 1)[0]
            return f"{base}/{database}"
        return f"postgresql://postgres@{self.host}:{self.port}/{database}"

    def admin_execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; its URL."""
        name = name or f"joinus_test_{uuid.uuid4().hex[:12]}"
        self.admin_execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        self._databases.append(name)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        # FORCE ends connections a test leaked, so the drop cannot hang.
        self.admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._databases:
            self._databases.remove(name)

    # -- lifecycle of a server we started ------------------------------------------
    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert self.bin_dir is not None and self.base_dir is not None
        return subprocess.run([str(self.bin_dir / args[0]), *args[1:]], cwd=self.base_dir,
                              user=self.run_as, group=self.run_as, capture_output=True,
                              text=True, check=check, timeout=120)

    @property
    def data_dir(self) -> Path:
        assert self.base_dir is not None
        return self.base_dir / "data"

    @property
    def log_file(self) -> Path:
        assert self.base_dir is not None
        return self.base_dir / "postgres.log"

    def start(self) -> None:
        options = " ".join(f"-c {k}={v}" for k, v in SERVER_SETTINGS.items())
        options += f" -p {self.port} -c unix_socket_directories={self.base_dir}"
        result = self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file),
                           "-w", "-t", "60", "-o", options, "start", check=False)
        if result.returncode != 0:
            log = self.log_file.read_text(errors="replace")[-2000:] if self.log_file.exists() \
                else ""
            raise RuntimeError(f"pg_ctl start failed: {result.stderr.strip()}\n{log}")

    def stop(self) -> None:
        if self.base_dir is None:
            return
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop",
                  check=False)


def start_postgres() -> PostgresServer:
    """initdb + pg_ctl start in a fresh temporary directory; the running server."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.fail(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install PostgreSQL "
            "(Debian/Ubuntu: apt-get install postgresql) or set JOINUS_TEST_PG_BIN to its bin "
            "directory; the server's storage tests need a real PostgreSQL.", pytrace=False)
    run_as: str | None = None
    base = Path(tempfile.mkdtemp(prefix="joinus-pg-"))
    if os.geteuid() == 0:
        # initdb refuses to run as root: hand the directory to the postgres account.
        import pwd

        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root, but there is no 'postgres' user to run PostgreSQL "
                        "as; install the postgresql package", pytrace=False)
        run_as = "postgres"
        os.chown(base, account.pw_uid, account.pw_gid)
    base.chmod(0o700)
    server = PostgresServer(port=0, base_dir=base, bin_dir=bin_dir, run_as=run_as)
    result = server._run("initdb", "-D", str(server.data_dir), "-U", "postgres", "-A", "trust",
                         "-E", "UTF8", "--no-locale", "--no-sync", check=False)
    if result.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"initdb failed: {result.stderr.strip()}", pytrace=False)
    last_error: Exception | None = None
    for _ in range(5):  # the free port may be taken between probing and binding
        server.port = free_port()
        try:
            server.start()
            return server
        except RuntimeError as exc:
            last_error = exc
    shutil.rmtree(base, ignore_errors=True)
    pytest.fail(f"PostgreSQL did not start: {last_error}", pytrace=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the whole session."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.fail("psycopg is not installed: pip install -e '.[server,dev]'", pytrace=False)
    if os.environ.get(ENV_URL):
        yield PostgresServer(port=0, external_url=os.environ[ENV_URL])
        return
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()
        if server.base_dir is not None:
            shutil.rmtree(server.base_dir, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh, empty database, dropped after the test."""
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url.rsplit("/", 1)[1])
