"""Files of a profile and exports: private to their owner, and written so that a crash
leaves the old file or the new one, never half of one.

Every file the app writes holds (or protects) personal data about minors, so each is
created 0600 and each folder 0700, whatever the umask: another account on a shared
laptop must not read the key file, the database, a log or an export. The modes are
POSIX; Windows keeps a user's profile folder private by its ACLs.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"


def make_private(path: Path, *, directory: bool = False) -> None:
    """Tighten an existing file (0600) or folder (0700); a missing one is left alone."""
    if not POSIX:
        return
    try:
        os.chmod(path, PRIVATE_DIR if directory else PRIVATE_FILE)
    except FileNotFoundError:
        pass
    except OSError as exc:
        if not _no_modes_here(exc):
            raise
        log.warning("file modes cannot be set on this file system (%s)", type(exc).__name__)


def _no_modes_here(exc: OSError) -> bool:
    """A file system without POSIX modes (FAT/exFAT on a USB stick) refuses chmod; the
    export is written all the same, and such a drive is the worker's own to protect."""
    return exc.errno in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP)


def make_private_dir(path: Path) -> None:
    """Create ``path`` and any missing parents 0700; an existing ``path`` is tightened.

    Existing parents keep their mode: they may be the user's home or a shared folder.
    """
    missing: list[Path] = []
    walk = Path(path)
    while not walk.exists() and walk != walk.parent:
        missing.append(walk)
        walk = walk.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            pass  # made meanwhile by another process: tightened below all the same
        make_private(folder, directory=True)
    if not path.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(path))
    make_private(path, directory=True)


def open_private(path: Path, flags: int) -> int:
    """``os.open`` with mode 0600 that also holds under a lax umask, or for a file that
    existed with a wider mode (``O_CREAT`` alone never changes an existing file's mode)."""
    # O_BINARY: Windows would otherwise translate line ends in what is written.
    fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0),
                 PRIVATE_FILE)
    if POSIX:
        try:
            os.fchmod(fd, PRIVATE_FILE)
        except OSError as exc:
            if not _no_modes_here(exc):
                os.close(fd)
                raise
        except BaseException:
            os.close(fd)
            raise
    return fd


def create_private_file(path: Path) -> None:
    """An empty file, 0600 before a byte is in it (SQLite then keeps the mode and gives
    its -wal and -shm files the same one)."""
    os.close(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` into ``path`` via a temporary file in the same folder, synced to disk.

    The file is 0600 from its creation on: the rename keeps that mode, so an export or
    key file never exists readable by others, not even for a moment.
    """
    tmp = path.with_name(f".{path.name}.part")
    try:
        fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)  # gone already after the replace; else half written
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if not POSIX:
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
