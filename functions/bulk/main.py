"""Cloud Function ``bulk``: for now its health check and OpenAPI document; bulk jobs arrive
with the bulk issue."""

from __future__ import annotations

import flask
import functions_framework

from core import bootstrap
from core.api.openapi import service_router

router = service_router(
    "ION Mentoring: bulk",
    "Accepts up to 100 messages as a job and tracks its progress.",
    {},
    bootstrap.build_guard,
)


@functions_framework.http
def bulk(request: flask.Request) -> flask.Response:
    return router(request)
