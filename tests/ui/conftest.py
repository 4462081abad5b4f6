"""GUI fixtures: a demo vault on disk, and an open store on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from joinus_desktop.store.keyfile import Argon2Params
from joinus_desktop.store.store import Store

FAST = Argon2Params(memory_kib=64 * 1024, iterations=1, lanes=1)
PASS = "correct horse battery staple"


def _fill(store: Store) -> None:
    from joinus_desktop.demo import fill_demo

    fill_demo(store, seed=1, size="small")


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    """A locked vault with the small demo group in it."""
    root = tmp_path / "profile"
    store, _ = Store.create(root, PASS, argon2=FAST)
    try:
        _fill(store)
    finally:
        store.lock()
    return root


@pytest.fixture
def demo_store(demo_dir: Path, qapp) -> Iterator[Store]:  # noqa: ANN001
    from joinus_desktop.ui import tasks

    store = Store.open(demo_dir, PASS)
    try:
        yield store
    finally:
        tasks.wait_for_idle()
        qapp.processEvents()
        if not store.vault.is_locked:
            store.lock()


@pytest.fixture(scope="session", autouse=True)
def _guard_singletons() -> None:
    """The app does this in make_app; the model tester hammers the affected path."""
    from joinus_desktop.ui.compat import guard_singletons

    guard_singletons()


@pytest.fixture(autouse=True)
def english(qapp) -> None:  # noqa: ANN001
    """Tests read English strings and English domain terms."""
    from joinus_desktop.ui.i18n import set_language

    set_language("en")
