"""The wire format between ``bulk`` and ``bulk_worker``: one Pub/Sub message per item (JSON
data; the job id and index as attributes), and the push that delivers it to the worker."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from core.bulk._records import MAX_ITEMS, BulkItem


def encode(job_id: str, item: BulkItem) -> tuple[bytes, dict[str, str]]:
    """The Pub/Sub message for one item: JSON data, and the job id and index as attributes (so
    they are readable, for logs and filters, without decoding the data)."""
    data = {
        "job_id": job_id,
        "index": item.index,
        "id": item.id,
        "message": item.message,
        "user_id": item.user_id,
        "persona": item.persona,
    }
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return body, {"job_id": job_id, "index": str(item.index)}


class Malformed(ValueError):
    """A pushed message that no delivery could ever process."""


def decode(data: Any) -> tuple[str, BulkItem]:
    """The job id and item of a message's decoded JSON data; :class:`Malformed` if it is not
    what :func:`encode` writes."""
    if not isinstance(data, dict):
        raise Malformed("its data is not a JSON object")
    job_id, index, message = data.get("job_id"), data.get("index"), data.get("message")
    if not isinstance(job_id, str) or not job_id:
        raise Malformed("it has no job_id")
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < MAX_ITEMS:
        raise Malformed(f"it has no index from 0 to {MAX_ITEMS - 1}")
    if not isinstance(message, str) or not message.strip():
        raise Malformed("it has no message")
    optional = {name: data.get(name) for name in ("user_id", "persona")}
    if any(value is not None and not isinstance(value, str) for value in optional.values()):
        raise Malformed("its user_id or persona is not a string")
    item_id = data.get("id")
    return job_id, BulkItem(
        index=index,
        id=item_id if isinstance(item_id, str) and item_id else str(index),
        message=message,
        user_id=optional["user_id"],
        persona=optional["persona"],
    )


@dataclass(frozen=True, slots=True)
class Push:
    """A push as the worker receives it, whatever its shape: the Pub/Sub message object (empty
    when there is none) and what identifies it in logs (never its data: a user's text)."""

    message: dict[str, Any]
    message_id: str | None
    attributes: dict[str, Any]

    @classmethod
    def of(cls, body: Any) -> Push:
        """``body``: a CloudEvent's data, ``{"message": {...}, "subscription": ...}``."""
        message = body.get("message") if isinstance(body, dict) else None
        if not isinstance(message, dict):
            message = {}
        message_id, attributes = message.get("messageId"), message.get("attributes")
        return cls(
            message,
            message_id if isinstance(message_id, str) else None,
            attributes if isinstance(attributes, dict) else {},
        )

    def item(self) -> tuple[str, BulkItem]:
        """The job id and item it carries; :class:`Malformed` if it carries none."""
        if not self.message:
            raise Malformed("it is not a Pub/Sub message object")
        data = self.message.get("data")
        if not isinstance(data, str):
            raise Malformed("it has no base64 string as data")
        try:
            payload = json.loads(base64.b64decode(data, validate=True).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, RecursionError):
            raise Malformed("its data is not base64 of UTF-8 JSON") from None
        return decode(payload)


def delivery_attempt(*bodies: Any) -> int | None:
    """Pub/Sub's count of a message's deliveries, from the first of ``bodies`` (push bodies)
    that has one. Sent when the subscription has a dead-letter policy (as deployed)."""
    for body in bodies:
        attempt = body.get("deliveryAttempt") if isinstance(body, dict) else None
        if isinstance(attempt, int) and not isinstance(attempt, bool):
            return attempt
    return None
