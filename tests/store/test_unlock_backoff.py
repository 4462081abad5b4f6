"""Issue 12, finding 11 (second half): unlock had no back-off.

After 5 wrong tries each further try waits longer (1, 2, 4 … s, at most 5 minutes),
the count survives a restart (a file next to the key file), wrong recovery keys count
too, and a successful unlock resets it. The policy is tested on an injected clock.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from joinus_desktop.store import recovery_key, unlock_attempts
from joinus_desktop.store.errors import UnlockThrottled, WrongPassphrase, WrongRecoveryKey
from joinus_desktop.store.unlock_attempts import (
    FREE_TRIES,
    MAX_DELAY_S,
    UnlockThrottle,
    delay_after,
)
from joinus_desktop.store.vault import Vault, VaultPaths

from ..conftest import FAST_ARGON2, PASSPHRASE

WRONG = "not the passphrase at all"


class FakeClock:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(unlock_attempts, "now", fake)
    return fake


@pytest.fixture
def vault_root(vault_dir: Path) -> Path:
    Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)[0].lock()
    return vault_dir


def test_the_delay_doubles_after_five_wrong_tries_up_to_five_minutes() -> None:
    assert [delay_after(n) for n in range(FREE_TRIES)] == [0.0] * FREE_TRIES
    assert [delay_after(n) for n in range(5, 10)] == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert delay_after(14) == 300.0 == MAX_DELAY_S
    assert delay_after(10_000) == MAX_DELAY_S


def test_the_policy_on_an_injected_clock(tmp_path: Path) -> None:
    clock = FakeClock()
    throttle = UnlockThrottle(tmp_path / "attempts.json", clock=clock)
    for _ in range(4):
        assert throttle.failed() == 0.0
        throttle.check()  # the first five tries never wait
    assert throttle.failed() == 1.0  # the fifth wrong try: the sixth waits a second
    with pytest.raises(UnlockThrottled) as throttled:
        throttle.check()
    assert throttled.value.wait_s == 1.0 and "Wait 1 second " in str(throttled.value)
    clock.advance(0.4)
    assert throttle.wait_s() == pytest.approx(0.6)
    clock.advance(0.6)
    throttle.check()
    assert throttle.failed() == 2.0  # the sixth wrong try
    clock.advance(1.0)
    assert throttle.wait_s() == pytest.approx(1.0)
    clock.advance(-3600)  # the clock set back an hour: never more than the delay itself
    assert throttle.wait_s() == 2.0
    throttle.succeeded()
    assert throttle.wait_s() == 0.0 and not (tmp_path / "attempts.json").exists()


def test_the_sixth_unlock_waits_and_a_right_one_resets(vault_root: Path, clock: FakeClock) -> None:
    for _ in range(FREE_TRIES):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(vault_root, WRONG)
    attempts = VaultPaths(vault_root).unlock_attempts
    assert json.loads(attempts.read_text())["failures"] == FREE_TRIES
    if os.name == "posix":
        assert stat.S_IMODE(attempts.stat().st_mode) == 0o600
    # Even the right passphrase waits: the back-off does not reveal whether it was right.
    with pytest.raises(UnlockThrottled):
        Vault.unlock(vault_root, PASSPHRASE)
    clock.advance(1.0)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_root, WRONG)
    with pytest.raises(UnlockThrottled) as throttled:
        Vault.unlock(vault_root, WRONG)
    assert throttled.value.wait_s == 2.0
    assert json.loads(attempts.read_text())["failures"] == FREE_TRIES + 1  # a refusal is no try
    clock.advance(2.0)
    Vault.unlock(vault_root, PASSPHRASE).lock()
    assert not attempts.exists()  # reset by the successful unlock
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_root, WRONG)  # and counting starts again from one
    assert json.loads(attempts.read_text())["failures"] == 1


def test_wrong_recovery_keys_count_in_the_same_row(vault_root: Path, clock: FakeClock) -> None:
    other_key, _ = recovery_key.generate()
    for _ in range(FREE_TRIES):
        with pytest.raises(WrongRecoveryKey):
            Vault.recover(vault_root, other_key, "een nieuwe lange zin hier", argon2=FAST_ARGON2)
    with pytest.raises(UnlockThrottled):
        Vault.unlock(vault_root, PASSPHRASE)
    with pytest.raises(UnlockThrottled):
        Vault.recover(vault_root, other_key, "een nieuwe lange zin hier", argon2=FAST_ARGON2)
    # A typo the recovery key's own checksum catches is no guess, and is not counted.
    with pytest.raises(WrongRecoveryKey):
        Vault.recover(vault_root, "AAAA-BBBB", "een nieuwe lange zin hier", argon2=FAST_ARGON2)
    clock.advance(1.0)
    Vault.unlock(vault_root, PASSPHRASE).lock()


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "joinus_desktop", "--data-dir", str(root), *args],
        env={**os.environ, "JOINUS_PASSPHRASE": PASSPHRASE}, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL)


def test_the_count_survives_a_new_process(vault_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Wrong tries in this process, on a clock that steps past each delay, the last one now.
    clock = FakeClock(time.time() - 3600)
    monkeypatch.setattr(unlock_attempts, "now", clock)
    for _ in range(8):
        clock.advance(400)
        with pytest.raises(WrongPassphrase):
            Vault.unlock(vault_root, WRONG)
    clock.t = time.time()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_root, WRONG)  # the 9th: the next waits 16 seconds

    # Another process (the CLI, on the real clock) refuses at once, saying how long.
    result = _cli(vault_root, "info")
    assert result.returncode == 1
    assert "Too many wrong tries" in result.stderr and "seconds" in result.stderr
    assert "Traceback" not in result.stderr
    waited = int(result.stderr.split("Wait ")[1].split()[0])
    assert 10 <= waited <= 16
    # A new instance in this process reads the same state.
    assert UnlockThrottle(VaultPaths(vault_root).unlock_attempts).wait_s() > 10


def test_a_wrong_cli_passphrase_is_counted(vault_root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "joinus_desktop", "--data-dir", str(vault_root), "info"],
        env={**os.environ, "JOINUS_PASSPHRASE": WRONG}, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 1 and "Wrong passphrase" in result.stderr
    attempts = VaultPaths(vault_root).unlock_attempts
    assert json.loads(attempts.read_text())["failures"] == 1
    assert _cli(vault_root, "info").returncode == 0
    assert not attempts.exists()


def test_a_damaged_or_deleted_file_counts_as_none(vault_root: Path, clock: FakeClock) -> None:
    attempts = VaultPaths(vault_root).unlock_attempts
    attempts.write_text("{not json")
    Vault.unlock(vault_root, PASSPHRASE).lock()
    for _ in range(FREE_TRIES):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(vault_root, WRONG)
    attempts.unlink()  # documented: deleting the file resets the back-off
    Vault.unlock(vault_root, PASSPHRASE).lock()


def test_a_failure_stamped_in_the_future_still_counts_down(tmp_path: Path) -> None:
    """Wrong tries made while the clock was a day ahead, then the clock set right: the
    wait is the delay counted from now, not until the wall clock reaches the future."""
    clock = FakeClock()
    throttle = UnlockThrottle(tmp_path / "attempts.json", clock=clock)
    clock.advance(86_400)
    for _ in range(6):
        throttle.failed()
    clock.advance(-86_400)  # the clock set right
    assert throttle.wait_s() == 2.0
    clock.advance(2.0)
    assert throttle.wait_s() == 0.0
    throttle.check()
