"""Structured log lines in Cloud Logging's format: one JSON object per line on stdout.

Cloud Logging reads such a line as a structured entry: ``severity``, ``message``,
``httpRequest`` and the ``logging.googleapis.com/*`` keys are understood (trace, span,
sampled); every other key lands in ``jsonPayload``. See
https://cloud.google.com/logging/docs/structured-logging.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Mapping
from typing import Any

TRACE = "logging.googleapis.com/trace"
SPAN_ID = "logging.googleapis.com/spanId"
TRACE_SAMPLED = "logging.googleapis.com/trace_sampled"

# X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=OPTIONS (span id decimal; o=1 means sampled).
_CLOUD_TRACE = re.compile(r"(?P<trace>[0-9a-fA-F]{32})(?:/(?P<span>\d{1,20}))?(?:;o=(?P<o>\d))?")
# W3C traceparent: VERSION-TRACE_ID-PARENT_ID-FLAGS, which Cloud Run also sends.
_TRACEPARENT = re.compile(
    r"[0-9a-f]{2}-(?P<trace>[0-9a-f]{32})-(?P<span>[0-9a-f]{16})-(?P<f>[0-9a-f]{2})"
)
_write_lock = threading.Lock()
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)
TRACE_HEADERS = ("X-Cloud-Trace-Context", "traceparent")


def severity_of(status: int) -> str:
    if status >= 500:
        return "ERROR"
    if status >= 400:
        return "WARNING"
    return "INFO"


def trace_fields(headers: Mapping[str, str], project: str | None) -> dict[str, Any]:
    """The trace keys of an entry, from ``X-Cloud-Trace-Context`` (else ``traceparent``), so
    Cloud Logging groups the entry under the request's trace. Empty when neither is valid."""
    if not project:
        return {}
    cloud = _CLOUD_TRACE.fullmatch(headers.get("X-Cloud-Trace-Context", "").strip())
    if cloud is not None and int(cloud["trace"], 16) != 0:
        fields: dict[str, Any] = {TRACE: f"projects/{project}/traces/{cloud['trace'].lower()}"}
        if cloud["span"] is not None and 0 < int(cloud["span"]) < 2**64:
            fields[SPAN_ID] = format(int(cloud["span"]), "016x")
        if cloud["o"] is not None:
            fields[TRACE_SAMPLED] = cloud["o"] == "1"
        return fields
    parent = _TRACEPARENT.fullmatch(headers.get("traceparent", "").strip())
    if parent is not None and int(parent["trace"], 16) != 0:
        return {
            TRACE: f"projects/{project}/traces/{parent['trace']}",
            SPAN_ID: parent["span"],
            TRACE_SAMPLED: bool(int(parent["f"], 16) & 1),
        }
    return {}


def request_entry(
    *,
    method: str,
    path: str,
    status: int,
    latency_s: float,
    headers: Mapping[str, str],
    project: str | None,
    fields: Mapping[str, Any],
) -> dict[str, Any]:
    """The one entry written per request. Only what the caller put in ``fields`` (ids, tags)
    goes beyond the request line: never a body, never a header value but the trace's."""
    entry: dict[str, Any] = {
        "severity": severity_of(status),
        "message": f"{method} {path[:200]} {status} {latency_s * 1000:.1f} ms",
        "httpRequest": {
            "requestMethod": method,
            "requestUrl": path[:200],
            "status": status,
            "latency": f"{latency_s:.6f}s",
        },
    }
    entry.update(trace_fields(headers, project))
    entry.update({k: v for k, v in fields.items() if v is not None})
    return entry


def write(entry: Mapping[str, Any]) -> None:
    """One line on stdout, whole: threads of one instance never interleave their lines."""
    line = _ENCODER.encode(entry) + "\n"
    with _write_lock:
        sys.stdout.write(line)
        sys.stdout.flush()
