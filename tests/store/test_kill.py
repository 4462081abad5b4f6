"""A process killed mid-write loses nothing it reported saved, and leaves no half write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from joinus_desktop.store.store import Store
from tests.conftest import FAST_ARGON2, PASSPHRASE

WRITER = textwrap.dedent("""
    import sys
    from joinus_desktop.store.store import Store
    store = Store.open(sys.argv[1], sys.argv[2])
    team = store.teams.current()["id"]
    youngster = store.youngsters.list(team)[0]["id"]
    i = 0
    while True:
        rows = [{"youngster_id": youngster, "date": "2026-03-05",
                 "behaviour": f"observatie {i}-{k}"} for k in range(50)]
        saved = store.observations.add_many(team_id=team, observations=rows)
        print(saved[-1].id, flush=True)  # reported only after the commit
        store.youngsters.update(youngster, alias=f"Sam {i}")
        i += 1
""")


def test_kill_9_during_writes(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    store, _ = Store.create(root, PASSPHRASE, argon2=FAST_ARGON2)
    team = store.teams.create(name="Team", municipality="Utrecht").id
    store.youngsters.add(team_id=team, alias="Sam", intake_date="2026-01-01")
    store.lock()

    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(root), PASSPHRASE],
                            stdout=subprocess.PIPE, text=True, env={**os.environ})
    assert proc.stdout is not None
    reported = [proc.stdout.readline().strip() for _ in range(40)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    with Store.open(root, PASSPHRASE) as reopened:
        assert reopened.db.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"
        ids = {r["id"] for r in reopened.db.query("SELECT id FROM observation")}
        assert set(reported) <= ids
        assert len(ids) % 50 == 0  # batches land whole or not at all
        # Every record and every edit has its outbox entry, and nothing else does.
        outbox = reopened.db.query("SELECT entity, count(*) AS n FROM outbox GROUP BY entity")
        counts = {r["entity"]: r["n"] for r in outbox}
        assert counts["observation"] == len(ids)
        alias = reopened.youngsters.list(team)[0]["alias"]
        edits = counts["youngster"] - 1  # minus the insert
        assert alias == ("Sam" if edits == 0 else f"Sam {edits - 1}")
        # Usable afterwards.
        reopened.youngsters.add(team_id=team, alias="Na de crash", intake_date="2026-02-01")
