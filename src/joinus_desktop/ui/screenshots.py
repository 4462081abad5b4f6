"""Render the first screens to PNG files, offscreen, from a fresh demo vault.

    python -m joinus_desktop.ui.screenshots OUTDIR [--lang en|nl]

Used for documentation and for looking at the UI without a display.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = (1366, 768)
PASSPHRASE = "demo-join-us-2026"


def _wait(app: object, done: Callable[[], bool], timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not finish loading")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]


def render(outdir: Path, lang: str = "en") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shiboken6

    from ..demo import fill_demo
    from ..store.keyfile import Argon2Params
    from ..store.store import Store
    from . import tasks
    from .app import make_app
    from .i18n import set_language
    from .main_window import MainWindow
    from .unlock import UnlockWindow

    app = make_app([sys.argv[0]])
    set_language(lang)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        path = outdir / name
        widget.grab().save(str(path), "PNG")  # type: ignore[attr-defined]
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="joinus-shots-") as tmp:
        root = Path(tmp) / "profile"
        store, _ = Store.create(root, PASSPHRASE, argon2=Argon2Params(64 * 1024, 1, 1))
        fill_demo(store, seed=1, size="small")
        store.lock()

        unlock = UnlockWindow(root)
        unlock.resize(*SIZE)
        unlock.show()
        _wait(app, lambda: True)
        save(unlock, "unlock.png")
        opened: list[Store] = []
        unlock.unlocked.connect(opened.append)
        unlock.passphrase.setText(PASSPHRASE)
        unlock.try_unlock()
        _wait(app, lambda: bool(opened))
        unlock.close()
        store = opened[0]
        try:
            window = MainWindow(store)
            window.resize(*SIZE)
            window.show()
            _wait(app, lambda: window.today.snapshot is not None)
            save(window, "today.png")

            window.go_to(MainWindow.YOUNGSTERS)
            view = window.youngsters
            _wait(app, lambda: view.model.rowCount() > 0)
            team_id = store.teams.current()["id"]
            # The youngster with the longest trajectory shows the chart best.
            best = max(store.youngsters.list(team_id),
                       key=lambda y: len(store.questionnaires.youngster_scores(y["id"])))
            view.select_youngster(best["id"])
            _wait(app, lambda: view.detail.youngster_id == best["id"])
            save(window, "youngster-detail.png")

            window.go_to(MainWindow.MEETINGS)
            _wait(app, lambda: window.meetings.model.rowCount() > 0)
            save(window, "meetings.png")

            window.go_to(MainWindow.GROUP)
            _wait(app, lambda: window.group.model.rowCount() > 0)
            save(window, "group.png")
            window.close()
        finally:
            tasks.wait_for_idle()
            app.processEvents()
            store.lock()
        # Delete the windows while Qt is alive: left to interpreter shutdown, the
        # chart items are freed in an arbitrary order and PySide may crash.
        for widget in (window, unlock):
            shiboken6.delete(widget)
        gc.collect()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    args = parser.parse_args(argv)
    for path in render(args.outdir, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def render_settings_lock_handover(outdir: Path, lang: str = "en") -> list[Path]:
    """settings.png, lock.png and questionnaire-handover.png (run this as a function:
    ``python -c "from joinus_desktop.ui.screenshots import render_settings_lock_handover as r;
    r(Path('docs/screenshots'))"``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shiboken6

    from ..demo import fill_demo
    from ..store.keyfile import Argon2Params
    from ..store.store import Store
    from . import tasks
    from .app import make_app
    from .i18n import set_language
    from .main_window import MainWindow
    from .questionnaire import open_hand_over
    from .questionnaire.ops import load_context
    from .unlock import UnlockWindow

    app = make_app([sys.argv[0]])
    set_language(lang)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        path = outdir / name
        widget.grab().save(str(path), "PNG")  # type: ignore[attr-defined]
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="joinus-shots-") as tmp:
        root = Path(tmp) / "profile"
        store, _ = Store.create(root, PASSPHRASE, argon2=Argon2Params(64 * 1024, 1, 1))
        fill_demo(store, seed=1, size="small")
        try:
            window = MainWindow(store)
            window.resize(*SIZE)
            window.show()
            window.go_to(MainWindow.SETTINGS)
            _wait(app, lambda: window.settings.facts["device_id"].text() != "…")
            window.settings.passphrase_card.new.setText("three words only")
            save(window, "settings.png")

            team_id = store.teams.current()["id"]
            youngster = store.youngsters.list(team_id)[0]
            handover = open_hand_over(window, store, load_context(store, youngster["id"]),
                                      full_screen=False)
            handover.resize(*SIZE)
            handover.go(2)
            handover.items[3].set_value(4)
            handover.items[4].set_value(2)
            handover._update()  # noqa: SLF001 - progress after answers set in code
            _wait(app, lambda: True)
            save(handover, "questionnaire-handover.png")
            handover._may_close = True  # noqa: SLF001 - a script, not a youngster
            handover.close()

            unlock = UnlockWindow(root)
            unlock.resize(*SIZE)
            unlock.show_notice(unlock.tr("Locked after 10 minutes without use."))
            unlock.show()
            _wait(app, lambda: True)
            save(unlock, "lock.png")
            unlock.show_recovery(True)
            _wait(app, lambda: True)
            save(unlock, "recovery.png")
            window.close()
        finally:
            tasks.wait_for_idle()
            app.processEvents()
            store.lock()
        for widget in (window, handover, unlock):
            if shiboken6.isValid(widget):
                shiboken6.delete(widget)
        gc.collect()
    return written
