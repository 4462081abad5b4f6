"""``joinus-server admin`` for issue 6: settings, the organisation key, vault recovery,
the retention report, erasure receipts and the merged audit trail."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from joinus_desktop.store.keyfile import Argon2Params
from joinus_desktop.store.store import Store
from joinus_server.cli import main
from joinus_server.config import sqlite_url
from tests.support.server_process import run_admin, run_admin_raw

from .helpers import World, change, new_id, stamp, youngster
from .keys import keypair

FAST = Argon2Params(65536, 1, 1)
OLD_PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a brand new passphrase"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "admin.db")


def one_line_error(result: object, message: str) -> None:
    assert result.returncode == 1, result  # type: ignore[attr-defined]
    [line] = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert line.startswith("joinus-server: error: ") and message in line, line
    assert result.stdout == ""  # type: ignore[attr-defined]


def test_settings_from_the_command_line(db: str, tmp_path: Path) -> None:
    assert run_admin(db, "set-retention", "36", in_process=True) == {
        "retention_months": 36, "previous": 24}
    human = run_admin_raw(db, "set-retention", "12", in_process=True)
    assert human.stdout.strip() == "Retention period: 12 months after exit (was 36)."
    one_line_error(run_admin_raw(db, "set-retention", "0", in_process=True), "1 to 240 months")
    private, public = keypair()
    (tmp_path / "org.pub").write_bytes(public)
    (tmp_path / "org.key").write_bytes(private)
    (tmp_path / "small.pub").write_bytes(keypair("small", 2048)[1])
    stored = run_admin(db, "set-org-key", str(tmp_path / "org.pub"), in_process=True)
    assert stored["bits"] == 3072 and stored["previous_fingerprint"] is None
    one_line_error(run_admin_raw(db, "set-org-key", str(tmp_path / "small.pub"),
                                 in_process=True), "at least 3072 bits")
    one_line_error(run_admin_raw(db, "set-org-key", str(tmp_path / "org.key"), in_process=True),
                   "this is a private key")
    one_line_error(run_admin_raw(db, "set-org-key", str(tmp_path / "nope.pem"),
                                 in_process=True), "cannot read")
    actions = [a["action"] for a in run_admin(db, "audit", in_process=True)]
    assert actions == ["set_retention", "set_retention", "set_org_key"]


def test_org_keygen_writes_a_private_key_only_its_owner_reads(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private, public = tmp_path / "org-private.pem", tmp_path / "org-public.pem"
    code = main(["admin", "org-keygen", "--private-out", str(private), "--public-out",
                 str(public), "--bits", "3072", "--json"])
    out = capsys.readouterr()
    assert code == 0
    assert "never be on the server" in out.err and "offline" in out.err
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert public.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert '"fingerprint"' in out.out
    again = main(["admin", "org-keygen", "--private-out", str(private), "--public-out",
                  str(tmp_path / "other.pem")])
    err = capsys.readouterr().err
    assert again == 1 and "already exists; not overwriting it" in err
    assert not (tmp_path / "other.pem").exists()


def _vault(root: Path, public_pem: bytes | None) -> str:
    store, _ = Store.create(root, OLD_PASSPHRASE, argon2=FAST)
    try:
        if public_pem is not None:
            store.vault.wrap_for_organisation(public_pem)
        return store.vault.vault_id
    finally:
        store.lock()


def _recover(keyfile: Path, private: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    monkeypatch.setenv("JOINUS_NEW_PASSPHRASE", NEW_PASSPHRASE)
    # No --database, and a database URL that cannot be opened: recovery must not need one.
    monkeypatch.setenv("JOINUS_SERVER_DATABASE", "mysql://not-used")
    code = main(["admin", "recover-vault", str(keyfile), "--private-key", str(private), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_recover_vault_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    private, public = keypair()
    (tmp_path / "org.key").write_bytes(private)
    vault_id = _vault(tmp_path / "vault", public)
    code, out, err = _recover(tmp_path / "vault" / "vault.key", tmp_path / "org.key",
                              monkeypatch, capsys, "--json")
    assert code == 0, err
    assert f'"vault_id": "{vault_id}"' in out
    with Store.open(tmp_path / "vault", NEW_PASSPHRASE) as store:
        assert store.vault.vault_id == vault_id


def test_recover_vault_refuses_a_wrong_key_and_a_vault_without_the_slot(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, public = keypair()
    (tmp_path / "wrong.key").write_bytes(keypair("wrong")[0])
    _vault(tmp_path / "vault", public)
    keyfile = tmp_path / "vault" / "vault.key"
    before = keyfile.read_bytes()
    code, out, err = _recover(keyfile, tmp_path / "wrong.key", monkeypatch, capsys)
    assert code == 1 and out == "" and "Traceback" not in err
    [line] = err.splitlines()
    assert line.startswith("joinus-server: error: ") and "does not belong" in line
    assert keyfile.read_bytes() == before
    with Store.open(tmp_path / "vault", OLD_PASSPHRASE):
        pass

    _vault(tmp_path / "bare", None)
    code, _, err = _recover(tmp_path / "bare", tmp_path / "wrong.key", monkeypatch, capsys)
    assert code == 1 and "never wrapped to the organisation" in err

    (tmp_path / "damaged.key").write_text("{not json", encoding="utf-8")
    code, _, err = _recover(tmp_path / "damaged.key", tmp_path / "wrong.key", monkeypatch,
                            capsys)
    assert code == 1 and len(err.splitlines()) == 1 and "Traceback" not in err

    code, _, err = _recover(tmp_path / "missing.key", tmp_path / "wrong.key", monkeypatch,
                            capsys)
    assert code == 1 and "no key file at" in err


def test_retention_report_and_erasure_receipt(world: World, database_url: str) -> None:
    old, fresh = new_id(), new_id()
    world.anna.push([
        change("youngster", old, world.team_a, youngster(
            intake_date="2015-01-01", status="exited", exit_date="2020-06-15",
            exit_reason="goals_met"), at=stamp(0)),
        change("youngster", fresh, world.team_a, youngster(), at=stamp(0))])
    due = run_admin(database_url, "retention-due", in_process=True)
    assert due == [{"youngster_id": old, "team_id": world.team_a, "exit_date": "2020-06-15",
                    "erase_after": "2022-06-15"}]
    human = run_admin_raw(database_url, "retention-due", in_process=True).stdout
    assert human.splitlines()[0].split() == ["ERASE_AFTER", "EXIT_DATE", "TEAM_ID",
                                             "YOUNGSTER_ID"]
    erased = run_admin(database_url, "erase-youngster", old, in_process=True)
    assert run_admin(database_url, "retention-due", in_process=True) == []
    receipt = run_admin(database_url, "erasure-receipt", old, in_process=True)
    assert receipt["how"] == "admin" and receipt["erased_by"].startswith("admin:")
    assert receipt["purge_cursor"] == erased["purge_cursor"]
    assert [d["confirmed"] for d in receipt["devices"]] == [False, False, False]
    world.bram.pull(erased["purge_cursor"])
    text = run_admin_raw(database_url, "erasure-receipt", old, in_process=True).stdout
    assert "1 of 3 active devices of the team confirmed the purge" in text
    assert f"{world.bram.device_id}" in text and " NO " in text
    one_line_error(run_admin_raw(database_url, "erasure-receipt", fresh, in_process=True),
                   "was not erased")


def test_the_audit_command_shows_device_entries(world: World, database_url: str) -> None:
    record = new_id()
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)  # after the enrolment
    body = {"device_id": world.anna.device_id, "entries": [
        {"seq": 7, "at": later.isoformat(timespec="milliseconds"), "actor": world.anna.user_id,
         "action": "export", "entity": "youngster", "record_id": record}]}
    assert world.client.post("/api/v1/audit", json=body,
                             headers=world.anna.headers).json() == {"stored": 1}
    [entry] = run_admin(database_url, "audit", "--record", record, in_process=True)
    assert entry["source"] == "device" and entry["device_id"] == world.anna.device_id
    assert entry["action"] == "export" and entry["seq"] == 7
    mine = run_admin(database_url, "audit", "--device", world.anna.device_id, in_process=True)
    assert [e["action"] for e in mine] == ["enroll", "export"]
    text = run_admin_raw(database_url, "audit", "--device", world.anna.device_id,
                         in_process=True).stdout
    assert text.splitlines()[0].split() == ["AT", "SOURCE", "DEVICE_ID", "ACTOR", "ACTION",
                                            "DETAIL"]
    one_line_error(run_admin_raw(database_url, "audit", "--device", "nope", in_process=True),
                   "--device must be a lowercase UUID")
