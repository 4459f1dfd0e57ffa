"""The mentor console of ``make dev``: the page in ``console/`` and the stack's settings, served on
loopback by a thread of the devstack process.

The page talks to the functions straight from the browser, through their CORS allow-list (the
stack adds the console's origins to it, in the dev stack only). ``config.json`` gives it the
functions' URLs, and the stack's API key to prefill only to a page opened with the link
``make dev`` prints: the link carries a token of this run in its fragment (never sent to the
server by the browser on its own), and the page sends it back in ``X-Console-Token``. Anyone
else on the machine who asks gets no key, as they cannot read ``.dev/stack.json`` either; the
page then asks for the key. Every file is answered only to a request whose ``Host`` is this
server's own loopback name, so a page elsewhere that rebinds a DNS name to 127.0.0.1 gets
nothing.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

# path -> (file in console/, content type); nothing else is served.
FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/console.css": ("console.css", "text/css; charset=utf-8"),
    "/console.js": ("console.js", "text/javascript; charset=utf-8"),
}
CONFIG = "/config.json"
TOKEN_HEADER = "X-Console-Token"  # noqa: S105 (a header name, not a secret)


def policy(function_urls: Mapping[str, str]) -> str:
    """The console's content-security policy: its own files, and calls to the functions only."""
    calls = " ".join(sorted(set(function_urls.values())))
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {calls}; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    sys_version = ""
    server_version = "ion-console"
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s\n"
    HEADERS: ClassVar[dict[str, str]] = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, *, head: bool) -> None:
        path = self.path.split("?", 1)[0]
        if self.headers.get("Host", "") not in self.server.hosts:
            self._send(
                HTTPStatus.MISDIRECTED_REQUEST,
                b"this console answers on loopback only\n",
                "text/plain; charset=utf-8",
                head,
            )
            return
        if path == CONFIG:
            presented = self.headers.get(TOKEN_HEADER, "").encode()
            trusted = hmac.compare_digest(presented, self.server.token.encode())
            config = {"urls": self.server.urls, "api_key": self.server.key if trusted else ""}
            self._send(HTTPStatus.OK, json.dumps(config).encode(), "application/json", head)
            return
        found = FILES.get(path)
        if found is None:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8", head)
            return
        name, content_type = found
        self._send(HTTPStatus.OK, (self.server.folder / name).read_bytes(), content_type, head)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, head: bool) -> None:
        self.send_response(status)
        for name, value in {**self.HEADERS, "Content-Security-Policy": self.server.policy}.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the functions' request logs are what a developer reads; this would drown them


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    folder: Path
    urls: dict[str, str]
    key: str
    token: str
    policy: str
    hosts: frozenset[str]


class ConsoleServer:
    """``console/`` on ``http://127.0.0.1:<port>``, with ``config.json`` for the page."""

    def __init__(
        self, port: int, folder: Path, function_urls: Mapping[str, str], api_key: str
    ) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._folder = folder
        self._urls = dict(function_urls)
        self._key = api_key
        self.token = secrets.token_urlsafe(16)
        # What make dev prints: the page opened with it is given the key (see the module).
        self.link = f"{self.url}/#token={self.token}"
        self._policy = policy(function_urls)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @staticmethod
    def origins(port: int) -> tuple[str, ...]:
        """The origins a browser gives the console's requests: what the functions must allow."""
        return (f"http://127.0.0.1:{port}", f"http://localhost:{port}")

    def start(self) -> None:
        missing = [name for name, _ in FILES.values() if not (self._folder / name).is_file()]
        if missing:
            raise RuntimeError(f"the console's files are missing from {self._folder}: {missing}")
        server = _Server(("127.0.0.1", self.port), _Handler)
        server.folder = self._folder
        server.urls = self._urls
        server.key = self._key
        server.token = self.token
        server.policy = self._policy
        server.hosts = frozenset(o.split("//", 1)[1] for o in self.origins(self.port))
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="console", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> ConsoleServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
