"""OpenAPI 3.1 documents built from a function's routes and their pydantic models.

The document is derived from the same :class:`Route` table the router dispatches on, so an
endpoint cannot exist without being documented. Each function serves its document at
``GET /v2/openapi.json``; a copy is kept in the function's folder and a test fails when the
two differ (``python scripts/openapi.py --write`` refreshes the copies).
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

from core.api.http import HEALTH, Guard, Route, Router
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
    422: "A field is missing, unknown, of the wrong type or out of range",
    429: "Over this API key's rate limit (RATE_LIMITED); see Retry-After",
    500: "Unexpected failure (INTERNAL); nothing internal is revealed",
    503: "A dependency is unavailable; see Retry-After",
}


def _statuses(route: Route) -> list[int]:
    statuses = set(route.errors) | {500}
    if route.request is not None:
        statuses |= {400, 413, 415, 422}
    if route.access != "public":
        statuses |= {401, 429}
    if route.access == "admin":
        statuses.add(403)
    return sorted(statuses)


def _query_parameters(route: Route) -> list[dict[str, Any]]:
    if route.query is None:
        return []
    schema = route.query.model_json_schema()
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "in": "query",
            "required": name in required,
            "schema": {k: v for k, v in field.items() if k != "title"},
        }
        for name, field in schema["properties"].items()
    ]


def document(
    title: str, description: str, routes: Mapping[tuple[str, str], Route]
) -> dict[str, Any]:
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
        operation: dict[str, Any] = {
            "operationId": re.sub(r"[^A-Za-z0-9]+", "_", f"{method} {path}").strip("_").lower(),
            "summary": route.summary,
            "parameters": [
                {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                for name in re.findall(r"\{(\w+)\}", path)
            ]
            + _query_parameters(route)
            + [
                {
                    "name": "X-Request-Id",
                    "in": "header",
                    "required": False,
                    "description": "echoed back when 1-128 of [A-Za-z0-9._:-]; else generated",
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                str(route.status): {
                    "description": "OK" if route.status == 200 else "Accepted",
                    "content": {
                        "application/json": {"schema": ref(route.response, "serialization")}
                    },
                },
                **{
                    str(status): {
                        "description": _STATUS_TEXT[status],
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
        if route.access != "public":
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
    """A function's router: its routes plus ``GET /healthz`` and ``GET /v2/openapi.json``.

    Built while functions-framework loads the function's source, it also becomes the handler of
    the app's ``NotFound``: paths the framework's URL map routes nowhere (see
    :meth:`Router.unrouted`) are answered by the router too. Outside an app that is a no-op."""
    table: dict[tuple[str, str], Route] = {**routes, ("GET", "/healthz"): HEALTH}

    @cache
    def built() -> OpenApiOut:
        return OpenApiOut(document(title, description, table))

    table[("GET", "/v2/openapi.json")] = Route(
        lambda _: built(), "this function's OpenAPI 3.1 document", OpenApiOut, access="public"
    )
    router = Router(table, guard)
    functions_framework.errorhandler(werkzeug.exceptions.NotFound)(router.unrouted)
    return router
