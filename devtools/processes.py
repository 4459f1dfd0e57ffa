"""Loopback ports and process groups: what every service helper needs to start and end cleanly.

A service is started with ``start_new_session=True`` so that it leads a process group of its
own; ``gcloud`` and gunicorn start further processes, and only a signal to the whole group
reaches them. Liveness is read from ``/proc`` (the project runs on Linux): ``killpg(group, 0)``
also succeeds for zombies that are only waiting for their parent to reap them.

:class:`ServiceProcess` is the life cycle the long-lived services (Redis, the emulators) share;
each subclass says only what differs: its command line, how it shows it is ready, and how to
install it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import ClassVar, Self

HOST = "127.0.0.1"


def free_port() -> int:
    """A loopback TCP port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    """Whether a server could bind ``port`` on loopback now (nothing listens on it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # The same option servers set, so a port in TIME_WAIT after a stop counts as free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def listening(port: int) -> bool:
    """Whether something accepts TCP connections on loopback ``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((HOST, port)) == 0


def _stats() -> list[tuple[int, str, int, int]]:
    """(pid, state, ppid, pgrp) of every process, read from /proc."""
    rows = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process exited while we looked
            continue
        # Fields after the parenthesised command name (which may hold spaces): state, ppid, pgrp.
        state, ppid, pgrp = text.rsplit(")", 1)[1].split()[:3]
        rows.append((int(stat.parent.name), state, int(ppid), int(pgrp)))
    return rows


def group_members(group: int) -> list[int]:
    """Live (non-zombie) processes of a process group."""
    return [pid for pid, state, _, pgrp in _stats() if pgrp == group and state != "Z"]


def child_groups(parent: int) -> list[int]:
    """Process groups led by live children of ``parent``: what a parent that started each
    service with ``start_new_session=True`` has running, whether or not it kept the handle."""
    return [
        pid
        for pid, state, ppid, pgrp in _stats()
        if ppid == parent and pgrp == pid and state != "Z"
    ]


def signal_group(group: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group is already gone
        os.killpg(group, sig)


def wait_for_group_exit(group: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while group_members(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def end_group(process: subprocess.Popen[bytes], sig: signal.Signals, timeout_s: float) -> None:
    """Send ``sig`` to the group ``process`` leads, escalate to SIGKILL after ``timeout_s``, and
    return only once every member is gone (a leader's exit is not enough: the port is held by
    whichever member serves it)."""
    group = process.pid  # start_new_session made it the group leader
    signal_group(group, sig)
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        signal_group(group, signal.SIGKILL)
        process.wait()
    if not wait_for_group_exit(group, timeout_s):
        signal_group(group, signal.SIGKILL)
        if not wait_for_group_exit(group, timeout_s):
            raise RuntimeError(f"process group {group} survived SIGKILL")


def end_stray_group(group: int, timeout_s: float = 10.0) -> None:
    """End a group whose leader's handle was lost (interrupted between fork and bookkeeping)."""
    signal_group(group, signal.SIGTERM)
    if not wait_for_group_exit(group, timeout_s):
        signal_group(group, signal.SIGKILL)
        wait_for_group_exit(group, timeout_s)


class ServiceProcess:
    """One long-lived service process on loopback; a context manager that starts it and stops it
    on exit, then removes its temporary folder.

    The port is kept across ``kill()``/``stop()`` and ``start()``, so that clients made before a
    fault reach the restarted service at the same address. The service runs in a session of its
    own: a Ctrl-C in the terminal reaches only whoever started it, which stops it in turn, and
    every signal goes to its whole process group.
    """

    start_timeout_s: ClassVar[float]
    stop_timeout_s: ClassVar[float]
    readiness: ClassVar[str]  # what it does once ready, as "did not ... in time" names it

    def __init__(self, port: int | None, executable: str, *, name: str, slug: str) -> None:
        self.port = port if port is not None else free_port()
        self._name = name  # how errors call it
        self._executable = executable
        self._tmp = tempfile.TemporaryDirectory(prefix=f"{slug}-")
        self.directory = Path(self._tmp.name)
        # A file, not a pipe: an unread pipe fills up and blocks a long-lived server; the file is
        # what a failed start reports.
        self.log_path = self.directory / f"{slug}.log"
        self._process: subprocess.Popen[bytes] | None = None
        self.start_seconds: float | None = None  # how long the last start took

    # What differs from one service to the next.

    def _arguments(self) -> list[str]:
        """The command line after the executable."""
        raise NotImplementedError

    def _answers(self) -> bool:
        """Whether the started process serves (and is the one answering)."""
        raise NotImplementedError

    def _install_hint(self) -> str:
        """What to do when the executable is not on PATH."""
        raise NotImplementedError

    def _environment(self) -> dict[str, str] | None:
        """Its environment; None inherits this process's."""
        return None

    # The life cycle they share.

    @property
    def pid(self) -> int | None:
        """The running process's pid (also its process group: it leads a session of its own)."""
        return self._process.pid if self._process is not None else None

    @property
    def group(self) -> int | None:
        """The running process's group: it and whatever it started."""
        return self.pid

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start it (no-op if it runs) and wait until it is ready."""
        if self.running:
            return
        executable = shutil.which(self._executable)
        if executable is None:
            raise RuntimeError(f"{self._executable!r} is not on PATH; {self._install_hint()}")
        began = time.monotonic()
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [executable, *self._arguments()],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self._environment(),
                start_new_session=True,
            )
        self._wait_until_ready()
        self.start_seconds = time.monotonic() - began

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline and self.running:
            if self._answers():
                return
            time.sleep(0.05)
        problem = (
            "exited"
            if not self.running
            else f"did not {self.readiness} in {self.start_timeout_s:.0f}s"
        )
        self.kill()
        output = self.log_path.read_text(encoding="utf-8", errors="replace").strip()
        raise RuntimeError(f"{self._name} on {HOST}:{self.port} {problem}; its output:\n{output}")

    def stop(self) -> None:
        """SIGTERM to the group, then SIGKILL if it has not exited in time. Safe to call again."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL to the group at once, as a crash would: for fault tests. Safe to call again."""
        self._signal(signal.SIGKILL)

    def _signal(self, sig: signal.Signals) -> None:
        process, self._process = self._process, None
        if process is not None:
            end_group(process, sig, self.stop_timeout_s)

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
