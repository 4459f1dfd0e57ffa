"""What the bad-input, fuzzing and isolation tests share: the three functions loaded in this
process against the real emulators, what they stored, and checks on a response's shape.

Every function is built with the ``load_function`` fixture of tests/conftest.py (each main.py is
module ``main``); the Firestore emulator is emptied per test and each test gets a topic of its
own with a pull subscription, so "nothing was stored" is read from the emulators themselves.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pytest
from google.cloud import firestore

from devtools.emulators import PubSubEmulator
from tests.functions.function_apps import ADMIN_KEY, USER_KEY, FunctionApp

PROJECT = "ion-local"  # GOOGLE_CLOUD_PROJECT's default, which load_function leaves in place
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Cache-Control": "no-store",
}
CSP_PREFIX = "default-src 'none'"
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


@dataclass(frozen=True)
class Endpoint:
    """One endpoint a corpus is sent to: its function, method and path, whether it needs the
    admin key, and a body it accepts (for POSTs)."""

    function: str
    method: str
    path: str
    admin: bool = False
    valid: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"


MESSAGE = "How do I get better at reviewing my teammates' code?"
BODY_ENDPOINTS = (
    Endpoint(
        "process",
        "POST",
        "/v2/process",
        valid={"message": MESSAGE, "user_id": "u-1", "session_id": "s-1"},
    ),
    Endpoint("process", "POST", "/v1/chat", valid={"message": MESSAGE, "user_id": "u-1"}),
    Endpoint("process", "POST", "/v2/cache/invalidate", admin=True, valid={"persona": "lua"}),
    Endpoint("recommend", "POST", "/v2/recommend", valid={"message": MESSAGE}),
    Endpoint(
        "bulk",
        "POST",
        "/v2/bulk",
        valid={
            "items": [{"id": "a", "message": MESSAGE, "user_id": "u-1"}],
            "idempotency_key": "k",
        },
    ),
)


@dataclass
class Stack:
    """process, recommend and bulk in this process, with the emulators behind them."""

    apps: dict[str, FunctionApp]
    pubsub: PubSubEmulator
    topic: str
    tap: str  # a pull subscription on the bulk topic: what was published
    statuses: list[int] = field(default_factory=list)  # every response's, in order

    def open(
        self,
        function: str,
        method: str,
        path: str,
        *,
        key: str | None = USER_KEY,
        data: bytes | str | None = None,
        json_body: Any = None,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
        environ: dict[str, str] | None = None,
        record: bool = True,
    ) -> Any:
        environ_overrides = {"HTTP_X_API_KEY": key or "", **(environ or {})}
        kwargs: dict[str, Any] = {"headers": headers or {}, "environ_overrides": environ_overrides}
        if json_body is not None:
            kwargs["json"] = json_body
        elif data is not None:
            kwargs["data"] = data
            kwargs["content_type"] = content_type
        response = self.apps[function].client.open(path, method=method, **kwargs)
        if record:
            self.statuses.append(response.status_code)
        return response

    def send(self, endpoint: Endpoint, **kwargs: Any) -> Any:
        key = ADMIN_KEY if endpoint.admin else USER_KEY
        return self.open(endpoint.function, endpoint.method, endpoint.path, key=key, **kwargs)

    def published(self) -> list[dict[str, Any]]:
        """What was published to the bulk topic since the last call, decoded."""
        return [
            json.loads(base64.b64decode(message["data"])) for message in self.pubsub.pull(self.tap)
        ]

    def cache_stats(self) -> dict[str, Any]:
        response = self.open("process", "GET", "/v2/cache-stats", key=ADMIN_KEY, record=False)
        assert response.status_code == 200, response.get_data(as_text=True)
        stats: dict[str, Any] = response.get_json()
        return stats


def build_stack(
    load_function: Callable[[str], FunctionApp],
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
    **settings: str,
) -> Stack:
    """The three functions, with rate limits off (a corpus is many requests from one key)
    unless ``settings`` (environment variables) say otherwise."""
    topic = f"rel-{uuid.uuid4().hex[:12]}"
    pubsub_emulator.create_topic(topic)
    tap = pubsub_emulator.create_pull_subscription(f"{topic}-tap", topic).rsplit("/", 1)[1]
    monkeypatch.setenv("BULK_TOPIC", topic)
    monkeypatch.setenv("BULK_TIMEOUT_S", "5")
    monkeypatch.setenv("SESSION_TIMEOUT_S", "5")
    monkeypatch.setenv("RATE_LIMIT_PER_MIN", "0")
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    apps = {name: load_function(name) for name in ("process", "recommend", "bulk")}
    return Stack(apps, pubsub_emulator, topic, tap)


def firestore_documents() -> list[str]:
    """Every document path in the emulator's database (FIRESTORE_EMULATOR_HOST), subcollections
    included: what the requests of a test stored."""
    client = firestore.Client(project=PROJECT)
    found: list[str] = []

    def walk(collections: Iterable[Any]) -> None:
        for collection in collections:
            for document in collection.list_documents():
                found.append(document.path)
                walk(document.collections())

    try:
        walk(client.collections())
    finally:
        client.close()
    return sorted(found)


def assert_envelope(response: Any, statuses: Iterable[int] = range(400, 500)) -> dict[str, Any]:
    """A 4xx (or the given statuses) with the one error envelope, as JSON with nosniff."""
    text = response.get_data(as_text=True)
    assert response.status_code in set(statuses), text[:500]
    assert_json_only(response)
    body: dict[str, Any] = json.loads(text)
    assert set(body) == {"error", "request_id"}, text[:500]
    assert isinstance(body["error"]["code"], str)
    assert body["error"]["code"]
    assert body["error"]["message"]
    assert body["request_id"] == response.headers["X-Request-Id"]
    return body


def assert_json_only(response: Any) -> None:
    """JSON with nosniff and the security headers; no markup outside JSON strings, so a
    ``<script>`` sent in can only come back as the content of a string."""
    assert response.mimetype == "application/json"
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    assert response.headers["Content-Security-Policy"].startswith(CSP_PREFIX)
    assert REQUEST_ID.fullmatch(response.headers["X-Request-Id"])
    text = response.get_data(as_text=True)
    json.loads(text)
    outside = _JSON_STRING.sub('""', text)
    assert "<" not in outside
    assert ">" not in outside
