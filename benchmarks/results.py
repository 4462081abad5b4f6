"""Where benchmark figures go: one key per figure in ``benchmarks/results.json``."""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Any

RESULTS = Path(os.environ.get("JOINUS_BENCH_RESULTS", Path(__file__).with_name("results.json")))


def record(key: str, value: float | int | str, *, unit: str, note: str = "") -> None:
    """Merge one figure into results.json and print it."""
    data: dict[str, Any] = {}
    if RESULTS.exists():
        try:
            data = json.loads(RESULTS.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            data = {}
    if isinstance(value, float):
        value = round(value, 4)
    data[key] = {"value": value, "unit": unit, "note": note,
                 "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                 "machine": f"{platform.machine()} {os.cpu_count()} cores, "
                            f"Python {platform.python_version()}"}
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{key:<48} {value!s:>12} {unit}  {note}")
