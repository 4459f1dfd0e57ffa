"""A fake Sentry ingest endpoint, for the real sentry-sdk: it records what would be sent.

Point ``SENTRY_DSN`` at :attr:`dsn` (``http://public@127.0.0.1:PORT/1``). The SDK posts
envelopes to ``/api/1/envelope/`` — newline-separated JSON: an envelope header, then for each
item an item header (``type``, optional ``length``) and its payload — compressed with gzip or
brotli as ``Content-Encoding`` says. Events and transactions are kept parsed (:attr:`events`,
:attr:`transactions`); :attr:`raw` keeps every decompressed body, so a test can check that a
string appears nowhere in what reached "Sentry".
"""

from __future__ import annotations

import gzip
import importlib
import json
import re
import time
import zlib
from typing import Any

from devtools.fake_service import FakeService, Recorded, Reply

_ENDPOINT = re.compile(r"/api/(?P<project>\d+)/(?P<kind>envelope|store)/")


class FakeSentry(FakeService):
    def __init__(self) -> None:
        super().__init__()
        self.raw: list[bytes] = []
        self.items: list[tuple[str, dict[str, Any]]] = []  # (item type, payload)

    @property
    def dsn(self) -> str:
        host = self.url.removeprefix("http://")
        return f"http://public@{host}/1"

    def decode(self, headers: dict[str, str], raw: bytes) -> Any:
        encoding = headers.get("content-encoding", "").lower()
        if encoding == "gzip":
            raw = gzip.decompress(raw)
        elif encoding == "deflate":
            raw = zlib.decompress(raw)
        elif encoding == "br":
            # The SDK only compresses with brotli where the module is installed, as here then.
            raw = importlib.import_module("brotli").decompress(raw)
        with self._lock:
            self.raw.append(raw)
        return raw

    def respond(self, request: Recorded) -> Reply:
        match = _ENDPOINT.fullmatch(request.path.split("?")[0])
        if request.method != "POST" or match is None:
            return Reply(404, {"detail": f"fake Sentry has no {request.path}"})
        body: bytes = request.body or b""
        found = (
            parse_envelope(body) if match["kind"] == "envelope" else [("event", json.loads(body))]
        )
        with self._lock:
            self.items.extend(found)
        return Reply(200, {"id": found[0][1].get("event_id", "") if found else ""})

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        with self._lock:
            return [payload for item_type, payload in self.items if item_type == kind]

    @property
    def events(self) -> list[dict[str, Any]]:
        return self.of_type("event")

    @property
    def transactions(self) -> list[dict[str, Any]]:
        return self.of_type("transaction")

    def wait_for(self, kind: str, count: int = 1, timeout_s: float = 10.0) -> list[dict[str, Any]]:
        """At least ``count`` items of ``kind``, waiting for the SDK's background sender."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = self.of_type(kind)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"fake Sentry got {len(self.of_type(kind))} {kind}(s), not {count}")

    def everything(self) -> str:
        """Every body received, decompressed, as text (for "never sent" checks)."""
        with self._lock:
            return "\n".join(raw.decode("utf-8", "replace") for raw in self.raw)


def parse_envelope(data: bytes) -> list[tuple[str, dict[str, Any]]]:
    """The (type, payload) of each JSON item; attachments and other binary items are skipped."""
    _header, _, rest = data.partition(b"\n")
    items: list[tuple[str, dict[str, Any]]] = []
    while rest.strip():
        line, _, rest = rest.partition(b"\n")
        if not line.strip():
            continue
        item_header = json.loads(line)
        length = item_header.get("length")
        if length is None:
            payload, _, rest = rest.partition(b"\n")
        else:
            payload, rest = rest[:length], rest[length:].removeprefix(b"\n")
        try:
            items.append((str(item_header.get("type")), json.loads(payload)))
        except ValueError:
            continue
    return items
