"""A delete says what it saw: the base of every field, as the laptop held it when deleting.

Without a server: what the outbox turns a delete into (docs/protocol.md, "Deletes").
"""

from __future__ import annotations

from joinus_desktop.domain import entities
from joinus_desktop.domain.hlc import Stamp
from joinus_desktop.sync.protocol import ChangeResult, PulledChange


def synced_youngster(store, team) -> tuple[str, str]:  # noqa: ANN001
    """A youngster the server has confirmed; its id and creation stamp."""
    y = store.youngsters.add(team_id=team["id"], alias="Sam", intake_date="2026-01-10").id
    batch = store.sync.outbox_batch(100)
    store.sync.acknowledge(batch, [ChangeResult(i, c.id, "applied")
                                   for i, c in enumerate(batch.changes)])
    return y, store.youngsters.get(y)["versions"]["*"]


def test_a_delete_carries_the_base_of_every_field(store, team) -> None:  # noqa: ANN001
    y, created = synced_youngster(store, team)
    store.youngsters.update(y, alias="Sammy")
    edited = store.records.get("youngster", y)["versions"]["alias"]
    store.youngsters.delete(y)
    edit, delete = store.sync.outbox_batch(100).changes
    assert edit.fields == {"alias": "Sammy"} and edit.base == {"alias": created}
    assert delete.fields == {"deleted": True}
    spec = entities.entity("youngster")
    assert delete.base == {**dict.fromkeys(spec.synced_fields, created), "alias": edited}
    # The protocol's parser (the server's) takes it back as sent.
    assert type(delete).from_wire(delete.to_wire()) == delete


def test_a_pull_before_the_push_does_not_change_what_the_delete_saw(store, team) -> None:  # noqa: ANN001
    """A colleague's edit pulled into the hidden copy after the delete was not seen by it."""
    y, created = synced_youngster(store, team)
    store.youngsters.delete(y)
    later = str(Stamp(Stamp.parse(store.clock.last).physical_ms + 1000, 0, "other"))
    store.sync.apply_page([PulledChange(1, "change", team["id"], "youngster", y,
                                        {"exit_note": "Belangrijk"}, later, "someone")],
                          cursor=1, epoch="e1")
    hidden = store.records.get("youngster", y, include_deleted=True)
    assert hidden["exit_note"] == "Belangrijk"  # the hidden copy holds the server's value
    (delete,) = store.sync.outbox_batch(100).changes
    assert delete.base["exit_note"] == created


def test_other_edits_name_only_their_own_fields(store, team) -> None:  # noqa: ANN001
    y, created = synced_youngster(store, team)
    store.youngsters.update(y, alias="Sammy")
    (edit,) = store.sync.outbox_batch(100).changes
    assert edit.base == {"alias": created}
