"""Challenges in the youngster detail: add one, change its status, add an attempt."""

from __future__ import annotations

from PySide6.QtCore import Qt

from joinus_desktop.store.store import Store
from joinus_desktop.ui.challenges.model import AttemptsModel, ChallengesModel
from joinus_desktop.ui.youngsters.view import YoungstersView


def test_add_challenge_status_and_attempt(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    store = demo_store
    team_id = store.teams.current()["id"]
    youngster = store.youngsters.list(team_id, status="active")[0]
    before = len(store.challenges.for_youngster(youngster["id"]))
    view = YoungstersView(store, team_id)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        view.select_youngster(youngster["id"])
    section = view.detail.challenges
    assert section.model.rowCount() == before

    dialog = section.open_add_challenge()
    qtbot.keyClicks(dialog.title_edit, "Een fout maken met opzet")
    dialog.kind.setCurrentIndex(dialog.kind.findData("negative_belief"))
    qtbot.keyClicks(dialog.works_on, "Als ik een fout maak lachen ze me uit")
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    challenges = store.challenges.for_youngster(youngster["id"])
    assert len(challenges) == before + 1
    new = next(c for c in challenges if c["title"] == "Een fout maken met opzet")
    assert new["works_on_kind"] == "negative_belief" and new["status"] == "active"
    assert section.model.rowCount() == before + 1

    section.select(new["id"])
    section.status.setCurrentIndex(section.status.findData("achieved"))
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        section.status.activated.emit(section.status.currentIndex())
    assert store.challenges.get(new["id"])["status"] == "achieved"

    section.select(new["id"])
    attempt = section.open_add_attempt()
    assert attempt.meeting.count() == len(store.meetings.attended_dates(youngster["id"])) + 1
    attempt.meeting.setCurrentIndex(1)  # the latest meeting attended: its date follows
    qtbot.keyClicks(attempt.what_happened, "Liet expres de bal vallen; niemand lachte")
    qtbot.keyClicks(attempt.how_it_felt, "Opgelucht")
    attempt.outcome.setCurrentIndex(attempt.outcome.findData("went_well"))
    meeting_id = attempt.meeting.currentData()
    with qtbot.waitSignal(view.detail_shown, timeout=10_000):
        qtbot.mouseClick(attempt.save_button, Qt.MouseButton.LeftButton)
    attempts = store.challenges.attempts(new["id"])
    assert len(attempts) == 1
    a = attempts[0]
    assert a["meeting_id"] == meeting_id and a["outcome"] == "went_well"
    assert a["date"] == store.meetings.get(meeting_id)["date"]
    section.select(new["id"])
    assert section.attempts_model.rowCount() == 1
    assert section.attempts_model.index(0, AttemptsModel.WHAT).data().startswith("Liet expres")


def test_attempt_needs_words(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    from joinus_desktop.ui.challenges.dialogs import AttemptDialog

    team_id = demo_store.teams.current()["id"]
    challenge = demo_store.challenges.active(team_id)[0]
    before = len(demo_store.challenges.attempts(challenge["id"]))
    dialog = AttemptDialog(demo_store, challenge, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.messages["what_happened"].is_error, timeout=5_000)
    assert dialog.messages["what_happened"].text() == "What happened is required."
    assert len(demo_store.challenges.attempts(challenge["id"])) == before


def test_challenge_models(qtmodeltester, demo_store: Store) -> None:  # noqa: ANN001
    team_id = demo_store.teams.current()["id"]
    youngster = demo_store.challenges.active(team_id)[0]["youngster_id"]
    model = ChallengesModel()
    qtmodeltester.check(model)
    challenges = demo_store.challenges.for_youngster(youngster)
    attempts = demo_store.challenges.attempts_for_youngster(youngster)
    model.attempt_counts = {c["id"]: sum(a["challenge_id"] == c["id"] for a in attempts)
                            for c in challenges}
    model.set_rows(challenges, "en")
    qtmodeltester.check(model)
    assert model.index(0, ChallengesModel.TITLE).data() == challenges[0]["title"]
    assert model.index(0, ChallengesModel.ATTEMPTS).data() == str(
        model.attempt_counts[challenges[0]["id"]])
    attempts_model = AttemptsModel()
    qtmodeltester.check(attempts_model)
    attempts_model.set_rows(attempts, "en")
    qtmodeltester.check(attempts_model)
    assert attempts_model.rowCount() == len(attempts)
