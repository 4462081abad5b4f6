"""Issue 12, finding 8: the laptop speaks HTTPS, verifies certificates, and can trust an
organisation's own CA (``JOINUS_CA_BUNDLE``).

The TLS server is a real ``joinus-server serve --tls-cert … --tls-key …`` process on
loopback (tests/support/tls_server.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from joinus_desktop.store.store import Store
from joinus_desktop.sync import tls
from joinus_desktop.sync.client import ServerClient
from joinus_desktop.sync.engine import SyncEngine, enroll
from joinus_desktop.sync.errors import SyncError
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.postgres import free_port
from tests.support.server_process import ServerProcess, ensure_team, run_admin, subprocess_env
from tests.support.tls_server import Authority, TlsServer, make_authority

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(autouse=True)
def _no_inherited_trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what a test sets decides which CAs are trusted."""
    for name in (tls.ENV_CA_BUNDLE, "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_requests(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    """Every request any httpx client tries to send (none should be, where this is used)."""
    sent: list[httpx.Request] = []
    real = httpx.Client.send

    def send(self: httpx.Client, request: httpx.Request, **kwargs: object) -> httpx.Response:
        sent.append(request)
        return real(self, request, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx.Client, "send", send)
    return sent


@pytest.mark.parametrize("url,allowed", [
    ("https://joinus.example.nl", True),
    ("https://joinus.example.nl:8443/base", True),
    ("http://127.0.0.1:8765", True),
    ("http://127.1.2.3", True),
    ("http://localhost:8765", True),
    ("http://LOCALHOST", True),
    ("http://[::1]:8765", True),
    ("http://[::ffff:127.0.0.1]:8765", True),
    ("http://example.org", False),
    ("http://joinus.example.nl:8765", False),
    ("http://10.0.0.5", False),
    ("http://localhost.example.org", False),
    ("http://127.0.0.1.nip.io", False),
    ("ftp://joinus.example.nl", False),
    ("joinus.example.nl", False),
    ("https://", False),
    # A user name or password would go out as Basic auth instead of the token.
    ("https://anna:secret@joinus.example.nl", False),
    ("http://user:pw@127.0.0.1:8765", False),
])
def test_which_server_addresses_are_allowed(url: str, allowed: bool) -> None:
    assert tls.allowed(url) is allowed
    if not allowed:
        assert "https://" in (tls.insecure_reason(url) or "")


def test_plain_http_to_another_host_is_refused_before_anything_is_sent(
        no_requests: list[httpx.Request], tmp_path: Path) -> None:
    with pytest.raises(SyncError) as refused:
        ServerClient("http://example.org", "token")
    assert refused.value.kind == "insecure" and "https://" in refused.value.message
    store, _ = Store.create(tmp_path / "laptop", PASSPHRASE, argon2=FAST_ARGON2)
    try:
        with pytest.raises(SyncError, match="https://"):
            enroll(store, "http://example.org", "K7M2-Q9XP")
        assert store.sync.get("server_url") is None and not store.sync.enrolled
        # A vault enrolled over http:// by an older version no longer syncs in clear text.
        store.sync.set(server_url="http://joinus.example.org", token="t", server_device_id="d")
        with pytest.raises(SyncError, match="https://"):
            SyncEngine(store)
    finally:
        store.lock()
    assert no_requests == []


def test_the_cli_refuses_before_asking_the_passphrase(tmp_path: Path) -> None:
    env = subprocess_env()
    env.pop("JOINUS_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir",
                           str(tmp_path / "nowhere"), "enroll", "--server", "http://example.org",
                           "--code", "K7M2-Q9XP"], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, env=env, check=False)
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("joinus-desktop: error: ") and "https://" in line, line
    assert "Passphrase" not in line


def test_plain_http_to_loopback_is_allowed(server: ServerProcess, tmp_path: Path) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    for url in (server.url, server.url.replace("127.0.0.1", "localhost")):
        with ServerClient(url) as client:
            assert client.health()["status"] == "ok"


def test_certificate_verification_is_never_turned_off() -> None:
    offenders = [str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
                 if "verify=False" in path.read_text(encoding="utf-8")
                 or "CERT_NONE" in path.read_text(encoding="utf-8")]
    assert offenders == []
    assert tls.verify_setting() is True


@pytest.fixture
def tls_server(tmp_path: Path) -> Callable[[], tuple[TlsServer, Authority]]:
    started: list[TlsServer] = []

    def start() -> tuple[TlsServer, Authority]:
        authority = make_authority(tmp_path)
        server = TlsServer(f"sqlite:///{tmp_path / 'tls-server.db'}", free_port(),
                           tmp_path / "tls-server.log",
                           ("--tls-cert", str(authority.cert_pem),
                            "--tls-key", str(authority.key_pem)),
                           ca_pem=authority.ca_pem)
        started.append(server)
        return server.start(), authority

    yield start  # type: ignore[misc]
    for server in started:
        server.stop()


def invite(database_url: str, email: str) -> str:
    team = ensure_team(database_url, "Join Us Oost")
    run_admin(database_url, "create-user", email, "--name", "Tess", "--team", team)
    return run_admin(database_url, "invite", email)["code"]


def test_an_organisation_ca_is_trusted_only_when_configured(
        tls_server: Callable[[], tuple[TlsServer, Authority]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    server, authority = tls_server()
    code = invite(server.database_url, "tess@example.org")
    store, _ = Store.create(tmp_path / "laptop", PASSPHRASE, argon2=FAST_ARGON2)
    try:
        # Without the CA the certificate is not trusted: nothing is enrolled, the code
        # stays unused, and the message says what to do.
        with pytest.raises(SyncError) as untrusted:
            enroll(store, server.url, code)
        assert untrusted.value.kind == "insecure" and untrusted.value.code == "certificate"
        assert "not trusted" in untrusted.value.message
        assert tls.ENV_CA_BUNDLE in untrusted.value.message
        assert not store.sync.enrolled

        monkeypatch.setenv(tls.ENV_CA_BUNDLE, str(tmp_path / "missing.pem"))
        with pytest.raises(SyncError, match="missing.pem") as unreadable:
            enroll(store, server.url, code)
        assert unreadable.value.code == "ca_bundle"

        monkeypatch.setenv(tls.ENV_CA_BUNDLE, str(authority.ca_pem))
        enroll(store, server.url, code)  # the same code: it was never sent before
        assert store.sync.get("server_url") == server.url
        for _ in range(2):  # the first run brings the team, the second pushes into it
            engine = SyncEngine(store)
            try:
                report = engine.run()
            finally:
                engine.close()
            store.youngsters.add(team_id=store.teams.current()["id"], alias="Sam",
                                 intake_date="2026-01-05")
        assert report.pushed == 1  # over TLS, verified against the organisation CA

        # The bundle replaces the public CAs; the CLI honours it too.
        monkeypatch.delenv(tls.ENV_CA_BUNDLE)
        with pytest.raises(SyncError, match="not trusted"):
            SyncEngine(store).run()
    finally:
        store.lock()
    env = subprocess_env({"JOINUS_PASSPHRASE": PASSPHRASE,
                          tls.ENV_CA_BUNDLE: str(authority.ca_pem)})
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir",
                           str(tmp_path / "laptop"), "sync"], capture_output=True, text=True,
                          timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    del env[tls.ENV_CA_BUNDLE]
    done = subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir",
                           str(tmp_path / "laptop"), "sync"], capture_output=True, text=True,
                          timeout=120, env=env, check=False)
    assert done.returncode == 1 and "is not trusted" in done.stderr
    assert "Traceback" not in done.stderr
    assert os.environ.get(tls.ENV_CA_BUNDLE) is None
