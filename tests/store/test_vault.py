"""The vault: creating, unlocking, recovering, and telling failures apart."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from joinus_desktop.store import recovery_key
from joinus_desktop.store.errors import (
    DatabaseDamaged,
    KeyFileDamaged,
    KeyFileTampered,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from joinus_desktop.store.keyfile import Argon2Params, KeyFile
from joinus_desktop.store.vault import Vault, VaultPaths
from tests.conftest import FAST_ARGON2, PASSPHRASE


def make(vault_dir: Path) -> tuple[Vault, str]:
    return Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)


def rewrite_keyfile(path: Path, change) -> None:  # noqa: ANN001
    """Edit the key file like an attacker would: change it, then fix its checksum."""
    data = json.loads(path.read_text())
    data.pop("checksum")
    change(data)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    data["checksum"] = hashlib.sha256(canonical).hexdigest()
    path.write_text(json.dumps(data))


def test_create_then_unlock_with_passphrase(vault_dir: Path) -> None:
    vault, recovery = make(vault_dir)
    conn = vault.connect()
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('kept')")
    conn.close()
    vault.lock()
    assert len(recovery_key.parse(recovery)) == 16

    vault = Vault.unlock(vault_dir, PASSPHRASE)
    conn = vault.connect()
    assert conn.execute("SELECT x FROM t").fetchall() == [("kept",)]
    conn.close()
    vault.lock()


def test_key_file_holds_no_key_and_records_kdf_parameters(vault_dir: Path) -> None:
    vault, _ = make(vault_dir)
    key_hex = bytes(vault._key).hex()  # type: ignore[arg-type]
    vault.lock()
    text = VaultPaths(vault_dir).keyfile.read_text()
    assert key_hex not in text
    slot = json.loads(text)["slots"]["passphrase"]
    assert slot["kdf"] == "argon2id"
    assert (slot["memory_kib"], slot["iterations"], slot["lanes"]) == (65536, 1, 1)


def test_default_kdf_cost_meets_the_floor() -> None:
    params = Argon2Params()
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 2


def test_wrong_passphrase_is_reported_as_such(vault_dir: Path) -> None:
    make(vault_dir)[0].lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, "not the passphrase")
    # A failed attempt must not keep the folder locked.
    Vault.unlock(vault_dir, PASSPHRASE).lock()


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path / "nothing", PASSPHRASE)


def test_create_refuses_existing_vault_and_short_passphrase(vault_dir: Path) -> None:
    with pytest.raises(WeakPassphrase):
        Vault.create(vault_dir, "short", argon2=FAST_ARGON2)
    make(vault_dir)[0].lock()
    with pytest.raises(VaultExists):
        make(vault_dir)


def test_damaged_key_file_is_not_a_wrong_passphrase(vault_dir: Path) -> None:
    make(vault_dir)[0].lock()
    keyfile = VaultPaths(vault_dir).keyfile
    original = keyfile.read_bytes()
    keyfile.write_bytes(original[:-40] + b"garbage" + original[-33:])
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(vault_dir, PASSPHRASE)
    keyfile.write_bytes(b"\x00\xff not json")
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(vault_dir, PASSPHRASE)
    keyfile.write_bytes(original.replace(b'"wrapped_key"', b'"wrapped_kez"'))
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_tampered_key_file_is_detected(vault_dir: Path) -> None:
    """An edit that keeps the checksum right is caught by the authentication code."""
    make(vault_dir)[0].lock()
    other = tmp = vault_dir.parent / "other"
    make(tmp)[0].lock()
    foreign_slot = json.loads(VaultPaths(other).keyfile.read_text())["slots"]["recovery"]

    def swap_recovery(data: dict) -> None:
        data["slots"]["recovery"] = foreign_slot

    rewrite_keyfile(VaultPaths(vault_dir).keyfile, swap_recovery)
    with pytest.raises(KeyFileTampered):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_weakened_kdf_parameters_are_refused(vault_dir: Path) -> None:
    make(vault_dir)[0].lock()

    def weaken(data: dict) -> None:
        data["slots"]["passphrase"]["memory_kib"] = 1024

    rewrite_keyfile(VaultPaths(vault_dir).keyfile, weaken)
    with pytest.raises(KeyFileTampered):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_database_missing_damaged_or_foreign(vault_dir: Path, tmp_path: Path) -> None:
    make(vault_dir)[0].lock()
    paths = VaultPaths(vault_dir)
    original = paths.database.read_bytes()

    paths.database.unlink()
    with pytest.raises(DatabaseDamaged, match="missing"):
        Vault.unlock(vault_dir, PASSPHRASE)

    paths.database.write_bytes(original[:4096] + b"\x00" * (len(original) - 4096))
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(vault_dir, PASSPHRASE)

    paths.database.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(vault_dir, PASSPHRASE)

    other = tmp_path / "other"
    Vault.create(other, PASSPHRASE, argon2=FAST_ARGON2)[0].lock()
    paths.database.write_bytes(VaultPaths(other).database.read_bytes())
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_key_file_missing_but_database_present(vault_dir: Path) -> None:
    make(vault_dir)[0].lock()
    VaultPaths(vault_dir).keyfile.unlink()
    with pytest.raises(KeyFileDamaged, match="missing"):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_vault_open_in_this_process_is_in_use(vault_dir: Path) -> None:
    vault, _ = make(vault_dir)
    with pytest.raises(VaultInUse):
        Vault.unlock(vault_dir, PASSPHRASE)
    vault.lock()
    Vault.unlock(vault_dir, PASSPHRASE).lock()


def test_vault_open_in_another_process_is_in_use(vault_dir: Path) -> None:
    make(vault_dir)[0].lock()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from joinus_desktop.store.vault import Vault;"
         f"v = Vault.unlock({str(vault_dir)!r}, {PASSPHRASE!r}); print('open', flush=True);"
         "sys.stdin.readline(); v.lock()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(VaultInUse):
            Vault.unlock(vault_dir, PASSPHRASE)
    finally:
        holder.communicate("\n", timeout=30)
    Vault.unlock(vault_dir, PASSPHRASE).lock()


def test_lock_drops_the_key(vault_dir: Path) -> None:
    vault, _ = make(vault_dir)
    vault.lock()
    assert vault.is_locked
    with pytest.raises(VaultLocked):
        vault.connect()


def test_change_passphrase_rewraps_without_reencrypting(vault_dir: Path) -> None:
    vault, _ = make(vault_dir)
    db_before = VaultPaths(vault_dir).database.read_bytes()
    vault.change_passphrase("a brand new passphrase", argon2=FAST_ARGON2)
    vault.lock()
    assert VaultPaths(vault_dir).database.read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    Vault.unlock(vault_dir, "a brand new passphrase").lock()


def test_recover_with_recovery_key_sets_new_passphrase(vault_dir: Path) -> None:
    vault, recovery = make(vault_dir)
    vault.lock()
    # Handwriting: lower case, spaces instead of dashes, O for 0 and l for 1.
    typed = recovery.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    Vault.recover(vault_dir, typed, "new passphrase after recovery", argon2=FAST_ARGON2).lock()
    Vault.unlock(vault_dir, "new passphrase after recovery").lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_recovery_key_typo_and_wrong_key(vault_dir: Path) -> None:
    vault, recovery = make(vault_dir)
    vault.lock()
    typo = ("X" if recovery[0] != "X" else "Y") + recovery[1:]
    with pytest.raises(WrongRecoveryKey, match="typo"):
        Vault.recover(vault_dir, typo, "new passphrase here", argon2=FAST_ARGON2)
    other_key, _ = recovery_key.generate()
    with pytest.raises(WrongRecoveryKey, match="does not open"):
        Vault.recover(vault_dir, other_key, "new passphrase here", argon2=FAST_ARGON2)
    Vault.unlock(vault_dir, PASSPHRASE).lock()  # nothing changed


def test_verify_passphrase(vault_dir: Path) -> None:
    vault, _ = make(vault_dir)
    assert vault.verify_passphrase(PASSPHRASE)
    assert not vault.verify_passphrase("nope, not this one")
    vault.lock()


def test_keyfile_roundtrip_rejects_future_format() -> None:
    keyfile = KeyFile(vault_id="v", created_at="now")
    keyfile.slots["passphrase"] = {}
    data = json.loads(keyfile.to_json())
    data["version"] = 99
    with pytest.raises(KeyFileDamaged, match="version 99"):
        KeyFile.from_json(json.dumps(data))
