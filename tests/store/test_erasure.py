"""Erasing a youngster purges their content everywhere on this device."""

from __future__ import annotations

import os
from pathlib import Path

from joinus_desktop.store.store import Store
from tests.conftest import PASSPHRASE


def test_erasure_purges_content_and_keeps_the_fact(vault_dir: Path, store, team) -> None:  # noqa: ANN001
    y = store.youngsters.add(team_id=team["id"], alias="Wis-mij", intake_date="2026-01-01").id
    keep = store.youngsters.add(team_id=team["id"], alias="Blijf", intake_date="2026-01-01").id
    m = store.meetings.add(team_id=team["id"], date="2026-01-05", notes="Groepsavond").id
    store.meetings.set_attendance(m, [y, keep])
    store.observations.add(team_id=team["id"], youngster_id=y, date="2026-01-05",
                           behaviour="erase-canary-behaviour")
    c = store.challenges.add(team_id=team["id"], youngster_id=y, title="erase-canary-title").id
    store.challenges.add_attempt(challenge_id=c, date="2026-01-05", what_happened="poging")
    store.questionnaires.record(youngster_id=y, date="2026-01-05", answers={
        i.id: 3 for i in store.instruments.default().items})
    store.drafts.save(f"observation:{y}", {"behaviour": "half getypt"})
    store.drafts.save("meeting:new", {"attendees": [y, keep], "notes": "over de groep"})
    store.drafts.save("meeting:other", {"attendees": [keep], "notes": "blijft"})

    # A refused change about the youngster, kept with its values for review.
    from joinus_desktop.sync.protocol import ChangeResult

    batch = store.sync.outbox_batch(1000)
    results = [ChangeResult(i, c.id, "rejected", "invalid_record", "test")
               for i, c in enumerate(batch.changes) if c.id == y]
    store.sync.acknowledge(batch, results)
    assert any(q["record_id"] == y for q in store.sync.quarantined())
    store.observations.add(team_id=team["id"], youngster_id=keep, date="2026-01-06",
                           behaviour="na de weigering")

    removed = store.erasure.erase_youngster(y)
    assert not any(q["record_id"] == y for q in store.sync.quarantined())
    assert removed == 6  # youngster, attendance, observation, challenge, attempt, response
    assert store.erasure.is_erased(y)
    assert store.meetings.attendee_ids(m) == {keep}
    assert store.drafts.load(f"observation:{y}") is None
    assert store.drafts.load("meeting:new") is None
    assert store.drafts.load("meeting:other") == {"attendees": [keep], "notes": "blijft"}
    ids_in_outbox = {r["record_id"] for r in store.db.query("SELECT record_id FROM outbox")}
    assert y not in ids_in_outbox and ids_in_outbox  # the later observation still waits
    assert store.erasure.unreported()[0]["youngster_id"] == y
    store.lock()

    with Store.open(vault_dir, PASSPHRASE) as reopened:
        assert reopened.youngsters.list(team["id"])[0]["alias"] == "Blijf"
        for table in ("youngster", "observation", "challenge", "challenge_attempt",
                      "questionnaire_response", "attendance"):
            rows = reopened.db.query(f"SELECT * FROM {table}")
            assert all(y not in map(str, row.values()) for row in rows), table
        # No stray WAL holding old page images after the checkpoint.
    wal = vault_dir / "vault.db-wal"
    assert not wal.exists() or os.path.getsize(wal) == 0


def test_the_confirmation_counts_exactly_what_the_erasure_removes(store, team) -> None:  # noqa: ANN001
    from joinus_desktop.store import privacy

    y = store.youngsters.add(team_id=team["id"], alias="Wis-mij", intake_date="2026-01-01").id
    c = store.challenges.add(team_id=team["id"], youngster_id=y, title="Iets vragen").id
    store.challenges.add_attempt(challenge_id=c, date="2026-01-05", what_happened="poging")
    # An attempt that reached this laptop without its youngster field (found by challenge),
    # and a conflict about the youngster's record: both go, so both are counted.
    with store.db.write() as db:
        db.execute("INSERT INTO challenge_attempt (id, team_id, challenge_id, date, "
                   "what_happened, deleted, versions) VALUES (?, ?, ?, '2026-01-06', 'x', 0, "
                   "'{}')", ("01a00000-0000-7000-8000-000000000001", team["id"], c))
        db.execute("INSERT INTO conflict (id, team_id, entity, record_id, field, deleted, "
                   "versions) VALUES (?, ?, 'youngster', ?, 'alias', 0, '{}')",
                   ("01a00000-0000-7000-8000-000000000002", team["id"], y))
    summary = privacy.erasure_summary(store, y)
    assert summary["challenge_attempt"] == 2 and summary["conflict"] == 1
    assert store.erasure.erase_youngster(y) == sum(summary.values()) == 5
    assert privacy.erasure_summary(store, y) == dict.fromkeys(summary, 0)
