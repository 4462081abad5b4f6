"""Colleagues' names reach the laptop's vault through a real server, on both backends.

The conflict view names the author of a version; the laptop learns names from
``GET /api/v1/members`` during sync, and only those of its own teams.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from joinus_desktop.store.members import member_names, parse_members
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, enroll
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.support.postgres import postgres_server, postgres_url  # noqa: F401
from tests.support.server_process import ServerProcess, ensure_team, run_admin
from tests.support.syncing import sync

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    made: list[Store] = []

    def make(name: str) -> Store:
        store, _ = Store.create(tmp_path / name, PASSPHRASE, argon2=FAST_ARGON2)
        made.append(store)
        return store

    yield make
    for store in made:
        if not store.vault.is_locked:
            store.lock()


def enrolled(server: ServerProcess, store: Store, email: str, name: str, team: str) -> str:
    team_id = ensure_team(server.database_url, team, in_process=True)
    user = run_admin(server.database_url, "create-user", email, "--name", name,
                     "--team", team_id, in_process=True)
    code = run_admin(server.database_url, "invite", email, in_process=True)["code"]
    enroll(store, server.url, code)
    return str(user["id"])


def test_a_sync_keeps_the_names_of_the_own_teams_members_only(
        server_factory: Callable[..., ServerProcess], database_url: str,  # noqa: F811
        stores: Callable[[str], Store]) -> None:
    server = server_factory(database_url)
    anna_laptop, bram_laptop, carla_laptop = stores("anna"), stores("bram"), stores("carla")
    anna = enrolled(server, anna_laptop, "anna@example.org", "Anna de Vries", "Join Us Oost")
    assert member_names(anna_laptop) == {}  # nothing before the first sync
    bram = enrolled(server, bram_laptop, "bram@example.org", "Bram", "Join Us Oost")
    carla = enrolled(server, carla_laptop, "carla@example.org", "Carla", "Join Us West")

    sync(anna_laptop)
    assert member_names(anna_laptop) == {anna: "Anna de Vries", bram: "Bram"}
    sync(carla_laptop)
    assert member_names(carla_laptop) == {carla: "Carla"}  # another team's names never come

    # A colleague who joins later is known after the next sync; names stay in the vault
    # (encrypted with the records), so they show offline and after a restart.
    dirk = enrolled(server, stores("dirk"), "dirk@example.org", "Dirk", "Join Us Oost")
    sync(anna_laptop)
    assert member_names(anna_laptop)[dirk] == "Dirk"
    root = anna_laptop.vault.paths.root
    anna_laptop.lock()
    reopened = Store.open(root, PASSPHRASE)
    try:
        assert member_names(reopened) == {anna: "Anna de Vries", bram: "Bram", dirk: "Dirk"}
    finally:
        reopened.lock()


def test_names_from_the_server_lose_control_and_bidi_characters() -> None:
    answer = {"members": [
        {"id": "u1", "name": "Anna\u202e\u200b  de\tVries\n"},
        {"id": "u2", "name": "\u2066\u2069"},  # nothing visible: not kept
        {"id": 7, "name": "no id"}, "not an object", {"id": "u3"},
    ]}
    assert parse_members(answer) == {"u1": "Anna de Vries"}
    assert parse_members({"members": "nope"}) == parse_members(None) == {}


def test_a_server_without_the_member_list_keeps_the_names(
        stores: Callable[[str], Store]) -> None:
    """An older server answers 404: the sync succeeds and the names kept stay."""
    import httpx

    from joinus_desktop.store.members import save_members

    store = stores("anna")
    store.sync.set(server_url="http://127.0.0.1:9", token="t", user_id="me")
    save_members(store, {"members": [{"id": "u1", "name": "Anna"}]})

    def old_server(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": {"code": "not_found", "message": "no"}})

    engine = SyncEngine(store)
    engine.client._http = httpx.Client(base_url=engine.client.base_url,
                                       transport=httpx.MockTransport(old_server))
    try:
        engine._note_members()
    finally:
        engine.close()
    assert member_names(store) == {"u1": "Anna"}
