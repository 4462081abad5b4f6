"""The fast JSON of the sync wire reads and writes exactly what the standard library does."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinus_desktop.sync import wirejson

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=4),
    max_leaves=20)


@given(values)
def test_round_trip_is_exact_including_integers_beyond_64_bits(value: object) -> None:
    text = wirejson.dumps(value)
    assert json.loads(text) == value
    back = wirejson.loads(text)
    assert back == value
    assert json.dumps(back, sort_keys=True) == json.dumps(value, sort_keys=True)  # 1 vs 1.0


@pytest.mark.parametrize("text", [
    b"[NaN]", b"[Infinity]", b"[-Infinity]", b"[1e400]", b'"\\ud800"', b"\xff\xfe",
    b"[" * 5000 + b"]" * 5000, b'{"n": 123456789012345678901234, "x": NaN}',
    b'{"n": 123456789012345678901234, "s": "\\udc00"}', b"[1,]", b"",
])
def test_what_is_not_strict_json_is_refused(text: bytes) -> None:
    with pytest.raises(wirejson.DecodeError):
        wirejson.loads(text)


def test_a_value_orjson_cannot_write_falls_back_to_the_standard_library() -> None:
    assert wirejson.loads(wirejson.dumps({"n": 2**70})) == {"n": 2**70}
    assert wirejson.dumps("\ud800") == b'"\\ud800"'  # escaped, never invalid UTF-8
