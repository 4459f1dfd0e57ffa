"""schemathesis against each function's served OpenAPI document, in process (the WSGI app that
functions-framework builds), with an admin key so the admin endpoints are reached too.

Every operation gets a fixed number of generated requests that fit its schema (positive) and
that do not (negative), drawn with a fixed seed, so a run sends the same requests every time.
Each response must not be a 5xx, must have a documented status, content type and body schema,
and a request that does not fit the schema must be refused (4xx). The functions use the real
Firestore and Pub/Sub emulators (sessions, bulk jobs), so nothing is answered 503 for want of
a store: a 503 here would be a failure like any 5xx.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from devtools.emulators import PubSubEmulator
from tests.functions.conftest import load_function  # noqa: F401  (the fixture, by name)
from tests.functions.function_apps import ADMIN_KEY, FunctionApp
from tests.reliability.corpus import assert_envelope, build_stack
from tests.reliability.report import Report

pytestmark = pytest.mark.usefixtures("firestore_host", "pubsub_host")

EXAMPLES = 25  # per operation and mode; the whole run stays well under a minute on 2 cores
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# Explicit, so no schemathesis.toml found on the way is read. 413 (a body over the size limit, or
# more than 100 bulk items: maxItems) is a refusal as much as 422 is.
CONFIG = schemathesis.Config.from_dict(
    {
        "headers": {"X-API-Key": ADMIN_KEY},
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
            }
        },
    }
)
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)


def fuzz(app: FunctionApp, only: str | None = None) -> tuple[list[int], list[str], int]:
    """Every operation of the app's served document, both modes: the statuses in order, the
    failures, and the number of operations."""
    schema = schemathesis.openapi.from_wsgi(
        "/v2/openapi.json", app.client.application, config=CONFIG
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [o for o in operations if only is None or o.label == only]
    statuses: list[int] = []
    failures: list[str] = []
    for operation in operations:
        for mode in MODES:
            statuses += fuzz_operation(operation, mode, failures)
    return statuses, failures, len(operations)


def fuzz_operation(
    operation: Any, mode: schemathesis.GenerationMode, failures: list[str]
) -> list[int]:
    seen: list[int] = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        response = case.call(headers={"X-API-Key": ADMIN_KEY})
        seen.append(response.status_code)
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as failure:  # collected: one run reports all
            failures.append(
                f"{operation.label} ({mode.value}) -> {response.status_code}: "
                f"{str(failure)[:600]}\n{case.as_curl_command()[:600]}"
            )

    try:
        run()
    except Unsatisfiable:
        # Nothing of the operation can be made invalid (no body, no typed parameter: GET
        # /healthz); only the negative mode may be empty.
        if mode is schemathesis.GenerationMode.POSITIVE:
            raise
    return seen


@pytest.mark.parametrize("function", ["process", "recommend", "bulk"])
def test_schemathesis_finds_no_server_error_and_no_schema_violation(
    load_function: Callable[[str], FunctionApp],  # noqa: F811
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
    report: Report,
    function: str,
) -> None:
    stack = build_stack(load_function, pubsub_emulator, monkeypatch)
    try:
        statuses, failures, operations = fuzz(stack.apps[function])
    finally:
        pubsub_emulator.delete_topic(stack.topic)
    counted = Counter(statuses)
    report.record(
        "Fuzzing",
        f"schemathesis: {function} ({operations} operations x 2 modes, up to {EXAMPLES} each)",
        statuses,
        note="positive and negative cases; no 5xx, documented status, type and body",
    )
    assert failures == [], "\n\n".join(failures[:10])
    assert not [s for s in counted if s >= 500]
    assert len(statuses) >= operations * 2  # every operation was called in both modes


def test_fuzzing_really_fails_on_an_undocumented_response(
    load_function: Callable[[str], FunctionApp],  # noqa: F811
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The control: an answer that breaks its documented schema must be caught.
    stack = build_stack(load_function, pubsub_emulator, monkeypatch)
    app = stack.apps["recommend"]
    table = app.module.router._table
    index = next(i for i, (m, t, _) in enumerate(table) if (m, t) == ("GET", ["v2", "personas"]))
    method, template, route = table[index]
    broken = dataclasses.replace(route, handler=lambda _: _Broken())
    table[index] = (method, template, broken)  # this app is built for this test only
    try:
        _, failures, _ = fuzz(app, only="GET /v2/personas")
    finally:
        pubsub_emulator.delete_topic(stack.topic)
    assert any(f.startswith("GET /v2/personas (positive)") for f in failures), failures


class _Broken:
    """Stands in for a response model: serialises to a body the schema does not allow."""

    def model_dump_json(self) -> str:
        return '{"personas": "none"}'


@pytest.mark.parametrize("function", ["process", "recommend", "bulk"])
@pytest.mark.parametrize(
    "path", ["/robots.txt", "/favicon.ico", "/v2/personas/a%0Ab", "/v2/bulk/%0A", "/%0A"]
)
def test_regression_paths_flask_cannot_route_get_the_envelope(
    load_function: Callable[[str], FunctionApp],  # noqa: F811
    function: str,
    path: str,
) -> None:
    # Found by schemathesis: a path with a newline (which functions-framework's <path:path>
    # rule cannot match), /robots.txt and /favicon.ico got Flask's HTML 404 page, without the
    # envelope or the security headers. The router answers them now.
    response = load_function(function).client.get(path)
    body = assert_envelope(response, {404})
    assert body["error"]["code"] in {"NOT_FOUND", "UNKNOWN_PERSONA", "JOB_NOT_FOUND"}
