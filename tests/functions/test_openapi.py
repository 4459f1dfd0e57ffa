"""Each function serves an OpenAPI 3.1 document built from its routes; the copy kept in the
repository must match it (refresh with: python scripts/openapi.py --write)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.functions.function_apps import FUNCTIONS, FunctionApp

Loader = Callable[[str], FunctionApp]


@pytest.mark.parametrize("name", ["process", "recommend", "bulk"])
def test_served_document_matches_the_committed_copy(load_function: Loader, name: str) -> None:
    served = load_function(name).client.get("/v2/openapi.json").get_json()
    committed = json.loads((FUNCTIONS / name / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed, "run: python scripts/openapi.py --write"


@pytest.mark.parametrize("name", ["process", "recommend", "bulk"])
def test_every_route_is_documented_with_its_errors(load_function: Loader, name: str) -> None:
    app = load_function(name)
    document = app.client.get("/v2/openapi.json").get_json()
    routes = app.module.router.routes
    documented = {
        (method.upper(), path) for path, ops in document["paths"].items() for method in ops
    }
    assert documented == set(routes)
    for (method, path), route in routes.items():
        operation = document["paths"][path][method.lower()]
        assert "200" in operation["responses"]
        assert "500" in operation["responses"]
        if route.access != "public":
            assert operation["security"] == [{"ApiKey": []}]
            assert {"401", "429"} <= set(operation["responses"])
        if route.request is not None:
            assert {"400", "413", "415", "422"} <= set(operation["responses"])
