"""The scrubbing behind Sentry's before_send, and the observability API with Sentry off."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from core import observability
from core.observability._scrub import REDACTED, Confided, scrub_event

MESSAGE = "I think I am going to quit, nobody at work knows yet"


def fake_hash(raw: str) -> str:
    return f"h({raw})"


def an_event() -> dict[str, Any]:
    return {
        "message": "unhandled error in request r-1",
        "request": {
            "method": "POST",
            "url": "http://x/v2/process?token=abc",
            "query_string": "token=abc",
            "data": {"message": MESSAGE},
            "cookies": {"s": "1"},
            "env": {"REMOTE_ADDR": "10.0.0.1"},
            "headers": {
                "Content-Type": "application/json",
                "X-Api-Key": "k-123",
                "Authorization": "Bearer t",
                "X-Request-Id": "r-1",
            },
        },
        "user": {"id": "alice", "ip_address": "10.0.0.1", "email": "a@example.com"},
        "tags": {"persona": "lua", "user_id": "alice", "session_id": "s-9"},
        "extra": {"answer": "here is what to do", "count": 2, "nested": {"prompt": "p"}},
        "breadcrumbs": {
            "values": [{"category": "log", "message": f"got {MESSAGE}", "data": {"text": "t"}}]
        },
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": f"bad input {MESSAGE!r}",
                    "stacktrace": {"frames": [{"function": "f", "vars": {"message": MESSAGE}}]},
                }
            ]
        },
        "spans": [{"op": "db.firestore", "data": {"session_id": "s-9", "turns": ["a", "b"]}}],
    }


def test_structure_is_scrubbed_without_knowing_the_request() -> None:
    event = scrub_event(an_event(), None, fake_hash)
    assert event["request"] == {
        "method": "POST",
        "url": "http://x/v2/process",
        "headers": {"Content-Type": "application/json", "X-Request-Id": "r-1"},
    }
    assert event["user"] == {"id": "alice"}  # our own set_user already hashes: kept as is
    assert event["tags"] == {"persona": "lua", "user_id": "h(alice)", "session_id": "h(s-9)"}
    assert event["extra"] == {"answer": REDACTED, "count": 2, "nested": {"prompt": REDACTED}}
    assert event["breadcrumbs"]["values"][0]["data"] == {"text": REDACTED}
    assert "vars" not in event["exception"]["values"][0]["stacktrace"]["frames"][0]
    assert event["spans"][0]["data"] == {"session_id": "h(s-9)", "turns": [REDACTED, REDACTED]}
    assert event["message"] == "unhandled error in request r-1"  # our own text stays


def test_the_request_s_texts_and_ids_are_replaced_wherever_they_appear() -> None:
    confided = Confided()
    confided.add_body({"message": f"  {MESSAGE}  ", "user_id": "alice", "persona": "lua"})
    event = an_event()
    event["user"] = {"id": "alice"}
    event = scrub_event(event, confided, fake_hash)
    text = json.dumps(event)
    assert MESSAGE not in text
    assert event["exception"]["values"][0]["value"] == f"bad input '{REDACTED}'"
    assert event["breadcrumbs"]["values"][0]["message"] == f"got {REDACTED}"
    assert event["user"] == {"id": "h(alice)"}
    assert event["tags"]["persona"] == "lua"  # a short field that is not a text is kept


def test_short_texts_are_replaced_only_as_whole_values() -> None:
    confided = Confided()
    confided.add_body({"message": "hi"})
    event = scrub_event({"extra": {"x": "hi", "y": "this is fine"}}, confided, fake_hash)
    assert event["extra"] == {"x": REDACTED, "y": "this is fine"}


def test_bulk_items_and_long_strings_count_as_texts() -> None:
    confided = Confided()
    confided.add_body({"items": [{"message": "first item text"}], "note": "x" * 30})
    assert confided.texts == {"first item text", "x" * 30}


def test_ids_hash_with_the_configured_key_and_differ_by_key() -> None:
    first = observability.hash_id("alice")
    assert first == observability.hash_id("alice")
    assert len(first) == 16
    assert first not in {"alice", observability.hash_id("bob")}


def test_with_sentry_off_the_api_is_a_no_op_that_imports_nothing() -> None:
    assert not observability.sentry_enabled()
    with observability.span("ion.analysis", "x", size=1) as current:
        assert current is None
    assert observability.capture_failure(RuntimeError("x"), job_id="j") is None
    observability.set_tags(persona="lua")  # outside any request: nothing to do
    observability.flush()
    # The SDK is imported only when a DSN is set. Checked in a fresh interpreter: other tests
    # in this one may have started Sentry.
    code = (
        "import sys\nfrom core import observability as o\n"
        "o.configure('f', o.ObservabilitySettings())\n"
        "with o.span('ion.analysis'):\n    o.set_tags(persona='lua')\n"
        "o.capture_failure(RuntimeError('x'))\no.flush()\n"
        "print('sentry_sdk' in sys.modules)"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, check=False, capture_output=True, text=True)
    assert (result.returncode, result.stdout.split()) == (0, ["False"]), result.stderr
