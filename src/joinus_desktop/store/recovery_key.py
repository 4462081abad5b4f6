"""Recovery keys: 128 random bits a person can write down and type back.

Shown once at vault creation as six groups of five Crockford base32 characters
(``K7M2Q-…``); the last four characters are a checksum, so a typo is caught
before any decryption is attempted. Crockford's alphabet has no I, L, O or U and
reads them leniently (I/L → 1, O → 0), which suits handwriting.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {ch: i for i, ch in enumerate(ALPHABET)}
_DECODE.update({"I": 1, "L": 1, "O": 0})
KEY_BITS = 128
_BODY_CHARS = 26  # 130 bits hold the 128 random bits
_CHECK_CHARS = 4  # 20 bits: a random typo slips through about once in a million
GROUP = 5


class RecoveryKeyError(ValueError):
    pass


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def _checksum(body: str) -> str:
    digest = hashlib.sha256(b"joinus-recovery-key:" + body.encode("ascii")).digest()
    return _encode(int.from_bytes(digest[:3], "big") >> 4, _CHECK_CHARS)


def generate() -> tuple[str, bytes]:
    """A new recovery key: (the text to show, the 16 secret bytes)."""
    secret = secrets.token_bytes(KEY_BITS // 8)
    return format_key(secret), secret


def format_key(secret: bytes) -> str:
    body = _encode(int.from_bytes(secret, "big"), _BODY_CHARS)
    text = body + _checksum(body)
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def parse(text: str) -> bytes:
    """The secret bytes of a typed recovery key; raises on a typo."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    if len(cleaned) != _BODY_CHARS + _CHECK_CHARS:
        raise RecoveryKeyError(
            f"A recovery key has {_BODY_CHARS + _CHECK_CHARS} characters; this one has "
            f"{len(cleaned)}."
        )
    try:
        normalised = "".join(ALPHABET[_DECODE[ch]] for ch in cleaned)
    except KeyError as exc:
        raise RecoveryKeyError(f"'{exc.args[0]}' does not occur in recovery keys.") from None
    body, check = normalised[:_BODY_CHARS], normalised[_BODY_CHARS:]
    if _checksum(body) != check:
        raise RecoveryKeyError("This recovery key has a typo: please check every group.")
    value = 0
    for ch in body:
        value = value << 5 | _DECODE[ch]
    if value >> KEY_BITS:
        raise RecoveryKeyError("This recovery key has a typo: please check every group.")
    return value.to_bytes(KEY_BITS // 8, "big")
