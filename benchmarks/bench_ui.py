"""GUI benchmarks: start-up, unlock, the youngster list filter, the detail pane, memory.

Offscreen (``QT_QPA_PLATFORM=offscreen`` unless set). Every figure that can have
one comes with a baseline measured in the same run on the same machine:

* start-up: the app's unlock window vs a bare ``QApplication`` showing an empty
  ``QWidget``, each in a fresh ``python -c`` process, "shown" = its first paint;
* unlock: ``Vault.unlock`` vs the bare Argon2id derivation with the same parameters,
  then store opened → main window shown with Today's data loaded and the worker idle;
* filter: typing in the Youngsters search box vs a plain ``QSortFilterProxyModel``
  (``setFilterFixedString``) over the same 1,000 names;
* detail: selecting a row → detail loaded on the worker, chart set and painted, vs
  ``load_detail`` alone (the data, no widgets);
* memory: resident set of the app with the large vault open after every screen was
  visited vs the bare Qt process.

The GUI part runs in a child process (``--gui-child``), so the vault fill of the
parent does not count in its memory.

    python -m benchmarks.bench_ui [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .results import record

PASSPHRASE = "benchmark passphrase"
ROOT_DIR = Path(__file__).resolve().parents[1]

# The window is "shown" at its first paint (offscreen: the backing store is drawn).
_WATCH = r"""
from PySide6.QtCore import QEvent, QObject, QTimer

def _rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

class _Watch(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("RESULT " + json.dumps({
                "in_process_s": time.perf_counter() - T0,
                "from_spawn_s": time.time() - SPAWN,
                "imports_s": T_IMPORTS - T0,
                "rss_mb": _rss_mb()}), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

_watch = _Watch()
window.installEventFilter(_watch)
QTimer.singleShot(15000, app.quit)
app.exec()
"""

STARTUP_APP = r"""
import time
T0 = time.perf_counter()
import json, sys
from pathlib import Path
SPAWN, ROOT = float(sys.argv[1]), Path(sys.argv[2])
from joinus_desktop.ui.app import Session, make_app
from joinus_desktop.ui.i18n import set_language
from joinus_desktop.ui.settings.prefs import preferences
T_IMPORTS = time.perf_counter()
# What ui.app.run does up to the unlock window.
app = make_app()
set_language(preferences().language())
session = Session(ROOT)
session.start()
window = session.unlock
""" + _WATCH

STARTUP_BARE = r"""
import time
T0 = time.perf_counter()
import json, sys
SPAWN = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QWidget
T_IMPORTS = time.perf_counter()
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(683, 444)
window.show()
""" + _WATCH


def _child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # QSettings (language, auto-lock) of the benchmark, not of the user.
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT_DIR / "src"), str(ROOT_DIR), env.get("PYTHONPATH", "")) if p)
    return env


def _run_child(args: list[str], env: dict[str, str], timeout: float = 120) -> dict:
    proc = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                          check=False,
                          timeout=timeout, cwd=ROOT_DIR)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise RuntimeError(f"child {args[:2]} gave no result (exit {proc.returncode}):\n"
                       f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")


def _startup(script: str, env: dict[str, str], *extra: str) -> dict:
    return _run_child(["-c", script, repr(time.time()), *extra], env)


def bench_startup(root: Path, env: dict[str, str], runs: int) -> float:
    """Process start → unlock window painted, vs bare Qt; returns the bare RSS (MB)."""
    app_runs, bare_runs = [], []
    _startup(STARTUP_BARE, env)  # warm the OS file cache for both, not measured
    _startup(STARTUP_APP, env, str(root))
    for _ in range(runs):  # interleaved, so a busy moment hits both alike
        bare_runs.append(_startup(STARTUP_BARE, env))
        app_runs.append(_startup(STARTUP_APP, env, str(root)))

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    app_s, bare_s = med(app_runs, "from_spawn_s"), med(bare_runs, "from_spawn_s")
    record("ui_start_to_unlock_shown_s", app_s, unit="s",
           note=f"process spawn -> unlock window's first paint, median of {runs}; target <= 1")
    record("ui_start_bare_qt_shown_s", bare_s, unit="s",
           note="baseline: bare QApplication + empty QWidget, same measurement")
    record("ui_start_vs_bare_qt_ratio", app_s / bare_s, unit="x",
           note="app's unlock window vs bare Qt window")
    record("ui_start_imports_s", med(app_runs, "imports_s"), unit="s",
           note="of which: importing joinus_desktop.ui.app (and all it pulls in); "
                f"bare Qt imports take {med(bare_runs, 'imports_s'):.3f} s")
    record("ui_start_unlock_rss_mb", med(app_runs, "rss_mb"), unit="MB",
           note="resident memory with the unlock window shown")
    bare_rss = med(bare_runs, "rss_mb")
    record("ui_bare_qt_rss_mb", bare_rss, unit="MB",
           note="baseline: resident memory of the bare Qt process with its window shown")
    return bare_rss


# -- the GUI child ------------------------------------------------------------------


def _rss_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def gui_child(root: Path, quick: bool) -> dict:
    """Run in a fresh process: unlock the vault in the real windows, then measure."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSortFilterProxyModel, Qt, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from joinus_desktop.store.keyfile import KeyFile, derive_passphrase_kek
    from joinus_desktop.store.store import Store
    from joinus_desktop.store.vault import Vault, VaultPaths
    from joinus_desktop.ui import tasks
    from joinus_desktop.ui.app import Session, make_app
    from joinus_desktop.ui.i18n import current_language, set_language
    from joinus_desktop.ui.main_window import MainWindow
    from joinus_desktop.ui.settings.prefs import preferences
    from joinus_desktop.ui.youngsters.detail import load_detail
    from joinus_desktop.ui.youngsters.model import ID_ROLE

    out: dict = {}
    app = make_app()
    set_language(preferences().language())
    wake = QTimer()  # wakes the waits below, so their deadline is checked
    wake.start(20)

    def settle() -> None:
        tasks.wait_for_idle()
        app.processEvents()
        app.processEvents()

    def wait_until(predicate, timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while not predicate():
            if time.perf_counter() > deadline:
                raise TimeoutError("the GUI did not get there in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    session = Session(root)
    session.start()
    app.processEvents()
    unlock = session.unlock
    assert unlock is not None

    # Baseline: the bare Argon2id derivation with the vault's own (default) parameters.
    keyfile = KeyFile.read(VaultPaths(root).keyfile)
    raw = []
    for _ in range(1 if quick else 2):
        start = time.perf_counter()
        derive_passphrase_kek(PASSPHRASE, keyfile.salt("passphrase"), keyfile.argon2_params())
        raw.append(time.perf_counter() - start)
    out["kdf_raw_s"] = min(raw)
    out["kdf_params"] = str(keyfile.argon2_params())

    # The real unlock: passphrase typed, Open pressed; the opener runs on the worker.
    marks: dict[str, float] = {}

    def timed_opener(path: Path, passphrase: str) -> Store:
        marks["clicked_worker"] = time.perf_counter()
        vault = Vault.unlock(path, passphrase)
        marks["kdf_done"] = time.perf_counter()
        store = Store(vault)
        marks["store_done"] = time.perf_counter()
        return store

    original_opened = unlock._opened

    def opened(store: Store) -> None:
        marks["delivered"] = time.perf_counter()
        original_opened(store)  # Session.open_main: MainWindow(store), show
        marks["main_shown"] = time.perf_counter()

    unlock._opener = timed_opener
    unlock._opened = opened  # type: ignore[method-assign]
    unlock.passphrase.setText(PASSPHRASE)
    marks["clicked"] = time.perf_counter()
    unlock.try_unlock()
    wait_until(lambda: session.main is not None and session.main.today.snapshot is not None)
    marks["today_loaded"] = time.perf_counter()
    settle()
    marks["idle"] = time.perf_counter()
    main: MainWindow = session.main  # type: ignore[assignment]
    store = session.store
    assert store is not None
    out["kdf_s"] = marks["kdf_done"] - marks["clicked_worker"]
    out["store_construct_s"] = marks["store_done"] - marks["kdf_done"]
    out["deliver_s"] = marks["delivered"] - marks["store_done"]
    out["main_window_build_show_s"] = marks["main_shown"] - marks["delivered"]
    out["today_data_s"] = marks["today_loaded"] - marks["main_shown"]
    out["settle_s"] = marks["idle"] - marks["today_loaded"]
    out["open_after_kdf_s"] = marks["idle"] - marks["kdf_done"]
    out["kdf_to_today_shown_s"] = marks["today_loaded"] - marks["kdf_done"]
    out["rss_after_unlock_mb"] = _rss_mb()
    out["rss_peak_after_unlock_mb"] = _rss_mb("VmHWM")  # Argon2id's 256 MiB included
    out["click_to_usable_s"] = marks["idle"] - marks["clicked"]
    # Where the main window's construction goes: one more, timed by screen.
    start = time.perf_counter()
    from joinus_desktop.ui.today.snapshot import load_today

    load_today(store, main.team["id"], current_language())  # type: ignore[index]
    out["today_query_only_s"] = time.perf_counter() - start

    # Every screen (a first visit loads it), Youngsters last: the list is measured next.
    # Today is showing already: it is visited again after the others (it reloads each time).
    pages = {main.MEETINGS: "meetings", main.GROUP: "group", main.PROGRAMME: "programme",
             main.SETTINGS: "settings", main.TODAY: "today", main.YOUNGSTERS: "youngsters"}
    visits = {}
    for page, name in pages.items():
        widget = main.stack.widget(page)
        got = {"loaded": False}
        widget.loaded.connect(lambda got=got: got.__setitem__("loaded", True))
        start = time.perf_counter()
        main.go_to(page)
        try:
            wait_until(lambda got=got: got["loaded"], timeout=30)
        except TimeoutError:
            pass  # a screen with nothing to load may not announce it
        settle()
        visits[name] = (time.perf_counter() - start) * 1000
    out["screen_first_visit_ms"] = visits
    out["rss_after_screens_mb"] = _rss_mb()

    view = main.youngsters
    aliases = [view.model.row_at(r).alias for r in range(view.model.rowCount())]
    out["youngsters"] = len(aliases)

    # -- the filter: one keystroke at a time, as typed, then cleared ---------------
    words = sorted({a for a in aliases})[:: max(1, len(aliases) // (6 if quick else 12))]
    keystrokes: list[str] = []
    for word in words:
        keystrokes += [word[:n] for n in range(1, min(len(word), 4) + 1)] + [""]
    filter_ms, filter_paint_ms, shown = [], [], []
    for text in keystrokes:
        start = time.perf_counter()
        view.search.setText(text)  # textChanged → _filter_changed, as when typing
        filtered = time.perf_counter()
        app.processEvents()  # the table repaints
        painted = time.perf_counter()
        filter_ms.append((filtered - start) * 1000)
        filter_paint_ms.append((painted - start) * 1000)
        shown.append(view.proxy.rowCount())
    out["filter_keystrokes"] = len(keystrokes)
    out["filter_ms"] = statistics.median(filter_ms)
    out["filter_max_ms"] = max(filter_ms)
    out["filter_clear_ms"] = statistics.median(
        ms for ms, text in zip(filter_ms, keystrokes) if not text)
    out["filter_paint_ms"] = statistics.median(filter_paint_ms)
    out["rss_after_filter_mb"] = _rss_mb()

    # Baseline: a plain proxy over the same names and display texts, no view.
    plain = QStandardItemModel()
    for r in range(view.model.rowCount()):
        plain.appendRow([QStandardItem(str(view.model.index(r, c).data() or ""))
                         for c in range(view.model.columnCount())])
    plain_proxy = QSortFilterProxyModel()
    plain_proxy.setSourceModel(plain)
    plain_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    plain_proxy.setFilterKeyColumn(0)
    plain_proxy.sort(0)
    plain_ms = []
    for text in keystrokes:
        start = time.perf_counter()
        plain_proxy.setFilterFixedString(text)
        plain_proxy.rowCount()
        plain_ms.append((time.perf_counter() - start) * 1000)
    out["filter_plain_proxy_ms"] = statistics.median(plain_ms)

    # Where a keystroke goes: the proxies alone (both set_* calls) vs the whole handler.
    proxy_only = []
    for text in keystrokes:
        start = time.perf_counter()
        view.proxy.set_search(text)
        view.proxy.set_status("")
        proxy_only.append((time.perf_counter() - start) * 1000)
    out["filter_proxies_only_ms"] = statistics.median(proxy_only)
    view.search.setText("")
    app.processEvents()

    # -- the detail pane -----------------------------------------------------------
    count = 8 if quick else 20
    ids = [view.proxy.index(r, 0).data(ID_ROLE) for r in range(view.proxy.rowCount())]
    ids = ids[1:: max(1, len(ids) // count)][:count]
    current = {"id": None}
    view.detail_shown.connect(lambda yid: current.__setitem__("id", yid))
    detail_ms, loaded_ms = [], []
    for yid in ids:
        start = time.perf_counter()
        assert view.select_youngster(yid)
        wait_until(lambda yid=yid: current["id"] == yid, timeout=30)
        loaded = time.perf_counter()
        app.processEvents()  # the chart paints
        app.processEvents()
        detail_ms.append((time.perf_counter() - start) * 1000)
        loaded_ms.append((loaded - start) * 1000)
    out["detail_ms"] = statistics.median(detail_ms)
    out["detail_max_ms"] = max(detail_ms)
    out["detail_until_shown_ms"] = statistics.median(loaded_ms)
    out["detail_count"] = len(ids)
    # The figure: before the main-thread baselines below add a read connection of their own.
    out["rss_mb"] = _rss_mb()
    out["rss_peak_mb"] = _rss_mb("VmHWM")
    # Baseline and breakdown: the data alone, and the widgets alone, for the same youngsters.
    lang = current_language()
    data_ms, widgets_ms, paint_ms = [], [], []
    for yid in ids:
        start = time.perf_counter()
        detail = load_detail(store, yid, lang)
        data_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        view.detail.show_detail(detail)
        widgets_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        view.detail.repaint()
        paint_ms.append((time.perf_counter() - start) * 1000)
    out["detail_data_only_ms"] = statistics.median(data_ms)
    out["detail_show_widgets_ms"] = statistics.median(widgets_ms)
    out["detail_repaint_ms"] = statistics.median(paint_ms)
    settle()
    out["rss_end_mb"] = _rss_mb()
    session.shutdown()
    wake.stop()
    QCoreApplication.processEvents()
    return out


def bench_gui(root: Path, env: dict[str, str], size: str, bare_rss: float,
              quick: bool) -> None:
    r = _run_child(["-m", "benchmarks.bench_ui", "--gui-child", str(root)]
                   + (["--quick"] if quick else []), env, timeout=300)
    n = r["youngsters"]
    record("ui_unlock_key_derivation_s", r["kdf_s"], unit="s",
           note=f"Vault.unlock on the worker, default Argon2id ({r['kdf_params']})")
    record("ui_unlock_kdf_vs_raw_argon2_ratio", r["kdf_s"] / r["kdf_raw_s"], unit="x",
           note=f"vs the bare derivation with the same parameters ({r['kdf_raw_s']:.3f} s)")
    record("ui_open_after_kdf_s", r["open_after_kdf_s"], unit="s",
           note=f"{size} vault: key derived -> Store built, main window shown, Today loaded, "
                "worker idle; target <= 0.5")
    record("ui_open_after_kdf_today_shown_s", r["kdf_to_today_shown_s"], unit="s",
           note="key derived -> Today's data shown (the worker still busy after it)")
    record("ui_unlock_click_to_usable_s", r["click_to_usable_s"], unit="s",
           note="Open pressed -> main window usable (key derivation included)")
    record("ui_open_after_kdf_store_s", r["store_construct_s"], unit="s",
           note="of which: Store(vault) (connections, schema check)")
    record("ui_open_after_kdf_main_window_s", r["main_window_build_show_s"], unit="s",
           note="of which: MainWindow(store) with all six screens built, and show()")
    record("ui_open_after_kdf_today_s", r["today_data_s"], unit="s",
           note=f"of which: Today's data on the worker and shown (the query alone: "
                f"{r['today_query_only_s'] * 1000:.0f} ms)")
    for name, ms in r["screen_first_visit_ms"].items():
        record(f"ui_screen_{name}_first_visit_ms", ms, unit="ms",
               note=f"{size} vault: switch to the screen -> its data shown, worker idle")
    record("ui_filter_ms", r["filter_ms"], unit="ms",
           note=f"{n} youngsters: search text set -> proxy updated, median of "
                f"{r['filter_keystrokes']} keystrokes; target <= 16")
    record("ui_filter_max_ms", r["filter_max_ms"], unit="ms",
           note=f"slowest keystroke; clearing the search: median {r['filter_clear_ms']:.1f} ms")
    record("ui_filter_with_repaint_ms", r["filter_paint_ms"], unit="ms",
           note="the same, until the table has repainted")
    record("ui_filter_plain_proxy_ms", r["filter_plain_proxy_ms"], unit="ms",
           note="baseline: QSortFilterProxyModel.setFilterFixedString over the same names")
    record("ui_filter_vs_plain_proxy_ratio", r["filter_ms"] / r["filter_plain_proxy_ms"],
           unit="x", note=f"the proxies alone take {r['filter_proxies_only_ms']:.1f} ms")
    record("ui_detail_open_ms", r["detail_ms"], unit="ms",
           note=f"row selected -> detail loaded on the worker, chart set and painted, median "
                f"of {r['detail_count']}; target <= 50 (max {r['detail_max_ms']:.0f} ms)")
    record("ui_detail_data_only_ms", r["detail_data_only_ms"], unit="ms",
           note="baseline: load_detail for the same youngsters, no widgets")
    record("ui_detail_vs_data_only_ratio", r["detail_ms"] / r["detail_data_only_ms"],
           unit="x", note=f"show_detail (widgets, chart items) {r['detail_show_widgets_ms']:.1f} "
                          f"ms, repaint {r['detail_repaint_ms']:.1f} ms")
    record("ui_rss_mb", r["rss_mb"], unit="MB",
           note=f"{size} vault open in the main window after every screen, the filter and "
                f"the details; after unlock {r['rss_after_unlock_mb']:.0f}, screens "
                f"{r['rss_after_screens_mb']:.0f}, filter {r['rss_after_filter_mb']:.0f} MB; "
                f"target <= 300")
    record("ui_rss_peak_mb", r["rss_peak_mb"], unit="MB",
           note=f"VmHWM; already {r['rss_peak_after_unlock_mb']:.0f} MB right after the "
                "unlock (Argon2id's 256 MiB working memory)")
    record("ui_rss_vs_bare_qt_ratio", r["rss_mb"] / bare_rss, unit="x",
           note="vs the bare Qt process")


def make_vault(root: Path, size: str) -> None:
    from joinus_desktop.demo import fill_demo
    from joinus_desktop.store.store import Store

    store, _ = Store.create(root, PASSPHRASE)  # the default Argon2id cost, as users get
    with store:
        fill_demo(store, seed=7, size=size)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small demo vault, fewer runs")
    parser.add_argument("--gui-child", metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.gui_child:
        result = gui_child(Path(args.gui_child), args.quick)
        print("RESULT " + json.dumps(result), flush=True)
        return
    size = "small" if args.quick else "large"
    with tempfile.TemporaryDirectory(prefix="joinus-bench-ui-") as tmp:
        workdir = Path(tmp)
        root = workdir / "vault"
        start = time.perf_counter()
        make_vault(root, size)
        print(f"{size} demo vault made in {time.perf_counter() - start:.1f} s")
        env = _child_env(workdir)
        bare_rss = bench_startup(root, env, 3 if args.quick else 7)
        bench_gui(root, env, size, bare_rss, args.quick)


if __name__ == "__main__":
    main()
