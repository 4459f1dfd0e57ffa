"""The test helper against the real redis-server: round trip, crash, restart, no persistence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from devtools.redis_server import RedisServer


@pytest.fixture
def own_server() -> Iterator[RedisServer]:
    """A server of the test's own, for faults that must not touch the shared session server."""
    with RedisServer() as server:
        yield server


def client_for(url: str) -> redis.Redis:
    # No retries: a fault must surface at once instead of after redis-py's backoff.
    return redis.Redis.from_url(url, socket_timeout=2.0, retry=Retry(NoBackoff(), 0))


def test_set_get_round_trip(redis_url: str) -> None:
    client = client_for(redis_url)
    try:
        assert client.dbsize() == 0
        assert client.set("greeting", "안녕하세요")
        assert client.get("greeting") == "안녕하세요".encode()
    finally:
        client.close()


def test_url_names_the_loopback_port(redis_server: RedisServer) -> None:
    assert redis_server.url == f"redis://127.0.0.1:{redis_server.port}/0"


def test_kill_makes_client_calls_fail(own_server: RedisServer) -> None:
    client = client_for(own_server.url)
    try:
        assert client.ping()
        own_server.kill()
        assert not own_server.running
        with pytest.raises(redis.ConnectionError):
            client.ping()
    finally:
        client.close()


def test_start_after_kill_serves_the_same_port(own_server: RedisServer) -> None:
    port = own_server.port
    client = client_for(own_server.url)
    try:
        assert client.set("before", "crash")
        own_server.kill()
        own_server.start()
        assert own_server.port == port
        # The client made before the crash reconnects on its own; nothing survived the crash.
        assert client.ping()
        assert client.get("before") is None
        assert client.set("after", "restart")
    finally:
        client.close()


def test_stop_writes_no_dump(own_server: RedisServer) -> None:
    client = client_for(own_server.url)
    try:
        assert client.set("key", "value")
    finally:
        client.close()
    own_server.stop()
    own_server.stop()  # idempotent
    assert not own_server.running
    assert not (own_server.directory / "dump.rdb").exists()
    leftovers = {p.name for p in own_server.directory.iterdir()} - {own_server.log_path.name}
    assert leftovers == set()


def test_failed_start_raises_with_the_server_output(own_server: RedisServer) -> None:
    with pytest.raises(RuntimeError, match="in use"):
        RedisServer(port=own_server.port).start()


def test_missing_executable_raises() -> None:
    with pytest.raises(RuntimeError, match="not on PATH"):
        RedisServer(executable="no-such-redis-server").start()
