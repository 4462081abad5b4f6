"""The organisation's wrap of a vault's data key, and recovery with its private key.

At enrolment the server hands out the organisation's RSA public key; the laptop
wraps its data key to it (RSA-OAEP-SHA256, the slot's parameters as the OAEP
label) in a third key-file slot. If a social worker loses both passphrase and
recovery key, the organisation — offline, with the private key that never
touches the server — re-wraps the data key under a temporary passphrase:
``joinus-server admin recover-vault KEYFILE --private-key PEM``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .errors import KeyFileDamaged, VaultError
from .keyfile import DEFAULT_ARGON2, Argon2Params, KeyFile, b64
from .vault import check_passphrase, wrap_passphrase

SLOT = "organisation"
MIN_RSA_BITS = 3072


class OrganisationKeyError(VaultError):
    pass


def load_public_key(pem: bytes) -> rsa.RSAPublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise OrganisationKeyError("The organisation's public key is not a PEM public key.") \
            from exc
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < MIN_RSA_BITS:
        raise OrganisationKeyError(
            f"The organisation's key must be RSA of at least {MIN_RSA_BITS} bits.")
    return key


def fingerprint(key: rsa.RSAPublicKey) -> str:
    der = key.public_bytes(serialization.Encoding.DER,
                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def _label(keyfile: KeyFile, key_id: str) -> bytes:
    return json.dumps({"vault_id": keyfile.vault_id, "slot": SLOT, "key_id": key_id},
                      sort_keys=True, separators=(",", ":")).encode()


def _oaep(label: bytes) -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(),
                        label=label)


def wrap_for_organisation(keyfile: KeyFile, data_key: bytes, public_pem: bytes) -> str:
    """Add (or replace) the organisation slot; returns the key's fingerprint."""
    key = load_public_key(public_pem)
    key_id = fingerprint(key)
    wrapped = key.encrypt(data_key, _oaep(_label(keyfile, key_id)))
    keyfile.slots[SLOT] = {"kdf": "rsa-oaep-sha256", "key_id": key_id,
                           "wrapped_key": b64(wrapped)}
    keyfile.seal(data_key)
    return key_id


def recover_keyfile(path: Path, private_pem: bytes, new_passphrase: str, *,
                    password: bytes | None = None,
                    argon2: Argon2Params = DEFAULT_ARGON2) -> str:
    """Re-wrap a vault's key under ``new_passphrase`` with the organisation's private key.

    Works on the key file alone (the database is not needed and not touched).
    Returns the vault id. The social worker then opens the vault with the new
    passphrase and should change it.
    """
    check_passphrase(new_passphrase)
    keyfile = KeyFile.read(path)
    slot = keyfile.slots.get(SLOT)
    if not slot:
        raise OrganisationKeyError("This vault was never wrapped to the organisation's key "
                                   "(it was not enrolled, or enrolled before this feature).")
    try:
        private = serialization.load_pem_private_key(private_pem, password=password)
    except (ValueError, TypeError) as exc:
        raise OrganisationKeyError(f"The private key cannot be read: {exc}") from None
    if not isinstance(private, rsa.RSAPrivateKey):
        raise OrganisationKeyError("The private key is not an RSA key.")
    if fingerprint(private.public_key()) != slot.get("key_id"):
        raise OrganisationKeyError("This private key does not belong to the organisation key "
                                   "this vault was wrapped to.")
    try:
        wrapped = base64.b64decode(slot["wrapped_key"], validate=True)
        data_key = private.decrypt(wrapped, _oaep(_label(keyfile, slot["key_id"])))
    except (KeyError, ValueError) as exc:
        raise KeyFileDamaged("The organisation slot of this key file is damaged.") from exc
    keyfile.verify(data_key)
    wrap_passphrase(keyfile, new_passphrase, data_key, argon2)
    keyfile.seal(data_key)
    keyfile.write(path)
    return keyfile.vault_id


def generate_keypair(bits: int = 4096) -> tuple[bytes, bytes]:
    """(private PEM, public PEM) for an organisation; keep the private one offline."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    private_pem = private.private_bytes(serialization.Encoding.PEM,
                                        serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private_pem, public_pem
