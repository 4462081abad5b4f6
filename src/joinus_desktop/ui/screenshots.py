"""Render every main screen to PNG files, offscreen, from a fresh demo vault.

    python -m joinus_desktop.ui.screenshots OUTDIR [--lang en|nl]
    make screenshots            # the same, into docs/screenshots

Used for the documentation and for looking at the UI without a display. Every
screen is 1366×768 (a common laptop); dialogs that open over nothing (first run)
are drawn centred on a window-coloured backdrop of that size.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZE = (1366, 768)
PASSPHRASE = "demo-join-us-2026"

# The Programme screen shows a cached programme-wide report (several groups' worth of
# youngsters), as an offline laptop would.
PROGRAMME_SAMPLE = {
    "min_youngsters": 5, "teams_included": 14, "generated_at_ms": 0, "teams": [],
    "moments": [
        {"moment": m, "youngsters": n, "responses": n, "suppressed": n < 5,
         **({"scales": {"loneliness": {"mean": a, "youngsters": n, "suppressed": False},
                        "self_confidence": {"mean": b, "youngsters": n, "suppressed": False},
                        "social_skills": {"mean": c, "youngsters": n, "suppressed": False}}}
            if n >= 5 else {})}
        for m, n, a, b, c in [("T0", 163, 3.42, 2.41, 2.55), ("T1", 131, 3.18, 2.63, 2.74),
                              ("T2", 97, 2.96, 2.84, 2.95), ("T3", 44, 2.81, 3.0, 3.08),
                              ("T4", 4, 0, 0, 0), ("exit", 58, 2.69, 3.12, 3.2)]]}


def _wait(app: Any, done: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Process events until ``done()`` and the worker is idle, then a few more rounds."""
    from . import tasks

    deadline = time.monotonic() + timeout_s
    while not (done() and tasks.busy_count() == 0):
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not finish loading")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


def neutral_folder() -> str:
    """The default profile folder, with the home folder as ``~`` (no temporary path)."""
    from ..paths import default_data_dir

    folder = str(default_data_dir())
    home = str(Path.home())
    return "~" + folder[len(home):] if folder.startswith(home) else folder


def vault_text() -> str:
    """The unlock window's folder line, for the default profile folder."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("UnlockWindow", "Vault: %1").replace(
        "%1", neutral_folder())


class Shots:
    """Writes the PNGs and remembers them."""

    def __init__(self, app: Any, outdir: Path) -> None:
        self.app = app
        self.outdir = outdir
        self.written: list[Path] = []
        outdir.mkdir(parents=True, exist_ok=True)

    def save(self, widget: Any, *names: str) -> None:
        self.app.processEvents()
        pixmap = widget.grab()
        for name in names:
            path = self.outdir / name
            if not pixmap.save(str(path), "PNG"):
                raise OSError(f"could not write {path}")
            self.written.append(path)

    def save_on_backdrop(self, dialog: Any, name: str) -> None:
        """A dialog centred on a 1366×768 window-coloured backdrop."""
        from PySide6.QtGui import QColor, QPainter, QPixmap

        from . import style

        self.app.processEvents()
        shot = dialog.grab()
        canvas = QPixmap(*SIZE)
        canvas.fill(QColor(style.WINDOW))
        painter = QPainter(canvas)
        painter.setPen(QColor(style.BORDER))
        x, y = (SIZE[0] - shot.width()) // 2, (SIZE[1] - shot.height()) // 2
        painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
        painter.drawPixmap(x, y, shot)
        painter.end()
        path = self.outdir / name
        canvas.save(str(path), "PNG")
        self.written.append(path)


def render(outdir: Path, lang: str = "en") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shiboken6

    from ..demo import fill_demo
    from ..reports import programme
    from ..store.keyfile import Argon2Params
    from ..store.store import Store
    from . import tasks
    from .app import make_app
    from .i18n import set_language

    app = make_app([sys.argv[0]])
    set_language(lang)
    shots = Shots(app, outdir)
    fast = Argon2Params(64 * 1024, 1, 1)
    widgets: list[Any] = []
    store: Store | None = None
    with tempfile.TemporaryDirectory(prefix="joinus-shots-") as tmp:
        try:
            _first_run(app, shots, Path(tmp) / "new", fast, widgets)
            root = Path(tmp) / "profile"
            store, _ = Store.create(root, PASSPHRASE, argon2=fast)
            fill_demo(store, seed=1, size="small")
            programme.save_report(store, PROGRAMME_SAMPLE)
            store.lock()
            store = _unlock(app, shots, root, widgets)
            _main_window(app, shots, store, widgets)
            _meeting_editor(app, shots, store, widgets)
            _questionnaires(app, shots, store, widgets)
            _lock_screens(app, shots, root, widgets)
            _report_pdf(shots, store, lang, Path(tmp))
        finally:
            tasks.wait_for_idle()
            app.processEvents()
            # Delete the windows while Qt is alive: left to interpreter shutdown, the
            # chart items are freed in an arbitrary order and PySide may crash.
            for widget in reversed(widgets):
                if shiboken6.isValid(widget):
                    widget.close()
                    shiboken6.delete(widget)
            app.processEvents()
            tasks.wait_for_idle()
            if store is not None and not store.vault.is_locked:
                store.lock()
            gc.collect()
    return shots.written


# -- the screens ----------------------------------------------------------------

def _first_run(app: Any, shots: Shots, root: Path, fast: Any, widgets: list) -> None:
    from ..store.store import Store
    from .first_run import FirstRunDialog

    dialog = FirstRunDialog(root, creator=lambda r, p: Store.create(r, p, argon2=fast))
    widgets.append(dialog)
    dialog.resize(600, 380)
    dialog.show()
    dialog.first.setText("lantern orchard quietly")
    dialog.second.setText("lantern orchard quietly")
    _wait(app, lambda: True)
    shots.save_on_backdrop(dialog, "first-run.png")
    dialog.create_vault()
    _wait(app, lambda: dialog.pages.currentIndex() == 1)
    dialog.written.setChecked(True)
    shots.save_on_backdrop(dialog, "first-run-recovery.png")
    created = dialog.store
    dialog.accept()
    if created is not None:
        created.lock()


def _unlock(app: Any, shots: Shots, root: Path, widgets: list) -> Any:
    from .unlock import UnlockWindow

    unlock = UnlockWindow(root)
    widgets.append(unlock)
    unlock.folder_label.setText(vault_text())
    unlock.resize(*SIZE)
    unlock.show()
    _wait(app, lambda: True)
    shots.save(unlock, "unlock.png")
    opened: list[Any] = []
    unlock.unlocked.connect(opened.append)
    unlock.passphrase.setText(PASSPHRASE)
    unlock.try_unlock()
    _wait(app, lambda: bool(opened))
    unlock.close()
    return opened[0]


def _main_window(app: Any, shots: Shots, store: Any, widgets: list) -> None:
    from .main_window import MainWindow

    window = MainWindow(store)
    widgets.append(window)
    window.sync_service.stop()  # no server: the status bar says so, nothing retries
    window.resize(*SIZE)
    window.show()
    _wait(app, lambda: window.today.snapshot is not None)
    shots.save(window, "today.png")

    team_id = store.teams.current()["id"]
    window.go_to(MainWindow.YOUNGSTERS)
    view = window.youngsters
    _wait(app, lambda: view.model.rowCount() > 0)
    # The youngster with the longest trajectory shows the chart best.
    best = max(store.youngsters.list(team_id),
               key=lambda y: len(store.questionnaires.youngster_scores(y["id"])))
    view.select_youngster(best["id"])
    _wait(app, lambda: view.detail.youngster_id == best["id"])
    shots.save(window, "trajectory.png", "youngster-detail.png")

    # The one with the most challenge attempts has the richest timeline.
    busiest = max(store.youngsters.list(team_id),
                  key=lambda y: len(store.challenges.attempts_for_youngster(y["id"])))
    view.select_youngster(busiest["id"])
    _wait(app, lambda: view.detail.youngster_id == busiest["id"])
    view.detail.tabs.setCurrentWidget(view.detail.timeline)
    _wait(app, lambda: True)
    shots.save(window, "youngster-timeline.png")
    view.detail.tabs.setCurrentIndex(0)

    window.go_to(MainWindow.MEETINGS)
    _wait(app, lambda: window.meetings.model.rowCount() > 0)
    shots.save(window, "meetings.png")

    window.go_to(MainWindow.GROUP)
    _wait(app, lambda: window.group.model.rowCount() > 0)
    shots.save(window, "group.png")

    window.go_to(MainWindow.PROGRAMME)
    programme_view = window.programme
    _wait(app, lambda: programme_view.data is not None and not programme_view.fetching)
    shots.save(window, "programme.png")

    window.go_to(MainWindow.SETTINGS)
    _wait(app, lambda: window.settings.facts["device_id"].text() != "…")
    window.settings.facts["folder"].setText(neutral_folder())  # not the temporary vault
    window.settings.passphrase_card.new.setText("three words only")
    _wait(app, lambda: True)
    shots.save(window, "settings.png")
    window.settings.passphrase_card.new.clear()
    window.go_to(MainWindow.TODAY)
    window.close()


def _meeting_editor(app: Any, shots: Shots, store: Any, widgets: list) -> None:
    """The meeting editor with attendees ticked and an observation typed."""
    from .meetings.editor import MeetingEditor

    editor = MeetingEditor(store, store.teams.current()["id"])
    widgets.append(editor)
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
    shots.save(editor, "meeting.png")
    editor.draft_timer.stop()
    editor.close()


def _questionnaires(app: Any, shots: Shots, store: Any, widgets: list) -> None:
    from .main_window import MainWindow
    from .questionnaire import open_hand_over
    from .questionnaire.form import QuestionnaireDialog
    from .questionnaire.ops import load_context

    youngster = store.youngsters.list(store.teams.current()["id"])[0]
    dialog = QuestionnaireDialog(store, youngster["id"])
    widgets.append(dialog)
    dialog.resize(*SIZE)
    dialog.show()
    _wait(app, lambda: dialog.context is not None)
    for item, value in zip(dialog.items[:6], (4, 2, 3, 5, 2, 4)):
        item.set_value(value)
    _wait(app, lambda: True)
    shots.save(dialog, "questionnaire.png")
    dialog.close()

    host = MainWindow(store)
    widgets.append(host)
    host.sync_service.stop()
    handover = open_hand_over(host, store, load_context(store, youngster["id"]),
                              full_screen=False)
    widgets.append(handover)
    handover.resize(*SIZE)
    handover.go(2)
    handover.items[3].set_value(4)
    handover.items[4].set_value(2)
    handover._update()  # noqa: SLF001 - progress after answers set in code
    _wait(app, lambda: True)
    shots.save(handover, "questionnaire-handover.png")
    handover._may_close = True  # noqa: SLF001 - a script, not a youngster
    handover.close()
    host.close()


def _lock_screens(app: Any, shots: Shots, root: Path, widgets: list) -> None:
    from .unlock import UnlockWindow

    unlock = UnlockWindow(root)
    widgets.append(unlock)
    unlock.folder_label.setText(vault_text())
    unlock.resize(*SIZE)
    unlock.show_notice(unlock.tr("Locked after 10 minutes without use."))
    unlock.show()
    _wait(app, lambda: True)
    shots.save(unlock, "lock.png")
    unlock.show_recovery(True)
    _wait(app, lambda: True)
    shots.save(unlock, "recovery.png")
    unlock.close()


def _report_pdf(shots: Shots, store: Any, lang: str, tmp: Path) -> None:
    """The first page of a youngster's PDF report (pdftoppm when present)."""
    from ..reports.youngster import CHART_RESOURCE, chart_means, gather, report_html
    from .reports.chart_image import trajectory_png
    from .reports.pdf import html_to_image, html_to_pdf

    team = store.teams.current()["id"]
    youngster = next(iter(store.youngsters.list(team, status="exited")))
    report = gather(store, youngster["id"], include_observations=True)
    html = report_html(report, lang)
    images = {CHART_RESOURCE: trajectory_png(
        instrument=report.instrument, scores=report.scores,
        team_means=chart_means(report), lang=lang, own_label=youngster["alias"])}
    path = shots.outdir / "report-pdf.png"
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        pdf = tmp / "report.pdf"
        pdf.write_bytes(html_to_pdf(html, images))
        subprocess.run([pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(path.with_suffix(""))], check=True)
    else:
        html_to_image(html, images).save(str(path), "PNG")
    shots.written.append(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    args = parser.parse_args(argv)
    for path in render(args.outdir, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
