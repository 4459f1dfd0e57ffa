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

bootstrap.check()  # a bad setting stops the instance here, not on every request

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
    subscription and the entry point are wired. Returning acknowledges the message; a message of
    any other shape, or whose data is not base64 of a JSON object, is logged and acknowledged
    too, because redelivering it could never succeed (python-docs-samples:
    tips-avoid-infinite-retries). Only an exception makes Pub/Sub redeliver, so none may escape
    from parsing what was pushed."""
    message = event.data.get("message") if isinstance(event.data, dict) else None
    if not isinstance(message, dict):
        message = {}
    problem = _problem(message)
    attributes = message.get("attributes")
    message_id = message.get("messageId")
    # Cloud Logging reads one JSON object per stdout line as a structured entry. The payload is
    # never logged: it is a user's text, and a malformed one is named only by what is wrong.
    entry = {
        "severity": "INFO" if problem is None else "WARNING",
        "message": "bulk_worker received a message"
        + ("" if problem is None else f" that {problem}; dropped"),
        "message_id": message_id if isinstance(message_id, str) else None,
        "attributes": attributes if isinstance(attributes, dict) else {},
    }
    print(json.dumps(entry, ensure_ascii=False), flush=True)


def _problem(message: dict[str, Any]) -> str | None:
    """What is wrong with a pushed message, or None when its data is base64 of a JSON object."""
    if not message:
        return "is not a Pub/Sub message object"
    data = message.get("data")
    if not isinstance(data, str):
        return "has no base64 string as data"
    try:
        payload = json.loads(base64.b64decode(data, validate=True).decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, RecursionError):
        return "has data that is not base64 of UTF-8 JSON"
    if not isinstance(payload, dict):
        return "has JSON data that is not an object"
    return None
