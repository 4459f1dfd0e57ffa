"""Fixtures shared by every test folder: a real Redis (see tests/redis_server.py).

A missing or broken redis-server is an error, never a skip: the Redis tests must not go quietly
green on a machine that cannot run them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis

from tests.redis_server import RedisServer


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One started redis-server for the whole session, stopped when the session ends."""
    with RedisServer() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session server's URL with every database emptied, so each test starts clean."""
    redis_server.start()  # a no-op unless an earlier test left the shared server down
    client = redis.Redis.from_url(redis_server.url)
    try:
        client.flushall()
    finally:
        client.close()
    return redis_server.url
