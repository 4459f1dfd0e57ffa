"""``functions/bulk``: only its health check exists yet; everything else is the 404 envelope."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from tests.functions.function_apps import FunctionApp, assert_error, payload


def test_healthz(bulk: FlaskClient) -> None:
    response = bulk.get("/healthz", headers={"X-Request-Id": "bulk-1"})
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["X-Request-Id"] == "bulk-1"


@pytest.mark.parametrize("path", ["/", "/v2/bulk", "/v2/process", "/v2/jobs/123"])
def test_everything_else_is_404(bulk: FlaskClient, path: str) -> None:
    assert_error(bulk.post(path, json={"items": []}), 404, "NOT_FOUND")
    assert_error(bulk.get(path), 404, "NOT_FOUND")


def test_three_main_modules_coexist_in_one_process(
    load_function: Callable[[str], FunctionApp],
) -> None:
    # The trap this guards against: every main.py loads as module "main"; a later load must
    # not change what an earlier app serves, and no stale "main" may linger.
    process, recommend, bulk = (load_function(n) for n in ("process", "recommend", "bulk"))

    assert "main" not in sys.modules
    assert len({id(app.module) for app in (process, recommend, bulk)}) == 3
    assert process.client.post("/v2/process", json=payload("process_en.json")).status_code == 200
    assert recommend.client.get("/v2/personas").status_code == 200
    assert_error(bulk.client.post("/v2/process", json={}), 404, "NOT_FOUND")
