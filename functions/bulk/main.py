"""Cloud Function ``bulk``: for now only its health check; bulk jobs arrive in a later issue."""

from __future__ import annotations

import flask
import functions_framework

from core.api.http import Router, health

_router = Router({("GET", "/healthz"): health})


@functions_framework.http
def bulk(request: flask.Request) -> flask.Response:
    return _router(request)
