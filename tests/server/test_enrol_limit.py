"""Wrong enrolment codes are limited per client address and audited (issue 12, finding 12).

Through a real ``joinus-server serve`` process, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx

from tests.support.server_process import ensure_team, run_admin

WRONG = "AAAA-BBBB-CCCC-DDDD"


def new_code(database_url: str) -> str:
    """A valid code for a new user of a team."""
    team = ensure_team(database_url, "Oost")
    email = f"user-{uuid.uuid4().hex[:10]}@example.org"
    run_admin(database_url, "create-user", email, "--name", "Test User", "--team", team)
    return str(run_admin(database_url, "invite", email)["code"])


def attempt(url: str, code: str, *, forwarded_for: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return httpx.post(f"{url}/api/v1/enroll", json={"code": code, "device_name": "laptop"},
                      headers=headers, timeout=30)


def failures_audited(database_url: str) -> list[dict[str, Any]]:
    return [row for row in run_admin(database_url, "audit", "--limit", "1000")
            if row.get("action") == "enroll_failed"]


def test_ten_wrong_codes_then_even_a_right_one_is_refused_with_429(
        server_factory: Any, database_url: str) -> None:
    server = server_factory(database_url)
    right = new_code(database_url)
    for _ in range(10):
        answer = attempt(server.url, WRONG)
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_code"
    refused = attempt(server.url, right)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_attempts"
    assert set(refused.json()) == {"error"} and refused.json()["error"]["message"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 15 * 60
    # The right code was not spent by the refused attempt, nor counted as a failure.
    rows = failures_audited(database_url)
    assert [row["detail"]["address"] for row in rows] == ["127.0.0.1"] * 10
    assert [row["detail"]["failures_in_window"] for row in rows] == list(range(1, 11))
    text = repr(rows)
    assert "127.0.0.1" in text and "AAAA" not in text and right[:4] not in text
    # Another address (through the trusted proxy on 127.0.0.1) is not blocked by this one.
    other = attempt(server.url, right, forwarded_for="203.0.113.7")
    assert other.status_code == 200, other.text


def test_a_right_code_works_again_once_the_window_has_passed(
        server_factory: Any, database_url: str) -> None:
    server = server_factory(database_url, env={"JOINUS_SERVER_ENROL_MAX_FAILURES": "3",
                                               "JOINUS_SERVER_ENROL_WINDOW_S": "3"})
    right = new_code(database_url)
    for _ in range(3):
        assert attempt(server.url, WRONG).status_code == 400
    refused = attempt(server.url, right)
    assert refused.status_code == 429
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 3
    time.sleep(0.5)
    assert attempt(server.url, right).status_code == 429  # still inside the window
    time.sleep(wait)
    answer = attempt(server.url, right)
    assert answer.status_code == 200, answer.text


def test_forwarded_for_from_an_untrusted_peer_is_ignored(
        server_factory: Any, database_url: str) -> None:
    # Only 10.9.9.9 may speak for others: this test's connections (127.0.0.1) may not.
    server = server_factory(database_url, env={"JOINUS_SERVER_ENROL_MAX_FAILURES": "2",
                                               "FORWARDED_ALLOW_IPS": "10.9.9.9"})
    right = new_code(database_url)
    for n in range(2):
        assert attempt(server.url, WRONG, forwarded_for=f"198.51.100.{n}").status_code == 400
    refused = attempt(server.url, right, forwarded_for="198.51.100.99")
    assert refused.status_code == 429  # a new header is not a new address
    assert [row["detail"]["address"] for row in failures_audited(database_url)] \
        == ["127.0.0.1", "127.0.0.1"]


def test_the_counted_address_ipv6_per_64_and_mapped_ipv4() -> None:
    from starlette.requests import Request

    from joinus_server.api.enroll import client_address

    def address(host: str | None) -> str:
        scope = {"type": "http", "client": (host, 1234) if host is not None else None,
                 "headers": []}
        return client_address(Request(scope))

    assert address("203.0.113.9") == "203.0.113.9"
    assert address("2001:db8:1:2:aaaa::1") == address("2001:db8:1:2:ffff::9") \
        == "2001:db8:1:2::/64"
    assert address("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    assert address("::ffff:203.0.113.9") == "203.0.113.9"
    assert address("fe80::1%eth0") == "fe80::/64"
    assert address("testclient") == address(None) == "unknown"
