"""Observability: Sentry (errors, traces, tags) and one structured log line per request.

The API every function uses (the Router in ``core.api.http`` already does the per-request
part for HTTP functions; an event function such as the bulk worker calls it itself):

- ``configure(function, settings) -> bool`` — once per instance, at import, from outside
  (``core.bootstrap.check()`` calls it with ``FUNCTION_TARGET``, which functions-framework and
  Cloud Functions set, and the :class:`ObservabilitySettings` that ``core.config`` read).
  Starts Sentry when a DSN is set (idempotent: the first call starts it) and records the
  project and the id-hashing key for the logs. Without a DSN the SDK is never imported and
  everything below is nearly free. This package never reads settings or imports its users.
- ``span(op, description=None, **data)`` — a context manager: a Sentry span inside the current
  transaction; a shared no-op when Sentry is off. Ops used: ``ion.analysis``, ``ion.routing``,
  ``cache.get``, ``cache.put``, ``ion.generation``, ``db.firestore``; Pub/Sub should use
  ``queue.publish`` / ``queue.process``.
- ``set_tags(**tags)`` — tags of the current request: on its Sentry scope, and as fields of its
  log line. ``user_id=`` and ``session_id=`` are never stored raw: they become ``user`` (also
  Sentry's user id) and ``session``, keyed hashes (see ``hash_id``). ``None`` values are skipped.
- ``capture_failure(error, **tags) -> event id | None`` — report a handled failure with tags
  (e.g. ``job_id=``, ``item=``): the bulk worker's item failures.
- ``confide(body)`` — the texts and ids of a request body that must never leave the instance:
  Sentry's ``before_send`` replaces them wherever they appear (an exception message
  included). ``core.api.http.read_object`` calls it for every HTTP body; the bulk worker calls
  it for each job message. Without Sentry there is nothing to scrub, and it keeps nothing.
- ``scope(**tags)`` — a context manager for work that is not an HTTP request (one Pub/Sub
  message): a fresh Sentry isolation scope and a fresh set of confided texts, with tags.
- ``log(severity, message, **fields)`` — one JSON line in Cloud Logging's format on stdout.
- ``begin_request(function, headers) -> RequestLog`` — the Router's: ``.route(name)`` names
  the transaction, ``.finish(method, path, status, latency_s)`` writes the request's line.

Ids: ``hash_id(raw)`` is HMAC-SHA256 keyed with ``ID_HASH_KEY`` (Secret Manager welcome),
truncated to 16 hex characters: stable across instances, so one user's errors can be counted,
yet not reversible without the key. With ``ID_HASH_KEY`` empty the key is random per instance.
Message text, answers, prompts, API keys and raw user or session ids are never logged or sent.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
import threading
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from core.observability import _logs
from core.observability._logs import TRACE_HEADERS
from core.observability._scrub import Confided, scrub_event
from core.observability._sentry import Sentry
from core.observability._settings import ObservabilitySettings

__all__ = [
    "TRACE_HEADERS",
    "ObservabilitySettings",
    "RequestLog",
    "begin_request",
    "capture_failure",
    "confide",
    "configure",
    "hash_id",
    "log",
    "scope",
    "sentry_enabled",
    "set_tags",
    "span",
]


_NO_SPAN: AbstractContextManager[None] = contextlib.nullcontext()
_HASHED = {"user_id": "user", "session_id": "session"}


@dataclass(slots=True)
class _State:
    sentry: Sentry | None = None
    project: str | None = None
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))


_state = _State()
_lock = threading.Lock()


@dataclass(slots=True)
class _Context:
    fields: dict[str, Any] = field(default_factory=dict)
    confided: Confided = field(default_factory=Confided)


_current: ContextVar[_Context | None] = ContextVar("ion_observability", default=None)


def configure(function: str, settings: ObservabilitySettings) -> bool:
    """Configure this instance's observability; start Sentry if a DSN is set. Returns whether
    Sentry is on. Safe to call again: Sentry starts once, the rest is refreshed."""
    with _lock:
        _state.project = settings.project
        key = settings.id_hash_key
        _state.key = key.encode() if key else secrets.token_bytes(32)
        if settings.sentry_dsn and _state.sentry is None:
            _state.sentry = Sentry(settings, function, _before_send, _before_breadcrumb)
    return _state.sentry is not None


def sentry_enabled() -> bool:
    return _state.sentry is not None


def hash_id(raw: str) -> str:
    return hmac.new(_state.key, raw.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def span(op: str, description: str | None = None, **data: Any) -> AbstractContextManager[Any]:
    sentry = _state.sentry
    if sentry is None:
        return _NO_SPAN
    return sentry.span(op, description, data)


def set_tags(**tags: str | int | float | bool | None) -> None:
    shown = {_HASHED.get(k, k): _tag_value(k, v) for k, v in tags.items() if v is not None}
    context = _current.get()
    if context is not None:
        context.fields.update(shown)
    sentry = _state.sentry
    if sentry is not None:
        sentry.set_tags(shown)
        if "user" in shown:
            sentry.set_user(shown["user"])


def capture_failure(error: BaseException, **tags: str | int | None) -> str | None:
    sentry = _state.sentry
    if sentry is None:
        return None
    shown = {_HASHED.get(k, k): _tag_value(k, v) for k, v in tags.items() if v is not None}
    return sentry.capture(error, shown)


def confide(body: Any) -> None:
    if _state.sentry is None:
        return  # only Sentry events are scrubbed of them: nothing to keep without it
    context = _current.get()
    if context is None:
        context = _Context()
        _current.set(context)
    context.confided.add_body(body)


@contextmanager
def scope(**tags: str | int | None) -> Iterator[None]:
    token = _current.set(_Context())
    try:
        sentry = _state.sentry
        if sentry is not None:
            with sentry.isolated():
                set_tags(**tags)
                yield
        else:
            set_tags(**tags)
            yield
    finally:
        _current.reset(token)


def log(severity: str, message: str, **fields: Any) -> None:
    context = _current.get()
    _logs.write(
        {"severity": severity, "message": message, **(context.fields if context else {}), **fields}
    )


class RequestLog:
    """One HTTP request's log line and Sentry transaction name (see :func:`begin_request`)."""

    def __init__(self, function: str, headers: Mapping[str, str]) -> None:
        self._headers = headers
        self._context = _Context(fields={"function": function})

    def route(self, name: str) -> None:
        self._context.fields["route"] = name
        sentry = _state.sentry
        if sentry is not None:
            sentry.set_transaction(name)

    def note(self, **fields: Any) -> None:
        self._context.fields.update(fields)

    def finish(self, method: str, path: str, status: int, latency_s: float) -> None:
        _logs.write(
            _logs.request_entry(
                method=method,
                path=path,
                status=status,
                latency_s=latency_s,
                headers=self._headers,
                project=_state.project,
                fields=self._context.fields,
            )
        )


def begin_request(function: str, headers: Mapping[str, str]) -> RequestLog:
    """A fresh context for one request on this thread. It is not reset when the request ends:
    the Flask integration sends the transaction after the response, and its scrubbing needs
    the request's confided texts; the thread's next request replaces them."""
    request_log = RequestLog(function, headers)
    _current.set(request_log._context)
    if _state.sentry is not None:
        set_tags(function=function)
    return request_log


def _tag_value(key: str, value: str | int | float | bool) -> str:
    text = str(value)
    return hash_id(text) if key in _HASHED else text[:200]


def _before_send(event: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
    context = _current.get()
    return scrub_event(event, context.confided if context else None, hash_id)


def _before_breadcrumb(crumb: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
    # An outgoing HTTP call's URL may carry a query string; the rest is scrubbed with the event.
    if crumb.get("category") == "httplib":
        crumb.pop("data", None)
    return crumb


def flush(timeout_s: float = 2.0) -> None:
    """Send what is queued (tests and short-lived processes); a no-op when Sentry is off."""
    sentry = _state.sentry
    if sentry is not None:
        sentry.flush(timeout_s)
