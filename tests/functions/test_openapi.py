"""Each function serves an OpenAPI 3.1 document built from its routes; the copy kept in the
repository must match it (refresh with: python scripts/openapi.py --write).

Comparing the document with the route table it was built from only proves the builder ran; the
checks below hold the document to outside rules instead: the OpenAPI 3.1 meta-schema (via
openapi-spec-validator), and the API's own promises, that a request body refuses unknown fields
and that every error is the one error envelope.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema_rs
import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from tests.functions.function_apps import FUNCTIONS, FunctionApp, assert_error

Loader = Callable[[str], FunctionApp]
NAMES = ["process", "recommend", "bulk"]
ENVELOPE = {"$ref": "#/components/schemas/ErrorEnvelope"}


@pytest.mark.parametrize("name", NAMES)
def test_served_document_matches_the_committed_copy(load_function: Loader, name: str) -> None:
    served = load_function(name).client.get("/v2/openapi.json").get_json()
    committed = json.loads((FUNCTIONS / name / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed, "run: python scripts/openapi.py --write"


@pytest.mark.parametrize("name", NAMES)
def test_every_route_is_documented_with_its_errors(load_function: Loader, name: str) -> None:
    app = load_function(name)
    document = app.client.get("/v2/openapi.json").get_json()
    every = app.module.router.routes
    # The docs page and its assets answer HTML and files to people, not JSON: left out.
    pages = {key for key, route in every.items() if route.is_page}
    assert pages == {("GET", "/v2/docs"), ("GET", "/v2/docs/{asset}")}
    routes = {key: route for key, route in every.items() if key not in pages}
    documented = {
        (method.upper(), path) for path, ops in document["paths"].items() for method in ops
    }
    assert documented == set(routes)
    for (method, path), route in routes.items():
        operation = document["paths"][path][method.lower()]
        assert str(route.status) in operation["responses"]
        assert "500" in operation["responses"]
        if route.query is not None:
            query = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
            assert query == set(route.query.model_fields)
        if route.access != "public":
            assert operation["security"] == [{"ApiKey": []}]
            assert {"401", "429"} <= set(operation["responses"])
        if route.request is not None:
            assert {"400", "413", "415", "422"} <= set(operation["responses"])


def served(load_function: Loader, name: str) -> tuple[FunctionApp, dict[str, Any]]:
    app = load_function(name)
    response = app.client.get("/v2/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.get_json()
    return app, document


def operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def component(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` itself, or the component its ``$ref`` names."""
    ref = schema.get("$ref")
    if ref is None:
        return schema
    prefix = "#/components/schemas/"
    assert ref.startswith(prefix), ref
    found: dict[str, Any] = document["components"]["schemas"][ref.removeprefix(prefix)]
    return found


def object_schemas(document: dict[str, Any], schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every object schema reachable from ``schema`` (each component once). A subschema without
    a type of its own (a ``oneOf`` arm saying which of the object's fields must be there) is a
    further rule on the same object, not another object: it is walked, not yielded."""
    seen: set[str] = set()
    pending = [schema]
    while pending:
        current = pending.pop()
        if "$ref" in current:
            if current["$ref"] in seen:
                continue
            seen.add(current["$ref"])
            current = component(document, current)
        if "properties" in current and current.get("type") == "object":
            yield current
        pending.extend(current.get("properties", {}).values())
        for keyword in ("anyOf", "oneOf", "allOf", "prefixItems"):
            pending.extend(current.get(keyword, []))
        for keyword in ("items", "additionalProperties"):
            if isinstance(current.get(keyword), dict):
                pending.append(current[keyword])


@pytest.mark.parametrize("name", NAMES)
def test_served_document_is_valid_openapi_3_1(load_function: Loader, name: str) -> None:
    _, document = served(load_function, name)
    # The meta-schema, plus what it cannot express: every $ref resolves, parameters are unique.
    validate(document, cls=OpenAPIV31SpecValidator)
    schemes = set(document["components"]["securitySchemes"])
    for label, operation in operations(document):
        for requirement in operation.get("security", []):
            assert set(requirement) <= schemes, f"{label} names an undefined security scheme"


@pytest.mark.parametrize("name", NAMES)
def test_every_request_body_refuses_unknown_fields(load_function: Loader, name: str) -> None:
    app, document = served(load_function, name)
    bodies = 0
    for label, operation in operations(document):
        if "requestBody" not in operation:
            continue
        bodies += 1
        schema = operation["requestBody"]["content"]["application/json"]["schema"]
        objects = list(object_schemas(document, schema))
        assert objects, f"{label}: the body is not an object"
        for found in objects:
            assert found.get("additionalProperties") is False, (
                f"{label}: {found.get('title')} accepts fields it does not name"
            )
    assert bodies == sum(route.request is not None for route in app.module.router.routes.values())


@pytest.mark.parametrize("name", NAMES)
def test_every_error_response_is_the_error_envelope(load_function: Loader, name: str) -> None:
    app, document = served(load_function, name)
    for label, operation in operations(document):
        errors = {s: r for s, r in operation["responses"].items() if not s.startswith("2")}
        assert "500" in errors, label
        for status, response in errors.items():
            assert response["description"], f"{label} {status}"
            assert response["content"] == {"application/json": {"schema": ENVELOPE}}, (
                f"{label} {status} is not documented as the error envelope"
            )
    # ...and the envelope documented is the one served (tests/functions/function_apps.py).
    envelope = component(document, ENVELOPE)
    assert envelope["additionalProperties"] is False
    assert set(envelope["required"]) == set(envelope["properties"]) == {"error", "request_id"}
    body = component(document, envelope["properties"]["error"])
    assert set(body["required"]) == {"code", "message"}
    assert set(body["properties"]) == {"code", "message", "field"}
    served_error = assert_error(app.client.get("/no/such/path"), 404, "NOT_FOUND")
    assert set(served_error) == set(envelope["properties"])
    assert set(body["required"]) <= set(served_error["error"]) <= set(body["properties"])


@pytest.mark.parametrize("name", NAMES)
def test_every_response_documents_its_headers(load_function: Loader, name: str) -> None:
    # schemathesis's response_headers_conformance holds the served responses to these.
    _, document = served(load_function, name)
    for label, operation in operations(document):
        for status, response in operation["responses"].items():
            headers = response["headers"]
            assert headers["X-Request-Id"]["required"] is True, f"{label} {status}"
            waits = status in ("429", "503")
            assert ("Retry-After" in headers) is waits, f"{label} {status}"
            if waits:
                assert headers["Retry-After"]["schema"] == {"type": "integer", "minimum": 1}


@pytest.mark.parametrize(
    ("name", "path", "parameter", "valid", "invalid"),
    [
        ("recommend", "/v2/personas/{name}", "name", ["lua", "NaNa"], ["luna", "lua "]),
        ("bulk", "/v2/bulk/{job_id}", "job_id", ["j" + "0a" * 12], ["j1", "J" + "0" * 24]),
    ],
)
def test_path_parameters_say_which_names_exist(
    load_function: Loader,
    name: str,
    path: str,
    parameter: str,
    valid: list[str],
    invalid: list[str],
) -> None:
    # Without a pattern every string was a valid name, answered 404.
    _, document = served(load_function, name)
    [found] = [p for p in document["paths"][path]["get"]["parameters"] if p["in"] == "path"]
    assert (found["name"], found["required"]) == (parameter, True)
    validator = jsonschema_rs.validator_for(found["schema"])
    assert all(validator.is_valid(value) for value in valid)
    assert not any(validator.is_valid(value) for value in invalid)


def test_query_parameters_are_never_null(load_function: Loader) -> None:
    # A query parameter is text that is there or not; "null" would be sent as the text "null".
    _, document = served(load_function, "bulk")
    query = [
        p for p in document["paths"]["/v2/bulk/{job_id}"]["get"]["parameters"] if p["in"] == "query"
    ]
    assert {p["name"] for p in query} == {"limit", "page_token"}
    for parameter in query:
        assert "anyOf" not in parameter["schema"], parameter
        assert parameter["schema"].get("default", "absent") is not None, parameter
    [token] = [p for p in query if p["name"] == "page_token"]
    assert token["schema"]["type"] == "string"
    assert token["schema"]["pattern"] == "^[1-9][0-9]?$"


def test_a_created_job_links_to_its_status(load_function: Loader) -> None:
    # The stateful phase (and a client) goes from POST /v2/bulk's job_id to GET its status.
    _, document = served(load_function, "bulk")
    accepted = document["paths"]["/v2/bulk"]["post"]["responses"]["202"]
    get = document["paths"]["/v2/bulk/{job_id}"]["get"]
    assert accepted["links"] == {
        get["operationId"]: {
            "operationId": get["operationId"],
            "parameters": {"job_id": "$response.body#/job_id"},
        }
    }
    body = component(document, accepted["content"]["application/json"]["schema"])
    assert "job_id" in body["required"]
