"""A real ``redis-server`` for tests, benchmarks and ``make dev``, run as a subprocess on loopback.

Never a mock: adapters are tested against the real thing. Nothing is persisted (no RDB
snapshots, no AOF) and the server works in its own temporary folder, removed on exit. The port is
kept across ``kill()``/``stop()`` and ``start()`` so that clients made before a fault reconnect
to the same URL afterwards. ``make redis-server-installed`` puts the binary on PATH.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from devtools.processes import HOST, free_port

START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0


class RedisServer:
    """One ``redis-server`` process; a context manager that starts it and stops it on exit."""

    def __init__(self, port: int | None = None, executable: str = "redis-server") -> None:
        self.port = port if port is not None else free_port()
        self._executable = executable
        self._tmp = tempfile.TemporaryDirectory(prefix="redis-test-")
        self.directory = Path(self._tmp.name)
        # The server's stdout/stderr go to a file, not a pipe: an unread pipe fills up and blocks
        # a long-lived server; the file is what a failed start reports.
        self.log_path = self.directory / "redis-server.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    @property
    def pid(self) -> int | None:
        """The running server's pid (also its process group: it runs in a session of its own)."""
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the server (no-op if it runs) and wait until it answers PING."""
        if self.running:
            return
        executable = shutil.which(self._executable)
        if executable is None:
            raise RuntimeError(
                f"{self._executable!r} is not on PATH; `make redis-server-installed` installs it"
            )
        args = [
            executable,
            *("--port", str(self.port), "--bind", HOST, "--protected-mode", "yes"),
            *("--save", "", "--appendonly", "no", "--dir", str(self.directory)),
            *("--daemonize", "no", "--logfile", ""),
        ]
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own session: a Ctrl-C in the terminal reaches only whoever started it,
                # which stops it in turn (make dev stops its services in order).
                start_new_session=True,
            )
        self._wait_until_ready(self._process.pid)

    def _wait_until_ready(self, pid: int) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        client = redis.Redis(
            host=HOST, port=self.port, socket_timeout=1.0, retry=Retry(NoBackoff(), 0)
        )
        try:
            while time.monotonic() < deadline:
                if not self.running:
                    break
                try:
                    if self._answered_by(client, pid):
                        return
                except (redis.ConnectionError, redis.TimeoutError):
                    pass
                time.sleep(0.05)
        finally:
            client.close()
        problem = "exited" if not self.running else f"did not answer PING in {START_TIMEOUT_S}s"
        self.kill()
        output = self.log_path.read_text(encoding="utf-8", errors="replace").strip()
        raise RuntimeError(f"redis-server on {HOST}:{self.port} {problem}; its output:\n{output}")

    @staticmethod
    def _answered_by(client: redis.Redis, pid: int) -> bool:
        # Another server already on the port would answer PING too; only ours has our pid.
        return bool(client.ping()) and client.info("server").get("process_id") == pid

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not exited in time. Safe to call again."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL at once, as a crash would: for fault tests. Safe to call again."""
        self._signal(signal.SIGKILL)

    def _signal(self, sig: signal.Signals) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(sig)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        self._tmp.cleanup()
