"""A scripted HTTP server on loopback, to answer a laptop as a broken or hostile server would.

    with FakeServer(lambda request: Reply(500, b"oops")) as fake:
        ...  # point a laptop at fake.url

``answer`` gets a :class:`Request` and returns a :class:`Reply`; it runs on the
server's threads, so whatever it records must be thread-safe (a list append is).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {
        "Content-Type": "application/json"})

    @classmethod
    def of(cls, data: Any, status: int = 200) -> Reply:
        return cls(status, json.dumps(data).encode())


class FakeServer:
    def __init__(self, answer: Callable[[Request], Reply]) -> None:
        self.answer = answer
        self.requests: list[Request] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                split = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(self.command, split.path,
                                  {k: v[-1] for k, v in parse_qs(split.query).items()},
                                  self.rfile.read(length) if length else b"")
                fake.requests.append(request)
                reply = fake.answer(request)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = _serve

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # quiet: tests read ``requests`` instead

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()
