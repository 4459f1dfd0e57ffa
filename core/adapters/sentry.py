"""Sentry through sentry-sdk, with its Flask integration (functions-framework serves Flask).

Imported only by ``core.observability`` and only when ``SENTRY_DSN`` is set: the SDK costs
about 0.2 s to import, which an instance without a DSN must not pay. Everything here runs
after :func:`start`; ``core.observability`` never calls in before it.

Privacy is settled here once: no default PII, no request bodies, no local variables, and only
the integrations listed (auto-enabled ones such as Redis or httpx would record commands and
URLs this module has not reviewed); every event and transaction then passes through the
scrubber ``core.observability`` hands in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.flask import FlaskIntegration

from core.config import ObservabilitySettings

Hook = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any] | None]


def start(
    settings: ObservabilitySettings,
    function: str,
    release: str,
    before_send: Hook,
    before_breadcrumb: Hook,
) -> None:
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        environment=settings.sentry_environment,
        release=release,
        traces_sampler=_sampler(settings.traces_sample_rate),
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        auto_enabling_integrations=False,
        integrations=[FlaskIntegration(transaction_style="url")],
        before_send=before_send,  # type: ignore[arg-type]
        before_send_transaction=before_send,  # type: ignore[arg-type]
        before_breadcrumb=before_breadcrumb,
    )
    sentry_sdk.get_global_scope().set_tag("function", function)


def _sampler(rate: float) -> Callable[[dict[str, Any]], float]:
    def sample(context: dict[str, Any]) -> float:
        # Health probes come every few seconds and say nothing: never traced.
        environ = context.get("wsgi_environ") or {}
        return 0.0 if environ.get("PATH_INFO") == "/healthz" else rate

    return sample


def span(op: str, name: str | None, data: dict[str, Any]) -> AbstractContextManager[Any]:
    return _span(op, name, data)


@contextmanager
def _span(op: str, name: str | None, data: dict[str, Any]) -> Iterator[Any]:
    with sentry_sdk.start_span(op=op, name=name or op) as current:
        for key, value in data.items():
            current.set_data(key, value)
        yield current


def set_tags(tags: dict[str, str]) -> None:
    for key, value in tags.items():
        sentry_sdk.set_tag(key, value)


def set_user(hashed_id: str) -> None:
    sentry_sdk.set_user({"id": hashed_id})


def set_transaction(name: str) -> None:
    sentry_sdk.get_current_scope().set_transaction_name(name, source="route")


def capture(error: BaseException, tags: dict[str, str]) -> str | None:
    with sentry_sdk.new_scope() as scope:
        for key, value in tags.items():
            scope.set_tag(key, value)
        return sentry_sdk.capture_exception(error)


def isolated() -> AbstractContextManager[Any]:
    return sentry_sdk.isolation_scope()


def flush(timeout_s: float) -> None:
    sentry_sdk.flush(timeout=timeout_s)
