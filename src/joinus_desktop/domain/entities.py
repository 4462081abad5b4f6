"""The synced entities: their fields, and the rules a record must follow.

The store builds its tables from these specs, the sync protocol refuses fields
not named here, and the server validates incoming changes with the same code.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from . import method
from .hlc import is_canonical_stamp
from .ids import is_uuid
from .problems import Problem, Severity

Kind = Literal["text", "date", "int", "bool", "choice", "ref", "tags", "json"]

# Fields every synced record carries, kept by the store rather than typed by people.
SYSTEM_FIELDS = ("id", "team_id", "created_at", "updated_at", "updated_by", "versions")
_NON_ENTITY_FIELDS = frozenset((*SYSTEM_FIELDS, "deleted"))

# What every stored value must fit (docs/protocol.md, "Validation"): the laptop's
# SQLite and the server's databases hold signed 64-bit integers, so a larger one
# would stop every laptop that pulls it; dates are plain YYYY-MM-DD in a range
# date arithmetic never leaves; JSON values are nested and sized within bounds.
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)
MAX_JSON_DEPTH = 32  # nesting levels of lists and objects in one JSON value
MAX_TAGS = 50
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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
    # "int": the range a value must lie in (unset: the signed 64-bit range).
    min_value: int | None = None
    max_value: int | None = None

    # For "text", ``max_length`` counts characters; for "json", the characters of
    # the value's compact JSON text.


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
    def defaults(self) -> dict[str, Any]:
        return {f.name: f.default for f in self.fields}

    @cached_property
    def sequence_defaults(self) -> tuple[tuple[str, tuple[Any, ...]], ...]:
        return tuple((f.name, f.default) for f in self.fields if isinstance(f.default, tuple))

    @cached_property
    def synced_fields(self) -> tuple[str, ...]:
        """Every synced field, including the tombstone."""
        return (*self.field_names, "deleted")

    @cached_property
    def synced_field_set(self) -> frozenset[str]:
        return frozenset(self.synced_fields)


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
    # The calendar rule (not after this year) is in _youngster_rules; this range holds
    # for every stored value, a tombstone's too.
    FieldSpec("birth_year", "int", min_value=1900, max_value=2100),
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
    FieldSpec("instrument_version", "int", required=True, immutable=True, min_value=1,
              max_value=10_000),
    FieldSpec("moment", "text", required=True, max_length=10, immutable=True),
    FieldSpec("date", "date", required=True, immutable=True),
    FieldSpec("answers", "json", required=True, immutable=True, max_length=16_384),
    FieldSpec("scores", "json", immutable=True, max_length=4_096),
    _ref("supersedes", "questionnaire_response", required=False),
), insert_only=True, youngster_field="youngster_id")

CONFLICT = EntitySpec("conflict", (
    FieldSpec("entity", "text", required=True, max_length=40, immutable=True),
    FieldSpec("record_id", "text", required=True, max_length=40, immutable=True),
    FieldSpec("field", "text", required=True, max_length=40, immutable=True),
    # A value of any field: the longest text (20,000 characters) with every character
    # escaped still fits.
    FieldSpec("value", "json", immutable=True, max_length=131_072),  # the value that lost
    FieldSpec("stamp", "text", immutable=True, max_length=100),
    FieldSpec("author", "text", immutable=True, max_length=80),
    FieldSpec("winner_value", "json", immutable=True, max_length=131_072),
    FieldSpec("winner_stamp", "text", immutable=True, max_length=100),
    FieldSpec("winner_author", "text", immutable=True, max_length=80),  # who wrote the kept value
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


def is_valid_date(value: object) -> bool:
    """A date as stored: exactly YYYY-MM-DD, a real day, from MIN_DATE to MAX_DATE."""
    if not isinstance(value, str) or _ISO_DATE.fullmatch(value) is None:
        return False
    when = parse_date(value)
    return when is not None and MIN_DATE <= when <= MAX_DATE


def json_problem(name: str, value: Any, max_length: int | None = None) -> Problem | None:
    """What makes ``value`` unfit to store as JSON, if anything: nesting deeper than
    MAX_JSON_DEPTH, an integer beyond 64 bits, a float that is not finite, a key that is
    not text, or (with ``max_length``) a compact JSON text longer than that.

    Walks the value without recursion, so a hostile value nested a thousand deep is
    measured, not a crash.
    """
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        item, depth = todo.pop()
        kind = type(item)
        if kind is dict or kind is list or kind is tuple:
            if depth >= MAX_JSON_DEPTH:
                return Problem(name, "too_deep", params={"max": MAX_JSON_DEPTH})
            if kind is dict:
                if not all(type(key) is str for key in item):
                    return Problem(name, "not_json")
                todo.extend((each, depth + 1) for each in item.values())
            else:
                todo.extend((each, depth + 1) for each in item)
        elif kind is int:
            if not INT64_MIN <= item <= INT64_MAX:
                return Problem(name, "out_of_range", params={"min": INT64_MIN, "max": INT64_MAX})
        elif kind is float:
            if not math.isfinite(item):
                return Problem(name, "not_a_number")
        elif item is not None and kind is not str and kind is not bool:
            return Problem(name, "not_json")
    if max_length is not None:
        size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        if size > max_length:
            return Problem(name, "too_long", params={"max": max_length})
    return None


def is_moment(value: object) -> bool:
    if value == "exit":
        return True
    return isinstance(value, str) and len(value) >= 2 and value[0] == "T" and value[1:].isdigit()


_NO_PROBLEMS: list[Problem] = []  # shared, never mutated: the common case allocates nothing


def _check_text(spec: FieldSpec, value: Any) -> list[Problem]:
    if not isinstance(value, str):
        return [Problem(spec.name, "not_text")]
    if spec.max_length and len(value) > spec.max_length:
        return [Problem(spec.name, "too_long", params={"max": spec.max_length})]
    if spec.required and not value.strip():
        return [Problem(spec.name, "required")]
    return _NO_PROBLEMS


def _check_date(spec: FieldSpec, value: Any) -> list[Problem]:
    if is_valid_date(value):
        return _NO_PROBLEMS
    if isinstance(value, str) and _ISO_DATE.fullmatch(value) and parse_date(value) is not None:
        return [Problem(spec.name, "out_of_range",
                        params={"min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()})]
    return [Problem(spec.name, "not_a_date")]


def int_range(spec: FieldSpec) -> tuple[int, int]:
    """The smallest and largest value an "int" field may hold."""
    low = INT64_MIN if spec.min_value is None else spec.min_value
    high = INT64_MAX if spec.max_value is None else spec.max_value
    return low, high


def _check_int(spec: FieldSpec, value: Any) -> list[Problem]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [Problem(spec.name, "not_a_number")]
    low, high = int_range(spec)
    if not low <= value <= high:
        return [Problem(spec.name, "out_of_range", params={"min": low, "max": high})]
    return _NO_PROBLEMS


def _check_bool(spec: FieldSpec, value: Any) -> list[Problem]:
    return _NO_PROBLEMS if isinstance(value, bool) else [Problem(spec.name, "not_a_boolean")]


def _check_choice(spec: FieldSpec, value: Any) -> list[Problem]:
    if value in spec.choices:
        return _NO_PROBLEMS
    return [Problem(spec.name, "choice", params={"choices": ", ".join(spec.choices)})]


def _check_ref(spec: FieldSpec, value: Any) -> list[Problem]:
    return _NO_PROBLEMS if is_uuid(value) else [Problem(spec.name, "not_an_id")]


def _check_tags(spec: FieldSpec, value: Any) -> list[Problem]:
    if not isinstance(value, (list, tuple)):
        return [Problem(spec.name, "not_a_list")]
    if len(value) > MAX_TAGS:
        return [Problem(spec.name, "too_many", params={"max": MAX_TAGS})]
    # A tag that is not text (a list, say) is unknown too, and must not reach the lookup.
    return [Problem(spec.name, "unknown_tag", params={"tag": str(tag)[:80]})
            for tag in value if not isinstance(tag, str) or tag not in method.METHOD_TAGS
            ] or _NO_PROBLEMS


def _check_json(spec: FieldSpec, value: Any) -> list[Problem]:
    if spec.name == "answers" and not isinstance(value, dict):
        return [Problem(spec.name, "not_a_mapping")]
    found = json_problem(spec.name, value, spec.max_length)
    return [found] if found is not None else _NO_PROBLEMS


_CHECKS: dict[str, Callable[[FieldSpec, Any], list[Problem]]] = {
    "text": _check_text, "date": _check_date, "int": _check_int, "bool": _check_bool,
    "choice": _check_choice, "ref": _check_ref, "tags": _check_tags, "json": _check_json,
}
_BLANK_IS_MISSING = ("text", "date", "choice", "ref")


def _check_value(spec: FieldSpec, value: Any) -> list[Problem]:
    if value is None or (value == "" and spec.kind in _BLANK_IS_MISSING):
        return [Problem(spec.name, "required")] if spec.required else _NO_PROBLEMS
    return _CHECKS[spec.kind](spec, value)


def validate(entity_name: str, record: Mapping[str, Any], *,
             today: dt.date | None = None) -> list[Problem]:
    """Every problem with a whole record (after defaults and changes are merged)."""
    spec = entity(entity_name)
    problems: list[Problem] = []
    known = spec._by_name
    for name in record:
        if name not in known and name not in _NON_ENTITY_FIELDS:
            problems.append(Problem(name, "unknown_field", params={"field": name}))
    get = record.get
    for field_spec in spec.fields:
        found = _check_value(field_spec, get(field_spec.name))
        if found:
            problems.extend(found)
    if not any(p.is_error for p in problems):
        rules = _RULES.get(entity_name)
        if rules is not None:
            problems.extend(rules(record, today or dt.date.today()))
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


def _conflict_rules(record: Mapping[str, Any], today: dt.date) -> list[Problem]:
    """A conflict names a real entity and one of its fields, and holds real stamps."""
    problems: list[Problem] = []
    about = ENTITIES.get(record.get("entity"))  # type: ignore[arg-type]
    if about is None:
        problems.append(Problem("entity", "choice", params={"choices": ", ".join(ENTITIES)}))
    elif record.get("field") not in about.synced_field_set:
        problems.append(Problem("field", "unknown_field",
                                params={"field": str(record.get("field"))}))
    for name in ("stamp", "winner_stamp"):
        value = record.get(name)
        if value is not None and not is_canonical_stamp(value):
            problems.append(Problem(name, "not_a_stamp"))
    return problems


_RULES = {
    "youngster": _youngster_rules,
    "conflict": _conflict_rules,
    "meeting": _dated_rules,
    "observation": _observation_rules,
    "challenge_attempt": _dated_rules,
    "questionnaire_response": _response_rules,
}


def with_defaults(entity_name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """A new record's values with each unset field's default filled in."""
    spec = entity(entity_name)
    record = {**spec.defaults, **values}
    for name, default in spec.sequence_defaults:
        if name not in values:
            record[name] = list(default)  # a fresh list per record, never a shared one
    return record


# -- many records at once -------------------------------------------------------
#
# A bulk write (a meeting's fan-out, an import, the demo) validates thousands of
# records whose columns mostly repeat: one youngster id, one date, a few choices.
# ``validate_many`` checks each column as a whole with C-speed set and map
# operations, and falls back to the per-value checks above only for a column
# where something may be wrong, so the problems it finds are exactly the ones
# ``validate`` finds, record by record, in the same order.

_NONE = type(None)


def _column_certainly_fine(spec: FieldSpec, column: list[Any]) -> bool:
    """True when no value in the column has a problem; False means "look closer"."""
    types = set(map(type, column))
    optional = not spec.required
    missing = {None, ""} if spec.kind in _BLANK_IS_MISSING else {None}
    try:
        if spec.kind == "text":
            if not types <= ({str, _NONE} if optional else {str}):
                return False
            present = list(filter(None, column))
            if spec.max_length and present and max(map(len, present)) > spec.max_length:
                return False
            # Required text must hold more than white space (None and "" were ruled out).
            return optional or (len(present) == len(column) and all(map(str.strip, present)))
        if spec.kind in ("date", "choice", "ref"):
            values = set(column)
            if optional:
                values -= missing
            elif values & missing:
                return False
            if spec.kind == "date":
                return types <= {str, _NONE} and all(map(_cached_date_ok, values))
            if spec.kind == "choice":
                return values <= set(spec.choices)
            return all(map(is_uuid, values))
        if spec.kind == "int":
            if not types <= ({int, _NONE} if optional else {int}):
                return False
            present = [value for value in column if value is not None]
            low, high = int_range(spec)
            return not present or (low <= min(present) and max(present) <= high)
        if spec.kind == "bool":
            return types <= ({bool, _NONE} if optional else {bool})
        if spec.kind == "tags":
            if not types <= ({list, tuple, _NONE} if optional else {list, tuple}):
                return False
            tags: set[Any] = set()
            for value in filter(None, column):
                if len(value) > MAX_TAGS:
                    return False
                tags.update(value)
            return tags <= method.METHOD_TAGS.keys()
        if spec.kind == "json":
            return False  # depth, integers and size: checked value by value
    except TypeError:  # an unhashable value where a plain one belongs
        return False
    return False


_DATE_OK: dict[str, bool] = {}


def _cached_date_ok(value: str) -> bool:
    ok = _DATE_OK.get(value)
    if ok is None:
        ok = is_valid_date(value)
        if len(_DATE_OK) < 10_000:
            _DATE_OK[value] = ok
    return ok


def validate_many(entity_name: str, records: list[Mapping[str, Any]], *,
                  today: dt.date | None = None) -> list[list[Problem]]:
    """``[validate(r) for r in records]``, computed column by column."""
    if len(records) < 8:  # a handful: the set-up per column costs more than it saves
        return [validate(entity_name, record, today=today) for record in records]
    spec = entity(entity_name)
    today = today or dt.date.today()
    problems: list[list[Problem]] = [[] for _ in records]
    known = spec._by_name.keys() | _NON_ENTITY_FIELDS
    if not set().union(*records) <= known:
        for record, found in zip(records, problems):
            found.extend(Problem(name, "unknown_field", params={"field": name})
                         for name in record if name not in known)
    for field_spec in spec.fields:
        column = [record.get(field_spec.name) for record in records]
        if not _column_certainly_fine(field_spec, column):
            for value, found in zip(column, problems):
                found.extend(_check_value(field_spec, value))
    many = _RULES_MANY.get(entity_name)
    if many is not None:
        many(records, problems, today)
    elif (rules := _RULES.get(entity_name)) is not None:
        for record, found in zip(records, problems):
            if not any(p.is_error for p in found):
                found.extend(rules(record, today))
    return problems


def _future_dates(records: list[Mapping[str, Any]], today: dt.date) -> set[Any]:
    """The distinct ``date`` values that ``_dated_rules`` warns about."""
    limit = today + dt.timedelta(days=1)
    distinct = set()
    for record in records:
        try:
            distinct.add(record.get("date"))
        except TypeError:  # unhashable: an error already, so no rules run on it
            pass
    return {d for d in distinct if (when := parse_date(d)) is not None and when > limit}


def _dated_rules_many(records: list[Mapping[str, Any]], problems: list[list[Problem]],
                      today: dt.date) -> None:
    future = _future_dates(records, today)
    for record, found in zip(records, problems):
        if found and any(p.is_error for p in found):
            continue
        if record.get("date") in future:
            found.append(Problem("date", "in_future", Severity.WARNING))


def _observation_rules_many(records: list[Mapping[str, Any]], problems: list[list[Problem]],
                            today: dt.date) -> None:
    """``_observation_rules`` for many records, with the date check done once per date."""
    future = _future_dates(records, today)
    needs_detail = ("missing_skill", "negative_belief")
    for record, found in zip(records, problems):
        if found and any(p.is_error for p in found):
            continue
        if record.get("date") in future:
            found.append(Problem("date", "in_future", Severity.WARNING))
        if record.get("suspected_cause") in needs_detail and not (
            record.get("cause_detail") or ""
        ).strip():
            found.append(Problem("cause_detail", "cause_detail_missing", Severity.WARNING))


# Bulk forms of the rules above, for the entities written in bulk; the property test
# in tests/domain/test_validate_many.py holds them to the same answers.
_RULES_MANY = {
    "meeting": _dated_rules_many,
    "observation": _observation_rules_many,
    "challenge_attempt": _dated_rules_many,
}
