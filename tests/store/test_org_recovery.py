"""Recovery of a vault with the organisation's private key, when both secrets are lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from joinus_desktop.store.errors import KeyFileTampered, WrongPassphrase
from joinus_desktop.store.org_recovery import (
    OrganisationKeyError,
    generate_keypair,
    recover_keyfile,
)
from joinus_desktop.store.store import Store
from joinus_desktop.store.vault import Vault, VaultPaths
from tests.conftest import FAST_ARGON2, PASSPHRASE


@pytest.fixture(scope="module")
def org_keys() -> tuple[bytes, bytes]:
    return generate_keypair(3072)


def test_recover_with_the_organisation_key(vault_dir: Path, org_keys) -> None:  # noqa: ANN001
    private_pem, public_pem = org_keys
    store, _ = Store.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    team = store.teams.create(name="T", municipality="Zeist").id
    store.youngsters.add(team_id=team, alias="Niet kwijt", intake_date="2026-01-01")
    store.vault.wrap_for_organisation(public_pem)
    store.lock()
    # Passphrase and recovery key are both lost.
    keyfile = VaultPaths(vault_dir).keyfile
    recover_keyfile(keyfile, private_pem, "tijdelijke zin van de organisatie", argon2=FAST_ARGON2)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    with Store.open(vault_dir, "tijdelijke zin van de organisatie") as reopened:
        assert reopened.youngsters.list(team)[0]["alias"] == "Niet kwijt"


def test_wrong_private_key_is_refused_and_changes_nothing(vault_dir: Path, org_keys) -> None:  # noqa: ANN001
    _, public_pem = org_keys
    other_private, _ = generate_keypair(3072)
    vault, _ = Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    vault.wrap_for_organisation(public_pem)
    vault.lock()
    keyfile = VaultPaths(vault_dir).keyfile
    before = keyfile.read_bytes()
    with pytest.raises(OrganisationKeyError, match="does not belong"):
        recover_keyfile(keyfile, other_private, "tijdelijke zin", argon2=FAST_ARGON2)
    with pytest.raises(OrganisationKeyError, match="cannot be read"):
        recover_keyfile(keyfile, b"not a key", "tijdelijke zin", argon2=FAST_ARGON2)
    assert keyfile.read_bytes() == before
    Vault.unlock(vault_dir, PASSPHRASE).lock()


def test_vault_without_organisation_slot(vault_dir: Path, org_keys) -> None:  # noqa: ANN001
    Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)[0].lock()
    with pytest.raises(OrganisationKeyError, match="never wrapped"):
        recover_keyfile(VaultPaths(vault_dir).keyfile, org_keys[0], "tijdelijke zin")


def test_weak_organisation_key_is_refused(vault_dir: Path) -> None:
    _, weak_public = generate_keypair(2048)
    vault, _ = Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    try:
        with pytest.raises(OrganisationKeyError, match="3072"):
            vault.wrap_for_organisation(weak_public)
    finally:
        vault.lock()


def test_swapped_organisation_slot_is_tampering(vault_dir: Path, org_keys, tmp_path) -> None:  # noqa: ANN001
    """The organisation slot is covered by the key file's authentication code."""
    import json

    _, public_pem = org_keys
    vault, _ = Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    vault.wrap_for_organisation(public_pem)
    vault.lock()
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, argon2=FAST_ARGON2)
    other.wrap_for_organisation(public_pem)
    other.lock()
    from tests.store.test_vault import rewrite_keyfile

    foreign = json.loads(VaultPaths(tmp_path / "other").keyfile.read_text())["slots"]
    rewrite_keyfile(VaultPaths(vault_dir).keyfile,
                    lambda d: d["slots"].update(organisation=foreign["organisation"]))
    with pytest.raises(KeyFileTampered):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_a_bad_organisation_key_from_the_server_does_not_stop_sync(store) -> None:  # noqa: ANN001
    from joinus_desktop.sync.engine import apply_organisation_settings

    _, weak_public = generate_keypair(2048)
    apply_organisation_settings(store, {"retention_months": 30,
                                        "organisation_public_key": weak_public.decode()})
    apply_organisation_settings(store, {"organisation_public_key": "not a key"})
    assert store.meta("retention_months") == "30"
    assert "organisation" not in store.vault.keyfile.slots
