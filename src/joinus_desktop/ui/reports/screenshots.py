"""Screenshots of the Programme screen and a PDF report's first page, from the demo.

    python -m joinus_desktop.ui.reports.screenshots docs/screenshots [--lang en|nl]

The programme report is a sample (several groups' worth of youngsters) cached in
the demo vault, as an offline laptop would show it. The PDF page is rendered with
``pdftoppm`` when present, else the report's HTML is drawn with QTextDocument.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE = (1366, 768)
PASSPHRASE = "screenshots only"
SAMPLE = {"min_youngsters": 5, "teams_included": 14, "generated_at_ms": 0, "teams": [],
          "moments": [
              {"moment": m, "youngsters": n, "responses": n, "suppressed": n < 5,
               **({"scales": {"loneliness": {"mean": a, "youngsters": n, "suppressed": False},
                              "self_confidence": {"mean": b, "youngsters": n,
                                                  "suppressed": False},
                              "social_skills": {"mean": c, "youngsters": n,
                                                "suppressed": False}}} if n >= 5 else {})}
              for m, n, a, b, c in [("T0", 163, 3.42, 2.41, 2.55), ("T1", 131, 3.18, 2.63, 2.74),
                                    ("T2", 97, 2.96, 2.84, 2.95), ("T3", 44, 2.81, 3.0, 3.08),
                                    ("T4", 4, 0, 0, 0), ("exit", 58, 2.69, 3.12, 3.2)]]}


def _wait(app: object, done: object, timeout_s: float = 20.0) -> None:
    from .. import tasks

    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        if done() and tasks.busy_count() == 0:  # type: ignore[operator]
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]


def render(outdir: Path, lang: str = "en") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ...demo import fill_demo
    from ...reports import programme
    from ...reports.youngster import CHART_RESOURCE, chart_means, gather, report_html
    from ...store.keyfile import Argon2Params
    from ...store.store import Store
    from ..app import make_app
    from ..i18n import set_language
    from ..main_window import MainWindow
    from .chart_image import trajectory_png
    from .pdf import html_to_image, html_to_pdf

    app = make_app([sys.argv[0]])
    set_language(lang)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="joinus-shots-") as tmp:
        store, _ = Store.create(Path(tmp) / "profile", PASSPHRASE,
                                argon2=Argon2Params(64 * 1024, 1, 1))
        try:
            fill_demo(store, seed=1, size="small")
            programme.save_report(store, SAMPLE)
            window = MainWindow(store)
            window.sync_service.stop()
            window.resize(*SIZE)
            window.show()
            window.go_to(MainWindow.PROGRAMME)
            view = window.programme
            _wait(app, lambda: view.data is not None and not view.fetching)
            path = outdir / "programme.png"
            window.grab().save(str(path), "PNG")
            written.append(path)

            team = store.teams.current()["id"]
            youngster = next(y for y in store.youngsters.list(team, status="exited"))
            report = gather(store, youngster["id"], include_observations=True)
            html = report_html(report, lang)
            images = {CHART_RESOURCE: trajectory_png(
                instrument=report.instrument, scores=report.scores,
                team_means=chart_means(report), lang=lang, own_label=youngster["alias"])}
            path = outdir / "report-pdf.png"
            pdftoppm = shutil.which("pdftoppm")
            if pdftoppm:
                pdf = Path(tmp) / "report.pdf"
                pdf.write_bytes(html_to_pdf(html, images))
                subprocess.run([pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1",
                                "-singlefile", str(pdf), str(path.with_suffix(""))],
                               check=True)
            else:
                html_to_image(html, images).save(str(path), "PNG")
            written.append(path)
            window.close()
        finally:
            store.lock()
    return written


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    lang = "en"
    if "--lang" in args:
        lang = args[args.index("--lang") + 1]
        args = [a for a in args if a not in ("--lang", lang)]
    for path in render(Path(args[0] if args else "docs/screenshots"), lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
