"""The app's log file: in the profile folder, rotated, and never holding personal data.

What is logged is decided where it is logged: counts, ids and exception types and
places, never a name, a note or an exception's message (which may quote one).
Unhandled exceptions go through :func:`log_unhandled`, which follows that rule.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_NAME = "joinus-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


def configure(profile: Path, *, level: int = logging.INFO) -> Path:
    """Log to ``<profile>/logs/joinus-desktop.log``; returns the file's path."""
    from .store.vault import VaultPaths  # the one place that names a profile's files

    from .store.files import make_private_dir

    folder = VaultPaths(profile).logs
    make_private_dir(folder)
    path = folder / LOG_NAME
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                         encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    sys.excepthook = log_unhandled
    return path


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Each log file 0600 from its creation on, also the new one after a rotation
    (a log names record ids and when someone worked: not for other accounts)."""

    def _open(self) -> io.TextIOWrapper:
        from .store.files import open_private

        fd = open_private(Path(self.baseFilename), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def log_unhandled(kind: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
    """Type and places of an unhandled exception; its message stays out of the log."""
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{f.name} ({Path(f.filename).name}:{f.lineno})"
                        for f in reversed(frames[-8:]))
    logging.getLogger("joinus_desktop").critical("unhandled %s at %s", kind.__name__,
                                                 where or "(no traceback)")
