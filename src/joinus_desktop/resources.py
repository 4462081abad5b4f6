"""Where the files shipped with the app live (instruments, translations, icons).

One search order for every kind, the first existing folder winning:

1. ``$JOINUS_RESOURCES_DIR/<kind>``: an explicit override (tests, unusual installs);
2. ``sys._MEIPASS/resources/<kind>``: inside a PyInstaller bundle;
3. ``<repo root>/resources/<kind>``: a source checkout or editable install;
4. ``joinus_desktop/resources/<kind>``: package data of a non-editable install.

Pure path logic, so the domain may use it too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV = "JOINUS_RESOURCES_DIR"


def candidates(kind: str) -> list[Path]:
    """Every folder searched for ``kind``, in order."""
    here = Path(__file__).resolve()
    found: list[Path] = []
    if override := os.environ.get(RESOURCES_ENV):
        found.append(Path(override) / kind)
    if bundle := getattr(sys, "_MEIPASS", None):
        found.append(Path(bundle) / "resources" / kind)
    found.append(here.parents[2] / "resources" / kind)
    found.append(here.parent / "resources" / kind)
    return found


def find_dir(kind: str, *, containing: str | None = None) -> Path | None:
    """The first searched folder that exists (and holds ``containing``, if given)."""
    for candidate in candidates(kind):
        if candidate.is_dir() and (containing is None or (candidate / containing).exists()):
            return candidate
    return None
