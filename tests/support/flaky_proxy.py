"""A TCP proxy on loopback that drops connections at random (before or mid-response)."""

from __future__ import annotations

import random
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class FlakyProxy:
    target_port: int
    drop_rate: float = 0.3
    seed: int = 1
    port: int = 0
    dropped: int = 0
    forwarded: int = 0
    _server: socket.socket | None = None
    _threads: list[threading.Thread] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> FlakyProxy:
        self._random = random.Random(self.seed)
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.close()

    def _accept(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            with self._lock:
                roll = self._random.random()
            thread = threading.Thread(target=self._handle, args=(client, roll), daemon=True)
            thread.start()

    def _handle(self, client: socket.socket, roll: float) -> None:
        if roll < self.drop_rate / 2:
            self.dropped += 1
            client.close()  # dropped before anything reached the server
            return
        cut_response = roll < self.drop_rate  # the server acts, the answer is lost
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
        except OSError:
            client.close()
            return
        done = threading.Event()

        def pump(src: socket.socket, dst: socket.socket, cut: bool) -> None:
            try:
                while True:
                    data = src.recv(65536)
                    if not data:
                        break
                    if cut:
                        dst.sendall(data[: len(data) // 2])
                        self.dropped += 1
                        break
                    dst.sendall(data)
            except OSError:
                pass
            finally:
                done.set()

        threading.Thread(target=pump, args=(client, upstream, False), daemon=True).start()
        pump(upstream, client, cut_response)
        if not cut_response:
            self.forwarded += 1
        for sock in (client, upstream):
            try:
                sock.close()
            except OSError:
                pass
