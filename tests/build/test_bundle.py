"""Build the PyInstaller app into a temporary folder and run its console program.

Not collected by a plain ``pytest`` (see conftest.py): ``pytest -m build``.
Needs PyInstaller (``pip install -e '.[build]'``); without it the test fails
rather than skips, so a CI without it cannot look green.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import joinus_desktop

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = "joinus-desktop-console" + (".exe" if sys.platform == "win32" else "")

pytestmark = [pytest.mark.build, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: pip install -e '.[build]'")
    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    # The Dutch .qm is a build product (not in git): built here as `make app` does.
    subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "build", "-q"],
                   check=True, cwd=ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
         str(ROOT / "build.spec")],
        check=False, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-5000:]
    folder = out / "dist" / "JoinUs"
    print(f"built {folder} in {time.monotonic() - started:.0f} s")
    return folder


def run(bundle: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "JOINUS_RESOURCES_DIR", "PYTHONPATH")}
    return subprocess.run([str(bundle / CONSOLE), *args], check=False, capture_output=True,
                          text=True, env=env, timeout=300, cwd=bundle.parent)


def test_bundle_layout(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / CONSOLE).is_file()
    assert (bundle / ("JoinUs.exe" if sys.platform == "win32" else "JoinUs")).is_file()
    assert sorted(p.name for p in (internal / "resources" / "instruments").glob("*.json")) == \
        sorted(p.name for p in (ROOT / "resources" / "instruments").glob("*.json"))
    # The .qm is a build product (make builds it): the Dutch one must be in the bundle.
    qm_files = (internal / "resources" / "translations").glob("*.qm")
    assert "joinus_nl.qm" in {p.name for p in qm_files}
    assert (internal / "resources" / "icons" / "joinus-256.png").is_file()
    assert (internal / "joinus_desktop" / "ui" / "assets" / "chevron-down.svg").is_file()
    assert not (internal / "joinus_server").exists()


def test_version(bundle: Path) -> None:
    result = run(bundle, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"joinus-desktop {joinus_desktop.__version__}"
    assert not joinus_desktop.__version__.startswith("0.0.0")


def test_self_test(bundle: Path) -> None:
    result = run(bundle, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "frozen bundle" in result.stdout
    assert "checks passed" in result.stdout
