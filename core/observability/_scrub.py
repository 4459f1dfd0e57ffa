"""What a Sentry event may carry: the scrubbing behind ``before_send`` and friends. Pure.

Two passes, because neither alone is enough:

1. By structure: the request keeps its method, URL and a short list of harmless headers (no
   body, cookies, query string or environment); ``user`` keeps only a keyed hash of its id;
   values under keys that name texts or secrets (``message``, ``answer``, ``prompt``,
   ``authorization``, ``x-api-key``, ...) in extra, contexts, breadcrumbs and spans are
   replaced; ``user_id``/``session_id`` values become keyed hashes; exception frames lose
   their local variables.
2. By value: the texts of the current request (its message, any long string in its body, its
   API key) are replaced wherever they appear in the event — an exception's message included
   (``ValueError(f"... {message}")`` would slip past any structural rule) — and its raw user
   and session ids become their keyed hashes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

REDACTED = "[redacted]"
KEPT_HEADERS = frozenset(
    {"accept", "content-length", "content-type", "host", "user-agent", "x-request-id"}
)
TEXT_KEYS = frozenset(
    {"message", "messages", "scenario", "text", "content", "answer", "prompt", "system", "turns",
     "body", "data", "items", "contents", "system_instruction"}
)  # fmt: skip
SECRET_KEYS = frozenset(
    {"authorization", "x_api_key", "api_key", "apikey", "cookie", "set_cookie", "password",
     "secret", "token", "dsn", "id_hash_key", "gemini_api_key", "ion_api_keys"}
)  # fmt: skip
ID_KEYS = frozenset({"user_id", "session_id"})
SHORTEST_SUBSTRING = 6  # shorter texts are replaced only where a whole value equals them
LONG_STRING = 24  # any string this long in a request body counts as a text


@dataclass(slots=True)
class Confided:
    """What the current request must not reveal: its texts, and its raw ids."""

    texts: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def add_body(self, value: Any, key: str = "") -> None:
        """Every text of a JSON body (by key, or by length) and its user and session ids."""
        if isinstance(value, dict):
            for k, v in value.items():
                self.add_body(v, str(k))
        elif isinstance(value, list):
            for item in value:
                self.add_body(item, key)
        elif isinstance(value, str) and value:
            name = _norm(key)
            if name in ID_KEYS:
                self.ids.add(value)
            elif name in TEXT_KEYS or len(value) >= LONG_STRING:
                self.texts.update({value, value.strip()} - {""})


Hasher = Callable[[str], str]


def scrub_event(
    event: dict[str, Any], confided: Confided | None, hash_id: Hasher
) -> dict[str, Any]:
    request = event.get("request")
    if isinstance(request, dict):
        headers = request.get("headers")
        event["request"] = {
            k: request[k] for k in ("method", "url") if isinstance(request.get(k), str)
        }
        if isinstance(headers, dict):
            event["request"]["headers"] = {
                k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS
            }
        if isinstance(event["request"].get("url"), str):
            event["request"]["url"] = event["request"]["url"].split("?")[0]
    user = event.get("user")
    if isinstance(user, dict):
        user_id = user.get("id")
        event["user"] = {"id": user_id} if isinstance(user_id, str) else {}
    for name in ("extra", "contexts", "tags"):
        if isinstance(event.get(name), dict):
            event[name] = _by_key(event[name], hash_id)
    crumbs = event.get("breadcrumbs")
    values = crumbs.get("values") if isinstance(crumbs, dict) else crumbs
    for crumb in values if isinstance(values, list) else ():
        if isinstance(crumb, dict) and isinstance(crumb.get("data"), dict):
            crumb["data"] = _by_key(crumb["data"], hash_id)
    for span in event.get("spans") or ():
        if isinstance(span, dict) and isinstance(span.get("data"), dict):
            span["data"] = _by_key(span["data"], hash_id)
    _drop_frame_locals(event)
    if confided is not None and (confided.texts or confided.ids):
        event = _by_value(event, confided, hash_id)
    return event


def _norm(key: str) -> str:
    return key.lower().replace("-", "_")


def _by_key(value: Any, hash_id: Hasher, key: str = "") -> Any:
    name = _norm(key)
    if name in SECRET_KEYS or (name in TEXT_KEYS and not isinstance(value, dict | list)):
        return REDACTED
    if name in ID_KEYS and isinstance(value, str):
        return hash_id(value)
    if isinstance(value, dict):
        return {k: _by_key(v, hash_id, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        if name in TEXT_KEYS:
            return [REDACTED for _ in value]
        return [_by_key(v, hash_id, key) for v in value]
    return value


def _drop_frame_locals(event: dict[str, Any]) -> None:
    exception = event.get("exception")
    values = exception.get("values") if isinstance(exception, dict) else exception
    threads = event.get("threads")
    thread_values = threads.get("values") if isinstance(threads, dict) else threads
    for item in [*(values or ()), *(thread_values or ())]:
        stacktrace = item.get("stacktrace") if isinstance(item, dict) else None
        for frame in (stacktrace or {}).get("frames") or ():
            if isinstance(frame, dict):
                frame.pop("vars", None)


def _by_value(value: Any, confided: Confided, hash_id: Hasher) -> Any:
    if isinstance(value, str):
        if value in confided.ids:
            return hash_id(value)
        if value in confided.texts:
            return REDACTED
        for text in confided.texts:
            if len(text) >= SHORTEST_SUBSTRING and text in value:
                value = value.replace(text, REDACTED)
        return value
    if isinstance(value, dict):
        return {k: _by_value(v, confided, hash_id) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_by_value(v, confided, hash_id) for v in value]
    return value
