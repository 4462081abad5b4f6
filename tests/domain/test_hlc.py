"""Hybrid logical clock: stamps are totally ordered, monotonic, and absorb remote ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinus_desktop.domain.hlc import ClockError, HybridClock, Stamp

stamps = st.builds(Stamp, st.integers(0, 10**14), st.integers(0, 0xFFFFFF),
                   st.text("abcdef0123456789", min_size=1, max_size=16))


@given(stamps, stamps)
def test_string_order_is_stamp_order(a: Stamp, b: Stamp) -> None:
    assert (str(a) < str(b)) == (a < b)
    assert Stamp.parse(str(a)) == a


@given(st.lists(st.one_of(st.tuples(st.just("tick"), st.integers(-5, 5)),
                          st.tuples(st.just("recv"), st.integers(-1000, 1000))), max_size=60))
def test_stamps_strictly_increase_whatever_the_wall_clock_does(steps) -> None:  # noqa: ANN001
    wall = [1_700_000_000_000]
    clock = HybridClock("dev1", wall=lambda: wall[0])
    last = clock.now()
    for kind, delta in steps:
        if kind == "tick":
            wall[0] += delta  # clocks may go backwards
            stamp = clock.now()
            assert stamp > last
            last = stamp
        else:
            remote = str(Stamp(max(0, wall[0] + delta), 7, "dev2"))
            clock.receive(remote)
            stamp = clock.now()
            assert stamp > remote and stamp > last
            last = stamp


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridClock("n", last=str(Stamp(100, 0xFFFFFF, "n")), wall=lambda: 50)
    assert Stamp.parse(clock.now()) == Stamp(101, 0, "n")


def test_remote_clock_far_ahead_is_reported() -> None:
    clock = HybridClock("n", wall=lambda: 1_000_000)
    with pytest.raises(ClockError, match="ahead"):
        clock.receive(str(Stamp(1_000_000 + 3_600_000, 0, "far")))


@pytest.mark.parametrize("text", ["", "12:0:n", "000000000000001:00000g:n",
                                  "000000000000001:000000:", 42])
def test_malformed_stamps(text) -> None:  # noqa: ANN001
    with pytest.raises(ClockError):
        Stamp.parse(text)


def test_uuid7_is_time_ordered_and_unique() -> None:
    from joinus_desktop.domain.ids import uuid7

    ids = [uuid7() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(i[14] == "7" for i in ids)


def test_uuid7_many_continues_the_same_order_as_uuid7() -> None:
    import uuid

    from joinus_desktop.domain.ids import is_uuid, uuid7, uuid7_many

    ids = [uuid7(), *uuid7_many(3000), uuid7(), *uuid7_many(1), *uuid7_many(0), uuid7()]
    assert len(ids) == 3004
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert is_uuid(text) and parsed.version == 7 and parsed.variant == uuid.RFC_4122


def test_uuid7_many_stays_ordered_when_its_random_part_carries(monkeypatch) -> None:  # noqa: ANN001
    import uuid

    from joinus_desktop.domain import ids

    future_ms = ids.time.time_ns() // 1_000_000 + 60_000  # "the same millisecond" as the last
    for last_rand in ((1 << 62) - 3, (1 << 74) - 3):  # the low 62 bits carry; all 74 do
        monkeypatch.setattr(ids, "_last_ms", future_ms)
        monkeypatch.setattr(ids, "_last_rand", last_rand)
        batch = ids.uuid7_many(6)
        assert batch == sorted(batch) and len(set(batch)) == 6
        assert all(uuid.UUID(text).version == 7 and ids.is_uuid(text) for text in batch)


@given(stamps, st.sampled_from(["", " ", "+", "\n", "x", "0"]), st.integers(0, 20))
def test_canonical_stamp_is_exactly_what_stamp_prints(stamp: Stamp, noise: str, at: int) -> None:
    from joinus_desktop.domain.hlc import is_canonical_stamp

    text = str(stamp)
    assert is_canonical_stamp(text)
    mangled = text[:at] + noise + text[at:]
    try:
        canonical = str(Stamp.parse(mangled)) == mangled
    except ClockError:
        canonical = False
    assert is_canonical_stamp(mangled) == canonical
