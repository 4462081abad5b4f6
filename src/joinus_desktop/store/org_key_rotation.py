"""Signed rotations of the organisation's key: how a laptop trusts a new key.

A laptop pins the organisation key it received at enrolment (its SHA-256
fingerprint, see :mod:`.org_key_pin`). The server alone can never make it trust
another key: a new key is accepted only through a *rotation* signed with the
private key of the key before it. The organisation signs it offline
(``joinus-server admin rotate-org-key``); the server merely passes the list of
rotations on in ``GET /api/v1/settings``, so a laptop that missed several
rotations follows the chain from its pin to the current key.

A rotation is a JSON object::

    {"previous_public_key": PEM, "public_key": PEM, "signature": base64}

``signature`` is RSA-PSS (SHA-256, MGF1-SHA-256, salt of digest length) by the
previous key over :func:`rotation_message`: both fingerprints and a context
string, so a signature made for anything else never counts as a rotation.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .errors import StoreError
from .org_recovery import OrganisationKeyError, fingerprint, load_public_key

CONTEXT = "joinus organisation key rotation v1"
# A chain longer than this is not followed (a server could send any amount); an
# organisation rotating yearly needs a handful.
MAX_ROTATIONS = 64
MAX_SIGNATURE_BYTES = 1024  # RSA 8192 bits


@dataclass(frozen=True)
class Rotation:
    previous: str  # fingerprint of the key that signed
    new: str  # fingerprint of the key it hands over to
    public_pem: bytes  # the new key, canonical PEM


def canonical_pem(key: rsa.RSAPublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def rotation_message(previous_fingerprint: str, new_fingerprint: str) -> bytes:
    return json.dumps({"context": CONTEXT, "previous": previous_fingerprint,
                       "new": new_fingerprint}, sort_keys=True, separators=(",", ":")).encode()


def _pss() -> padding.PSS:
    return padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)


def sign_rotation(old_private_pem: bytes, new_public_pem: bytes, *,
                  password: bytes | None = None) -> dict[str, str]:
    """The rotation from the key of ``old_private_pem`` to ``new_public_pem``."""
    try:
        private = serialization.load_pem_private_key(old_private_pem, password=password)
    except (ValueError, TypeError) as exc:
        raise OrganisationKeyError(f"The old private key cannot be read: {exc}") from None
    if not isinstance(private, rsa.RSAPrivateKey):
        raise OrganisationKeyError("The old private key is not an RSA key.")
    previous = private.public_key()
    new = load_public_key(new_public_pem)
    previous_fp, new_fp = fingerprint(previous), fingerprint(new)
    if previous_fp == new_fp:
        raise OrganisationKeyError("The new public key is the old key itself.")
    signature = private.sign(rotation_message(previous_fp, new_fp), _pss(), hashes.SHA256())
    return {"previous_public_key": canonical_pem(previous), "public_key": canonical_pem(new),
            "signature": base64.b64encode(signature).decode("ascii")}


def verify_rotation(entry: object) -> Rotation:
    """The rotation ``entry`` stands for, if its signature holds; else OrganisationKeyError."""
    if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str)
            for k in ("previous_public_key", "public_key", "signature")):
        raise OrganisationKeyError("A key rotation is not an object with two keys and a "
                                   "signature.")
    previous = load_public_key(entry["previous_public_key"].encode("ascii", "replace"))
    new = load_public_key(entry["public_key"].encode("ascii", "replace"))
    try:
        signature = base64.b64decode(entry["signature"], validate=True)
    except (ValueError, binascii.Error):
        raise OrganisationKeyError("A key rotation's signature is not base64.") from None
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise OrganisationKeyError("A key rotation's signature is too long.")
    previous_fp, new_fp = fingerprint(previous), fingerprint(new)
    try:
        previous.verify(signature, rotation_message(previous_fp, new_fp), _pss(),
                        hashes.SHA256())
    except InvalidSignature:
        raise OrganisationKeyError("A key rotation is not signed by the previous key.") \
            from None
    return Rotation(previous_fp, new_fp, canonical_pem(new).encode("ascii"))


def follow_chain(pinned: str, current: str, rotations: Any) -> list[Rotation] | None:
    """The signed steps from the ``pinned`` fingerprint to ``current``, or None.

    Only rotations whose signature holds count, and only forward from the pin:
    an entry that does not verify is skipped (it proves nothing), never trusted.
    """
    if pinned == current:
        return []
    if not isinstance(rotations, list):
        return None
    steps: dict[str, list[Rotation]] = {}
    for entry in rotations[-MAX_ROTATIONS:]:
        try:
            rotation = verify_rotation(entry)
        except StoreError:
            continue
        steps.setdefault(rotation.previous, []).append(rotation)
    # Breadth first: the shortest signed path; a loop or a dead end is simply not one.
    paths: dict[str, list[Rotation]] = {pinned: []}
    frontier = [pinned]
    while frontier:
        following: list[str] = []
        for at in frontier:
            for step in steps.get(at, []):
                if step.new in paths:
                    continue
                paths[step.new] = [*paths[at], step]
                if step.new == current:
                    return paths[step.new]
                following.append(step.new)
        frontier = following
    return None
