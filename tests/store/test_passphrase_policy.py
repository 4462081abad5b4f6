"""Issue 12, finding 11 (first half): one strength rule (zxcvbn) wherever a passphrase is set.

`12345678` used to be accepted. It is refused now by creating a vault, changing the
passphrase, recovering with the recovery key, the organisation's recovery and the CLI.
A vault whose passphrase was set before the rule still opens with it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from joinus_desktop.store.errors import WeakPassphrase
from joinus_desktop.store.passphrase_policy import MIN_SCORE, Weakness, rate
from joinus_desktop.store.vault import Vault, VaultPaths, wrap_passphrase

from ..conftest import FAST_ARGON2, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
WEAK = "12345678"


@pytest.mark.parametrize("weak, why", [
    ("12345678", Weakness.COMMON_PASSWORD),
    ("wachtwoord1", Weakness.APP_WORDS),
    ("joinus2026", Weakness.APP_WORDS),
    ("aaaaaaaaaaaa", Weakness.REPEAT),
    ("qwertyuiop", Weakness.COMMON_PASSWORD),
    ("zxcvbnm,./", Weakness.KEYBOARD),
    ("abcdefghijk", Weakness.SEQUENCE),
    ("01-02-1990x", Weakness.DATES),
    ("kort", Weakness.TOO_SHORT),
    ("", Weakness.TOO_SHORT),
])
def test_weak_passphrases_are_refused_with_their_reason(weak: str, why: Weakness) -> None:
    rating = rate(weak)
    assert not rating.acceptable and rating.weakness is why
    assert "too weak" in rating.english()


def test_a_few_unrelated_words_pass() -> None:
    for good in ("paard batterij nietje correct", "kachel wolk fietsbel oranje"):
        assert rate(good).acceptable and rate(good).score >= MIN_SCORE


def test_very_long_passphrases_are_rated_without_error() -> None:
    assert rate("lang " * 100).score >= 0  # zxcvbn refuses > 72 characters itself


def test_the_demo_and_fixture_passphrases_meet_the_rule() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo = re.search(r"^DEMO_PASSPHRASE \?= (.+)$", makefile, re.MULTILINE).group(1).strip()
    # Read, not imported: store tests do not load Qt.
    screenshots = (ROOT / "src/joinus_desktop/ui/screenshots.py").read_text(encoding="utf-8")
    SCREENSHOTS = re.search(r'^PASSPHRASE = "(.+)"$', screenshots, re.MULTILINE).group(1)  # noqa: N806
    from ..cli.test_cli import PASS as CLI
    from ..store.test_demo import PASSPHRASE as DEMO_TESTS
    from ..sync.test_cli_sync import PASS as SYNC_CLI
    from ..ui.conftest import PASS as UI

    assert demo == SCREENSHOTS
    for passphrase in (demo, PASSPHRASE, UI, CLI, SYNC_CLI, DEMO_TESTS):
        assert rate(passphrase).acceptable, passphrase


def test_create_change_and_recover_refuse_a_weak_passphrase(vault_dir: Path) -> None:
    with pytest.raises(WeakPassphrase) as refused:
        Vault.create(vault_dir, WEAK, argon2=FAST_ARGON2)
    assert refused.value.rating.weakness is Weakness.COMMON_PASSWORD
    assert not VaultPaths(vault_dir).exists()

    vault, recovery = Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    try:
        with pytest.raises(WeakPassphrase):
            vault.change_passphrase(WEAK, argon2=FAST_ARGON2)
    finally:
        vault.lock()
    with pytest.raises(WeakPassphrase):
        Vault.recover(vault_dir, recovery, WEAK, argon2=FAST_ARGON2)
    Vault.unlock(vault_dir, PASSPHRASE).lock()  # nothing was changed


def test_organisation_recovery_refuses_a_weak_passphrase(vault_dir: Path, tmp_path: Path) -> None:
    from joinus_desktop.store.org_recovery import generate_keypair, recover_keyfile

    private_pem, public_pem = generate_keypair(3072)
    vault, _ = Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    vault.wrap_for_organisation(public_pem)
    vault.lock()
    with pytest.raises(WeakPassphrase):
        recover_keyfile(VaultPaths(vault_dir).keyfile, private_pem, WEAK, argon2=FAST_ARGON2)


def test_an_old_weak_passphrase_still_unlocks(vault_dir: Path) -> None:
    """The rule is for setting a passphrase; a vault from before it must still open."""
    vault, _ = Vault.create(vault_dir, PASSPHRASE, argon2=FAST_ARGON2)
    data_key = bytes(vault._key or b"")
    wrap_passphrase(vault.keyfile, WEAK, data_key, FAST_ARGON2)  # as an older version did
    vault.keyfile.seal(data_key)
    vault.keyfile.write(vault.paths.keyfile)
    vault.lock()
    Vault.unlock(vault_dir, WEAK).lock()


def _cli(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "joinus_desktop", "--data-dir", str(root), *args],
                          env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def test_cli_init_and_change_passphrase_refuse_a_weak_passphrase(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    result = _cli(root, "init", JOINUS_PASSPHRASE=WEAK)
    assert result.returncode == 1
    assert "too weak" in result.stderr and "common password" in result.stderr
    assert "Traceback" not in result.stderr
    assert not VaultPaths(root).exists()

    assert _cli(root, "init", JOINUS_PASSPHRASE=PASSPHRASE).returncode == 0
    result = _cli(root, "change-passphrase", JOINUS_PASSPHRASE=PASSPHRASE,
                  JOINUS_NEW_PASSPHRASE="qwertyuiop")
    assert result.returncode == 1 and "too weak" in result.stderr
    assert _cli(root, "info", JOINUS_PASSPHRASE=PASSPHRASE).returncode == 0
