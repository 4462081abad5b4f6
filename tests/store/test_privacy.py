"""Consent flags, retention due for erasure, and a youngster's records (store/privacy)."""

from __future__ import annotations

import datetime as dt

from joinus_desktop.domain import retention
from joinus_desktop.store import privacy


def _add(store, team, alias, *, birth_year=2010, intake="2026-01-10", **fields):  # noqa: ANN001, ANN003, ANN202
    return store.youngsters.add(team_id=team["id"], alias=alias, intake_date=intake,
                                birth_year=birth_year, **fields).record


def test_consent_flags(store, team) -> None:  # noqa: ANN001
    _add(store, team, "Sam")  # nothing recorded
    noor = _add(store, team, "Noor", birth_year=2012)  # 14 at intake: a parent must consent
    store.youngsters.record_consent(noor["id"], consent_date="2026-01-10", youngster=True,
                                    guardian=False)
    ok = _add(store, team, "Finn", birth_year=2012)
    store.youngsters.record_consent(ok["id"], consent_date="2026-01-10", youngster=True,
                                    guardian=True)
    adult = _add(store, team, "Eva", birth_year=2005)
    store.youngsters.record_consent(adult["id"], consent_date="2026-01-10", youngster=True,
                                    guardian=False)
    refused = _add(store, team, "Omar", birth_year=2005)
    store.youngsters.record_consent(refused["id"], consent_date="2026-01-10", youngster=False,
                                    guardian=False)
    flags = {f.alias: f.reason for f in privacy.consent_flags(store, team["id"])}
    assert flags == {"Sam": "none", "Noor": "guardian", "Omar": "none"}


def test_retention_due_uses_vault_meta(store, team) -> None:  # noqa: ANN001
    old = _add(store, team, "Iris", intake="2023-01-10")
    store.youngsters.exit(old["id"], exit_date="2024-03-31", reason="goals_met")
    recent = _add(store, team, "Jesse", intake="2025-01-10")
    store.youngsters.exit(recent["id"], exit_date="2025-06-01", reason="goals_met")
    _add(store, team, "Luuk")  # never left
    today = dt.date(2026, 4, 1)
    assert privacy.retention_months(store) == 24
    due = privacy.retention_due(store, team["id"], today=today)
    assert [(d.alias, d.erase_after) for d in due] == [("Iris", "2026-03-31")]
    store.set_meta("retention_months", "6")
    assert {d.alias for d in privacy.retention_due(store, team["id"], today=today)} == {
        "Iris", "Jesse"}
    store.set_meta("retention_months", "nonsense")
    assert privacy.retention_months(store) == 24
    store.set_meta("retention_months", "0")  # outside what the server accepts (1-240)
    assert privacy.retention_months(store) == 24


def test_add_months_clamps_to_month_end() -> None:
    assert retention.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert retention.add_months(dt.date(2024, 11, 15), 24) == dt.date(2026, 11, 15)


def test_records_and_audit_of_one_youngster(store, team) -> None:  # noqa: ANN001
    sam = _add(store, team, "Sam")
    other = _add(store, team, "Noor")
    meeting = store.meetings.add(team_id=team["id"], date="2026-02-01").record
    store.meetings.set_attendance(meeting["id"], [sam["id"], other["id"]])
    store.observations.add(team_id=team["id"], youngster_id=sam["id"], date="2026-02-01",
                           behaviour="Sat apart")
    store.audit.record("open", "youngster", sam["id"])
    records = privacy.records_of(store, sam["id"])
    assert [r["alias"] for r in records["youngster"]] == ["Sam"]
    assert len(records["attendance"]) == 1 and len(records["observation"]) == 1
    ids = [r["id"] for rows in records.values() for r in rows]
    assert [a["action"] for a in privacy.audit_about(store, ids)] == ["open"]
    assert privacy.erasure_summary(store, sam["id"])["observation"] == 1
