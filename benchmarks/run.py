"""``make bench``: run every benchmark; figures go to benchmarks/results.json."""

from __future__ import annotations

import importlib
import sys
import time

SUITES = ["benchmarks.bench_store", "benchmarks.bench_server", "benchmarks.bench_sync",
          "benchmarks.bench_ui"]


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    failed = []
    for name in SUITES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"== {name}: not available ({exc})", file=sys.stderr)
            failed.append(name)
            continue
        print(f"== {name}")
        start = time.perf_counter()
        try:
            module.main(["--quick"] if quick else [])
        except Exception as exc:  # one broken suite must not hide the others' figures
            print(f"== {name} failed: {exc!r}", file=sys.stderr)
            failed.append(name)
        print(f"== {name}: {time.perf_counter() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
