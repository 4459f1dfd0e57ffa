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
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, ClassVar

from devtools.processes import HOST, ServiceProcess

PROJECT = "ion-local"  # the default GOOGLE_CLOUD_PROJECT; tests and make dev use no other
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


class _GcloudEmulator(ServiceProcess):
    """One ``gcloud ... emulators <kind> start``; a context manager that starts and stops it."""

    kind: ClassVar[str]  # as gcloud names it
    title: ClassVar[str]
    package: ClassVar[str]  # the Debian package that ships it
    start_timeout_s = START_TIMEOUT_S
    stop_timeout_s = STOP_TIMEOUT_S
    readiness = "answer"

    def __init__(
        self, port: int | None = None, executable: str = "gcloud", project: str = PROJECT
    ) -> None:
        super().__init__(
            port, executable, name=f"{self.title} emulator", slug=f"{self.kind}-emulator"
        )
        self.project = project

    @property
    def host(self) -> str:
        """What the client libraries' ``*_EMULATOR_HOST`` variable must be set to."""
        return f"{HOST}:{self.port}"

    def _arguments(self) -> list[str]:
        return ["emulators", self.kind, "start", f"--host-port={self.host}"]

    def _environment(self) -> dict[str, str]:
        # gcloud must never stop to ask a question or phone home.
        return {**os.environ, "CLOUDSDK_CORE_DISABLE_PROMPTS": "1"}

    def _answers(self) -> bool:
        """HTTP 200 on ``/``."""
        try:
            with urllib.request.urlopen(f"http://{self.host}/", timeout=1.0) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def _install_hint(self) -> str:
        return (
            "install the Google Cloud CLI with the Debian packages google-cloud-cli and "
            f"{self.package}"
        )


class FirestoreEmulator(_GcloudEmulator):
    """``gcloud emulators firestore start``; FIRESTORE_EMULATOR_HOST is its ``host``.

    ``import_from``: an export's ``.overall_export_metadata`` file (see :meth:`export`) whose
    documents the emulator starts with."""

    kind = "firestore"
    title = "Firestore"
    package = "google-cloud-cli-firestore-emulator"

    def __init__(
        self,
        port: int | None = None,
        executable: str = "gcloud",
        project: str = PROJECT,
        import_from: Path | None = None,
    ) -> None:
        super().__init__(port, executable, project)
        self.import_from = import_from

    def _arguments(self) -> list[str]:
        extra = [f"--import-data={self.import_from}"] if self.import_from else []
        return [*super()._arguments(), *extra]

    def export(self, directory: Path) -> Path:
        """Export every document into a new folder under ``directory``; returns the export's
        metadata file, which ``import_from`` takes. (The emulator's own export endpoint: the
        ``--export-on-exit`` flag needs a clean shutdown that a signal to the group does not
        give.)"""
        directory.mkdir(parents=True, exist_ok=True)
        before = set(directory.iterdir())
        self._emulator_call(
            f"projects/{self.project}:export",
            {
                "database": f"projects/{self.project}/databases/(default)",
                "export_directory": str(directory.resolve()),
            },
        )
        (made,) = set(directory.iterdir()) - before
        (metadata,) = made.glob("*.overall_export_metadata")
        return metadata

    def _emulator_call(self, path: str, body: dict[str, Any]) -> None:
        request = urllib.request.Request(
            f"http://{self.host}/emulator/v1/{path}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30.0) as response:
            if response.status != 200:
                raise RuntimeError(f"Firestore emulator {path}: HTTP {response.status}")

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

    def delete_topic(self, topic: str) -> None:
        """Delete ``topic``; publishing to it fails (NOT_FOUND) until it is created again."""
        self._call("DELETE", f"projects/{self.project}/topics/{topic}", None)

    def create_push_subscription(
        self, subscription: str, topic: str, endpoint: str, ack_deadline_s: int = 10
    ) -> str:
        """Create a subscription to ``topic`` that POSTs each message to ``endpoint``; a
        message not acknowledged (a 2xx answer) within ``ack_deadline_s`` is pushed again."""
        name = f"projects/{self.project}/subscriptions/{subscription}"
        topic_name = f"projects/{self.project}/topics/{topic}"
        body = {
            "topic": topic_name,
            "pushConfig": {"pushEndpoint": endpoint},
            "ackDeadlineSeconds": ack_deadline_s,
        }
        self._put(name, body)
        return name

    def create_pull_subscription(self, subscription: str, topic: str) -> str:
        """Create a subscription to ``topic`` that keeps messages until they are pulled."""
        name = f"projects/{self.project}/subscriptions/{subscription}"
        self._put(name, {"topic": f"projects/{self.project}/topics/{topic}"})
        return name

    def pull(self, subscription: str, max_messages: int = 1000) -> list[dict[str, Any]]:
        """Pull and acknowledge what ``subscription`` holds: each message as the REST API gives
        it (``data`` base64, ``attributes``, ``messageId``)."""
        name = f"projects/{self.project}/subscriptions/{subscription}"
        reply = self._call(
            "POST", f"{name}:pull", {"maxMessages": max_messages, "returnImmediately": True}
        )
        received = reply.get("receivedMessages", [])
        if received:
            ack_ids = [r["ackId"] for r in received]
            self._call("POST", f"{name}:acknowledge", {"ackIds": ack_ids})
        return [r["message"] for r in received]

    def publish(self, topic: str, data: bytes, attributes: dict[str, str] | None = None) -> str:
        """Publish one message; returns its message id."""
        message = {"data": base64.b64encode(data).decode("ascii"), "attributes": attributes or {}}
        return self.publish_batch(topic, [message])[0]

    def publish_batch(self, topic: str, messages: list[dict[str, Any]]) -> list[str]:
        """Publish messages as the REST API takes them (``data`` base64) in one call; returns
        their message ids."""
        reply = self._call(
            "POST", f"projects/{self.project}/topics/{topic}:publish", {"messages": messages}
        )
        ids: list[str] = reply["messageIds"]
        return ids

    def _put(self, name: str, body: dict[str, Any]) -> None:
        try:
            self._call("PUT", name, body)
        except urllib.error.HTTPError as error:
            if error.code != 409:  # ALREADY_EXISTS: what was asked for is there
                raise

    def _call(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        request = urllib.request.Request(
            f"http://{self.host}/v1/{path}",
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method=method,
        )
        with urllib.request.urlopen(request, timeout=10.0) as response:
            reply: dict[str, Any] = json.loads(response.read() or b"{}")
            return reply
