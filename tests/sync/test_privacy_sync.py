"""The privacy lifecycle across laptops and the server (issue 6, sync side)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from joinus_desktop.store.store import Store
from joinus_desktop.store.vault import VaultPaths
from tests.server.keys import keypair
from tests.support.server_process import run_admin


def test_erasure_on_one_laptop_reaches_a_laptop_offline_for_a_month(laptop_factory) -> None:  # noqa: ANN001
    a, b = laptop_factory(), laptop_factory()
    y = a.store.youngsters.add(team_id=a.team, alias="Vergeet mij", intake_date="2025-09-01",
                               status="active").id
    keep = a.store.youngsters.add(team_id=a.team, alias="Blijft", intake_date="2025-09-01").id
    a.store.observations.add(team_id=a.team, youngster_id=y, date="2025-10-01",
                             behaviour="gevoelig")
    a.sync(), b.sync()
    assert b.store.youngsters.get(y)["alias"] == "Vergeet mij"
    # b goes offline; meanwhile, a month of work and the erasure happen on a.
    a.store.erasure.erase_youngster(y)
    for week in range(4):
        a.store.meetings.add(team_id=a.team, date=str(dt.date(2025, 11, 3) + dt.timedelta(7 * week)))
    report = a.sync()
    assert report.erasures_reported == 1 and a.store.erasure.unreported() == []
    receipt = run_admin(a.server.database_url, "erasure-receipt", y)
    assert receipt  # the server knows and can tell the administrator
    b.sync()
    assert [r["alias"] for r in b.store.youngsters.list(b.team)] == ["Blijft"]
    assert b.store.observations.for_youngster(y) == []
    assert b.store.erasure.is_erased(y)
    assert b.store.youngsters.get(keep)["alias"] == "Blijft"


def test_audit_log_reaches_the_server_without_content(laptop_factory, tmp_path: Path) -> None:  # noqa: ANN001
    from joinus_desktop.store.exchange import export_file

    a = laptop_factory()
    y = a.store.youngsters.add(team_id=a.team, alias="Geheime naam", intake_date="2025-09-01").id
    a.store.audit.record("open", "youngster", y)
    export_file(a.store, tmp_path / "export.json")
    a.sync()
    entries = run_admin(a.server.database_url, "audit", "--record", y)
    assert any(e.get("source") == "device" and e.get("action") == "open" for e in entries)
    all_entries = run_admin(a.server.database_url, "audit")
    assert "Geheime naam" not in str(all_entries)
    a.sync()  # nothing new: nothing sent twice
    assert len(run_admin(a.server.database_url, "audit", "--record", y)) == \
        len(entries)


def test_enrolment_wraps_the_vault_to_the_organisation_key_for_recovery(  # noqa: ANN001
        server, laptop_factory, tmp_path: Path) -> None:
    private_pem, public_pem = keypair()
    (tmp_path / "org.pub").write_bytes(public_pem)
    (tmp_path / "org.key").write_bytes(private_pem)
    run_admin(server.database_url, "set-org-key", str(tmp_path / "org.pub"))
    run_admin(server.database_url, "set-retention", "36")
    a = laptop_factory()
    assert a.store.meta("retention_months") == "36"
    assert "organisation" in a.store.vault.keyfile.slots
    y = a.store.youngsters.add(team_id=a.team, alias="Niet verloren", intake_date="2026-01-05").id
    root = a.store.vault.paths.root
    a.store.lock()
    # Passphrase and recovery key both lost: the organisation recovers offline.
    result = subprocess.run(
        [sys.executable, "-m", "joinus_server", "admin", "recover-vault",
         str(VaultPaths(root).keyfile), "--private-key", str(tmp_path / "org.key")],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "JOINUS_NEW_PASSPHRASE": "tijdelijk van de organisatie"})
    assert result.returncode == 0, result.stderr
    with Store.open(root, "tijdelijk van de organisatie") as recovered:
        assert recovered.youngsters.get(y)["alias"] == "Niet verloren"
    a.store = Store.open(root, "tijdelijk van de organisatie")  # the fixture locks it at the end


def test_an_erasure_is_confirmed_only_once_the_laptop_applied_it(laptop_factory) -> None:  # noqa: ANN001
    """Asking for the page after a purge confirms it: the laptop must not ask ahead."""
    import time

    import pytest

    a, b = laptop_factory(), laptop_factory()
    y = a.store.youngsters.add(team_id=a.team, alias="Vergeet mij", intake_date="2025-09-01",
                               status="active").id
    a.sync(), b.sync()
    a.store.erasure.erase_youngster(y)
    a.sync()
    for week in range(4):  # entries after the purge, so there is a next page to ask for
        day = dt.date(2025, 11, 3) + dt.timedelta(7 * week)
        a.store.meetings.add(team_id=a.team, date=str(day))
    a.sync()

    applying = b.store.sync.apply_page

    def disk_full_at_the_purge(changes, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if any(c.kind == "purge" for c in changes):
            time.sleep(0.5)  # time enough for a request ahead to reach the server
            raise OSError("disk full")
        return applying(changes, **kwargs)

    b.store.sync.apply_page = disk_full_at_the_purge  # type: ignore[method-assign]
    with pytest.raises(OSError):
        b.sync(pull_limit=1)
    assert b.store.youngsters.get(y)["alias"] == "Vergeet mij"  # not applied, so …
    receipt = run_admin(a.server.database_url, "erasure-receipt", y)
    assert b.store.sync.get("server_device_id") not in {
        d["device_id"] for d in receipt["devices"] if d["confirmed"]}  # … not confirmed
    b.store.sync.apply_page = applying  # type: ignore[method-assign]
    b.sync()
    assert b.store.erasure.is_erased(y)
    b.sync()  # its next pull starts past the purge: now it is confirmed
    receipt = run_admin(a.server.database_url, "erasure-receipt", y)
    assert b.store.sync.get("server_device_id") in {
        d["device_id"] for d in receipt["devices"] if d["confirmed"]}
