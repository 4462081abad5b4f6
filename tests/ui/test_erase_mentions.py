"""Before erasing, the dialog lists other records naming the youngster and lets them be edited."""

from __future__ import annotations

from typing import Any

from joinus_desktop.store.store import Store
from joinus_desktop.ui.reports.erase_dialog import EraseDialog


def test_mentions_are_listed_edited_and_the_erasure_goes_on(qtbot: Any,
                                                             demo_store: Store) -> None:
    team = demo_store.teams.current()["id"]
    target = demo_store.youngsters.list(team, status="exited")[0]
    other = next(y for y in demo_store.youngsters.list(team) if y["id"] != target["id"])
    alias, tid = target["alias"], target["id"]
    # Mentions written with other case and without the accents the alias may have.
    observation = demo_store.observations.add(
        team_id=team, youngster_id=other["id"], date="2026-03-02",
        behaviour=f"Zat de hele avond naast {alias.upper()} te praten.").id
    meeting = demo_store.meetings.add(team_id=team, date="2026-03-02", place="Buurthuis",
                                      notes=f"Goede avond. {alias} kwam later.").id

    dialog = EraseDialog(demo_store, tid, alias)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.mentions) >= 2, timeout=10_000)
    found = {(m.entity, m.record_id) for m in dialog.mentions}
    assert {("observation", observation), ("meeting", meeting)} <= found
    assert dialog.mention_area.isVisible() and "other record" in dialog.mentions_title.text()
    headings = [dialog.mention_heading(m) for m in dialog.mentions]
    assert any(h.startswith(f"Observation of {other['alias']} · ") for h in headings)

    mention = next(m for m in dialog.mentions if m.record_id == observation)
    editor = dialog.edit_mention(mention)
    assert editor.replace_button.isEnabled()
    editor.replacement.setText("een groepsgenoot")
    editor.replace_all()
    assert alias.upper() not in editor.editor.toPlainText()
    assert not editor.replace_button.isEnabled()  # nothing left to replace
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: all(m.record_id != observation for m in dialog.mentions),
                    timeout=10_000)
    assert demo_store.records.get("observation", observation)["behaviour"] \
        == "Zat de hele avond naast een groepsgenoot te praten."
    assert any(m.record_id == meeting for m in dialog.mentions)  # not edited: still listed

    # The erasure goes on after (the meeting keeps its note: the worker chose so).
    dialog.confirm_text.setText(alias)
    with qtbot.waitSignal(dialog.erased, timeout=10_000):
        dialog.erase_button.click()
    assert demo_store.erasure.is_erased(tid)
    assert demo_store.records.get("observation", observation)["youngster_id"] == other["id"]


def test_a_wrong_edit_is_refused_in_words_and_nothing_is_lost(qtbot: Any,
                                                               demo_store: Store) -> None:
    team = demo_store.teams.current()["id"]
    target, other = demo_store.youngsters.list(team)[:2]
    observation = demo_store.observations.add(
        team_id=team, youngster_id=other["id"], date="2026-03-02",
        behaviour=f"{target['alias']}").id
    dialog = EraseDialog(demo_store, target["id"], target["alias"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: any(m.record_id == observation for m in dialog.mentions),
                    timeout=10_000)
    editor = dialog.edit_mention(next(m for m in dialog.mentions if m.record_id == observation))
    editor.editor.setPlainText("   ")  # "what you observed" is required
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: bool(editor.message.text()), timeout=10_000)
    assert editor.isVisible() and "Traceback" not in editor.message.text()
    assert demo_store.records.get("observation", observation)["behaviour"] == target["alias"]
