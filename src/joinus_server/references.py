"""References stay inside the team (``foreign_reference``).

A record may name another record (an observation its youngster and meeting, a
conflict the record it is about, a response the one it supersedes). Such a
reference must not cross teams: the server files a record under the youngster it
names, so an observation of team B naming a youngster of team A would be wiped
by A's erasure without B's laptops ever hearing of it, and a conflict about A's
record would show A's values to B.

Only records the server holds can be checked. A reference to a record it has not
seen yet is allowed: laptops work offline, so a meeting and its attendance may
come in one batch, and an outbox may send a reference before its target (the
target, when it comes, must then be of the same team to be of any use; erasure
still reaches every team, see erasure.py). A reference the server already stores
for the record is not checked again, so a re-send of an old record never fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from joinus_desktop.domain import entities
from joinus_desktop.domain.ids import is_uuid
from joinus_desktop.domain.problems import label
from joinus_desktop.sync.protocol import Change

from .merge import Rejection
from .records import StoredRecord, same_value

FOREIGN_REFERENCE = "foreign_reference"

# Per entity, the fields holding another record's id (a conflict's record_id too).
REF_FIELDS: dict[str, tuple[str, ...]] = {
    spec.name: (*(f.name for f in spec.fields if f.kind == "ref"),
                *(("record_id",) if spec.name == "conflict" else ()))
    for spec in entities.ENTITIES.values()
}


def referenced_ids(changes: Iterable[Change]) -> set[str]:
    """The well-formed record ids ``changes`` refer to (to look up before checking them)."""
    named = {value for change in changes for name in REF_FIELDS[change.entity]
             if isinstance(value := change.fields.get(name), str)}
    return {value for value in named if is_uuid(value)}  # each distinct id checked once


def refuse_foreign(change: Change, existing: StoredRecord | None,
                   records: Mapping[str, StoredRecord]) -> Rejection | None:
    """``foreign_reference`` when ``change`` names a record ``records`` holds in another team.

    ``records``: the stored records (and those the batch wrote so far) by id; every
    referenced id must have been looked up in it (:func:`referenced_ids`).
    """
    for name in REF_FIELDS[change.entity]:  # on every change of every push: kept lean
        target = change.fields.get(name)
        if not isinstance(target, str):
            continue
        found = records.get(target)
        if found is None or found.team_id == change.team_id:
            continue
        stored = existing.fields.get(name) if existing is not None else None
        if stored is None or not same_value(stored.value, target):  # else stored before
            return Rejection(FOREIGN_REFERENCE, f"{label(name)} refers to a record of another "
                                                "team; a record may only refer to records of "
                                                "its own team.")
    return None
