"""The unlock back-off: after 5 wrong tries, each further try waits longer.

The count of wrong tries in a row and the time of the last one are kept in a small
file next to the key file (``unlock-attempts.json``, 0600), so quitting and
restarting the app does not reset them; a successful unlock does. Wrong recovery
keys count in the same row as wrong passphrases: one rule for every way in.

This is a speed bump against someone at the keyboard, not the real protection:
deleting the file resets it, and a thief with a copy of the folder skips the app
altogether. The real cost of a guess is the Argon2id derivation, and the strength
rule for passphrases (:mod:`.passphrase_policy`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import UnlockThrottled
from .files import write_atomically

log = logging.getLogger(__name__)

FREE_TRIES = 5
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 300.0  # 5 minutes: long enough to stop a guessing script, short for a worker


def now() -> float:
    """Wall-clock seconds: the time of a failure must survive a restart (not monotonic).
    A module function so tests can put a clock of their own in its place."""
    return time.time()


def delay_after(failures: int) -> float:
    """Seconds the next try waits after ``failures`` wrong tries in a row: none for the
    first five, then 1, 2, 4, 8 … seconds, at most five minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** min(failures - FREE_TRIES, 30))


@dataclass(frozen=True)
class Attempts:
    failures: int = 0
    last_failure: float = 0.0  # time.time() of the last wrong try


class UnlockThrottle:
    """The back-off of one profile folder. ``clock`` is injectable for tests."""

    def __init__(self, path: Path, *, clock: Callable[[], float] | None = None) -> None:
        self.path = path
        self._clock = clock or now

    def read(self) -> Attempts:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Attempts(max(0, int(data["failures"])), float(data["last_failure"]))
        except FileNotFoundError:
            return Attempts()
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged file counts as none, the same as a deleted one (see above).
            log.warning("the unlock attempts file is unreadable; starting from zero")
            return Attempts()

    def wait_s(self) -> float:
        """Seconds until the next try is allowed; 0 when it is allowed now."""
        attempts = self.read()
        delay = delay_after(attempts.failures)
        if delay <= 0:
            return 0.0
        now = self._clock()
        elapsed = now - attempts.last_failure
        if elapsed < 0:
            # The last failure lies in the future: tries made while the clock was ahead,
            # then the clock was set right. Count from now, or the wait would never end.
            self._write(attempts.failures, now)
            return delay
        return min(delay, max(0.0, delay - elapsed))

    def check(self) -> None:
        """Raise :class:`UnlockThrottled` while the back-off lasts."""
        wait = self.wait_s()
        if wait > 0:
            raise UnlockThrottled(wait)

    def failed(self) -> float:
        """Count a wrong try; returns the wait before the next one."""
        failures = self.read().failures + 1
        self._write(failures, self._clock())
        if failures >= FREE_TRIES:
            log.warning("%d wrong unlock tries in a row", failures)
        return delay_after(failures)

    def _write(self, failures: int, last_failure: float) -> None:
        body = json.dumps({"failures": failures, "last_failure": last_failure})
        try:
            write_atomically(self.path, body.encode("utf-8"))
        except OSError:
            log.warning("the unlock attempts file cannot be written")

    def succeeded(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            log.warning("the unlock attempts file cannot be removed")
