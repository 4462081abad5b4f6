"""Privacy queries: missing consent, youngsters due for erasure, a youngster's records.

Qt-free; the UI calls these on the store worker. Consent rules (design §1): the
youngster consents, and under 16 at intake a parent or guardian consents too.
Retention starts at exit and lasts ``retention_months`` (vault meta, filled by the
sync engine from the server; 24 months when unset).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import entities
from ..domain.retention import DEFAULT_RETENTION_MONTHS, RETENTION_KEY, erase_after, valid_months
from .database import placeholders
from .records import decode_row

if TYPE_CHECKING:
    from .store import Store

GUARDIAN_AGE = 16  # below this age at intake a parent or guardian consents too


@dataclass(frozen=True)
class ConsentFlag:
    youngster_id: str
    alias: str
    reason: str  # "none": no consent of the youngster; "guardian": a parent's is missing


@dataclass(frozen=True)
class RetentionDue:
    youngster_id: str
    alias: str
    exit_date: str
    erase_after: str  # ISO date the retention period ended


def age_at_intake(youngster: dict[str, Any]) -> int | None:
    year, intake = youngster.get("birth_year"), youngster.get("intake_date")
    if not year or not intake:
        return None
    return dt.date.fromisoformat(intake[:10]).year - int(year)


def consent_problem(youngster: dict[str, Any]) -> str | None:
    """Why consent is incomplete ("none", "guardian"), or None when it is recorded."""
    if not youngster.get("consent_date") or not youngster.get("consent_youngster"):
        return "none"
    age = age_at_intake(youngster)
    if age is not None and age < GUARDIAN_AGE and not youngster.get("consent_guardian"):
        return "guardian"
    return None


def consent_flags(store: Store, team_id: str) -> list[ConsentFlag]:
    """Youngsters of the team whose consent is not (fully) recorded, by alias."""
    flags = []
    for y in store.youngsters.list(team_id):
        reason = consent_problem(y)
        if reason:
            flags.append(ConsentFlag(y["id"], y["alias"], reason))
    return flags


def retention_months(store: Store) -> int:
    """The organisation's retention period as last received (the default until then)."""
    raw = store.meta(RETENTION_KEY)
    try:
        months = int(raw) if raw is not None else DEFAULT_RETENTION_MONTHS
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
    return months if valid_months(months) else DEFAULT_RETENTION_MONTHS


def retention_due(store: Store, team_id: str, *, today: dt.date | None = None
                  ) -> list[RetentionDue]:
    """Exited youngsters whose exit date plus the retention period has passed."""
    today = today or store.today()
    months = retention_months(store)
    due = []
    for y in store.youngsters.list(team_id, status="exited"):
        if not y.get("exit_date"):
            continue
        end = erase_after(dt.date.fromisoformat(y["exit_date"][:10]), months)
        if end <= today:
            due.append(RetentionDue(y["id"], y["alias"], y["exit_date"], end.isoformat()))
    return sorted(due, key=lambda d: d.erase_after)


def erasure_summary(store: Store, youngster_id: str) -> dict[str, int]:
    """How many records of each kind erasing the youngster removes (for the confirmation)."""
    return {name: len(ids) for name, ids in store.erasure.tied_records(youngster_id).items()}


def records_of(store: Store, youngster_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every stored record tied to the youngster, by entity (deleted ones included:
    they are still held until erasure), with system fields."""
    result: dict[str, list[dict[str, Any]]] = {}
    for spec in entities.ENTITIES.values():
        if spec.youngster_field is None:
            continue
        rows = store.db.query(
            f"SELECT * FROM [{spec.table}] WHERE [{spec.youngster_field}] = ? ORDER BY id",
            (youngster_id,))
        result[spec.name] = [decode_row(spec, r) for r in rows]
    return result


def conflicts_about(store: Store, record_ids: list[str]) -> list[dict[str, Any]]:
    if not record_ids:
        return []
    marks = placeholders(len(record_ids))
    rows = store.db.query(f"SELECT * FROM conflict WHERE record_id IN ({marks}) ORDER BY id",
                          tuple(record_ids))
    return [decode_row(entities.entity("conflict"), r) for r in rows]


def audit_about(store: Store, record_ids: list[str]) -> list[dict[str, Any]]:
    """Audit entries naming any of the records (ids only: the log holds no content)."""
    if not record_ids:
        return []
    marks = placeholders(len(record_ids))
    rows = store.db.query(f"SELECT * FROM audit_log WHERE record_id IN ({marks}) ORDER BY seq",
                          tuple(record_ids))
    for row in rows:
        row["detail"] = json.loads(row["detail"]) if row.get("detail") else None
    return rows


def meeting_dates(store: Store, meeting_ids: list[str]) -> dict[str, str]:
    if not meeting_ids:
        return {}
    marks = placeholders(len(meeting_ids))
    rows = store.db.query(f"SELECT id, date FROM meeting WHERE id IN ({marks})",
                          tuple(meeting_ids))
    return {r["id"]: r["date"] for r in rows}
