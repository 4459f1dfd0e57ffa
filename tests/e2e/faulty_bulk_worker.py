"""``bulk_worker`` as deployed, with faults injected by markers in an item's message, for the
end-to-end bulk tests (functions-framework serves this file instead of functions/bulk/main.py).

- ``[fail-once]``: the pipeline raises on the first attempt at the item, then answers.
- ``[fail-always]``: the pipeline raises on every attempt.
- ``[crash-after-record]``: the first delivery records its result and then raises, as an
  instance that dies before acknowledging would: Pub/Sub redelivers a finished item.

Everything else is the real worker: the real function, job store, pipeline and cache.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import threading
from pathlib import Path
from typing import Any

import functions_framework
from cloudevents.http import CloudEvent

from core import bootstrap
from core._once import once
from core.bootstrap import bulk as bulk_wiring
from core.bulk import BulkWorker
from core.pipeline import Outcome, Request

FAIL_ONCE = "[fail-once]"
FAIL_ALWAYS = "[fail-always]"
CRASH_AFTER_RECORD = "[crash-after-record]"

_source = Path(__file__).resolve().parents[2] / "functions" / "bulk" / "main.py"
_spec = importlib.util.spec_from_file_location("bulk_main", _source)
if _spec is None or _spec.loader is None:
    raise ImportError(f"cannot load {_source}")
real = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real)

_seen: set[tuple[str, str]] = set()
_lock = threading.Lock()


def _first(kind: str, text: str) -> bool:
    """True the first time (kind, text) is seen by this process (one gunicorn worker)."""
    with _lock:
        if (kind, text) in _seen:
            return False
        _seen.add((kind, text))
        return True


class _Faulty:
    def __init__(self, pipeline: Any) -> None:
        self._pipeline = pipeline

    def run(self, request: Request) -> Outcome:
        if FAIL_ALWAYS in request.message:
            raise RuntimeError("injected: this item always fails")
        if FAIL_ONCE in request.message and _first("fail", request.message):
            raise RuntimeError("injected: this item fails once")
        outcome: Outcome = self._pipeline.run(request)
        return outcome


@once
def _worker() -> BulkWorker:
    config = bootstrap.settings()
    pipeline = _Faulty(bootstrap.build_pipeline(config))
    return BulkWorker(bulk_wiring.build_job_store(config), pipeline, config.bulk.max_attempts)


real._worker = _worker  # the real function looks its worker up here on every delivery


@functions_framework.cloud_event
def bulk_worker(event: CloudEvent) -> None:
    real.bulk_worker(event)
    text = _text(event)
    if CRASH_AFTER_RECORD in text and _first("crash", text):
        raise RuntimeError("injected: crashed after recording, before acknowledging")


def _text(event: CloudEvent) -> str:
    try:
        data = json.loads(base64.b64decode(event.data["message"]["data"]))
        return str(data.get("message", ""))
    except (KeyError, TypeError, ValueError, AttributeError):
        return ""
