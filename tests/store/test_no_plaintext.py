"""Nothing written through the store may appear in plain text on disk."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

from joinus_desktop.store.store import Store
from tests.conftest import FAST_ARGON2, PASSPHRASE


def files_under(root: Path) -> list[Path]:
    return [Path(d) / f for d, _, names in os.walk(root) for f in names]


def assert_absent(root: Path, canaries: list[str]) -> int:
    files = files_under(root)
    assert files, "nothing was written at all"
    for path in files:
        data = path.read_bytes()
        for canary in canaries:
            for encoded in (canary.encode("utf-8"), canary.encode("utf-16-le")):
                assert encoded not in data, f"{canary!r} found in {path.name}"
    return len(files)


@pytest.mark.parametrize("close_first", [False, True], ids=["while-open", "after-close"])
def test_canaries_never_reach_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   close_first: bool) -> None:
    # SQLite would put temporary files here if it ever spilled to disk.
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("SQLITE_TMPDIR", str(tmp_path))
    canaries = [f"canary-{secrets.token_hex(8)}" for _ in range(8)]
    root = tmp_path / "profile"
    store, recovery = Store.create(root, PASSPHRASE, argon2=FAST_ARGON2)
    team = store.teams.create(name=canaries[0], municipality="Utrecht").record
    y = store.youngsters.add(team_id=team["id"], alias=canaries[1], intake_date="2026-03-01")
    m = store.meetings.add(team_id=team["id"], date="2026-03-05", notes=canaries[2])
    store.observations.add(team_id=team["id"], youngster_id=y.id, date="2026-03-05",
                           meeting_id=m.id, behaviour=canaries[3], context="x" * 3000 + canaries[4])
    challenge = store.challenges.add(team_id=team["id"], youngster_id=y.id, title=canaries[5])
    store.challenges.add_attempt(challenge_id=challenge.id, date="2026-03-05",
                                 what_happened=canaries[6])
    store.drafts.save("meeting:new", {"notes": canaries[7]})
    # Enough data to force page splits and a sort that could spill to a temp file.
    store.observations.add_many(team_id=team["id"], observations=[
        {"youngster_id": y.id, "date": "2026-03-05", "behaviour": f"{canaries[3]} {i}"}
        for i in range(2000)])
    store.db.query("SELECT behaviour FROM observation ORDER BY behaviour DESC")
    try:
        if close_first:
            store.lock()
        assert_absent(tmp_path, [*canaries, PASSPHRASE, recovery, recovery.replace("-", "")])
    finally:
        if not store.vault.is_locked:
            store.lock()
    # And the data is really there, behind the key.
    with Store.open(root, PASSPHRASE) as reopened:
        assert reopened.youngsters.get(y.id)["alias"] == canaries[1]


def test_the_scan_does_find_plain_text(tmp_path: Path) -> None:
    """The check above can fail: an unencrypted SQLite file with a canary is caught."""
    import sqlite3

    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('canary-plain')")
    conn.commit()
    conn.close()
    with pytest.raises(AssertionError, match="canary-plain"):
        assert_absent(tmp_path, ["canary-plain"])
