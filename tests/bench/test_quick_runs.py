"""Every benchmark suite still runs (``--quick``) and records its figures.

Speed is never asserted here (see docs/benchmarks.md): this only keeps ``make bench``
from rotting when the code under it changes. Figures go to a scratch file, never to
``benchmarks/results.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SUITES = {
    "bench_store": ["store_bulk_vs_plain_ratio", "store_single_edit_p50_ms"],
    "bench_sync": ["sync_push_changes_per_s", "sync_pull_changes_per_s",
                   "sync_small_edit_round_trip_ms"],
    "bench_server": ["server_sqlite_push_changes_per_s", "server_postgres_pull_changes_per_s",
                     "server_postgres_100dev_errors"],
    "bench_ui": ["ui_open_after_kdf_s", "ui_filter_ms", "ui_detail_open_ms"],
}


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("suite", sorted(SUITES))
def test_a_benchmark_suite_runs_and_records_its_figures(suite: str, tmp_path: Path,
                                                         postgres_url: str) -> None:
    results = tmp_path / "results.json"
    env = {**os.environ, "JOINUS_BENCH_RESULTS": str(results),
           "JOINUS_BENCH_POSTGRES_URL": postgres_url, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT),
                                          os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-m", f"benchmarks.{suite}", "--quick"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    figures = json.loads(results.read_text(encoding="utf-8"))
    for key in SUITES[suite]:
        assert key in figures, f"{suite} did not record {key}"
        assert isinstance(figures[key]["value"], (int, float)), figures[key]
    if suite == "bench_server":
        assert figures["server_postgres_100dev_errors"]["value"] == 0
