"""Helpers shared by the function and reliability tests (and ``load_function`` in
tests/conftest.py): the test API keys, request bodies from tests/data/http and the error
envelope check. (A plain module rather than conftest, so tests can import it by name.)"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from flask.testing import FlaskClient

from core.api.security import hash_key

ROOT = Path(__file__).resolve().parents[2]
USER_KEY = "user-key-for-function-tests"
ADMIN_KEY = "admin-key-for-function-tests"
API_KEYS_SETTING = f"tester:{hash_key(USER_KEY)}:user,operator:{hash_key(ADMIN_KEY)}:admin"
FUNCTIONS = ROOT / "functions"
HTTP_DATA = ROOT / "tests" / "data" / "http"


@dataclass(frozen=True)
class FunctionApp:
    client: FlaskClient
    module: ModuleType  # the loaded main.py, for tests that need to look inside


def payload(name: str) -> dict[str, Any]:
    """A request body kept in tests/data/http/."""
    data: dict[str, Any] = json.loads((HTTP_DATA / name).read_text(encoding="utf-8"))
    return data


def assert_error(response: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    """The one error envelope: ``{"error": {code, message, field?}, "request_id"}``."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body: dict[str, Any] = response.get_json()
    assert set(body) == {"error", "request_id"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["error"].get("field") == field
    assert body["request_id"] == response.headers["X-Request-Id"]
    return body
