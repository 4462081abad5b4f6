"""Render the meeting editor and the youngster timeline to PNG (offscreen, demo vault).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src:. python tests/ui/render_meeting_screens.py [OUTDIR]

A script beside ``ui/screenshots.py`` (which other screens own); writes
``meeting.png`` and ``youngster-timeline.png`` at 1366×768.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)


def render(outdir: Path, lang: str = "en") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shiboken6

    from joinus_desktop.demo import fill_demo
    from joinus_desktop.store.keyfile import Argon2Params
    from joinus_desktop.store.store import Store
    from joinus_desktop.ui import tasks
    from joinus_desktop.ui.app import make_app
    from joinus_desktop.ui.i18n import set_language
    from joinus_desktop.ui.main_window import MainWindow
    from joinus_desktop.ui.meetings.editor import MeetingEditor
    from joinus_desktop.ui.screenshots import _wait

    app = make_app([sys.argv[0]])
    set_language(lang)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="joinus-shots-") as tmp:
        store, _ = Store.create(Path(tmp) / "profile", "demo-join-us-2026",
                                argon2=Argon2Params(64 * 1024, 1, 1))
        fill_demo(store, seed=1, size="small")
        team_id = store.teams.current()["id"]
        try:
            editor = MeetingEditor(store, team_id)
            editor.resize(*SIZE)
            editor.show()
            _wait(app, lambda: editor.data is not None)
            data = editor.data
            people = data.people
            ticked = [p.id for p in people[:5]]
            for youngster_id in ticked:
                editor.checks[youngster_id].setChecked(True)
            editor.place.setText("Buurtcentrum De Dreef, Overvecht")
            editor.activities.setPlainText("Kennismakingsspel, samen koken, levend stratego")
            editor.notes.setPlainText("Rustige start; na het koken veel meer contact onderling.")
            star = next((p.id for p in people if data.challenges[p.id]), ticked[0])
            if star not in ticked:
                editor.checks[star].setChecked(True)
            panel = editor.show_panel(star)
            obs = panel.observations[0]
            obs.behaviour.setPlainText("Bleef bij het spel eerst aan de kant staan met zijn "
                                       "telefoon; deed na tien minuten toch mee.")
            obs.context.setText("Levend stratego, in het team van Noor")
            obs.cause_buttons["negative_belief"].setChecked(True)
            obs.cause_detail.setText("Als ik een fout maak lachen ze me uit")
            obs.tag_buttons["fun_and_safety"].setChecked(True)
            obs.tag_buttons["positive_peer_experiences"].setChecked(True)
            if data.challenges[star]:
                attempt = panel.add_attempt()
                attempt.challenge.setCurrentIndex(1)
                attempt.outcome.setCurrentIndex(2)
                attempt.what_happened.setPlainText("Vroeg zelf of hij mee mocht doen.")
            editor.date.setFocus()
            _wait(app, lambda: True)
            path = outdir / "meeting.png"
            editor.grab().save(str(path), "PNG")
            written.append(path)
            editor.draft_timer.stop()
            editor.close()

            window = MainWindow(store)
            window.resize(*SIZE)
            window.show()
            window.go_to(MainWindow.YOUNGSTERS)
            view = window.youngsters
            _wait(app, lambda: view.model.rowCount() > 0)
            best = max(store.youngsters.list(team_id),
                       key=lambda y: len(store.challenges.attempts_for_youngster(y["id"])))
            view.select_youngster(best["id"])
            _wait(app, lambda: view.detail.youngster_id == best["id"])
            view.detail.tabs.setCurrentWidget(view.detail.timeline)
            _wait(app, lambda: True)
            path = outdir / "youngster-timeline.png"
            window.grab().save(str(path), "PNG")
            written.append(path)
            window.close()
        finally:
            tasks.wait_for_idle()
            app.processEvents()
            store.lock()
        for widget in (editor, window):
            shiboken6.delete(widget)
        gc.collect()
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    for written_path in render(out):
        print(written_path)
