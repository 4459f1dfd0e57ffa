"""OpenAPI 3.1 documents built from a function's routes and their pydantic models.

The document is derived from the same :class:`Route` table the router dispatches on, so an
endpoint cannot exist without being documented (the docs page and its assets, which are for
people and answer no JSON, are left out). Each function serves its document at
``GET /v2/openapi.json``; a copy is kept in the function's folder and a test fails when the
two differ (``python scripts/openapi.py --write`` refreshes the copies).

The document is a contract: it states what the code enforces, no more and no less (the request
models carry their rules as JSON Schema; every status a route can answer is listed, with its
headers), and schemathesis holds each function to it with every check it has
(tests/reliability/test_fuzzing.py). A rule the code adds must be stated here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import functions_framework
import werkzeug.exceptions
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from core.api import docs
from core.api.http import (
    HEALTH,
    REQUEST_ID_HEADER,
    REQUEST_ID_PATTERN,
    Access,
    Guard,
    Route,
    Router,
)
from core.api.schemas import ErrorEnvelope, OpenApiOut
from core.api.security import API_KEY_HEADER

VERSION = "0.1.0"
_STATUS_TEXT = {
    400: "Malformed JSON (INVALID_JSON), or a job without items (NO_ITEMS)",
    401: "Missing or wrong API key (UNAUTHENTICATED)",
    403: "The API key is not an admin key (FORBIDDEN)",
    404: "Not found (see the error code)",
    409: "The idempotency key was used for other items (IDEMPOTENCY_KEY_REUSED)",
    413: "Body over the size limit, or too many items (REQUEST_TOO_LARGE)",
    415: "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)",
    422: "A field or parameter is missing, unknown, of the wrong type or out of range "
    "(INVALID_INPUT), or names no persona (UNKNOWN_PERSONA)",
    429: "Over this API key's rate limit (RATE_LIMITED), too many failed authentications from "
    "this address, or too many bulk items in flight (TOO_MANY_ITEMS_IN_FLIGHT); see Retry-After",
    500: "Unexpected failure (INTERNAL); nothing internal is revealed",
    503: "A dependency is unavailable; see Retry-After",
}


def _statuses(route: Route) -> list[int]:
    # 413: any request, with or without a documented body, whose Content-Length is over the
    # route's limit is refused before it is read.
    statuses = set(route.errors) | {413, 500}
    if route.request is not None:
        statuses |= {400, 415, 422}
    if route.access != Access.PUBLIC:
        statuses |= {401, 429}
    if route.access == Access.ADMIN:
        statuses.add(403)
    return sorted(statuses)


# Headers on every response, and on the statuses that ask the caller to wait.
_REQUEST_ID_OUT = {
    "description": "this request's id: the caller's X-Request-Id when it is 1-128 of "
    "[A-Za-z0-9._:-], else a new one; quote it when reporting a problem",
    "required": True,
    "schema": {"type": "string", "pattern": f"^{REQUEST_ID_PATTERN}$"},
}
_RETRY_AFTER = {
    "description": "seconds to wait before sending the request again",
    "required": True,
    "schema": {"type": "integer", "minimum": 1},
}
_WAIT_STATUSES = (429, 503)  # every error with these statuses has a retry_after_s


def _parameter_schema(field: dict[str, Any]) -> dict[str, Any]:
    """A model field's schema as a path or query parameter's: a parameter is text that is
    there or not, never null, so the null of an optional field is dropped (with its default)."""
    schema = {k: v for k, v in field.items() if k != "title"}
    arms = schema.get("anyOf", [])
    if {"type": "null"} in arms:
        rest = [arm for arm in arms if arm != {"type": "null"}]
        del schema["anyOf"]
        schema = {**(rest[0] if len(rest) == 1 else {"anyOf": rest}), **schema}
        if "default" in schema and schema["default"] is None:
            del schema["default"]
    return schema


def _parameters(model: type[BaseModel] | None, where: str) -> list[dict[str, Any]]:
    if model is None:
        return []
    schema = model.model_json_schema()
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "in": where,
            "required": where == "path" or name in required,
            "schema": _parameter_schema(field),
        }
        for name, field in schema["properties"].items()
    ]


def _path_parameters(path: str, route: Route) -> list[dict[str, Any]]:
    names = re.findall(r"\{(\w+)\}", path)
    described = _parameters(route.path, "path")
    if route.path is not None and {p["name"] for p in described} != set(names):
        raise ValueError(f"{path}: the path model {route.path.__name__} names other parameters")
    return described or [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in names
    ]


def _operation_id(method: str, path: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", f"{method} {path}").strip("_").lower()


def _links(path: str, route: Route, routes: Mapping[tuple[str, str], Route]) -> dict[str, Any]:
    """Links from a success to each GET below ``path`` whose path parameters the success's body
    carries (POST /v2/bulk's job_id to GET /v2/bulk/{job_id}): how a client, or a stateful
    test, goes on from a created resource."""
    fields = set(route.response.model_fields)
    links: dict[str, Any] = {}
    for method, other in sorted(routes):
        names = re.findall(r"\{(\w+)\}", other)
        if method == "GET" and names and other.startswith(path + "/") and set(names) <= fields:
            links[_operation_id(method, other)] = {
                "operationId": _operation_id(method, other),
                "parameters": {name: f"$response.body#/{name}" for name in names},
            }
    return links


def document(
    title: str, description: str, routes: Mapping[tuple[str, str], Route]
) -> dict[str, Any]:
    routes = {key: route for key, route in routes.items() if not route.is_page}
    models: set[type[BaseModel]] = {ErrorEnvelope}
    for route in routes.values():
        models.add(route.response)
        if route.request is not None:
            models.add(route.request)
    ordered = sorted(models, key=lambda m: m.__name__)
    refs, schemas = models_json_schema(
        [(model, mode) for model in ordered for mode in ("validation", "serialization")],
        ref_template="#/components/schemas/{model}",
    )

    def ref(model: type[BaseModel], mode: str) -> dict[str, Any]:
        return dict(refs[(model, mode)])  # type: ignore[index]

    paths: dict[str, dict[str, Any]] = {}
    for (method, path), route in sorted(routes.items(), key=lambda item: (item[0][1], item[0][0])):
        success: dict[str, Any] = {
            "description": "OK" if route.status == 200 else "Accepted",
            "headers": {REQUEST_ID_HEADER: _REQUEST_ID_OUT},
            "content": {"application/json": {"schema": ref(route.response, "serialization")}},
        }
        if links := _links(path, route, routes):
            success["links"] = links
        operation: dict[str, Any] = {
            "operationId": _operation_id(method, path),
            "summary": route.summary,
            "parameters": _path_parameters(path, route)
            + _parameters(route.query, "query")
            + [
                {
                    "name": REQUEST_ID_HEADER,
                    "in": "header",
                    "required": False,
                    "description": "echoed back when 1-128 of [A-Za-z0-9._:-]; else generated",
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                str(route.status): success,
                **{
                    str(status): {
                        "description": _STATUS_TEXT[status],
                        "headers": {
                            REQUEST_ID_HEADER: _REQUEST_ID_OUT,
                            **({"Retry-After": _RETRY_AFTER} if status in _WAIT_STATUSES else {}),
                        },
                        "content": {
                            "application/json": {"schema": ref(ErrorEnvelope, "serialization")}
                        },
                    }
                    for status in _statuses(route)
                },
            },
        }
        if route.request is not None:
            operation["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": ref(route.request, "validation")}},
            }
        if route.access != Access.PUBLIC:
            operation["security"] = [{"ApiKey": []}]
        paths.setdefault(path, {})[method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": VERSION, "description": description},
        "paths": paths,
        "components": {
            "schemas": schemas.get("$defs", {}),
            "securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": API_KEY_HEADER}
            },
        },
    }


def service_router(
    title: str,
    description: str,
    routes: Mapping[tuple[str, str], Route],
    guard: Callable[[], Guard],
) -> Router:
    """A function's router: its routes plus ``GET /healthz``, ``GET /v2/openapi.json`` and
    Swagger UI for that document at ``GET /v2/docs`` (``core.api.docs``).

    Built while functions-framework loads the function's source, it also becomes the handler of
    the app's ``NotFound``: paths the framework's URL map routes nowhere (see
    :meth:`Router.unrouted`) are answered by the router too. Outside an app that is a no-op."""
    table: dict[tuple[str, str], Route] = {**routes, ("GET", "/healthz"): HEALTH}

    @cache
    def built() -> OpenApiOut:
        return OpenApiOut(document(title, description, table))

    table[("GET", "/v2/openapi.json")] = Route(
        lambda _: built(), "this function's OpenAPI 3.1 document", OpenApiOut, access=Access.PUBLIC
    )
    table |= docs.routes(title)
    router = Router(table, guard)
    functions_framework.errorhandler(werkzeug.exceptions.NotFound)(router.unrouted)
    return router
