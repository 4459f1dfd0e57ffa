"""The emulator helpers: Firestore reset, Pub/Sub topics and push delivery, stop without
orphans, a clear error without gcloud."""

from __future__ import annotations

import base64
import json
import queue
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from devtools.emulators import PROJECT, FirestoreEmulator, PubSubEmulator
from devtools.processes import group_members


def test_reset_deletes_every_document(
    firestore_host: str, firestore_emulator: FirestoreEmulator
) -> None:
    from google.cloud import firestore  # noqa: PLC0415 - only the emulator tests need it

    document = firestore.Client(project=PROJECT).document("sessions/before-reset")
    document.set({"kept": False})
    firestore_emulator.reset()
    assert not document.get().exists


def test_stop_ends_the_whole_process_group() -> None:
    with FirestoreEmulator() as emulator:
        group = emulator.group
        assert group is not None
        assert len(group_members(group)) >= 2  # gcloud and the Java server it started
        emulator.stop()
        emulator.stop()  # idempotent
        assert not emulator.running
        assert group_members(group) == []


def test_a_missing_gcloud_is_an_error_not_a_skip() -> None:
    emulator = FirestoreEmulator(executable="no-such-gcloud")
    with pytest.raises(RuntimeError, match="not on PATH"):
        emulator.start()


@pytest.fixture
def push_endpoint() -> Iterator[tuple[str, queue.Queue[dict[str, Any]]]]:
    """A loopback HTTP endpoint that records each pushed body and acknowledges it (204)."""
    received: queue.Queue[dict[str, Any]] = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.put(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", received
    httpd.shutdown()
    httpd.server_close()


def test_pubsub_pushes_a_published_message_and_stops_its_whole_group(
    push_endpoint: tuple[str, queue.Queue[dict[str, Any]]],
) -> None:
    endpoint, received = push_endpoint
    with PubSubEmulator() as emulator:
        group = emulator.group
        assert group is not None
        assert len(group_members(group)) >= 2  # gcloud and the Java server it started
        topic = emulator.create_topic("ion-bulk")
        assert emulator.create_topic("ion-bulk") == topic  # already there: not an error
        emulator.create_push_subscription("ion-bulk-worker", "ion-bulk", endpoint)

        message_id = emulator.publish("ion-bulk", b'{"job": 1}', {"job_id": "j-1"})

        pushed = received.get(timeout=10)
        assert pushed["subscription"] == f"projects/{PROJECT}/subscriptions/ion-bulk-worker"
        assert pushed["message"]["messageId"] == message_id
        assert pushed["message"]["attributes"] == {"job_id": "j-1"}
        assert base64.b64decode(pushed["message"]["data"]) == b'{"job": 1}'
        emulator.stop()
        assert not emulator.running
        assert group_members(group) == []
