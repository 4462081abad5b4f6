"""Where a profile's files live: platformdirs, overridable for scripts and tests.

Never the working directory: a vault must not end up on a USB stick or in a
synced folder because the app happened to be started from there.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "JoinUsDesktop"
APP_AUTHOR = "JoinUs"
ENV_DATA_DIR = "JOINUS_DATA_DIR"


def default_data_dir(profile: str = "default") -> Path:
    """The profile folder: ``--data-dir`` > ``$JOINUS_DATA_DIR`` > the user data dir."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "profiles" / profile


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser() if explicit else default_data_dir()
