"""``json_response``: every header once, the caller's over the defaults, the request id ours."""

from __future__ import annotations

import flask

from core.api.http import REQUEST_ID_HEADER, json_response
from core.api.schemas import Health


def test_each_header_once_and_the_callers_override_the_defaults() -> None:
    with flask.Flask(__name__).app_context():
        response = json_response(
            Health(),
            "rid-1",
            headers={"Cache-Control": "max-age=5", "Retry-After": "3", REQUEST_ID_HEADER: "x"},
        )
    names = [name.lower() for name, _ in response.headers.items()]
    assert len(names) == len(set(names)), names
    assert response.headers["Cache-Control"] == "max-age=5"
    assert response.headers["Retry-After"] == "3"
    assert response.headers[REQUEST_ID_HEADER] == "rid-1"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.mimetype == "application/json"
    assert response.get_json() == {"status": "ok"}
