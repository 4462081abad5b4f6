"""RSA key pairs for the organisation-key tests, generated once per session (slow-ish)."""

from __future__ import annotations

from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


@cache
def keypair(name: str = "org", bits: int = 3072) -> tuple[bytes, bytes]:
    """(private PEM, public PEM); ``name`` tells different pairs of one size apart."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return (private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()),
            private.public_key().public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo))
