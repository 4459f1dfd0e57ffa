"""The router's defences for the open internet: only canonical paths are served, failed
authentications are limited per client address, and a body over a route's limit is refused
before it is read, with or without a key."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

import pytest
from flask.testing import FlaskClient

from core import bootstrap
from core.api.bulk_schemas import BULK_MAX_BODY_BYTES
from tests.functions.function_apps import ADMIN_KEY, FunctionApp, assert_error, payload

ADMIN = {"X-API-Key": ADMIN_KEY}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "//v2/cache-stats"),
        ("GET", "/v2/cache-stats/"),
        ("GET", "/v2//cache-stats"),
        ("GET", "/v2/cache%2Dstats"),
        ("GET", "/v2/cache%2dstats"),
        ("GET", "/v2/%63ache-stats"),
        ("GET", "/v2/./cache-stats"),
        ("GET", "/v2/x/../cache-stats"),
        ("POST", "/v2/cache%2Finvalidate"),
        ("POST", "/v2/cache/invalidate/"),
        ("POST", "//v2/cache/invalidate"),
    ],
)
def test_an_admin_path_spelled_another_way_is_no_endpoint(
    process: FlaskClient, method: str, path: str
) -> None:
    response = process.open(
        path, method=method, headers=ADMIN, json={}, environ_overrides=_as_sent(path)
    )
    body = assert_error(response, 404, "NOT_FOUND")
    assert "spelled" in body["error"]["message"]


def test_the_canonical_admin_path_is_served(process: FlaskClient) -> None:
    assert process.get("/v2/cache-stats", headers=ADMIN).status_code == 200


@pytest.mark.parametrize("path", ["/healthz/", "//healthz", "/v2/process/", "/%762/process"])
def test_every_path_is_served_only_as_spelled(process: FlaskClient, path: str) -> None:
    response = process.post(path, json=payload("process_en.json"), environ_overrides=_as_sent(path))
    assert_error(response, 404, "NOT_FOUND")


def _as_sent(path: str) -> dict[str, str]:
    """The environ a server makes of a request line with this path. werkzeug's test client
    would read "//v2/..." as a host name; gunicorn keeps it, decoded in PATH_INFO and as sent
    in RAW_URI."""
    return {"RAW_URI": path, "PATH_INFO": unquote(path)} if path.startswith("//") else {}


@pytest.fixture
def strict(
    load_function: Callable[[str], FunctionApp], monkeypatch: pytest.MonkeyPatch
) -> FlaskClient:
    """``process`` with a burst of three failed authentications per address."""
    monkeypatch.setenv("AUTH_FAILURE_BURST", "3")
    monkeypatch.setenv("AUTH_FAILURES_PER_MIN", "1")
    bootstrap.settings.cache_clear()
    return load_function("process").client


def _from(address: str, key: str | None) -> dict[str, str]:
    # Behind the load balancer: whatever the client wrote, then its address, then the LB's.
    # An empty key header stands for none: the test client sends a valid one by default.
    return {"X-Forwarded-For": f"6.6.6.6, {address}, 35.191.0.1", "X-API-Key": key or ""}


def test_failed_authentications_from_one_address_are_limited(strict: FlaskClient) -> None:
    body = payload("process_en.json")
    statuses = [
        strict.post("/v2/process", json=body, headers=_from("203.0.113.7", f"guess-{n}"))
        for n in range(4)
    ]
    assert [r.status_code for r in statuses] == [401, 401, 401, 429]
    limited = assert_error(statuses[-1], 429, "RATE_LIMITED")
    assert int(statuses[-1].headers["Retry-After"]) >= 1
    assert "without a valid API key" in limited["error"]["message"]
    # A missing key counts too.
    assert (
        strict.post("/v2/process", json=body, headers=_from("203.0.113.7", None)).status_code == 429
    )
    # The client cannot pick another bucket by writing its own X-Forwarded-For entry...
    spoofed = {"X-Forwarded-For": "1.2.3.4, 203.0.113.7, 35.191.0.1", "X-API-Key": "x"}
    assert strict.post("/v2/process", json=body, headers=spoofed).status_code == 429
    # ...another address is not affected, and a valid key from the same address still works.
    assert (
        strict.post("/v2/process", json=body, headers=_from("198.51.100.9", "x")).status_code == 401
    )
    admin = _from("203.0.113.7", ADMIN_KEY)
    assert strict.post("/v2/process", json=body, headers=admin).status_code == 200


def test_failed_authentications_are_counted_across_instances_through_redis(
    load_function: Callable[[str], FunctionApp],
    monkeypatch: pytest.MonkeyPatch,
    redis_url: str,
) -> None:
    monkeypatch.setenv("AUTH_FAILURE_BURST", "4")
    monkeypatch.setenv("AUTH_FAILURES_PER_MIN", "1")
    monkeypatch.setenv("REDIS_URL", redis_url)
    bootstrap.settings.cache_clear()

    def instance() -> FlaskClient:
        bootstrap._redis.cache_clear()  # each instance its own client, the same Redis
        app = load_function("process")
        app.module.router.guard  # noqa: B018 - built now, with this instance's client
        # Wait until it is connected, or the first requests would be counted in process.
        store = bootstrap.redis_store(bootstrap.settings())
        assert store is not None
        assert store.ready.wait(10)
        return app.client

    first = instance()
    second = instance()
    body = payload("process_en.json")
    seen = [
        client.post("/v2/process", json=body, headers=_from("192.0.2.1", "wrong")).status_code
        for client in (first, second, first, second, first, second)
    ]
    # Each instance leases a share of the burst; together they never allow more than it.
    assert seen.count(401) <= 4
    assert seen[-1] == 429


@pytest.mark.parametrize("key", [None, "wrong", "user"])
def test_a_body_over_the_limit_is_refused_before_the_key_is_checked(
    process: FlaskClient, key: str | None
) -> None:
    headers = {} if key == "user" else {"X-API-Key": key or ""}
    oversized = b'{"message": "' + b"a" * (64 * 1024) + b'"}'
    response = process.post(
        "/v2/process", data=oversized, content_type="application/json", headers=headers
    )
    assert_error(response, 413, "REQUEST_TOO_LARGE")


def test_a_get_with_a_huge_body_is_refused_too(process: FlaskClient) -> None:
    response = process.open(
        "/v2/cache-stats", method="GET", headers=ADMIN, data=b"x" * (64 * 1024 + 1)
    )
    assert_error(response, 413, "REQUEST_TOO_LARGE")


def test_bulk_takes_bodies_up_to_its_own_limit(bulk: FlaskClient) -> None:
    # Over the 64 KiB of every other route, under bulk's 5 MiB: read, then judged on its items
    # (an unknown persona: refused before any store is called).
    items = [{"message": "x" * 3000, "persona": "nobody"} for _ in range(30)]
    response = bulk.post("/v2/bulk", json={"items": items})
    assert_error(response, 422, "UNKNOWN_PERSONA", "items.0.persona")
    too_big = b'{"items": [{"message": "' + b"a" * BULK_MAX_BODY_BYTES + b'"}]}'
    over = bulk.post("/v2/bulk", data=too_big, content_type="application/json")
    assert_error(over, 413, "REQUEST_TOO_LARGE")
