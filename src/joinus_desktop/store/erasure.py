"""Erasure of a youngster (the right to be forgotten): content purged, the fact kept.

Everything tied to the youngster goes: their record, observations, challenges
and attempts, attendance, questionnaire responses, conflicts about any of those,
unsent outbox entries, refused changes kept for review, and drafts. ``secure_delete`` overwrites the freed pages and
a WAL checkpoint truncates old page images. Other records whose text names the
youngster (another youngster's observation, meeting notes) are not erased: the
erase dialog lists them first (:mod:`.mentions`) so the worker can edit them.
"""

from __future__ import annotations

from typing import Any

from ..domain import entities
from .database import placeholders
from .records import now_iso
from .repository import Repository


class Erasure(Repository):
    def erase_youngster(self, youngster_id: str, *, origin: str = "local") -> int:
        """Purge every record of one youngster; returns how many records went.

        ``origin`` is ``"local"`` (the server must still be told) or ``"server"``
        (a purge event pulled from the server).
        """
        with self.db.write() as db:
            team_rows = db.execute("SELECT team_id FROM youngster WHERE id = ?",
                                   (youngster_id,)).fetchall()
            existing = db.execute("SELECT team_id FROM erasure WHERE youngster_id = ?",
                                  (youngster_id,)).fetchall()
            team_id = team_rows[0][0] if team_rows else (existing[0][0] if existing else None)
            tied = self.tied_records(youngster_id, db)
            erased_ids: set[str] = {youngster_id}  # even when their own row is gone already
            for entity_name, ids in tied.items():
                erased_ids.update(ids)
                id_list = tuple(ids) or ("",)
                db.execute(f"DELETE FROM [{entities.entity(entity_name).table}] WHERE id IN "
                           f"({placeholders(len(id_list))})", id_list)
            id_list = tuple(erased_ids)
            marks = placeholders(len(id_list))
            db.execute(f"DELETE FROM outbox WHERE record_id IN ({marks})", id_list)
            # Refused changes keep their values for review: those go too.
            db.execute(f"DELETE FROM quarantine WHERE record_id IN ({marks})", id_list)
            db.execute(f"DELETE FROM pulled_not_stored WHERE record_id IN ({marks}) "
                       "OR youngster_id = ?", (*id_list, youngster_id))
            # A draft that mentions the youngster (their own form, or a meeting draft with
            # their attendance or notes) goes whole: unsaved input is not worth keeping
            # a trace of someone who asked to be forgotten.
            db.execute("DELETE FROM draft WHERE key LIKE ? OR payload LIKE ?",
                       (f"%{youngster_id}%", f"%{youngster_id}%"))
            if team_id is not None:
                db.execute(
                    "INSERT OR REPLACE INTO erasure (youngster_id, team_id, erased_at, origin, "
                    "reported) VALUES (?, ?, ?, ?, ?)",
                    (youngster_id, team_id, now_iso(), origin, 1 if origin == "server" else 0))
            self.store.audit.record("erase", "youngster", youngster_id)
        if not self.db.writer.conn.in_transaction:
            self.db.checkpoint()  # else the caller checkpoints after its commit
        return len(erased_ids)

    def tied_records(self, youngster_id: str, db: Any = None) -> dict[str, set[str]]:
        """Per entity, the ids of every record that erasing the youngster removes.

        Their own records (by each entity's youngster field), attempts at their
        challenges (also by challenge, so an attempt pulled without its youngster field
        cannot outlive its challenge), and conflicts about any of those. The erasure
        and its confirmation dialog (``privacy.erasure_summary``) both count on this.
        """
        db = db if db is not None else self.db.read()
        tied: dict[str, set[str]] = {}
        for spec in entities.ENTITIES.values():
            if spec.youngster_field is not None:
                tied[spec.name] = {r[0] for r in db.execute(
                    f"SELECT id FROM [{spec.table}] WHERE [{spec.youngster_field}] = ?",
                    (youngster_id,)).fetchall()}
        challenges = tuple(tied.get("challenge", ())) or ("",)
        tied["challenge_attempt"] |= {r[0] for r in db.execute(
            "SELECT id FROM challenge_attempt WHERE challenge_id IN "
            f"({placeholders(len(challenges))})", challenges).fetchall()}
        about = (youngster_id, *set().union(*tied.values()))
        tied["conflict"] = {r[0] for r in db.execute(
            f"SELECT id FROM conflict WHERE record_id IN ({placeholders(len(about))})",
            about).fetchall()}
        return tied

    def is_erased(self, youngster_id: str) -> bool:
        return bool(self.db.query("SELECT 1 FROM erasure WHERE youngster_id = ?",
                                  (youngster_id,)))

    def unreported(self) -> list[dict]:
        return self.db.query("SELECT * FROM erasure WHERE reported = 0 ORDER BY erased_at")

    def mark_reported(self, youngster_id: str) -> None:
        with self.db.write() as db:
            db.execute("UPDATE erasure SET reported = 1 WHERE youngster_id = ?", (youngster_id,))
