"""Export and import of all vault content as one JSON document.

The format is described in ``docs/export-format.md``. An export leaves the
encryption behind, so callers must warn before writing one. An import is
checked completely before anything is written: a bad file names the record at
fault and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain import entities
from ..domain import instruments as instr
from ..domain.ids import is_uuid
from .errors import NotFound, StoreError
from .files import write_atomically
from .records import Record
from .store import Store

FORMAT = "joinus-export"
FORMAT_VERSION = 1
# Parents before children, so references resolve while importing.
ORDER = ("team", "youngster", "meeting", "attendance", "observation", "challenge",
         "challenge_attempt", "questionnaire_response")
EXPORT_WARNING = (
    "This file is NOT encrypted. It holds personal data about minors: keep it on an "
    "encrypted drive, share it only through approved channels, and delete it when done."
)


class ImportFileError(StoreError):
    """The file cannot be imported; the message names the record at fault."""


def _public(record: Record, spec: entities.EntitySpec) -> dict[str, Any]:
    return {"id": record["id"], "team_id": record["team_id"],
            **{name: record.get(name) for name in spec.field_names}}


def export_data(store: Store) -> dict[str, Any]:
    records = {name: [_public(r, entities.entity(name))
                      for r in store.records.find(name, order_by="id")] for name in ORDER}
    return {
        "format": FORMAT, "version": FORMAT_VERSION,
        "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "app_version": __version__, "vault_id": store.vault.vault_id,
        "warning": EXPORT_WARNING, "records": records,
    }


def export_file(store: Store, path: Path) -> dict[str, int]:
    """Write every live record to ``path``; returns counts per entity."""
    data = export_data(store)
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    counts = {name: len(rows) for name, rows in data["records"].items()}
    store.audit.record("export", detail_kind="full", records=sum(counts.values()))
    return counts


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"{path} cannot be read: {exc}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFileError(f"{path.name} is not a Join Us export file.")
    if data.get("version") != FORMAT_VERSION:
        raise ImportFileError(
            f"{path.name} has export format version {data.get('version')}; this version of "
            f"Join Us reads version {FORMAT_VERSION}.")
    if not isinstance(data.get("records"), dict):
        raise ImportFileError(f"{path.name} has no 'records' section.")
    unknown = set(data["records"]) - set(ORDER)
    if unknown:
        raise ImportFileError(f"{path.name}: unknown record type(s): {', '.join(sorted(unknown))}.")
    return data


def _check(store: Store, data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every record, validated, in import order; raises on the first bad one."""
    seen: dict[str, str] = {}  # id -> entity
    plan: list[tuple[str, dict[str, Any]]] = []
    today = store.today()
    erased = {r["youngster_id"] for r in store.db.query("SELECT youngster_id FROM erasure")}
    for name in ORDER:
        spec = entities.entity(name)
        rows = data["records"].get(name, [])
        if not isinstance(rows, list):
            raise ImportFileError(f"records.{name} must be a list.")
        for index, row in enumerate(rows):
            where = f"records.{name}[{index}]"
            if not isinstance(row, dict):
                raise ImportFileError(f"{where} is not an object.")
            record_id = row.get("id")
            where += f" (id {record_id})"
            if not is_uuid(record_id) or not is_uuid(row.get("team_id")):
                raise ImportFileError(f"{where}: 'id' and 'team_id' must be UUIDs.")
            if record_id in seen:
                raise ImportFileError(f"{where}: the id occurs twice in the file.")
            owner = record_id if spec.youngster_field == "id" else (
                row.get(spec.youngster_field) if spec.youngster_field else None)
            if owner in erased:
                raise ImportFileError(
                    f"{where}: belongs to a youngster who was erased at their request; "
                    "their data cannot be imported again. Remove it from the file.")
            values = {k: v for k, v in row.items() if k not in ("id", "team_id")}
            if name == "questionnaire_response":
                values.pop("scores", None)  # recomputed from the answers, never trusted
            record = entities.with_defaults(name, values)
            problems = [p for p in entities.validate(name, {**record, "team_id": row["team_id"]},
                                                     today=today) if p.is_error]
            if name == "questionnaire_response" and not problems:
                problems = _check_answers(store, record)
            if problems:
                raise ImportFileError(f"{where}: {problems[0].message('en')}")
            if name == "team" and row["team_id"] != record_id:
                raise ImportFileError(f"{where}: a team's team_id must be its own id.")
            for field in spec.fields:
                target = record.get(field.name)
                if field.kind == "ref" and target is not None and not _exists(
                        store, seen, field.ref or "", target):
                    raise ImportFileError(
                        f"{where}: {field.name} refers to {target}, which is neither in the "
                        "file nor in this vault.")
            if name != "team" and not _exists(store, seen, "team", row["team_id"]):
                raise ImportFileError(f"{where}: team {row['team_id']} is neither in the file "
                                      "nor in this vault.")
            seen[record_id] = name
            plan.append((name, {**record, "id": record_id, "team_id": row["team_id"]}))
    return plan


def _check_answers(store: Store, record: dict[str, Any]) -> list[Any]:
    try:
        instrument = store.instruments.get(record["instrument_id"], record["instrument_version"])
    except KeyError:
        from ..domain.problems import Problem

        return [Problem("instrument_id", "unknown_instrument",
                        params={"instrument": record["instrument_id"],
                                "version": record["instrument_version"]})]
    return [p for p in instr.validate_answers(instrument, record["answers"]) if p.is_error]


def _exists(store: Store, seen: dict[str, str], entity_name: str, record_id: str) -> bool:
    if seen.get(record_id) == entity_name:
        return True
    try:
        store.records.get(entity_name, record_id)
    except NotFound:
        return False
    return True


def import_file(store: Store, path: Path) -> dict[str, int]:
    """Import every record of an export; returns counts of records added and updated."""
    plan = _check(store, _load(path))
    added = updated = unchanged = 0
    with store.db.write():
        for name, record in plan:
            spec = entities.entity(name)
            values = {k: record[k] for k in spec.field_names if k != "scores"}
            try:
                current = store.records.get(name, record["id"], include_deleted=True)
            except NotFound:
                current = None
            if current is None:
                store.records.insert(name, values, team_id=record["team_id"],
                                     record_id=record["id"])
                added += 1
                continue
            if current["team_id"] != record["team_id"]:
                raise ImportFileError(f"records.{name} (id {record['id']}) belongs to another "
                                      "team in this vault.")
            changes = {k: v for k, v in values.items() if current.get(k) != v}
            if current["deleted"]:
                changes["deleted"] = False
            if not changes:
                unchanged += 1
            elif spec.insert_only:
                raise ImportFileError(f"records.{name} (id {record['id']}) differs from the "
                                      "response in this vault, which cannot be changed.")
            else:
                store.records.update(name, record["id"], changes)
                updated += 1
    store.audit.record("import", records=len(plan))
    return {"added": added, "updated": updated, "unchanged": unchanged}
