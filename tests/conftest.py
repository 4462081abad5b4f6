"""Shared fixtures. GUI tests run offscreen; core tests never start Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Vaults in tests use the floor of the allowed Argon2id cost (64 MiB), so the
# suite stays fast; the default cost is exercised by the CLI and vault tests.
from joinus_desktop.store.keyfile import Argon2Params  # noqa: E402

FAST_ARGON2 = Argon2Params(memory_kib=64 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(vault_dir: Path) -> Iterator["Store"]:  # noqa: F821
    from joinus_desktop.store.store import Store

    store, _ = Store.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    try:
        yield store
    finally:
        if not store.vault.is_locked:
            store.lock()


@pytest.fixture
def team(store) -> dict:  # noqa: ANN001
    return store.teams.create(name="Join Us Utrecht-Oost", municipality="Utrecht",
                              age_group="12-18").record
