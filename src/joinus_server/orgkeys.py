"""The organisation's key pair, handled offline: generating it, signing a rotation to a
new key, and recovering a vault.

None of them needs the server's database. The private key is written for the organisation's
offline safe keeping; it must never be copied to the server.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .errors import AdminError

PRIVATE_KEY_WARNING = ("Keep the private key offline (an encrypted USB stick in a safe); it must "
                       "never be on the server. Anyone holding it can open every enrolled vault.")


def _write_new(path: Path, data: bytes, mode: int) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise AdminError(f"{path} already exists; not overwriting it") from None
    except OSError as exc:
        raise AdminError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, mode)  # whatever the umask
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def generate(private_out: Path, public_out: Path, *, bits: int = 4096) -> dict[str, Any]:
    from joinus_desktop.store.org_recovery import fingerprint, generate_keypair, load_public_key

    if private_out.resolve() == public_out.resolve():
        raise AdminError("--private-out and --public-out must be different files")
    for path in (private_out, public_out):
        if path.exists():
            raise AdminError(f"{path} already exists; not overwriting it")
    private_pem, public_pem = generate_keypair(bits)
    _write_new(private_out, private_pem, 0o600)
    try:
        _write_new(public_out, public_pem, 0o644)
    except AdminError:
        private_out.unlink()
        raise
    return {"private_key": str(private_out), "public_key": str(public_out), "bits": bits,
            "fingerprint": fingerprint(load_public_key(public_pem)),
            "warning": PRIVATE_KEY_WARNING}


def recover(keyfile: Path, private_key: Path, new_passphrase: str) -> dict[str, Any]:
    """Re-wrap a vault's key file under ``new_passphrase`` with the organisation's key."""
    from joinus_desktop.store.errors import StoreError
    from joinus_desktop.store.org_recovery import recover_keyfile

    if keyfile.is_dir():  # the vault folder: its key file
        keyfile = keyfile / "vault.key"
    if not keyfile.is_file():
        raise AdminError(f"no key file at {keyfile}")
    try:
        pem = private_key.read_bytes()
    except OSError as exc:
        raise AdminError(f"cannot read {private_key}: {exc.strerror or exc}") from None
    try:
        vault_id = recover_keyfile(keyfile, pem, new_passphrase)
    except StoreError as exc:
        raise AdminError(" ".join(str(exc).split()).rstrip(".")) from None
    except (ValueError, KeyError, TypeError) as exc:  # a key file that is not one
        raise AdminError(f"the key file is damaged or not a vault key file "
                         f"({type(exc).__name__})") from None
    return {"vault_id": vault_id, "keyfile": str(keyfile)}


# -- rotation ---------------------------------------------------------------------------
def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(1 << 20)
    except OSError as exc:
        raise AdminError(f"cannot read {path}: {exc.strerror or exc}") from None


def sign_rotation(old_private_key: Path, new_public_key: Path) -> dict[str, str]:
    """The rotation from the current key (its private key, read here) to a new key.

    Run where the old private key is kept (offline); only the signed rotation, which
    holds public keys and a signature, goes to the server.
    """
    from joinus_desktop.store.errors import StoreError
    from joinus_desktop.store.org_key_rotation import sign_rotation as sign

    new_pem = _read(new_public_key)
    if b"PRIVATE KEY" in new_pem:
        raise AdminError("--new-public-key is a private key: give the new public key; the "
                         "private key must stay offline")
    try:
        return sign(_read(old_private_key), new_pem)
    except StoreError as exc:
        raise AdminError(" ".join(str(exc).split()).rstrip(".")) from None


def write_rotation(out: Path, rotation: dict[str, str]) -> dict[str, Any]:
    from joinus_desktop.store.org_key_rotation import verify_rotation

    checked = verify_rotation(rotation)
    _write_new(out, (json.dumps(rotation, indent=2, sort_keys=True) + "\n").encode("ascii"),
               0o644)  # public keys and a signature: nothing secret
    return {"rotation": str(out), "fingerprint": checked.new,
            "previous_fingerprint": checked.previous}


def read_rotation(path: Path) -> dict[str, str]:
    try:
        rotation = json.loads(_read(path))
    except (ValueError, UnicodeDecodeError):
        raise AdminError(f"{path} is not a signed rotation (not JSON)") from None
    if not isinstance(rotation, dict):
        raise AdminError(f"{path} is not a signed rotation")
    return rotation
