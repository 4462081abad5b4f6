"""One sync run of a laptop store, as the window's sync service does it (the engine
opened, run once, closed): the helper every sync test shares."""

from __future__ import annotations

from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, SyncReport


def sync(store: Store) -> SyncReport:
    engine = SyncEngine(store)
    try:
        return engine.run()
    finally:
        engine.close()
