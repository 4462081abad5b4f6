"""``joinus-desktop --self-test``: does this installation (or frozen bundle) work?

Runs without a display (``QT_QPA_PLATFORM=offscreen`` unless set) and touches
neither the user's vault nor their settings: it creates a vault with demo data
in a temporary folder, opens the main window on it, renders a trajectory chart
to PNG, and removes everything again.

Each check prints ``self-test: ok <check>: <detail>`` on stdout; each failed
check prints one line ``self-test: FAILED <check>: <reason>`` on stderr. The
exit status is 0 only when every check passed. Checks that need an earlier one
(no window without a Qt platform plugin) are reported as failed "not run".
This is what a frozen build runs to prove nothing is missing from the bundle:
an instrument pack, a Qt plugin, a translation, the SQLCipher extension, the
package metadata (for ``--version``).
"""

from __future__ import annotations

import gc
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__

EXIT_OK = 0
EXIT_FAILED = 1
PLATFORM_ENV = "QT_QPA_PLATFORM"
LOAD_TIMEOUT_S = 60.0
MIN_PNG_BYTES = 5_000


class CheckFailed(Exception):
    """A check found a problem; the message is the one line shown to the user."""


def _is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _resources_dir() -> Path:
    """``resources/`` beside the code: in the bundle, else in the source checkout."""
    from . import resources

    return (resources.find_dir("instruments") or resources.candidates("instruments")[-1]).parent


class SelfTest:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.failed: list[str] = []
        self.passed: list[str] = []
        self.ui_errors: list[str] = []
        self.ctx: dict[str, Any] = {}

    def check(self, name: str, func: Callable[[], str], *, needs: tuple[str, ...] = ()) -> bool:
        missing = [n for n in needs if n not in self.passed]
        if missing:
            self._fail(name, f"not run, because {', '.join(missing)} failed")
            return False
        try:
            detail = func()
        except CheckFailed as exc:
            self._fail(name, str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - any error is a failed check, named
            self._fail(name, f"{type(exc).__name__}: {exc}")
            return False
        if self.ui_errors:
            errors, self.ui_errors = self.ui_errors, []
            self._fail(name, "error inside the UI: " + "; ".join(errors))
            return False
        self.passed.append(name)
        print(f"self-test: ok {name}: {detail}", flush=True)
        return True

    def _fail(self, name: str, reason: str) -> None:
        self.failed.append(name)
        reason = " ".join(reason.split())  # one line, always
        print(f"self-test: FAILED {name}: {reason}", file=sys.stderr, flush=True)

    # -- checks without Qt -------------------------------------------------

    def version(self) -> str:
        if _is_frozen() and __version__.startswith("0.0.0"):
            raise CheckFailed("the package metadata (joinus_desktop dist-info) is missing from "
                              "the bundle, so --version shows a placeholder")
        return __version__

    def instruments(self) -> str:
        from .domain.instruments import DEFAULT_INSTRUMENT_ID, InstrumentRegistry, builtin_dir

        folder = builtin_dir()
        packs = sorted(p.name for p in folder.glob("*.json"))
        if not packs:
            raise CheckFailed(f"no instrument packs (*.json) in {folder}")
        registry = InstrumentRegistry.builtin()
        default = registry.latest(DEFAULT_INSTRUMENT_ID)
        return f"{', '.join(packs)} (default {default.id} v{default.version}) in {folder}"

    def sqlcipher(self) -> str:
        try:
            import sqlcipher3
        except ImportError as exc:
            raise CheckFailed(f"the sqlcipher3 extension cannot be imported: {exc}") from None
        conn = sqlcipher3.connect(":memory:")
        try:
            row = conn.execute("PRAGMA cipher_version").fetchone()
        finally:
            conn.close()
        if not row or not row[0]:
            raise CheckFailed("sqlcipher3 loads but reports no cipher (plain SQLite?)")
        return f"SQLCipher {row[0]}"

    def sync_wire(self) -> str:
        import orjson

        from .sync import wirejson

        # The usual message goes through orjson itself; one with an integer past 64 bits
        # goes through wirejson's standard-library fallback. Both must read back.
        sample = {"alias": "Sanne ✓", "n": 7, "tags": ["peer_contact"], "ok": True}
        if orjson.loads(orjson.dumps(sample)) != sample:
            raise CheckFailed("orjson does not read back what it wrote")
        for message in (sample, {**sample, "n": 2**70}):
            if wirejson.loads(wirejson.dumps(message)) != message:
                raise CheckFailed("the sync wire's JSON does not read back what it wrote")
        return f"orjson {orjson.__version__}"

    def vault(self) -> str:
        from .demo import fill_demo
        from .store.keyfile import Argon2Params
        from .store.store import Store

        root = self.workdir / "profile"
        passphrase = secrets.token_urlsafe(16)
        store, _ = Store.create(root, passphrase, argon2=Argon2Params(65536, 1, 1))
        self.ctx["store"] = store
        summary = fill_demo(store, seed=1, size="small")
        if summary.youngsters == 0 or summary.responses == 0:
            raise CheckFailed(f"demo data incomplete: {summary}")
        cipher = store.diagnostics()["cipher_version"]
        for path in root.iterdir():
            if path.suffix == ".db" and path.read_bytes()[:16] == b"SQLite format 3\x00":
                raise CheckFailed(f"{path.name} is a plain SQLite file: not encrypted")
        return (f"{summary.youngsters} youngsters, {summary.meetings} meetings, "
                f"{summary.responses} questionnaires (cipher {cipher})")

    # -- Qt ----------------------------------------------------------------

    def qt_platform(self) -> str:
        """Load the platform plugin by hand first: a missing one makes Qt abort the process."""
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import QLibraryInfo, QPluginLoader

        name = (os.environ.get(PLATFORM_ENV) or "").split(":")[0] or "offscreen"
        dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"]
        dirs += [Path(p) / "platforms"
                 for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
        candidates = [path for d in dirs if d.is_dir() for path in sorted(d.iterdir())
                      if path.stem.removeprefix("lib") in (f"q{name}", f"q{name}d")]
        if not candidates:
            raise CheckFailed(f"Qt platform plugin {name!r} missing; looked in "
                              + ", ".join(str(d) for d in dirs))
        loader = QPluginLoader(str(candidates[0]))
        if not loader.load():
            raise CheckFailed(f"Qt platform plugin {candidates[0].name} cannot load: "
                              f"{loader.errorString()}")
        return f"{name} (PySide6 {pyside_version}) from {candidates[0].parent}"

    def qt_app(self) -> str:
        """Import the whole UI (pyqtgraph, every Qt module it needs) and start the app."""
        from .ui.app import make_app

        self.ctx["app"] = make_app([sys.argv[0]])
        self._isolate_settings()
        sys.excepthook = self._excepthook
        return "UI modules imported, QApplication started"

    def _isolate_settings(self) -> None:
        """Keep QSettings (language, auto-lock) away from the user's own settings."""
        from PySide6.QtCore import QCoreApplication, QSettings

        settings_dir = self.workdir / "settings"
        settings_dir.mkdir()
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
        QCoreApplication.setApplicationName("Join Us Desktop self-test")

    def _excepthook(self, kind: type[BaseException], exc: BaseException, tb: object) -> None:
        self.ui_errors.append(f"{kind.__name__}: {exc}")

    def qt_resources(self) -> str:
        from PySide6.QtGui import QIcon, QImage, QImageReader

        from .ui import style

        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        for needed in ("png", "svg"):
            if needed not in formats:
                raise CheckFailed(f"Qt image format plugin for {needed!r} missing "
                                  f"(have: {', '.join(sorted(formats))})")
        if QImage(style.CHEVRON).isNull():
            raise CheckFailed(f"style asset {style.CHEVRON} missing or unreadable")
        icon_path = _resources_dir() / "icons" / "joinus-256.png"
        if QIcon(str(icon_path)).isNull() or not icon_path.is_file():
            raise CheckFailed(f"application icon {icon_path} missing")
        return f"image formats png+svg, style assets, icon {icon_path.name}"

    def translations(self) -> str:
        from PySide6.QtCore import QLibraryInfo, QTranslator

        from .ui.i18n import translations_dir

        found: list[str] = []
        own_dir = translations_dir()
        for qm in sorted(own_dir.glob("*.qm")):
            if not QTranslator().load(str(qm)):
                raise CheckFailed(f"translation {qm} cannot be loaded")
            found.append(qm.stem)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_nl", qt_dir):
            raise CheckFailed(f"Qt's own Dutch translation qtbase_nl.qm missing from {qt_dir}")
        found.append("qtbase_nl")
        own = "" if len(found) > 1 else f" (no joinus_*.qm in {own_dir}: the UI shows English)"
        return ", ".join(found) + own

    def main_window(self) -> str:
        from .ui.i18n import set_language, translations_dir
        from .ui.main_window import MainWindow

        app = self.ctx["app"]
        set_language("nl" if (translations_dir() / "joinus_nl.qm").exists() else "en")
        window = MainWindow(self.ctx["store"])
        self.ctx["window"] = window
        window.resize(1280, 800)
        window.show()
        _wait(app, lambda: window.today.snapshot is not None, "the Today page")
        return f"{window.stack.count()} pages, Today page loaded"

    def chart(self) -> str:
        from .ui.charts.trajectory import TrajectoryChart

        store = self.ctx["store"]
        team_id = store.teams.current()["id"]
        youngster = max(store.youngsters.list(team_id),
                        key=lambda y: len(store.questionnaires.youngster_scores(y["id"])))
        chart = TrajectoryChart()
        self.ctx["chart"] = chart
        chart.set_data(instrument=store.instruments.default(),
                       scores=store.questionnaires.youngster_scores(youngster["id"]),
                       team_means=store.questionnaires.team_means(team_id), lang="en")
        if chart.point_count() == 0:
            raise CheckFailed("the chart drew no scores for the demo youngster")
        path = chart.export_png(self.workdir / "trajectory.png")
        data = path.read_bytes() if path.exists() else b""
        if not data.startswith(b"\x89PNG") or len(data) < MIN_PNG_BYTES:
            raise CheckFailed(f"the exported chart is empty or not a PNG ({len(data)} bytes)")
        return f"{chart.point_count()} points, PNG of {len(data):,} bytes"

    def close(self) -> str:
        """Windows go before the key, and are deleted while Qt is still alive."""
        import shiboken6

        from .ui import tasks

        app = self.ctx.get("app")
        widgets = [w for w in (self.ctx.pop("window", None), self.ctx.pop("chart", None))
                   if w is not None and shiboken6.isValid(w)]
        for widget in widgets:
            widget.close()
        tasks.wait_for_idle()
        if app is not None:
            app.processEvents()
        store = self.ctx.pop("store", None)
        if store is not None and not store.vault.is_locked:
            store.lock()
        # Only the widgets made here: their children (popups, dialogs) go with them.
        # Left to interpreter shutdown, chart items are freed in any order and crash.
        for widget in widgets:
            if shiboken6.isValid(widget):
                shiboken6.delete(widget)
        gc.collect()
        return "windows closed, vault locked"


def _wait(app: Any, done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LOAD_TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise CheckFailed(f"{what} did not load within {LOAD_TIMEOUT_S:.0f} s")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def run() -> int:
    """Run every check; 0 when all passed, else 1 (the failures are on stderr)."""
    os.environ.setdefault(PLATFORM_ENV, "offscreen")
    started = time.monotonic()
    frozen = "frozen bundle" if _is_frozen() else "source/installed package"
    print(f"self-test: Join Us Desktop {__version__} ({frozen}, Python "
          f"{sys.version.split()[0]}, {sys.platform})", flush=True)
    old_hook = sys.excepthook
    with tempfile.TemporaryDirectory(prefix="joinus-selftest-") as tmp:
        test = SelfTest(Path(tmp))
        try:
            test.check("version", test.version)
            test.check("instruments", test.instruments)
            test.check("sqlcipher", test.sqlcipher)
            test.check("sync-wire", test.sync_wire)
            test.check("vault", test.vault, needs=("instruments", "sqlcipher"))
            test.check("qt-platform", test.qt_platform)
            test.check("qt-app", test.qt_app, needs=("qt-platform",))
            test.check("qt-resources", test.qt_resources, needs=("qt-app",))
            test.check("translations", test.translations, needs=("qt-app",))
            test.check("main-window", test.main_window, needs=("qt-app", "vault"))
            test.check("chart", test.chart, needs=("qt-app", "vault"))
        finally:
            test.check("cleanup", test.close)
            sys.excepthook = old_hook
    elapsed = time.monotonic() - started
    if test.failed:
        print(f"self-test: {len(test.failed)} check(s) FAILED: {', '.join(test.failed)}",
              file=sys.stderr, flush=True)
        return EXIT_FAILED
    print(f"self-test: all {len(test.passed)} checks passed in {elapsed:.1f} s", flush=True)
    return EXIT_OK
