"""Signed rotations of the organisation key, and the chain a laptop follows from its pin."""

from __future__ import annotations

import base64

import pytest

from joinus_desktop.store.org_key_rotation import (
    MAX_ROTATIONS,
    follow_chain,
    rotation_message,
    sign_rotation,
    verify_rotation,
)
from joinus_desktop.store.org_recovery import OrganisationKeyError, fingerprint, load_public_key
from tests.server.keys import keypair


def fp(name: str) -> str:
    return fingerprint(load_public_key(keypair(name)[1]))


def rotate(old: str, new: str) -> dict[str, str]:
    return sign_rotation(keypair(old)[0], keypair(new)[1])


def test_a_rotation_verifies_and_names_both_keys() -> None:
    checked = verify_rotation(rotate("a", "b"))
    assert (checked.previous, checked.new) == (fp("a"), fp("b"))
    assert fingerprint(load_public_key(checked.public_pem)) == fp("b")
    assert rotation_message(fp("a"), fp("b")).startswith(b'{"context":"joinus organisation')


@pytest.mark.parametrize("tamper", ["other new key", "other previous key", "bad base64",
                                    "flipped bit", "not an object", "missing signature"])
def test_a_tampered_rotation_is_refused(tamper: str) -> None:
    entry: object = dict(rotate("a", "b"))
    assert isinstance(entry, dict)
    if tamper == "other new key":
        entry["public_key"] = keypair("c")[1].decode()
    elif tamper == "other previous key":
        entry["previous_public_key"] = keypair("c")[1].decode()
    elif tamper == "bad base64":
        entry["signature"] = "not base64!"
    elif tamper == "flipped bit":
        raw = bytearray(base64.b64decode(entry["signature"]))
        raw[10] ^= 1
        entry["signature"] = base64.b64encode(bytes(raw)).decode()
    elif tamper == "not an object":
        entry = [entry]
    else:
        del entry["signature"]
    with pytest.raises(OrganisationKeyError):
        verify_rotation(entry)


def test_signing_refuses_the_same_key_and_a_weak_new_key() -> None:
    with pytest.raises(OrganisationKeyError, match="old key itself"):
        rotate("a", "a")
    with pytest.raises(OrganisationKeyError, match="at least 3072 bits"):
        sign_rotation(keypair("a")[0], keypair("small", 2048)[1])
    with pytest.raises(OrganisationKeyError, match="cannot be read"):
        sign_rotation(keypair("a")[1], keypair("b")[1])  # a public key is no private key


def test_the_chain_is_followed_from_the_pin_only() -> None:
    chain = [rotate("a", "b"), rotate("b", "c")]
    assert follow_chain(fp("a"), fp("a"), []) == []
    assert [s.new for s in follow_chain(fp("a"), fp("c"), chain) or []] == [fp("b"), fp("c")]
    assert [s.new for s in follow_chain(fp("b"), fp("c"), chain) or []] == [fp("c")]
    # Not from a key the laptop never trusted, and not backwards.
    assert follow_chain(fp("d"), fp("c"), chain) is None
    assert follow_chain(fp("c"), fp("a"), chain) is None
    # A gap breaks it; garbage and forgeries around it are ignored, never trusted.
    assert follow_chain(fp("a"), fp("c"), [rotate("b", "c")]) is None
    forged = {**rotate("d", "c"), "previous_public_key": keypair("a")[1].decode()}
    assert follow_chain(fp("a"), fp("c"), [forged, "junk", {"x": 1}, None]) is None
    assert follow_chain(fp("a"), fp("c"), [forged, "junk", *chain]) is not None
    assert follow_chain(fp("a"), fp("c"), {"not": "a list"}) is None


def test_loops_and_branches_find_the_current_key() -> None:
    # a → b, b → a (a rollback the organisation signed), then a → c.
    rotations = [rotate("a", "b"), rotate("b", "a"), rotate("a", "c")]
    assert [s.new for s in follow_chain(fp("b"), fp("c"), rotations) or []] == [fp("a"),
                                                                                  fp("c")]
    assert follow_chain(fp("a"), fp("d"), rotations) is None  # loops end, they do not spin


def test_only_the_last_rotations_are_read() -> None:
    assert MAX_ROTATIONS == 64
    chain = [rotate("a", "b")] + ["junk"] * MAX_ROTATIONS
    assert follow_chain(fp("a"), fp("b"), chain) is None
