from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinus_desktop.store import recovery_key
from joinus_desktop.store.recovery_key import RecoveryKeyError


@given(st.binary(min_size=16, max_size=16))
def test_format_then_parse_roundtrips(secret: bytes) -> None:
    text = recovery_key.format_key(secret)
    assert len(text.split("-")) == 6 and all(len(g) == 5 for g in text.split("-"))
    assert recovery_key.parse(text) == secret


@given(st.binary(min_size=16, max_size=16), st.integers(0, 29), st.integers(1, 31))
def test_a_single_changed_character_is_caught(secret: bytes, position: int, shift: int) -> None:
    chars = recovery_key.format_key(secret).replace("-", "")
    alphabet = recovery_key.ALPHABET
    changed = chars[:position] + alphabet[(alphabet.index(chars[position]) + shift) % 32] + \
        chars[position + 1:]
    with pytest.raises(RecoveryKeyError):
        recovery_key.parse(changed)


def test_wrong_length_and_foreign_characters() -> None:
    with pytest.raises(RecoveryKeyError, match="30 characters"):
        recovery_key.parse("ABCDE-FGHJK")
    with pytest.raises(RecoveryKeyError, match="'U'"):
        recovery_key.parse("U" * 30)
