"""Issue 12, finding 10: the profile folder is 0700, every file in it and every export 0600.

The umask is opened wide (0000) in these tests: the modes must come from the app, not
from a careful umask. A file that would be 0644 or 0666 without the fix fails here.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from joinus_desktop import logs
from joinus_desktop.store.files import write_atomically
from joinus_desktop.store.store import Store
from joinus_desktop.store.vault import VaultPaths

from ..conftest import FAST_ARGON2, PASSPHRASE

pytestmark = pytest.mark.skipif(
    os.name != "posix",
    reason="file modes are POSIX; on Windows the user's profile folder is private by its ACLs")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def lax_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_vault_is_private(tmp_path: Path) -> None:
    root = tmp_path / "profiles" / "default"
    store, _ = Store.create(root, PASSPHRASE, argon2=FAST_ARGON2)
    try:
        store.teams.create(name="Groep", municipality="Utrecht")  # the WAL has content
        paths = store.vault.paths
        wal = paths.database.with_name("vault.db-wal")
        shm = paths.database.with_name("vault.db-shm")
        assert wal.exists() and shm.exists()
        assert mode(root) == 0o700
        assert mode(root.parent) == 0o700  # created by the app, so private too
        for path in (paths.keyfile, paths.database, wal, shm, paths.lockfile):
            assert mode(path) == 0o600, path.name
        assert not any(p.name.endswith(".part") for p in root.iterdir())
    finally:
        store.lock()


def test_an_existing_parent_keeps_its_mode(tmp_path: Path) -> None:
    from joinus_desktop.store.files import make_private_dir

    os.chmod(tmp_path, 0o755)
    make_private_dir(tmp_path / "profile")
    assert mode(tmp_path) == 0o755
    assert mode(tmp_path / "profile") == 0o700


def test_an_old_open_profile_is_tightened_when_opened(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    store, _ = Store.create(root, PASSPHRASE, argon2=FAST_ARGON2)
    paths = store.vault.paths
    store.lock()
    logs_dir = paths.logs
    logs_dir.mkdir()
    (logs_dir / "joinus-desktop.log").write_text("old\n")
    # As an older version left it: everything readable by every account.
    for path in (root, logs_dir):
        os.chmod(path, 0o755)
    for path in (paths.keyfile, paths.database, paths.lockfile, logs_dir / "joinus-desktop.log"):
        os.chmod(path, 0o644)
    unrelated = root / "notes-of-the-user.txt"  # --data-dir may hold other files: not ours
    unrelated.write_text("x")
    os.chmod(unrelated, 0o644)

    with Store.open(root, PASSPHRASE):
        assert mode(root) == 0o700 and mode(logs_dir) == 0o700
        for path in (paths.keyfile, paths.database, paths.lockfile,
                     logs_dir / "joinus-desktop.log"):
            assert mode(path) == 0o600, path.name
        for suffix in ("-wal", "-shm"):
            side = paths.database.with_name("vault.db" + suffix)
            if side.exists():
                assert mode(side) == 0o600
    assert mode(unrelated) == 0o644


def test_changing_the_passphrase_keeps_the_key_file_private(store: Store) -> None:
    store.vault.change_passphrase("een heel andere lange zin", argon2=FAST_ARGON2)
    assert mode(store.vault.paths.keyfile) == 0o600


def test_log_files_are_private_also_after_rotation(tmp_path: Path) -> None:
    before = list(logging.getLogger().handlers)
    path = logs.configure(tmp_path / "profile")
    try:
        handler = next(h for h in logging.getLogger().handlers if h not in before)
        logging.getLogger("joinus_desktop.test").warning("one line")
        handler.flush()
        assert mode(tmp_path / "profile") == 0o700
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("joinus_desktop.test").warning("after rotation")
        handler.flush()
        assert mode(path) == 0o600
        assert mode(path.with_name(path.name + ".1")) == 0o600
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_an_export_replaces_a_readable_file_with_a_private_one(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o600


def test_full_export_and_report_exports_are_private(store: Store, team: dict,
                                                    tmp_path: Path) -> None:
    from joinus_desktop.reports.exports import write_export
    from joinus_desktop.store.exchange import export_file

    export_file(store, tmp_path / "all.json")
    assert mode(tmp_path / "all.json") == 0o600
    for kind in ("pdf", "csv", "png", "json"):
        path = write_export(store, tmp_path / f"report.{kind}", b"%PDF-1.4 ...", entity="team",
                            record_id=team["id"], kind=kind, what="test")
        assert mode(path) == 0o600, kind


def test_the_cli_export_and_init_are_private(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = tmp_path / "cli-profile"
    env = {**os.environ, "JOINUS_PASSPHRASE": PASSPHRASE}
    # umask 0000 is inherited by the child: the modes must come from the app.
    subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir", str(root), "init"],
                   env=env, check=True, capture_output=True, timeout=120)
    subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir", str(root), "export",
                    str(tmp_path / "out.json")], env=env, check=True, capture_output=True,
                   timeout=120)
    assert mode(root) == 0o700
    assert mode(VaultPaths(root).keyfile) == 0o600
    assert mode(VaultPaths(root).database) == 0o600
    assert mode(tmp_path / "out.json") == 0o600
