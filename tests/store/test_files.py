"""A file written atomically is the old one or the new one, never half, with no leftovers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from joinus_desktop.store.files import write_atomically


def test_the_new_content_replaces_the_old(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_part(tmp_path: Path,
                                                             monkeypatch) -> None:  # noqa: ANN001
    target = tmp_path / "vault.key"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.key"]
