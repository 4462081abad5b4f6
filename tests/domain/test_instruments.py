from __future__ import annotations

import copy
import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from joinus_desktop.domain import instruments as inst
from joinus_desktop.domain.instruments import (
    Instrument,
    InstrumentError,
    InstrumentRegistry,
    builtin_dir,
    change_direction,
    load_instrument,
    parse_instrument,
    reliable_change,
    score,
    validate_answers,
)
from joinus_desktop.domain.problems import Severity

REPO = Path(__file__).resolve().parents[2]
PACK_PATH = REPO / "resources" / "instruments" / "joinus-monitor.json"


@pytest.fixture(scope="module")
def pack() -> dict[str, Any]:
    return json.loads(PACK_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def monitor(pack: dict[str, Any]) -> Instrument:
    return parse_instrument(pack)


def all_answers(instrument: Instrument, value: int | None = 3) -> dict[str, object]:
    return {item.id: value for item in instrument.items}


# --- the built-in pack ------------------------------------------------------------

def test_builtin_registry_holds_the_monitor() -> None:
    registry = InstrumentRegistry.builtin()
    monitor = registry.default()
    assert monitor.key == ("joinus-monitor", 1)
    assert monitor.name.get("nl") == "Join Us-monitor"
    assert [s.id for s in monitor.scales] == ["loneliness", "self_confidence", "social_skills"]
    assert len(monitor.items) == 18


def test_builtin_pack_shape(monitor: Instrument) -> None:
    assert (monitor.answer_scale.min, monitor.answer_scale.max) == (1, 5)
    assert monitor.answer_scale.label(1, "nl") == "Helemaal niet waar"
    assert monitor.answer_scale.label(5, "en") == "Completely true"
    for scale in monitor.scales:
        items = monitor.items_of(scale.id)
        assert len(items) == 6
        assert sum(item.reverse for item in items) == 2
        assert scale.scoring == "mean" and scale.sem is not None
    assert monitor.scale("loneliness").higher_is == "worse"
    assert monitor.scale("self_confidence").higher_is == "better"
    assert monitor.scale("social_skills").bands == ()
    assert monitor.item("lo1").text.get("nl") != monitor.item("lo1").text.get("en")
    assert "Join Us" in monitor.license


def test_lookups_raise_key_error_for_unknown_ids(monitor: Instrument) -> None:
    with pytest.raises(KeyError):
        monitor.item("nope")
    with pytest.raises(KeyError):
        monitor.scale("nope")
    with pytest.raises(KeyError):
        monitor.items_of("nope")
    with pytest.raises(ValueError):
        monitor.answer_scale.label(6)


# --- rejected packs ----------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(pack: dict[str, Any]) -> None:
        target = pack
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


def _delete(path: tuple[Any, ...]) -> Mutation:
    def mutate(pack: dict[str, Any]) -> None:
        target = pack
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return mutate


def _append(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(pack: dict[str, Any]) -> None:
        target = pack
        for key in path:
            target = target[key]
        target.append(value)
    return mutate


def _reverse_bands(pack: dict[str, Any]) -> None:
    pack["scales"][0]["bands"].reverse()


EXTRA_SCALE = {"id": "extra", "name": {"nl": "Extra", "en": "Extra"}, "higher_is": "better",
               "min_answered": 1, "scoring": "mean"}
TEXT = {"nl": "x", "en": "x"}

BAD_PACKS: list[tuple[str, Mutation, str]] = [
    ("no format", _delete(("format",)), "instrument: missing 'format'"),
    ("future format", _set(("format",), 2), "instrument format: 2 is not supported"),
    ("unknown top key", _set(("colour",), "red"), "instrument: unknown key 'colour'"),
    ("version text", _set(("version",), "1"), "instrument version: must be a whole number"),
    ("version zero", _set(("version",), 0), "instrument version: must be between 1 and 10000"),
    ("version beyond a response's", _set(("version",), 2**63),
     "instrument version: must be between 1 and 10000"),
    ("bad id", _set(("id",), "join us"), "instrument id: 'join us' is not a valid id"),
    ("name lacks en", _delete(("name", "en")), "instrument name: missing 'en'"),
    ("empty nl", _set(("description", "nl"), " "), "instrument description (nl): must not be"),
    ("extra language", _set(("name", "fr"), "x"), "instrument name: unknown key 'fr'"),
    ("license number", _set(("license",), 3), "instrument license: must be a string"),
    ("min not below max", _set(("answer_scale", "min"), 5), "min (5) must be below max (5)"),
    ("min text", _set(("answer_scale", "min"), "1"), "answer_scale min: must be a whole number"),
    ("label count", _delete(("answer_scale", "labels", 4)), "has 4 labels; 1..5 needs 5"),
    ("label lacks nl", _delete(("answer_scale", "labels", 1, "nl")),
     "answer_scale label 2: missing 'nl'"),
    ("no scales", _set(("scales",), []), "scales: must not be empty"),
    ("items object", _set(("items",), {}), "items: must be a list, not an object"),
    ("duplicate item", _set(("items", 1, "id"), "lo1"), "item 'lo1': the id is used more"),
    ("duplicate scale", _set(("scales", 1, "id"), "loneliness"),
     "scale 'loneliness': the id is used more"),
    ("undefined scale", _set(("items", 2, "scale"), "lonely"),
     "item 'lo3': scale 'lonely' is not defined"),
    ("reverse text", _set(("items", 0, "reverse"), "yes"),
     "item 'lo1' reverse: must be true or false, not a string"),
    ("misspelt key", _set(("items", 0, "revers"), True), "item 1: unknown key 'revers'"),
    ("item lacks id", _delete(("items", 3, "id")), "item 4: missing 'id'"),
    ("item text lacks en", _delete(("items", 0, "text", "en")), "item 'lo1' text: missing 'en'"),
    ("scale without items", _append(("scales",), EXTRA_SCALE), "scale 'extra': has no items"),
    ("min_answered zero", _set(("scales", 0, "min_answered"), 0),
     "scale 'loneliness' min_answered: must be between 1 and 6 (its number of items), not 0"),
    ("min_answered too high", _set(("scales", 0, "min_answered"), 7), "between 1 and 6"),
    ("min_answered text", _set(("scales", 0, "min_answered"), "4"),
     "scale 'loneliness' min_answered: must be a whole number"),
    ("higher_is", _set(("scales", 0, "higher_is"), "up"),
     "scale 'loneliness' higher_is: 'up' is not one of 'better', 'worse'"),
    ("scoring", _set(("scales", 0, "scoring"), "sum"),
     "scale 'loneliness' scoring: 'sum' is not one of 'mean'"),
    ("negative sem", _set(("scales", 0, "sem"), -0.1), "scale 'loneliness' sem: must be above 0"),
    ("sem text", _set(("scales", 0, "sem"), "0.3"), "scale 'loneliness' sem: must be a number"),
    ("band outside", _set(("scales", 0, "bands", 2, "to"), 6),
     "scale 'loneliness' band 3: 3.5..6 lies outside the answer scale 1..5"),
    ("band gap", _set(("scales", 0, "bands", 1, "from"), 2.7),
     "scale 'loneliness' band 2: leaves a gap after band 1 (2.5..2.7 is not covered)"),
    ("band overlap", _set(("scales", 0, "bands", 1, "from"), 2.2),
     "scale 'loneliness' band 2: overlaps band 1"),
    ("bands unsorted", _reverse_bands, "bands must be sorted from low to high"),
    ("band empty", _set(("scales", 0, "bands", 0, "to"), 1), "'from' (1) must be below 'to' (1)"),
    ("bands start late", _set(("scales", 0, "bands", 0, "from"), 1.5),
     "scale 'loneliness' bands: 1..1.5 is not covered"),
    ("bands end early", _set(("scales", 0, "bands", 2, "to"), 4.5),
     "scale 'loneliness' bands: 4.5..5 is not covered"),
    ("band severity", _set(("scales", 1, "bands", 0, "severity"), "red"),
     "scale 'self_confidence' band 1 severity: 'red' is not one of"),
    ("band label", _delete(("scales", 0, "bands", 0, "label")),
     "scale 'loneliness' band 1: missing 'label'"),
    ("bands object", _set(("scales", 0, "bands"), {}),
     "scale 'loneliness' bands: must be a list"),
    ("band bound bool", _set(("scales", 0, "bands", 0, "from"), True),
     "band 1 from: must be a number, not a boolean"),
]


@pytest.mark.parametrize(("mutate", "expected"), [case[1:] for case in BAD_PACKS],
                         ids=[case[0] for case in BAD_PACKS])
def test_bad_pack_is_rejected_with_a_precise_message(pack: dict[str, Any], mutate: Mutation,
                                                     expected: str) -> None:
    bad = copy.deepcopy(pack)
    mutate(bad)
    with pytest.raises(InstrumentError) as caught:
        parse_instrument(bad)
    assert expected in str(caught.value)


def test_a_pack_must_be_an_object() -> None:
    with pytest.raises(InstrumentError, match="instrument: must be an object, not a list"):
        parse_instrument([])  # type: ignore[arg-type]


def test_optional_parts_may_be_left_out(pack: dict[str, Any]) -> None:
    lean = copy.deepcopy(pack)
    del lean["license"]
    del lean["scales"][0]["bands"]
    del lean["scales"][0]["sem"]
    del lean["items"][0]["reverse"]
    instrument = parse_instrument(lean)
    assert instrument.license == ""
    assert instrument.scale("loneliness").bands == ()
    assert instrument.scale("loneliness").sem is None
    assert instrument.item("lo1").reverse is False


# --- files and folders ---------------------------------------------------------------

def test_load_instrument_reads_the_file(monitor: Instrument) -> None:
    assert load_instrument(PACK_PATH) == monitor


def test_load_names_the_file_on_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": 1,\n "id": }', encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"broken\.json: is not valid JSON \(line 2"):
        load_instrument(path)


def test_load_names_the_file_when_it_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InstrumentError, match=r"absent\.json: cannot be read"):
        load_instrument(tmp_path / "absent.json")


def test_load_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes('{"name": "vragenlijst é"}'.encode("latin-1"))
    with pytest.raises(InstrumentError, match=r"latin\.json: is not UTF-8"):
        load_instrument(path)


def test_load_rejects_duplicate_keys(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text('{"format": 1, "format": 1}', encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"twice\.json: key 'format' appears twice"):
        load_instrument(path)


def test_load_prefixes_pack_problems_with_the_file_name(tmp_path: Path,
                                                        pack: dict[str, Any]) -> None:
    bad = copy.deepcopy(pack)
    bad["items"][2]["scale"] = "lonely"
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InstrumentError,
                       match=r"^custom\.json: item 'lo3': scale 'lonely' is not defined$"):
        load_instrument(path)


def _instrument_folder(root: Path) -> Path:
    folder = root / "instruments"
    folder.mkdir(parents=True)
    return folder


def test_builtin_dir_in_a_source_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(inst.RESOURCES_ENV, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert builtin_dir() == PACK_PATH.parent


def test_builtin_dir_in_a_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.delenv(inst.RESOURCES_ENV, raising=False)
    folder = _instrument_folder(tmp_path / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert builtin_dir() == folder


def test_builtin_dir_env_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = _instrument_folder(tmp_path / "override")
    _instrument_folder(tmp_path / "bundle" / "resources")
    monkeypatch.setenv(inst.RESOURCES_ENV, str(tmp_path / "override"))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    assert builtin_dir() == folder


def test_builtin_dir_skips_a_folder_that_does_not_exist(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setenv(inst.RESOURCES_ENV, str(tmp_path / "missing"))
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert builtin_dir() == PACK_PATH.parent


# --- the registry ------------------------------------------------------------------

def test_registry_versions(monitor: Instrument) -> None:
    v2 = dataclasses.replace(monitor, version=2)
    other = dataclasses.replace(monitor, id="other")
    registry = InstrumentRegistry([v2, other, monitor])
    assert registry.get("joinus-monitor", 1) is monitor
    assert registry.latest("joinus-monitor") is v2
    assert registry.default() is v2
    assert [i.key for i in registry] == [("joinus-monitor", 1), ("joinus-monitor", 2),
                                         ("other", 1)]
    assert len(registry) == 3 and ("other", 1) in registry
    with pytest.raises(KeyError, match="version 3 is not installed"):
        registry.get("joinus-monitor", 3)
    with pytest.raises(KeyError):
        registry.latest("absent")
    with pytest.raises(KeyError):
        InstrumentRegistry().default()


def test_registry_refuses_a_different_pack_under_an_installed_version(
        monitor: Instrument) -> None:
    registry = InstrumentRegistry([monitor])
    registry.add(monitor)  # the same pack again is harmless
    assert len(registry) == 1
    renamed = dataclasses.replace(monitor, name=inst.Text(nl="Anders", en="Other"))
    with pytest.raises(InstrumentError, match="'joinus-monitor' version 1"):
        registry.add(renamed)
    assert registry.get("joinus-monitor", 1) is monitor


# --- scoring -------------------------------------------------------------------------

def test_reverse_scored_items_are_mirrored(monitor: Instrument) -> None:
    answers = all_answers(monitor, 1)
    scores = score(monitor, answers)
    # Each scale: four items at 1, two reversed items counting as 5 -> 14 / 6.
    assert scores == {"loneliness": 2.33, "self_confidence": 2.33, "social_skills": 2.33}


def test_score_by_hand(monitor: Instrument) -> None:
    answers = {"lo1": 5, "lo2": 1, "lo3": 4, "lo4": 4, "lo5": 2, "lo6": 5}
    # lo2 and lo5 are reversed: 5 + 5 + 4 + 4 + 4 + 5 = 27, 27 / 6 = 4.5
    assert score(monitor, answers)["loneliness"] == 4.5


def test_missing_item_rule(monitor: Instrument) -> None:
    four = {"lo1": 4, "lo2": 2, "lo3": 4, "lo4": None}
    assert score(monitor, {**four, "lo5": 3})["loneliness"] == 3.75  # 4+4+4+3 / 4
    assert score(monitor, four)["loneliness"] is None  # three answered, four needed
    assert score(monitor, {})["self_confidence"] is None


def test_rounding_is_half_up(pack: dict[str, Any]) -> None:
    wide = copy.deepcopy(pack)
    for n in (7, 8):
        wide["items"].append({"id": f"ss{n}", "scale": "social_skills", "text": TEXT})
    instrument = parse_instrument(wide)
    answers = {f"ss{n}": 2 for n in (1, 2, 4, 6, 7, 8)} | {"ss3": 4, "ss5": 3}
    # ss3 and ss5 are reversed: 4 -> 2, 3 -> 3; (6 * 2 + 2 + 3) / 8 = 17 / 8 = 2.125,
    # which float rounding (and half-even) would make 2.12.
    assert score(instrument, answers)["social_skills"] == 2.13


def test_score_refuses_invalid_answers(monitor: Instrument) -> None:
    for bad in ({"lo1": 6}, {"lo1": True}, {"lo1": "3"}, {"nope": 3}):
        with pytest.raises(ValueError, match="cannot score"):
            score(monitor, bad)


# --- checking answers -----------------------------------------------------------------

def test_complete_answers_have_no_problems(monitor: Instrument) -> None:
    assert validate_answers(monitor, all_answers(monitor, 5)) == []


@pytest.mark.parametrize("bad", [0, 6, 2.0, "3", True, [3]])
def test_answer_out_of_scale(monitor: Instrument, bad: object) -> None:
    answers = all_answers(monitor) | {"sc2": bad}
    problems = validate_answers(monitor, answers)
    assert [(p.code, p.severity, p.params) for p in problems] == [
        ("answer_out_of_scale", Severity.ERROR, {"item": "sc2", "min": 1, "max": 5})]
    assert problems[0].message("nl") == "Antwoord op 'sc2' moet tussen 1 en 5 liggen."


def test_unknown_item(monitor: Instrument) -> None:
    problems = validate_answers(monitor, all_answers(monitor) | {"zz9": 3})
    assert [(p.field, p.code, p.severity, p.params) for p in problems] == [
        ("answers", "unknown_item", Severity.ERROR, {"item": "zz9"})]
    assert problems[0].message("nl") == "'zz9' is geen vraag van deze vragenlijst."


def test_unanswered_and_too_many_missing(monitor: Instrument) -> None:
    answers = all_answers(monitor) | {"lo1": None, "lo2": None, "lo3": None}
    del answers["sc1"]
    problems = validate_answers(monitor, answers)
    assert [(p.code, p.severity) for p in problems] == [
        ("unanswered_items", Severity.WARNING), ("too_many_missing", Severity.WARNING)]
    assert problems[0].params["count"] == 4
    assert problems[1].params["scale"] == "loneliness"
    assert problems[0].message("nl") == "4 vraag/vragen niet beantwoord."
    assert problems[1].message("nl") == "Te veel onbeantwoorde vragen om 'loneliness' te scoren."
    assert problems[1].message("en") == "Too many unanswered questions to score 'loneliness'."


def test_answers_must_be_a_mapping(monitor: Instrument) -> None:
    problems = validate_answers(monitor, [3, 3])  # type: ignore[arg-type]
    assert [p.code for p in problems] == ["not_a_mapping"]


# --- bands and change ------------------------------------------------------------------

def test_band_for(monitor: Instrument) -> None:
    def severity(scale_id: str, value: float | None) -> str | None:
        band = monitor.scale(scale_id).band_for(value)
        return band.severity if band else None

    assert severity("loneliness", 1.0) == "ok"
    assert severity("loneliness", 2.49) == "ok"
    assert severity("loneliness", 2.5) == "attention"  # lower bounds are inclusive
    assert severity("loneliness", 5.0) == "concern"  # the last band holds the maximum
    assert severity("loneliness", None) is None
    assert severity("loneliness", 5.5) is None
    assert severity("self_confidence", 1.2) == "concern"
    assert severity("social_skills", 3.0) is None  # no bands
    band = monitor.scale("loneliness").band_for(4.0)
    assert band is not None and band.label.get("nl") == "Erg eenzaam"


def test_reliable_change(monitor: Instrument) -> None:
    lonely = monitor.scale("loneliness")  # sem 0.3: threshold 1.96 * sqrt(2) * 0.3 = 0.83
    assert reliable_change(lonely, 3.5, 2.66)
    assert reliable_change(lonely, 2.66, 3.5)
    assert not reliable_change(lonely, 3.5, 2.7)
    assert not reliable_change(dataclasses.replace(lonely, sem=None), 1.0, 5.0)


def test_change_direction_honours_higher_is(monitor: Instrument) -> None:
    lonely, confident = monitor.scale("loneliness"), monitor.scale("self_confidence")
    assert change_direction(lonely, 3.5, 2.0) == "better"
    assert change_direction(lonely, 2.0, 3.5) == "worse"
    assert change_direction(confident, 3.5, 2.0) == "worse"
    assert change_direction(confident, 2.0, 3.5) == "better"
    assert change_direction(confident, 2.0, 2.0) == "same"
