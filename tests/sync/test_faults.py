"""Fault injection: killed processes, a killed server, a network that drops connections."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from joinus_desktop.store.store import Store
from joinus_desktop.sync.errors import SyncError
from tests.conftest import PASSPHRASE
from tests.support.flaky_proxy import FlakyProxy

from .conftest import content


def bulk(laptop, n: int) -> None:  # noqa: ANN001
    team = laptop.team
    ids = [s.id for s in laptop.store.records.insert_many("youngster", [
        {"alias": f"Jongere {i}", "intake_date": "2026-01-10"} for i in range(n)],
        team_id=team)]
    laptop.store.records.insert_many("observation", [
        {"youngster_id": y, "date": "2026-01-12", "behaviour": f"Observatie {i}"}
        for i, y in enumerate(ids)], team_id=team)


def assert_converged(a, b) -> None:  # noqa: ANN001
    assert content(a.store, a.team) == content(b.store, b.team)
    assert a.store.conflicts.open(a.team) == []  # nothing was applied twice against itself


def sync_in_subprocess(laptop) -> subprocess.Popen[str]:  # noqa: ANN001
    root = str(laptop.store.vault.paths.root)
    laptop.store.lock()
    return subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from joinus_desktop.store.store import Store;"
         "from joinus_desktop.sync.engine import SyncEngine;"
         "s = Store.open(sys.argv[1], sys.argv[2]);"
         "e = SyncEngine(s, push_batch=50, pull_limit=50); e.run()",
         root, PASSPHRASE], text=True, env={**os.environ})


def reopen(laptop) -> None:  # noqa: ANN001
    laptop.store = Store.open(laptop.store.vault.paths.root, PASSPHRASE)


@pytest.mark.parametrize("phase", ["push", "pull"])
def test_client_killed_mid_sync_loses_and_duplicates_nothing(laptop_factory, phase: str) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    worker = a if phase == "push" else b
    bulk(a, 600)
    if phase == "pull":
        a.sync()
    for delay in (0.4, 0.8, 1.6):  # kill it at several points
        proc = sync_in_subprocess(worker)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        reopen(worker)
        if worker.store.pending_changes() == 0 and phase == "push":
            break
    worker.sync()
    a.sync(), b.sync()
    assert len(b.store.youngsters.list(b.team)) == 600
    assert_converged(a, b)


def test_server_killed_mid_batch(laptop_factory) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    bulk(a, 1500)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            a.sync(push_batch=100)
        except SyncError as exc:
            failure.append(exc)

    thread = threading.Thread(target=run)
    total = a.store.pending_changes()
    thread.start()
    # Killed as soon as the first batches are acknowledged, so the push is surely under
    # way (with the next batch on the wire) and surely not finished, however fast it is.
    deadline = time.monotonic() + 60
    while a.store.pending_changes() == total and time.monotonic() < deadline:
        time.sleep(0.002)
    a.server.kill()
    thread.join(timeout=120)
    assert failure and failure[0].kind == "network"  # told, not crashed
    a.server.start()
    a.sync()
    b.sync()
    assert len(b.store.youngsters.list(b.team)) == 1500
    assert a.store.pending_changes() == 0
    assert_converged(a, b)


def test_dropping_proxy_eventually_succeeds(laptop_factory) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    bulk(a, 300)
    y = a.store.youngsters.list(a.team)[0]["id"]
    a.store.youngsters.update(y, alias="Via de haperende verbinding")
    proxy = FlakyProxy(a.server.port, drop_rate=0.4, seed=7).start()
    try:
        for laptop in (a, b):
            for _ in range(60):
                try:
                    laptop.sync(server_url=proxy.url, push_batch=40, pull_limit=40)
                    break
                except SyncError as exc:
                    assert exc.kind == "network", exc
            else:
                pytest.fail("sync never succeeded through the proxy")
        assert proxy.dropped > 0
    finally:
        proxy.stop()
    a.sync(), b.sync()
    assert b.store.youngsters.get(y)["alias"] == "Via de haperende verbinding"
    assert_converged(a, b)
