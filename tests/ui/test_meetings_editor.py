"""The meeting editor, driven as a social worker would; assertions on what the store holds."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from joinus_desktop.store.store import Store
from joinus_desktop.ui import tasks
from joinus_desktop.ui.meetings.editor import MeetingEditor


def _team(store: Store) -> str:
    return store.teams.current()["id"]


def _open(qtbot, store: Store, meeting_id: str | None = None) -> MeetingEditor:  # noqa: ANN001
    editor = MeetingEditor(store, _team(store), meeting_id)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        editor.show()
    return editor


def _tick(qtbot, check: QCheckBox) -> None:  # noqa: ANN001
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def _with_active_challenge(editor: MeetingEditor) -> str:
    assert editor.data is not None
    return next(p.id for p in editor.data.people if editor.data.challenges[p.id])


def test_record_a_meeting_with_observations_and_an_attempt(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    store = demo_store
    before = len(store.meetings.list(_team(store)))
    editor = _open(qtbot, store)
    people = editor.data.people
    assert [p.alias.casefold() for p in people] == sorted(p.alias.casefold() for p in people)
    assert {p.status for p in people} <= {"active", "intake"}

    qtbot.keyClicks(editor.place, "Buurtcentrum De Dreef")
    qtbot.keyClicks(editor.activities, "Levend stratego")
    qtbot.keyClicks(editor.notes, "Rustige start, daarna veel plezier.")
    challenger = _with_active_challenge(editor)
    other = next(p.id for p in people if p.id != challenger)
    _tick(qtbot, editor.checks[challenger])
    _tick(qtbot, editor.checks[other])
    assert set(editor.present_ids()) == {challenger, other}
    assert editor.tabs.count() == 2

    panel = editor.show_panel(challenger)
    obs = panel.observations[0]
    qtbot.keyClicks(obs.behaviour, "Ging in de hoek zitten met zijn telefoon")
    qtbot.keyClicks(obs.context, "Tijdens het spel")
    assert obs.cause_detail.isHidden()  # "not clear yet": nothing to name
    qtbot.mouseClick(obs.cause_buttons["negative_belief"], Qt.MouseButton.LeftButton,
                     pos=QPoint(6, 6))
    assert not obs.cause_detail.isHidden()
    qtbot.keyClicks(obs.cause_detail, "Anderen lachen me uit")
    qtbot.mouseClick(obs.tag_buttons["fun_and_safety"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(obs.tag_buttons["social_skills"], Qt.MouseButton.LeftButton)

    qtbot.mouseClick(panel.add_attempt_button, Qt.MouseButton.LeftButton)
    attempt = panel.attempts[0]
    attempt.challenge.setCurrentIndex(1)
    attempt.outcome.setCurrentIndex(attempt.outcome.findData("partly"))
    qtbot.keyClicks(attempt.what_happened, "Deed even mee met het spel")
    qtbot.keyClicks(attempt.how_it_felt, "Spannend")

    with qtbot.waitSignal(editor.saved, timeout=10_000) as blocker:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    meeting_id = blocker.args[0]
    meeting = store.meetings.get(meeting_id)
    assert meeting["place"] == "Buurtcentrum De Dreef"
    assert meeting["notes"] == "Rustige start, daarna veel plezier."
    assert len(store.meetings.list(_team(store))) == before + 1
    assert store.meetings.attendee_ids(meeting_id) == {challenger, other}
    observations = store.observations.for_meeting(meeting_id)
    assert len(observations) == 1  # the other attendee's blank entry is no observation
    o = observations[0]
    assert o["youngster_id"] == challenger
    assert o["behaviour"] == "Ging in de hoek zitten met zijn telefoon"
    assert o["suspected_cause"] == "negative_belief"
    assert o["cause_detail"] == "Anderen lachen me uit"
    assert sorted(o["tags"]) == ["fun_and_safety", "social_skills"]
    attempts = [a for a in store.challenges.attempts_for_youngster(challenger)
                if a["meeting_id"] == meeting_id]
    assert len(attempts) == 1
    assert attempts[0]["outcome"] == "partly" and attempts[0]["how_it_felt"] == "Spannend"
    assert attempts[0]["challenge_id"] == editor.data.challenges[challenger][0].id
    assert attempts[0]["date"] == meeting["date"]
    assert store.drafts.load("meeting:new") is None  # saved: the draft is gone


def test_validation_error_shows_next_to_its_field_and_nothing_is_saved(
        qtbot, demo_store: Store) -> None:  # noqa: ANN001
    store = demo_store
    before_meetings = len(store.meetings.list(_team(store)))
    editor = _open(qtbot, store)
    youngster = editor.data.people[0].id
    _tick(qtbot, editor.checks[youngster])
    obs = editor.show_panel(youngster).observations[0]
    # A tag but no words: an observation needs to say what was seen.
    qtbot.mouseClick(obs.tag_buttons["peer_contact"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    message = obs.messages["behaviour"]
    assert message.is_error
    assert message.text() == "What you observed is required."
    assert editor.isVisible()
    assert "red" in editor.save_error.text()
    tasks.wait_for_idle()
    assert len(store.meetings.list(_team(store))) == before_meetings

    # Fixing the field clears the message once checked again, and Save goes through.
    qtbot.keyClicks(obs.behaviour, "Zocht zelf contact met Noor")
    editor.check()
    assert not message.is_error
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(store.meetings.list(_team(store))) == before_meetings + 1


def test_warning_shows_but_does_not_block(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    editor = _open(qtbot, demo_store)
    youngster = editor.data.people[0].id
    _tick(qtbot, editor.checks[youngster])
    obs = editor.show_panel(youngster).observations[0]
    qtbot.keyClicks(obs.behaviour, "Durfde geen vraag te stellen")
    obs.cause_buttons["missing_skill"].click()
    editor.check()
    warning = obs.messages["cause_detail"]
    assert not warning.isHidden() and not warning.is_error
    assert "skill or belief" in warning.text()
    with qtbot.waitSignal(editor.saved, timeout=10_000) as blocker:
        editor.save_button.click()
    saved = demo_store.observations.for_meeting(blocker.args[0])
    assert saved[0]["suspected_cause"] == "missing_skill" and saved[0]["cause_detail"] is None


def test_draft_survives_closing_without_saving(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    store = demo_store
    editor = _open(qtbot, store)
    youngster = editor.data.people[1].id
    qtbot.keyClicks(editor.notes, "Sam kwam een uur later binnen")
    _tick(qtbot, editor.checks[youngster])
    obs = editor.show_panel(youngster).observations[0]
    with qtbot.waitSignal(editor.draft_saved, timeout=5_000):
        qtbot.keyClicks(obs.behaviour, "Lachte voor het eerst hardop")
    draft = store.drafts.load("meeting:new")
    assert draft is not None and draft["notes"] == "Sam kwam een uur later binnen"
    # Typing after the last debounce and closing at once: Esc flushes the draft.
    qtbot.keyClicks(editor.place, "Wijkcentrum Zuilen")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    tasks.wait_for_idle()
    draft = store.drafts.load("meeting:new")
    assert draft["place"] == "Wijkcentrum Zuilen"
    assert draft["present"] == [youngster]
    assert store.meetings.list(_team(store))[0]["notes"] != "Sam kwam een uur later binnen"

    again = _open(qtbot, store)
    assert again.notes.toPlainText() == "Sam kwam een uur later binnen"
    assert again.place.text() == "Wijkcentrum Zuilen"
    assert again.present_ids() == [youngster]
    assert again.panel(youngster).observations[0].behaviour.toPlainText() == \
        "Lachte voor het eerst hardop"
    assert not again.banner.isHidden()

    qtbot.mouseClick(again.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.notes.toPlainText() == "", timeout=5_000)
    assert store.drafts.load("meeting:new") is None
    assert again.present_ids() == []


def test_edit_an_existing_meeting(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    store = demo_store
    meeting = store.meetings.list(_team(store))[0]
    stored_obs = store.observations.for_meeting(meeting["id"])
    present = store.meetings.attendee_ids(meeting["id"])
    editor = _open(qtbot, store, meeting["id"])
    assert set(editor.present_ids()) == present
    assert editor.place.text() == (meeting.get("place") or "")
    shown = [e.behaviour.toPlainText() for p in editor.panels.values() for e in p.observations
             if e.value.id]
    assert sorted(shown) == sorted(o["behaviour"] for o in stored_obs)

    editor.place.clear()
    qtbot.keyClicks(editor.place, "Buurthuis De Boog")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_button.click()
    assert store.meetings.get(meeting["id"])["place"] == "Buurthuis De Boog"
    assert len(store.observations.for_meeting(meeting["id"])) == len(stored_obs)
    assert store.meetings.attendee_ids(meeting["id"]) == present
    assert store.drafts.load(f"meeting:{meeting['id']}") is None


def test_select_all_ticks_everyone(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    editor = _open(qtbot, demo_store)
    qtbot.mouseClick(editor.select_all, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, editor.select_all.height() // 2))
    assert len(editor.present_ids()) == len(editor.checks) == editor.tabs.count()
    qtbot.mouseClick(editor.select_all, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, editor.select_all.height() // 2))
    assert editor.present_ids() == []
    assert editor.tabs.isHidden() and not editor.empty.isHidden()


def test_ctrl_n_on_the_meetings_screen_opens_the_editor(qtbot, demo_store: Store) -> None:  # noqa: ANN001
    from joinus_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.go_to(MainWindow.MEETINGS)
    view = window.meetings
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    view.table.setFocus()
    with qtbot.waitSignal(view.editor_opened, timeout=5_000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = blocker.args[0]
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10_000)
    assert editor.windowTitle() == "New meeting"
    qtbot.keyClicks(editor.place, "De Dreef")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
