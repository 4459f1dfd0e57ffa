"""A real Firestore emulator for tests, run by ``gcloud`` as a subprocess on a free loopback port.

Never a mock: the session store is tested against the real thing. ``gcloud`` is only a wrapper: it
starts a shell script that starts Java, so the emulator runs in a process group of its own and
every signal goes to the whole group; otherwise killing ``gcloud`` would orphan the Java server and
keep the port. The port is kept across ``kill()``/``stop()`` and ``start()`` so that clients made
before a fault reach the restarted emulator at the same address.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Self

from tests.redis_server import HOST, free_port

PROJECT = "ion-local"  # the default GOOGLE_CLOUD_PROJECT; tests use no other
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


class FirestoreEmulator:
    """One ``gcloud emulators firestore start``; a context manager that starts and stops it."""

    def __init__(self, port: int | None = None, executable: str = "gcloud") -> None:
        self.port = port if port is not None else free_port()
        self._executable = executable
        self._tmp = tempfile.TemporaryDirectory(prefix="firestore-emulator-")
        # A file, not a pipe: an unread pipe fills up and blocks a long-lived server; the file is
        # what a failed start reports.
        self.log_path = Path(self._tmp.name) / "emulator.log"
        self._process: subprocess.Popen[bytes] | None = None
        self.start_seconds: float | None = None  # how long the last start took

    @property
    def host(self) -> str:
        """What FIRESTORE_EMULATOR_HOST must be set to."""
        return f"{HOST}:{self.port}"

    @property
    def group(self) -> int | None:
        """The process group of the running emulator (gcloud, its script and Java)."""
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the emulator (no-op if it runs) and wait until it answers HTTP 200."""
        if self.running:
            return
        executable = shutil.which(self._executable)
        if executable is None:
            raise RuntimeError(
                f"{self._executable!r} is not on PATH; install the Google Cloud CLI with the "
                "Debian packages google-cloud-cli and google-cloud-cli-firestore-emulator"
            )
        args = [executable, "emulators", "firestore", "start", f"--host-port={self.host}"]
        # gcloud must never stop to ask a question or phone home in a test run.
        env = {**os.environ, "CLOUDSDK_CORE_DISABLE_PROMPTS": "1"}
        began = time.monotonic()
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # its own process group: see the module docstring
            )
        self._wait_until_ready()
        self.start_seconds = time.monotonic() - began

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and self.running:
            if self._answers():
                return
            time.sleep(0.1)
        problem = "exited" if not self.running else f"did not answer in {START_TIMEOUT_S:.0f}s"
        self.kill()
        output = self.log_path.read_text(encoding="utf-8", errors="replace").strip()
        raise RuntimeError(f"Firestore emulator on {self.host} {problem}; its output:\n{output}")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://{self.host}/", timeout=1.0) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def reset(self, project: str = PROJECT) -> None:
        """Delete every document of ``project``'s default database."""
        url = f"http://{self.host}/emulator/v1/projects/{project}/databases/(default)/documents"
        request = urllib.request.Request(url, method="DELETE")
        with urllib.request.urlopen(request, timeout=10.0) as response:
            if response.status != 200:
                raise RuntimeError(f"resetting the Firestore emulator: HTTP {response.status}")

    def stop(self) -> None:
        """SIGTERM to the group, then SIGKILL if it has not exited in time. Safe to call again."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL to the group at once, as a crash would: for fault tests. Safe to call again."""
        self._signal(signal.SIGKILL)

    def _signal(self, sig: signal.Signals) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        group = process.pid  # start_new_session made it the group leader
        _signal_group(group, sig)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            _signal_group(group, signal.SIGKILL)
            process.wait()
        # gcloud exiting is not enough: Java must be gone too before the port can be reused.
        if not _wait_for_group_exit(group, STOP_TIMEOUT_S):
            _signal_group(group, signal.SIGKILL)
            if not _wait_for_group_exit(group, STOP_TIMEOUT_S):
                raise RuntimeError(f"Firestore emulator process group {group} survived SIGKILL")

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


def _signal_group(group: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group is already gone
        os.killpg(group, sig)


def group_members(group: int) -> list[int]:
    """Live (non-zombie) processes of a process group, read from /proc (tests run on Linux).

    ``killpg(group, 0)`` is not enough: it also succeeds for zombies awaiting their reaper."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process exited while we looked
            continue
        # Fields after the parenthesised command name: state, ppid, pgrp, ...
        state, _ppid, pgrp = text.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == group and state != "Z":
            members.append(int(stat.parent.name))
    return members


def _wait_for_group_exit(group: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while group_members(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
