"""A real ``redis-server`` for tests, benchmarks and ``make dev``, run as a subprocess on loopback.

Never a mock: adapters are tested against the real thing. Nothing is persisted (no RDB
snapshots, no AOF) and the server works in its own temporary folder, removed on exit. The port is
kept across ``kill()``/``stop()`` and ``start()`` so that clients made before a fault reconnect
to the same URL afterwards. ``make redis-server-installed`` puts the binary on PATH.
"""

from __future__ import annotations

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from devtools.processes import HOST, ServiceProcess

START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0


class RedisServer(ServiceProcess):
    """One ``redis-server`` process; a context manager that starts it and stops it on exit."""

    start_timeout_s = START_TIMEOUT_S
    stop_timeout_s = STOP_TIMEOUT_S
    readiness = "answer PING"

    def __init__(self, port: int | None = None, executable: str = "redis-server") -> None:
        super().__init__(port, executable, name="redis-server", slug="redis-server")

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def _arguments(self) -> list[str]:
        return [
            *("--port", str(self.port), "--bind", HOST, "--protected-mode", "yes"),
            *("--save", "", "--appendonly", "no", "--dir", str(self.directory)),
            *("--daemonize", "no", "--logfile", ""),
        ]

    def _answers(self) -> bool:
        client = redis.Redis(
            host=HOST, port=self.port, socket_timeout=1.0, retry=Retry(NoBackoff(), 0)
        )
        try:
            # Another server already on the port would answer PING too; only ours has our pid.
            return bool(client.ping()) and client.info("server").get("process_id") == self.pid
        except (redis.ConnectionError, redis.TimeoutError):
            return False
        finally:
            client.close()

    def _install_hint(self) -> str:
        return "`make redis-server-installed` installs it"
