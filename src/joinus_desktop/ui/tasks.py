"""Operations off the UI thread, in the spirit of Anki's ``QueryOp``.

``QueryOp(parent=widget, op=lambda: store.youngsters.list(team), success=show).run()``
runs ``op`` on the store's single worker thread and calls ``success`` (or
``failure``) on the main thread. The operation must never touch widgets: it gets
no widget, it returns plain data.

Store work runs on one thread, in submission order, so reads and writes never
interleave surprisingly and the store keeps one read connection per thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")

_store_pool: QThreadPool | None = None
_pending: set[_Relay] = set()  # keeps relays alive until they deliver


def store_pool() -> QThreadPool:
    """The single worker thread for store work (created on first use)."""
    global _store_pool
    if _store_pool is None:
        _store_pool = QThreadPool()
        _store_pool.setMaxThreadCount(1)
        # The thread must not expire: the store keeps a read connection per thread.
        _store_pool.setExpiryTimeout(-1)
    return _store_pool


_network_pool: QThreadPool | None = None


def network_pool() -> QThreadPool:
    """A separate worker for network work (sync, reports), so a slow server never
    holds up the store queue. The sync engine's own store writes are serialised by
    the store's writer lock."""
    global _network_pool
    if _network_pool is None:
        _network_pool = QThreadPool()
        _network_pool.setMaxThreadCount(1)
        _network_pool.setExpiryTimeout(-1)  # it keeps a store read connection too
    return _network_pool


def busy_count() -> int:
    """Operations started and not yet delivered (for tests and a busy indicator)."""
    return len(_pending)


def wait_for_idle(timeout_ms: int = 10_000) -> bool:
    """Block until the workers are idle (for shutdown and tests); True when they are."""
    network_done = _network_pool is None or _network_pool.waitForDone(timeout_ms)
    return store_pool().waitForDone(timeout_ms) and network_done


class _Relay(QObject):
    """Lives on the main thread; a signal emitted by the worker arrives here queued.

    The outcome travels as attributes, not as signal arguments: PySide's queued
    ``Signal(object)`` mishandles reference counts of shared objects such as None
    and True, which crashed the interpreter at exit after many operations.
    """

    finished = Signal()

    def __init__(self, op: QueryOp[Any]) -> None:
        super().__init__()
        self._op = op
        self.result: object = None
        self.error: BaseException | None = None
        self.finished.connect(self._deliver)

    @Slot()
    def _deliver(self) -> None:
        _pending.discard(self)
        self._op._deliver(self.result, self.error)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # worker thread
        try:
            self._relay.result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the failure handler
            self._relay.error = exc
        # Emitting after the assignments: the queued call sees both (the signal is
        # a memory barrier between the threads).
        self._relay.finished.emit()


class QueryOp(Generic[T]):
    """Run ``op`` in the background; deliver its result to the main thread.

    ``parent`` is the widget that asked: when it is gone by the time the result
    arrives, nothing is called (a closed window needs no update).
    """

    def __init__(self, *, parent: QObject | None, op: Callable[[], T],
                 success: Callable[[T], None] | None = None,
                 pool: QThreadPool | None = None) -> None:
        self._parent = parent
        self._pool = pool
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None
        self._finally: Callable[[], None] | None = None

    def failure(self, handler: Callable[[BaseException], None]) -> QueryOp[T]:
        self._failure = handler
        return self

    def finally_(self, handler: Callable[[], None]) -> QueryOp[T]:
        """Called after success or failure (e.g. to stop a busy indicator)."""
        self._finally = handler
        return self

    def run_in_background(self) -> None:
        relay = _Relay(self)
        _pending.add(relay)
        (self._pool or store_pool()).start(_Runner(self._op, relay))

    run = run_in_background

    def _deliver(self, result: object, error: object) -> None:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            return
        try:
            if isinstance(error, BaseException):
                if self._failure is not None:
                    self._failure(error)
                else:
                    from .errors import show_error

                    show_error(self._parent, error)
            elif self._success is not None:
                self._success(result)  # type: ignore[arg-type]
        finally:
            if self._finally is not None:
                self._finally()
