"""After an erasure the text is gone from the server's SQLite file *and* its WAL (issue 12).

Through a real ``joinus-server serve`` process: the youngster's alias and their
observation's text must not be found in the bytes of ``server.db`` or
``server.db-wal`` (``secure_delete`` zeroes freed content; a TRUNCATE checkpoint
after the purge empties the WAL that held the old page images).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx

from tests.support.server_process import enrol_device

from .helpers import change, new_id, observation, stamp, youngster

ERASED_ALIAS = "Vergeet-mij-Quirijn"
ERASED_TEXT = "kanarie-tekst-die-moet-verdwijnen"
KEPT_ALIAS = "Blijft-bewaard-Wendelien"


def file_bytes(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_erased_text_is_not_in_the_database_file_nor_the_wal(server_factory: Any,
                                                              tmp_path: Path) -> None:
    db = tmp_path / "server.db"
    url = f"sqlite:///{db}"
    server = server_factory(url)
    device = enrol_device(server.url, url, teams=["Oost"])
    team = device.team_ids[0]
    erased, kept = new_id(), new_id()
    changes = [change("youngster", erased, team, youngster(alias=ERASED_ALIAS), at=stamp(0)),
               change("youngster", kept, team, youngster(alias=KEPT_ALIAS), at=stamp(0))]
    for n in range(30):  # enough rows that pages are shared with other content
        changes.append(change("observation", new_id(), team, observation(
            erased, behaviour=f"{ERASED_TEXT} {n} " + "x" * 200), at=stamp(1)))
        changes.append(change("observation", new_id(), team, observation(
            kept, behaviour=f"gewoon {n} " + "y" * 200), at=stamp(1)))
    body = {"device_id": device.device_id, "batch_id": uuid.uuid4().hex, "changes": changes}
    pushed = httpx.post(f"{server.url}/api/v1/sync/push", json=body, headers=device.headers,
                        timeout=30)
    assert pushed.status_code == 200 and {r["outcome"] for r in pushed.json()["results"]} \
        == {"applied"}
    before = file_bytes(db)
    assert ERASED_ALIAS.encode() in before and ERASED_TEXT.encode() in before

    answer = httpx.post(f"{server.url}/api/v1/erase", headers=device.headers, timeout=30,
                        json={"youngster_id": erased, "team_id": team})
    assert answer.status_code == 200, answer.text

    after = file_bytes(db)  # the server is still running, its connections open
    assert ERASED_ALIAS.encode() not in after
    assert ERASED_TEXT.encode() not in after
    assert KEPT_ALIAS.encode() in after  # the search does see what is still there
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
