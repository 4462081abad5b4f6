"""tests/build: the PyInstaller bundle test is left out of a plain ``pytest`` run.

``test_bundle.py`` builds the whole app (about a minute on 2 cores, longer on a
cold machine), so it is not even collected unless asked for:

    pytest -m build                          # only the build test
    JOINUS_RUN_BUILD_TESTS=1 pytest          # everything, the build included

It is ignored, not skipped: a skip would show up as if something had been
checked. ``test_selftest.py`` (the unfrozen ``--self-test``, a few seconds) always runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENV = "JOINUS_RUN_BUILD_TESTS"
BUILD_TESTS = {"test_bundle.py"}


def build_tests_wanted(config: pytest.Config) -> bool:
    return os.environ.get(ENV) == "1" or "build" in (config.option.markexpr or "")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name in BUILD_TESTS and not build_tests_wanted(config):
        return True
    return None
