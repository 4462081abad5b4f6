"""Store work on Qt's worker thread reuses one read connection (no leak per task)."""

from __future__ import annotations

from joinus_desktop.store.store import Store
from joinus_desktop.ui import tasks


def test_many_operations_open_one_reader(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    team = demo_store.teams.current()["id"]
    results: list[int] = []
    for _ in range(15):
        tasks.QueryOp(parent=None, op=lambda: len(demo_store.youngsters.list(team)),
                      success=results.append).run()
    qtbot.waitUntil(lambda: len(results) == 15, timeout=10_000)
    # One reader for the store worker (and at most one for this thread), not fifteen.
    assert len(demo_store.db._readers) <= 2
