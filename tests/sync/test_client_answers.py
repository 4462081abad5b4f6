"""The laptop refuses server answers that do not add up, instead of trusting them."""

from __future__ import annotations

import pytest

from joinus_desktop.domain.ids import uuid7
from joinus_desktop.sync.client import check_pull_answer, check_push_answer
from joinus_desktop.sync.errors import SyncError
from joinus_desktop.sync.protocol import (
    Change,
    ChangeResult,
    PulledChange,
    PullResponse,
    PushRequest,
    PushResponse,
)

STAMP = "001795000000000:000000:dev"


def batch(n: int) -> PushRequest:
    team = uuid7()
    return PushRequest("device", "batch-1", [
        Change("meeting", uuid7(), team, STAMP, {"date": "2026-01-01"}) for _ in range(n)])


def test_a_complete_answer_is_accepted() -> None:
    request = batch(2)
    check_push_answer(request, PushResponse("batch-1", "e", [
        ChangeResult(1, request.changes[1].id, "conflict"),
        ChangeResult(0, request.changes[0].id, "applied")]))


@pytest.mark.parametrize("results, batch_id", [
    ([], "batch-1"),  # an empty answer would have dropped the whole batch
    ([ChangeResult(0, "x", "applied")], "batch-1"),  # one outcome missing
    ([ChangeResult(0, "x", "applied"), ChangeResult(0, "y", "applied")], "batch-1"),
    ([ChangeResult(0, "x", "applied"), ChangeResult(5, "y", "rejected")], "batch-1"),
    ([ChangeResult(0, "x", "applied"), ChangeResult(1, "y", "refused")], "batch-1"),
    ([ChangeResult(0, "x", "applied"), ChangeResult(1, "y", "applied")], "another"),
])
def test_answers_that_do_not_match_the_batch_are_refused(results, batch_id: str) -> None:  # noqa: ANN001
    with pytest.raises(SyncError) as caught:
        check_push_answer(batch(2), PushResponse(batch_id, "e", results))
    assert caught.value.kind == "protocol"


def test_malformed_pull_pages_are_refused() -> None:
    good = PulledChange(3, "change", uuid7(), "meeting", uuid7(), {"date": "2026-01-01"}, STAMP)
    check_pull_answer(PullResponse("e", 3, False, [good]), 2)
    with pytest.raises(SyncError):
        check_pull_answer(PullResponse("e", 1, False, []), 2)  # goes back in the log
    with pytest.raises(SyncError):
        check_pull_answer(PullResponse("e", 3, False, [], counts=[1]), 2)  # type: ignore[arg-type]


def test_an_entry_with_a_malformed_stamp_does_not_stop_the_page() -> None:
    """One entry never stops a pull: its stamp is screened when the page is applied
    (tests/store/test_not_stored.py), not refused with the whole page here."""
    bad_stamp = PulledChange(3, "change", uuid7(), "meeting", uuid7(), {"date": "2026-01-01"},
                             {"date": 5})  # type: ignore[dict-item]
    bad_shared = PulledChange(3, "change", uuid7(), "meeting", uuid7(), {"date": "2026-01-01"},
                              "yesterday")
    check_pull_answer(PullResponse("e", 3, False, [bad_stamp, bad_shared]), 2)


@pytest.mark.parametrize("body", [
    {},
    {"device_id": "d", "token": "t"},
    {"device_id": "d", "token": "t", "user": "u"},
    {"device_id": "d", "token": 5, "user": {"id": "u"}},
    {"device_id": "d", "token": "t", "user": {"id": "u"}, "teams": [{"name": "no id"}]},
    {"device_id": "d", "token": "t", "user": {"id": "u"}, "teams": "all"},
])
def test_a_malformed_enrolment_answer_is_a_clear_error_not_a_crash(body: dict) -> None:
    from joinus_desktop.sync.client import _checked_enrolment, _parse

    with pytest.raises(SyncError) as caught:
        _parse("enrolment", _checked_enrolment, body)
    assert caught.value.kind == "protocol" and "enrolment answer is malformed" in str(caught.value)


def test_a_complete_enrolment_answer_is_kept_as_it_is() -> None:
    from joinus_desktop.sync.client import _checked_enrolment

    body = {"device_id": "d", "token": "t", "user": {"id": "u", "name": "Anna"},
            "teams": [{"id": "t1", "name": "Oost"}]}
    assert _checked_enrolment(body) is body


def test_a_pulled_change_reads_both_wire_shapes() -> None:
    team, record = uuid7(), uuid7()
    head = {"cursor": 4, "kind": "change", "team_id": team, "entity": "meeting", "id": record,
            "author": "u"}
    whole = PulledChange.from_wire({**head, "stamp": STAMP, "values": {"date": "2026-01-01"}})
    later = "001795000000001:000000:dev"
    per_field = PulledChange.from_wire({**head, "fields": {
        "date": {"value": "2026-01-01", "stamp": STAMP},
        "place": {"value": "Buurthuis", "stamp": later}}})
    assert (whole.values, whole.stamp_of("date")) == ({"date": "2026-01-01"}, STAMP)
    assert per_field.values == {"date": "2026-01-01", "place": "Buurthuis"}
    assert (per_field.stamp_of("date"), per_field.stamp_of("place")) == (STAMP, later)
    for change in (whole, per_field):  # and each is sent back in the shape it came in
        assert PulledChange.from_wire(change.to_wire()) == change


@pytest.mark.parametrize("entry", [
    {"stamp": STAMP, "values": ["2026-01-01"]},
    {"stamp": 5, "values": {"date": "2026-01-01"}},
    {"values": {"date": "2026-01-01"}},
    {"stamp": STAMP, "values": {}, "fields": {}},
    {"fields": {"date": "2026-01-01"}},
])
def test_a_malformed_pulled_change_is_a_protocol_error(entry: dict) -> None:
    from joinus_desktop.sync.client import _parse

    page = {"epoch": "e", "cursor": 4, "has_more": False, "changes": [
        {"cursor": 4, "kind": "change", "team_id": uuid7(), "entity": "meeting", "id": uuid7(),
         **entry}]}
    with pytest.raises(SyncError) as caught:
        _parse("pull", PullResponse.from_wire, page)
    assert caught.value.kind == "protocol"


def test_the_app_pulls_in_the_one_stamp_shape() -> None:
    import httpx

    from joinus_desktop.sync.client import ServerClient

    asked: list[httpx.URL] = []

    def server(request: httpx.Request) -> httpx.Response:
        asked.append(request.url)
        return httpx.Response(200, json={"epoch": "e", "cursor": 0, "has_more": False,
                                         "changes": []})

    client = ServerClient("https://server.invalid", "token")
    client._http = httpx.Client(base_url=client.base_url, transport=httpx.MockTransport(server))
    with client:
        client.read_pull(client.fetch_pull(0, 2000, None), 0)
    assert asked and asked[0].params["shape"] == "values"
