"""What a conflict is about, in a social worker's words: which record, whose version, when.

A conflict record holds ids and codes: an entity name, a record id, a field name,
user ids and clock stamps. The review view shows instead "Observatie van Sam,
bijeenkomst 12 mei 2026, Buurthuis De Pijp", "Wat je zag", "Anna · vandaag om
14:03". This module does those lookups and that wording, without Qt, so the view
runs it on its worker thread and only lays out the result.

Names come from the vault (``store.members``); the user of this laptop is "jij"
and a name the laptop never learnt is "een collega (onbekend)", never an id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..domain import entities, method
from ..domain.hlc import ClockError, Stamp
from ..domain.problems import label
from .errors import NotFound
from .members import member_names
from .records import ALL_FIELDS, Record

if TYPE_CHECKING:
    from .store import Store

MAX_SHOWN_NAME = 40

# (English, Dutch) of every word this module produces.
WORDS: dict[str, tuple[str, str]] = {
    "you": ("you", "jij"),
    "unknown": ("a colleague (unknown)", "een collega (onbekend)"),
    "a_youngster": ("a youngster", "een jongere"),
    "of": ("{what} of {whom}", "{what} van {whom}"),
    "meeting_at": ("meeting {date}, {place}", "bijeenkomst {date}, {place}"),
    "meeting_on": ("meeting {date}", "bijeenkomst {date}"),
    "deleted_suffix": ("{title} (deleted)", "{title} (verwijderd)"),
    "today": ("today at {time}", "vandaag om {time}"),
    "yesterday": ("yesterday at {time}", "gisteren om {time}"),
    "on_day": ("{date} at {time}", "{date} om {time}"),
    "unknown_time": ("at an unknown time", "op een onbekend moment"),
    "delete_field": ("Deleted while someone else was editing it: which stays?",
                     "Verwijderd terwijl iemand anders het bewerkte: wat blijft?"),
    "yes": ("yes", "ja"),
    "no": ("no", "nee"),
    "empty": ("(empty)", "(leeg)"),
}

ENTITY_NAMES: dict[str, tuple[str, str]] = {
    "youngster": ("Youngster", "Jongere"),
    "meeting": ("Meeting", "Bijeenkomst"),
    "observation": ("Observation", "Observatie"),
    "challenge": ("Challenge", "Uitdaging"),
    "challenge_attempt": ("Challenge attempt", "Poging"),
    "attendance": ("Attendance", "Aanwezigheid"),
    "questionnaire_response": ("Questionnaire", "Vragenlijst"),
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}

# A choice field's stored key, shown as its term (per entity where the key differs).
_VOCABULARIES: dict[tuple[str | None, str], dict[str, tuple[str, str]]] = {
    (None, "suspected_cause"): method.SUSPECTED_CAUSES,
    (None, "works_on_kind"): method.SUSPECTED_CAUSES,
    (None, "exit_reason"): method.EXIT_REASONS,
    (None, "outcome"): method.ATTEMPT_OUTCOMES,
    (None, "age_group"): method.AGE_GROUPS,
    (None, "tags"): method.METHOD_TAGS,
    ("youngster", "status"): method.YOUNGSTER_STATUSES,
    ("challenge", "status"): method.CHALLENGE_STATUSES,
}


def word(key: str, lang: str, **params: str) -> str:
    en, nl = WORDS[key]
    text = nl if lang == "nl" else en
    return text.format(**params) if params else text


def long_date(iso: str | None, lang: str) -> str:
    """"12 mei 2026" / "12 May 2026"; the text as it is when it is not a date."""
    try:
        day = dt.date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso or "")
    return f"{day.day} {MONTHS['nl' if lang == 'nl' else 'en'][day.month - 1]} {day.year}"


def stamp_when(stamp: str | None, lang: str, *, now: dt.datetime | None = None) -> str:
    """When a version was written, in this laptop's time zone: "vandaag om 14:03",
    "gisteren om 09:12", "12 mei 2026 om 14:03"."""
    try:
        ms = Stamp.parse(stamp or "").physical_ms
        at = dt.datetime.fromtimestamp(ms / 1000)
    except (ClockError, OverflowError, OSError, ValueError):
        return word("unknown_time", lang)
    now = now or dt.datetime.now()
    time = f"{at.hour:02d}:{at.minute:02d}"
    if at.date() == now.date():
        return word("today", lang, time=time)
    if at.date() == now.date() - dt.timedelta(days=1):
        return word("yesterday", lang, time=time)
    return word("on_day", lang, date=long_date(at.date().isoformat(), lang), time=time)


def shown_value(entity: str, field: str, value: Any, lang: str) -> str:
    """A field's value as a person reads it: terms for codes, dates in words, ja/nee."""
    if value is None or value == "" or value == [] or value == ():
        return word("empty", lang)
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    vocabulary = _VOCABULARIES.get((entity, field)) or _VOCABULARIES.get((None, field))
    if vocabulary is not None and isinstance(value, (list, tuple)):
        return ", ".join(method.term(vocabulary, str(v), lang) for v in value)
    if vocabulary is not None:
        return method.term(vocabulary, str(value), lang)
    spec = entities.ENTITIES.get(entity)
    if spec is not None and spec.has_field(field) and spec.field(field).kind == "date":
        return long_date(value, lang)
    return str(value)


@dataclass(frozen=True)
class Version:
    """One side of a conflict: its value, who wrote it, and when."""

    value: Any
    shown: str  # the value as a person reads it
    who: str  # "Anna", "jij", "een collega (onbekend)"
    when: str  # "vandaag om 14:03"
    mine: bool  # written by this laptop's user
    known: bool  # the author has a name (or is this laptop's user)

    @property
    def byline(self) -> str:
        """"Anna de Vries · vandaag om 14:03", "Jij · gisteren om 09:12"."""
        # A name is shown as written ("van Dijk"); our own words start a line capitalised.
        who = self.who if self.known and not self.mine else self.who[:1].upper() + self.who[1:]
        return f"{who} · {self.when}"


@dataclass(frozen=True)
class ConflictDetails:
    conflict: dict[str, Any]
    title: str  # which record: "Observatie van Sam, bijeenkomst 12 mei 2026, Buurthuis De Pijp"
    field: str  # which field, in words: "Wat je zag"
    kept: Version  # the record's value now
    other: Version  # the value that lost
    record_deleted: bool
    # A delete against an edit (field "deleted"): which side is the delete, and the
    # record's content that deleting would lose, as (field in words, text) pairs.
    delete_side: Literal["kept", "other"] | None = None
    at_stake: tuple[tuple[str, str], ...] = ()

    @property
    def is_delete(self) -> bool:
        return self.delete_side is not None

    @property
    def edit(self) -> Version:
        """The editing side of a delete conflict."""
        return self.other if self.delete_side == "kept" else self.kept

    @property
    def delete(self) -> Version:
        return self.kept if self.delete_side == "kept" else self.other

    @property
    def current(self) -> Any:
        return self.kept.value


class _Lookup:
    """The records a batch of conflicts refer to, each read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[tuple[str, str], Record | None] = {}

    def get(self, entity: str, record_id: Any) -> Record | None:
        if not isinstance(record_id, str) or entity not in entities.ENTITIES:
            return None
        key = (entity, record_id)
        if key not in self._cache:
            try:
                self._cache[key] = self.store.records.get(entity, record_id,
                                                          include_deleted=True)
            except NotFound:
                self._cache[key] = None
        return self._cache[key]


class _Authors:
    """User ids (and this laptop's own stamps) to the words that name a person."""

    def __init__(self, store: Store, lang: str) -> None:
        self.lang = lang
        self.names = member_names(store)
        self.me = store.sync.get("user_id")
        self.node = store.device_id

    def name(self, author: Any, stamp: Any) -> tuple[str, bool, bool]:
        """(words, mine, known) for a version written by ``author`` with ``stamp``."""
        mine = (isinstance(author, str) and (author == self.me
                                             or author == f"device:{self.node}"))
        if not mine and isinstance(stamp, str):
            try:
                mine = Stamp.parse(stamp).node == self.node
            except ClockError:
                pass
        if mine:
            return word("you", self.lang), True, True
        if isinstance(author, str) and author in self.names:
            name = self.names[author]
            # A name goes into buttons ("De versie van Anna bewaren"): keep them usable.
            if len(name) > MAX_SHOWN_NAME:
                name = name[:MAX_SHOWN_NAME - 1].rstrip() + "…"
            return name, False, True
        return word("unknown", self.lang), False, False


def record_title(entity: str, record: dict[str, Any] | None, lookup: Callable[..., Any],
                 lang: str) -> str:
    """Which record, in words: whose it is, and the meeting (date and place) it is from."""
    en, nl = ENTITY_NAMES.get(entity, (entity.replace("_", " ").capitalize(),) * 2)
    noun = nl if lang == "nl" else en
    record = record or {}
    if entity == "youngster":
        return f"{noun} {record.get('alias') or word('a_youngster', lang)}"
    if entity == "meeting":
        return f"{noun} {_meeting_words(record, lang)}"
    parts = [noun]
    spec = entities.ENTITIES.get(entity)
    if spec is not None and spec.youngster_field not in (None, "id"):
        young = lookup("youngster", record.get(spec.youngster_field))
        alias = (young or {}).get("alias") or word("a_youngster", lang)
        parts = [word("of", lang, what=noun, whom=alias)]
    if entity == "challenge" and record.get("title"):
        parts[0] += f": {record['title']}"
    meeting = lookup("meeting", record.get("meeting_id"))
    if meeting is not None and meeting.get("date"):
        parts.append(word("meeting_at" if meeting.get("place") else "meeting_on", lang,
                          date=long_date(meeting["date"], lang),
                          place=str(meeting.get("place") or "")))
    elif record.get("date"):
        parts.append(long_date(record["date"], lang))
    return ", ".join(p for p in parts if p)


def _meeting_words(meeting: dict[str, Any], lang: str) -> str:
    date = long_date(meeting.get("date"), lang)
    place = meeting.get("place")
    return f"{date}, {place}" if place and date else (date or place or "")


def content_at_stake(entity: str, record: dict[str, Any] | None,
                     lang: str) -> tuple[tuple[str, str], ...]:
    """What deleting the record would lose: its text fields, in order, as (label, text).

    A record without text (an attendance) shows its other fields instead, so the
    worker always sees what is decided about.
    """
    spec = entities.ENTITIES.get(entity)
    if spec is None or not record:
        return ()
    texts = [(label(f.name, lang), str(record[f.name])) for f in spec.fields
             if f.kind == "text" and isinstance(record.get(f.name), str)
             and record[f.name].strip()]
    if texts:
        return tuple(texts)
    return tuple((label(f.name, lang), shown_value(entity, f.name, record.get(f.name), lang))
                 for f in spec.fields if f.kind in ("bool", "date", "choice", "int", "tags"))


def describe(store: Store, conflict: dict[str, Any], lang: str, *,
             now: dt.datetime | None = None, lookup: _Lookup | None = None,
             authors: _Authors | None = None) -> ConflictDetails:
    """One conflict in words (the store is only read)."""
    lookup = lookup or _Lookup(store)
    authors = authors or _Authors(store, lang)
    entity, field = str(conflict.get("entity")), str(conflict.get("field"))
    record = lookup.get(entity, conflict.get("record_id"))
    deleted = bool(record and record.get("deleted"))
    title = record_title(entity, record, lookup.get, lang)
    if deleted:
        title = word("deleted_suffix", lang, title=title)

    current = (record or {}).get(field)
    versions = (record or {}).get("versions") or {}
    kept_stamp = (versions.get(field) or versions.get(ALL_FIELDS)
                  or conflict.get("winner_stamp"))
    # Who wrote the value kept now: the conflict names the winner; if the field was
    # edited since, the record's last writer wrote it when that write was the newest.
    if kept_stamp == conflict.get("winner_stamp"):
        kept_author = conflict.get("winner_author")
    elif kept_stamp == _newest(versions):
        kept_author = (record or {}).get("updated_by")
    else:
        kept_author = None
    kept_who, kept_mine, kept_known = authors.name(kept_author, kept_stamp)
    other_who, other_mine, other_known = authors.name(conflict.get("author"),
                                                      conflict.get("stamp"))
    kept = Version(current, shown_value(entity, field, current, lang), kept_who,
                   stamp_when(kept_stamp, lang, now=now), kept_mine, kept_known)
    other = Version(conflict.get("value"), shown_value(entity, field, conflict.get("value"),
                                                       lang),
                    other_who, stamp_when(conflict.get("stamp"), lang, now=now), other_mine,
                    other_known)
    if field == "deleted":
        side: Literal["kept", "other"] = "other" if conflict.get("value") is True else "kept"
        return ConflictDetails(conflict, title, word("delete_field", lang), kept, other,
                               deleted, side, content_at_stake(entity, record, lang))
    return ConflictDetails(conflict, title, label(field, lang), kept, other, deleted)


def _newest(versions: dict[str, Any]) -> Any:
    stamps = [s for s in versions.values() if isinstance(s, str)]
    return max(stamps) if stamps else None


def describe_open(store: Store, team_id: str, lang: str, *,
                  now: dt.datetime | None = None) -> list[ConflictDetails]:
    """Every open conflict of the team, in words; records looked up once each."""
    lookup, authors = _Lookup(store), _Authors(store, lang)
    return [describe(store, conflict, lang, now=now, lookup=lookup, authors=authors)
            for conflict in store.conflicts.open(team_id)]
