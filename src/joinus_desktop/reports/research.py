"""Pseudonymised scores for the organisation's research: no names, no notes.

One row per questionnaire response in force. A youngster is named by a pseudonym:
HMAC-SHA256 of their id under a random secret kept in this vault's meta,
truncated. The same vault gives the same pseudonym in every export (so exports can
be joined over time); without the vault it cannot be traced back to the id.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
from typing import TYPE_CHECKING, Any

from ..store.privacy import age_at_intake
from ..store.questionnaires import in_force

if TYPE_CHECKING:
    from ..store.store import Store

SECRET_KEY = "research_pseudonym_secret"
PSEUDONYM_HEX = 16  # 64 bits: no collisions in a programme's lifetime, short to read


def pseudonym_secret(store: Store) -> bytes:
    value = store.meta(SECRET_KEY)
    if value is None:
        value = secrets.token_hex(32)
        store.set_meta(SECRET_KEY, value)
    return bytes.fromhex(value)


def pseudonym(secret: bytes, kind: str, record_id: str) -> str:
    # The kind is in the message, so a team and a youngster never share a pseudonym.
    digest = hmac.new(secret, f"{kind}:{record_id}".encode(), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_HEX]


def research_rows(store: Store) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of every response in force, of every team in this vault."""
    secret = pseudonym_secret(store)
    youngsters = {y["id"]: y for y in store.records.find("youngster")}
    teams = {t["id"]: t for t in store.records.find("team")}
    responses = [r for r in store.records.find("questionnaire_response", in_force(),
                                               order_by="date, id")
                 if r["youngster_id"] in youngsters]
    default = store.instruments.default()
    scale_ids = [s.id for s in default.scales]
    for r in responses:  # scales of other instruments after the default's
        scale_ids += [s for s in sorted(r.get("scores") or {}) if s not in scale_ids]
    header = ["pseudonym", "team_pseudonym", "age_group", "age_at_intake", "moment",
              "year_month", "instrument_id", "instrument_version", *scale_ids]
    rows = []
    for r in responses:
        y = youngsters[r["youngster_id"]]
        team = teams.get(r["team_id"]) or {}
        scores = r.get("scores") or {}
        rows.append([
            pseudonym(secret, "youngster", y["id"]),
            pseudonym(secret, "team", r["team_id"]),
            team.get("age_group") or "",
            age_at_intake(y) if age_at_intake(y) is not None else "",
            r["moment"], r["date"][:7], r["instrument_id"], r["instrument_version"],
            *[("" if scores.get(s) is None else round(float(scores[s]), 3)) for s in scale_ids],
        ])
    return header, rows


def research_csv(store: Store) -> bytes:
    header, rows = research_rows(store)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
