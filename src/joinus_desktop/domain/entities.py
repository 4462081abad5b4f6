"""The synced entities: their fields, and the rules a record must follow.

The store builds its tables from these specs, the sync protocol refuses fields
not named here, and the server validates incoming changes with the same code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from . import method
from .ids import is_uuid
from .problems import Problem, Severity

Kind = Literal["text", "date", "int", "bool", "choice", "ref", "tags", "json"]

# Fields every synced record carries, kept by the store rather than typed by people.
SYSTEM_FIELDS = ("id", "team_id", "created_at", "updated_at", "updated_by", "versions")
_NON_ENTITY_FIELDS = frozenset((*SYSTEM_FIELDS, "deleted"))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    ref: str | None = None  # entity a "ref" field points at
    immutable: bool = False  # fixed once the record exists
    free_text: bool = False  # may hold personal detail: never logged, purged on erasure
    default: Any = None


@dataclass(frozen=True)
class EntitySpec:
    name: str
    fields: tuple[FieldSpec, ...]
    insert_only: bool = False  # questionnaire responses: a correction is a new record
    youngster_field: str | None = None  # the field that ties a record to one youngster

    @property
    def table(self) -> str:
        return self.name

    # Looked up for every field of every write: computed once per spec.
    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def _by_name(self) -> dict[str, FieldSpec]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> FieldSpec:
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    @cached_property
    def synced_fields(self) -> tuple[str, ...]:
        """Every synced field, including the tombstone."""
        return (*self.field_names, "deleted")


def _text(name: str, max_length: int, *, required: bool = False, free: bool = True) -> FieldSpec:
    return FieldSpec(name, "text", required=required, max_length=max_length, free_text=free)


def _choice(name: str, vocabulary: Mapping[str, object], *, default: str | None = None,
            required: bool = False) -> FieldSpec:
    return FieldSpec(name, "choice", required=required, choices=tuple(vocabulary),
                     default=default)


def _ref(name: str, entity: str, *, required: bool = True) -> FieldSpec:
    return FieldSpec(name, "ref", required=required, ref=entity, immutable=True)


TEAM = EntitySpec("team", (
    _text("name", 120, required=True, free=False),
    _text("municipality", 120, required=True, free=False),
    _choice("age_group", method.AGE_GROUPS),
))

YOUNGSTER = EntitySpec("youngster", (
    _text("alias", 80, required=True),
    FieldSpec("birth_year", "int"),
    FieldSpec("intake_date", "date", required=True),
    _choice("status", method.YOUNGSTER_STATUSES, default="intake", required=True),
    FieldSpec("exit_date", "date"),
    _choice("exit_reason", method.EXIT_REASONS),
    _text("exit_note", 2000),
    FieldSpec("consent_date", "date"),
    FieldSpec("consent_youngster", "bool", default=False),
    FieldSpec("consent_guardian", "bool", default=False),
), youngster_field="id")

MEETING = EntitySpec("meeting", (
    FieldSpec("date", "date", required=True),
    _text("place", 120, free=False),
    _text("activities", 2000),
    _text("notes", 20000),
))

ATTENDANCE = EntitySpec("attendance", (
    _ref("meeting_id", "meeting"),
    _ref("youngster_id", "youngster"),
    FieldSpec("present", "bool", required=True, default=True),
), youngster_field="youngster_id")

OBSERVATION = EntitySpec("observation", (
    _ref("youngster_id", "youngster"),
    _ref("meeting_id", "meeting", required=False),
    FieldSpec("date", "date", required=True),
    _text("behaviour", 4000, required=True),
    _text("context", 4000),
    _choice("suspected_cause", method.SUSPECTED_CAUSES, default="unknown", required=True),
    _text("cause_detail", 500),
    FieldSpec("tags", "tags", default=()),
), youngster_field="youngster_id")

CHALLENGE = EntitySpec("challenge", (
    _ref("youngster_id", "youngster"),
    _text("title", 200, required=True),
    _choice("works_on_kind", {k: v for k, v in method.SUSPECTED_CAUSES.items()
                              if k != "unknown"}),
    _text("works_on", 500),
    _choice("status", method.CHALLENGE_STATUSES, default="proposed", required=True),
), youngster_field="youngster_id")

CHALLENGE_ATTEMPT = EntitySpec("challenge_attempt", (
    _ref("challenge_id", "challenge"),
    _ref("youngster_id", "youngster"),
    _ref("meeting_id", "meeting", required=False),
    FieldSpec("date", "date", required=True),
    _text("what_happened", 4000, required=True),
    _text("how_it_felt", 2000),
    _choice("outcome", method.ATTEMPT_OUTCOMES),
), youngster_field="youngster_id")

QUESTIONNAIRE_RESPONSE = EntitySpec("questionnaire_response", (
    _ref("youngster_id", "youngster"),
    FieldSpec("instrument_id", "text", required=True, max_length=80, immutable=True),
    FieldSpec("instrument_version", "int", required=True, immutable=True),
    FieldSpec("moment", "text", required=True, max_length=10, immutable=True),
    FieldSpec("date", "date", required=True, immutable=True),
    FieldSpec("answers", "json", required=True, immutable=True),
    FieldSpec("scores", "json", immutable=True),
    _ref("supersedes", "questionnaire_response", required=False),
), insert_only=True, youngster_field="youngster_id")

CONFLICT = EntitySpec("conflict", (
    FieldSpec("entity", "text", required=True, max_length=40, immutable=True),
    FieldSpec("record_id", "text", required=True, max_length=40, immutable=True),
    FieldSpec("field", "text", required=True, max_length=40, immutable=True),
    FieldSpec("value", "json", immutable=True),  # the value that lost
    FieldSpec("stamp", "text", immutable=True),
    FieldSpec("author", "text", immutable=True),
    FieldSpec("winner_value", "json", immutable=True),
    FieldSpec("winner_stamp", "text", immutable=True),
    FieldSpec("resolved", "bool", default=False),
))

ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (TEAM, YOUNGSTER, MEETING, ATTENDANCE, OBSERVATION, CHALLENGE,
                 CHALLENGE_ATTEMPT, QUESTIONNAIRE_RESPONSE, CONFLICT)
}

MOMENT_PATTERN_HELP = "T0, T1, T2 … or exit"


def entity(name: str) -> EntitySpec:
    try:
        return ENTITIES[name]
    except KeyError:
        raise KeyError(f"unknown entity {name!r}") from None


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def is_moment(value: object) -> bool:
    if value == "exit":
        return True
    return isinstance(value, str) and len(value) >= 2 and value[0] == "T" and value[1:].isdigit()


def _check_value(spec: FieldSpec, value: Any) -> list[Problem]:
    name = spec.name
    if value is None or value == "" and spec.kind in ("text", "date", "choice", "ref"):
        return [Problem(name, "required")] if spec.required else []
    if spec.kind == "text":
        if not isinstance(value, str):
            return [Problem(name, "not_text")]
        if spec.max_length and len(value) > spec.max_length:
            return [Problem(name, "too_long", params={"max": spec.max_length})]
        if spec.required and not value.strip():
            return [Problem(name, "required")]
    elif spec.kind == "date":
        if parse_date(value) is None or not isinstance(value, str):
            return [Problem(name, "not_a_date")]
    elif spec.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return [Problem(name, "not_a_number")]
    elif spec.kind == "bool":
        if not isinstance(value, bool):
            return [Problem(name, "not_a_boolean")]
    elif spec.kind == "choice":
        if value not in spec.choices:
            return [Problem(name, "choice", params={"choices": ", ".join(spec.choices)})]
    elif spec.kind == "ref":
        if not is_uuid(value):
            return [Problem(name, "not_an_id")]
    elif spec.kind == "tags":
        if not isinstance(value, (list, tuple)):
            return [Problem(name, "not_a_list")]
        return [Problem(name, "unknown_tag", params={"tag": str(tag)})
                for tag in value if tag not in method.METHOD_TAGS]
    elif spec.kind == "json":
        if spec.name == "answers" and not isinstance(value, dict):
            return [Problem(name, "not_a_mapping")]
    return []


def validate(entity_name: str, record: Mapping[str, Any], *,
             today: dt.date | None = None) -> list[Problem]:
    """Every problem with a whole record (after defaults and changes are merged)."""
    spec = entity(entity_name)
    today = today or dt.date.today()
    problems: list[Problem] = []
    known = spec._by_name
    for name in record:
        if name not in known and name not in _NON_ENTITY_FIELDS:
            problems.append(Problem(name, "unknown_field", params={"field": name}))
    for field_spec in spec.fields:
        problems.extend(_check_value(field_spec, record.get(field_spec.name)))
    if not [p for p in problems if p.is_error]:
        problems.extend(_RULES.get(entity_name, _no_rules)(record, today))
    return problems


def _no_rules(record: Mapping[str, Any], today: dt.date) -> list[Problem]:
    return []


def _youngster_rules(record: Mapping[str, Any], today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    intake = parse_date(record.get("intake_date"))
    birth_year = record.get("birth_year")
    if birth_year is not None and not 1900 <= birth_year <= today.year:
        problems.append(Problem("birth_year", "birth_year_range"))
    elif birth_year is not None and intake is not None:
        age = intake.year - birth_year
        if not 12 <= age <= 25:
            problems.append(Problem("birth_year", "age_outside_programme", Severity.WARNING,
                                    {"age": age}))
    if intake is not None and intake > today + dt.timedelta(days=366):
        problems.append(Problem("intake_date", "in_future", Severity.WARNING))
    if record.get("status") == "exited":
        exit_date = parse_date(record.get("exit_date"))
        if exit_date is None:
            problems.append(Problem("exit_date", "exit_needs_date"))
        elif intake is not None and exit_date < intake:
            problems.append(Problem("exit_date", "exit_before_intake"))
        if not record.get("exit_reason"):
            problems.append(Problem("exit_reason", "exit_needs_reason"))
    return problems


def _dated_rules(record: Mapping[str, Any], today: dt.date) -> list[Problem]:
    when = parse_date(record.get("date"))
    if when is not None and when > today + dt.timedelta(days=1):
        return [Problem("date", "in_future", Severity.WARNING)]
    return []


def _observation_rules(record: Mapping[str, Any], today: dt.date) -> list[Problem]:
    problems = _dated_rules(record, today)
    if record.get("suspected_cause") in ("missing_skill", "negative_belief") and not (
        record.get("cause_detail") or ""
    ).strip():
        problems.append(Problem("cause_detail", "cause_detail_missing", Severity.WARNING))
    return problems


def _response_rules(record: Mapping[str, Any], today: dt.date) -> list[Problem]:
    problems = _dated_rules(record, today)
    if not is_moment(record.get("moment")):
        problems.append(Problem("moment", "choice", params={"choices": MOMENT_PATTERN_HELP}))
    return problems


_RULES = {
    "youngster": _youngster_rules,
    "meeting": _dated_rules,
    "observation": _observation_rules,
    "challenge_attempt": _dated_rules,
    "questionnaire_response": _response_rules,
}


def with_defaults(entity_name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """A new record's values with each unset field's default filled in."""
    spec = entity(entity_name)
    record = dict(values)
    for field_spec in spec.fields:
        if field_spec.name not in record:
            default = field_spec.default
            record[field_spec.name] = list(default) if isinstance(default, tuple) else default
    return record
