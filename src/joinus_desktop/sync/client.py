"""HTTP client for the organisation server (httpx; blocking: call it off the UI thread)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from .. import __version__
from . import wirejson
from .errors import ResyncRequired, SyncError
from .protocol import (
    MAX_BODY_BYTES,
    MAX_CHANGES_PER_BATCH,
    PROTOCOL_VERSION,
    PullResponse,
    PushRequest,
    PushResponse,
)
from .tls import ENV_CA_BUNDLE, certificate_problem, check_server_url, verify_setting

TIMEOUT = httpx.Timeout(30.0, connect=5.0)


class ServerClient:
    def __init__(self, base_url: str, token: str | None = None, *,
                 timeout: httpx.Timeout = TIMEOUT) -> None:
        check_server_url(base_url)  # before anything is sent: never the code in clear text
        self.base_url = base_url.rstrip("/")
        headers = {"User-Agent": f"joinus-desktop/{__version__}"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout,
                                  verify=verify_setting())
        self.last_server_time_ms: int | None = None
        self.last_round_trip_ms: float | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, path: str, *, json: Any = None,
                 **kwargs: Any) -> dict[str, Any]:
        return self._answer(self._send(method, path, json=json, **kwargs))

    def _send(self, method: str, path: str, *, json: Any = None,
              **kwargs: Any) -> httpx.Response:
        """The raw answer; transport failures become SyncErrors, nothing is parsed yet."""
        start = time.monotonic()
        if json is not None:
            kwargs["content"] = wirejson.dumps(json)
            kwargs["headers"] = {"Content-Type": "application/json"}
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise SyncError("network", "The organisation server did not answer in time.") \
                from None
        except httpx.TransportError as exc:
            problem = certificate_problem(exc)
            if problem is not None:
                raise SyncError("insecure", f"The certificate of the organisation server at "
                                            f"{self.base_url} is not trusted ({problem}). If "
                                            "your organisation uses its own certificate "
                                            f"authority, set {ENV_CA_BUNDLE} to its PEM file.",
                                code="certificate") from None
            raise SyncError("network", f"Cannot reach the organisation server at "
                                       f"{self.base_url} ({type(exc).__name__}).") from None
        self.last_round_trip_ms = (time.monotonic() - start) * 1000
        return response

    def _answer(self, response: httpx.Response) -> dict[str, Any]:
        """The parsed JSON body of a successful answer, or the SyncError it means."""
        try:
            body = wirejson.loads(response.content)
        except ValueError:
            body = None
        if response.status_code >= 400:
            raise _error_for(response.status_code, body, response.headers.get("Retry-After"))
        if not isinstance(body, dict):
            raise SyncError("protocol", "The server answered with something that is not JSON.")
        if isinstance(body.get("server_time_ms"), int):
            self.last_server_time_ms = body["server_time_ms"]
        return body

    def health(self) -> dict[str, Any]:
        return self._request("GET", "/healthz")

    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        body = self._request("POST", "/api/v1/enroll",
                             json={"code": code, "device_name": device_name})
        return _parse("enrolment", _checked_enrolment, body)

    def push(self, request: PushRequest, body: bytes | None = None) -> PushResponse:
        """Send a batch; one over the server's limits goes as several requests.

        The limits are 1000 changes and 8 MiB of body (long meeting notes make a change
        up to ~80 kB). Halves are sent in order, each under its own batch id, and their
        answers are put back together as the answer to ``request``. ``body``: the
        request as ``encode_push`` made it, if made ahead.
        """
        if body is None:
            body = encode_push(request)
        # One outbox row may become two changes (a new record edited since), so a window
        # of PUSH_BATCH rows can hold more changes than the server takes.
        too_many = len(request.changes) > MAX_CHANGES_PER_BATCH
        if (too_many or len(body) > MAX_BODY_BYTES) and len(request.changes) > 1:
            half = len(request.changes) // 2
            first = self.push(PushRequest(request.device_id, f"{request.batch_id}.1",
                                          request.changes[:half]))
            second = self.push(PushRequest(request.device_id, f"{request.batch_id}.2",
                                           request.changes[half:]))
            return PushResponse(request.batch_id, second.epoch, [
                *first.results, *(r._replace(index=r.index + half) for r in second.results)
            ], second.server_time_ms)
        answer = self._answer(self._send("POST", "/api/v1/sync/push", content=body,
                                         headers={"Content-Type": "application/json"}))
        response = _parse("push", PushResponse.from_wire, answer)
        check_push_answer(request, response)
        return response

    def fetch_pull(self, cursor: int, limit: int, epoch: str | None) -> httpx.Response:
        """A page as it arrived: waiting on the network, which another thread may do."""
        # "values": a change one write set comes with its stamp once (half the bytes).
        params: dict[str, Any] = {"cursor": cursor, "limit": limit, "shape": "values"}
        if epoch:
            params["epoch"] = epoch
        return self._send("GET", "/api/v1/sync/pull", params=params)

    def read_pull(self, raw: httpx.Response, cursor: int) -> PullResponse:
        """A fetched page, parsed and checked (CPU work: best on the applying thread)."""
        response = _parse("pull", PullResponse.from_wire, self._answer(raw))
        check_pull_answer(response, cursor)
        return response

    def programme_report(self) -> dict[str, Any]:
        return self._request("GET", "/api/v1/reports/programme")

    def settings(self) -> dict[str, Any]:
        """The organisation's settings: retention period, public key for vault recovery."""
        return self._request("GET", "/api/v1/settings")

    def members(self) -> dict[str, Any]:
        """Id and name of the people in this laptop's teams."""
        return self._request("GET", "/api/v1/members")

    def erase(self, youngster_id: str, team_id: str) -> dict[str, Any]:
        """Ask the server to erase a youngster everywhere (right to be forgotten)."""
        return self._request("POST", "/api/v1/erase",
                             json={"youngster_id": youngster_id, "team_id": team_id})

    def push_audit(self, device_id: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
        return self._request("POST", "/api/v1/audit",
                             json={"device_id": device_id, "entries": entries})


def encode_push(request: PushRequest) -> bytes:
    """The body of a push (``ServerClient.push`` splits one over the server's limits)."""
    return wirejson.dumps(request.to_wire())


OUTCOMES = ("applied", "conflict", "rejected")
T = TypeVar("T")


def _parse(what: str, parser: Callable[[dict[str, Any]], T], body: dict[str, Any]) -> T:
    """A server answer as a typed value, or a protocol error naming what was wrong."""
    try:
        return parser(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SyncError("protocol", f"The server's {what} answer is malformed ({exc}).") \
            from None


def _checked_enrolment(body: dict[str, Any]) -> dict[str, Any]:
    """The enrolment answer, if it holds what the laptop keeps (else KeyError/TypeError)."""
    user, teams = body["user"], body.get("teams") or []
    if not (isinstance(body["device_id"], str) and isinstance(body["token"], str)
            and isinstance(user, dict) and isinstance(user["id"], str)
            and isinstance(teams, list) and all(isinstance(t["id"], str) for t in teams)):
        raise TypeError("a field has the wrong type")
    return body


def check_push_answer(request: PushRequest, response: PushResponse) -> None:
    """Trust an answer only if it answers this batch, change by change.

    The outbox is trimmed on this answer: one missing or unknown outcome would
    otherwise drop a change without it reaching the server or the quarantine.
    """
    indices = sorted(r.index for r in response.results)
    if (response.batch_id != request.batch_id
            or indices != list(range(len(request.changes)))
            or any(r.outcome not in OUTCOMES for r in response.results)):
        raise SyncError("protocol", "The server's push answer does not match the batch sent; "
                                    "nothing was marked as sent.")


def check_pull_answer(response: PullResponse, cursor: int) -> None:
    """A page must move forward and hold only entries of known kinds.

    Each entry's own content (values, stamps) is screened when the page is applied:
    an entry the laptop cannot store is left out there, and never stops the page.
    """
    if response.cursor < cursor:
        raise SyncError("protocol", "The server's pull answer goes back in its log.")
    for change in response.changes:
        if change.kind not in ("change", "purge"):
            raise SyncError("protocol", f"The server's pull answer holds an unknown entry "
                                        f"kind ({str(change.kind)[:40]!r}).")
    counts = response.counts
    if counts is not None and not (isinstance(counts, dict) and all(
            isinstance(per_team, dict) and all(
                isinstance(n, int) and not isinstance(n, bool) for n in per_team.values())
            for per_team in counts.values())):
        raise SyncError("protocol", "The server's pull answer holds malformed counts.")


def _error_for(status: int, body: object, retry_after: str | None = None) -> SyncError:
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    if status == 429:
        wait = int(retry_after) if retry_after and retry_after.strip().isdigit() else 60
        minutes = max(1, -(-min(wait, 86_400) // 60))
        span = "1 minute" if minutes == 1 else f"{minutes} minutes"
        text = (f"Too many wrong enrolment codes were tried from this network. Wait "
                f"{span} and try again; if your code still fails, ask your "
                f"coordinator for a new one." if code == "too_many_attempts" else
                f"The organisation server is busy; wait {span} and try again.")
        return SyncError("rejected", text, code=code, status=status,
                         retry_after_s=min(wait, 86_400))
    if code == "resync_required":
        return ResyncRequired(message or "The server asks for a full resync.")
    if status == 401:
        # The server does not say whether a token was revoked or never known: both
        # mean this laptop must be enrolled again; its data stays usable locally.
        return SyncError("revoked", "The organisation server no longer accepts this laptop "
                                    "(its access was revoked). Your data stays here; ask your "
                                    "coordinator for a new enrolment code.",
                         code=code, status=status)
    if status >= 500:
        return SyncError("server", f"The organisation server had a problem ({status}).",
                         code=code, status=status)
    return SyncError("rejected", message or f"The server refused the request ({status}).",
                     code=code, status=status)


__all__ = ["ServerClient", "PROTOCOL_VERSION"]
