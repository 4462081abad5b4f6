"""``joinus-server admin rotate-org-key``: signing offline, storing, and every way to get it
wrong (one line on stderr, exit 1 for what cannot be done, 2 for a wrong command line).
The rotation itself, through a real server and laptops, is in
tests/sync/test_org_key_pinning.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from joinus_desktop.store.org_key_rotation import verify_rotation
from joinus_server.cli import main
from joinus_server.config import sqlite_url
from tests.support.server_process import AdminResult, run_admin, run_admin_raw

from .keys import keypair


@pytest.fixture
def db(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "admin.db")


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name in ("old", "new"):
        private, public = keypair(f"rotate-{name}")
        paths[f"{name}.key"] = tmp_path / f"{name}.key"
        paths[f"{name}.pub"] = tmp_path / f"{name}.pub"
        paths[f"{name}.key"].write_bytes(private)
        paths[f"{name}.pub"].write_bytes(public)
    return paths


def one_line(result: AdminResult, status: int, message: str) -> None:
    assert result.returncode == status, result
    [line] = result.stderr.splitlines()
    assert line.startswith("joinus-server: error: ") and message in line, line
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_sign_offline_then_store(db: str, keys: dict[str, Path], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    run_admin(db, "set-org-key", str(keys["old.pub"]), in_process=True)
    out = tmp_path / "rotation.json"
    # Offline: no database is opened (this URL could not be).
    monkeypatch.setenv("JOINUS_SERVER_DATABASE", "mysql://not-used")
    code = main(["admin", "rotate-org-key", "--old-private-key", str(keys["old.key"]),
                 "--new-public-key", str(keys["new.pub"]), "--out", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "Store it on the server: joinus-server admin rotate-org-key --rotation" \
        in printed.out
    rotation = json.loads(out.read_text())
    assert set(rotation) == {"previous_public_key", "public_key", "signature"}
    assert "PRIVATE" not in out.read_text()
    checked = verify_rotation(rotation)
    monkeypatch.delenv("JOINUS_SERVER_DATABASE")

    again = run_admin_raw(db, "rotate-org-key", "--old-private-key", str(keys["old.key"]),
                          "--new-public-key", str(keys["new.pub"]), "--out", str(out),
                          in_process=True)
    one_line(again, 1, "already exists; not overwriting it")

    stored = run_admin_raw(db, "rotate-org-key", "--rotation", str(out), in_process=True)
    assert stored.returncode == 0, stored.stderr
    assert f"Organisation key rotated to {checked.new}" in stored.stdout
    # The same rotation twice: the server's key is the new one now.
    one_line(run_admin_raw(db, "rotate-org-key", "--rotation", str(out), in_process=True), 1,
             "the server's current organisation key is")
    assert [a["action"] for a in run_admin(db, "audit", in_process=True)] == [
        "set_org_key", "rotate_org_key"]


def test_wrong_command_lines(db: str, keys: dict[str, Path], tmp_path: Path) -> None:
    def rotate(*args: str) -> AdminResult:
        return run_admin_raw(db, "rotate-org-key", *args, in_process=True)

    one_line(rotate(), 2, "give --old-private-key and --new-public-key")
    one_line(rotate("--old-private-key", str(keys["old.key"])), 2, "--new-public-key")
    one_line(rotate("--rotation", "r.json", "--old-private-key", str(keys["old.key"])), 2,
             "give either --rotation")
    one_line(rotate("--old-private-key", str(keys["old.key"]), "--new-public-key",
                    str(keys["new.pub"])), 1, "no organisation key is set yet")
    one_line(rotate("--old-private-key", str(keys["old.key"]), "--new-public-key",
                    str(keys["new.key"]), "--out", str(tmp_path / "x.json")), 1,
             "is a private key")
    one_line(rotate("--old-private-key", str(keys["old.pub"]), "--new-public-key",
                    str(keys["new.pub"]), "--out", str(tmp_path / "x.json")), 1,
             "The old private key cannot be read")
    one_line(rotate("--old-private-key", str(tmp_path / "missing.key"), "--new-public-key",
                    str(keys["new.pub"]), "--out", str(tmp_path / "x.json")), 1,
             "cannot read")
    (tmp_path / "junk.json").write_text("{not json")
    one_line(rotate("--rotation", str(tmp_path / "junk.json")), 1, "not a signed rotation")
    (tmp_path / "list.json").write_text("[]")
    one_line(rotate("--rotation", str(tmp_path / "list.json")), 1, "not a signed rotation")
    (tmp_path / "empty.json").write_text("{}")
    one_line(rotate("--rotation", str(tmp_path / "empty.json")), 1, "A key rotation is not")
    assert not (tmp_path / "x.json").exists()


def test_serve_needs_both_tls_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", "--database", sqlite_url(tmp_path / "s.db"), "--tls-cert",
                 str(tmp_path / "cert.pem")])
    assert code == 1 and "--tls-cert and --tls-key go together" in capsys.readouterr().err
    code = main(["serve", "--database", sqlite_url(tmp_path / "s.db"), "--tls-cert",
                 str(tmp_path / "cert.pem"), "--tls-key", str(tmp_path / "key.pem")])
    assert code == 1 and "cannot read" in capsys.readouterr().err
