"""A local HTTP server that speaks one Google REST protocol, for services with no emulator.

Gemini and Secret Manager have no emulator, so their adapters are tested with the real client
libraries against these: a stdlib ``ThreadingHTTPServer`` on a free loopback port, serving on a
daemon thread of the test process, that records every request and answers from a script.
Only the calls ION makes are spoken (see ``devtools.fake_gemini`` and
``devtools.fake_secret_manager``); anything else is a 404 in Google's error format.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

from devtools.processes import HOST


@dataclass(frozen=True, slots=True)
class Reply:
    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)
    delay_s: float = 0.0  # wait this long before answering (a slow or hung service)


@dataclass(frozen=True, slots=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: Any  # the JSON body, or None


def google_error(status: int, name: str, message: str) -> Reply:
    """An error as Google's REST APIs send it."""
    return Reply(status, {"error": {"code": status, "message": message, "status": name}})


class FakeService:
    """Subclasses answer with :meth:`respond`. Use as a context manager, or start and stop."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def respond(self, request: Recorded) -> Reply:
        raise NotImplementedError

    def decode(self, headers: dict[str, str], raw: bytes) -> Any:
        """The recorded body: JSON by default; a service with another format overrides it."""
        return json.loads(raw) if raw else None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake is not started")
        return f"http://{HOST}:{self._server.server_address[1]}"

    def start(self) -> Self:
        server = ThreadingHTTPServer((HOST, 0), _handler(self))
        server.daemon_threads = True  # a stalled answer must not keep the tests waiting
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},  # how long stop() waits for the loop to notice
            name=type(self).__name__,
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes stalled answers
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _serve(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
        reply = self.respond(request)
        if reply.delay_s:
            self._stopping.wait(reply.delay_s)
        return reply


def _handler(service: FakeService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the client libraries expect

        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            request = Recorded(
                method=self.command,
                path=self.path,
                headers=headers,
                body=service.decode(headers, raw),
            )
            reply = service._serve(request)
            data = json.dumps(reply.body).encode()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up waiting (a timeout test): nobody to answer

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test reads :attr:`FakeService.requests` instead."""

    return Handler
