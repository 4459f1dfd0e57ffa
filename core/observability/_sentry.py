"""Sentry through sentry-sdk, with its Flask integration (functions-framework serves Flask).

The SDK is imported when a :class:`Sentry` is made, which ``core.observability`` does only when
a DSN is configured: it costs about 0.2 s to import, which an instance without a DSN must not
pay. Nothing here is called before that.

Privacy is settled here once: no default PII, no request bodies, no local variables, and only
the integrations listed (auto-enabled ones such as Redis or httpx would record commands and
URLs this module has not reviewed); every event and transaction then passes through the
scrubber ``core.observability`` hands in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from core import __version__
from core.observability._settings import ObservabilitySettings

Hook = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any] | None]


class Sentry:
    """The started SDK, and the few calls observability makes of it."""

    def __init__(
        self,
        settings: ObservabilitySettings,
        function: str,
        before_send: Hook,
        before_breadcrumb: Hook,
    ) -> None:
        import sentry_sdk  # noqa: PLC0415 - the SDK, only when a DSN is set
        from sentry_sdk.integrations.flask import FlaskIntegration  # noqa: PLC0415

        sentry_sdk.init(
            dsn=settings.sentry_dsn,
            environment=settings.sentry_environment,
            release=release(settings),
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
        self._sdk = sentry_sdk

    def span(self, op: str, name: str | None, data: dict[str, Any]) -> AbstractContextManager[Any]:
        return self._span(op, name, data)

    @contextmanager
    def _span(self, op: str, name: str | None, data: dict[str, Any]) -> Iterator[Any]:
        with self._sdk.start_span(op=op, name=name or op) as current:
            for key, value in data.items():
                current.set_data(key, value)
            yield current

    def set_tags(self, tags: dict[str, str]) -> None:
        for key, value in tags.items():
            self._sdk.set_tag(key, value)

    def set_user(self, hashed_id: str) -> None:
        self._sdk.set_user({"id": hashed_id})

    def set_transaction(self, name: str) -> None:
        self._sdk.get_current_scope().set_transaction_name(name, source="route")

    def capture(self, error: BaseException, tags: dict[str, str]) -> str | None:
        with self._sdk.new_scope() as scope:
            for key, value in tags.items():
                scope.set_tag(key, value)
            event_id: str | None = self._sdk.capture_exception(error)
            return event_id

    def isolated(self) -> AbstractContextManager[Any]:
        scope: AbstractContextManager[Any] = self._sdk.isolation_scope()
        return scope

    def flush(self, timeout_s: float) -> None:
        self._sdk.flush(timeout=timeout_s)


def release(settings: ObservabilitySettings) -> str:
    """``SENTRY_RELEASE``, else the revision Cloud Functions runs (``K_REVISION``), else the
    package's version."""
    if settings.sentry_release:
        return settings.sentry_release
    revision = os.environ.get("K_REVISION")
    if revision:
        return revision
    return f"ion-mentoring@{__version__}"


def _sampler(rate: float) -> Callable[[dict[str, Any]], float]:
    def sample(context: dict[str, Any]) -> float:
        # Health probes come every few seconds and say nothing: never traced.
        environ = context.get("wsgi_environ") or {}
        return 0.0 if environ.get("PATH_INFO") == "/healthz" else rate

    return sample
