"""Export and import: all content round-trips; a bad file changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from joinus_desktop.store.exchange import ImportFileError, export_file, import_file
from joinus_desktop.store.store import Store
from tests.conftest import FAST_ARGON2, PASSPHRASE


def fill(store: Store) -> str:
    team = store.teams.create(name="Join Us Zeist", municipality="Zeist").record["id"]
    y = store.youngsters.add(team_id=team, alias="Daan", intake_date="2026-01-01",
                             birth_year=2010).id
    m = store.meetings.add(team_id=team, date="2026-01-05", place="Buurthuis", notes="Koken").id
    store.meetings.set_attendance(m, [y])
    store.observations.add(team_id=team, youngster_id=y, meeting_id=m, date="2026-01-05",
                           behaviour="Hielp met snijden", tags=["peer_contact"])
    c = store.challenges.add(team_id=team, youngster_id=y, title="Iemand aanspreken").id
    store.challenges.add_attempt(challenge_id=c, date="2026-01-05", what_happened="Gelukt",
                                 outcome="went_well")
    store.questionnaires.record(youngster_id=y, date="2026-01-05",
                                answers={i.id: 4 for i in store.instruments.default().items})
    return team


def content(store: Store) -> dict:
    from joinus_desktop.store.exchange import export_data

    return export_data(store)["records"]


def test_export_then_import_into_an_empty_vault(store, tmp_path: Path) -> None:  # noqa: ANN001
    fill(store)
    target = tmp_path / "export.json"
    counts = export_file(store, target)
    assert counts["youngster"] == 1 and counts["questionnaire_response"] == 1
    data = json.loads(target.read_text())
    assert data["format"] == "joinus-export" and "NOT encrypted" in data["warning"]

    other, _ = Store.create(tmp_path / "other", PASSPHRASE, argon2=FAST_ARGON2)
    with other:
        result = import_file(other, target)
        assert result == {"added": 8, "updated": 0, "unchanged": 0}
        assert content(other) == content(store)
        assert other.pending_changes() == 8  # imported records sync like any other work
        again = import_file(other, target)
        assert again == {"added": 0, "updated": 0, "unchanged": 8}


@pytest.mark.parametrize("breakage, message", [
    (lambda d: d["records"]["youngster"][0].update(birth_year="twee"), r"youngster\[0\].*whole"),
    (lambda d: d["records"]["observation"][0].update(youngster_id="0193a1b2-0000-7000-8000-"
                                                     "000000000000"), r"observation\[0\].*refers"),
    (lambda d: d["records"]["observation"][0].update(tags=["zomaar"]), "not a Join Us method"),
    (lambda d: d["records"]["questionnaire_response"][0]["answers"].update(lo1=7),
     r"questionnaire_response\[0\].*between"),
    (lambda d: d["records"]["meeting"].append(dict(d["records"]["meeting"][0])), "twice"),
    (lambda d: d.update(version=7), "version 7"),
    (lambda d: d["records"].update(secrets=[]), "unknown record type"),
])
def test_bad_file_names_the_record_and_changes_nothing(store, tmp_path: Path, breakage,  # noqa: ANN001
                                                       message: str) -> None:
    fill(store)
    target = tmp_path / "export.json"
    export_file(store, target)
    data = json.loads(target.read_text())
    breakage(data)
    target.write_text(json.dumps(data))
    other, _ = Store.create(tmp_path / "other", PASSPHRASE, argon2=FAST_ARGON2)
    with other:
        with pytest.raises(ImportFileError, match=message):
            import_file(other, target)
        assert other.pending_changes() == 0
        assert other.teams.list() == []


def test_not_json_and_missing_file(store, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "joinus-export",')
    with pytest.raises(ImportFileError, match="not valid JSON"):
        import_file(store, bad)
    with pytest.raises(ImportFileError, match="does not exist"):
        import_file(store, tmp_path / "nope.json")


def test_import_updates_changed_records(store, tmp_path: Path) -> None:  # noqa: ANN001
    team = fill(store)
    target = tmp_path / "export.json"
    export_file(store, target)
    data = json.loads(target.read_text())
    data["records"]["youngster"][0]["alias"] = "Daan V."
    target.write_text(json.dumps(data))
    assert import_file(store, target)["updated"] == 1
    assert store.youngsters.list(team)[0]["alias"] == "Daan V."


def test_an_erased_youngster_cannot_be_imported_again(store, tmp_path: Path) -> None:  # noqa: ANN001
    fill(store)
    target = tmp_path / "export.json"
    export_file(store, target)
    team = store.teams.list()[0]["id"]
    youngster = store.youngsters.list(team)[0]["id"]
    store.erasure.erase_youngster(youngster)
    before = store.pending_changes()
    with pytest.raises(ImportFileError, match="erased at their request"):
        import_file(store, target)
    assert store.pending_changes() == before
    assert store.youngsters.list(team) == []
