"""Writing an export: the bytes to the chosen file, and a line in the audit log.

Every export leaves the encrypted vault, so each one is recorded (without
content: entity, record id, the kind of file) after the file is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..store.files import write_atomically

if TYPE_CHECKING:
    from ..store.store import Store

KINDS = ("pdf", "csv", "png", "json")


def write_export(store: Store, path: str | Path, data: bytes, *, entity: str,
                 record_id: str | None, kind: str, what: str) -> Path:
    """Write ``data`` to ``path`` (via a temp file in the same folder, so a crash
    leaves no half file) and record the export. ``what`` names the report type."""
    if kind not in KINDS:
        raise ValueError(f"unknown export kind {kind!r}")
    path = Path(path)
    write_atomically(path, data)
    store.audit.record("export", entity, record_id, kind=kind, report=what)
    return path
