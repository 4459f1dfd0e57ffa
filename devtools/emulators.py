"""The real Firestore and Pub/Sub emulators, run by ``gcloud`` as subprocesses on loopback.

Never mocks: the adapters are tested against the real thing, and ``make dev`` runs the same.
``gcloud`` is only a wrapper: it starts a script that starts Java, so each emulator runs in a
process group of its own and every signal goes to the whole group; otherwise stopping ``gcloud``
would orphan the Java server and keep the port. The port is kept across ``kill()``/``stop()``
and ``start()`` so that clients made before a fault reach the restarted emulator at the same
address.
"""

from __future__ import annotations

import base64
import json
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
from typing import Any, ClassVar, Self

from devtools.processes import HOST, end_group, free_port

PROJECT = "ion-local"  # the default GOOGLE_CLOUD_PROJECT; tests and make dev use no other
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


class _GcloudEmulator:
    """One ``gcloud ... emulators <kind> start``; a context manager that starts and stops it."""

    kind: ClassVar[str]  # as gcloud names it
    title: ClassVar[str]
    package: ClassVar[str]  # the Debian package that ships it

    def __init__(
        self, port: int | None = None, executable: str = "gcloud", project: str = PROJECT
    ) -> None:
        self.port = port if port is not None else free_port()
        self.project = project
        self._executable = executable
        self._tmp = tempfile.TemporaryDirectory(prefix=f"{self.kind}-emulator-")
        # A file, not a pipe: an unread pipe fills up and blocks a long-lived server; the file is
        # what a failed start reports.
        self.log_path = Path(self._tmp.name) / "emulator.log"
        self._process: subprocess.Popen[bytes] | None = None
        self.start_seconds: float | None = None  # how long the last start took

    def _arguments(self) -> list[str]:
        return ["emulators", self.kind, "start", f"--host-port={self.host}"]

    @property
    def host(self) -> str:
        """What the client libraries' ``*_EMULATOR_HOST`` variable must be set to."""
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
                f"Debian packages google-cloud-cli and {self.package}"
            )
        # gcloud must never stop to ask a question or phone home.
        env = {**os.environ, "CLOUDSDK_CORE_DISABLE_PROMPTS": "1"}
        began = time.monotonic()
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [executable, *self._arguments()],
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
        raise RuntimeError(f"{self.title} emulator on {self.host} {problem}; its output:\n{output}")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://{self.host}/", timeout=1.0) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """SIGTERM to the group, then SIGKILL if it has not exited in time. Safe to call again."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL to the group at once, as a crash would: for fault tests. Safe to call again."""
        self._signal(signal.SIGKILL)

    def _signal(self, sig: signal.Signals) -> None:
        process, self._process = self._process, None
        if process is not None:
            end_group(process, sig, STOP_TIMEOUT_S)

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


class FirestoreEmulator(_GcloudEmulator):
    """``gcloud emulators firestore start``; FIRESTORE_EMULATOR_HOST is its ``host``."""

    kind = "firestore"
    title = "Firestore"
    package = "google-cloud-cli-firestore-emulator"

    def reset(self) -> None:
        """Delete every document of the project's default database."""
        url = (
            f"http://{self.host}/emulator/v1/projects/{self.project}/databases/(default)/documents"
        )
        request = urllib.request.Request(url, method="DELETE")
        with urllib.request.urlopen(request, timeout=10.0) as response:
            if response.status != 200:
                raise RuntimeError(f"resetting the Firestore emulator: HTTP {response.status}")


class PubSubEmulator(_GcloudEmulator):
    """``gcloud beta emulators pubsub start``; PUBSUB_EMULATOR_HOST is its ``host``.

    Topics and subscriptions are made over the emulator's REST surface (the same resources as
    the real API), so nothing here needs the Pub/Sub client library."""

    kind = "pubsub"
    title = "Pub/Sub"
    package = "google-cloud-cli-pubsub-emulator"

    def _arguments(self) -> list[str]:
        # The Pub/Sub emulator is still a beta command and wants the project up front.
        return ["beta", *super()._arguments(), f"--project={self.project}"]

    def create_topic(self, topic: str) -> str:
        """Create ``topic`` (a no-op if it exists); returns its full name."""
        name = f"projects/{self.project}/topics/{topic}"
        self._put(name, {})
        return name

    def create_push_subscription(self, subscription: str, topic: str, endpoint: str) -> str:
        """Create a subscription to ``topic`` that POSTs each message to ``endpoint``."""
        name = f"projects/{self.project}/subscriptions/{subscription}"
        topic_name = f"projects/{self.project}/topics/{topic}"
        self._put(name, {"topic": topic_name, "pushConfig": {"pushEndpoint": endpoint}})
        return name

    def publish(self, topic: str, data: bytes, attributes: dict[str, str] | None = None) -> str:
        """Publish one message; returns its message id."""
        message = {"data": base64.b64encode(data).decode("ascii"), "attributes": attributes or {}}
        reply = self._call(
            "POST", f"projects/{self.project}/topics/{topic}:publish", {"messages": [message]}
        )
        message_id: str = reply["messageIds"][0]
        return message_id

    def _put(self, name: str, body: dict[str, Any]) -> None:
        try:
            self._call("PUT", name, body)
        except urllib.error.HTTPError as error:
            if error.code != 409:  # ALREADY_EXISTS: what was asked for is there
                raise

    def _call(self, method: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            f"http://{self.host}/v1/{path}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method=method,
        )
        with urllib.request.urlopen(request, timeout=10.0) as response:
            reply: dict[str, Any] = json.loads(response.read() or b"{}")
            return reply
