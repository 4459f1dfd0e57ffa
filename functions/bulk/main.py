"""Cloud Function ``bulk``: for now its health check and OpenAPI document; bulk jobs arrive
with the bulk issue. Its Pub/Sub worker ``bulk_worker`` is deployed from the same source."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import flask
import functions_framework
from cloudevents.http import CloudEvent

from core import bootstrap
from core.api.openapi import service_router

router = service_router(
    "ION Mentoring: bulk",
    "Accepts up to 100 messages as a job and tracks its progress.",
    {},
    bootstrap.build_guard,
)


@functions_framework.http
def bulk(request: flask.Request) -> flask.Response:
    return router(request)


@functions_framework.cloud_event
def bulk_worker(event: CloudEvent) -> None:
    """Receive one bulk job message pushed by Pub/Sub, log it, and acknowledge it.

    This is a placeholder: it does not process anything yet. Processing bulk jobs arrives with
    the bulk issue, answering each message through ``bootstrap.build_pipeline()`` (the configured
    generator, Gemini with its offline fallback or offline, and the response cache, as
    ``process`` uses them); until then the worker only proves that the topic, the push
    subscription and the entry point are wired. Returning acknowledges the message; a payload
    that cannot be decoded is logged and acknowledged too, because redelivering it could never
    succeed (python-docs-samples: tips-avoid-infinite-retries)."""
    message: dict[str, Any] = (event.data or {}).get("message", {})
    try:
        payload = json.loads(base64.b64decode(message.get("data", ""), validate=True))
    except (binascii.Error, ValueError):
        payload = None
    # Cloud Logging reads one JSON object per stdout line as a structured entry.
    entry = {
        "severity": "INFO" if payload is not None else "WARNING",
        "message": "bulk_worker received a message"
        + ("" if payload is not None else " whose data is not base64 JSON; dropped"),
        "message_id": message.get("messageId"),
        "attributes": message.get("attributes", {}),
    }
    print(json.dumps(entry, ensure_ascii=False), flush=True)
