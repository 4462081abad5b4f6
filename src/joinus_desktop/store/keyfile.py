"""The vault's key file: salts, KDF parameters and wrapped copies of the data key.

The data key itself never touches disk. Each *slot* wraps it with AES-256-GCM
under a key-encryption key (KEK) from one secret: the passphrase (Argon2id),
the recovery key (HKDF: it is already 128 random bits), and, optionally, the
organisation's public key. Each slot's parameters are the GCM associated data,
so changing a parameter breaks that slot instead of silently weakening it.

Telling damage, a wrong secret and tampering apart:

1. ``checksum`` (SHA-256 of the rest) catches accidental damage before any
   secret is involved → :class:`KeyFileDamaged`.
2. A slot that fails to decrypt means the secret is wrong → wrong passphrase.
3. Once the data key is known, ``mac`` (HMAC under a key derived from the data
   key) authenticates the whole file, including the other slots → an attacker
   who edits the file and fixes the checksum is caught as :class:`KeyFileTampered`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import KeyFileDamaged, KeyFileTampered
from .files import write_atomically

FORMAT = "joinus-vault-key"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost. Stored per slot so a later release can raise it on unlock."""

    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 4

    # Never accept less than this from a key file: a tampered file must not be
    # able to make brute force cheap. 64 MiB is the floor the issue sets.
    MIN_MEMORY_KIB = 64 * 1024
    MIN_ITERATIONS = 1

    def check(self) -> None:
        if self.memory_kib < self.MIN_MEMORY_KIB or self.iterations < self.MIN_ITERATIONS:
            raise KeyFileTampered("The key file asks for a key derivation weaker than allowed.")
        if self.memory_kib > 4 * 1024 * 1024 or self.iterations > 64 or not 1 <= self.lanes <= 64:
            raise KeyFileDamaged("The key file has key derivation settings out of range.")


DEFAULT_ARGON2 = Argon2Params()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise KeyFileDamaged("The key file is damaged (a binary value is not text).")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise KeyFileDamaged("The key file is damaged (bad base64).") from exc


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")


def derive_passphrase_kek(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    """Argon2id; deliberately slow (about half a second): call it off the UI thread."""
    params.check()
    kdf = Argon2id(salt=salt, length=32, iterations=params.iterations, lanes=params.lanes,
                   memory_cost=params.memory_kib)
    return kdf.derive(passphrase.encode("utf-8"))


def derive_recovery_kek(secret: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=b"joinus recovery kek").derive(secret)


def _mac_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"joinus key file mac").derive(data_key)


@dataclass
class KeyFile:
    vault_id: str
    created_at: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    mac: str = ""

    # -- wrapping ------------------------------------------------------------

    def _aad(self, slot: str, params: dict[str, Any]) -> bytes:
        public = {k: v for k, v in params.items() if k not in ("nonce", "wrapped_key")}
        return _canonical({"vault_id": self.vault_id, "slot": slot, "params": public})

    def wrap(self, slot: str, kek: bytes, data_key: bytes, params: dict[str, Any]) -> None:
        nonce = secrets.token_bytes(12)
        entry = dict(params)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(slot, entry))
        entry.update(nonce=b64(nonce), wrapped_key=b64(wrapped))
        self.slots[slot] = entry

    def unwrap(self, slot: str, kek: bytes) -> bytes | None:
        """The data key, or None when ``kek`` is not the right one."""
        entry = self.slots[slot]
        try:
            data_key = AESGCM(kek).decrypt(_unb64(entry.get("nonce")),
                                           _unb64(entry.get("wrapped_key")),
                                           self._aad(slot, entry))
        except InvalidTag:
            return None
        if len(data_key) != DATA_KEY_BYTES:
            raise KeyFileDamaged("The key file holds a data key of the wrong size.")
        return data_key

    # -- authentication ------------------------------------------------------

    def _body(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": FORMAT_VERSION, "vault_id": self.vault_id,
                "created_at": self.created_at, "slots": self.slots}

    def seal(self, data_key: bytes) -> None:
        self.mac = hmac.new(_mac_key(data_key), _canonical(self._body()), hashlib.sha256).hexdigest()

    def verify(self, data_key: bytes) -> None:
        expected = hmac.new(_mac_key(data_key), _canonical(self._body()), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.mac):
            raise KeyFileTampered(
                "The key file has been altered: its authentication code does not match. "
                "Restore it from a backup or use the recovery key."
            )

    # -- passphrase slot helpers ----------------------------------------------

    def argon2_params(self, slot: str = "passphrase") -> Argon2Params:
        entry = self.slots[slot]
        try:
            return Argon2Params(int(entry["memory_kib"]), int(entry["iterations"]),
                                int(entry["lanes"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileDamaged("The key file is damaged (key derivation settings).") from exc

    def salt(self, slot: str) -> bytes:
        return _unb64(self.slots[slot].get("salt"))

    # -- files ---------------------------------------------------------------

    def to_json(self) -> str:
        body = self._body()
        body["mac"] = self.mac
        checksum = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps({**body, "checksum": checksum}, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        damaged = "The key file is damaged and cannot be read"
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise KeyFileDamaged(f"{damaged} (not valid JSON).") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileDamaged(f"{damaged} (not a Join Us key file).")
        if data.get("version") != FORMAT_VERSION:
            raise KeyFileDamaged(
                f"This key file has format version {data.get('version')}; this version of "
                f"Join Us reads version {FORMAT_VERSION}. Update Join Us."
            )
        checksum = data.pop("checksum", None)
        if not isinstance(checksum, str) or not hmac.compare_digest(
            hashlib.sha256(_canonical(data)).hexdigest(), checksum
        ):
            raise KeyFileDamaged(f"{damaged} (checksum mismatch).")
        slots = data.get("slots")
        if (not isinstance(slots, dict) or "passphrase" not in slots
                or not all(isinstance(v, dict) for v in slots.values())
                or not isinstance(data.get("vault_id"), str) or not isinstance(data.get("mac"), str)):
            raise KeyFileDamaged(f"{damaged} (fields missing).")
        return cls(data["vault_id"], str(data.get("created_at", "")), slots, data["mac"])

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise KeyFileDamaged(f"The key file cannot be read: {exc.strerror}.") from exc
        try:
            return cls.from_json(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise KeyFileDamaged("The key file is damaged and cannot be read.") from exc

    def write(self, path: Path) -> None:
        """Replace the file atomically: a crash leaves the old or the new file, never half."""
        write_atomically(path, self.to_json().encode("utf-8"))
