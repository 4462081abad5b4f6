"""Issue 12, finding 7: the organisation key is pinned at enrolment.

Through a real ``joinus-server`` process (SQLite and PostgreSQL): a key rotation
signed with the old private key is followed (and the organisation recovers the vault
with the new private key); a key replaced on the server without a signature, or with
a wrong one, is refused, the vault stays wrapped to the pinned key, and the user is
told.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from joinus_desktop.store.keyfile import KeyFile
from joinus_desktop.store.org_key_pin import NO_KEY, pinned_key, refused_key
from joinus_desktop.store.org_key_rotation import sign_rotation
from joinus_desktop.store.org_recovery import (
    OrganisationKeyError,
    fingerprint,
    load_public_key,
    recover_keyfile,
)
from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import enroll
from joinus_server.config import sqlite_url
from tests.conftest import FAST_ARGON2, PASSPHRASE
from tests.server.keys import keypair
from tests.support.postgres import postgres_server, postgres_url  # noqa: F401
from tests.support.server_process import (
    ServerProcess,
    run_admin,
    run_admin_raw,
    subprocess_env,
)

from .conftest import Laptop

RECOVERED = "de organisatie heeft deze kluis hersteld"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, server_factory,  # noqa: ANN001, F811
           tmp_path: Path) -> ServerProcess:
    """Overrides the SQLite-only server of tests/sync/conftest.py: the key lives in the
    server's storage, so both backends are tried."""
    if request.param == "sqlite":
        return server_factory(sqlite_url(tmp_path / "server.db"))
    return server_factory(request.getfixturevalue("postgres_url"))


def fp(public_pem: bytes) -> str:
    return fingerprint(load_public_key(public_pem))


def write_keys(tmp_path: Path, name: str) -> tuple[Path, Path]:
    private, public = keypair(name)
    (tmp_path / f"{name}.key").write_bytes(private)
    (tmp_path / f"{name}.pub").write_bytes(public)
    return tmp_path / f"{name}.key", tmp_path / f"{name}.pub"


def org_slot(store: Store) -> dict:
    """The organisation slot as written on disk (not the in-memory copy)."""
    return KeyFile.read(store.vault.paths.keyfile).slots.get("organisation") or {}


def with_a_youngster(laptop: Laptop) -> str:
    return laptop.store.youngsters.add(team_id=laptop.team, alias="Sam",
                                       intake_date="2026-01-05").id


def test_a_signed_rotation_is_followed_and_the_new_key_recovers_the_vault(
        server: ServerProcess, laptop_factory: Callable[..., Laptop], tmp_path: Path) -> None:
    old_private, old_public = write_keys(tmp_path, "org")
    new_private, new_public = write_keys(tmp_path, "org-2026")
    run_admin(server.database_url, "set-org-key", str(old_public))
    laptop = laptop_factory()
    assert pinned_key(laptop.store) == fp(old_public.read_bytes())
    assert org_slot(laptop.store)["key_id"] == fp(old_public.read_bytes())
    youngster = with_a_youngster(laptop)

    # Signed offline (no database touched), then stored on the server.
    rotation = tmp_path / "rotation.json"
    signed = run_admin(server.database_url, "rotate-org-key", "--old-private-key",
                       str(old_private), "--new-public-key", str(new_public),
                       "--out", str(rotation))
    assert signed["fingerprint"] == fp(new_public.read_bytes())
    stored = run_admin(server.database_url, "rotate-org-key", "--rotation", str(rotation))
    assert stored == {"fingerprint": fp(new_public.read_bytes()),
                      "previous_fingerprint": fp(old_public.read_bytes()), "rotations": 1}

    laptop.sync()
    assert pinned_key(laptop.store) == fp(new_public.read_bytes())
    assert org_slot(laptop.store)["key_id"] == fp(new_public.read_bytes())
    assert refused_key(laptop.store) is None

    # The organisation recovers the vault with the new private key; the old one no longer fits.
    root = laptop.store.vault.paths.root
    laptop.store.lock()
    with pytest.raises(OrganisationKeyError, match="does not belong"):
        recover_keyfile(root / "vault.key", old_private.read_bytes(), RECOVERED,
                        argon2=FAST_ARGON2)
    recover_keyfile(root / "vault.key", new_private.read_bytes(), RECOVERED, argon2=FAST_ARGON2)
    with Store.open(root, RECOVERED) as reopened:
        assert reopened.records.get("youngster", youngster)["alias"] == "Sam"


def test_a_laptop_that_missed_several_rotations_follows_the_chain(
        server: ServerProcess, laptop_factory: Callable[..., Laptop], tmp_path: Path) -> None:
    keys = [write_keys(tmp_path, name) for name in ("org", "org-2026", "org-2027")]
    run_admin(server.database_url, "set-org-key", str(keys[0][1]))
    laptop = laptop_factory()
    # Signed and stored in one step (an organisation whose admin machine reaches the database).
    for (old_private, _), (_, new_public) in zip(keys, keys[1:], strict=False):
        run_admin(server.database_url, "rotate-org-key", "--old-private-key", str(old_private),
                  "--new-public-key", str(new_public))
    laptop.sync()
    assert pinned_key(laptop.store) == fp(keys[2][1].read_bytes())
    assert org_slot(laptop.store)["key_id"] == fp(keys[2][1].read_bytes())
    # A laptop enrolled now pins the current key directly.
    assert pinned_key(laptop_factory().store) == fp(keys[2][1].read_bytes())


def sync_cli(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir", str(root),
                           "sync"], capture_output=True, text=True, timeout=120, check=False,
                          env=subprocess_env({"JOINUS_PASSPHRASE": PASSPHRASE}))


def test_an_unsigned_replacement_is_refused_and_the_user_is_told(
        server: ServerProcess, laptop_factory: Callable[..., Laptop], tmp_path: Path) -> None:
    _, org_public = write_keys(tmp_path, "org")
    mallory_private, mallory_public = write_keys(tmp_path, "mallory")
    run_admin(server.database_url, "set-org-key", str(org_public))
    laptop = laptop_factory()
    pinned = fp(org_public.read_bytes())
    # The admin command will not silently replace a key ...
    refused = run_admin_raw(server.database_url, "set-org-key", str(mallory_public))
    assert refused.returncode == 1 and "rotate-org-key" in refused.stderr
    # ... but whoever controls the server can.
    run_admin(server.database_url, "set-org-key", str(mallory_public), "--replace-unsigned")
    before = org_slot(laptop.store)
    youngster = with_a_youngster(laptop)

    report = laptop.sync()  # the records still flow
    assert report.pushed == 1
    assert refused_key(laptop.store) == fp(mallory_public.read_bytes())
    assert pinned_key(laptop.store) == pinned
    assert org_slot(laptop.store) == before  # still wrapped to the pinned key, untouched

    # Mallory's private key does not open the vault; the organisation's still does.
    root = laptop.store.vault.paths.root
    laptop.store.lock()
    with pytest.raises(OrganisationKeyError, match="does not belong"):
        recover_keyfile(root / "vault.key", mallory_private.read_bytes(), RECOVERED,
                        argon2=FAST_ARGON2)
    done = sync_cli(root)
    assert done.returncode == 0, done.stderr
    assert "WARNING: the organisation server offers a new organisation key" in done.stderr
    assert "Traceback" not in done.stderr
    info = subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir", str(root),
                           "info"], capture_output=True, text=True, timeout=120, check=True,
                          env=subprocess_env({"JOINUS_PASSPHRASE": PASSPHRASE}))
    assert json.loads(info.stdout)["organisation_key"] == {
        "pinned": pinned, "refused": fp(mallory_public.read_bytes())}
    with Store.open(root, PASSPHRASE) as store:
        assert org_slot(store) == before
        assert store.records.get("youngster", youngster)["alias"] == "Sam"


def test_a_wrongly_signed_rotation_is_refused(
        server: ServerProcess, laptop_factory: Callable[..., Laptop], tmp_path: Path) -> None:
    from joinus_server.storage import open_storage

    _, org_public = write_keys(tmp_path, "org")
    mallory_private, _ = write_keys(tmp_path, "mallory")
    _, other_public = write_keys(tmp_path, "other")
    run_admin(server.database_url, "set-org-key", str(org_public))
    laptop = laptop_factory()
    before = org_slot(laptop.store)

    # The admin command checks the signature against the server's current key.
    run_admin(server.database_url, "rotate-org-key", "--old-private-key", str(mallory_private),
              "--new-public-key", str(other_public), "--out", str(tmp_path / "wrong.json"))
    refused = run_admin_raw(server.database_url, "rotate-org-key", "--rotation",
                            str(tmp_path / "wrong.json"))
    assert refused.returncode == 1 and "the server's current organisation key is" \
        in refused.stderr
    forged = sign_rotation(mallory_private.read_bytes(), other_public.read_bytes())
    forged["previous_public_key"] = org_public.read_text()  # claims to come from the pinned key
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    refused = run_admin_raw(server.database_url, "rotate-org-key", "--rotation",
                            str(tmp_path / "forged.json"))
    assert refused.returncode == 1 and "not signed by the previous key" in refused.stderr

    # Written straight into the server's storage, the forgery reaches the laptop anyway.
    storage = open_storage(server.database_url)
    try:
        with storage.write() as tx:
            tx.set_setting("organisation_public_key", other_public.read_text())
            tx.set_setting("organisation_key_rotations", json.dumps([
                forged,
                # signed, but by a key the laptop never trusted
                sign_rotation(mallory_private.read_bytes(), other_public.read_bytes())]))
    finally:
        storage.close()
    laptop.sync()
    assert refused_key(laptop.store) == fp(other_public.read_bytes())
    assert pinned_key(laptop.store) == fp(org_public.read_bytes())
    assert org_slot(laptop.store) == before


def test_no_key_at_enrolment_pins_no_key(
        server: ServerProcess, laptop_factory: Callable[..., Laptop], tmp_path: Path) -> None:
    _, org_public = write_keys(tmp_path, "org")
    laptop = laptop_factory()
    assert pinned_key(laptop.store) == NO_KEY and org_slot(laptop.store) == {}
    run_admin(server.database_url, "set-org-key", str(org_public))  # the first key: allowed
    laptop.sync()
    # A key that appears after enrolment is not trusted on the server's word ...
    assert refused_key(laptop.store) == fp(org_public.read_bytes())
    assert org_slot(laptop.store) == {}
    # ... enrolling again (a new code from the administrator) pins it.
    code = run_admin(server.database_url, "invite", laptop.store.sync.get("user_name")
                     + "@example.org")["code"]
    enroll(laptop.store, server.url, code)
    assert pinned_key(laptop.store) == fp(org_public.read_bytes())
    assert org_slot(laptop.store)["key_id"] == fp(org_public.read_bytes())
    assert refused_key(laptop.store) is None


def test_a_vault_enrolled_before_pinning_pins_the_key_it_is_wrapped_to(
        server: ServerProcess, laptop_factory: Callable[..., Laptop], tmp_path: Path) -> None:
    _, org_public = write_keys(tmp_path, "org")
    _, mallory_public = write_keys(tmp_path, "mallory")
    run_admin(server.database_url, "set-org-key", str(org_public))
    laptop = laptop_factory()
    laptop.store.set_meta("org_key.pin", None)  # as an older version left it
    run_admin(server.database_url, "set-org-key", str(mallory_public), "--replace-unsigned")
    laptop.sync()
    assert pinned_key(laptop.store) == fp(org_public.read_bytes())
    assert org_slot(laptop.store)["key_id"] == fp(org_public.read_bytes())
    assert refused_key(laptop.store) == fp(mallory_public.read_bytes())
