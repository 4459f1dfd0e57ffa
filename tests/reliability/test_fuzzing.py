"""schemathesis against each function's served OpenAPI document, in process (the WSGI app that
functions-framework builds), as the admin key (so the admin endpoints are reached too) with a
user key as its peer (IDENTITIES).

schemathesis's own engine runs, as ``schemathesis run`` does: its examples, coverage (boundary
values, each field missing or of the wrong type, methods the document does not list), fuzzing
(EXAMPLES requests per operation that fit the schema and EXAMPLES that do not) and stateful
phases (following the document's links: POST /v2/bulk, then GET the job it made), from a fixed
seed, so a run sends the same requests every time. Every response is held to every check
schemathesis has (CHECKS): no 5xx; a documented status, content type, body and headers; a
request the document calls valid is served and one it calls invalid refused; a method it does
not list is 405 with Allow; the API key is enforced; a created job can be read, and only by
the key that made it. The document must therefore say exactly what each function enforces.
The functions use the real Firestore and Pub/Sub emulators (sessions, bulk jobs), so nothing
is answered 503 for want of a store: a 503 here would be a failure like any 5xx.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import schemathesis.specs.openapi.checks  # registers the OpenAPI checks (REGISTERED_CHECKS)
from schemathesis.checks import CHECKS as REGISTERED_CHECKS
from schemathesis.engine import events, from_schema
from schemathesis.transport.wsgi import WSGITransport

from core.api.http import Access, Call
from core.api.security import Principal
from core.errors import InvalidInput
from devtools.emulators import PubSubEmulator
from tests.functions.function_apps import ADMIN_KEY, USER_KEY, FunctionApp
from tests.reliability.corpus import assert_envelope, build_stack
from tests.reliability.report import Report

pytestmark = pytest.mark.usefixtures("firestore_host", "pubsub_host")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = 25  # per operation and mode in the fuzzing phase; the whole file runs in ~40 s
STATEFUL_SCENARIOS = 6  # each POST /v2/bulk that is accepted costs ~0.3 s (the job store)
SEED = 15
# Every check schemathesis 4 has (test_every_schemathesis_check_runs notices a new one) but
# max_response_time: a time limit on a shared 2-core machine would fail on the machine's load,
# not on the service (benchmarks/ and the load tests measure latency, with their own floors).
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
    "object_level_authorization",
)
LEFT_OUT = {"max_response_time"}
# Two passes: every phase as `schemathesis run` has them (fuzzing then mixes both modes, mostly
# valid cases), then the fuzzing phase again with cases that do not fit the schema only, so
# negative_data_rejection sees as many of those as positive_data_acceptance sees valid ones.
Pass = tuple[str, tuple[str, ...]]  # (generation mode, phases)
PASSES: tuple[Pass, ...] = (
    ("all", ("examples", "coverage", "fuzzing", "stateful")),
    ("negative", ("fuzzing",)),
)
# Who calls: the admin key first (it reaches every endpoint), and a user key as its peer, so
# that object_level_authorization replays what one key read (a bulk job) as the other, which
# must not get it. Web Fuzzing Commons' auth format, which schemathesis reads.
IDENTITIES = {
    "auth": [
        {"name": name, "fixedHeaders": [{"name": "X-API-Key", "value": key}]}
        for name, key in (("operator", ADMIN_KEY), ("tester", USER_KEY))
    ]
}


def config(mode: str, phases: tuple[str, ...], identities: Path) -> schemathesis.Config:
    """The project's schemathesis.toml (which the CLI reads too), with what this run adds. Read
    explicitly: no other schemathesis.toml found on the way is read."""
    settings: dict[str, Any] = tomllib.loads((ROOT / "schemathesis.toml").read_text("utf-8"))
    checks = settings.setdefault("checks", {})
    for name in CHECKS:
        checks.setdefault(name, {})["enabled"] = True
    settings |= {
        "auth": {"wfc": {"path": str(identities), "peers": ["operator", "tester"]}},
        "seed": SEED,
        "workers": 1,
        "continue-on-failure": True,
        "generation": {"max-examples": EXAMPLES, "deterministic": True, "mode": mode},
        "phases": {
            name: {"enabled": name in phases} for name in ("examples", "coverage", "fuzzing")
        }
        | {
            "stateful": {
                "enabled": "stateful" in phases,
                "generation": {"max-examples": STATEFUL_SCENARIOS},
            }
        },
    }
    return schemathesis.Config.from_dict(settings)


@dataclass
class Run:
    """What schemathesis saw: every response's status, in order, and its failures."""

    statuses: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    operations: set[str] = field(default_factory=set)
    phases: set[str] = field(default_factory=set)  # the phases that sent requests


def run_schemathesis(
    app: FunctionApp, only: str | None = None, passes: tuple[Pass, ...] = PASSES
) -> Run:
    """schemathesis's engine over the app's served document (or the operations whose path
    matches the regular expression ``only``), pass by pass."""
    run = Run()
    with tempfile.TemporaryDirectory() as folder:
        identities = Path(folder) / "identities.json"
        identities.write_text(json.dumps(IDENTITIES), encoding="utf-8")
        for mode, phases in passes:
            _run_pass(app, config(mode, phases, identities), mode, only, run)
    return run


def _run_pass(
    app: FunctionApp, settings: schemathesis.Config, mode: str, only: str | None, run: Run
) -> None:
    schema: Any = schemathesis.openapi.from_wsgi(
        "/v2/openapi.json", app.client.application, config=settings
    )
    if only is not None:
        schema = schema.include(path_regex=only)
    if mode == "negative":
        schema = schema.include(_negatable)
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            run.operations.add(event.recorder.label)
            for interaction in event.recorder.interactions.values():
                if interaction.response is not None:
                    run.statuses.append(interaction.response.status_code)
                    run.phases.add(event.phase.value)
            run.failures += list(_failures(event))
        elif isinstance(event, events.NonFatalError | events.FatalError):
            run.failures.append(f"schemathesis could not run: {event!r}"[:600])


def _negatable(context: Any) -> bool:
    """Whether a request to the operation can be made that does not fit its schema: it takes a
    body, a path or a query parameter (any text fits the one header, X-Request-Id)."""
    raw = context.operation.definition.raw
    return "requestBody" in raw or any(p["in"] != "header" for p in raw.get("parameters", ()))


def _failures(event: events.ScenarioFinished) -> Iterator[str]:
    recorder = event.recorder
    for case_id, checks in recorder.checks.items():
        interaction = recorder.interactions.get(case_id)
        response = interaction.response if interaction is not None else None
        answer = f"-> {response.status_code} {response.text[:300]}" if response else "-> nothing"
        for check in checks:
            if check.failure_info is not None:
                failure = check.failure_info.failure
                yield (
                    f"{event.phase.value}: {check.name} on {failure.operation}: {failure.title}\n"
                    f"{failure.message[:500]}\n{check.failure_info.code_sample[:600]}\n{answer}"
                )


@pytest.fixture(autouse=True)
def _wsgi_probes_without_socket_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """schemathesis 4.32 hands the requests-only transport settings (max_redirects, verify, cert,
    proxies) to werkzeug's test client when a check sends a probe of its own (ignored_auth's
    request without the key), and werkzeug refuses them; its WSGI transport drops them only
    for a requests session. They mean nothing in process: drop them always."""
    send = WSGITransport.send

    def without_socket_settings(self: WSGITransport, case: Any, **kwargs: Any) -> Any:
        for name in ("max_redirects", "verify", "cert", "proxies"):
            kwargs.pop(name, None)
        return send(self, case, **kwargs)

    monkeypatch.setattr(WSGITransport, "send", without_socket_settings)


def test_every_schemathesis_check_runs() -> None:
    # A schemathesis upgrade that adds a check must not leave it out here unnoticed.
    assert set(CHECKS) | LEFT_OUT == set(REGISTERED_CHECKS.get_all_names()) | LEFT_OUT
    assert set(CHECKS).isdisjoint(LEFT_OUT)


@pytest.mark.parametrize("function", ["process", "recommend", "bulk"])
def test_schemathesis_finds_no_failure_with_every_check(
    load_function: Callable[[str], FunctionApp],
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
    report: Report,
    function: str,
) -> None:
    # Jobs are never answered here (no worker runs): without room, every job after the first
    # few hundred items would be refused 429 and the stateful phase would read no job it made.
    # Past AUTH_FAILURE_BURST requests without a valid key (coverage sends some to every
    # operation, ignored_auth two more), the address gets 429 instead of 401, which ignored_auth
    # and missing_required_header cannot tell from a key that is not enforced; that limit has
    # tests of its own (tests/functions/test_edge_hardening.py).
    stack = build_stack(
        load_function,
        pubsub_emulator,
        monkeypatch,
        BULK_MAX_IN_FLIGHT_ITEMS="1000000",
        AUTH_FAILURES_PER_MIN="0",
    )
    try:
        run = run_schemathesis(stack.apps[function])
    finally:
        pubsub_emulator.delete_topic(stack.topic)
    routes = stack.apps[function].module.router.routes
    documented = {key: route for key, route in routes.items() if not route.is_page}
    report.record(
        "Fuzzing",
        f"schemathesis: {function} ({len(documented)} operations; examples, coverage, "
        f"fuzzing up to {EXAMPLES} per mode, stateful)",
        run.statuses,
        note="every check but response time; no 5xx",
    )
    assert run.failures == [], f"{len(run.failures)} failures:\n\n" + "\n\n".join(run.failures[:8])
    assert not [s for s in run.statuses if s >= 500]
    # Every documented operation was called but the document itself, which schemathesis reads
    # and does not test; the stateful phase runs where the document has links (bulk's).
    called = {f"{method} {path}" for method, path in documented} - {"GET /v2/openapi.json"}
    assert run.operations >= called
    assert {"coverage", "fuzzing"} <= run.phases
    if function == "bulk":
        assert "stateful" in run.phases


def _entry(app: FunctionApp, method: str, path: str) -> tuple[list[Any], int]:
    table: list[Any] = app.module.router._table
    segments = path.strip("/").split("/")
    return table, next(i for i, (m, t, _) in enumerate(table) if (m, t) == (method, segments))


def _handler(app: FunctionApp, method: str, path: str) -> Callable[[Call], Any]:
    table, index = _entry(app, method, path)
    handler: Callable[[Call], Any] = table[index][2].handler
    return handler


def _replace_route(app: FunctionApp, method: str, path: str, **changes: Any) -> None:
    """Change what the router does for one route (these apps are built for one test only); the
    document served stays as it was."""
    table, index = _entry(app, method, path)
    found_method, template, route = table[index]
    table[index] = (found_method, template, dataclasses.replace(route, **changes))


def _replace_handler(app: FunctionApp, method: str, path: str, handler: Any) -> None:
    _replace_route(app, method, path, handler=handler)


def test_fuzzing_really_fails_on_an_undocumented_response(
    load_function: Callable[[str], FunctionApp],
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The control: an answer that breaks its documented schema must be caught, a refusal of
    # requests the document calls valid, an endpoint that answers without the key it is
    # documented to need, and a job served to a key that did not submit it.
    stack = build_stack(load_function, pubsub_emulator, monkeypatch, AUTH_FAILURES_PER_MIN="0")
    recommend, bulk = stack.apps["recommend"], stack.apps["bulk"]
    _replace_handler(recommend, "GET", "/v2/personas", lambda _: _Broken())
    _replace_handler(recommend, "GET", "/v2/personas/{name}", _refuse)
    _replace_route(recommend, "POST", "/v2/recommend", access=Access.PUBLIC)
    status = _handler(bulk, "GET", "/v2/bulk/{job_id}")
    _replace_handler(bulk, "GET", "/v2/bulk/{job_id}", lambda call: status(_as_operator(call)))
    coverage_only: tuple[Pass, ...] = (("all", ("coverage",)),)
    try:
        broken = run_schemathesis(recommend, "^/v2/personas$", coverage_only)
        refusing = run_schemathesis(recommend, "^/v2/personas/", coverage_only)
        open_door = run_schemathesis(recommend, "^/v2/recommend$", coverage_only)
        leaking = run_schemathesis(bulk, "^/v2/bulk", coverage_only)
    finally:
        pubsub_emulator.delete_topic(stack.topic)
    assert any("response_schema_conformance on GET /v2/personas:" in f for f in broken.failures)
    assert any(
        "positive_data_acceptance on GET /v2/personas/{name}" in f for f in refusing.failures
    )
    assert any("ignored_auth on POST /v2/recommend" in f for f in open_door.failures)
    assert any("object_level_authorization on GET /v2/bulk/{job_id}" in f for f in leaking.failures)


class _Broken:
    """Stands in for a response model: serialises to a body the schema does not allow."""

    def model_dump_json(self) -> str:
        return '{"personas": "none"}'


def _refuse(_: Any) -> Any:
    raise InvalidInput("refused whatever was sent")


def _as_operator(call: Call) -> Call:
    """The call as if the admin key (operator) sent it: whoever asks reads its jobs."""
    return dataclasses.replace(call, principal=Principal("operator", admin=True))


@pytest.mark.parametrize("function", ["process", "recommend", "bulk"])
@pytest.mark.parametrize(
    "path", ["/robots.txt", "/favicon.ico", "/v2/personas/a%0Ab", "/v2/bulk/%0A", "/%0A"]
)
def test_regression_paths_flask_cannot_route_get_the_envelope(
    load_function: Callable[[str], FunctionApp],
    function: str,
    path: str,
) -> None:
    # Found by schemathesis: a path with a newline (which functions-framework's <path:path>
    # rule cannot match), /robots.txt and /favicon.ico got Flask's HTML 404 page, without the
    # envelope or the security headers. The router answers them now.
    response = load_function(function).client.get(path)
    body = assert_envelope(response, {404})
    assert body["error"]["code"] in {"NOT_FOUND", "UNKNOWN_PERSONA", "JOB_NOT_FOUND"}
