"""Questionnaire instruments as data: reading a pack, checking answers, scoring.

A pack is a JSON file such as ``resources/instruments/joinus-monitor.json``.
Licensed instruments reach laptops as packs from the organisation, so a pack is
untrusted input: `parse_instrument` checks all of it and names what is wrong.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Literal, NoReturn

from .. import resources
from .problems import LANGUAGES, Problem, Severity

FORMAT_VERSION = 1
DEFAULT_INSTRUMENT_ID = "joinus-monitor"
RESOURCES_ENV = resources.RESOURCES_ENV  # kept: tests and scripts name it here
HIGHER_IS = ("better", "worse")
BAND_SEVERITIES = ("ok", "attention", "concern")
# 1.96 * sqrt(2) * SEM: the 95% reliable change index (Jacobson & Truax).
RCI_FACTOR = 1.96 * math.sqrt(2)
# Ids become keys of stored answers and column headers of exports: keep them plain.
_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_MAX_ID_LENGTH = 80  # questionnaire_response.instrument_id holds at most 80 characters
# questionnaire_response.instrument_version's range (entities.py): a pack outside it
# could never be recorded, nor synced.
_MAX_VERSION = 10_000

Direction = Literal["better", "worse", "same"]


def _mean(values: list[int]) -> float:
    # Decimal, so 2.125 rounds to 2.13 as people expect, not to float's 2.12.
    mean = Decimal(sum(values)) / Decimal(len(values))
    return float(mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# Scoring rule name in a pack -> how a scale's (reverse-scored) answers become a score.
SCORING_RULES: dict[str, Callable[[list[int]], float]] = {"mean": _mean}


class InstrumentError(ValueError):
    """A pack is malformed or cannot be read; the message says what and where."""


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def get(self, lang: str = "en") -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class AnswerScale:
    min: int
    max: int
    labels: tuple[Text, ...]  # one per value, from min to max

    @property
    def values(self) -> range:
        return range(self.min, self.max + 1)

    def label(self, value: int, lang: str = "en") -> str:
        if value not in self.values:
            raise ValueError(f"{value!r} is not on the answer scale {self.min}..{self.max}")
        return self.labels[value - self.min].get(lang)

    def accepts(self, value: object) -> bool:
        """Whether ``value`` is a valid answer (an int on the scale; True is not 1)."""
        return (isinstance(value, int) and not isinstance(value, bool)
                and self.min <= value <= self.max)


@dataclass(frozen=True)
class Item:
    id: str
    text: Text
    scale: str
    reverse: bool = False


@dataclass(frozen=True)
class Band:
    lower: float
    upper: float
    label: Text
    severity: str  # one of BAND_SEVERITIES


@dataclass(frozen=True)
class Scale:
    id: str
    name: Text
    higher_is: str  # "better" or "worse"
    min_answered: int  # fewer answered items than this: no score
    scoring: str = "mean"
    sem: float | None = None  # standard error of measurement, in scale units
    bands: tuple[Band, ...] = ()

    def band_for(self, score: float | None) -> Band | None:
        """The band ``score`` falls in: lower bounds are inclusive, upper bounds
        exclusive, except that the last band also holds the scale's maximum."""
        if score is None:
            return None
        for band in self.bands:
            if band.lower <= score < band.upper:
                return band
        if self.bands and score == self.bands[-1].upper:
            return self.bands[-1]
        return None


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    name: Text
    description: Text
    answer_scale: AnswerScale
    items: tuple[Item, ...]
    scales: tuple[Scale, ...]
    license: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"instrument {self.id!r} has no item {item_id!r}")

    def scale(self, scale_id: str) -> Scale:
        for scale in self.scales:
            if scale.id == scale_id:
                return scale
        raise KeyError(f"instrument {self.id!r} has no scale {scale_id!r}")

    def items_of(self, scale_id: str) -> tuple[Item, ...]:
        self.scale(scale_id)  # an unknown scale is a bug, not an empty scale
        return tuple(item for item in self.items if item.scale == scale_id)


# --- parsing -----------------------------------------------------------------------

def _fail(where: str, what: str) -> NoReturn:
    raise InstrumentError(f"{where}: {what}")


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages read by whoever wrote the pack."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


def _num(value: float) -> str:
    return f"{value:g}"


def _object(value: object, where: str, required: tuple[str, ...],
            optional: tuple[str, ...] = ()) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        _fail(where, f"must be an object, not {_kind(value)}")
    missing = [key for key in required if key not in value]
    if missing:
        _fail(where, "missing " + ", ".join(repr(key) for key in missing))
    # A misspelt optional key ("revers") would otherwise be ignored without a word.
    unknown = sorted(str(key) for key in value if key not in required + optional)
    if unknown:
        _fail(where, "unknown key " + ", ".join(repr(key) for key in unknown))
    return value


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(where, f"must be a list, not {_kind(value)}")
    if not value:
        _fail(where, "must not be empty")
    return value


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(where, f"must be a whole number, not {_kind(value)}")
    return value


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _fail(where, f"must be a number, not {_kind(value)}")
    if not math.isfinite(value):
        _fail(where, "must be a finite number")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        _fail(where, f"must be a string, not {_kind(value)}")
    if not value.strip():
        _fail(where, "must not be empty")
    return value


def _identifier(value: object, where: str) -> str:
    text = _string(value, where)
    if len(text) > _MAX_ID_LENGTH or not _ID_PATTERN.fullmatch(text):
        _fail(where, f"{text!r} is not a valid id (letters, digits, '_', '.', '-'; "
                     f"at most {_MAX_ID_LENGTH} characters)")
    return text


def _choice(value: object, where: str, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    if value not in choices:
        _fail(where, f"{value!r} is not one of " + ", ".join(repr(c) for c in choices))
    return value  # type: ignore[return-value]


def _text(value: object, where: str) -> Text:
    data = _object(value, where, LANGUAGES)
    return Text(nl=_string(data["nl"], f"{where} (nl)"), en=_string(data["en"], f"{where} (en)"))


def _answer_scale(value: object) -> AnswerScale:
    where = "answer_scale"
    data = _object(value, where, ("min", "max", "labels"))
    low = _int(data["min"], f"{where} min")
    high = _int(data["max"], f"{where} max")
    if low >= high:
        _fail(where, f"min ({low}) must be below max ({high})")
    raw_labels = _list(data["labels"], f"{where} labels")
    if len(raw_labels) != high - low + 1:
        _fail(where, f"has {len(raw_labels)} labels; {low}..{high} needs {high - low + 1}")
    labels = tuple(_text(label, f"{where} label {n}") for n, label in enumerate(raw_labels, 1))
    return AnswerScale(min=low, max=high, labels=labels)


def _bands(value: object, where: str, answers: AnswerScale) -> tuple[Band, ...]:
    if not isinstance(value, list):
        _fail(f"{where} bands", f"must be a list, not {_kind(value)}")
    bands: list[Band] = []
    for n, raw in enumerate(value, 1):
        at = f"{where} band {n}"
        data = _object(raw, at, ("from", "to", "label", "severity"))
        lower = _number(data["from"], f"{at} from")
        upper = _number(data["to"], f"{at} to")
        if lower >= upper:
            _fail(at, f"'from' ({_num(lower)}) must be below 'to' ({_num(upper)})")
        if lower < answers.min or upper > answers.max:
            _fail(at, f"{_num(lower)}..{_num(upper)} lies outside the answer scale "
                      f"{answers.min}..{answers.max}")
        severity = _choice(data["severity"], f"{at} severity", BAND_SEVERITIES)
        bands.append(Band(lower, upper, _text(data["label"], f"{at} label"), severity))
    for n, (before, band) in enumerate(zip(bands, bands[1:]), 2):
        at = f"{where} band {n}"
        if band.lower < before.lower:
            _fail(at, f"bands must be sorted from low to high ({_num(band.lower)} comes "
                      f"after {_num(before.lower)})")
        if band.lower < before.upper:
            _fail(at, f"overlaps band {n - 1} ({_num(band.lower)} < {_num(before.upper)})")
        if band.lower > before.upper:
            _fail(at, f"leaves a gap after band {n - 1} "
                      f"({_num(before.upper)}..{_num(band.lower)} is not covered)")
    if bands and bands[0].lower > answers.min:
        _fail(f"{where} bands", f"{answers.min}..{_num(bands[0].lower)} is not covered")
    if bands and bands[-1].upper < answers.max:
        _fail(f"{where} bands", f"{_num(bands[-1].upper)}..{answers.max} is not covered")
    return tuple(bands)


def _scale(value: object, n: int, answers: AnswerScale) -> Scale:
    data = _object(value, f"scale {n}", ("id", "name", "higher_is", "min_answered", "scoring"),
                   ("sem", "bands"))
    scale_id = _identifier(data["id"], f"scale {n} id")
    where = f"scale {scale_id!r}"
    sem = data.get("sem")
    if sem is not None and _number(sem, f"{where} sem") <= 0:
        _fail(f"{where} sem", f"must be above 0, not {_num(sem)}")
    return Scale(
        id=scale_id,
        name=_text(data["name"], f"{where} name"),
        higher_is=_choice(data["higher_is"], f"{where} higher_is", HIGHER_IS),
        # The upper limit needs the items; parse_instrument checks it.
        min_answered=_int(data["min_answered"], f"{where} min_answered"),
        scoring=_choice(data["scoring"], f"{where} scoring", SCORING_RULES),
        sem=float(sem) if sem is not None else None,
        bands=_bands(data.get("bands", []), where, answers),
    )


def _item(value: object, n: int, scale_ids: set[str]) -> Item:
    data = _object(value, f"item {n}", ("id", "text", "scale"), ("reverse",))
    item_id = _identifier(data["id"], f"item {n} id")
    where = f"item {item_id!r}"
    scale_id = _string(data["scale"], f"{where} scale")
    if scale_id not in scale_ids:
        _fail(where, f"scale {scale_id!r} is not defined")
    reverse = data.get("reverse", False)
    if not isinstance(reverse, bool):
        _fail(f"{where} reverse", f"must be true or false, not {_kind(reverse)}")
    return Item(id=item_id, text=_text(data["text"], f"{where} text"), scale=scale_id,
                reverse=reverse)


def parse_instrument(data: Mapping[str, Any]) -> Instrument:
    """An `Instrument` from a decoded pack; raises `InstrumentError` on the first problem."""
    top = _object(data, "instrument",
                  ("format", "id", "version", "name", "description", "answer_scale",
                   "scales", "items"), ("license",))
    instrument_id = _identifier(top["id"], "instrument id")
    pack_format = _int(top["format"], "instrument format")
    if pack_format != FORMAT_VERSION:
        _fail("instrument format", f"{pack_format} is not supported "
                                   f"(this app reads format {FORMAT_VERSION})")
    version = _int(top["version"], "instrument version")
    if not 1 <= version <= _MAX_VERSION:
        _fail("instrument version", f"must be between 1 and {_MAX_VERSION}, not {version}")
    license_note = top.get("license", "")
    if not isinstance(license_note, str):
        _fail("instrument license", f"must be a string, not {_kind(license_note)}")
    answers = _answer_scale(top["answer_scale"])

    scales = [_scale(raw, n, answers) for n, raw in enumerate(_list(top["scales"], "scales"), 1)]
    _unique([s.id for s in scales], "scale")
    items = [_item(raw, n, {s.id for s in scales})
             for n, raw in enumerate(_list(top["items"], "items"), 1)]
    _unique([i.id for i in items], "item")
    for scale in scales:
        count = sum(1 for item in items if item.scale == scale.id)
        if not count:
            _fail(f"scale {scale.id!r}", "has no items")
        if not 1 <= scale.min_answered <= count:
            _fail(f"scale {scale.id!r} min_answered",
                  f"must be between 1 and {count} (its number of items), "
                  f"not {scale.min_answered}")
    return Instrument(
        id=instrument_id,
        version=version,
        name=_text(top["name"], "instrument name"),
        description=_text(top["description"], "instrument description"),
        answer_scale=answers,
        items=tuple(items),
        scales=tuple(scales),
        license=license_note,
    )


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for each in ids:
        if each in seen:
            _fail(f"{what} {each!r}", "the id is used more than once")
        seen.add(each)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys; in a pack that hides a mistake.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InstrumentError(f"key {key!r} appears twice in one object")
        result[key] = value
    return result


def load_instrument(path: str | os.PathLike[str]) -> Instrument:
    """Read and parse one pack; every failure is an `InstrumentError` naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)
    except OSError as exc:
        raise InstrumentError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InstrumentError(f"{path.name}: is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise InstrumentError(f"{path.name}: is not valid JSON (line {exc.lineno}, "
                              f"column {exc.colno}: {exc.msg})") from exc
    except InstrumentError as exc:
        raise InstrumentError(f"{path.name}: {exc}") from None
    try:
        return parse_instrument(data)
    except InstrumentError as exc:
        raise InstrumentError(f"{path.name}: {exc}") from None


# --- where the shipped instruments live ---------------------------------------------

def builtin_dir() -> Path:
    """The folder holding the instrument packs shipped with the app.

    The first of these folders that exists wins:

    1. ``$JOINUS_RESOURCES_DIR/instruments``: an explicit override (tests, odd installs);
    2. ``sys._MEIPASS/resources/instruments``: inside a PyInstaller bundle;
    3. ``<repo root>/resources/instruments``: a source checkout or editable install,
       the repo root being the folder that holds ``src/joinus_desktop``;
    4. ``joinus_desktop/resources/instruments``: package data of a non-editable
       install, for a build that copies ``resources/instruments`` into the package.

    Raises FileNotFoundError listing every place searched.
    """
    found = resources.find_dir("instruments")
    if found is None:
        raise FileNotFoundError("no instrument folder found; searched: "
                                + ", ".join(str(c) for c in resources.candidates("instruments")))
    return found


class InstrumentRegistry:
    """The installed instruments, by (id, version).

    A response names the version it was answered with, so every version ever
    used stays installed and old responses keep their own items and bands.
    """

    def __init__(self, instruments: Iterable[Instrument] = ()) -> None:
        self._by_key: dict[tuple[str, int], Instrument] = {}
        for instrument in instruments:
            self.add(instrument)

    @classmethod
    def builtin(cls) -> InstrumentRegistry:
        return cls(load_instrument(path) for path in sorted(builtin_dir().glob("*.json")))

    def add(self, instrument: Instrument) -> None:
        """Install ``instrument``; adding the very same one again is a no-op."""
        existing = self._by_key.get(instrument.key)
        if existing is not None and existing != instrument:
            # Two different texts under one version would make old answers ambiguous.
            raise InstrumentError(f"instrument {instrument.id!r} version {instrument.version}: "
                                  "a different pack with this id and version is installed")
        self._by_key[instrument.key] = instrument

    def get(self, instrument_id: str, version: int) -> Instrument:
        try:
            return self._by_key[(instrument_id, version)]
        except KeyError:
            raise KeyError(f"instrument {instrument_id!r} version {version} "
                           "is not installed") from None

    def latest(self, instrument_id: str) -> Instrument:
        versions = [i for (key, _), i in self._by_key.items() if key == instrument_id]
        if not versions:
            raise KeyError(f"instrument {instrument_id!r} is not installed")
        return max(versions, key=lambda i: i.version)

    def default(self) -> Instrument:
        return self.latest(DEFAULT_INSTRUMENT_ID)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Instrument]:
        return iter([self._by_key[key] for key in sorted(self._by_key)])

    def __len__(self) -> int:
        return len(self._by_key)


# --- answers and scores ------------------------------------------------------------

def validate_answers(instrument: Instrument, answers: Mapping[str, object]) -> list[Problem]:
    """Every problem with a set of answers; None marks a question left unanswered."""
    if not isinstance(answers, Mapping):
        return [Problem("answers", "not_a_mapping")]
    scale = instrument.answer_scale
    problems: list[Problem] = []
    for item in instrument.items:
        value = answers.get(item.id)
        if value is not None and not scale.accepts(value):
            problems.append(Problem("answers", "answer_out_of_scale", Severity.ERROR,
                                    {"item": item.id, "min": scale.min, "max": scale.max}))
    known = {item.id for item in instrument.items}
    for key in sorted((k for k in answers if k not in known), key=str):
        problems.append(Problem("answers", "unknown_item", Severity.ERROR, {"item": str(key)}))
    unanswered = [item.id for item in instrument.items if answers.get(item.id) is None]
    if unanswered:
        problems.append(Problem("answers", "unanswered_items", Severity.WARNING,
                                {"count": len(unanswered), "items": ", ".join(unanswered)}))
    for each in instrument.scales:
        answered = sum(1 for item in instrument.items_of(each.id)
                       if scale.accepts(answers.get(item.id)))
        if answered < each.min_answered:
            problems.append(Problem("answers", "too_many_missing", Severity.WARNING,
                                    {"scale": each.id, "answered": answered,
                                     "needed": each.min_answered}))
    return problems


def score(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, float | None]:
    """Each scale's score, keyed by scale id: the scoring rule (the mean, rounded to
    two decimals) over the scale's answered items after reverse scoring; None when
    fewer than ``min_answered`` of its items are answered.

    Raises ValueError when `validate_answers` finds an error: a score computed
    from an impossible answer would put a wrong point on a youngster's chart.
    """
    errors = [p for p in validate_answers(instrument, answers) if p.is_error]
    if errors:
        raise ValueError("cannot score: " + "; ".join(p.message("en") for p in errors))
    low, high = instrument.answer_scale.min, instrument.answer_scale.max
    scores: dict[str, float | None] = {}
    for scale in instrument.scales:
        values: list[int] = [low + high - value if item.reverse else value
                  for item in instrument.items_of(scale.id)
                  if (value := answers.get(item.id)) is not None]
        enough = len(values) >= scale.min_answered
        scores[scale.id] = SCORING_RULES[scale.scoring](values) if enough else None
    return scores


def reliable_change_threshold(scale: Scale) -> float | None:
    """The smallest change larger than measurement error (95%), or None without a SEM."""
    return None if scale.sem is None else RCI_FACTOR * scale.sem


def reliable_change(scale: Scale, before: float, after: float) -> bool:
    threshold = reliable_change_threshold(scale)
    return threshold is not None and abs(after - before) > threshold


def change_direction(scale: Scale, before: float, after: float) -> Direction:
    if after == before:
        return "same"
    went_up = after > before
    return "better" if went_up == (scale.higher_is == "better") else "worse"
