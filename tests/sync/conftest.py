"""Sync tests: real `joinus-server` processes on loopback, real encrypted vaults."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, SyncReport, enroll
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.server_process import (
    ServerProcess,
    ensure_team,
    run_admin,
    server_factory,  # noqa: F401
)

_counter = itertools.count()


@dataclass
class Laptop:
    """One social worker's laptop: a vault enrolled with the server."""

    name: str
    store: Store
    server: ServerProcess

    def sync(self, **kwargs: object) -> SyncReport:
        engine = SyncEngine(self.store, **kwargs)  # type: ignore[arg-type]
        try:
            return engine.run()
        finally:
            engine.close()

    @property
    def team(self) -> str:
        return self.store.teams.current()["id"]


@pytest.fixture
def server(server_factory, tmp_path: Path) -> ServerProcess:  # noqa: ANN001, F811
    return server_factory(f"sqlite:///{tmp_path / 'server.db'}")


@pytest.fixture
def laptop_factory(server: ServerProcess, tmp_path: Path) -> Iterator[Callable[..., Laptop]]:
    made: list[Laptop] = []

    def make(team: str = "Join Us Oost", *, email: str | None = None,
             store: Store | None = None) -> Laptop:
        team_id = ensure_team(server.database_url, team)
        if email is None:
            email = f"worker{next(_counter)}@example.org"
            run_admin(server.database_url, "create-user", email, "--name", email.split("@")[0],
                      "--team", team_id)
        code = run_admin(server.database_url, "invite", email)["code"]
        if store is None:
            store, _ = Store.create(tmp_path / f"laptop{len(made)}", PASSPHRASE,
                                    argon2=FAST_ARGON2)
        enroll(store, server.url, code, device_name=f"laptop {len(made)}")
        laptop = Laptop(f"laptop{len(made)}", store, server)
        made.append(laptop)
        laptop.sync()
        return laptop

    yield make
    for laptop in made:
        if not laptop.store.vault.is_locked:
            laptop.store.lock()


def content(store: Store, team_id: str) -> dict[str, dict[str, dict]]:
    """Every record of a team (tombstones included) minus device-local bookkeeping."""
    from joinus_desktop.domain import entities

    out: dict[str, dict[str, dict]] = {}
    for name, spec in entities.ENTITIES.items():
        rows = store.records.find(name, "team_id = ?", (team_id,), include_deleted=True)
        out[name] = {r["id"]: {f: r[f] for f in spec.synced_fields} for r in rows}
    return out
