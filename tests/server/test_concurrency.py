"""Cursors are gap-free in commit order while several pushers race, on both backends.

A reader pulls all the while and checks that every page continues exactly
where the previous one stopped: had a later cursor committed before an earlier
one, the reader would move past the earlier one and see a gap.
"""

from __future__ import annotations

import threading
import uuid

from joinus_desktop.domain.ids import uuid7
from joinus_desktop.sync.protocol import Change, PushRequest
from joinus_server import admin
from joinus_server.auth import Principal
from joinus_server.pull import pull
from joinus_server.push import push
from joinus_server.storage import Storage

from .helpers import ACTOR, meeting, stamp

PUSHERS = 4
BATCHES = 12
CHANGES = 15


def test_cursors_are_gap_free_in_commit_order_under_concurrent_pushers(
        storage: Storage) -> None:
    team = admin.create_team(storage, "Race", "Utrecht", actor=ACTOR)["id"]
    user = admin.create_user(storage, "racer@example.org", "Racer", [team], "social_worker",
                             actor=ACTOR)["id"]
    principals = [Principal(str(uuid.uuid4()), user, "social_worker", (team,))
                  for _ in range(PUSHERS)]
    # The reader is a device of its own: a pusher is not sent its own changes back.
    watcher_device = Principal(str(uuid.uuid4()), user, "social_worker", (team,))
    errors: list[BaseException] = []
    done = threading.Event()
    seen: list[int] = []

    def pusher(n: int) -> None:
        try:
            for b in range(BATCHES):
                changes = [Change("meeting", uuid7(), team, stamp(b * 100 + c, f"dev{n}"),
                                  meeting()) for c in range(CHANGES)]
                answer = push(storage, principals[n], PushRequest(principals[n].device_id,
                                                                  f"b{b}", changes))
                assert all(r["outcome"] == "applied" for r in answer["results"])
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    def reader() -> None:
        cursor = 0
        try:
            while True:
                finished = done.is_set()
                page = pull(storage, watcher_device, cursor=cursor, limit=37)
                got = [c["cursor"] for c in page["changes"]]
                assert got == list(range(cursor + 1, cursor + 1 + len(got))), (cursor, got)
                seen.extend(got)
                cursor = page["cursor"]
                if finished and not page["has_more"]:
                    return
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(PUSHERS)]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    done.set()
    watcher.join(120)
    assert not errors, errors[0]
    total = 1 + PUSHERS * BATCHES * CHANGES  # the team record, then every meeting
    assert seen == list(range(1, total + 1))
    with storage.read() as tx:
        assert tx.head() == total and tx.log_count() == total
